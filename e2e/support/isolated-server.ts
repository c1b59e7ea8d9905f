// A second app instance with a database of its own that a test may stop and
// start, for tests of what happens when PostgreSQL goes away. It serves the
// same production build as the main e2e server.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/database/client";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/migrate";
import { seed } from "@/lib/database/seed";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export class IsolatedServer {
  private database?: EmbeddedDatabase;
  private app?: ChildProcess;
  private readonly dir = mkdtempSync(path.join(tmpdir(), "mend-e2e-isolated-"));
  private dbPort = 0;
  url = "";

  async start() {
    chmodSync(this.dir, 0o755);
    this.dbPort = await freePort();
    await this.startDatabase();
    await migrate(this.database!.url);
    const db = createPrismaClient(this.database!.url);
    await seed(db).finally(() => db.$disconnect());

    const port = await freePort();
    this.url = `http://localhost:${port}`;
    this.app = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: this.database!.url,
        AUTH_SECRET: "isolated-e2e-secret-isolated-e2e-secret",
        AUTH_URL: this.url,
        AUTH_TRUST_HOST: "true",
        APP_ENV: "local",
        REFLECTIONS_KEY: Buffer.alloc(32, 7).toString("base64"),
        MEND_DATA_DIR: this.dir, // its mail outbox stays with it
      },
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${this.url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("the isolated app did not become healthy");
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
    if (this.app && this.app.exitCode === null) {
      this.app.kill("SIGTERM");
      await once(this.app, "exit");
    }
    await this.database?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
