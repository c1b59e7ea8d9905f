import pg from "pg";
import { expect, test } from "@playwright/test";
import { PASSWORD } from "./support/accounts";
import { INTERNALS, IsolatedServer } from "./support/isolated-server";

// One app and its own database, which this test stops and starts again.
test.describe.configure({ mode: "serial" });

let server: IsolatedServer;

test.beforeAll(async () => {
  server = new IsolatedServer();
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
});

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

test("health answers 503 while the database is down, and the app recovers by itself", async ({ request, page }) => {
  test.setTimeout(90_000);
  const health = () => request.get(`${server.url}/api/health`);
  expect((await health()).status()).toBe(200);

  // A signed-in reader, to see a page that needs the database.
  await page.goto(`${server.url}/sign-up`);
  await page.getByLabel("Display name").fill("Calm Tide 40");
  await page.getByLabel("Email").fill("outage@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  await server.stopDatabase();
  const down = await health();
  expect(down.status()).toBe(503);
  expect(down.headers()["retry-after"]).toBe("5");
  const body = await down.json();
  expect(body).toEqual({
    status: "unavailable",
    app: "ok",
    database: "unreachable",
    reason: "The database is not answering.",
  });
  expect(JSON.stringify(body)).not.toMatch(INTERNALS);

  // What signed-in pages read answers the same way: 503, when to come back, and nothing internal.
  const entry = "6f1d2c1e-5b0a-4a4e-9b1e-2d3c4b5a6f70";
  for (const path of [
    "/api/progress",
    "/api/reflections?guide=should-you-try-again",
    `/api/reflections/${entry}`,
    `/api/reflections/${entry}/history`,
    "/api/notifications",
    "/api/guides/should-you-try-again/comments",
  ]) {
    const answer = await page.request.get(`${server.url}${path}`);
    expect(answer.status(), path).toBe(503);
    expect(answer.headers()["retry-after"], path).toBe("5");
    expect(await answer.text(), path).not.toMatch(INTERNALS);
  }

  // A page that needs the database says so kindly, with no internals.
  await page.goto(`${server.url}/account`);
  await expect(page.getByRole("heading", { level: 1, name: "Something went wrong on our side" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/ECONNREFUSED|prisma|stack|at \w+ \(/i);

  // Pages that need no database keep working meanwhile.
  await page.goto(server.url);
  await expect(page.getByRole("heading", { level: 1, name: "After a breakup, an honest way forward." })).toBeVisible();

  await server.startDatabase();
  await expect.poll(async () => (await health()).status(), { timeout: 30_000 }).toBe(200);

  // Still signed in: the outage did not end the session.
  await page.goto(`${server.url}/account`);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText("outage@example.com")).toBeVisible();
});

test("a reflection and a comment written while the database is down are kept, and stored once when it returns", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const guide = "should-you-try-again";
  const email = "outage-writer@example.com";
  await page.goto(`${server.url}/sign-up`);
  await page.getByLabel("Display name").fill("Quiet Fern 12");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  // Confirmed, as the mailed link would: only then may they comment.
  await sql(`UPDATE "User" SET "emailVerified" = now() WHERE email = $1`, [email]);

  await page.goto(`${server.url}/guides/${guide}#discussion`);
  const answer = page.getByLabel("Your answer to step 1");
  const status = page.locator("#lonely-or-compatible").getByRole("status");
  const discussion = page.getByRole("region", { name: /^Discussion/ });
  const commentField = discussion.getByLabel("Add to the discussion");
  await answer.fill("Written before.");
  await expect(status).toHaveText("Saved");
  await expect(commentField).toBeVisible();

  // Every answer the app gives while the database is away.
  const answers: { path: string; status: number; retryAfter?: string; body: string }[] = [];
  let down = false;
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (!down || !url.pathname.startsWith("/api/")) return;
    const body = await response.text().catch(() => "");
    answers.push({
      path: url.pathname,
      status: response.status(),
      retryAfter: response.headers()["retry-after"],
      body,
    });
  });

  await server.stopDatabase();
  down = true;
  const written = "Written before. And during the outage, when nothing would save.";
  await answer.fill(written);
  await answer.blur();
  await expect(status).toHaveText("Couldn’t save yet: kept on this device, retrying");

  const words = "What helped me was a walk every evening, even a short one.";
  await commentField.fill(words);
  await discussion.getByRole("button", { name: "Post", exact: true }).click();
  await expect(discussion.getByRole("alert")).toHaveText("Couldn’t post, your text is kept — try again.");
  await expect(commentField).toHaveValue(words);

  // A reload meanwhile: the reflection is still there, from this device, and still unsent.
  await page.reload();
  await expect(answer).toHaveValue(written);
  await expect(status).toHaveText("Couldn’t save yet: kept on this device, retrying");
  await expect(discussion.getByText("We couldn’t load the comments just now.")).toBeVisible();

  const saves = answers.filter((a) => a.path === "/api/reflections/save");
  const posts = answers.filter((a) => a.path === "/api/comments");
  expect(saves.length).toBeGreaterThan(0);
  expect(posts).toHaveLength(1);
  for (const a of [...saves, ...posts]) {
    expect(a.status, a.body).toBe(503);
    expect(a.retryAfter).toBe("5");
    expect(JSON.parse(a.body)).toMatchObject({ ok: false, error: { code: "unavailable" } });
  }
  for (const a of answers) {
    expect(a.status === 503 || a.status < 500, `${a.path} answered ${a.status}: ${a.body}`).toBe(true);
    expect(a.body, a.path).not.toMatch(INTERNALS);
  }

  await server.startDatabase();
  down = false;
  // The editor sends the unsent save again by itself (the same saveId), when the server said to.
  await expect(status).toHaveText("Saved", { timeout: 60_000 });
  // The comment comes back with its text, and goes once sent.
  await discussion.getByRole("button", { name: "Try again" }).click();
  await expect(commentField).toHaveValue(words);
  await discussion.getByRole("button", { name: "Post", exact: true }).click();
  await expect(discussion.getByText(words)).toHaveCount(1);
  await expect(commentField).toHaveValue("");

  const comments = await sql(
    `SELECT c.id FROM "Comment" c JOIN "User" u ON u.id = c."authorId" WHERE u.email = $1 AND c.body = $2`,
    [email, words],
  );
  expect(comments).toHaveLength(1);
  // One version per text: the first save, and the one sent during the outage, however often it was sent.
  const versions = await sql<{ version: number }>(
    `SELECT v.version FROM "ReflectionVersion" v JOIN "Reflection" r ON r.id = v."reflectionId"
       JOIN "User" u ON u.id = r."userId" WHERE u.email = $1 ORDER BY v.version`,
    [email],
  );
  expect(versions.map((v) => v.version)).toEqual([1, 2]);
  // What the server holds is the final text, and nothing is left waiting on this device.
  await page.reload();
  await expect(answer).toHaveValue(written);
  const unsent = () => Object.keys(localStorage).filter((k) => /^mend:(comment-)?draft:/.test(k));
  expect(await page.evaluate(unsent)).toEqual([]);
});
