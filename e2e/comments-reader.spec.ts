// The reader's side of comments, in a real browser: posting, holds, threads,
// edits, helpful, mutes, reports, drafts, notifications, paging, no-JavaScript.
// Guides are shared by tests running in parallel, so every test finds its own
// comments by words of its own and never counts a whole guide's comments.
import { expect } from "@playwright/test";
import { mailLink, queryDatabase } from "./support/accounts";
import {
  clearCommentLimits,
  comment,
  discussion,
  expectNoViolations,
  newPage,
  newReader,
  openDiscussion,
  post,
  seedComment,
  test,
  unique,
} from "./support/comments";

const GUIDE = "owning-what-went-wrong";

// Most tests sign up two or three people and read long pages with axe: more time than the default.
test.describe.configure({ timeout: 60_000 });

test.describe("posting", () => {
  test("a new reader's comment waits for a moderator, in place and for them alone", async ({ page, browser }) => {
    await newReader(page);
    const words = unique("Writing it down made it smaller.");
    await openDiscussion(page, GUIDE);
    await post(page, words);
    const mine = comment(page, words);
    await expect(mine).toContainText("Waiting for a moderator — only you can see this (reason: new account).");
    await expect(discussion(page).getByLabel("Add to the discussion")).toHaveValue("");

    // A second comment within the minute: new accounts wait, and the text stays.
    const again = unique("And one more thing.");
    await post(page, again);
    await expect(discussion(page).getByRole("alert")).toHaveText(
      /New accounts can post one comment a minute\. Please wait (\d+ seconds?|1 minute) and try again\./,
    );
    await expect(discussion(page).getByLabel("Add to the discussion")).toHaveValue(again);

    await page.reload();
    await expect(comment(page, words)).toContainText("Waiting for a moderator");

    // Someone else sees nothing of it.
    const visitor = await newPage(browser);
    await openDiscussion(visitor, GUIDE);
    await expect(comment(visitor, words)).toHaveCount(0);

    // And their comments page says where it stands.
    await page.goto("/account/comments");
    const entry = page.getByRole("article").filter({ hasText: words });
    await expect(entry).toContainText("Waiting for a moderator");
    await expect(entry).toContainText("Reason: new account.");
    await expect(entry.getByRole("link", { name: "Owning what went wrong" })).toHaveAttribute(
      "href",
      /\/guides\/owning-what-went-wrong#comment-/,
    );
    await visitor.context().close();
  });

  test("a trusted reader's comment appears at once, for everyone", async ({ page, browser }) => {
    await newReader(page, { trusted: true });
    const words = unique("What helped me was a long walk every evening.");
    await openDiscussion(page, GUIDE);
    await post(page, words);
    await expect(discussion(page).getByText("Your comment is posted.").first()).toBeVisible();
    await expect(comment(page, words)).not.toContainText("Waiting for a moderator");

    const other = await newPage(browser);
    await newReader(other);
    await openDiscussion(other, GUIDE);
    await expect(comment(other, words)).toBeVisible();
    await expect(discussion(other).getByRole("heading", { level: 2 })).toContainText(/Discussion\s*\d+ comments?/);
    await other.context().close();
  });

  test("signed out, the comments are there with an invitation to sign in", async ({ page }) => {
    const author = await newPage(page.context().browser()!);
    const { id } = await newReader(author);
    const words = unique("Reading this at 3am helped.");
    await seedComment({ guide: GUIDE, authorId: id, text: words });
    await author.context().close();

    await openDiscussion(page, GUIDE);
    await expect(comment(page, words)).toBeVisible();
    const signIn = discussion(page).getByRole("link", { name: "Sign in to join the discussion" });
    await expect(signIn).toHaveAttribute(
      "href",
      `/sign-in?callbackUrl=${encodeURIComponent(`/guides/${GUIDE}#discussion`)}`,
    );
    await expect(discussion(page).getByLabel("Add to the discussion")).toHaveCount(0);
    await expect(comment(page, words).getByRole("button")).toHaveCount(0);
  });

  test("an unconfirmed reader is told why they can't comment yet", async ({ page }) => {
    await newReader(page, { verified: false });
    await openDiscussion(page, GUIDE);
    await expect(discussion(page)).toContainText("Please verify your email address before you comment");
    await expect(discussion(page).getByLabel("Add to the discussion")).toHaveCount(0);
  });
});

