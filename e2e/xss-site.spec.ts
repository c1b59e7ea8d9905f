// Script stays text on every page of the site. Every field a person can write (display
// names, email addresses, reflections, comments, moderators' reasons and private notes,
// report details, the admins' word lists, suspension reasons) is filled through the real
// routes with payloads from the corpus, a third of it, every category, within what each
// field's validator accepts; then every page that shows the field is read in Chromium: no
// dialog opens, nothing executable gets into the page, and every field is seen as the text
// it is. So are the exported data's headers, the reply emails' HTML, every page's query
// parameters, and where sign-in may send a browser afterwards.
import { randomBytes, randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "@/lib/comments/xss-corpus";
import { PASSWORD, queryDatabase, test } from "./support/accounts";
import { appPages } from "./support/app-files";
import { waysIn } from "./support/inert";
import { saveEntry } from "./support/journal";
import { waitForMail } from "./support/mail-catcher";
import {
  apiPost,
  clearCommentLimits,
  makeTrusted,
  newPerson,
  ORIGIN,
  SAME_ORIGIN,
  type Person,
} from "./support/moderation";
import { E2E_MAIL_DIR } from "./support/paths";

const GUIDE = "rebuilding-trust-after-infidelity";
const STEP_GUIDE = "should-you-try-again";
const STEP = "lonely-or-compatible";
/** Every third payload: each of the corpus's categories has several in a row, so each is here. */
const SUBSET = XSS_PAYLOADS.filter((p, i) => i % 3 === 0 && p.trim());
const upTo = (max: number) => SUBSET.filter((p) => p.length <= max);
const tag = () => randomBytes(3).toString("hex");
/** Seen as text on the page when a field is shown: the field really is on the page checked. */
const MARK = `zq${tag()}`;
const marked = (payload: string, max = Infinity) => `${payload} ${MARK}`.slice(-max);

/** Display names the form accepts (no @, < or >): quotes, schemes, template syntax. */
const FORM_NAMES = [
  `" onmouseover="alert(1)" x="`,
  `' autofocus onfocus='alert(1)`,
  "javascript:alert(1)//",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
].map((name) => `${MARK} ${name}`.slice(0, 40));
/** Names the form refuses but another way in (an older account, a provider's profile) might hold. */
const STORED_NAMES = upTo(30).map((name) => `${name} ${MARK}`);

test.describe.configure({ mode: "default", timeout: 120_000 });

const dialogs = new WeakMap<Page, string[]>();
/** Records every dialog a page opens (none should). */
function watch(page: Page) {
  const fired: string[] = [];
  dialogs.set(page, fired);
  page.on("dialog", async (dialog) => {
    fired.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
}

/** Opens `path` and checks it: shown, nothing ran, nothing executable; `marks` times MARK as text. */
async function expectInert(page: Page, path: string, { marks = 1 }: { marks?: number } = {}) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  // Client-side islands (the discussion, the bell) render after load.
  await page.waitForLoadState("networkidle");
  if (path.endsWith("#discussion")) {
    const discussion = page.getByRole("region", { name: /^Discussion/ });
    await expect(discussion.locator("article[id^='comment-']").first()).toBeVisible();
    await expect(discussion.getByText("Loading comments…")).toHaveCount(0);
  }
  // Shown as text, or as the value of a field that edits it.
  const shown = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    const parts: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (!walker.currentNode.parentElement?.closest("script, style, template"))
        parts.push(walker.currentNode.nodeValue ?? "");
    }
    for (const el of main.querySelectorAll("input, textarea")) parts.push((el as HTMLInputElement).value);
    return parts.join("\n");
  });
  expect(shown.split(MARK).length - 1, `${path} shows the fields`).toBeGreaterThanOrEqual(marks);
  expect(await waysIn(page), path).toEqual([]);
  expect(dialogs.get(page), path).toEqual([]);
}

