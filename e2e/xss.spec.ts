// Script in comments and display names stays text. Every payload of the corpus is
// posted through the real route (so the real renderer stores it), and display names
// carrying payloads are given to real accounts; then the pages that show them are
// read in Chromium: no dialog opens, no script element or event handler gets in,
// and no link leads anywhere but http(s) or mail.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "@/lib/comments/xss-corpus";
import { queryDatabase } from "./support/accounts";
import { clearCommentLimits, newReader, seedComment, test } from "./support/comments";
import { waysIn } from "./support/inert";

const GUIDE = "when-the-answer-is-no";
const NAMES = XSS_PAYLOADS.filter((p) => p.length <= 120).slice(0, 50);

test.describe.configure({ timeout: 240_000 });

/** Fails the test on any dialog, and records script that ran from a payload. */
function watch(page: Page): string[] {
  const fired: string[] = [];
  page.on("dialog", async (dialog) => {
    fired.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("pageerror", () => {});
  return fired;
}

test("payloads in comments and display names render inert", async ({ page, browser }) => {
  // A moderator's comments are not held, so every payload is published at once.
  const author = await newReader(page, { name: "Careful Poster" });
  await queryDatabase(`UPDATE "User" SET role = 'MODERATOR' WHERE id = $1`, [author.id]);

  const root = await seedComment({ guide: GUIDE, authorId: author.id, text: `Corpus thread ${randomUUID()}` });
  const origin = test.info().project.use.baseURL!;
  let posted = 0;
  for (const body of XSS_PAYLOADS) {
    if (!body.trim()) continue;
    await clearCommentLimits(author.id);
    const response = await page.request.post("/api/comments", {
      headers: { Origin: origin, Accept: "application/json" },
      data: { guide: GUIDE, parentId: root.id, body, postKey: randomUUID() },
    });
    // Refused payloads (none expected) would be a 4xx with a message, never a 500.
    expect(response.status(), body).toBeLessThan(500);
    if (response.ok()) posted++;
  }
  expect(posted).toBeGreaterThanOrEqual(50);

  // Fifty accounts whose display names are payloads, each with a reply in the thread.
  for (const name of NAMES) {
    const id = `xss-${randomUUID()}`;
    await queryDatabase(
      `INSERT INTO "User" (id, email, "emailVerified", name, "createdAt", "updatedAt") VALUES ($1, $2, now(), $3, now(), now())`,
      [id, `${id}@example.com`, name],
    );
    await seedComment({ guide: GUIDE, authorId: id, text: "A reply from a named account.", parent: root });
  }

  // The guide's discussion, as a visitor and as a reader.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  for (const viewer of [visitor, page]) {
    const fired = watch(viewer);
    await viewer.goto(`/guides/${GUIDE}#comment-${root.id}`);
    const thread = viewer.locator(`#comment-${root.id}`);
    await expect(thread).toBeVisible();
    await expect(viewer.getByText("A reply from a named account.").first()).toBeVisible();
    // The names are shown as the text they are.
    await expect(viewer.getByText(NAMES[0]!, { exact: true }).first()).toBeVisible();
    expect(await waysIn(viewer, `[id^="comment-"]`)).toEqual([]);
    expect(fired).toEqual([]);
  }
  await visitorContext.close();

  // The page for readers without JavaScript renders the same thread on the server.
  {
    const fired = watch(page);
    await page.goto(`/guides/${GUIDE}/discussion`);
    expect(await waysIn(page, "main")).toEqual([]);
    expect(fired).toEqual([]);
  }

  // The moderators' queue and log show the text and the names too.
  for (const path of ["/moderation?tab=recent", "/moderation/log"]) {
    const fired = watch(page);
    await page.goto(path);
    expect(await waysIn(page, "main")).toEqual([]);
    expect(fired).toEqual([]);
  }
});
