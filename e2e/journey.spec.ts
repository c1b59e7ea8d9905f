import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { queryDatabase, signUp, test } from "./support/accounts";
import { longDate, saveEntry } from "./support/journal";

const GUIDE = { slug: "should-you-try-again", title: "Should you try again?" };
const STEP_1 = {
  id: "lonely-or-compatible",
  title: "Ask whether you miss them or miss being with someone",
  prompt: "When you picture getting back together, what exactly do you picture: the person, or not being alone?",
};
const STEP_2 = { id: "no-impulse-decisions", title: "Give the decision time before you act on it" };

const entries = (page: Page) => page.getByRole("region", { name: "Your entries" }).getByRole("article");

async function versionsOf(id: string) {
  const rows = await queryDatabase<{ version: number }>(
    `SELECT version FROM "ReflectionVersion" WHERE "reflectionId" = $1 ORDER BY version`,
    [id],
  );
  return rows.map((r) => r.version);
}

/** Another reader, in a browser of their own. */
async function anotherReader(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.252" } });
  const page = await context.newPage();
  await signUp(page);
  return { page, close: () => context.close() };
}

test("the journey shows each guide's steps done and reflections, the days written, and every entry", async ({
  page,
}) => {
  const { email } = await signUp(page);
  await page.goto(`/guides/${GUIDE.slug}`);
  await page.getByLabel("Your answer to step 1").fill("I miss the Sunday breakfasts more than I miss them.");
  await expect(page.locator(`#${STEP_1.id}`).getByRole("status")).toHaveText("Saved");
  await page.getByLabel("Your answer to step 2").fill("Waiting two weeks feels like losing the chance for good.");
  await expect(page.locator(`#${STEP_2.id}`).getByRole("status")).toHaveText("Saved");
  await page.getByRole("checkbox", { name: "Mark step 1 done" }).check();
  await expect
    .poll(async () => {
      const rows = await queryDatabase<{ doneSteps: string[] }>(
        `SELECT gp."doneSteps" FROM "GuideProgress" gp JOIN "User" u ON u.id = gp."userId" WHERE u.email = $1`,
        [email],
      );
      return rows[0]?.doneSteps;
    })
    .toEqual([STEP_1.id]);

  await page.getByRole("banner").getByRole("link", { name: "Your journey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your journey" })).toBeVisible();

  const guide = page
    .getByRole("region", { name: "The guides" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: GUIDE.title }) });
  await expect(guide).toContainText("1 of 7 steps done");
  await expect(guide).toContainText("2 reflections");
  await expect(guide).toContainText(`Last activity ${longDate()}`);
  await expect(guide.getByRole("link", { name: GUIDE.title })).toHaveAttribute("href", `/guides/${GUIDE.slug}`);

  const days = page.getByRole("region", { name: "Days you wrote" });
  await expect(days).toContainText(`You wrote on 1 day in the last 6 months; most recently on ${longDate()}.`);
  const today = days.locator(`rect[data-day="${new Date().toISOString().slice(0, 10)}"]`);
  await expect(today).toHaveAttribute("data-level", /^[1-4]$/);
  await expect(today.locator("title")).toHaveText(`${longDate()}: 2 versions saved (today)`);
  const table = days.getByRole("table", { name: "Days you wrote in the last 6 months" });
  await expect(table.getByRole("row", { name: `${longDate()} (today) 2` })).toHaveCount(1);

  // Newest first, each with its step, its question and its first lines.
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).first().getByRole("heading")).toHaveText(`Step 2: ${STEP_2.title}`);
  await expect(entries(page).nth(1).getByRole("heading")).toHaveText(`Step 1: ${STEP_1.title}`);
  await expect(entries(page).nth(1)).toContainText(STEP_1.prompt);
  await expect(entries(page).nth(1)).toContainText("I miss the Sunday breakfasts");
  await entries(page)
    .nth(1)
    .getByRole("link", { name: /Read the whole entry/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: STEP_1.title })).toBeVisible();
  await expect(page.getByLabel("Your answer")).toHaveValue("I miss the Sunday breakfasts more than I miss them.");
});

test("search finds the reader's entries by their words, and never another reader's", async ({ page, browser }) => {
  await signUp(page);
  await page.goto("/journey");
  await saveEntry(page, { guide: GUIDE.slug, step: STEP_1.id }, "The lighthouse walk on our first weekend.");
  await saveEntry(page, { id: randomUUID() }, "Nothing about walks here, only the harbour.");
  await page.reload();
  await expect(entries(page)).toHaveCount(2);

  const search = page.getByRole("searchbox", { name: "Search your entries" });
  await search.fill("LIGHTHOUSE weekend");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/journey\?q=LIGHTHOUSE\+weekend/);
  await expect(page.getByText("1 entry contains “LIGHTHOUSE weekend”.")).toBeVisible();
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText("The lighthouse walk");

  // Every word must be there; a word of the step's question counts too.
  await page.goto("/journey?q=lighthouse+harbour");
  await expect(page.getByText("No entry contains “lighthouse harbour”.")).toBeVisible();
  await page.goto("/journey?q=picture");
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText("The lighthouse walk");

  const other = await anotherReader(browser);
  await other.page.goto("/journey?q=lighthouse");
  await expect(other.page.getByText("No entry contains “lighthouse”.")).toBeVisible();
  await expect(other.page.getByRole("main")).not.toContainText("first weekend");
  await other.close();
});

