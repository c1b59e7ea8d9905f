// npm run reflections:rotate-key [-- --batch-size=200]: re-encrypts every reflection sealed with an old key
// under REFLECTIONS_KEY, then says which REFLECTIONS_OLD_KEYS can go. Works on DATABASE_URL or the embedded database.
import { createPrismaClient } from "@/lib/database/client";
import { loadLocalSecrets } from "@/lib/local-secrets";
import { createKeyring, KeyError, keyId, parseKey, type Keyring } from "@/lib/reflections/crypto";
import { reflectionKeyUsage, RotationError, rotateReflectionsKey } from "@/lib/reflections/rotate";
import { dataDir, loadDotEnv, openDatabase } from "./support/database";

const n = (count: number) => count.toLocaleString("en-US");

function fail(message: string): never {
  console.error(`reflections:rotate-key: ${message}`);
  process.exit(1);
}

const batchArg = process.argv.find((a) => a.startsWith("--batch-size="));
const batchSize = batchArg ? Number(batchArg.split("=")[1]) : 200;
if (!Number.isInteger(batchSize) || batchSize < 1) fail("--batch-size must be a whole number, 1 or more.");

loadDotEnv();
// The embedded database is read with the key npm start uses, from the data folder's secrets.json. Not so
// with DATABASE_URL: a forgotten REFLECTIONS_KEY would re-seal a real database with a key only this machine has.
const local = !process.env.DATABASE_URL && process.env.NODE_ENV !== "production";
const keyFromSecrets = local && !process.env.REFLECTIONS_KEY;
if (local) {
  const secrets = loadLocalSecrets(dataDir());
  process.env.REFLECTIONS_KEY ||= secrets.REFLECTIONS_KEY;
  // Guarded: process.env would store an absent value as the string "undefined".
  if (secrets.REFLECTIONS_OLD_KEYS) process.env.REFLECTIONS_OLD_KEYS ||= secrets.REFLECTIONS_OLD_KEYS;
}
if (!process.env.REFLECTIONS_KEY) {
  fail(
    "REFLECTIONS_KEY is not set. Set it to the new key (make one with `openssl rand -base64 32`) and " +
      "REFLECTIONS_OLD_KEYS to the key(s) it replaces, comma-separated, as the site has them, then run this again.",
  );
}
const oldKeys = (process.env.REFLECTIONS_OLD_KEYS ?? "")
  .split(",")
  .map((k) => k.trim())
  .filter(Boolean);
let keyring: Keyring;
let oldIds: string[];
try {
  keyring = createKeyring(process.env.REFLECTIONS_KEY, oldKeys);
  oldIds = oldKeys.map((k) => keyId(parseKey(k, "REFLECTIONS_OLD_KEYS")));
} catch (error) {
  fail(error instanceof KeyError ? error.message : String(error));
}

// Ctrl-C stops after the batch in hand (each finished batch is kept); a second one stops at once.
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => (interrupted = true));

const database = await openDatabase();
const db = createPrismaClient(database.url);
let progress = { done: 0, total: 0 };
try {
  console.log(
    `New key: key id ${keyring.currentId}${keyFromSecrets ? ` (from ${dataDir()}/secrets.json)` : ""}. ` +
      `Old keys: ${oldIds.length ? oldIds.map((id) => `key id ${id}`).join(", ") : "none"}.`,
  );
  const usage = await reflectionKeyUsage(db);
  const stale = (counts: Map<string, number>) =>
    [...counts].reduce((t, [id, count]) => (id === keyring.currentId ? t : t + count), 0);
  const [entries, versions] = [stale(usage.entries), stale(usage.versions)];
  // A key the keyring lacks is refused by the rotation itself, with the explanation.
  const known = [...usage.entries.keys(), ...usage.versions.keys()].every((id) => keyring.keys.has(id));
  if (known)
    console.log(
      entries + versions
        ? `To re-encrypt: ${n(entries + versions)} rows (${n(entries)} entries, ${n(versions)} versions).`
        : `Nothing to re-encrypt: every entry and version is sealed with key id ${keyring.currentId}.`,
    );

  // A line per batch would flood the terminal on a large database; one a second is enough to see it move.
  let lastLine = 0;
  const result = await rotateReflectionsKey(db, keyring, {
    batchSize,
    onProgress: ({ done, total }) => {
      progress = { done, total };
      if (interrupted) throw new Error("interrupted");
      if (Date.now() - lastLine < 1_000 && done < total) return;
      lastLine = Date.now();
      console.log(`re-encrypted ${n(done)} of ${n(total)} …`);
    },
  });

  if (result.total) console.log(`Re-encrypted ${n(result.reEncrypted)} rows under key id ${result.currentId}.`);
  if (result.raced) {
    console.log(`${n(result.raced)} were saved again while being re-encrypted; the save's text was kept.`);
  }
  for (const failure of result.failures.slice(0, 20)) {
    console.error(`Could not decrypt ${failure.table} ${failure.id}: ${failure.reason}`);
  }
  if (result.failures.length > 20) console.error(`…and ${n(result.failures.length - 20)} more.`);
  if (result.failures.length) {
    console.error(`Those rows keep their old key and text. Keep that key in REFLECTIONS_OLD_KEYS.`);
    process.exitCode = 1;
  }
  // Rows neither re-encrypted nor failed were sealed again with an old key by saves made during the run.
  const left = [...result.remaining.values()].reduce((a, b) => a + b, 0);
  if (left > result.failures.length) {
    const where = [...result.remaining].map(([id, count]) => `${n(count)} under key id ${id}`).join(", ");
    console.error(
      `Still sealed with an old key: ${where}. Saves made during the run used an old key: restart the site ` +
        `with the new REFLECTIONS_KEY (and the old one in REFLECTIONS_OLD_KEYS), then run this again.`,
    );
    process.exitCode = 1;
  }
  if (result.total && !result.remaining.size) {
    console.log(`Done: every entry and version is sealed with key id ${result.currentId}.`);
  }

  oldIds.forEach((id, i) => {
    const which = `REFLECTIONS_OLD_KEYS entry ${i + 1} (key id ${id})`;
    if (id === result.currentId) console.log(`${which} is REFLECTIONS_KEY itself: remove it.`);
    else if (result.unusedOldKeyIds.includes(id)) console.log(`${which} is no longer used by any row: remove it.`);
    else console.log(`${which} is still used by ${n(result.remaining.get(id) ?? 0)} rows: keep it.`);
  });
  if (!result.remaining.size && oldIds.length) {
    console.log(
      local
        ? `Then delete REFLECTIONS_OLD_KEYS where it is set (${dataDir()}/secrets.json or .env) and restart the site.`
        : `Then remove them from the site's configuration and restart it.`,
    );
  }
} catch (error) {
  // With the embedded database, Ctrl-C also stops PostgreSQL under the batch in hand: that one is not kept.
  if (interrupted) {
    console.error(
      `Stopped after re-encrypting ${n(progress.done)} of ${n(progress.total)} rows. ` +
        `Every finished batch is kept: run the command again to finish.`,
    );
    process.exitCode = 130;
  } else {
    console.error(error instanceof RotationError ? `reflections:rotate-key: ${error.message}` : error);
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
  await database.stop();
}
