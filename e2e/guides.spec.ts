import { expect, test } from "@playwright/test";

const GUIDE = "/guides/the-apology-that-lands";

test.describe("reading a guide", () => {
  test("shows the title, meta, numbered steps and each step's reflection prompt", async ({ page }) => {
    await page.goto(GUIDE);
    await expect(page.getByRole("heading", { level: 1, name: "The apology that lands" })).toBeVisible();
    await expect(page.getByText(/By Mara Ellis · October 12, 2026 · \d+ min read/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Tags" }).getByRole("link", { name: "apology" })).toBeVisible();

    const steps = page.locator("section[data-step]");
    expect(await steps.count()).toBeGreaterThanOrEqual(5);
    await expect(
      page.getByRole("heading", { level: 2, name: /Step 1\s*Name the specific thing you did/ }),
    ).toBeVisible();
    const reflection = page.getByRole("complementary", { name: "Reflection for step 1" });
    await expect(reflection).toContainText("What did you do that you would apologize for");
    // Quotes in the text are typographic.
    await expect(page.getByText("I’m sorry for everything that happened between us.").first()).toBeVisible();
  });

  test("marked steps and the furthest step reached are kept across a reload", async ({ page }) => {
    await page.goto(GUIDE);
    await page.getByRole("checkbox", { name: "Mark step 1 done" }).check();
    await page.getByRole("checkbox", { name: "Mark step 2 done" }).check();
    await expect(page.getByRole("checkbox", { name: "Step 1 done" })).toBeChecked();

    await page.locator("#answer-their-questions").evaluate((el) => el.scrollIntoView());
    await page.waitForFunction(() => localStorage.getItem("mend:progress:v1")?.includes("answer-their-questions"));

    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Step 1 done" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Step 2 done" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Mark step 3 done" })).not.toBeChecked();
    await expect(page.getByText("Last time you reached step 4 and marked 2 of 7 steps done.")).toBeVisible();

    await page.getByRole("checkbox", { name: "Step 2 done" }).uncheck();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Mark step 2 done" })).not.toBeChecked();

    await page.goto("/");
    const resume = page.getByRole("region", { name: "Continue where you left off" });
    await expect(resume.getByRole("link")).toHaveText(/The apology that lands: step 4, Answer their questions/);
    await expect(resume).toContainText("1 of 7 steps done");
  });

  test("the table of contents jumps to a step", async ({ page }) => {
    await page.goto(GUIDE);
    const contents = page.getByRole("navigation", { name: "Steps in this guide" }).filter({ visible: true });
    await contents.getByRole("link", { name: /Set down your defense/ }).click();
    await expect(page).toHaveURL(/#drop-the-defense$/);
    await expect(page.getByRole("heading", { name: /Set down your defense/ })).toBeInViewport();
  });

  test("on a phone the table of contents is collapsed until opened", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(GUIDE);
    const contents = page.getByRole("navigation", { name: "Steps in this guide" }).filter({ visible: true });
    await expect(contents).toHaveCount(0);
    await page.getByText("Steps in this guide (7)").click();
    await expect(contents.getByRole("link", { name: /Say it well once/ })).toBeVisible();
  });

  test("previous and next follow the path", async ({ page }) => {
    await page.goto(GUIDE);
    const pager = page.getByRole("navigation", { name: "Previous and next guides" });
    await pager.getByRole("link", { name: /Next guide/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Space, self-care and self-respect" })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Previous and next guides" })
      .getByRole("link", { name: /Previous guide/ })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "The apology that lands" })).toBeVisible();
  });

  test("related guides and tag pages link guides that share a topic", async ({ page }) => {
    await page.goto(GUIDE);
    const related = page.getByRole("region", { name: "Related guides" });
    expect(await related.getByRole("listitem").count()).toBeGreaterThan(0);
    await page.getByRole("list", { name: "Tags" }).getByRole("link", { name: "apology" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "apology" })).toBeVisible();
    await expect(page.getByRole("link", { name: "The apology that lands" })).toBeVisible();
  });

  test("carries canonical, Open Graph, Twitter and Article metadata", async ({ page, request }) => {
    await page.goto(GUIDE);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/guides\/the-apology-that-lands$/);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    const png = await request.get(new URL(image!).pathname);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");

    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toMatchObject({
      "@type": "Article",
      headline: "The apology that lands",
      author: { name: "Mara Ellis" },
    });
  });
});