test.describe("threads", () => {
  test("replies nest three levels; deeper ones say whom they answer", async ({ page, browser }) => {
    const guide = "the-apology-that-lands";
    const a = await newReader(page, { trusted: true, name: unique("Ana") });
    const otherPage = await newPage(browser);
    const b = await newReader(otherPage, { name: unique("Ben") });
    await otherPage.context().close();
    const words = unique("Level");
    const root = await seedComment({ guide, authorId: a.id, text: `${words} zero` });
    const one = await seedComment({ guide, authorId: b.id, text: `${words} one`, parent: root });
    const two = await seedComment({ guide, authorId: a.id, text: `${words} two`, parent: one });
    await seedComment({ guide, authorId: b.id, text: `${words} three`, parent: two });

    await openDiscussion(page, guide);
    const left = async (level: string) => (await comment(page, `${words} ${level}`).boundingBox())!.x;
    expect(await left("one")).toBeGreaterThan(await left("zero"));
    expect(await left("two")).toBeGreaterThan(await left("one"));
    expect(await left("three")).toBeGreaterThan(await left("two"));
    await expect(comment(page, `${words} zero`)).toContainText("3 replies");

    // A reply to the third level sits beside it, and says whom it answers.
    await comment(page, `${words} three`).getByRole("button", { name: "Reply" }).click();
    await page.getByLabel(`Your reply to ${b.name}`).fill(`${words} four`);
    await page.getByRole("button", { name: "Post reply" }).click();
    await expect(page.getByLabel(`Your reply to ${b.name}`)).toHaveCount(0);
    const four = comment(page, `${words} four`);
    await expect(four).toContainText(`Replying to ${b.name}`);
    await expect(four).toBeFocused();
    expect(await left("four")).toBe(await left("three"));
    await expect(comment(page, `${words} zero`)).toContainText("4 replies");

    // A second post by the same person within 15 seconds would meet their limit: cleared for the test.
    await clearCommentLimits(a.id);
    await comment(page, `${words} zero`).getByRole("button", { name: "Reply" }).click();
    await page.getByLabel(`Your reply to ${a.name}`).fill(`${words} again`);
    await page.getByRole("button", { name: "Post reply" }).click();
    // Until the form closes, its text is in the article it answers too.
    await expect(page.getByLabel(`Your reply to ${a.name}`)).toHaveCount(0);
    await expect(comment(page, `${words} again`)).not.toContainText("Replying to");
    expect(await left("again")).toBe(await left("one"));

    // And after a reload, from the server.
    await page.reload();
    await expect(comment(page, `${words} four`)).toContainText(`Replying to ${b.name}`);
    await expect(comment(page, `${words} three`)).not.toContainText("Replying to");
    expect(await left("four")).toBe(await left("three"));
  });

  test("an edit within the window shows 'edited'; a deletion leaves a placeholder and the reply", async ({
    page,
    browser,
  }) => {
    const guide = "the-apology-that-lands";
    const a = await newReader(page, { trusted: true });
    const words = unique("I said sorry too fast.");
    await openDiscussion(page, guide);
    await post(page, words);
    const mine = comment(page, words);
    await expect(mine.getByRole("button", { name: /Edit \(1[45] minutes left\)/ })).toBeVisible();

    const otherPage = await newPage(browser);
    const b = await newReader(otherPage);
    await otherPage.context().close();
    const [row] = await queryDatabase<{ id: string }>(`SELECT id FROM "Comment" WHERE "authorId" = $1 AND body = $2`, [
      a.id,
      words,
    ]);
    const reply = unique("Same here, and it didn't land.");
    await seedComment({ guide, authorId: b.id, text: reply, parent: { id: row!.id, rootId: null, depth: 0 } });
    await page.reload();

    await comment(page, words).getByRole("button", { name: /Edit/ }).click();
    const field = page.getByLabel("Edit your comment");
    await expect(field).toBeFocused();
    await field.fill(`${words} Then I said it again, slower.`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByLabel("Edit your comment")).toHaveCount(0);
    const edited = comment(page, "Then I said it again, slower.");
    await expect(edited).toContainText("edited");
    await expect(edited).toBeFocused();

    await edited.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("group", { name: "Confirm deletion" })).toBeVisible();
    await page.getByRole("button", { name: "Yes, delete it" }).click();
    const thread = page
      .getByRole("listitem")
      .filter({ has: comment(page, reply) })
      .filter({ has: page.getByRole("article", { name: "A comment that is gone" }) });
    await expect(thread).toHaveCount(1);
    await expect(thread.getByRole("article", { name: "A comment that is gone" })).toHaveText(
      "This comment was deleted.",
    );
    await expect(comment(page, reply)).toBeVisible();
    await expect(comment(page, "Then I said it again")).toHaveCount(0);

    await page.reload();
    await expect(thread.getByRole("article", { name: "A comment that is gone" })).toHaveText(
      "This comment was deleted.",
    );
    await expect(comment(page, reply)).toBeVisible();
    await expect(comment(page, "Then I said it again")).toHaveCount(0);
  });
});

