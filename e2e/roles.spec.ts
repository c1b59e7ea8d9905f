import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { expect } from "@playwright/test";
import { signUp, test } from "./support/accounts";
import { E2E_DATABASE_URL_FILE } from "./support/paths";

const exec = promisify(execFile);

/** The real command an operator runs to make the first admin. */
async function userRole(email: string, role: string) {
  return exec("npx", ["tsx", "scripts/user-role.ts", email, role], {
    env: { ...process.env, DATABASE_URL: readFileSync(E2E_DATABASE_URL_FILE, "utf8") },
  });
}

test("npm run user:role makes an admin, who grants and revokes the moderator role by email", async ({
  page,
  browser,
}) => {
  const admin = await signUp(page, undefined, "Patient Willow 20");
  const readerContext = await browser.newContext();
  const readerPage = await readerContext.newPage();
  const reader = await signUp(readerPage, undefined, "Open Meadow 55");

  // Before: the page is not there for a reader.
  const before = await page.goto("/admin/moderators");
  expect(before?.status()).toBe(404);

  const { stdout } = await userRole(admin.email, "admin");
  expect(stdout).toContain("Patient Willow 20 is now admin.");

  await page.goto("/admin/moderators");
  await expect(page.getByRole("heading", { level: 1, name: "Moderators" })).toBeVisible();
  await page.getByLabel("Email of the new moderator").fill(reader.email);
  await page.getByRole("button", { name: "Make moderator" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Open Meadow 55 is now a moderator.");
  await page.reload();
  const row = page.getByRole("row", { name: /Open Meadow 55/ });
  await expect(row).toContainText("Moderator");
  // The team list names people; it never shows their addresses.
  await expect(page.getByRole("main")).not.toContainText(reader.email);

  const session = await (await readerPage.request.get("/api/auth/session")).json();
  expect(session.user.role).toBe("MODERATOR");

  await page.getByLabel("Email of the moderator to remove").fill(reader.email);
  await page.getByRole("button", { name: "Remove moderator role" }).click();
  await expect(page.getByRole("main").getByRole("status").last()).toHaveText(
    "Open Meadow 55 is no longer a moderator.",
  );
  expect((await (await readerPage.request.get("/api/auth/session")).json()).user.role).toBe("READER");

  // A reader cannot use the admin route, whatever they send.
  const forbidden = await readerPage.request.post("/api/admin/roles", {
    headers: { Accept: "application/json", Origin: new URL(page.url()).origin },
    form: { email: reader.email, action: "grant" },
  });
  expect(forbidden.status()).toBe(403);
  await readerContext.close();
});

test("the admin page sends anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/admin/moderators");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fmoderators/);
});

test("user:role explains its usage and an unknown address", async () => {
  await expect(userRole("someone@example.com", "king")).rejects.toMatchObject({ code: 2 });
  await expect(userRole("nobody-here@example.com", "moderator")).rejects.toMatchObject({
    stderr: expect.stringContaining("No account uses that email address."),
  });
});
