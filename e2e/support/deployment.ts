// The multi-instance deployment (npm run deploy:local) started for a test or the
// bench: its own database (or the one given), two `next start` instances and nginx
// in front, serving the build already made.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/lib/database/embedded";
import { loadLocalSecrets } from "@/lib/local-secrets";
import { assertLocalDatabase, withDatabaseName } from "@/lib/testing/urls";

const DATABASE = "mend_e2e_deploy";

export interface DeploymentOptions {
  /** Its data folder (secrets, nginx runtime, embedded database), emptied at start and stop. */
  dir?: string;
  /** A database already migrated and in use elsewhere, instead of one of its own. */
  databaseUrl?: string;
  /** Variables for the instances, e.g. the secrets of a site sharing that database. */
  env?: Record<string, string>;
}

export class LocalDeployment {
  /** nginx, the address readers use. */
  proxyUrl = "";
  /** Each instance directly. */
  appUrls: string[] = [];
  databaseUrl = "";
  private process?: ChildProcess;
  private output: string[] = [];
  private readonly dir: string;

  constructor(private readonly options: DeploymentOptions = {}) {
    this.dir = path.resolve(options.dir ?? path.join(".data", "e2e-deploy"));
  }

  async start() {
    // E2E_DEPLOY_PORT fixes the ports: nginx there, the instances and the database on the next three.
    const base = Number(process.env.E2E_DEPLOY_PORT) || 0;
    const [proxy, a, b, database] = base
      ? [base, base + 1, base + 2, base + 3]
      : [await freePort(), await freePort(), await freePort(), await freePort()];
    this.proxyUrl = `http://localhost:${proxy}`;
    this.appUrls = [a, b].map((p) => `http://localhost:${p}`);

    rmSync(this.dir, { recursive: true, force: true });
    // Not the runner's NODE_ENV or PORT: the deployment is local, with ports of its own.
    const env: Record<string, string | undefined> = {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "NODE_ENV" && key !== "PORT")),
      ...this.options.env,
      MEND_DATA_DIR: this.dir,
    };
    if (this.options.databaseUrl) {
      this.databaseUrl = env.DATABASE_URL = this.options.databaseUrl;
    } else if (process.env.DATABASE_URL) {
      assertLocalDatabase(process.env.DATABASE_URL);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${DATABASE}`);
      await admin.end();
      this.databaseUrl = env.DATABASE_URL = withDatabaseName(process.env.DATABASE_URL, DATABASE);
    } else {
      env.EMBEDDED_DB_PORT = String(database);
      const { EMBEDDED_DB_PASSWORD } = loadLocalSecrets(this.dir);
      this.databaseUrl = `postgresql://postgres:${encodeURIComponent(EMBEDDED_DB_PASSWORD)}@localhost:${database}/mend`;
    }

    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/deploy-local.ts", "--port", String(proxy), "--app-ports", `${a},${b}`, "--no-build"],
      // Its own process group, so that nothing it started can outlive the test.
      { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    this.process = child;
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding("utf8");
      stream.on("data", (text: string) => {
        this.output.push(...text.split("\n"));
        if (this.output.length > 400) this.output.splice(0, this.output.length - 200);
      });
    }

    const until = Date.now() + 240_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`npm run deploy:local stopped:\n${this.tail()}`);
      const healthy = await Promise.all(
        [this.proxyUrl, ...this.appUrls].map((url) =>
          fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      );
      if (healthy.every(Boolean)) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the deployment did not become healthy:\n${this.tail()}`);
  }

  /** The last lines the deployment printed, for a failure's message. */
  tail(lines = 40): string {
    return this.output.slice(-lines).join("\n");
  }

  async stop() {
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const late = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(r, 30_000, true))]);
      if (late) child.kill("SIGKILL");
      await exited;
    }
    // Whatever it started and left behind goes too (nothing, when it stopped cleanly).
    try {
      if (child?.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // the group is empty
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
