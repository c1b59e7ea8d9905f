// Security headers and cookie flags exactly as the production build serves them, and pages that run
// under their strict Content-Security-Policy without one violation in a real browser.
import { expect, type Page } from "@playwright/test";
import { inlineScripts, scriptHash } from "../lib/security/script-hashes";
import { signUp, test } from "./support/accounts";
import { expectPolicy, expectSessionCookie, expectSiteHeaders } from "./support/security-headers";

const GUIDE = "/guides/the-apology-that-lands";

/** Every inline script the HTML would run is allowed by the policy, by its nonce or by its hash. */
function expectEveryInlineScriptAllowed(html: string, policy: { nonce?: string; hashes: string[] }) {
  const scripts = inlineScripts(html);
  expect(scripts.length).toBeGreaterThan(0);
  for (const { attributes, text } of scripts) {
    const carriesNonce = !!policy.nonce && attributes.includes(`nonce="${policy.nonce}"`);
    if (!carriesNonce)
      expect(policy.hashes, `allowed: <script${attributes}>${text.slice(0, 80)}…`).toContain(scriptHash(text));
  }
}

/** Fails the test on any CSP violation or console error in the page, across navigations. */
async function watchForProblems(page: Page) {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (line: string) => problems.push(`CSP violation: ${line}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}: ${event.sample}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error")
      problems.push(`console error on ${new URL(page.url()).pathname}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught on ${new URL(page.url()).pathname}: ${error.message}`));
  return problems;
}

test.describe("security headers", () => {
  test("prerendered pages allow exactly their inline scripts by hash, and stay static", async ({ request }) => {
    for (const path of [GUIDE, "/", "/tags"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      expectSiteHeaders(response);
      const policy = expectPolicy(response, "hashes");
      expectEveryInlineScriptAllowed(await response.text(), policy);
      // Served from the build, as before: the policy did not make the page render per request.
      expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
      expect(response.headers()["cache-control"]).toContain("s-maxage=");
    }
  });

  test("pages rendered per request get a fresh nonce, which Next puts on its scripts", async ({ request }) => {
    for (const path of ["/search?q=trust", "/sign-in"]) {
      const first = await request.get(path);
      expect(first.status()).toBe(200);
      expectSiteHeaders(first);
      const policy = expectPolicy(first, "nonce");
      const html = await first.text();
      expect(html).toContain(`nonce="${policy.nonce}"`);
      expectEveryInlineScriptAllowed(html, policy);

      const second = expectPolicy(await request.get(path), "nonce");
      expect(second.nonce).not.toBe(policy.nonce);
    }
  });

  test("a missing page, answered with the built 404 page, runs under the per-request policy", async ({ request }) => {
    const response = await request.get("/no-such-page");
    expect(response.status()).toBe(404);
    expectSiteHeaders(response);
    expectEveryInlineScriptAllowed(await response.text(), expectPolicy(response, "nonce"));
  });

  test("API responses and built assets carry the site's headers", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expectSiteHeaders(health);
    expectPolicy(health, "nonce");

    const home = await (await request.get("/")).text();
    const chunk = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(home)?.[1];
    expect(chunk, "the home page loads a built chunk").toBeTruthy();
    const asset = await request.get(chunk!);
    expect(asset.status()).toBe(200);
    expectSiteHeaders(asset);
    expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    // The proxy does not run for built assets: a script needs no policy of its own.
    expect(asset.headers()["content-security-policy"]).toBeUndefined();
  });

  test("the account page, signed in, gets a nonce; the session cookie is httpOnly and SameSite=Lax", async ({
    page,
  }) => {
    await signUp(page);
    const response = await page.request.get("/account", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expectSiteHeaders(response);
    expectEveryInlineScriptAllowed(await response.text(), expectPolicy(response, "nonce"));

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
    expectSessionCookie(session);
  });
});

test.describe("in the browser, under the policy", () => {
  test("no page reports a CSP violation or console error; theme and client navigation work", async ({ page }) => {
    const problems = await watchForProblems(page);
    for (const path of ["/", GUIDE, "/search?q=trust", "/sign-in"]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await page.waitForLoadState("networkidle");
    }

    // Hydrated (the toggle only reports its state once React runs) and the choice applies.
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(GUIDE);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    // The theme script, allowed by its hash, applies the remembered theme before the page paints.
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);

    // From a prerendered page to one rendered per request, without reloading the document.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search$/);
    await expect(page.getByRole("heading", { level: 1, name: "Search the guides" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Topics" }).click();
    await expect(page).toHaveURL(/\/tags$/);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    await signUp(page);
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await page.waitForLoadState("networkidle");

    expect(problems).toEqual([]);
  });
});