test.describe("payloads in every field, on every page that shows it", () => {
  let author: Person; // a reader: reflections, comments, display name, reports
  let moderator: Person;
  let admin: Person;
  let suspended: Person;
  let entryId: string;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    author = await newPerson(browser);
    moderator = await newPerson(browser, { role: "MODERATOR" });
    admin = await newPerson(browser, { role: "ADMIN" });
    suspended = await newPerson(browser);
    for (const person of [author, moderator, admin, suspended]) watch(person.page);
    await author.page.goto("/account");

    // Display names through the form: accepted ones are stored, the others refused with a message.
    for (const name of FORM_NAMES) {
      const answer = await apiPost(author.page, "/api/account/name", { name });
      expect(answer.status, name).toBe(200);
    }
    const refused = await apiPost(author.page, "/api/account/name", { name: "<script>alert(1)</script>" });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.name).toBe("A display name can’t contain @, < or >.");
    // Names the form refuses, as if they came from elsewhere: the moderator's, and then the author's.
    await queryDatabase(`UPDATE "User" SET name = $2 WHERE id = $1`, [moderator.id, STORED_NAMES[0]]);
    await queryDatabase(`UPDATE "User" SET name = $2 WHERE id = $1`, [author.id, STORED_NAMES[1]]);

    // Email addresses: the validator refuses markup; an apostrophe and a plus sign get through and are shown.
    const badEmail = await apiPost(author.page, "/api/account/email", {
      email: `"<img src=x onerror=alert(1)>"@example.com`,
      password: PASSWORD,
    });
    expect(badEmail.status).toBe(422);
    await queryDatabase(`UPDATE "User" SET email = $2 WHERE id = $1`, [
      moderator.id,
      `o'neil+${MARK}-${tag()}@example.com`,
    ]);

    // Reflections: under a step and free entries, each payload its own version of one entry.
    await saveEntry(author.page, { guide: STEP_GUIDE, step: STEP }, marked(SUBSET.join("\n\n")));
    entryId = randomUUID();
    let version = 0;
    for (const payload of SUBSET) {
      const saved = await author.page.request.post("/api/reflections/save", {
        headers: SAME_ORIGIN,
        data: { target: { id: entryId }, text: marked(payload), baseVersion: version, saveId: randomUUID() },
      });
      expect(saved.status(), payload).toBe(200);
      version = ((await saved.json()) as { version: number }).version;
    }
    await saveEntry(author.page, { id: randomUUID() }, marked(upTo(200).join("\n")));

    // Comments: the moderator's are published at once, as are the author's once trusted.
    await makeTrusted(author, GUIDE);
    const root = await apiPost(moderator.page, "/api/comments", {
      guide: GUIDE,
      body: marked("A thread for payloads"),
    });
    expect(root.status).toBe(200);
    for (const payload of SUBSET) {
      await clearCommentLimits(moderator.id);
      const answer = await apiPost(moderator.page, "/api/comments", { guide: GUIDE, body: marked(payload) });
      expect(answer.status, payload).toBeLessThan(500);
    }
    // The author's comments, each replied to by the moderator (notifications and mail for the author).
    await queryDatabase(`UPDATE "User" SET "notifyRepliesByEmail" = true WHERE id = $1`, [author.id]);
    const authorComments: string[] = [];
    for (const payload of upTo(500).slice(0, 8)) {
      await clearCommentLimits(author.id);
      const mine = await apiPost(author.page, "/api/comments", { guide: GUIDE, body: marked(payload) });
      expect(mine.status, payload).toBe(200);
      authorComments.push(mine.body.comment.id);
    }
    await clearCommentLimits(moderator.id);
    const reply = await apiPost(moderator.page, "/api/comments", {
      guide: GUIDE,
      parentId: authorComments[0],
      body: marked(`A reply: ${SUBSET[0]!}`),
    });
    expect(reply.status).toBe(200);

    // Reports with payloads as details, on the moderator's root and on the author's comments.
    for (const [i, payload] of upTo(1000).slice(0, 6).entries()) {
      await clearCommentLimits(suspended.id);
      const answer = await apiPost(suspended.page, "/api/comments/report", {
        id: i === 0 ? root.body.comment.id : authorComments[i]!,
        reason: "OTHER",
        details: marked(payload, 1000),
      });
      expect(answer.status, payload).toBe(200);
      await queryDatabase(`DELETE FROM "RateLimit" WHERE key LIKE $1`, [`report:%`]);
    }

    // Moderators' reasons and private notes: the author's comments removed and restored again and again.
    const reasons = upTo(500).filter((_, i) => i % 2 === 0);
    for (const [i, reason] of reasons.entries()) {
      const id = authorComments[1 + (i % 3)]!;
      for (const action of ["remove", "restore"] as const) {
        const answer = await apiPost(moderator.page, "/api/moderation/comment", {
          id,
          action,
          reason: marked(reason, 500),
          note: marked(reasons[reasons.length - 1 - i]!, 1000),
        });
        expect(answer.status, reason).toBe(200);
      }
    }
    // The last ones stay removed, so the author sees a reason.
    for (const id of authorComments.slice(1, 4)) {
      const answer = await apiPost(moderator.page, "/api/moderation/comment", {
        id,
        action: "remove",
        reason: marked(reasons[0]!, 500),
        note: marked(reasons[1]!, 1000),
      });
      expect(answer.status).toBe(200);
    }

    // Suspension reasons and notes.
    const until = new Date(Date.now() + 86_400_000).toISOString();
    for (const reason of reasons.slice(0, 6)) {
      const answer = await apiPost(moderator.page, "/api/moderation/user", {
        userId: suspended.id,
        action: "suspend",
        until,
        reason: marked(reason, 500),
        note: marked(reason, 1000),
      });
      expect(answer.status, reason).toBe(200);
    }
    // A guide's note, leaving its mode as it was.
    const guideNote = await apiPost(moderator.page, "/api/moderation/guide", {
      slug: GUIDE,
      mode: "OPEN",
      note: marked(reasons[2]!, 1000),
    });
    expect(guideNote.status).toBe(200);

    // Word lists: each word carries MARK, so it matches no other spec's comment; removed at the end.
    for (const word of upTo(80).slice(0, 12)) {
      const answer = await apiPost(admin.page, "/api/admin/words", {
        action: "add",
        word: marked(word),
        list: "SUSPECT",
      });
      expect(answer.status, word).toBe(200);
    }
    // The moderator (stored name and apostrophe email) is listed on the admins' page.
  });

  test.afterAll(async () => {
    const words = await queryDatabase<{ id: string }>(`SELECT id FROM "ModerationWord" WHERE word LIKE $1`, [
      `%${MARK}%`,
    ]);
    for (const { id } of words) await apiPost(admin.page, "/api/admin/words", { action: "remove", id });
    await Promise.all([author, moderator, admin, suspended].map((p) => p?.context.close()));
  });

  test("the author's pages: account, comments, journey, entries, print, notifications", async () => {
    await expectInert(author.page, "/account");
    await expectInert(author.page, "/account/comments", { marks: 8 });
    await expect(author.page.getByText(`A moderator’s reason: ${marked(upTo(500)[0]!, 500)}`).first()).toBeVisible();
    await expectInert(author.page, "/journey");
    await expectInert(author.page, `/journey?q=${MARK}`, { marks: 2 });
    await expectInert(author.page, `/journey/entries/${entryId}`, { marks: SUBSET.length });
    await expectInert(author.page, "/journey/print", { marks: 2 });
    await expectInert(author.page, `/guides/${STEP_GUIDE}#${STEP}`);
    await expectInert(author.page, "/notifications");
  });

  test("the guide's discussion and the no-JavaScript discussion, as author, suspended reader and staff", async () => {
    // Oldest first, these may show an earlier run's payloads (checked all the same); newest first, this run's.
    for (const viewer of [author, suspended, moderator]) {
      await expectInert(viewer.page, `/guides/${GUIDE}#discussion`, { marks: 0 });
      await expectInert(viewer.page, `/guides/${GUIDE}/discussion`, { marks: 0 });
      await expectInert(viewer.page, `/guides/${GUIDE}/discussion?sort=newest`, { marks: 10 });
    }
  });

  test("the moderators' pages: every tab, the log, guides; the admins' pages", async () => {
    // The pending and reported tabs are oldest first and shared with other specs: ours may be on a later page.
    await expectInert(moderator.page, "/moderation", { marks: 0 });
    await expectInert(moderator.page, "/moderation?tab=reported", { marks: 0 });
    // Recent lists every published comment on the site, newest first: other specs publishing at the
    // same time can push these off its first page, so only what is there is checked (the log shows them).
    await expectInert(moderator.page, "/moderation?tab=recent", { marks: 0 });
    await expectInert(moderator.page, "/moderation/log", { marks: 20 });
    await expect(moderator.page.getByText("Private note").first()).toBeVisible();
    await expectInert(moderator.page, "/moderation/guides", { marks: 0 });
    await expectInert(admin.page, "/admin/words", { marks: 12 });
    await expectInert(admin.page, "/admin/moderators", { marks: 1 });
    await expectInert(admin.page, "/moderation/log", { marks: 20 });
  });

  test("the data export is a download, never a page: its type, disposition and nosniff", async () => {
    for (const format of ["json", "zip"]) {
      const response = await author.page.request.get(`/api/account/export?format=${format}`);
      expect(response.status()).toBe(200);
      const headers = response.headers();
      expect(headers["content-type"]).toBe(format === "json" ? "application/json; charset=utf-8" : "application/zip");
      expect(headers["content-disposition"]).toMatch(/^attachment; filename="mend-[\w.-]+\.(json|zip)"$/);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      if (format === "json") expect(await response.text()).toContain(MARK);
    }
    // A browser that opens the link downloads it; no document with its content is shown.
    const download = author.page.waitForEvent("download");
    await author.page.goto("/account");
    await author.page.evaluate(() => {
      const a = document.createElement("a");
      a.href = "/api/account/export";
      document.body.append(a);
      a.click();
    });
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
    expect(dialogs.get(author.page)).toEqual([]);
  });

  test("reply emails escape names and comment text in their HTML", async ({ browser }) => {
    const mail = await waitForMail(E2E_MAIL_DIR, { to: author.email, subject: /repl/i }, 20_000);
    expect(mail.html).not.toBeNull();
    expect(mail.text).toContain(MARK);
    const context = await browser.newContext({ javaScriptEnabled: true });
    const view = await context.newPage();
    watch(view);
    await view.setContent(mail.html!);
    expect(await view.locator("body").innerText()).toContain(MARK);
    expect(await waysIn(view, "body")).toEqual([]);
    expect(dialogs.get(view)).toEqual([]);
    await context.close();
  });
});

