import { expect, type Page } from "@playwright/test";
import { PASSWORD, queryDatabase, signIn, signUp, test, uniqueEmail } from "./support/accounts";

const GUIDE = "/guides/the-apology-that-lands";
const SLUG = "the-apology-that-lands";

const storedSteps = async (email: string) => {
  const rows = await queryDatabase<{ doneSteps: string[]; furthestStep: string | null }>(
    `SELECT gp."doneSteps", gp."furthestStep" FROM "GuideProgress" gp JOIN "User" u ON u.id = gp."userId"
      WHERE u.email = $1 AND gp."guideSlug" = $2`,
    [email, SLUG],
  );
  return rows[0];
};

async function markDone(page: Page, number: number) {
  await page.getByRole("checkbox", { name: `Mark step ${number} done` }).check();
  await expect(page.getByRole("checkbox", { name: `Step ${number} done` })).toBeChecked();
}

test("progress made before signing up joins the account, and follows the reader to another device", async ({
  page,
  browser,
}) => {
  // Two browsers and three sign-ins (each hashes a password on purpose slowly).
  test.slow();
  await page.goto(GUIDE);
  await markDone(page, 1);
  await markDone(page, 2);

  const email = uniqueEmail("progress");
  await signUp(page, email);
  await page.goto(GUIDE);
  await expect(page.getByRole("checkbox", { name: "Step 2 done" })).toBeChecked();
  await expect
    .poll(async () => (await storedSteps(email))?.doneSteps.sort())
    .toEqual(["name-the-mistake", "say-why-it-hurt"].sort());

  // Another device: the account's progress is there; a change there comes back here.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await signIn(phone, email, PASSWORD);
  await expect(phone.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await phone.goto(GUIDE);
  await expect(phone.getByRole("checkbox", { name: "Step 1 done" })).toBeChecked();
  await markDone(phone, 3);
  await expect.poll(async () => (await storedSteps(email))?.doneSteps.length).toBe(3);
  await other.close();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Step 3 done" })).toBeChecked();

  // Unmarking is kept too, and is not undone by the next merge.
  await page.getByRole("checkbox", { name: "Step 1 done" }).uncheck();
  await expect.poll(async () => (await storedSteps(email))?.doneSteps.includes("name-the-mistake")).toBe(false);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Mark step 1 done" })).not.toBeChecked();
});

test("signing in again from a browser with overlapping progress counts each step once", async ({ page, browser }) => {
  test.slow();
  const { email } = await signUp(page);
  await page.goto(GUIDE);
  await markDone(page, 1);
  await markDone(page, 2);
  await expect.poll(async () => (await storedSteps(email))?.doneSteps.length).toBe(2);

  const anonymous = await browser.newContext();
  const tab = await anonymous.newPage();
  await tab.goto(GUIDE);
  await markDone(tab, 2);
  await markDone(tab, 4);
  await signIn(tab, email);
  await expect(tab.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await tab.goto(GUIDE);
  await expect(tab.getByRole("checkbox", { name: "Step 4 done" })).toBeChecked();
  await expect(tab.getByRole("checkbox", { name: "Step 1 done" })).toBeChecked();
  await expect
    .poll(async () => (await storedSteps(email))?.doneSteps.sort())
    .toEqual(["answer-their-questions", "name-the-mistake", "say-why-it-hurt"].sort());

  // Signing out leaves nothing of the account's progress in this browser.
  await tab.goto("/sign-out");
  await tab.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(tab.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await tab.goto(GUIDE);
  await expect(tab.getByRole("checkbox", { name: "Mark step 1 done" })).not.toBeChecked();
  await anonymous.close();
});

test("the progress API refuses anonymous callers and unknown steps", async ({ page, request }) => {
  expect((await request.get("/api/progress")).status()).toBe(401);
  await signUp(page);
  const origin = new URL(page.url()).origin;
  const bad = await page.request.post("/api/progress/step", {
    headers: { Accept: "application/json", Origin: origin, "Content-Type": "application/json" },
    data: { guide: SLUG, step: "no-such-step", done: true },
  });
  expect(bad.status()).toBe(404);
  const malformed = await page.request.post("/api/progress/merge", {
    headers: { Accept: "application/json", Origin: origin, "Content-Type": "application/json" },
    data: { progress: "not a map" },
  });
  expect(malformed.status()).toBe(422);
});

test("a step marked while the session is still on its way is kept, not undone by the account's copy", async ({
  page,
}) => {
  const { email } = await signUp(page);
  await page.goto(GUIDE);
  await markDone(page, 1);
  await expect.poll(async () => (await storedSteps(email))?.doneSteps).toEqual(["name-the-mistake"]);

  // The page is interactive before the session answers: a step marked meanwhile must survive the
  // account's progress (which does not have it yet) arriving afterwards.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/auth/session", async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  await markDone(page, 2);
  const progressRead = page.waitForResponse((r) => r.url().endsWith("/api/progress") && r.request().method() === "GET");
  release();
  await progressRead;
  await expect(page.getByRole("checkbox", { name: "Step 2 done" })).toBeChecked();
  await expect
    .poll(async () => (await storedSteps(email))?.doneSteps.sort())
    .toEqual(["name-the-mistake", "say-why-it-hurt"].sort());
});

test("when the session cannot be asked, the reader's progress is neither wiped nor lost", async ({ page }) => {
  const { email } = await signUp(page);
  await page.goto(GUIDE);
  await markDone(page, 1);
  await expect.poll(async () => (await storedSteps(email))?.doneSteps).toEqual(["name-the-mistake"]);

  // The network drops: the session and the progress routes are unreachable.
  await page.route("**/api/auth/session", (route) => route.abort("internetdisconnected"));
  await page.route("**/api/progress/**", (route) => route.abort("internetdisconnected"));
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Step 1 done" })).toBeChecked();
  await markDone(page, 2);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Step 1 done" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Step 2 done" })).toBeChecked();
  expect((await storedSteps(email))?.doneSteps).toEqual(["name-the-mistake"]);

  // Back online: the step marked meanwhile reaches the account.
  await page.unrouteAll();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Step 2 done" })).toBeChecked();
  await expect
    .poll(async () => (await storedSteps(email))?.doneSteps.sort())
    .toEqual(["name-the-mistake", "say-why-it-hurt"].sort());
});
