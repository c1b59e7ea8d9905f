// Moderation end to end: readers post and report through the comment API (as the
// guide page's scripts do), moderators and admins work through their pages.
import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import { queryDatabase, test } from "./support/accounts";
import {
  apiPost,
  makeTrusted,
  newPerson,
  postComment,
  queueItem,
  SAME_ORIGIN,
  uniqueName,
  type Person,
} from "./support/moderation";

const GUIDE = "the-apology-that-lands";

const words = (text: string) => `${text} (${randomBytes(3).toString("hex")})`;

/** The comments of the guide as `person`'s browser sees them. */
async function threads(person: Person) {
  const response = await person.page.request.get(`/api/guides/${GUIDE}/comments?sort=newest`);
  expect(response.status()).toBe(200);
  const page = await response.json();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return page.threads.flatMap((t: any) => [t.comment, ...t.replies]) as any[];
}

async function notificationKinds(person: Person): Promise<string[]> {
  const response = await person.page.request.get("/api/notifications");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()).notifications.map((n: any) => n.kind);
}

/** The page's status line, once it says `text`. */
const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

/** Presses a button from the keyboard: focus it, then Enter. */
async function pressButton(scope: Locator, name: string) {
  const button = scope.getByRole("button", { name, exact: true });
  await button.focus();
  await expect(button).toBeFocused();
  await scope.page().keyboard.press("Enter");
}

test.describe.configure({ timeout: 90_000 });

test("a new reader's comment waits; a moderator approves it with the author's record in view", async ({ browser }) => {
  const [author, other, moderator] = await Promise.all([
    newPerson(browser, { name: uniqueName("Gentle") }),
    newPerson(browser),
    newPerson(browser, { role: "MODERATOR" }),
  ]);
  const text = words("Writing it down helped me more than I expected.");
  const posted = await postComment(author, GUIDE, text);
  expect(posted.status).toBe(200);
  expect(posted.body.comment.state).toBe("pending");
  expect(posted.body.message).toMatch(/waiting for a moderator/);
  const id = posted.body.comment.id;

  // Only its author sees it while it waits, with the reason.
  const own = (await threads(author)).find((c) => c.id === id);
  expect(own).toMatchObject({ state: "pending", own: { holdReason: "new account" } });
  expect((await threads(other)).some((c) => c.id === id)).toBe(false);

  // Moderators find their pages from the header; readers see no such link.
  const page = moderator.page;
  await page.goto("/account");
  await page.getByRole("banner").getByRole("link", { name: "Moderation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderation queue" })).toBeVisible();
  await author.page.goto("/account");
  await expect(author.page.getByRole("banner").getByRole("link", { name: "Account" })).toBeVisible();
  await expect(author.page.getByRole("banner").getByRole("link", { name: "Moderation" })).toHaveCount(0);

  const item = await queueItem(page, "pending", new RegExp(`^Comment by ${author.name} on`));
  await expect(item).toContainText(text);
  await expect(item).toContainText("Held because: new account");
  await expect(item).toContainText(`About ${author.name}`);
  await expect(item).toContainText("joined today");
  await expect(item).toContainText("0 approved by a moderator, 0 rejected or removed");
  await expect(item).toContainText("in good standing");
  await expect(item.getByRole("link", { name: "The apology that lands" })).toHaveAttribute(
    "href",
    `/guides/${GUIDE}#comment-${id}`,
  );
  // Only what fits a held comment is offered.
  await expect(item.getByRole("button", { name: "Feature" })).toHaveCount(0);

  await pressButton(item, "Approve");
  await expect(status(page, "Approved.")).toBeVisible();
  await expect(page.getByRole("article", { name: new RegExp(`^Comment by ${author.name} on`) })).toHaveCount(0);
  // Focus lands on the next item, or on the list's heading when none is left.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.matches("[data-moderation-focus], #queue-title") ?? false))
    .toBe(true);

  expect((await threads(other)).find((c) => c.id === id)).toMatchObject({ state: "published", placeholder: false });
  expect(await notificationKinds(author)).toContain("APPROVED");
  await Promise.all([author, other, moderator].map((p) => p.context.close()));
});

