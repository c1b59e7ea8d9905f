import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/database/migrate";
import { actualSchema, diffSchemas, expectedSchema, type SchemaShape } from "@/lib/database/schema-drift";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

let schemaText: string;
let expected: SchemaShape;

beforeAll(async () => {
  schemaText = await readFile(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
  expected = await expectedSchema(schemaText);
});

async function schemaOf(database: TestDatabase): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await actualSchema(client);
  } finally {
    await client.end();
  }
}

/** Builds a database from prisma/migrations with the first migration's SQL edited, and diffs it. */
async function diffAfterEditing(edit: (sql: string) => string): Promise<string[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), "mend-drift-"));
  const database = await createTestDatabase({ empty: true });
  try {
    await cp(MIGRATIONS, scratch, { recursive: true });
    const [first] = await readMigrations(scratch);
    const edited = edit(first!.sql);
    expect(edited, "the edit should change the migration").not.toBe(first!.sql);
    await writeFile(first!.file, edited);
    await migrate(database.url, { dir: scratch });
    return diffSchemas(expected, await schemaOf(database));
  } finally {
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
  }
}

describe("schema drift", () => {
  it("finds none between the migrated database and prisma/schema.prisma", async () => {
    const database = await createTestDatabase();
    try {
      expect(diffSchemas(expected, await schemaOf(database))).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it.each([
    {
      drift: "a column missing",
      edit: (sql: string) => sql.replace(/^\s*"image" TEXT,\n/m, ""),
      diff: ["User.image: column missing in database"],
    },
    {
      drift: "a column of another type",
      edit: (sql: string) => sql.replace(`"expires_at" INTEGER,`, `"expires_at" TEXT,`),
      diff: ["Account.expires_at: type is text in database, schema.prisma wants integer"],
    },
    {
      drift: "a column that may be null",
      edit: (sql: string) => sql.replace(`"title" TEXT NOT NULL,`, `"title" TEXT,`),
      diff: ["Guide.title: nullability is NULL in database, schema.prisma wants NOT NULL"],
    },
    {
      drift: "a unique index dropped",
      edit: (sql: string) => sql.replace(/^CREATE UNIQUE INDEX "Account_provider_providerAccountId_key".*\n/m, ""),
      diff: ["unique index Account_provider_providerAccountId_key missing in database"],
    },
    {
      drift: "an index under another name",
      edit: (sql: string) => sql.replace(`"Guide_position_idx"`, `"guide_position"`),
      diff: [
        "index Guide_position_idx missing in database",
        "index guide_position exists in database but not in schema.prisma",
      ],
    },
    {
      drift: "a changed default",
      edit: (sql: string) => sql.replace(`DEFAULT 'READER'`, `DEFAULT 'ADMIN'`),
      diff: ["User.role: default is ADMIN in database, schema.prisma wants READER"],
    },
    {
      drift: "a default the schema does not have",
      edit: (sql: string) => sql.replace(`"position" INTEGER NOT NULL,`, `"position" INTEGER NOT NULL DEFAULT 0,`),
      diff: ["Guide.position: default is 0 in database, schema.prisma wants none"],
    },
    {
      drift: "another ON DELETE action",
      edit: (sql: string) => sql.replace("ON DELETE CASCADE", "ON DELETE RESTRICT"),
      diff: ["foreign key Account_userId_fkey: ON DELETE is RESTRICT in database, schema.prisma wants CASCADE"],
    },
    {
      drift: "enum values in another order",
      edit: (sql: string) => sql.replace(`('READER', 'MODERATOR', 'ADMIN')`, `('READER', 'ADMIN', 'MODERATOR')`),
      diff: [
        "enum Role: value list is (READER, ADMIN, MODERATOR) in database, schema.prisma wants (READER, MODERATOR, ADMIN)",
      ],
    },
    {
      drift: "an extra table",
      edit: (sql: string) => `${sql}\nCREATE TABLE "Foo" ("id" TEXT NOT NULL);\n`,
      diff: ["table Foo exists in database but not in schema.prisma"],
    },
  ])("catches $drift in the migrations", async ({ edit, diff }) => {
    expect(await diffAfterEditing(edit)).toEqual(diff);
  });

  it("catches a field added to schema.prisma without a migration", async () => {
    const edited = schemaText.replace(/^(model User \{\n)/m, "$1  nickname String?\n");
    expect(edited).not.toBe(schemaText);
    const database = await createTestDatabase();
    try {
      expect(diffSchemas(await expectedSchema(edited), await schemaOf(database))).toEqual([
        "User.nickname: column missing in database",
      ]);
    } finally {
      await database.drop();
    }
  });

  // Features schema.prisma does not use yet, with the SQL `prisma migrate dev` writes for them.
  it("finds none between a schema using mapped names, native types and literal defaults and Prisma's SQL for it", async () => {
    const schema = `
datasource db {
  provider = "postgresql"
}

enum Colour {
  RED   @map("red")
  GREEN @map("green")

  @@map("colour")
}

model Shelf {
  id    Int    @id @default(autoincrement())
  label String @unique(map: "shelf_label") @db.VarChar(40)
  books Book[]

  @@map("shelves")
}

model Book {
  id       String    @id @default(uuid())
  shelfId  Int?      @map("shelf_id")
  title    String    @default("Untitled")
  price    Decimal   @default(9.99) @db.Decimal(8, 2)
  rating   Float     @default(-1.5)
  pages    BigInt    @default(0)
  tags     String[]  @default([])
  colours  Colour[]  @default([RED, GREEN])
  colour   Colour    @default(GREEN)
  meta     Json      @default("{\\"a\\": [1, 2]}")
  printed  DateTime  @default("2020-01-02T03:04:05Z") @db.Timestamptz(3)
  code     String    @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  shelf    Shelf?    @relation(fields: [shelfId], references: [id], onUpdate: NoAction, map: "book_shelf")

  @@index([price(sort: Desc), title])
  @@index([tags], type: Gin)
}
`;
    const sql = `
CREATE TYPE "colour" AS ENUM ('red', 'green');
CREATE TABLE "shelves" (
    "id" SERIAL NOT NULL,
    "label" VARCHAR(40) NOT NULL,
    CONSTRAINT "shelves_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Book" (
    "id" TEXT NOT NULL,
    "shelf_id" INTEGER,
    "title" TEXT NOT NULL DEFAULT 'Untitled',
    "price" DECIMAL(8,2) NOT NULL DEFAULT 9.99,
    "rating" DOUBLE PRECISION NOT NULL DEFAULT -1.5,
    "pages" BIGINT NOT NULL DEFAULT 0,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "colours" "colour"[] DEFAULT ARRAY['red', 'green']::"colour"[],
    "colour" "colour" NOT NULL DEFAULT 'green',
    "meta" JSONB NOT NULL DEFAULT '{"a": [1, 2]}',
    "printed" TIMESTAMPTZ(3) NOT NULL DEFAULT '2020-01-02 03:04:05 +00:00',
    "code" UUID NOT NULL DEFAULT gen_random_uuid(),
    CONSTRAINT "Book_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "shelf_label" ON "shelves"("label");
CREATE INDEX "Book_price_title_idx" ON "Book"("price" DESC, "title");
CREATE INDEX "Book_tags_idx" ON "Book" USING GIN ("tags");
ALTER TABLE "Book" ADD CONSTRAINT "book_shelf" FOREIGN KEY ("shelf_id") REFERENCES "shelves"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
`;
    const database = await createTestDatabase({ empty: true });
    try {
      await database.query(sql);
      const shape = await expectedSchema(schema);
      expect(diffSchemas(shape, await schemaOf(database))).toEqual([]);
      expect(shape.tables.Book!.foreignKeys[0]).toMatchObject({ name: "book_shelf", onDelete: "SET NULL" });

      await database.query(`ALTER TABLE "Book" ALTER COLUMN "rating" SET DEFAULT 1.5`);
      expect(diffSchemas(shape, await schemaOf(database))).toEqual([
        "Book.rating: default is 1.5 in database, schema.prisma wants -1.5",
      ]);
    } finally {
      await database.drop();
    }
  });
});