test.describe("reactions", () => {
  test("helpful toggles and counts, never on one's own comment", async ({ page, browser }) => {
    const guide = "space-self-care-and-self-respect";
    const authorPage = await newPage(browser);
    const author = await newReader(authorPage);
    const words = unique("Sleep first, decisions later.");
    await seedComment({ guide, authorId: author.id, text: words });

    await newReader(page);
    await openDiscussion(page, guide);
    const helpful = comment(page, words).getByRole("button", { name: /Helpful/ });
    await expect(helpful).toHaveAttribute("aria-pressed", "false");
    await helpful.click();
    await expect(helpful).toHaveAttribute("aria-pressed", "true");
    await expect(helpful).toHaveAccessibleName(/Helpful 1/);
    await page.reload();
    await expect(helpful).toHaveAttribute("aria-pressed", "true");
    await expect(helpful).toContainText("1");
    await helpful.click();
    await expect(helpful).toHaveAttribute("aria-pressed", "false");
    await expect(helpful).not.toContainText("1");
    await helpful.click();
    await expect(helpful).toHaveAttribute("aria-pressed", "true");

    // The author sees the count, with no button to press.
    await openDiscussion(authorPage, guide);
    await expect(comment(authorPage, words)).toContainText("1 found this helpful");
    await expect(comment(authorPage, words).getByRole("button", { name: /Helpful/ })).toHaveCount(0);
    await authorPage.context().close();
  });

  test("muting collapses someone's comments for the muter alone", async ({ page, browser }) => {
    const guide = "space-self-care-and-self-respect";
    const authorPage = await newPage(browser);
    const author = await newReader(authorPage, { name: unique("Loud") });
    await authorPage.context().close();
    const words = unique("You should just get over it.");
    await seedComment({ guide, authorId: author.id, text: words });

    await newReader(page);
    await openDiscussion(page, guide);
    await comment(page, words)
      .getByRole("button", { name: `Mute ${author.name}` })
      .click();
    const collapsed = page.getByRole("article", { name: `Comment by ${author.name}` });
    await expect(collapsed).toContainText(`You muted ${author.name}.`);
    await expect(collapsed).not.toContainText(words);
    await expect(page.getByText("Muted. Their comments are collapsed for you; they are not told.")).toBeAttached();
    await page.reload();
    await expect(collapsed).toContainText(`You muted ${author.name}.`);

    // Someone else still sees it whole.
    const other = await newPage(browser);
    await newReader(other);
    await openDiscussion(other, guide);
    await expect(comment(other, words)).toBeVisible();
    await other.context().close();

    await collapsed.getByRole("button", { name: "Show comment" }).click();
    await expect(collapsed).toContainText(words);

    // The account page lists them, and unmutes.
    await page.goto("/account");
    const muted = page.getByRole("region", { name: "Comments" });
    await expect(muted).toContainText(author.name);
    await muted.getByRole("button", { name: `Unmute ${author.name}` }).click();
    await expect(muted.getByRole("status")).toContainText(`${author.name} is unmuted.`);
    await openDiscussion(page, guide);
    await expect(comment(page, words)).toBeVisible();
    await expect(comment(page, words)).not.toContainText("You muted");
  });

  test("the report dialog asks for a reason and sends it", async ({ page, browser }) => {
    const guide = "space-self-care-and-self-respect";
    const authorPage = await newPage(browser);
    const author = await newReader(authorPage);
    await authorPage.context().close();
    const words = unique("Buy my course to get your ex back.");
    const seeded = await seedComment({ guide, authorId: author.id, text: words });

    await newReader(page);
    await openDiscussion(page, guide);
    const report = comment(page, words).getByRole("button", { name: "Report" });
    await report.click();
    const dialog = page.getByRole("dialog", { name: "Report this comment" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog).toContainText("Choose a reason.");
    await dialog.getByRole("radio", { name: "Something else" }).check();
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByText("Please say what is wrong.")).toBeVisible();
    await expect(dialog.getByLabel(/Details/)).toBeFocused();
    await dialog.getByRole("radio", { name: "Spam or advertising" }).check();
    await dialog.getByLabel(/Details/).fill("Selling something.");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(comment(page, words).getByRole("status")).toHaveText(
      "Thank you. A moderator will look at this comment.",
    );
    await expect(report).toBeFocused();

    const reports = await queryDatabase<{ reason: string; details: string }>(
      `SELECT reason, details FROM "CommentReport" WHERE "commentId" = $1`,
      [seeded.id],
    );
    expect(reports).toEqual([{ reason: "SPAM", details: "Selling something." }]);

    // Escape closes it, and focus goes back.
    await report.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(report).toBeFocused();
  });
});

