import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { signUp, test } from "./support/accounts";
import { saveEntry } from "./support/journal";

const pages = {
  home: "/",
  guide: "/guides/should-you-try-again",
  "tag index": "/tags",
  tag: "/tags/apology",
  search: "/search?q=apology",
  help: "/help",
  "not found": "/no-such-page",
  "sign in": "/sign-in",
  "sign up": "/sign-up",
  "forgot password": "/forgot-password",
  "delete account": "/delete-account?token=not-a-real-token",
  goodbye: "/goodbye",
};

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const [name, path] of Object.entries(pages)) {
      test(`${name} page has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
        await expectNoViolations(page);
      });
    }

    test("account page, with a form error showing, has no axe violations", async ({ page }) => {
      await signUp(page);
      await page.getByRole("region", { name: "Display name" }).getByLabel("Display name").fill("x");
      await page.getByRole("button", { name: "Save name" }).click();
      await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
      await expectNoViolations(page);
    });

    test("journey page and an entry page, with entries written, have no axe violations", async ({ page }) => {
      await signUp(page);
      await saveEntry(page, { guide: "should-you-try-again", step: "lonely-or-compatible" }, "The routine, mostly.");
      const id = await saveEntry(page, { id: randomUUID() }, "A first line.\nA second line.");
      await saveEntry(page, { id }, "A first line, changed.", 1);
      await page.goto("/journey");
      await expect(page.getByRole("heading", { level: 1, name: "Your journey" })).toBeVisible();
      await expectNoViolations(page);
      await page.goto(`/journey/entries/${id}`);
      await expect(page.getByLabel("Your entry")).toHaveValue("A first line, changed.");
      await page.getByText("Version 1", { exact: true }).click();
      await expect(page.getByRole("button", { name: "Restore this version" })).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

test("a guide page reads well with reduced motion and keyboard only", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/guides/should-you-try-again");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("banner").getByRole("link", { name: "Mend" })).toBeFocused();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
});
