// Requests per second and latency of one page under steady load (autocannon), with every
// response checked: status 200 and the expected body size; and, behind the proxy, how
// many came from its cache (X-Cache-Status).
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { nginxMain, nginxTempPaths } from "@/deploy/nginx";
import { findNginx, nginxUser, prepareRuntimeDir } from "@/deploy/runtime";
import { freePort } from "@/lib/database/embedded";
import { LocalDeployment } from "../e2e/support/deployment";
import { stopChild } from "../scripts/support/serve";
import { signUp } from "./client";

export const LOAD = {
  connections: 50,
  pipelining: 1,
  warmupSeconds: 3,
  durationSeconds: 10,
  /** A response slower than this counts as an error. */
  timeoutSeconds: 30,
};

export interface Throughput {
  name: string;
  url: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** 200s whose body was not the expected size. */
  wrongBody: number;
  expectedBytes: number;
  /** X-Cache-Status of the measured responses, when the proxy sent one. */
  cacheStatus: Record<string, number>;
  hitRatio: number | null;
}

/** Warms up, then loads `url` with the same settings as every other case. */
export async function loadTest(
  name: string,
  url: string,
  expectedBytes: number,
  headers: Record<string, string> = {},
): Promise<Throughput> {
  const { connections, pipelining, warmupSeconds, durationSeconds, timeoutSeconds } = LOAD;
  const target = new URL(url);
  const cacheStatus: Record<string, number> = {};
  let wrongBody = 0;
  let counting = false;
  const options = (duration: number): autocannon.Options => ({
    url: target.origin,
    connections,
    pipelining,
    duration,
    timeout: timeoutSeconds,
    requests: [
      {
        method: "GET",
        path: target.pathname + target.search,
        headers,
        onResponse: (status, body, _context, responseHeaders) => {
          if (!counting) return;
          if (status === 200 && Buffer.byteLength(body) !== expectedBytes) wrongBody++;
          // As the server spelled them.
          const key = Object.keys(responseHeaders ?? {}).find((k) => k.toLowerCase() === "x-cache-status");
          const cache = key ? String(responseHeaders![key]) : undefined;
          if (cache) cacheStatus[cache] = (cacheStatus[cache] ?? 0) + 1;
        },
      },
    ],
  });
  await autocannon(options(warmupSeconds));
  counting = true;
  const result = await autocannon(options(durationSeconds));
  const cached = Object.values(cacheStatus).reduce((a, b) => a + b, 0);
  return {
    name,
    url,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: Math.round(result.latency.average * 100) / 100,
      max: result.latency.max,
    },
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    wrongBody,
    expectedBytes,
    cacheStatus,
    hitRatio: cached ? Math.round(((cacheStatus.HIT ?? 0) / cached) * 10_000) / 10_000 : null,
  };
}

/** The response headers worth repeating from a static server: the page's own, not the connection's. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "content-type",
  "date",
  "etag",
  "vary",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
  "x-powered-by",
]);

/**
 * nginx serving one HTML file as a static file at `urlPath`, with `headers` added: the
 * ceiling for what any server can do with that page on this machine. The same number of
 * worker processes as the deployment's nginx (auto: one per core), no access log.
 */
