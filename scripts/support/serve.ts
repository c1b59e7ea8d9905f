// What `npm start` and `npm run deploy:local` share: the environment an app
// instance runs with, the database made ready once (migrations and seed), the
// production build, and stopping a child process cleanly.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import path from "node:path";
import { EnvError, parseEnv } from "@/lib/env";
import { loadLocalSecrets } from "@/lib/local-secrets";
import { MigrationError, migrate } from "@/lib/database/migrate";
import { readScriptHashes, SCRIPT_HASHES_FILE, writeScriptHashes } from "@/lib/security/script-hashes";
import { buildNeeded } from "./build-freshness";
import { dataDir, type DatabaseHandle } from "./database";
import { run } from "./run";

/** Next's own entry point, run with node directly so that signals reach it. */
export const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export const production = process.env.NODE_ENV === "production";

export const say = (line: string) => console.log(`[mend] ${line}`);

export function fail(message: string): never {
  console.error(`\n[mend] ${message}\n`);
  process.exit(1);
}

/**
 * The environment app instances run with. Locally, the secrets in the data folder
 * (so every instance signs and reads the same sessions and reflections) and
 * `publicUrl` as AUTH_URL; in production every variable must be given.
 */
export function appEnv(publicUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!production) {
    const secrets = loadLocalSecrets(dataDir());
    env.AUTH_SECRET ||= secrets.AUTH_SECRET;
    env.REFLECTIONS_KEY ||= secrets.REFLECTIONS_KEY;
    env.REFLECTIONS_OLD_KEYS ||= secrets.REFLECTIONS_OLD_KEYS;
    env.AUTH_URL ||= publicUrl;
    env.AUTH_TRUST_HOST ||= "true";
    env.APP_ENV ||= "local"; // mail goes to .data/outbox unless SMTP_URL is set
  } else if (!process.env.DATABASE_URL) {
    fail("DATABASE_URL is required when NODE_ENV=production: set it to your PostgreSQL connection string.");
  }
  try {
    // DATABASE_URL may still come from the embedded database, so it is checked after.
    parseEnv({ ...env, NODE_ENV: "production", DATABASE_URL: env.DATABASE_URL ?? "postgresql://embedded" });
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  return env;
}

export async function generatePrismaClient() {
  await run(process.execPath, ["--import", "tsx", "scripts/prisma-generate.ts"]);
}

/** Applies pending migrations and the seed, once, before any instance starts. */
export async function prepareDatabase(database: DatabaseHandle) {
  try {
    const result = await migrate(database.url, { log: say });
    say(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already in place`);
    const { createPrismaClient } = await import("@/lib/database/client");
    const { seed } = await import("@/lib/database/seed");
    const db = createPrismaClient(database.url);
    const seeded = await seed(db).finally(() => db.$disconnect());
    say(`seed: ${seeded.created} created, ${seeded.updated} updated`);
  } catch (error) {
    await database.stop();
    fail(error instanceof MigrationError ? `migration refused: ${error.message}` : String(error));
  }
}

/** Builds when there is no build or it is stale, and makes sure the build has its CSP script hashes. */
export async function ensureBuild(env: NodeJS.ProcessEnv) {
  const reason = buildNeeded();
  if (reason) {
    say(`building, because ${reason}…`);
    await run(process.execPath, [nextBin, "build"], { env: { ...env, NODE_ENV: "production" } });
  }
  ensureScriptHashes(env);
}

/** Also after a build made elsewhere (`next build` alone): proxy.ts reads the hashes of this build. */
export function ensureScriptHashes(env: NodeJS.ProcessEnv) {
  const distDir = path.resolve(env.MEND_DIST_DIR || ".next");
  if (!readScriptHashes(distDir)) {
    writeScriptHashes(distDir);
    say(`wrote ${SCRIPT_HASHES_FILE} for the build`);
  }
}

/** Sends SIGTERM and waits for the exit, at most `graceMs`, then SIGKILL. */
export async function stopChild(child: ChildProcess | undefined, graceMs = 8_000, signal: NodeJS.Signals = "SIGTERM") {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  const timer = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), graceMs).unref());
  if ((await Promise.race([exited, timer])) === "late") {
    child.kill("SIGKILL");
    await exited;
  }
}