/* ------------------------------------------------------------------ query parameters */

/** Every query parameter a page of the site reads (and a few it does not). */
const PARAMS = [
  "q",
  "parentId",
  "postKey",
  "userId",
  "message",
  "error",
  "email",
  "name",
  "callbackUrl",
  "sent",
  "tab",
  "cursor",
  "page",
  "sort",
  "token",
  "note",
  "reason",
  "details",
  "body",
  "word",
  "list",
  "user",
  "until",
  "slug",
  "mode",
  "id",
  "comment",
  "guide",
  "restored",
  "unchanged",
  "as",
  "signed-out",
  "welcome",
  "verified",
];
const REFLECTED = ['"><img src=x onerror=alert(1)>', "javascript:alert(1)", "</script><script>alert(1)</script>"];

test.describe("what a URL carries is shown as text or ignored", () => {
  let admin: Person;
  let entry: string;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    admin = await newPerson(browser, { role: "ADMIN" });
    watch(admin.page);
    await admin.page.goto("/account");
    entry = await saveEntry(admin.page, { id: randomUUID() }, "A line of my own.");
  });
  test.afterAll(async () => admin?.context.close());

  const fill = (pattern: string) =>
    pattern
      .replace("[slug]", GUIDE)
      .replace("[tag]", "trust")
      .replace("[id]", () => entry);

  for (const payload of REFLECTED) {
    test(`every page with ${payload} in every parameter`, async () => {
      test.setTimeout(180_000);
      for (const pattern of appPages()) {
        if (pattern === "/dev/outbox" || pattern === "/sign-out" || pattern === "/journey/entries/new") continue;
        const query = new URLSearchParams(PARAMS.map((p) => [p, payload])).toString();
        const path = `${fill(pattern)}?${query}`;
        const response = await admin.page.goto(path);
        expect(response?.status(), path).toBeLessThan(500);
        expect(await waysIn(admin.page), path).toEqual([]);
        expect(dialogs.get(admin.page), path).toEqual([]);
      }
      // Signed out, the forms for anyone show what they were sent back with.
      const context = await admin.context.browser()!.newContext();
      const visitor = await context.newPage();
      watch(visitor);
      for (const path of [
        "/sign-in",
        "/sign-out",
        "/sign-up",
        "/forgot-password",
        "/reset-password",
        "/verify-email",
        "/confirm-email",
        "/delete-account",
        "/search",
      ]) {
        await visitor.goto(`${path}?${new URLSearchParams(PARAMS.map((p) => [p, payload]))}`);
        expect(await waysIn(visitor), path).toEqual([]);
        expect(dialogs.get(visitor), path).toEqual([]);
      }
      await context.close();
    });
  }

  test("a long error or message in the URL is shown as the text it is", async ({ page }) => {
    watch(page);
    const text = `<img src=x onerror=alert(1)> ${"a".repeat(40)} ${MARK}`;
    await page.goto(`/sign-in?error=${encodeURIComponent(text)}`);
    await expect(page.getByText(text)).toBeVisible();
    expect(await waysIn(page)).toEqual([]);
    expect(dialogs.get(page)).toEqual([]);
  });
});

