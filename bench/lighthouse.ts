// Lighthouse on a page: its default mobile configuration (a mid-range phone, simulated
// throttling), in headless Chromium that never reaches past this machine.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const METRICS = {
  fcpMs: "first-contentful-paint",
  lcpMs: "largest-contentful-paint",
  tbtMs: "total-blocking-time",
  cls: "cumulative-layout-shift",
  speedIndexMs: "speed-index",
} as const;

export interface LighthouseResult {
  url: string;
  lighthouseVersion: string;
  formFactor: string;
  throttlingMethod: string;
  /** 0–100 per category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: Record<keyof typeof METRICS, number>;
  /**
   * Audits that did not pass (score under 0.9): weight > 0 counts towards the category's
   * score; weight 0 is Lighthouse's advice (opportunities, diagnostics).
   */
  failing: { category: string; id: string; title: string; score: number; weight: number; detail?: string }[];
  /** What the browser logged as errors while loading the page. */
  consoleErrors: string[];
  /** Runs Lighthouse itself gave up on before this one. */
  retried: string[];
}

// Nothing in the browser may wait on the internet: there is none here, and the figures must not depend on it.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-default-apps",
  "--disable-domain-reliability",
  "--disable-sync",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--metrics-recording-only",
  "--no-pings",
  "--safebrowsing-disable-auto-update",
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

class LighthouseRunError extends Error {}

/**
 * Lighthouse asks to be run again when its trace of the load went wrong (NO_NAVSTART,
 * NO_FCP…), which happens on a busy machine: up to `attempts` times, each in a fresh browser.
 */
export async function runLighthouse(url: string, attempts = 3): Promise<LighthouseResult> {
  const retried: string[] = [];
  for (;;) {
    try {
      return { ...(await runOnce(url)), retried };
    } catch (error) {
      if (!(error instanceof LighthouseRunError) || retried.length + 1 >= attempts) throw error;
      retried.push(error.message);
      console.log(`${error.message}: running it again`);
    }
  }
}

async function runOnce(url: string): Promise<Omit<LighthouseResult, "retried">> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROME_FLAGS,
    logLevel: "error",
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      disableFullPageScreenshot: true,
      maxWaitForLoad: 60_000,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new LighthouseRunError(`Lighthouse on ${url}: ${lhr.runtimeError.code}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
    ) as LighthouseResult["scores"];
    const metrics = Object.fromEntries(
      Object.entries(METRICS).map(([key, id]) => {
        const value = lhr.audits[id]?.numericValue ?? NaN;
        return [key, id === "cumulative-layout-shift" ? Math.round(value * 1000) / 1000 : Math.round(value)];
      }),
    ) as LighthouseResult["metrics"];
    const failing: LighthouseResult["failing"] = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 0.9) continue;
        if (!["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode)) continue;
        failing.push({
          category,
          id: ref.id,
          title: audit.title,
          score: Math.round(audit.score * 100) / 100,
          weight: ref.weight,
          ...(audit.displayValue ? { detail: audit.displayValue } : {}),
        });
      }
    }
    const consoleItems = (
      lhr.audits["errors-in-console"]?.details as { items?: { description?: string }[] } | undefined
    )?.items;
    return {
      url,
      lighthouseVersion: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      throttlingMethod: lhr.configSettings.throttlingMethod,
      scores,
      metrics,
      failing,
      consoleErrors: (consoleItems ?? []).map((i) => String(i.description ?? "")),
    };
  } finally {
    chrome.kill();
  }
}
