// Two app instances behind nginx (npm run deploy:local), as in production: any
// instance can serve any reader, because nothing lives in one process's memory.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { type APIRequestContext, type APIResponse, expect, type PlaywrightWorkerArgs, test } from "@playwright/test";
import type { CommentPage } from "@/lib/comments/types";
import { PASSWORD, uniqueEmail } from "./support/accounts";
import { LocalDeployment } from "./support/deployment";
import { expectPolicy, expectSessionCookie, expectSiteHeaders, SITE_HEADERS } from "./support/security-headers";

test.describe.configure({ mode: "serial" });

const GUIDE = "should-you-try-again";

let deployment: LocalDeployment;
let A = "";
let B = "";
let proxy = "";

test.beforeAll(async () => {
  test.setTimeout(300_000);
  deployment = new LocalDeployment();
  await deployment.start();
  [A, B] = deployment.appUrls as [string, string];
  proxy = deployment.proxyUrl;
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await deployment?.stop();
});

// Every client here is its own address to the app (when it talks to an instance directly).
let lastAddress = 10;
const nextAddress = () => `198.51.100.${++lastAddress}`;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: deployment.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A POST as the site's own scripts send it, to one instance or to the proxy. */
function post(request: APIRequestContext, base: string, path: string, data: object) {
  return request.post(`${base}${path}`, { headers: { Accept: "application/json", Origin: base }, data });
}

async function client(playwright: PlaywrightWorkerArgs["playwright"]) {
  return playwright.request.newContext({ extraHTTPHeaders: { "x-forwarded-for": nextAddress() } });
}

/** A new reader, signed up (and so signed in) through `base`. */
async function reader(playwright: PlaywrightWorkerArgs["playwright"], base: string, name: string) {
  const request = await client(playwright);
  const email = uniqueEmail("multi");
  const answer = await post(request, base, "/api/account/sign-up", { name, email, password: PASSWORD });
  expect(answer.status(), await answer.text()).toBe(200);
  return { request, email, name };
}

/** Staff, with a verified email: their comments are published at once. */
async function makeModerator(email: string) {
  await sql(`UPDATE "User" SET role = 'MODERATOR', "emailVerified" = now() WHERE email = $1`, [email]);
}

async function comments(request: APIRequestContext, base: string): Promise<CommentPage> {
  const answer = await request.get(`${base}/api/guides/${GUIDE}/comments`);
  expect(answer.status()).toBe(200);
  return answer.json();
}

test("a session started on one instance is honoured by the other, and ended there for both", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": nextAddress() } });
  const page = await context.newPage();
  const email = uniqueEmail("multi");
  await page.goto(`${A}/sign-up`);
  await page.getByLabel("Display name").fill("Steady Cedar 31");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  // The cookie instance A set opens the account on instance B.
  await page.goto(`${B}/account`);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  // A change made through B is what A sees.
  const renamed = await post(page.request, B, "/api/account/name", { name: "Brave Harbour 7" });
  expect(renamed.status()).toBe(200);
  const session = await (await page.request.get(`${A}/api/auth/session`)).json();
  expect(session.user.name).toBe("Brave Harbour 7");

  // Signing out everywhere through B ends the session on A too.
  expect((await post(page.request, B, "/api/account/sign-out-everywhere", {})).status()).toBe(200);
  expect(await (await page.request.get(`${A}/api/auth/session`)).json()).toBeNull();
  await context.close();
});

