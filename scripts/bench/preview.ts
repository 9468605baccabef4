/**
 * Preview start-up in Chromium: from navigation start until the pane is interactive (its "Insert
 * template" button is in the page and enabled), on the production build of the preview page (the
 * real pane against the in-browser Excel stand-in), served locally. A MutationObserver installed
 * before any script runs stamps the moment, so no polling interval is added to the figure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { median } from "./timing";

export const CHROMIUM = process.env.PLAN_TRACKER_CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type PreviewResult =
  { ok: true; runs: number[]; medianMs: number; domContentLoadedMs: number } | { ok: false; skipped: string };

/** Runs in the page before its scripts: records performance.now() when the pane's main button is usable. */
export const STAMP_READY = `(() => {
  const isReady = () => [...document.querySelectorAll("button")].some(
    (b) => /Insert template|插入模板/.test(b.textContent || "") && !b.disabled && b.getAttribute("aria-disabled") !== "true");
  const check = () => {
    if (window.__paneReady === undefined && isReady()) window.__paneReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

export async function benchPreview(projectDir: string, runs = 5): Promise<PreviewResult> {
  const buildModule = path.join(projectDir, "dev/preview/build.mjs");
  const serverModule = path.join(projectDir, "dev/preview/server.mjs");
  if (!fs.existsSync(buildModule) || !fs.existsSync(serverModule))
    return { ok: false, skipped: "no preview in dev/preview (build.mjs/server.mjs) when this ran" };
  if (!fs.existsSync(CHROMIUM)) return { ok: false, skipped: `Chromium not found at ${CHROMIUM}` };

  const { buildPreview } = (await import(buildModule)) as {
    buildPreview(o: { mode: string; outDir: string }): Promise<{ outDir: string }>;
  };
  const { startPreviewServer } = (await import(serverModule)) as {
    startPreviewServer(o: { dir: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
  };
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-bench-preview-"));
  let server: { url: string; close(): Promise<void> } | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    await buildPreview({ mode: "production", outDir });
    server = await startPreviewServer({ dir: outDir, port: 0 });
    const times: number[] = [];
    const dcl: number[] = [];
    // One discarded run first: Chromium's own first-start costs (profile, font cache) are not the pane's.
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(STAMP_READY);
        await page.goto(`${server.url}?lang=en-US`);
        await page.waitForFunction(
          () => (window as unknown as { __paneReady?: number }).__paneReady !== undefined,
          null,
          {
            timeout: 60_000,
          },
        );
        const ready = await page.evaluate(() => (window as unknown as { __paneReady: number }).__paneReady);
        const domContentLoaded = await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
          return nav ? nav.domContentLoadedEventEnd : Number.NaN;
        });
        if (i > 0) {
          times.push(ready);
          dcl.push(domContentLoaded);
        }
      } finally {
        await context.close();
      }
    }
    return { ok: true, runs: times, medianMs: median(times), domContentLoadedMs: median(dcl) };
  } finally {
    await browser.close();
    await server?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
