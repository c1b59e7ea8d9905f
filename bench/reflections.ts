// Reflection autosaves through the real route (session check, encryption, a
// row lock and two writes per save) with many writers at once, and whether
// every acknowledged save, and only those, is stored: a retried save (same
// saveId) must not add a version.
import { randomInt, randomUUID } from "node:crypto";
import pg from "pg";
import { getGuides } from "@/lib/content/guides";
import { signUp } from "./client";
import { summarize, type Latency } from "./latency";

const PASSWORD = "bench passphrase for reflections";

export interface ReflectionsBench {
  writers: number;
  savesPerWriter: number;
  save: Latency;
  retry: Latency;
  savesPerSecond: number;
  acknowledged: number;
  versionsStored: number;
  entriesStored: number;
  /** Retries answered with the version their first send created. */
  retriesRecognised: number;
  conflicts: number;
  errors: number;
  integrity: boolean;
}

interface Answer {
  status: number;
  version?: number;
}

export async function benchReflections(
  site: string,
  databaseUrl: string,
  writers = 50,
  savesPerWriter = 20,
): Promise<ReflectionsBench> {
  const run = Date.now().toString(36);
  const email = (i: number) => `bench-reflections-${run}-${i}@example.com`;
  // A block of addresses of its own per run, so sign-ups stay under the per-address limit (5 an hour) on re-runs.
  const block = `100.${64 + randomInt(64)}.${randomInt(256)}`;
  const ip = (i: number) => `${block}.${i + 1}`;
  const guide = getGuides()[0]!;
  const target = { guide: guide.slug, step: guide.steps[0]!.id };

  // Sign-ups a few at a time: each hashes a password twice (sign-up, then the session).
  const cookies: string[] = [];
  for (let start = 0; start < writers; start += 5) {
    await Promise.all(
      Array.from({ length: Math.min(5, writers - start) }, async (_, k) => {
        const i = start + k;
        cookies[i] = await signUp(site, { name: `Writer ${i}`, email: email(i), password: PASSWORD }, ip(i));
      }),
    );
  }

  const save = async (i: number, body: object): Promise<Answer> => {
    try {
      const response = await fetch(`${site}/api/reflections/save`, {
        method: "POST",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          Origin: site,
          Cookie: cookies[i]!,
          "X-Forwarded-For": ip(i),
        },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => ({}))) as { version?: number };
      return { status: response.status, version: answer.version };
    } catch {
      return { status: 0 };
    }
  };

  const saveTimes: number[] = [];
  const retryTimes: number[] = [];
  const lastSaves: { body: object; version: number }[] = [];
  let acknowledged = 0;
  let conflicts = 0;
  let errors = 0;
  let retriesRecognised = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, i) => {
      let text = `Writer ${i}, on what I would do differently.\n`;
      let baseVersion = 0;
      for (let n = 1; n <= savesPerWriter; n++) {
        // Growing text, as autosave sends the whole answer every time.
        text += `\nParagraph ${n}: I keep coming back to the same evening, and what I did not say then. `.repeat(2);
        const body = { target, text, baseVersion, saveId: randomUUID() };
        const t0 = performance.now();
        const answer = await save(i, body);
        saveTimes.push(performance.now() - t0);
        if (answer.status === 200 && answer.version) {
          acknowledged++;
          baseVersion = answer.version;
          lastSaves[i] = { body, version: answer.version };
        } else if (answer.status === 409) conflicts++;
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // The answer to each writer's last save "was lost": the browser sends exactly the same request again.
  await Promise.all(
    lastSaves.map(async (last, i) => {
      const t0 = performance.now();
      const again = await save(i, last.body);
      retryTimes.push(performance.now() - t0);
      if (again.status === 200 && again.version === last.version) retriesRecognised++;
      else if (again.status === 409) conflicts++;
      else errors++;
    }),
  );

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const stored = await client
    .query<{ versions: number; entries: number }>(
      `SELECT count(*)::int AS versions, count(DISTINCT r.id)::int AS entries
         FROM "ReflectionVersion" v JOIN "Reflection" r ON r.id = v."reflectionId" JOIN "User" u ON u.id = r."userId"
        WHERE u.email LIKE $1`,
      [`bench-reflections-${run}-%`],
    )
    .finally(() => client.end());
  const { versions, entries } = stored.rows[0]!;

  return {
    writers,
    savesPerWriter,
    save: summarize(saveTimes),
    retry: summarize(retryTimes),
    savesPerSecond: Math.round((saveTimes.length / seconds) * 10) / 10,
    acknowledged,
    versionsStored: versions,
    entriesStored: entries,
    retriesRecognised,
    conflicts,
    errors,
    integrity:
      acknowledged === writers * savesPerWriter &&
      versions === acknowledged &&
      retriesRecognised === writers &&
      conflicts === 0 &&
      errors === 0,
  };
}
