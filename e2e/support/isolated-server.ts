// App instances with a database of their own that a test may stop and start,
// for tests of what happens when PostgreSQL or an instance goes away. They serve
// the same production build as the main e2e server. With `proxy`, nginx stands in
// front of them, configured as the deployment configures it (deploy/nginx.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { nginxConfig } from "@/deploy/nginx";
import { findNginx, loopbackAddresses, nginxUser, prepareRuntimeDir } from "@/deploy/runtime";
import { createPrismaClient } from "@/lib/database/client";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/migrate";
import { seed } from "@/lib/database/seed";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** What an answer must never show, even while parts are down: a stack, a query, the names of the parts behind the app. */
export const INTERNALS = /ECONNREFUSED|prisma|postgres|node_modules|at \w[\w.]* \(|\.[jt]sx?:\d+/i;

export interface IsolatedServerOptions {
  /** How many `next start` instances (1 unless said). */
  instances?: number;
  /** nginx in front of the instances; `url` is then nginx. */
  proxy?: boolean;
  /** More environment for the instances, e.g. MEND_RATE_LIMITS=off. */
  env?: Record<string, string>;
}

interface Instance {
  port: number;
  process?: ChildProcess;
  /** Exits the test did not ask for. */
  crashes: number;
  stopping: boolean;
}

export class IsolatedServer {
  private database?: EmbeddedDatabase;
  private readonly instances: Instance[] = [];
  private nginx?: ChildProcess;
  private readonly output: string[] = [];
  private readonly dir = mkdtempSync(path.join(tmpdir(), "mend-e2e-isolated-"));
  private dbPort = 0;
  /** Where readers go: nginx with `proxy`, else the one instance. */
  url = "";
  /** Each instance directly. */
  appUrls: string[] = [];

  constructor(private readonly options: IsolatedServerOptions = {}) {}

  get databaseUrl(): string {
    return this.database!.url;
  }

  async start() {
    chmodSync(this.dir, 0o755);
    this.dbPort = await freePort();
    await this.startDatabase();
    await migrate(this.database!.url);
    const db = createPrismaClient(this.database!.url);
    await seed(db).finally(() => db.$disconnect());

    for (let i = 0; i < (this.options.instances ?? 1); i++) {
      this.instances.push({ port: await freePort(), crashes: 0, stopping: false });
    }
    this.appUrls = this.instances.map((instance) => `http://localhost:${instance.port}`);
    this.url = this.options.proxy ? `http://localhost:${await freePort()}` : this.appUrls[0]!;
    await Promise.all(this.instances.map((_, i) => this.startApp(i)));
    if (this.options.proxy) await this.startProxy();
  }

  /** The environment every instance gets: the same secrets, so any of them can answer any reader. */
  private appEnv(port: number): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: this.database!.url,
      AUTH_SECRET: "isolated-e2e-secret-isolated-e2e-secret",
      AUTH_URL: this.url,
      AUTH_TRUST_HOST: "true",
      APP_ENV: "local",
      REFLECTIONS_KEY: Buffer.alloc(32, 7).toString("base64"),
      MEND_DATA_DIR: this.dir, // its mail outbox stays with it
      ...this.options.env,
    };
  }

  private keep(name: string, child: ChildProcess) {
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on("line", (line) => {
        this.output.push(`[${name}] ${line}`);
        if (this.output.length > 2000) this.output.splice(0, 1000);
      });
    }
  }

  /** Starts instance `i` (again) and waits until it answers. */
  async startApp(i: number) {
    const instance = this.instances[i]!;
    const child = spawn(process.execPath, [nextBin, "start", "--port", String(instance.port)], {
      env: this.appEnv(instance.port),
      stdio: ["ignore", "pipe", "pipe"],
    });
    instance.process = child;
    instance.stopping = false;
    this.keep(`app ${i + 1}`, child);
    child.on("exit", (code, signal) => {
      this.output.push(`[app ${i + 1}] exited (${signal ?? `exit ${code}`})`);
      if (!instance.stopping) instance.crashes++;
    });
    await waitForHealth(this.appUrls[i]!, () => child.exitCode !== null || child.signalCode !== null);
  }

  /** Stops instance `i` with `signal` (SIGTERM: as a deployment does; SIGKILL: as a crash would) and waits for it to go. */
  async stopApp(i: number, signal: NodeJS.Signals = "SIGTERM") {
    const instance = this.instances[i]!;
    const child = instance.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    instance.stopping = true;
    const exited = once(child, "exit");
    child.kill(signal);
    const late = await Promise.race([exited.then(() => false), delay(30_000).then(() => true)]);
    if (late) child.kill("SIGKILL");
    await exited;
  }

  /** The process id of instance `i` while it runs. */
  appPid(i = 0): number | undefined {
    const child = this.instances[i]?.process;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  /** How often an instance stopped without being asked to. */
  get crashes(): number {
    return this.instances.reduce((sum, instance) => sum + instance.crashes, 0);
  }

  /** What the instances and nginx printed, for checks and for a failure's message. */
  log(): string[] {
    return [...this.output];
  }

  private async startProxy() {
    const nginx = findNginx();
    if (!nginx) throw new Error("nginx was not found. Install it with `apt-get install -y nginx`.");
    const runtimeDir = path.join(this.dir, "nginx");
    prepareRuntimeDir(runtimeDir);
    const configFile = path.join(runtimeDir, "nginx.conf");
    writeFileSync(
      configFile,
      nginxConfig({
        listen: loopbackAddresses().map((host) => ({ host, port: Number(new URL(this.url).port) })),
        upstreams: this.instances.map((instance) => `127.0.0.1:${instance.port}`),
        runtimeDir,
        user: nginxUser(),
        accessLog: "off",
      }),
    );
    const child = spawn(nginx, ["-p", runtimeDir, "-c", configFile, "-g", "daemon off;"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.nginx = child;
    this.keep("nginx", child);
    await waitForHealth(this.url, () => child.exitCode !== null);
  }

  async startDatabase() {
    this.database = await startEmbeddedDatabase({
      dir: path.join(this.dir, "pg"),
      port: this.dbPort,
      password: "isolated-e2e",
    });
  }

  async stopDatabase() {
    await this.database?.stop();
  }

  async stop() {
    if (this.nginx && this.nginx.exitCode === null) {
      const exited = once(this.nginx, "exit");
      this.nginx.kill("SIGQUIT");
      await Promise.race([exited, delay(10_000).then(() => this.nginx?.kill("SIGKILL"))]);
    }
    await Promise.all(this.instances.map((_, i) => this.stopApp(i)));
    await this.database?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url: string, gone: () => boolean) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (gone()) throw new Error(`${url} stopped before it was ready`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await delay(200);
  }
  throw new Error(`${url} did not become healthy`);
}
