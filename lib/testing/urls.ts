export const TEMPLATE_DATABASE = "mend_test_template";

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Tests create and drop databases: refuse to do that anywhere but this machine. */
export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  const local = ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host);
  if (!local && process.env.MEND_ALLOW_REMOTE_TEST_DATABASE !== "1") {
    throw new Error(
      `Tests create and drop databases, and DATABASE_URL points at ${host}. ` +
        `Use a local server, or set MEND_ALLOW_REMOTE_TEST_DATABASE=1 if that server is disposable.`,
    );
  }
}