test("a link from a trusted reader is held; a banned word an admin adds is refused with a message", async ({
  browser,
}) => {
  const [reader, admin] = await Promise.all([
    newPerson(browser, { name: uniqueName("Linking") }),
    newPerson(browser, { role: "ADMIN" }),
  ]);
  await makeTrusted(reader, GUIDE);

  const linked = await postComment(reader, GUIDE, words("This helped me: https://example.org/a-story"));
  expect(linked.body.comment.state).toBe("pending");
  const item = await queueItem(admin.page, "pending", new RegExp(`^Comment by ${reader.name} on`));
  await expect(item).toContainText("Held because: contains a link");
  await expect(item).toContainText("2 approved by a moderator");

  // The admin adds a banned word through the word lists page.
  const banned = `snarkwort${randomBytes(2).toString("hex")}`;
  const page = admin.page;
  await page.goto("/admin/words");
  await page.getByLabel("Word or phrase").fill(banned);
  await page.getByRole("radio", { name: /^Banned/ }).check();
  await page.getByRole("button", { name: "Add to the list" }).click();
  await expect(status(page, `“${banned}” is on the banned list.`)).toBeVisible();
  const bannedList = page.getByRole("region", { name: /^Banned words/ });
  await expect(bannedList).toContainText(banned);
  await expect(page.getByLabel("Word or phrase")).toHaveValue("");

  const refused = await postComment(reader, GUIDE, `You are such a ${banned}, honestly.`);
  expect(refused.status).toBe(422);
  expect(refused.body.error.message).toBe(
    `Your comment uses a word that this site doesn’t allow (“${banned}”). Please reword it and post again.`,
  );
  expect(refused.body.error.fields.body).toBe(refused.body.error.message);

  // Removing it takes it off the list; the log keeps both.
  await bannedList.getByRole("button", { name: `Remove “${banned}”` }).click();
  await expect(status(page, "Removed from the list.")).toBeVisible();
  await expect(page.getByRole("region", { name: /^Banned words/ })).not.toContainText(banned);
  await page.goto("/moderation/log");
  await expect(page.getByRole("article").filter({ hasText: `“${banned}”, to the banned list` })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: `“${banned}”, from the banned list` })).toBeVisible();
  await Promise.all([reader, admin].map((p) => p.context.close()));
});

test("three reports hide a comment; a moderator removes it with a reason its author sees; the log shows it all", async ({
  browser,
}) => {
  const [author, moderator, ...reporters] = await Promise.all([
    newPerson(browser, { name: uniqueName("Reported") }),
    newPerson(browser, { role: "MODERATOR", name: uniqueName("Careful") }),
    newPerson(browser),
    newPerson(browser),
    newPerson(browser),
  ]);
  await makeTrusted(author, GUIDE);
  const text = words("He should be ashamed, and here is his full name.");
  const posted = await postComment(author, GUIDE, text);
  expect(posted.body.comment.state).toBe("published");
  const id = posted.body.comment.id;
  // A reply keeps the thread in place once the comment is gone.
  const reply = await postComment(moderator, GUIDE, words("Let’s keep names out of it, please."), id);
  expect(reply.body.comment.state).toBe("published");

  const reasons = [
    { reason: "HARASSMENT" },
    { reason: "PERSONAL_INFO" },
    { reason: "OTHER", details: "Names someone who can’t answer." },
  ];
  const answers = [];
  for (const [index, reporter] of reporters.entries()) {
    answers.push(await apiPost(reporter.page, "/api/comments/report", { id, ...reasons[index] }));
  }
  expect(answers.map((a) => [a.status, a.body.hidden])).toEqual([
    [200, false],
    [200, false],
    [200, true],
  ]);
  // Others see a placeholder where it was; its author still sees it, hidden.
  expect((await threads(reporters[0]!)).find((c) => c.id === id)).toMatchObject({
    placeholder: true,
    html: null,
    author: null,
  });
  expect((await threads(author)).find((c) => c.id === id)).toMatchObject({ state: "hidden" });

  const page = moderator.page;
  const item = await queueItem(page, "reported", new RegExp(`^Comment by ${author.name} on`));
  await expect(item).toContainText("Hidden after reports");
  await expect(item).toContainText("3 open reports");
  await expect(item).toContainText("Harassment or hate");
  await expect(item).toContainText("Personal information about someone");
  await expect(item).toContainText("Something else");
  await expect(item).toContainText("“Names someone who can’t answer.”");

  // Remove without a reason: the form says what is missing and keeps the note.
  await item.getByLabel("Private note").fill("Full name of an ex.");
  await pressButton(item, "Remove");
  const reasonField = item.getByLabel("Reason for the author");
  await expect(reasonField).toBeFocused();
  await expect(reasonField).toHaveAttribute("aria-invalid", "true");
  await expect(item).toContainText("Please give a reason: the author will see it.");
  await expect(item.getByLabel("Private note")).toHaveValue("Full name of an ex.");

  const reason = "It names someone who isn’t here to answer. You’re welcome to share your side without names.";
  await reasonField.fill(reason);
  await pressButton(item, "Remove");
  await expect(status(page, "Removed; the author sees your reason.")).toBeVisible();
  await expect(page.getByRole("article", { name: new RegExp(`^Comment by ${author.name} on`) })).toHaveCount(0);

  // The author sees why, on the guide and in their notifications.
  expect((await threads(author)).find((c) => c.id === id)).toMatchObject({
    state: "removed",
    own: { moderationReason: reason },
  });
  const notes = await (await author.page.request.get("/api/notifications")).json();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(notes.notifications.find((n: any) => n.kind === "REMOVED").text).toContain(reason);

  // The log: each action with who, why and the words as they were.
  await page.goto(`/moderation/log?comment=${id}`);
  const removed = page.getByRole("article", { name: "Removed a comment" });
  await expect(removed).toContainText(`by ${moderator.name}`);
  await expect(removed).toContainText(author.name);
  await expect(removed).toContainText("Reason given to the author");
  await expect(removed).toContainText(reason);
  await expect(removed).toContainText("Private note");
  await expect(removed).toContainText("Full name of an ex.");
  await removed.getByText("The comment as it was then").click();
  await expect(removed).toContainText(text);
  const hidden = page.getByRole("article", { name: "Hid a comment after reports" });
  await expect(hidden).toContainText("by Automatic");
  await expect(hidden).toContainText("3 open reports");

  // Filtered by person, from the entry's link.
  await removed.getByRole("link", { name: author.name }).click();
  await expect(page).toHaveURL(new RegExp(`/moderation/log\\?user=${author.id}$`));
  await expect(page.getByText(`Entries about ${author.name}.`)).toBeVisible();
  await Promise.all([author, moderator, ...reporters].map((p) => p.context.close()));
});

