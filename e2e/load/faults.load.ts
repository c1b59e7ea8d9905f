// npm run test:load: writes under load while the parts behind the app fail.
//   A: one instance and its own PostgreSQL, which is stopped for several seconds
//      and started again while 20 writers post comments and save reflections.
//   B: two instances behind nginx (deploy/nginx.ts), one stopped with SIGTERM and
//      started again, then the other killed with SIGKILL and started again.
// Each checks status codes and integrity, never timings: every answer is a 200,
// a 503 with Retry-After (or nginx's 502 for a request on an instance that went
// away); no answer shows internals; everything acknowledged is stored, once.
// The rate limits are off (MEND_RATE_LIMITS=off, allowed with APP_ENV=local):
// writing as fast as the app answers is far beyond them, and they would answer
// 429 instead of the writes this suite is about. Each writer is its own account.
import { loadavg } from "node:os";
import { expect, test } from "@playwright/test";
import { IsolatedServer } from "../support/isolated-server";
import { duplicates, newTally, signUpWriters, stored, summary, write, type Tally, type Writer } from "./writers";

const WRITERS = 20;
const TARGET = { guide: "should-you-try-again", step: "lonely-or-compatible" };

test.describe.configure({ mode: "serial" });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `count()` has grown by `more` (the writers are getting through). */
async function progress(count: () => number, more: number) {
  const goal = count() + more;
  await expect.poll(count, { timeout: 180_000, intervals: [250] }).toBeGreaterThanOrEqual(goal);
}

const acks = (tally: Tally) => tally.comments.length + tally.saves.length;

/** Everything acknowledged is stored, nothing twice, nothing unacknowledged. */
async function expectIntegrity(server: IsolatedServer, writers: Writer[], tally: Tally) {
  expect(tally.unexpected, "answers other than 200, 502–504 or 503").toEqual([]);
  expect(tally.leaks, "answers that show internals").toEqual([]);
  expect(tally.noRetryAfter, "503s without Retry-After").toBe(0);
  expect(tally.statuses["500"] ?? 0).toBe(0);

  const { comments, versions } = await stored(server.databaseUrl, writers);
  const storedComments = new Map(comments.map((c) => [c.id, c.postKey]));
  for (const ack of tally.comments) expect(storedComments.get(ack.id), `comment ${ack.id}`).toBe(ack.postKey);
  expect(duplicates(tally.comments.map((c) => c.id)), "one comment acknowledged under two keys").toEqual([]);
  expect(duplicates(comments.map((c) => c.postKey)), "a postKey stored twice").toEqual([]);
  expect(comments.length, "comments stored = acknowledged").toBe(tally.comments.length);

  const storedSaves = new Map(versions.map((v) => [v.saveId, v.version]));
  for (const ack of tally.saves) expect(storedSaves.get(ack.saveId), `save ${ack.saveId}`).toBe(ack.version);
  expect(duplicates(versions.map((v) => v.saveId)), "a saveId stored twice").toEqual([]);
  expect(versions.length, "reflection versions stored = saves acknowledged").toBe(tally.saves.length);
  // Each writer's versions run 1, 2, 3… with none skipped: every save was based on the one before.
  for (const [w, writer] of writers.entries()) {
    const mine = versions.filter((v) => v.userId === writer.id).map((v) => v.version);
    expect(mine.sort((a, b) => a - b)).toEqual(mine.map((_, i) => i + 1));
    expect(mine.length).toBe(tally.saves.filter((s) => s.writer === w).length);
  }
}

