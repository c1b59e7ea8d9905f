import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "@/lib/database/migrate";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

const exec = promisify(execFile);
const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

let database: TestDatabase;
let scratch: string;

beforeEach(async () => {
  database = await createTestDatabase({ empty: true });
  scratch = await mkdtemp(path.join(tmpdir(), "mend-migrations-"));
});

afterEach(async () => {
  await database.drop();
  await rm(scratch, { recursive: true, force: true });
});

async function addMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

const appliedRows = () =>
  database
    .query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    )
    .then((r) => r.rows);

describe("migrate", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    const local = await readMigrations(MIGRATIONS);
    const first = await migrate(database.url);
    expect(first.applied).toEqual(local.map((m) => m.name));

    const rows = await appliedRows();
    expect(rows).toHaveLength(local.length);
    for (const [i, row] of rows.entries()) {
      const bytes = await readFile(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.migration_name).toBe(local[i]!.name);
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
    }

    const second = await migrate(database.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toHaveLength(local.length);
    expect(await appliedRows()).toHaveLength(local.length);
  });

  it("creates _prisma_migrations with Prisma's own columns", async () => {
    await migrate(database.url);
    const { rows } = await database.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(rows.map((r) => [r.column_name, r.data_type, r.is_nullable])).toEqual([
      ["id", "character varying", "NO"],
      ["checksum", "character varying", "NO"],
      ["finished_at", "timestamp with time zone", "YES"],
      ["migration_name", "character varying", "NO"],
      ["logs", "text", "YES"],
      ["rolled_back_at", "timestamp with time zone", "YES"],
      ["started_at", "timestamp with time zone", "NO"],
      ["applied_steps_count", "integer", "NO"],
    ]);
  });

  it("applies each migration once when two runs start at the same moment", async () => {
    // A slow migration makes the two runs overlap for certain.
    await addMigration(scratch, "20260101000000_first", `SELECT pg_sleep(0.5); CREATE TABLE "One" (id int);`);
    await addMigration(scratch, "20260101000001_second", `CREATE TABLE "Two" (id int);`);
    const [a, b] = await Promise.all([
      migrate(database.url, { dir: scratch }),
      migrate(database.url, { dir: scratch }),
    ]);
    expect([...a.applied, ...b.applied].sort()).toEqual(["20260101000000_first", "20260101000001_second"]);
    expect(await appliedRows()).toHaveLength(2);
  });

  it("applies each migration once when two `npm run db:migrate` processes race", async () => {
    const env = { ...process.env, DATABASE_URL: database.url };
    const runs = await Promise.all([
      exec("npm", ["run", "--silent", "db:migrate"], { env }),
      exec("npm", ["run", "--silent", "db:migrate"], { env }),
    ]);
    const local = await readMigrations(MIGRATIONS);
    expect(await appliedRows()).toHaveLength(local.length);
    const said = runs.map((r) => r.stdout).join("\n");
    expect(said.match(/^Applying migration /gm)).toHaveLength(local.length);
  }, 60_000);

  it("refuses, naming the file, when an applied migration was edited", async () => {
    await cp(MIGRATIONS, scratch, { recursive: true });
    await migrate(database.url, { dir: scratch });
    const [first] = await readMigrations(scratch);
    await writeFile(first!.file, first!.sql.replace(`"email" TEXT`, `"email" VARCHAR(320)`));

    const attempt = migrate(database.url, { dir: scratch });
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`${first!.name}/migration\\.sql was changed after it was applied`),
    );
  });

  it("`npm run db:migrate` exits non-zero and names the file when it refuses", async () => {
    await cp(MIGRATIONS, scratch, { recursive: true });
    await migrate(database.url, { dir: scratch });
    const [first] = await readMigrations(scratch);
    await writeFile(first!.file, first!.sql + "\n-- edited\n");
    const env = { ...process.env, DATABASE_URL: database.url, MEND_MIGRATIONS_DIR: scratch };
    const run = exec("npm", ["run", "--silent", "db:migrate"], { env });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${first!.name}/migration.sql was changed after it was applied`),
    });
  }, 60_000);

  it("rolls a failing migration back whole and records nothing", async () => {
    await addMigration(scratch, "20260101000000_good", `CREATE TABLE "Good" (id int);`);
    await addMigration(scratch, "20260101000001_bad", `CREATE TABLE "Half" (id int); SELECT no_such_function();`);
    await expect(migrate(database.url, { dir: scratch })).rejects.toThrow(
      /20260101000001_bad\/migration\.sql failed and was rolled back: function no_such_function\(\) does not exist/,
    );
    expect((await appliedRows()).map((r) => r.migration_name)).toEqual(["20260101000000_good"]);
    const { rows } = await database.query(`SELECT to_regclass('"Half"') AS half, to_regclass('"Good"') AS good`);
    expect(rows[0]).toEqual({ half: null, good: '"Good"' });
  });

  it("refuses when a migration applied to the database is missing from the folder", async () => {
    await addMigration(scratch, "20260101000000_kept", `CREATE TABLE "Kept" (id int);`);
    await addMigration(scratch, "20260101000001_lost", `CREATE TABLE "Lost" (id int);`);
    await migrate(database.url, { dir: scratch });
    await rm(path.join(scratch, "20260101000001_lost"), { recursive: true });
    await expect(migrate(database.url, { dir: scratch })).rejects.toThrow(
      /20260101000001_lost is applied to the database but its folder is missing/,
    );
  });

  it("refuses while a migration another tool started is unfinished", async () => {
    await addMigration(scratch, "20260101000000_a", `CREATE TABLE "A" (id int);`);
    await migrate(database.url, { dir: scratch });
    await database.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'y', '20260101000001_broken')`,
    );
    await expect(migrate(database.url, { dir: scratch })).rejects.toThrow(
      /20260101000001_broken was started but never finished/,
    );
  });
});