test("a crisis report brings its author support; a suspended reader is told until when", async ({ browser }) => {
  const [author, reporter, moderator] = await Promise.all([
    newPerson(browser, { name: uniqueName("Struggling") }),
    newPerson(browser),
    newPerson(browser, { role: "MODERATOR" }),
  ]);
  await makeTrusted(author, GUIDE);
  const posted = await postComment(author, GUIDE, words("I don’t see the point of any of it any more."));
  const id = posted.body.comment.id;
  const report = await apiPost(reporter.page, "/api/comments/report", { id, reason: "SELF_HARM" });
  expect(report.status).toBe(200);
  expect(await notificationKinds(author)).toContain("SUPPORT");
  const [support] = await queryDatabase<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId"
     WHERE u.email = $1 AND n.kind = 'SUPPORT' AND n."commentId" = $2`,
    [author.email, id],
  );
  expect(support!.n).toBe(1);

  const page = moderator.page;
  const item = await queueItem(page, "reported", new RegExp(`^Comment by ${author.name} on`));
  await expect(item).toContainText("Someone may be in crisis or at risk of self-harm");
  await expect(item).toContainText("A reader is worried this person may be in crisis.");

  // Suspend, from the keyboard: open the account's actions, pick a date, press Suspend.
  const summary = item.locator("summary", { hasText: `Act on ${author.name}’s account` });
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(item.getByLabel("Suspend until")).toBeVisible();
  await item.getByLabel("Suspend until").fill("2099-03-04");
  await item.getByLabel("Reason for this decision").fill("A pause while we check in.");
  await pressButton(item, "Suspend");
  await expect(status(page, "Suspended from commenting.")).toBeVisible();
  await expect(page.getByRole("article", { name: new RegExp(`^Comment by ${author.name} on`) })).toContainText(
    "suspended until March 4, 2099",
  );

  const refused = await postComment(author, GUIDE, words("Trying again."));
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toBe(
    "This account is suspended from commenting until 4 March 2099 at 00:00 (UTC).",
  );

  await page.goto(`/moderation/log?user=${author.id}`);
  const entry = page.getByRole("article", { name: "Suspended an account from commenting" });
  await expect(entry).toContainText("Until March 4, 2099");
  await expect(entry).toContainText("A pause while we check in.");
  await Promise.all([author, reporter, moderator].map((p) => p.context.close()));
});

test("moderation forms work without JavaScript", async ({ browser }) => {
  const author = await newPerson(browser, { name: uniqueName("Plain") });
  const moderator = await newPerson(browser, { role: "MODERATOR" });
  const posted = await postComment(author, GUIDE, words("Posted for a moderator without scripts."));
  expect(posted.body.comment.state).toBe("pending");

  const storageState = await moderator.context.storageState();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  const page = await context.newPage();
  const heading = new RegExp(`^Comment by ${author.name} on`);

  // Reject without a reason: back on the same page of the queue with the message, the note kept.
  let item = await queueItem(page, "pending", heading);
  await item.getByLabel("Private note").fill("Kept across the round trip.");
  await item.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page).toHaveURL(/error=/);
  await expect(page.getByRole("status")).toContainText("Please give a reason: the author will see it.");
  item = page.getByRole("article", { name: heading });
  await expect(item.getByLabel("Private note")).toHaveValue("Kept across the round trip.");

  await item.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page).toHaveURL(/message=Approved/);
  await expect(page.getByRole("status")).toContainText("Approved.");
  const [row] = await queryDatabase<{ status: string }>(`SELECT status FROM "Comment" WHERE id = $1`, [
    posted.body.comment.id,
  ]);
  expect(row!.status).toBe("PUBLISHED");
  await context.close();
  await Promise.all([author, moderator].map((p) => p.context.close()));
});

test("the same-origin check applies to moderators' forms", async ({ browser }) => {
  const moderator = await newPerson(browser, { role: "MODERATOR" });
  const response = await moderator.page.request.post("/api/moderation/guide", {
    headers: { ...SAME_ORIGIN, Origin: "https://elsewhere.example" },
    data: { slug: GUIDE, mode: "CLOSED" },
  });
  expect(response.status()).toBe(403);
  await moderator.context.close();
});
