// npm run bench: builds the site and a bare Next page with the same configuration,
// serves both, measures them side by side, prints a table and writes
// bench/results/latest.json.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { freePort } from "@/lib/database/embedded";
import { getGuides } from "@/lib/content/guides";
import { loadLocalSecrets } from "@/lib/local-secrets";
import { run } from "../scripts/support/run";
import { benchCommentPosts, benchCommentReads } from "./comments";
import { signUp } from "./client";
import { firstLoadJs, type FirstLoad } from "./first-load-js";
import { chromiumPath, runLighthouse, type LighthouseResult } from "./lighthouse";
import { benchThroughput } from "./throughput";
import { benchReflections } from "./reflections";
import { benchSignIn } from "./sign-in";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const PASSWORD = "bench reader passphrase";
const children: ChildProcess[] = [];

async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

function serve(command: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, command, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}

async function main() {
  console.log("Building the bare baseline page…");
  rmSync("bench/bare-app/.next", { recursive: true, force: true });
  await run(process.execPath, [nextBin, "build", "bench/bare-app"], { env: { NODE_ENV: "production" } });

  const sitePort = await freePort();
  const barePort = await freePort();
  const data = path.resolve(".data", "bench");
  mkdirSync(data, { recursive: true });
  // The reflections bench counts what was stored, so the embedded database gets a port and password known here.
  const dbPort = await freePort();
  const secrets = loadLocalSecrets(data);
  const { EMBEDDED_DB_PASSWORD } = secrets;
  const databaseUrl =
    process.env.DATABASE_URL ??
    `postgresql://postgres:${encodeURIComponent(EMBEDDED_DB_PASSWORD)}@localhost:${dbPort}/mend`;
  console.log("Starting the site (builds it when stale) and the bare page…");
  serve(["--import", "tsx", "scripts/start.ts"], {
    PORT: String(sitePort),
    MEND_DATA_DIR: data,
    ...(process.env.DATABASE_URL ? {} : { EMBEDDED_DB_PORT: String(dbPort) }),
  });
  serve([nextBin, "start", "bench/bare-app", "--port", String(barePort)], { NODE_ENV: "production" });
  const site = `http://localhost:${sitePort}`;
  const bare = `http://localhost:${barePort}`;
  await waitFor(`${site}/api/health`);
  await waitFor(bare);

  const guide = getGuides()[0]!;
  const guidePath = `/guides/${guide.slug}`;
  // A reader signed in on the site, for the pages only they see.
  const readerCookie = await signUp(
    site,
    { name: "Bench reader", email: `bench-reader-${Date.now().toString(36)}@example.com`, password: PASSWORD },
    "203.0.113.10",
  );
  const baseline = await firstLoadJs(bare);
  const routes: { name: string; path: string; signedIn?: boolean }[] = [
    { name: "home", path: "/" },
    { name: "guide", path: guidePath },
    { name: "tags", path: "/tags" },
    { name: "search", path: "/search" },
    { name: "help", path: "/help" },
    { name: "sign in", path: "/sign-in" },
    { name: "sign up", path: "/sign-up" },
    { name: "journey (signed in)", path: "/journey", signedIn: true },
    { name: "account (signed in)", path: "/account", signedIn: true },
  ];
  const firstLoads: (FirstLoad & { name: string; path: string; overBareGzipBytes: number })[] = [];
  for (const route of routes) {
    const m = await firstLoadJs(site + route.path, route.signedIn ? readerCookie : undefined);
    firstLoads.push({ ...m, name: route.name, path: route.path, overBareGzipBytes: m.gzipBytes - baseline.gzipBytes });
  }
  const home = firstLoads.find((r) => r.path === "/")!;
  const guidePage = firstLoads.find((r) => r.path === guidePath)!;

  // Prerendered: the HTML file exists in the build and next start serves it from cache.
  const prerenderedHtml = path.join(".next", "server", "app", "guides", `${guide.slug}.html`);
  const response = await fetch(site + guidePath);
  const prerendered = {
    htmlInBuild: existsSync(prerenderedHtml),
    xNextjsCache: response.headers.get("x-nextjs-cache"),
    cacheControl: response.headers.get("cache-control"),
  };

  const budgetKb = 15;
  console.log("\nFirst-load JavaScript (all scripts the HTML loads, gzip -9)\n");
  console.log(
    `${"page".padEnd(44)}${"scripts".padStart(8)}${"raw".padStart(12)}${"gzip".padStart(12)}${"over bare".padStart(12)}`,
  );
  for (const [name, m] of [
    ["bare Next page", baseline] as const,
    ...firstLoads.map((r) => [`${r.name} ${r.path}`, r] as const),
  ]) {
    console.log(
      `${name.padEnd(44)}${String(m.scripts).padStart(8)}${KB(m.rawBytes).padStart(12)}${KB(m.gzipBytes).padStart(12)}${KB(m.gzipBytes - baseline.gzipBytes).padStart(12)}`,
    );
  }
  const over = (guidePage.gzipBytes - baseline.gzipBytes) / 1024;
  console.log(
    `\nGuide page budget: at most ${budgetKb} KB gzipped over the bare page: ${over.toFixed(1)} KB, ${over <= budgetKb ? "within" : "OVER"} budget`,
  );
  console.log(
    `Guide prerendered: HTML in build ${prerendered.htmlInBuild}, x-nextjs-cache ${prerendered.xNextjsCache}, cache-control "${prerendered.cacheControl}"`,
  );

  const throughput = await benchThroughput(site, guidePath, prerenderedHtml, databaseUrl, secrets);
  if (!throughput.ok) process.exitCode = 1;

  // Lighthouse loads the pages from next start directly: what the app itself sends, without the proxy's gzip or cache.
  console.log(
    `\nLighthouse (default mobile configuration: simulated throttling, a mid-range phone) on next start directly, headless ${chromiumPath()}\n`,
  );
  const lighthouse: LighthouseResult[] = [];
  for (const page of ["/", guidePath]) lighthouse.push(await runLighthouse(site + page));
  console.log(
    `${"page".padEnd(36)}${"perf".padStart(6)}${"a11y".padStart(6)}${"best".padStart(6)}${"seo".padStart(6)}${"FCP ms".padStart(9)}${"LCP ms".padStart(9)}${"TBT ms".padStart(9)}${"CLS".padStart(7)}${"SI ms".padStart(9)}`,
  );
  for (const r of lighthouse) {
    const { scores: c, metrics: m } = r;
    console.log(
      `${new URL(r.url).pathname.padEnd(36)}${String(c.performance).padStart(6)}${String(c.accessibility).padStart(6)}${String(c["best-practices"]).padStart(6)}${String(c.seo).padStart(6)}${String(m.fcpMs).padStart(9)}${String(m.lcpMs).padStart(9)}${String(m.tbtMs).padStart(9)}${String(m.cls).padStart(7)}${String(m.speedIndexMs).padStart(9)}`,
    );
  }
  console.log(
    `Lighthouse ${lighthouse[0]?.lighthouseVersion}, form factor ${lighthouse[0]?.formFactor}, throttling ${lighthouse[0]?.throttlingMethod}`,
  );
  for (const r of lighthouse) {
    const page = new URL(r.url).pathname;
    const counted = r.failing.filter((f) => f.weight > 0);
    const advice = r.failing.filter((f) => f.weight === 0);
    console.log(`${page}: ${counted.length} failing audits that count towards a score, ${advice.length} of advice`);
    for (const f of [...counted, ...advice]) {
      console.log(
        `  ${f.weight > 0 ? "FAILING" : "advice "} ${f.category} ${f.id} (score ${f.score}${f.detail ? `, ${f.detail}` : ""}): ${f.title}`,
      );
    }
    for (const e of r.consoleErrors) console.log(`  console error: ${e}`);
  }

  console.log("\nPassword sign-in through /api/account/sign-in (4 at a time)\n");
  const signIn = await benchSignIn(site);
  const { memoryCost, timeCost, parallelism } = signIn.argon2;
  console.log(`argon2id: memory ${memoryCost} KiB, ${timeCost} passes, parallelism ${parallelism}`);
  console.log(`${"case".padEnd(24)}${"n".padStart(6)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`);
  for (const [name, l] of [
    ["signed in", signIn.success],
    ["wrong password", signIn.wrongPassword],
    ["unknown email", signIn.unknownEmail],
  ] as const) {
    console.log(
      `${name.padEnd(24)}${String(l.count).padStart(6)}${String(l.p50).padStart(10)}${String(l.p99).padStart(10)}`,
    );
  }
  console.log(`unknown email / wrong password (p50): ${signIn.unknownOverWrongRatio}`);

  const [writers, savesPerWriter] = [50, 20];
  console.log(
    `\nReflection autosaves through /api/reflections/save (${writers} writers at once, ${savesPerWriter} saves each)\n`,
  );
  const reflections = await benchReflections(site, databaseUrl, writers, savesPerWriter);
  console.log(`${"case".padEnd(24)}${"n".padStart(6)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`);
  for (const [name, l] of [
    ["save", reflections.save],
    ["retry, same saveId", reflections.retry],
  ] as const) {
    console.log(
      `${name.padEnd(24)}${String(l.count).padStart(6)}${String(l.p50).padStart(10)}${String(l.p99).padStart(10)}`,
    );
  }
  console.log(`throughput: ${reflections.savesPerSecond} saves/s`);
  console.log(
    `acknowledged saves ${reflections.acknowledged}, versions stored ${reflections.versionsStored} ` +
      `(${reflections.entriesStored} entries): ${reflections.acknowledged === reflections.versionsStored ? "equal" : "DIFFERENT"}`,
  );
  console.log(
    `retries answered with the version first saved, adding none: ${reflections.retriesRecognised} of ${reflections.writers}`,
  );
  console.log(`conflicts ${reflections.conflicts}, errors ${reflections.errors}`);
  console.log(`integrity: ${reflections.integrity ? "ok" : "FAILED"}`);
  if (!reflections.integrity) process.exitCode = 1;

  // Latency under 50 readers at once depends on what else the machine runs: say how busy it was.
  const loadBefore = loadavg()[0]!;
  const reads = await benchCommentReads(site, databaseUrl);
  console.log(
    `\nComments: first page of a ${(reads.topLevel + reads.replies).toLocaleString("en")}-comment thread ` +
      `(${reads.topLevel.toLocaleString("en")} threads, ${reads.replies} replies) through ` +
      `/api/guides/${reads.guide}/comments, ${reads.concurrency} readers at once\n`,
  );
  console.log(
    `${"case".padEnd(24)}${"n".padStart(6)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}${"req/s".padStart(10)}${"errors".padStart(8)}`,
  );
  for (const [name, l] of [
    ["anonymous", reads.anonymous],
    ["signed in", reads.signedIn],
  ] as const) {
    console.log(
      `${name.padEnd(24)}${String(l.count).padStart(6)}${String(l.p50).padStart(10)}${String(l.p99).padStart(10)}${String(l.requestsPerSecond).padStart(10)}${String(l.errors).padStart(8)}`,
    );
  }
  console.log(`published comments the API reports: ${reads.total}`);
  console.log(
    `machine load (1-minute average) before and after: ${loadBefore.toFixed(1)}, ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
  const readsOk = reads.anonymous.errors === 0 && reads.signedIn.errors === 0;
  if (!readsOk) process.exitCode = 1;

  // Posting as fast as 20 writers can is far beyond the per-account limits (one comment per
  // 15 s), so this part runs on a second instance of the same build and database with the
  // limits off. MEND_RATE_LIMITS=off is refused unless APP_ENV=local.
  const postingPort = await freePort();
  const postingSite = `http://localhost:${postingPort}`;
  const posting = serve([nextBin, "start", "--port", String(postingPort)], {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET || secrets.AUTH_SECRET,
    REFLECTIONS_KEY: process.env.REFLECTIONS_KEY || secrets.REFLECTIONS_KEY,
    AUTH_URL: postingSite,
    AUTH_TRUST_HOST: "true",
    APP_ENV: "local",
    MEND_DATA_DIR: data,
    MEND_RATE_LIMITS: "off",
  });
  await waitFor(`${postingSite}/api/health`);
  const [commentWriters, postsPerWriter] = [20, 25];
  console.log(
    `\nComment posting through /api/comments (${commentWriters} trusted writers at once, ${postsPerWriter} posts each, a third of them replies)`,
  );
  console.log(
    `Rate limits OFF for this part only: MEND_RATE_LIMITS=off on a second instance of the same build and database\n`,
  );
  const posts = await benchCommentPosts(postingSite, databaseUrl, {
    writers: commentWriters,
    postsPerWriter,
  }).finally(() => stop(posting));
  console.log(`${"case".padEnd(24)}${"n".padStart(6)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`);
  for (const [name, l] of [
    ["post", posts.post],
    ["retry, same postKey", posts.retry],
  ] as const) {
    console.log(
      `${name.padEnd(24)}${String(l.count).padStart(6)}${String(l.p50).padStart(10)}${String(l.p99).padStart(10)}`,
    );
  }
  console.log(`throughput: ${posts.postsPerSecond} posts/s (machine load ${loadavg()[0]!.toFixed(1)} after)`);
  console.log(
    `acknowledged posts ${posts.acknowledged} (held ${posts.held}), comments stored ${posts.stored}: ` +
      `${posts.acknowledged === posts.stored ? "equal" : "DIFFERENT"}`,
  );
  console.log(`acknowledged comments missing from the database: ${posts.missing}`);
  console.log(
    `retries answered with the comment first stored: ${posts.retriesRecognised} of ${posts.retries}; ` +
      `comments stored after the retries ${posts.storedAfterRetries}`,
  );
  console.log(
    `errors ${posts.errors}${
      posts.errors > 0
        ? ` (${Object.entries(posts.errorStatuses)
            .map(([s, n]) => `${s}: ${n}`)
            .join(", ")})`
        : ""
    }`,
  );
  console.log(`integrity: ${posts.integrity ? "ok" : "FAILED"}`);
  if (!posts.integrity) process.exitCode = 1;

  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    "bench/results/latest.json",
    JSON.stringify(
      {
        date: new Date().toISOString(),
        firstLoadJs: { baseline, home, guide: guidePage, routes: firstLoads, budgetKb, guideOverBareKb: over },
        prerendered,
        throughput,
        lighthouse,
        signIn,
        reflections,
        comments: { reads, posts, loadBefore },
      },
      null,
      2,
    ) + "\n",
  );
  console.log("\nWrote bench/results/latest.json");
}

try {
  await main();
} finally {
  for (const child of children) await stop(child);
}
