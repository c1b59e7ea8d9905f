import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { signUp, test } from "./support/accounts";

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
