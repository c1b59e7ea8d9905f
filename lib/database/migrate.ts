// Applies the SQL migrations in prisma/migrations the way `prisma migrate deploy`
// does, recording them in the same `_prisma_migrations` table with the same
// checksums, so Prisma's CLI (where its engine can run) agrees with us.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** The advisory lock key Prisma's migrate engine takes, so both exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = process.env.MEND_MIGRATIONS_DIR
  ? path.resolve(process.env.MEND_MIGRATIONS_DIR)
  : path.join(process.cwd(), "prisma", "migrations");

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface LocalMigration {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function checksum(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Reads the migration folders in order (their names start with a timestamp). */
export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<LocalMigration[]> {
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`);
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) throw new MigrationError(`${path.relative(process.cwd(), file)} is missing.`);
    const bytes = await readFile(file);
    migrations.push({ name, file, sql: bytes.toString("utf8"), checksum: checksum(bytes) });
  }
  return migrations;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every pending migration, each in its own transaction, holding the
 * advisory lock for the whole run. Refuses to go on when an applied migration's
 * file has changed, is missing, or a previous run by another tool failed.
 */
export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const local = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at
           FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed) {
        throw new MigrationError(
          `Migration ${failed.migration_name} was started but never finished. ` +
            `Fix the database by hand, then mark it rolled back or applied ` +
            `(npx prisma migrate resolve) before migrating again.`,
        );
      }
      const applied = new Map(
        rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]),
      );
      const byName = new Map(local.map((m) => [m.name, m]));
      for (const name of applied.keys()) {
        if (!byName.has(name)) {
          throw new MigrationError(
            `Migration ${name} is applied to the database but its folder is missing from ${
              options.dir ?? "prisma/migrations"
            }. Restore it from version control.`,
          );
        }
      }
      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const migration of local) {
        const row = applied.get(migration.name);
        if (row) {
          if (row.checksum !== migration.checksum) {
            throw new MigrationError(
              `${path.relative(process.cwd(), migration.file)} was changed after it was applied ` +
                `(checksum in database ${row.checksum.slice(0, 12)}…, file ${migration.checksum.slice(0, 12)}…). ` +
                `Applied migrations must not be edited: restore the file and put the change in a new migration.`,
            );
          }
          result.alreadyApplied.push(migration.name);
          continue;
        }
        log(`Applying migration ${migration.name}`);
        const startedAt = new Date();
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations"
               (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
            [randomUUID(), migration.checksum, migration.name, startedAt],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          const reason = error instanceof Error ? error.message : String(error);
          throw new MigrationError(
            `${path.relative(process.cwd(), migration.file)} failed and was rolled back: ${reason}`,
          );
        }
        result.applied.push(migration.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}