test("through nginx, anonymous guides and assets are cached, and signed-in pages never are", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext();
  const guide = `${proxy}/guides/owning-what-went-wrong`;
  expect((await anonymous.get(guide)).status()).toBe(200);
  const cached = await anonymous.get(guide);
  expect(cached.headers()["x-cache-status"]).toBe("HIT");
  expect(cached.headers()["set-cookie"]).toBeUndefined();

  const asset = (await cached.text()).match(/\/_next\/static\/[^"'\s]+\.js/)?.[0];
  expect(asset).toBeTruthy();
  await anonymous.get(`${proxy}${asset}`);
  expect((await anonymous.get(`${proxy}${asset}`)).headers()["x-cache-status"]).toBe("HIT");

  const gzipped = await anonymous.get(guide, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzipped.headers()["content-encoding"]).toBe("gzip");

  // Two readers, signed up on different instances, each see only their own account through the proxy.
  const one = await reader(playwright, A, "Open Meadow 55");
  const two = await reader(playwright, B, "Patient Willow 20");
  for (const [me, other] of [
    [one, two],
    [two, one],
    [one, two],
    [two, one],
  ] as const) {
    const page = await me.request.get(`${proxy}/account`);
    expect(page.status()).toBe(200);
    expect(page.headers()["x-cache-status"]).not.toBe("HIT");
    const html = await page.text();
    expect(html).toContain(me.email);
    expect(html).not.toContain(other.email);
  }

  // A signed-in reader always reaches the app, and nothing they get is kept for others.
  const other = `${proxy}/guides/the-apology-that-lands`;
  for (let i = 0; i < 2; i++) expect((await one.request.get(other)).headers()["x-cache-status"]).toBe("BYPASS");
  expect((await anonymous.get(other)).headers()["x-cache-status"]).toBe("MISS");
  expect((await anonymous.get(other)).headers()["x-cache-status"]).toBe("HIT");
  expect((await one.request.get(other)).headers()["x-cache-status"]).toBe("BYPASS");

  // The API is never cached.
  const api = await anonymous.get(`${proxy}/api/guides/${GUIDE}/comments`);
  expect(api.headers()["x-cache-status"]).toBeUndefined();
  await Promise.all([anonymous.dispose(), one.request.dispose(), two.request.dispose()]);
});

test("through nginx, the app counts the address nginx saw, not the one the client claims", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext();
  const answer = await anonymous.post(`${proxy}/api/account/sign-in`, {
    headers: { Accept: "application/json", Origin: proxy, "X-Forwarded-For": "192.0.2.77" },
    data: { email: uniqueEmail("nobody"), password: "not the password at all" },
  });
  expect(answer.status()).toBe(401);
  const keys = (await sql<{ key: string }>(`SELECT key FROM "RateLimit" WHERE key LIKE 'signInIp:%'`)).map(
    (r) => r.key,
  );
  expect(keys).not.toContain("signInIp:192.0.2.77");
  expect(keys.some((key) => key === "signInIp:127.0.0.1" || key === "signInIp:::1")).toBe(true);
  await anonymous.dispose();
});

test("rate limits count attempts on every instance together", async ({ playwright }) => {
  /** Wrong passwords sent to the instances in turn, until one answers 429: how many were refused before. */
  async function attemptsUntilLimited(bases: string[]) {
    const { request, email } = await reader(playwright, A, "Calm Tide 40");
    for (let attempt = 0; attempt < 30; attempt++) {
      const answer = await post(request, bases[attempt % bases.length]!, "/api/account/sign-in", {
        email,
        password: "this is not it at all",
      });
      if (answer.status() === 429) {
        expect(Number(answer.headers()["retry-after"])).toBeGreaterThan(0);
        expect((await answer.json()).error.message).toContain("Too many sign-in attempts for this account.");
        await request.dispose();
        return attempt;
      }
      expect(answer.status()).toBe(401);
    }
    throw new Error("no limit was reached");
  }

  const onOne = await attemptsUntilLimited([A]);
  const acrossBoth = await attemptsUntilLimited([A, B]);
  expect(onOne).toBeGreaterThan(1);
  expect(acrossBoth).toBe(onOne);
});

test("a comment posted through one instance is seen through the other at once, and so is its removal", async ({
  playwright,
}) => {
  const author = await reader(playwright, A, "Gentle River 12");
  const moderator = await reader(playwright, B, "Kind Lantern 8");
  await makeModerator(author.email);
  await makeModerator(moderator.email);
  const anonymous = await playwright.request.newContext();

  const body = `What helped me most was writing the letter and not sending it. ${randomUUID()}`;
  const posted = await post(author.request, A, "/api/comments", { guide: GUIDE, body, postKey: randomUUID() });
  expect(posted.status(), await posted.text()).toBe(200);
  const { comment } = await posted.json();
  expect(comment.state).toBe("published");

  // Read at once, on the other instance and through the proxy: no instance keeps its own copy.
  for (const base of [B, proxy]) {
    const page = await comments(anonymous, base);
    const thread = page.threads.find((t) => t.comment.id === comment.id);
    expect(thread?.comment.state).toBe("published");
    expect(thread?.comment.html).toContain("writing the letter");
  }

  const reason = "This reads as advice to someone else rather than your own experience.";
  const removed = await post(moderator.request, B, "/api/moderation/comment", {
    id: comment.id,
    action: "remove",
    reason,
  });
  expect(removed.status(), await removed.text()).toBe(200);

  // Through A, and through the proxy: gone for readers, and the author sees why.
  for (const base of [A, proxy]) {
    const page = await comments(anonymous, base);
    expect(page.threads.find((t) => t.comment.id === comment.id)).toBeUndefined();
    const own = (await comments(author.request, base)).threads.find((t) => t.comment.id === comment.id);
    expect(own?.comment.state).toBe("removed");
    expect(own?.comment.own?.moderationReason).toBe(reason);
  }
  await Promise.all([anonymous.dispose(), author.request.dispose(), moderator.request.dispose()]);
});