test("search works without JavaScript, and its answer is never cached", async ({ page, browser }) => {
  await signUp(page);
  await page.goto("/journey");
  await saveEntry(page, { id: randomUUID() }, "Kept the ticket stubs from the concert.");
  await saveEntry(page, { id: randomUUID() }, "Called my sister instead.");

  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const noScript = await context.newPage();
  const response = await noScript.goto("/journey");
  expect(response!.headers()["cache-control"]).toMatch(/no-store/);
  expect(response!.headers()["cache-control"]).toMatch(/private/);
  await noScript.getByRole("searchbox", { name: "Search your entries" }).fill("ticket concert");
  await noScript.getByRole("button", { name: "Search" }).click();
  await expect(noScript).toHaveURL(/\?q=ticket\+concert/);
  await expect(entries(noScript)).toHaveCount(1);
  await expect(entries(noScript)).toContainText("Kept the ticket stubs");
  await context.close();
});

test("a free entry: written in the browser, there after a reload, restored from its history", async ({
  page,
  browser,
}) => {
  await signUp(page);
  await page.goto("/journey");
  await page.getByRole("link", { name: "New entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New journal entry" })).toBeVisible();
  const field = page.getByLabel("Your journal entry");
  const status = page.getByRole("status");
  await field.fill("A letter I will not send.");
  await expect(status).toHaveText("Saved");
  // Once saved, the address is the entry's own page.
  await expect(page).toHaveURL(/\/journey\/entries\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Journal entry" })).toBeVisible();
  const entry = page.getByLabel("Your entry");
  await expect(entry).toHaveValue("A letter I will not send.");
  await entry.fill("A letter I will not send, rewritten.");
  await expect(page.getByRole("status")).toHaveText("Saved");
  await entry.fill("Actually, a list of what I want next.");
  await expect(page.getByRole("status")).toHaveText("Saved");

  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(3);
  await expect(history.getByRole("listitem").first()).toContainText("Version 3");
  await expect(history.getByRole("listitem").first()).toContainText("(current)");
  const first = history.getByRole("listitem").filter({ hasText: "Version 1" });
  await first.getByText("Version 1").click();
  await expect(first).toContainText("A letter I will not send.");
  await first.getByRole("button", { name: "Restore this version" }).click();

  await expect(page.getByText("Version 1 is back, saved as version 4.")).toBeVisible();
  await expect(page.getByLabel("Your entry")).toHaveValue("A letter I will not send.");
  await expect(history.getByRole("listitem")).toHaveCount(4);
  await expect(history.getByRole("listitem").first()).toContainText("Version 4");
  expect(await versionsOf(id)).toEqual([1, 2, 3, 4]);

  await page.goto("/journey");
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first().getByRole("heading")).toHaveText("Journal entry");
  await expect(entries(page).first()).toContainText("A letter I will not send.");

  // To anyone else, the entry does not exist.
  const other = await anotherReader(browser);
  const notFound = await other.page.goto(`/journey/entries/${id}`);
  expect(notFound!.status()).toBe(404);
  await expect(other.page.getByRole("heading", { level: 1 })).toHaveText("This page isn’t here");
  await expect(other.page.getByRole("main")).not.toContainText("letter");
  const api = await other.page.request.get(`/api/reflections/${id}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain("letter");
  const restore = await other.page.request.post("/api/reflections/restore", {
    headers: { Accept: "application/json", Origin: new URL(other.page.url()).origin },
    form: { id, version: "2" },
  });
  expect(restore.status()).toBe(404);
  await other.close();
  expect(await versionsOf(id)).toEqual([1, 2, 3, 4]);
});

test("the print view prints every entry under its guide and question, without the site's navigation", async ({
  page,
}) => {
  await signUp(page);
  await page.goto("/journey");
  await saveEntry(page, { guide: GUIDE.slug, step: STEP_2.id }, "Two weeks is not so long.");
  await saveEntry(page, { guide: GUIDE.slug, step: STEP_1.id }, "The person, I think.\nMostly.");
  await saveEntry(page, { id: randomUUID() }, "A quiet evening, finally.");

  await page.getByRole("link", { name: "Print your entries" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your journal" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();

  const guide = page.getByRole("region", { name: GUIDE.title });
  await expect(guide.getByRole("heading", { level: 3 })).toHaveText([
    `Step 1: ${STEP_1.title}`,
    `Step 2: ${STEP_2.title}`,
  ]);
  await expect(guide).toContainText(STEP_1.prompt);
  await expect(guide).toContainText("The person, I think.");
  await expect(guide).toContainText("Two weeks is not so long.");
  await expect(page.getByRole("region", { name: "Journal entries" })).toContainText("A quiet evening, finally.");
});
