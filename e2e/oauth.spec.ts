import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { queryDatabase, signUp, test, uniqueEmail } from "./support/accounts";
import { mailLink } from "./support/accounts";
import { setNextIdentity, type Identity } from "./support/oauth-provider";
import { E2E_OAUTH_CONTROL_FILE } from "./support/paths";

async function continueWithGoogle(page: Page, identity: Identity) {
  await setNextIdentity(readFileSync(E2E_OAUTH_CONTROL_FILE, "utf8"), identity);
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Google" }).click();
}

const linkedProviders = (email: string) =>
  queryDatabase<{ provider: string }>(
    `SELECT a.provider FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`,
    [email],
  );

test.describe.configure({ mode: "serial" }); // one provider, one next identity at a time

test("a new reader can sign in with Google", async ({ page }) => {
  const email = uniqueEmail("google");
  await continueWithGoogle(page, { sub: `g-${email}`, email, email_verified: true, name: "From Google" });
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  expect(await linkedProviders(email)).toEqual([{ provider: "google" }]);
});

test("Google joins an existing account when both sides verified the address", async ({ page }) => {
  const started = new Date();
  const { email } = await signUp(page, undefined, "Kind Ember 63");
  await page.goto(await mailLink(email, /Confirm your email/, "/verify-email", started));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText("(confirmed)")).toBeVisible();

  await continueWithGoogle(page, { sub: `g-${email}`, email, email_verified: true });
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Display name" }).getByLabel("Display name")).toHaveValue(
    "Kind Ember 63",
  );
  expect(await linkedProviders(email)).toEqual([{ provider: "google" }]);
});

test("Google does not join an account whose address is not verified here", async ({ page }) => {
  const { email } = await signUp(page);
  await continueWithGoogle(page, { sub: `g-${email}`, email, email_verified: true });
  await expect(page).toHaveURL(/\/sign-in\?error=OAuthAccountNotLinked/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("An account already uses that email address");
  expect(await linkedProviders(email)).toEqual([]);
});

test("Google does not join an account when Google has not verified the address", async ({ page }) => {
  const started = new Date();
  const { email } = await signUp(page);
  await page.goto(await mailLink(email, /Confirm your email/, "/verify-email", started));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText("(confirmed)")).toBeVisible();

  await continueWithGoogle(page, { sub: `g-${email}`, email, email_verified: false });
  await expect(page).toHaveURL(/\/sign-in\?error=OAuthAccountNotLinked/);
  expect(await linkedProviders(email)).toEqual([]);
});
