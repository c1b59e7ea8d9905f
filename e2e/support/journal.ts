// Writing entries straight through the save API, for specs about what is shown of them.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

type Target = { guide: string; step: string } | { id: string };

/** Saves one version of an entry as the signed-in reader of `page`; returns the entry's id. */
export async function saveEntry(page: Page, target: Target, text: string, baseVersion = 0): Promise<string> {
  const response = await page.request.post("/api/reflections/save", {
    headers: { Accept: "application/json", "Content-Type": "application/json", Origin: new URL(page.url()).origin },
    data: { target, text, baseVersion, saveId: randomUUID() },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

/** A day as the journey pages write it. */
export const longDate = (date = new Date()) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(date);
