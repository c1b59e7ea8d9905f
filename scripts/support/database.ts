// Gives a command a database: the one DATABASE_URL names, or else the embedded
// PostgreSQL whose data lives under the data folder (.data by default).
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { loadLocalSecrets } from "@/lib/local-secrets";

export const dataDir = () => path.resolve(process.env.MEND_DATA_DIR || ".data");

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openDatabase(log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dir = dataDir();
  const { EMBEDDED_DB_PASSWORD } = loadLocalSecrets(dir);
  const port = process.env.EMBEDDED_DB_PORT ? Number(process.env.EMBEDDED_DB_PORT) : undefined;
  const db = await startEmbeddedDatabase({
    dir: path.join(dir, "postgres"),
    port,
    password: EMBEDDED_DB_PASSWORD,
    log,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}

/** Loads .env when present, without overriding what the environment already says. */
export function loadDotEnv() {
  try {
    process.loadEnvFile(".env");
  } catch {
    // No .env: the environment alone is used.
  }
}
