// Once per test run: a PostgreSQL for the tests (the embedded one in a fresh
// temporary folder, or the server DATABASE_URL names), and a migrated template
// database that each test file clones into a database of its own.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/migrate";
import { assertLocalDatabase, TEMPLATE_DATABASE, withDatabaseName } from "@/lib/testing/urls";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), "mend-test-db-"));
    // PostgreSQL runs as its own user, which must be able to enter the folder.
    await chmod(dir, 0o755);
    const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), password: "test-only" });
    adminUrl = database.adminUrl;
    stop = async () => {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrate(withDatabaseName(adminUrl, TEMPLATE_DATABASE));

  project.provide("adminUrl", adminUrl);
  return stop;
}
