import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGuides } from "@/lib/content/guides";
import { createKeyring } from "@/lib/reflections/crypto";
import { listReflections, saveReflection } from "@/lib/reflections/service";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

const root = path.resolve(import.meta.dirname, "..");
const newKey = () => randomBytes(32).toString("base64");
const [A, B, C] = [newKey(), newKey(), newKey()];
const guide = getGuides()[0]!;

let database: TestDatabase;
let user: string;

beforeAll(async () => {
  database = await createTestDatabase();
  user = (await database.db.user.create({ data: { email: "operator-test@example.com" } })).id;
});
afterAll(() => database.drop());

/** Runs the real command, as npm run reflections:rotate-key does, with only the variables given. */
function rotate(env: Record<string, string>, args: string[] = []) {
  const inherited = { ...process.env };
  for (const name of ["REFLECTIONS_KEY", "REFLECTIONS_OLD_KEYS", "DATABASE_URL"]) delete inherited[name];
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/rotate-reflections-key.ts", ...args], {
      cwd: root,
      env: { ...inherited, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    // npx's own warnings about the machine's npm configuration are not the command's.
    const own = (text: string) => text.replace(/^npm warn .*\n/gm, "");
    child.on("exit", (code) => resolve({ code, stdout, stderr: own(stderr) }));
  });
}

async function write(key: string, step: number, texts: string[]) {
  let version = 0;
  for (const text of texts) {
    const saved = await saveReflection(database.db, createKeyring(key), user, {
      target: { guide: guide.slug, step: guide.steps[step]!.id },
      text,
      baseVersion: version,
      saveId: randomUUID(),
    });
    version = saved.version;
  }
}

// Each case starts tsx and a Prisma client from scratch, twice in the first.
describe("npm run reflections:rotate-key", { timeout: 90_000 }, () => {
  it("re-encrypts under REFLECTIONS_KEY, prints its progress, and says which old keys can go", async () => {
    await write(A, 0, ["first", "second", "third"]);
    await write(A, 1, ["another step"]);
    const { code, stdout, stderr } = await rotate(
      { DATABASE_URL: database.url, REFLECTIONS_KEY: B, REFLECTIONS_OLD_KEYS: ` ${A} ,` },
      ["--batch-size=2"],
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [a, b] = [createKeyring(A).currentId, createKeyring(B).currentId];
    expect(stdout).toContain(`New key: key id ${b}. Old keys: key id ${a}.`);
    expect(stdout).toContain("To re-encrypt: 6 rows (2 entries, 4 versions).");
    expect(stdout).toMatch(/^re-encrypted 2 of 6 …$/m);
    expect(stdout).toContain(`Re-encrypted 6 rows under key id ${b}.`);
    expect(stdout).toContain(`Done: every entry and version is sealed with key id ${b}.`);
    expect(stdout).toContain(`REFLECTIONS_OLD_KEYS entry 1 (key id ${a}) is no longer used by any row: remove it.`);
    const texts = (await listReflections(database.db, createKeyring(B), user)).map((r) => r.text).sort();
    expect(texts).toEqual(["another step", "third"]);

    const again = await rotate({ DATABASE_URL: database.url, REFLECTIONS_KEY: B, REFLECTIONS_OLD_KEYS: A });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Nothing to re-encrypt: every entry and version is sealed with key id ${b}.`);
  });

  it("exits 1, changing nothing, when a row's key is in neither REFLECTIONS_KEY nor REFLECTIONS_OLD_KEYS", async () => {
    await write(C, 2, ["sealed with a key the operator forgot"]);
    const { code, stderr } = await rotate({ DATABASE_URL: database.url, REFLECTIONS_KEY: B, REFLECTIONS_OLD_KEYS: A });
    expect(code).toBe(1);
    expect(stderr).toContain(
      `reflections:rotate-key: 2 row(s) are sealed with key id ${createKeyring(C).currentId}, which is neither ` +
        `REFLECTIONS_KEY nor in REFLECTIONS_OLD_KEYS. Add the key that sealed them to REFLECTIONS_OLD_KEYS and ` +
        `run again. Nothing was changed.`,
    );
    const keys = await database.query(`SELECT DISTINCT "keyId" FROM "Reflection" WHERE "stepId" = $1`, [
      guide.steps[2]!.id,
    ]);
    expect(keys.rows).toEqual([{ keyId: createKeyring(C).currentId }]);
  });

  it("says what to set when REFLECTIONS_KEY is missing", async () => {
    const { code, stderr } = await rotate({ DATABASE_URL: database.url });
    expect(code).toBe(1);
    expect(stderr).toContain(
      "REFLECTIONS_KEY is not set. Set it to the new key (make one with `openssl rand -base64 32`)",
    );
  });
});
