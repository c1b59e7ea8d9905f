// Helpers for specs that need accounts: unique readers, their mail, signing up.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { expect, type Page, test as base } from "@playwright/test";
import { linkIn, waitForMail } from "./mail-catcher";
import { E2E_DATABASE_URL_FILE, E2E_MAIL_DIR } from "./paths";

export const PASSWORD = "a quiet harbour at dawn";

export function uniqueEmail(label = "reader"): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.com`;
}

/** Each test is its own client behind the proxy, so per-IP limits count it alone. */
export const test = base.extend({
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": `203.0.113.${1 + Math.floor(Math.random() * 250)}, 10.0.0.1` });
  },
});

export async function mailLink(to: string, subject: RegExp, pathPrefix: string, after?: Date): Promise<string> {
  const message = await waitForMail(E2E_MAIL_DIR, { to, subject, after });
  return linkIn(message, pathPrefix);
}

export async function signUp(page: Page, email = uniqueEmail(), name = "Steady Cedar 31") {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  return { email, name };
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  const form = page.getByRole("region", { name: "With your password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** Runs a query on the database behind the e2e server. */
export async function queryDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, "utf8") });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