test("A: PostgreSQL stops for several seconds under load; the app answers 503 and loses nothing", async () => {
  test.setTimeout(600_000);
  const server = new IsolatedServer({ env: { MEND_RATE_LIMITS: "off" } });
  try {
    await server.start();
    const writers = await signUpWriters(server.url, server.databaseUrl, WRITERS);
    const pid = server.appPid();
    const tally = newTally();
    let running = true;
    const load = write(tally, server.url, writers, TARGET, () => running);

    await progress(() => acks(tally), 2 * WRITERS);
    const before = { ...tally.statuses };
    await server.stopDatabase();
    const stoppedAt = Date.now();
    await sleep(8_000);
    const down = Object.entries(tally.statuses).map(([s, n]) => [s, n - (before[s] ?? 0)] as const);
    await server.startDatabase();
    const startedAt = Date.now();
    const acksAtStart = acks(tally);
    await expect.poll(() => tally.lastAck > startedAt, { timeout: 180_000, intervals: [100] }).toBe(true);
    const firstAck = tally.lastAck;
    // Every writer gets through again, more than once.
    await progress(() => acks(tally), 4 * WRITERS);
    running = false;
    await load;

    expect(server.appPid(), "the app process is the one that started").toBe(pid);
    expect(server.crashes).toBe(0);
    // The outage was felt: writes were refused with 503 while the database was away.
    expect(tally.statuses["503"] ?? 0).toBeGreaterThan(0);
    await expectIntegrity(server, writers, tally);

    console.log(
      summary(`A: PostgreSQL stopped for 8 s under ${WRITERS} writers (one instance)`, tally, {
        "answers while the database was down": down
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${s} ×${n}`)
          .join(", "),
        "writes acknowledged after it was started again": acks(tally) - acksAtStart,
        "from stopping the database to the end of the outage": `${((startedAt - stoppedAt) / 1000).toFixed(1)} s`,
        "from starting it again to the first write acknowledged": `${((firstAck - startedAt) / 1000).toFixed(1)} s (writers wait Retry-After: 5 s)`,
        "machine load (1 min)": loadavg()[0]!.toFixed(1),
      }),
    );
  } catch (error) {
    console.log(server.log().slice(-60).join("\n"));
    throw error;
  } finally {
    await server.stop();
  }
});

test("B: one of two instances behind nginx restarts under load (SIGTERM, then SIGKILL); nothing acknowledged is lost or doubled", async () => {
  test.setTimeout(600_000);
  const server = new IsolatedServer({ instances: 2, proxy: true, env: { MEND_RATE_LIMITS: "off" } });
  try {
    await server.start();
    const writers = await signUpWriters(server.url, server.databaseUrl, WRITERS);
    const tally = newTally();
    let running = true;
    const load = write(tally, server.url, writers, TARGET, () => running);
    const restarts: string[] = [];

    await progress(() => acks(tally), 2 * WRITERS);
    for (const [i, signal] of [
      [0, "SIGTERM"],
      [1, "SIGKILL"],
    ] as const) {
      const t0 = Date.now();
      await server.stopApp(i, signal);
      await progress(() => acks(tally), WRITERS); // served by the other instance meanwhile
      await server.startApp(i);
      restarts.push(`instance ${i + 1} ${signal}, back in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await progress(() => acks(tally), 2 * WRITERS);
    }
    running = false;
    await load;

    expect(server.crashes, "no instance stopped by itself").toBe(0);
    await expectIntegrity(server, writers, tally);

    // What nginx did about it: sent a request to the other instance when the first refused the
    // connection, or (comments and saves alone) when it dropped one it had taken.
    const nginx = server.log().filter((line) => line.startsWith("[nginx]"));
    const count = (pattern: RegExp) => nginx.filter((line) => pattern.test(line)).length;
    console.log(
      summary(`B: two instances behind nginx, ${WRITERS} writers, each instance restarted once`, tally, {
        restarts: restarts.join("; "),
        "requests nginx sent to the other instance, connection refused": count(/connect\(\) failed/),
        "requests an instance dropped unanswered, sent to the other": count(/prematurely closed|reset by peer/),
        "machine load (1 min)": loadavg()[0]!.toFixed(1),
      }),
    );
  } catch (error) {
    console.log(server.log().slice(-60).join("\n"));
    throw error;
  } finally {
    await server.stop();
  }
});