test.describe("writing", () => {
  test("the counter, the 5,000 limit, and the text kept through a refused post and a reload", async ({ page }) => {
    const guide = "changing-the-pattern";
    const reader = await newReader(page);
    await openDiscussion(page, guide);
    const field = discussion(page).getByLabel("Add to the discussion");
    await field.fill("Hello");
    await expect(discussion(page).getByText("5 / 5,000")).toBeVisible();

    await field.fill("a".repeat(5001));
    await expect(discussion(page).getByText("5,001 / 5,000 (1 over)")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await discussion(page).getByRole("button", { name: "Post", exact: true }).click();
    await expect(
      discussion(page).getByText(/A comment can be at most 5,000 characters; this one has 5,001/),
    ).toBeVisible();
    await expect(field).toHaveValue("a".repeat(5001));
    await field.fill("a".repeat(4950));
    await expect(discussion(page).getByText("Fewer than 100 characters left.")).toBeAttached();

    // A word this site doesn't allow: refused by the server, the text stays.
    const word = `zorblax${Date.now().toString(36)}`;
    await queryDatabase(`INSERT INTO "ModerationWord" (id, word, list) VALUES ($1, $2, 'BANNED')`, [`w-${word}`, word]);
    try {
      const words = unique(`I felt like a ${word} for weeks.`);
      await field.fill(words);
      await discussion(page).getByRole("button", { name: "Post", exact: true }).click();
      await expect(discussion(page).getByText(/Your comment uses a word that this site doesn’t allow/)).toBeVisible();
      await expect(field).toHaveValue(words);
      await expect(field).toBeFocused();

      // A reload keeps the draft.
      await page.reload();
      await expect(discussion(page).getByLabel("Add to the discussion")).toHaveValue(words);

      const fixed = words.replace(word, "ghost");
      await discussion(page).getByLabel("Add to the discussion").fill(fixed);
      await discussion(page).getByRole("button", { name: "Post", exact: true }).click();
      await expect(comment(page, fixed)).toContainText("Waiting for a moderator");
      await page.reload();
      await expect(discussion(page).getByLabel("Add to the discussion")).toHaveValue("");
      const stored = await queryDatabase(`SELECT 1 FROM "Comment" WHERE "authorId" = $1`, [reader.id]);
      expect(stored).toHaveLength(1);
    } finally {
      await queryDatabase(`DELETE FROM "ModerationWord" WHERE word = $1`, [word]);
    }
  });

  test("a post that fails on the way keeps its text, and sent again is stored once", async ({ page }) => {
    const guide = "changing-the-pattern";
    const reader = await newReader(page, { trusted: true });
    await openDiscussion(page, guide);
    const words = unique("The second time I noticed the pattern sooner.");
    // The first send reaches the server, but its answer is lost.
    let first = true;
    await page.route("**/api/comments", async (route) => {
      if (!first) return route.continue();
      first = false;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await post(page, words);
    await expect(discussion(page).getByRole("alert")).toHaveText("Couldn’t post, your text is kept — try again.");
    await expect(discussion(page).getByLabel("Add to the discussion")).toHaveValue(words);
    // The retry (same postKey) is answered with the stored comment, before any limit is counted.
    await discussion(page).getByRole("button", { name: "Post", exact: true }).click();
    await expect(comment(page, words)).toBeVisible();
    const stored = await queryDatabase(`SELECT 1 FROM "Comment" WHERE "authorId" = $1 AND body = $2`, [
      reader.id,
      words,
    ]);
    expect(stored).toHaveLength(1);
  });
});

test("a reply lights the bell, and the notifications page lists it and leads to it", async ({ page, browser }) => {
  const guide = "the-first-real-conversation";
  const a = await newReader(page, { trusted: true });
  const words = unique("I rehearsed the first sentence for a week.");
  await seedComment({ guide, authorId: a.id, text: words });

  // Reply emails, asked for on the account page.
  await page.goto("/account");
  const settings = page.getByRole("region", { name: "Comments" });
  const emails = settings.getByRole("checkbox", { name: /Email me when someone replies to me/ });
  await expect(emails).not.toBeChecked();
  await emails.check();
  await settings.getByRole("button", { name: "Save email setting" }).click();
  await expect(settings.getByRole("status")).toHaveText("We will email you when someone replies to you.");
  await page.reload();
  await expect(emails).toBeChecked();
  const asked = new Date();

  const replier = await newPage(browser);
  const b = await newReader(replier, { trusted: true });
  await openDiscussion(replier, guide);
  await comment(replier, words).getByRole("button", { name: "Reply" }).click();
  const reply = unique("Rehearsing is kind to yourself.");
  await replier.getByLabel(`Your reply to ${a.name}`).fill(reply);
  await replier.getByRole("button", { name: "Post reply" }).click();
  await expect(replier.getByLabel(`Your reply to ${a.name}`)).toHaveCount(0);
  await expect(comment(replier, reply)).toBeVisible();
  await replier.context().close();
  expect(await mailLink(a.email, /Someone replied to your comment/, `/guides/${guide}`, asked)).toMatch(/#comment-/);

  await page.goto("/");
  const bell = page.getByRole("banner").getByRole("link", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = page.getByRole("list", { name: "Your notifications" }).getByRole("listitem").first();
  await expect(item).toContainText("New");
  const link = item.getByRole("link", {
    name: `${b.name} replied to your comment on “Reconnecting: the first real conversation”.`,
  });
  await expect(link).toBeVisible();

  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(item).not.toContainText("New");

  await link.click();
  await expect(page).toHaveURL(/#comment-/);
  const target = comment(page, reply);
  await expect(target).toBeFocused();
  await expect(target).toHaveClass(/ring-2/);
});

test("'Show more comments' loads the next page by cursor, and focus moves to it", async ({ page }) => {
  const guide = "should-you-try-again";
  const authorPage = await newPage(page.context().browser()!);
  const author = await newReader(authorPage);
  await authorPage.context().close();
  // Older than anything else on the guide (and older still on each later run): they come first, oldest first.
  const words = unique("Seeded");
  const start = 2 * Date.UTC(2000, 0, 1) - Date.now();
  for (let i = 1; i <= 26; i++) {
    await seedComment({ guide, authorId: author.id, text: `${words} #${i}.`, createdAt: new Date(start + i * 1000) });
  }
  await openDiscussion(page, guide);
  const list = discussion(page).getByRole("list", { name: "Comments" });
  await expect(comment(page, `${words} #20.`)).toBeVisible();
  await expect(comment(page, `${words} #21.`)).toHaveCount(0);
  const before = await list.locator(":scope > li").count();
  expect(before).toBe(20);

  await discussion(page).getByRole("button", { name: "Show more comments" }).click();
  await expect(comment(page, `${words} #21.`)).toBeFocused();
  await expect(discussion(page).getByText(/\d+ more comments? shown/)).toBeAttached();
  while (!(await comment(page, `${words} #26.`).count())) {
    await discussion(page).getByRole("button", { name: "Show more comments" }).click();
  }
  await expect(comment(page, `${words} #26.`)).toBeVisible();

  // Newest first: a fresh first page.
  await discussion(page).getByLabel("Sort by").selectOption("newest");
  await expect(discussion(page).getByText("Comments sorted by newest.")).toBeAttached();
  await expect(list.locator(":scope > li").first()).not.toContainText(`${words} #1.`);
});

test.describe("without JavaScript", () => {
  test("the guide links to a plain discussion page that lists comments and posts through forms", async ({
    page,
    browser,
  }) => {
    const guide = "the-first-real-conversation";
    await newReader(page);
    const otherPage = await newPage(browser);
    const other = await newReader(otherPage);
    await otherPage.context().close();
    const words = unique("Plain pages are kind to old phones.");
    await seedComment({ guide, authorId: other.id, text: words });

    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
      extraHTTPHeaders: { "x-forwarded-for": `198.18.7.${1 + Math.floor(Math.random() * 250)}, 10.0.0.1` },
    });
    const plain = await context.newPage();
    await plain.goto(`/guides/${guide}`);
    await plain.getByRole("link", { name: "Read and join the discussion on its own page" }).click();
    await expect(plain.getByRole("heading", { level: 1 })).toHaveText(
      "Discussion: Reconnecting: the first real conversation",
    );
    await expect(comment(plain, words)).toBeVisible();

    // A refused post comes back with its text.
    const word = `glorpfen${Date.now().toString(36)}`;
    await queryDatabase(`INSERT INTO "ModerationWord" (id, word, list) VALUES ($1, $2, 'BANNED')`, [`w-${word}`, word]);
    try {
      const refused = `Honestly a ${word} of a week.`;
      await plain.getByLabel("Add to the discussion").fill(refused);
      await plain.getByRole("button", { name: "Post", exact: true }).click();
      await expect(plain.getByRole("alert").first()).toContainText("doesn’t allow");
      await expect(plain.getByLabel("Add to the discussion")).toHaveValue(refused);
    } finally {
      await queryDatabase(`DELETE FROM "ModerationWord" WHERE word = $1`, [word]);
    }

    const mine = unique("Posted without any script.");
    await plain.getByLabel("Add to the discussion").fill(mine);
    await plain.getByRole("button", { name: "Post", exact: true }).click();
    await expect(plain.getByRole("status")).toContainText("Your comment is waiting for a moderator");
    await expect(comment(plain, mine)).toContainText("Waiting for a moderator — only you can see this");

    // Helpful, as a plain form.
    await comment(plain, words)
      .getByRole("button", { name: /Helpful/ })
      .click();
    await expect(comment(plain, words).getByRole("button", { name: /Helpful/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await context.close();
  });
});

for (const theme of ["light", "dark"] as const) {
  test.describe(`accessibility, ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test("the guide page with comments open has no axe violations", async ({ page, browser }) => {
      const guide = "the-apology-that-lands";
      const otherPage = await newPage(browser);
      const other = await newReader(otherPage);
      await otherPage.context().close();
      const reader = await newReader(page);
      const words = unique("A featured thought.");
      const root = await seedComment({ guide, authorId: other.id, text: words, featured: true });
      const gone = await seedComment({ guide, authorId: other.id, text: "gone", parent: root, status: "DELETED" });
      await seedComment({ guide, authorId: other.id, text: unique("Under a deleted one."), parent: gone });
      await seedComment({ guide, authorId: reader.id, text: unique("My held one."), status: "PENDING" });
      await openDiscussion(page, guide);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
      await expect(comment(page, words)).toBeVisible();
      await comment(page, words).getByRole("button", { name: "Reply" }).click();
      await expectNoViolations(page);
    });

    test("the discussion, comments, notifications and support pages have no axe violations", async ({ page }) => {
      const reader = await newReader(page);
      const words = unique("Listed on my own page.");
      await seedComment({ guide: GUIDE, authorId: reader.id, text: words });
      await seedComment({ guide: GUIDE, authorId: reader.id, text: unique("Held."), status: "PENDING" });
      await queryDatabase(
        `INSERT INTO "Notification" (id, "userId", kind, "createdAt") VALUES ($1, $2, 'SUPPORT', now())`,
        [`n-${reader.id}`, reader.id],
      );
      for (const path of [`/guides/${GUIDE}/discussion`, "/account/comments", "/notifications", "/help/support"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoViolations(page);
      }
    });
  });
}
