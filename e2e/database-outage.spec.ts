import { expect, test } from "@playwright/test";
import { PASSWORD } from "./support/accounts";
import { IsolatedServer } from "./support/isolated-server";

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
  expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|at \w+ \(|postgres/i);

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
