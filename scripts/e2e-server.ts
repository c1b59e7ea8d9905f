// The server the end-to-end tests run against: a production build on a fresh
// database (a new embedded PostgreSQL under .data/e2e, or a fresh `mend_e2e`
// database on the server DATABASE_URL names), sending its mail to a real SMTP
// mail catcher whose messages the specs read from E2E_MAIL_DIR.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startMailCatcher } from "@/e2e/support/mail-catcher";
import { startOAuthProvider } from "@/e2e/support/oauth-provider";
import { E2E_DATABASE_URL_FILE, E2E_MAIL_DIR, E2E_OAUTH_CONTROL_FILE } from "@/e2e/support/paths";
import { freePort } from "@/lib/database/embedded";
import { loadLocalSecrets } from "@/lib/local-secrets";
import { assertLocalDatabase, withDatabaseName } from "@/lib/testing/urls";
import { run } from "./support/run";

const env: Record<string, string | undefined> = { ...process.env };
if (process.env.DATABASE_URL) {
  assertLocalDatabase(process.env.DATABASE_URL);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS mend_e2e WITH (FORCE)");
  await admin.query("CREATE DATABASE mend_e2e");
  await admin.end();
  env.DATABASE_URL = withDatabaseName(process.env.DATABASE_URL, "mend_e2e");
} else {
  const dir = path.resolve(".data", "e2e");
  rmSync(dir, { recursive: true, force: true });
  env.MEND_DATA_DIR = dir;
  // A known port and password, so the specs can look into the database too.
  const port = await freePort();
  env.EMBEDDED_DB_PORT = String(port);
  const { EMBEDDED_DB_PASSWORD } = loadLocalSecrets(dir);
  env.DATABASE_URL_FOR_SPECS = `postgresql://postgres:${encodeURIComponent(EMBEDDED_DB_PASSWORD)}@localhost:${port}/mend`;
}
mkdirSync(path.dirname(E2E_DATABASE_URL_FILE), { recursive: true });
writeFileSync(E2E_DATABASE_URL_FILE, env.DATABASE_URL ?? env.DATABASE_URL_FOR_SPECS!, { mode: 0o600 });
delete env.DATABASE_URL_FOR_SPECS;

// Emptied first, so a spec never finds mail left over from an earlier run.
rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
const mail = await startMailCatcher({ dir: E2E_MAIL_DIR });
env.SMTP_URL = mail.url;

// Google sign-in, against a provider on this machine.
const oauth = await startOAuthProvider();
writeFileSync(E2E_OAUTH_CONTROL_FILE, oauth.controlUrl);
env.AUTH_GOOGLE_ID = "mend-e2e";
env.AUTH_GOOGLE_SECRET = "mend-e2e-secret";
env.AUTH_GOOGLE_ISSUER = oauth.issuer;

try {
  await run(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env });
} finally {
  await mail.stop();
  await oauth.stop();
}
