// axe on the moderation pages, with something on them, in both themes.
import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { test } from "./support/accounts";
import {
  apiPost,
  expectNoViolations,
  makeTrusted,
  newPerson,
  postComment,
  queueItem,
  uniqueName,
} from "./support/moderation";

const GUIDE = "owning-what-went-wrong";

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test("the queue, the log, guide settings and word lists have no axe violations", async ({ browser }) => {
      test.setTimeout(120_000);
      const [author, reporter, admin] = await Promise.all([
        newPerson(browser, { name: uniqueName("Axe") }),
        newPerson(browser),
        newPerson(browser, { role: "ADMIN" }),
      ]);
      const page = await admin.context.newPage();
      await page.emulateMedia({ colorScheme: theme });
      const darkClass = theme === "dark" ? /dark/ : /^(?!.*dark)/;

      // A held reply (with its parent for context), and a reported comment.
      const top = await postComment(admin, GUIDE, `Something to answer, ${randomBytes(3).toString("hex")}.`);
      const held = await postComment(
        author,
        GUIDE,
        `A *held* reply with a link: https://example.org/${randomBytes(3).toString("hex")}`,
        top.body.comment.id,
      );
      expect(held.body.comment.state).toBe("pending");
      const other = await newPerson(browser, { name: uniqueName("Reported") });
      await makeTrusted(other, GUIDE);
      const reported = await postComment(other, GUIDE, `Reported words, ${randomBytes(3).toString("hex")}.`);
      await apiPost(reporter.page, "/api/comments/report", {
        id: reported.body.comment.id,
        reason: "OTHER",
        details: "It felt unkind.",
      });
      // Something in the log with a comment's words.
      await apiPost(admin.page, "/api/moderation/comment", { id: reported.body.comment.id, action: "feature" });
      await apiPost(admin.page, "/api/admin/words", {
        action: "add",
        word: `axeword${randomBytes(2).toString("hex")}`,
        list: "SUSPECT",
      });

      const pending = await queueItem(page, "pending", new RegExp(`^Reply by ${author.name} on`));
      await expect(page.locator("html")).toHaveClass(darkClass);
      await pending.getByText(`Act on ${author.name}’s account`).click();
      await expect(pending.getByLabel("Suspend until")).toBeVisible();
      // A form error showing, too.
      await pending.getByRole("button", { name: "Reject", exact: true }).click();
      await expect(pending.getByRole("alert")).toBeVisible();
      await expectNoViolations(page);

      await queueItem(page, "reported", new RegExp(`^Comment by ${other.name} on`));
      await expectNoViolations(page);

      await page.goto("/moderation/log");
      await expect(page.getByRole("heading", { level: 1, name: "Moderation log" })).toBeVisible();
      await page.getByText("The comment as it was then").first().click();
      await expectNoViolations(page);

      await page.goto("/moderation/guides");
      await expect(page.getByRole("heading", { level: 1, name: "Comments on the guides" })).toBeVisible();
      await expectNoViolations(page);

      await page.goto("/admin/words");
      await expect(page.getByRole("heading", { level: 1, name: "Word lists" })).toBeVisible();
      await expectNoViolations(page);

      await Promise.all([author, reporter, admin, other].map((p) => p.context.close()));
    });
  });
}
