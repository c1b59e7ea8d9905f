// A database of the test file's own, cloned from the migrated template (or
// empty, for tests of the migrations themselves), dropped when the file ends.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { TEMPLATE_DATABASE, withDatabaseName } from "@/lib/testing/urls";

export interface TestDatabase {
  name: string;
  url: string;
  /** A Prisma client on it, created on first use. */
  readonly db: Database;
  /** A raw node-postgres query on it. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<T>>;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `mend_test_${randomBytes(6).toString("hex")}`;
  await admin((c) =>
    c.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
  const url = withDatabaseName(inject("adminUrl"), name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Dropping the database terminates idle connections; that is expected here.
  pool.on("error", () => {});
  let client: Database | undefined;
  return {
    name,
    url,
    get db() {
      client ??= createPrismaClient(url);
      return client;
    },
    query: (sql, params) => pool.query(sql, params),
    async drop() {
      await client?.$disconnect();
      await pool.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
