import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { mailLink, PASSWORD, queryDatabase, signIn, signUp, test, uniqueEmail } from "./support/accounts";
import { waitForMail } from "./support/mail-catcher";
import { E2E_MAIL_DIR } from "./support/paths";

const GUIDE = { slug: "owning-what-went-wrong", title: "Owning what went wrong" };
const STEPS = [
  { id: "harmful-habits", title: "Harmful habits like drinking or gambling" },
  { id: "infidelity-and-honesty", title: "Infidelity" },
  { id: "moods-and-silence", title: "Taking out bad moods, and the silent treatment" },
];

const uniqueName = () => `Calm Tide ${randomBytes(4).toString("hex")}`;

async function userId(email: string): Promise<string> {
  const [user] = await queryDatabase<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  return user!.id;
}

/**
 * Two steps of a guide marked done, written straight to the database: saving
 * progress of signed-in readers is being built beside this feature.
 */
async function markTwoStepsDone(email: string) {
  await queryDatabase(
    `INSERT INTO "GuideProgress" ("userId", "guideSlug", "doneSteps", "furthestStep", "updatedAt")
     VALUES ($1, $2, $3, $4, now())`,
    [await userId(email), GUIDE.slug, [STEPS[1]!.id, STEPS[0]!.id], STEPS[2]!.id],
  );
}

/** Every table, present and future, with a row whose text holds `needle` in any column. */
async function tablesHolding(needle: string): Promise<string[]> {
  const tables = await queryDatabase<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = await queryDatabase<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${name}" t WHERE strpos(lower(t::text), lower($1)) > 0`,
      [needle],
    );
    if (row!.n > 0) found.push(name);
  }
  return found;
}