test.describe("finding guides", () => {
  test("search finds a guide by a word only in its body, as you type", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("searchbox", { name: "Search the guides" }).fill("betting");
    const results = page.getByRole("list", { name: "Results" });
    await expect(results.getByRole("link")).toHaveText(["Owning what went wrong"]);
    await expect(page.getByRole("status")).toHaveText("1 guide found");
    await expect(page).toHaveURL(/\/search\?q=betting$/);
  });

  test("search works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/search");
    await page.getByRole("searchbox", { name: "Search the guides" }).fill("betting");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=betting$/);
    await expect(page.getByRole("list", { name: "Results" }).getByRole("link")).toHaveText(["Owning what went wrong"]);
    await page.goto("/search?q=zzqxjv");
    await expect(page.getByText("No guide matches “zzqxjv”")).toBeVisible();
    await context.close();
  });

  for (const [path, itemSelector] of [
    ["/feed.xml", "entry > link"],
    ["/sitemap.xml", "url > loc"],
  ] as const) {
    test(`${path} is valid XML that lists every guide`, async ({ page, request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const xml = await response.text();
      await page.goto("/");
      const found = await page.evaluate(
        ({ text, selector }) => {
          const doc = new DOMParser().parseFromString(text, "application/xml");
          if (doc.querySelector("parsererror")) return null;
          return [...doc.querySelectorAll(selector)].map((el) => el.getAttribute("href") ?? el.textContent ?? "");
        },
        { text: xml, selector: itemSelector },
      );
      expect(found, "the XML parses").not.toBeNull();
      const guides = await page.getByRole("region", { name: "The path, in order" }).getByRole("link").all();
      for (const link of guides) {
        const href = await link.getAttribute("href");
        expect(found!.some((url) => url.endsWith(href!))).toBe(true);
      }
    });
  }

  test("robots.txt allows guides and points at the sitemap", async ({ request }) => {
    const text = await (await request.get("/robots.txt")).text();
    expect(text).toContain("Allow: /");
    expect(text).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
  });
});

test.describe("safety", () => {
  test.beforeEach(async ({ page }) => {
    // The neutral site lies outside this machine: answer for it.
    await page.route("https://www.bbc.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }),
    );
  });

  test("every page links to help, and quick exit leaves without a way back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Not safe at home?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Not safe at home?" })).toBeVisible();
    await expect(page.getByText("1-800-799-7233")).toBeVisible();

    await page.getByRole("button", { name: "Quick exit" }).click();
    await expect(page).toHaveURL("https://www.bbc.com/weather");
    await page.goBack();
    await expect(page).not.toHaveURL(/\/help$/);
  });

  test("pressing Escape twice exits too", async ({ page }) => {
    await page.goto(GUIDE);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL("https://www.bbc.com/weather");
  });

  test("discreet mode gives the tab a neutral title and icon, across pages and visits", async ({ page }) => {
    await page.goto(GUIDE);
    await expect(page).toHaveTitle(/The apology that lands/);
    await page
      .getByRole("contentinfo")
      .getByRole("button", { name: /Discreet tab/ })
      .click();
    await expect(page).toHaveTitle("Notes");
    await expect(page.locator('link[rel~="icon"]').first()).toHaveAttribute("href", /neutral-icon\.svg$/);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Topics" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
    await expect(page).toHaveTitle("Notes");
    await page.reload();
    await expect(page).toHaveTitle("Notes");

    await page
      .getByRole("contentinfo")
      .getByRole("button", { name: /Discreet tab/ })
      .click();
    await expect(page).toHaveTitle(/Topics/);
  });
});
