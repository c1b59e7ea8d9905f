import { expect, type Page } from "@playwright/test";
import { queryDatabase, signUp, test } from "./support/accounts";

const GUIDE = "/guides/should-you-try-again";
const FIRST_STEP = "lonely-or-compatible";

const answer = (page: Page, number = 1) => page.getByLabel(`Your answer to step ${number}`);
const status = (page: Page) => page.locator(`#${FIRST_STEP}`).getByRole("status");

async function storedText(email: string) {
  const rows = await queryDatabase<{ id: string; version: number; ciphertext: Buffer }>(
    `SELECT r.id, r.version, r.ciphertext FROM "Reflection" r JOIN "User" u ON u.id = r."userId"
      WHERE u.email = $1 AND r."stepId" = $2`,
    [email, FIRST_STEP],
  );
  return rows[0];
}

test("a signed-out reader is invited to sign in to write", async ({ page }) => {
  await page.goto(GUIDE);
  await expect(page.getByRole("link", { name: "Sign in to write your answer here" }).first()).toBeVisible();
});

test("write, reload, and it is there; the database holds only ciphertext", async ({ page }) => {
  const { email } = await signUp(page);
  await page.goto(GUIDE);
  const words = "I miss the routine more than the person.\n\n- Sunday breakfasts\n- *not* the arguments";
  await answer(page).fill(words);
  await expect(status(page)).toHaveText("Saved");
  await page.reload();
  await expect(answer(page)).toHaveValue(words);

  const row = await storedText(email);
  expect(row!.ciphertext.toString("latin1")).not.toContain("routine");
  const raw = await queryDatabase<{ dump: string }>(
    `SELECT string_agg(encode(ciphertext, 'escape'), '') AS dump FROM "ReflectionVersion"`,
  );
  expect(raw[0]!.dump).not.toContain("Sunday breakfasts");
});

test("offline: keep typing, reload while offline, come back online, and every word is saved", async ({
  page,
  context,
}) => {
  const { email } = await signUp(page);
  await page.goto(GUIDE);
  await answer(page).fill("Written online.");
  await expect(status(page)).toHaveText("Saved");

  await context.setOffline(true);
  await answer(page).fill("Written online. And then the train went into a tunnel");
  await answer(page).blur();
  await expect(status(page)).toHaveText("Offline: kept on this device");

  // Reloading without a connection shows the browser's own error page, which reloads
  // itself when the connection returns and would race the visit below: close it instead.
  await page.reload().catch(() => {});
  await page.close();
  // Once the connection is back, the words are there and reach the server. Which page sends
  // them varies: the save sent as the old page unloads is not held back by Playwright's
  // emulated offline state, and when its answer arrives in time that page has nothing left over.
  await context.setOffline(false);
  const back = await context.newPage();
  await back.goto(GUIDE);
  await expect(answer(back)).toHaveValue("Written online. And then the train went into a tunnel");
  await expect.poll(async () => (await storedText(email))?.version).toBe(2);
  await expect(status(back)).toHaveText(/^(Saved)?$/);
  await back.reload();
  await expect(answer(back)).toHaveValue("Written online. And then the train went into a tunnel");
});

test("two tabs edit one answer: nothing is lost, and the reader chooses", async ({ page, context }) => {
  const { email } = await signUp(page);
  await page.goto(GUIDE);
  await answer(page).fill("From the first tab.");
  await expect(status(page)).toHaveText("Saved");

  const second = await context.newPage();
  await second.goto(GUIDE);
  await expect(answer(second)).toHaveValue("From the first tab.");
  await answer(second).fill("The second tab rewrote it.");
  await expect(status(second)).toHaveText("Saved");

  // The first tab still thinks it has version 1.
  await answer(page).fill("From the first tab, with more thoughts.");
  await expect(status(page)).toHaveText("Changed elsewhere: choose below");
  const versions = page.getByRole("group", { name: "Two versions of this answer" });
  await expect(versions).toContainText("The second tab rewrote it.");
  await expect(versions).toContainText("From the first tab, with more thoughts.");
  await versions.getByRole("button", { name: "Keep both" }).click();
  await expect(status(page)).toHaveText("Saved");

  await page.reload();
  await expect(answer(page)).toHaveValue(
    "From the first tab, with more thoughts.\n\n---\n\nThe second tab rewrote it.",
  );
  expect((await storedText(email))!.version).toBe(3);
  const history = await queryDatabase<{ n: number }>(
    `SELECT count(*)::int AS n FROM "ReflectionVersion" v JOIN "Reflection" r ON r.id = v."reflectionId"
      JOIN "User" u ON u.id = r."userId" WHERE u.email = $1`,
    [email],
  );
  expect(history[0]!.n).toBe(3);
});

test("another account cannot read or change an entry by guessing its id", async ({ page, browser }) => {
  const { email } = await signUp(page);
  await page.goto(GUIDE);
  await answer(page).fill("Mine alone.");
  await expect(status(page)).toHaveText("Saved");
  const { id, version } = (await storedText(email))!;

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.251" } });
  const intruder = await other.newPage();
  await signUp(intruder);
  const history = await intruder.request.get(`/api/reflections/${id}/history`);
  expect(history.status()).toBe(404);
  expect(await history.text()).not.toContain("Mine alone");
  const overwrite = await intruder.request.post("/api/reflections/save", {
    headers: { Accept: "application/json", "Content-Type": "application/json", Origin: new URL(page.url()).origin },
    data: { target: { id }, text: "changed", baseVersion: version, saveId: crypto.randomUUID() },
  });
  expect(overwrite.status()).toBe(404);
  const theirs = await (await intruder.request.get(`/api/reflections?guide=should-you-try-again`)).json();
  expect(theirs.reflections).toEqual([]);
  await other.close();

  await page.reload();
  await expect(answer(page)).toHaveValue("Mine alone.");
});