async function download(page: Page, link: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("region", { name: "Your data" }).getByRole("link", { name: link }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

async function expectSignedOut(page: Page) {
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user).toBeUndefined();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
}

async function expectNoTrace(email: string, name: string) {
  expect(await tablesHolding(email), `tables holding ${email}`).toEqual([]);
  expect(await tablesHolding(name), `tables holding ${name}`).toEqual([]);
  // The places an address lives apart from the user row, asked by name too.
  expect(await queryDatabase(`SELECT 1 FROM "AccountToken" WHERE lower(email) = lower($1)`, [email])).toEqual([]);
  expect(await queryDatabase(`SELECT 1 FROM "VerificationToken" WHERE identifier = lower($1)`, [email])).toEqual([]);
  expect(await queryDatabase(`SELECT 1 FROM "RateLimit" WHERE key LIKE '%:' || lower($1)`, [email])).toEqual([]);
}

test.describe("your data", () => {
  test("download everything as JSON and as a ZIP of the same JSON with readable Markdown", async ({ page }) => {
    const name = uniqueName();
    const { email } = await signUp(page, uniqueEmail("exporter"), name);
    await markTwoStepsDone(email);
    await page.reload();

    const json = await download(page, "Download as JSON");
    expect(json.name).toMatch(/^mend-export-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(json.bytes.toString("utf8"));
    expect(exported).toMatchObject({
      version: 1,
      profile: { displayName: name, email, emailVerifiedAt: null, role: "READER" },
      signInProviders: [],
      readingProgress: [
        {
          guide: GUIDE.slug,
          title: GUIDE.title,
          stepsDone: [
            { id: STEPS[0]!.id, number: 1, title: STEPS[0]!.title },
            { id: STEPS[1]!.id, number: 2, title: STEPS[1]!.title },
          ],
          furthestStep: { id: STEPS[2]!.id, number: 3, title: STEPS[2]!.title },
        },
      ],
      reflections: [],
      comments: { written: [], emailMeAboutReplies: false, peopleYouMuted: 0, reportsYouMade: 0 },
    });
    expect(json.bytes.toString("utf8")).not.toMatch(/argon2|passwordHash|sessionVersion|tokenHash/);

    const zip = await download(page, "Download as a ZIP");
    expect(zip.name).toMatch(/^mend-export-\d{4}-\d\d-\d\d\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files).sort()).toEqual(["README.md", "mend-export.json", "progress.md"]);
    const inZip = JSON.parse(strFromU8(files["mend-export.json"]!));
    expect({ ...inZip, exportedAt: undefined }).toEqual({ ...exported, exportedAt: undefined });
    const readme = strFromU8(files["README.md"]!);
    expect(readme).toMatch(/^# Your data from Mend\n\nMade on \d{4}-\d\d-\d\d at \d\d:\d\d UTC\./);
    expect(readme).toContain("`progress.md`");
    const progress = strFromU8(files["progress.md"]!);
    expect(progress).toContain(
      [
        `## ${GUIDE.title}`,
        "",
        "Steps done:",
        "",
        `- Step 1: ${STEPS[0]!.title}`,
        `- Step 2: ${STEPS[1]!.title}`,
        "",
        `Furthest step reached: Step 3, ${STEPS[2]!.title}.`,
      ].join("\n"),
    );

    const response = await page.request.get("/api/account/export?format=zip");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/zip");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="mend-export-[\d-]{10}\.zip"$/);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect((await page.request.get("/api/account/export?format=pdf")).status()).toBe(400);
  });

  test("another reader gets only their own data, and nobody signed out gets any", async ({
    page,
    browser,
    request,
  }) => {
    const mine = await signUp(page, uniqueEmail("mine"), uniqueName());
    await markTwoStepsDone(mine.email);

    const other = await browser.newContext();
    const theirPage = await other.newPage();
    const theirs = await signUp(theirPage, uniqueEmail("theirs"), uniqueName());
    const response = await theirPage.request.get("/api/account/export?format=json");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      profile: { email: theirs.email, displayName: theirs.name },
      readingProgress: [],
    });
    expect(text).not.toContain(mine.email);
    expect(text).not.toContain(mine.name);
    expect(text).not.toContain(GUIDE.slug);
    await other.close();

    for (const format of ["json", "zip"]) {
      const anonymous = await request.get(`/api/account/export?format=${format}`);
      expect(anonymous.status()).toBe(401);
      expect(anonymous.headers()["cache-control"]).toBe("no-store");
      expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    }
  });

  test("delete with the password: a wrong one deletes nothing; the right one leaves no trace and signs out everywhere", async ({
    page,
    browser,
    request,
  }) => {
    const name = uniqueName();
    const { email } = await signUp(page, uniqueEmail("leaver"), name);
    await markTwoStepsDone(email);
    const origin = new URL(page.url()).origin;
    // Leave traces of the address outside the user row: a failed sign-in counter and an unused sign-in link.
    const attempt = await request.post("/api/account/sign-in", {
      headers: { Accept: "application/json", Origin: origin },
      form: { email, password: "not the right password" },
    });
    expect(attempt.status()).toBe(401);
    await request.post("/api/account/email-link", {
      headers: { Accept: "application/json", Origin: origin },
      form: { email },
    });
    expect(await tablesHolding(email)).toEqual(["AccountToken", "RateLimit", "User", "VerificationToken"]);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email);
    await expect(otherPage.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    // An account with a password proves it is its owner with the password, not by mail.
    const byMail = await page.request.post("/api/account/delete-request", {
      headers: { Accept: "application/json", Origin: origin },
      form: {},
    });
    expect(byMail.status()).toBe(400);

    await page.reload();
    const section = page.getByRole("region", { name: "Delete your account" });
    await section.getByLabel("Your password").fill("not the right password");
    await section.getByRole("button", { name: "Delete my account" }).click();
    await expect(section.getByText("That password is not right.")).toBeVisible();
    await expect(section.getByLabel("Your password")).toBeFocused();
    expect(await queryDatabase(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toHaveLength(1);
    expect(
      await queryDatabase(`SELECT 1 FROM "GuideProgress" WHERE "userId" = $1`, [await userId(email)]),
    ).toHaveLength(1);

    const started = new Date();
    await section.getByLabel("Your password").fill(PASSWORD);
    await section.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/goodbye$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();

    const goodbye = await waitForMail(E2E_MAIL_DIR, { to: email, subject: /account is deleted/, after: started });
    expect(goodbye.text).toContain(`Hi ${name},`);
    expect(goodbye.text).toContain("everything else the account held are gone");

    await expectNoTrace(email, name);
    await expectSignedOut(page);
    // The other device's session is checked against the database on its next use, and ends.
    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await other.close();
  });

  test("an account without a password is deleted through a link sent by email, which works once", async ({ page }) => {
    const email = uniqueEmail("linkonly");
    const name = uniqueName();
    let started = new Date();
    await page.goto("/sign-in");
    const signInForm = page.getByRole("region", { name: "With a link by email" });
    await signInForm.getByLabel("Email").fill(email);
    await signInForm.getByRole("button", { name: "Email me a link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await page.goto(await mailLink(email, /sign-in link/i, "/api/auth/callback/nodemailer", started));
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    await page.getByRole("region", { name: "Display name" }).getByLabel("Display name").fill(name);
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("region", { name: "Display name" }).getByRole("status")).toHaveText(
      "Your display name is saved.",
    );
    await markTwoStepsDone(email);

    started = new Date();
    const section = page.getByRole("region", { name: "Delete your account" });
    await expect(section.getByLabel("Your password")).toHaveCount(0);
    await section.getByRole("button", { name: "Email me a link to delete my account" }).click();
    await expect(section.getByRole("status")).toContainText(`We sent a link to ${email}.`);
    // Asking is not deleting.
    expect(await queryDatabase(`SELECT 1 FROM "User" WHERE email = $1`, [email])).toHaveLength(1);

    const link = await mailLink(email, /Confirm deleting your Mend account/, "/delete-account", started);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
    await page.getByRole("main").getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/goodbye$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();
    await waitForMail(E2E_MAIL_DIR, { to: email, subject: /account is deleted/, after: started });

    await expectNoTrace(email, name);
    await expectSignedOut(page);

    await page.goto(link);
    await page.getByRole("main").getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
  });
});