/* ------------------------------------------------------------------ redirects */

/** Targets that would take a browser to another site, each written differently. */
const OFF_SITE = [
  "https://evil.example/",
  "//evil.example/",
  "/\\evil.example/",
  "\\/evil.example/",
  "/\t/evil.example/",
  "/\n/evil.example/",
  " //evil.example/",
  "/%2F/evil.example/",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http:evil.example",
];

test.describe("sign-in sends a browser back to this site only", () => {
  let reader: Person;
  test.beforeAll(async ({ browser }) => {
    reader = await newPerson(browser);
  });
  test.afterAll(async () => reader?.context.close());

  const stays = (location: string) => expect(new URL(location, ORIGIN).origin, location).toBe(ORIGIN);

  for (const target of OFF_SITE) {
    test(`callbackUrl ${JSON.stringify(target)} is never followed off-site`, async ({ browser }) => {
      // Signing in this often would soon meet the per-account limit, which is not what this checks.
      // (newPerson's browsers send a client address in 198.51.100.0/24.)
      await queryDatabase(`DELETE FROM "RateLimit" WHERE key = $1 OR key LIKE 'signInIp:198.51.100.%'`, [
        `signInAccount:${reader.email.toLowerCase()}`,
      ]);
      // The sign-in page carries it on only as a same-site path.
      const context = await browser.newContext();
      const visitor = await context.newPage();
      await visitor.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      for (const value of await visitor
        .locator('input[name="callbackUrl"]')
        .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))) {
        stays(value);
      }
      await context.close();

      // The sign-in route, as the form script calls it and as a plain form post.
      const json = await reader.page.request.post("/api/account/sign-in", {
        headers: SAME_ORIGIN,
        data: { email: reader.email, password: PASSWORD, callbackUrl: target },
      });
      expect(json.status()).toBe(200);
      stays(((await json.json()) as { redirectTo: string }).redirectTo);
      const form = await reader.page.request.post("/api/account/sign-in", {
        headers: { Origin: ORIGIN },
        form: { email: reader.email, password: PASSWORD, callbackUrl: target },
        maxRedirects: 0,
      });
      expect(form.status()).toBe(303);
      stays(form.headers().location!);
    });
  }

  test("a same-site callbackUrl is followed, with its query and fragment", async () => {
    const json = await reader.page.request.post("/api/account/sign-in", {
      headers: SAME_ORIGIN,
      data: { email: reader.email, password: PASSWORD, callbackUrl: "/guides/the-apology-that-lands?x=1#discussion" },
    });
    expect(((await json.json()) as { redirectTo: string }).redirectTo).toBe(
      "/guides/the-apology-that-lands?x=1#discussion",
    );
  });

  test("the email link's callback stays on this site", async () => {
    const email = `link-${tag()}@example.com`;
    const since = new Date();
    const answer = await reader.page.request.post("/api/account/email-link", {
      headers: SAME_ORIGIN,
      data: { email, callbackUrl: "/\t/evil.example/" },
    });
    expect(answer.status()).toBe(200);
    const mail = await waitForMail(E2E_MAIL_DIR, { to: email, after: since });
    const link = mail.text.match(/https?:\/\/\S+/)![0];
    const callback = new URL(link).searchParams.get("callbackUrl");
    expect(callback).not.toBeNull();
    stays(callback!);
  });

  test("Auth.js's own endpoints keep callbackUrl on this site", async ({ request }) => {
    for (const target of OFF_SITE) {
      for (const path of ["/api/auth/signin", "/api/auth/signout", "/api/auth/signin/google"]) {
        const response = await request.get(`${path}?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
        expect(response.status(), `${path} ${target}`).toBeLessThan(500);
        const location = response.headers().location;
        if (!location) continue;
        stays(location);
        const callback = new URL(location, ORIGIN).searchParams.get("callbackUrl");
        if (callback) stays(callback);
      }
    }
  });

  test("a form sent back with an error returns to this site's page", async () => {
    const response = await reader.page.request.post("/api/account/name", {
      headers: { Origin: ORIGIN, Referer: `${ORIGIN}/\t/evil.example/account` },
      form: { name: "<" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    stays(response.headers().location!);
  });
});

// A later page or route that reads a new parameter is covered by PARAMS only if it is listed there.
test("the parameters the pages read are all in the list", async () => {
  const { readFileSync } = await import("node:fs");
  const { execFileSync } = await import("node:child_process");
  const files = execFileSync("grep", ["-rl", "searchParams", "app", "--include=page.tsx"], { encoding: "utf8" })
    .trim()
    .split("\n");
  const read = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, "utf8").matchAll(/param\(\s*\w+,\s*"([\w-]+)"\)|\.q\b/g)) read.add(m[1] ?? "q");
  }
  expect([...read].filter((p) => !PARAMS.includes(p))).toEqual([]);
});