/** A response's headers, with the policy's per-request nonce taken out so two answers can be compared. */
function comparable(response: APIResponse) {
  const names = [...SITE_HEADERS, "content-security-policy", "strict-transport-security"];
  return Object.fromEntries(
    names.map((name) => [name, response.headers()[name]?.replace(/'nonce-[^']+'/, "'nonce-…'")]),
  );
}

test("through nginx, every security header arrives once and as the app sent it; nginx names no version", async ({
  playwright,
}) => {
  const anonymous = await playwright.request.newContext();
  const reader = await client(playwright);
  const signUp = await post(reader, proxy, "/api/account/sign-up", {
    name: "Bright Alder 12",
    email: uniqueEmail("multi"),
    password: PASSWORD,
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  // Prerendered (policy by hash), rendered per request (nonce), the API, a missing page, and signed in.
  const checks: [APIRequestContext, string, "hashes" | "nonce" | null, number][] = [
    [anonymous, "/", "hashes", 200],
    [anonymous, "/guides/changing-the-pattern", "hashes", 200],
    [anonymous, "/search?q=trust", "nonce", 200],
    [anonymous, "/sign-in", "nonce", 200],
    [anonymous, "/no-such-page", "nonce", 404],
    [anonymous, "/api/health", "nonce", 200],
    [anonymous, `/api/guides/${GUIDE}/comments`, "nonce", 200],
    [reader, "/account", "nonce", 200],
    [reader, "/api/progress", "nonce", 200],
  ];
  for (const [request, path, policy, status] of checks) {
    const through = await request.get(`${proxy}${path}`, { maxRedirects: 0 });
    expect(through.status(), path).toBe(status);
    expectSiteHeaders(through);
    if (policy) expectPolicy(through, policy);
    // Unaltered: the same headers as an instance gives directly.
    const direct = await request.get(`${A}${path}`, {
      maxRedirects: 0,
      headers: { Cookie: through.headers()["set-cookie"] ?? "" },
    });
    if (request === anonymous) expect(comparable(through), path).toEqual(comparable(direct));
    expect(through.headers()["server"] ?? "", path).not.toMatch(/\d/);
    expect(through.headers()["x-powered-by"], path).toBeUndefined();
  }

  // nginx's own answers (an over-size body) name no version either, and still carry no secrets.
  const tooLarge = await anonymous.post(`${proxy}/api/account/sign-in`, {
    headers: { Origin: proxy, Accept: "application/json", "Content-Type": "application/json" },
    data: JSON.stringify({ a: "a".repeat(400 * 1024) }),
    failOnStatusCode: false,
  });
  expect(tooLarge.status()).toBe(413);
  expect(tooLarge.headers()["server"]).toBe("nginx");
  expect(await tooLarge.text()).not.toMatch(/nginx\/\d/);
  await Promise.all([anonymous.dispose(), reader.dispose()]);
});

test("through nginx, a cached page keeps its headers and never sets a cookie; the session cookie's flags are the app's", async ({
  playwright,
  browser,
}) => {
  const anonymous = await playwright.request.newContext();
  const guide = `${proxy}/guides/when-the-answer-is-no`;
  const first = await anonymous.get(guide);
  expect(first.status()).toBe(200);
  const cached = await anonymous.get(guide);
  expect(cached.headers()["x-cache-status"]).toBe("HIT");
  expectSiteHeaders(cached);
  expectPolicy(cached, "hashes");
  expect(comparable(cached)).toEqual(comparable(first));
  expect(cached.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")).toEqual([]);
  // Asked for by a browser that already has a CSRF cookie or a theme, the cached copy is still cookie-free.
  const withCookie = await anonymous.get(guide, { headers: { Cookie: "authjs.csrf-token=x; theme=dark" } });
  expect(withCookie.headers()["x-cache-status"]).toBe("HIT");
  expect(withCookie.headers()["set-cookie"]).toBeUndefined();

  // Signed up through nginx: the session cookie has the flags `next start` gives it.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": nextAddress() } });
  const page = await context.newPage();
  await page.goto(`${proxy}/sign-up`);
  await page.getByLabel("Display name").fill("Calm Birch 40");
  await page.getByLabel("Email").fill(uniqueEmail("multi"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  expectSessionCookie((await context.cookies()).find((c) => c.name.endsWith("authjs.session-token")));
  await Promise.all([anonymous.dispose(), context.close()]);
});

test("through nginx, a body over the app's cap gets the app's 413 and message, and one over nginx's cap gets nginx's 413", async ({
  playwright,
}) => {
  const request = await playwright.request.newContext();
  const headers = { Origin: proxy, Accept: "application/json", "Content-Type": "application/json" };
  const overApp = await request.post(`${proxy}/api/account/sign-in`, {
    headers,
    data: JSON.stringify({ a: "a".repeat(40 * 1024) }),
    failOnStatusCode: false,
  });
  expect(overApp.status()).toBe(413);
  expect((await overApp.json()).error.message).toBe("That is more than this form accepts.");
  const overNginx = await request.post(`${proxy}/api/reflections/save`, {
    headers,
    data: JSON.stringify({ a: "a".repeat(400 * 1024) }),
    failOnStatusCode: false,
  });
  expect(overNginx.status()).toBe(413);
  expect(await overNginx.text()).toContain("413 Request Entity Too Large");
  await request.dispose();
});