export async function startStaticNginx(
  dir: string,
  port: number,
  urlPath: string,
  htmlFile: string,
  headers: Headers,
): Promise<{ process: ChildProcess; skippedHeaders: string[] }> {
  const nginx = findNginx();
  if (!nginx) throw new Error("nginx was not found: apt-get install -y nginx, or set NGINX_PATH");
  prepareRuntimeDir(dir);
  mkdirSync(path.join(dir, "www"), { recursive: true });
  const file = path.join(dir, "www", "page.html");
  copyFileSync(htmlFile, file);
  const added: string[] = [];
  const skippedHeaders: string[] = [];
  for (const [name, value] of headers) {
    if (HOP_BY_HOP.has(name)) continue;
    // nginx reads $ as a variable and " ends the string: such a header is left out (and said so).
    if (/["$\\\n]/.test(value)) skippedHeaders.push(name);
    else added.push(`      add_header ${name} "${value}" always;`);
  }
  const config = `${nginxMain(dir, nginxUser())}
http {
  server_tokens off;
  access_log off;
  sendfile on;
  tcp_nopush on;
  open_file_cache max=16;
${nginxTempPaths(dir)}

  server {
    listen 127.0.0.1:${port};
    location = ${urlPath} {
      default_type "${headers.get("content-type") ?? "text/html; charset=utf-8"}";
      alias ${file};
${added.join("\n")}
    }
  }
}
`;
  const configFile = path.join(dir, "nginx.conf");
  writeFileSync(configFile, config);
  const child = spawn(nginx, ["-p", dir, "-c", configFile, "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { process: child, skippedHeaders };
}

/** One request, its status, headers and body size, without compression (as autocannon asks). */
function probe(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; bytes: number; headers: Headers }>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => {
          const h = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) h.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          resolve({ status: response.statusCode ?? 0, bytes, headers: h });
        });
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

async function waitUntilUp(url: string) {
  for (let i = 0; i < 100; i++) {
    if (
      await probe(url).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

export interface ThroughputBench {
  settings: typeof LOAD & { cores: number; client: string };
  guide: string;
  nextStart: Throughput;
  nginxStatic: Throughput & { skippedHeaders: string[] };
  deployment: Throughput;
  deploymentSignedIn: Throughput;
  ratios: { nextStartOverNginxStatic: number; deploymentOverNginxStatic: number; deploymentOverNextStart: number };
  loadAverage: { before: number[]; after: number[] };
  ok: boolean;
}

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

/**
 * The guide page at `guidePath` under the same load, one case after the other:
 * next start alone (`site`), nginx serving the same prerendered HTML as a file, and
 * the deployment (nginx and its cache in front of two next start instances) for an
 * anonymous reader and for a signed-in one.
 */
export async function benchThroughput(
  site: string,
  guidePath: string,
  htmlFile: string,
  databaseUrl: string,
  secrets: { AUTH_SECRET: string; REFLECTIONS_KEY: string },
): Promise<ThroughputBench> {
  const { connections, pipelining, warmupSeconds, durationSeconds } = LOAD;
  const cores = cpus().length;
  console.log(
    `\nGuide page ${guidePath} under load: autocannon, ${connections} connections, pipelining ${pipelining}, ` +
      `${warmupSeconds} s warm-up then ${durationSeconds} s measured, ${LOAD.timeoutSeconds} s timeout, uncompressed (no Accept-Encoding), on loopback`,
  );
  console.log(
    `autocannon and the servers share the machine's ${cores} cores, so every figure includes the load generator's own cost`,
  );
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
  const cases: Throughput[] = [];
  // Not a private temporary folder: nginx's workers (nobody, when started by root) must read the page.
  const dir = path.resolve(".data", "bench-throughput");

  // (a) next start alone: the bench's site instance.
  const direct = new URL(guidePath, site.replace("localhost", "127.0.0.1")).href;
  const page = await probe(direct);
  if (page.status !== 200) throw new Error(`${direct} answered ${page.status}`);
  cases.push(await loadTest("next start", direct, page.bytes));

  // (b) the same prerendered HTML as a static file, with the headers next start sends with it.
  const staticPort = await freePort();
  const staticNginx = await startStaticNginx(path.join(dir, "static"), staticPort, guidePath, htmlFile, page.headers);
  let nginxStatic: Throughput & { skippedHeaders: string[] };
  try {
    const url = `http://127.0.0.1:${staticPort}${guidePath}`;
    await waitUntilUp(url);
    nginxStatic = {
      ...(await loadTest("nginx static file", url, statSync(htmlFile).size)),
      skippedHeaders: staticNginx.skippedHeaders,
    };
  } finally {
    await stopChild(staticNginx.process, 5_000, "SIGQUIT");
    rmSync(path.join(dir, "static"), { recursive: true, force: true });
  }
  cases.push(nginxStatic);

  // (c) and (d): the shipped deployment (npm run deploy:local) on the bench's database and secrets.
  const deployment = new LocalDeployment({
    dir: path.join(dir, "deploy"),
    databaseUrl,
    env: { AUTH_SECRET: secrets.AUTH_SECRET, REFLECTIONS_KEY: secrets.REFLECTIONS_KEY },
  });
  let anonymous: Throughput;
  let signedIn: Throughput;
  try {
    await deployment.start();
    const url = new URL(guidePath, deployment.proxyUrl.replace("localhost", "127.0.0.1")).href;
    const first = await probe(url);
    if (first.status !== 200) throw new Error(`${url} answered ${first.status} through the deployment`);
    anonymous = await loadTest("deployment, anonymous", url, first.bytes);
    const cookie = await signUp(
      deployment.proxyUrl,
      {
        name: "Bench reader",
        email: `bench-deploy-${Date.now().toString(36)}@example.com`,
        password: "bench reader passphrase",
      },
      "203.0.113.20",
    );
    const session = await probe(url, { Cookie: cookie });
    if (session.status !== 200) throw new Error(`${url} answered ${session.status} to a signed-in reader`);
    signedIn = await loadTest("deployment, signed in", url, session.bytes, { Cookie: cookie });
  } finally {
    await deployment.stop();
  }
  cases.push(anonymous, signedIn);
  const loadAfter = loadavg().map((n) => Math.round(n * 100) / 100);

  const ratios = {
    nextStartOverNginxStatic: ratio(cases[0]!.requestsPerSecond, nginxStatic.requestsPerSecond),
    deploymentOverNginxStatic: ratio(anonymous.requestsPerSecond, nginxStatic.requestsPerSecond),
    deploymentOverNextStart: ratio(anonymous.requestsPerSecond, cases[0]!.requestsPerSecond),
  };

  console.log(
    `\n${"case".padEnd(26)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"requests".padStart(10)}${"errors".padStart(8)}${"non-2xx".padStart(9)}${"bad body".padStart(10)}${"bytes".padStart(8)}  cache`,
  );
  for (const c of cases) {
    const cache = Object.entries(c.cacheStatus)
      .map(([status, n]) => `${status} ${n}`)
      .join(", ");
    console.log(
      `${c.name.padEnd(26)}${String(c.requestsPerSecond).padStart(8)}${String(c.latencyMs.p50).padStart(8)}${String(c.latencyMs.p99).padStart(8)}${String(c.requests).padStart(10)}${String(c.errors).padStart(8)}${String(c.non2xx).padStart(9)}${String(c.wrongBody).padStart(10)}${String(c.expectedBytes).padStart(8)}  ${cache || "-"}`,
    );
  }
  console.log(
    `\nreq/s ratios: next start / nginx static ${ratios.nextStartOverNginxStatic}, ` +
      `deployment / nginx static ${ratios.deploymentOverNginxStatic}, deployment / next start ${ratios.deploymentOverNextStart}`,
  );
  console.log(`deployment cache hit ratio after warm-up (anonymous): ${anonymous.hitRatio ?? "no X-Cache-Status"}`);
  if (nginxStatic.skippedHeaders.length) {
    console.log(`headers next start sends that the static file goes without: ${nginxStatic.skippedHeaders.join(", ")}`);
  }
  console.log(
    `load average (1, 5, 15 min) before ${loadBefore.join(", ")}, after ${loadAfter.join(", ")} on ${cores} cores`,
  );

  const problems: string[] = [];
  for (const c of cases) {
    if (c.errors || c.non2xx || c.wrongBody) {
      problems.push(`${c.name}: ${c.errors} errors, ${c.non2xx} non-2xx, ${c.wrongBody} bodies of the wrong size`);
    }
  }
  if ((anonymous.hitRatio ?? 0) < 0.99) problems.push(`anonymous readers were not served from the cache`);
  if ((signedIn.cacheStatus.HIT ?? 0) > 0) problems.push(`a signed-in reader was served from the cache`);
  for (const p of problems) console.log(`FAILED: ${p}`);
  console.log(`integrity: ${problems.length ? "FAILED" : "ok"}`);

  return {
    settings: { ...LOAD, cores, client: "autocannon on the same machine" },
    guide: guidePath,
    nextStart: cases[0]!,
    nginxStatic,
    deployment: anonymous,
    deploymentSignedIn: signedIn,
    ratios,
    loadAverage: { before: loadBefore, after: loadAfter },
    ok: problems.length === 0,
  };
}
