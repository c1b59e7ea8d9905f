import { expect } from "@playwright/test";
import { mailLink, PASSWORD, queryDatabase, signIn, signUp, test, uniqueEmail } from "./support/accounts";

test.describe("accounts", () => {
  test("sign up, confirm the address through the mail, sign out and in again", async ({ page }) => {
    const started = new Date();
    const { email } = await signUp(page);
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("Your account is ready");
    await expect(page.getByText("(not confirmed yet)")).toBeVisible();

    const link = await mailLink(email, /Confirm your email/, "/verify-email", started);
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("your email is confirmed");
    await expect(page.getByText("(confirmed)")).toBeVisible();

    // The link works once.
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");

    await page.goto("/sign-out");
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);

    await signIn(page, email);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Account" })).toBeVisible();
  });

  test("a wrong password is refused with the same words as an unknown email, and the email stays typed", async ({
    page,
  }) => {
    const { email } = await signUp(page);
    await page.context().clearCookies();
    await signIn(page, email, "not the right password");
    const form = page.getByRole("region", { name: "With your password" });
    await expect(form.getByRole("alert")).toHaveText("That email and password don’t match an account.");
    await expect(form.getByLabel("Email")).toHaveValue(email);

    await signIn(page, uniqueEmail("nobody"), "not the right password");
    await expect(form.getByRole("alert")).toHaveText("That email and password don’t match an account.");
  });

  test("sign-up explains each problem beside its field and keeps what was typed", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Display name").fill("Hopeful Heron 12");
    await page.getByLabel("Email").fill("not-an-address");
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please check the fields marked above.");
    await expect(page.getByLabel("Display name")).toHaveValue("Hopeful Heron 12");
    await expect(page.getByLabel("Email")).toHaveValue("not-an-address");

    await page.getByLabel("Email").fill(uniqueEmail());
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("That password is on a list of commonly used passwords")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeFocused();
  });

  test("too many sign-in attempts answer 429 with a clear message", async ({ page, request }) => {
    const { email } = await signUp(page);
    const attempt = () =>
      request.post("/api/account/sign-in", {
        headers: { Accept: "application/json", Origin: new URL(page.url()).origin },
        form: { email, password: "wrong wrong wrong" },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBe(401);
    const limited = await attempt();
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(
      /Too many sign-in attempts for this account\. Please wait \d+ minutes? and try again\./,
    );

    // The right password is refused too while the limit holds, and the form says why.
    await page.context().clearCookies();
    await signIn(page, email);
    await expect(page.getByRole("region", { name: "With your password" }).getByRole("alert")).toContainText(
      "Too many sign-in attempts",
    );
  });

  test("reset a forgotten password by email; the old password and other sessions stop working", async ({
    page,
    browser,
  }) => {
    const { email } = await signUp(page);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email);
    await expect(otherPage.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    await page.context().clearCookies();
    const started = new Date();
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText(`If an account uses ${email}`);

    const link = await mailLink(email, /Reset your password/, "/reset-password", started);
    await page.goto(link);
    await page.getByLabel("New password").fill("a brand new evening walk");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("every other device is signed out");

    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await signIn(otherPage, email, PASSWORD);
    await expect(otherPage.getByRole("main").getByRole("alert")).toContainText("don’t match");
    await other.close();
  });

  test("sign in with a link by email, which works once", async ({ page, browser }) => {
    const email = uniqueEmail("linker");
    const started = new Date();
    await page.goto("/sign-in");
    const form = page.getByRole("region", { name: "With a link by email" });
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button", { name: "Email me a link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    const link = await mailLink(email, /sign-in link|Sign in/i, "/api/auth/callback/nodemailer", started);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();

    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(link);
    await expect(second.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
    await other.close();
  });

  test("change the display name, and sign out of every device", async ({ page, browser }) => {
    const { email } = await signUp(page);
    await page.getByRole("region", { name: "Display name" }).getByLabel("Display name").fill("Brave Lantern 77");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("region", { name: "Display name" }).getByRole("status")).toHaveText(
      "Your display name is saved.",
    );
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session.user.name).toBe("Brave Lantern 77");

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email);
    await expect(otherPage.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out of all devices" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("signed out on every device");
    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await other.close();
  });

  test("change the email address: the new one is confirmed first, then used to sign in", async ({ page }) => {
    const { email } = await signUp(page);
    const next = uniqueEmail("moved");
    const started = new Date();
    const section = page.getByRole("region", { name: "Your email" });
    await section.getByLabel("New email").fill(next);
    await section.getByLabel("Your password").fill(PASSWORD);
    await section.getByRole("button", { name: "Send a confirmation link" }).click();
    await expect(section.getByRole("status")).toContainText(`We sent a link to ${next}`);
    await page.reload();
    await expect(page.getByText(email, { exact: true })).toBeVisible();

    const link = await mailLink(next, /Confirm your new email/, "/confirm-email", started);
    await page.goto(link);
    await page.getByRole("button", { name: "Use this address" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("new email address is confirmed");
    await expect(page.getByText(next, { exact: true })).toBeVisible();

    await page.context().clearCookies();
    await signIn(page, email);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("don’t match");
    await signIn(page, next);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  });

  test("every form route refuses a request sent from another site", async ({ page }) => {
    await signUp(page);
    const routes = [
      "sign-up",
      "sign-in",
      "email-link",
      "forgot-password",
      "reset-password",
      "verify-email",
      "resend-verification",
      "name",
      "email",
      "confirm-email",
      "password",
      "sign-out-everywhere",
      "sign-out",
    ];
    for (const route of routes) {
      const response = await page.request.post(`/api/account/${route}`, {
        headers: { Accept: "application/json", Origin: "https://evil.example" },
        form: { name: "Mallory", email: "mallory@example.com", password: "whatever it is here" },
      });
      expect(response.status(), route).toBe(403);
    }
    // Still signed in with the same name: nothing was changed.
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session.user.name).toBe("Steady Cedar 31");
  });

  test("neither the session nor any page carries a password hash, a token, or another reader's email", async ({
    page,
    browser,
  }) => {
    const { email: mine } = await signUp(page);
    const other = await browser.newContext();
    const { email: theirs } = await signUp(await other.newPage());
    await other.close();

    const [user] = await queryDatabase<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [
      mine,
    ]);
    const tokens = await queryDatabase<{ tokenHash: string }>(`SELECT "tokenHash" FROM "AccountToken"`);
    const secrets = [user!.passwordHash, ...tokens.map((t) => t.tokenHash)];

    const session = await (await page.request.get("/api/auth/session")).text();
    expect(session).not.toContain(mine);
    expect(session).not.toMatch(/argon2|passwordHash|token/i);

    for (const path of ["/", "/account", "/guides/should-you-try-again", "/sign-in", "/help", "/search?q=trust"]) {
      const html = await (await page.request.get(path)).text();
      expect(html, path).not.toContain(theirs);
      expect(html, path).not.toMatch(/\$argon2id\$/);
      for (const secret of secrets) expect(html, path).not.toContain(secret);
    }
    expect(secrets.length).toBeGreaterThan(1);
  });
});
