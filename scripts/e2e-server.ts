// The server the end-to-end tests run against: a production build on a fresh
// database (a new embedded PostgreSQL under .data/e2e, or a fresh `mend_e2e`
// database on the server DATABASE_URL names).
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
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
}

await run(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env });
