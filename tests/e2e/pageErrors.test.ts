// End-to-end: the preview page loads without any uncaught page error (issue #13 item 8). It used to raise
// "Cannot redefine property: context" on every load: office.js and custom-functions-runtime.js each booted
// Office's loader, and the second run of o15apptofilemappingtable.js redefined the non-configurable
// Office.context. The harness used to filter that error out; this test listens to the page itself.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { usePreview, waitForPane } from "./harness";

const TEST_TIMEOUT = 120_000;
const session = usePreview();

/** Every uncaught error the page raises, unfiltered. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
  return errors;
}

/**
 * Loaded: the pane is mounted and Office's loader has fetched and run o15apptofilemappingtable.js, the script
 * that raised the error (it defines Office.context). Not "networkidle": the page may keep a connection open.
 */
async function settled(page: Page, lang: "en-US" | "zh-CN"): Promise<void> {
  await waitForPane(page, lang);
  await page.waitForFunction(() =>
    performance.getEntriesByType("resource").some((e) => e.name.endsWith("/o15apptofilemappingtable.js")),
  );
  // The script runs as soon as it has arrived; a moment more lets any error it raises reach the listener.
  await page.waitForTimeout(500);
}

describe("preview page errors", () => {
  it.each(["en-US", "zh-CN"] as const)(
    "opens in %s, and opens again on its saved workbook, with no page error",
    async (lang) => {
      const { preview } = session;
      const context = await preview.browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        const errors = collectErrors(page);
        await page.goto(`${preview.url}?lang=${lang}`);
        await settled(page, lang);
        // Office's own globals, as the pane and the shipped functions use them, from the one loader.
        const globals = await page.evaluate(() => {
          const g = globalThis as unknown as Record<string, { [k: string]: unknown } | undefined>;
          return {
            onReady: typeof g.Office?.onReady,
            customFunctionsError: typeof g.CustomFunctions?.Error,
            officeExtensionError: typeof g.OfficeExtension?.Error,
            officeScripts: [...document.querySelectorAll("script[src]")]
              .map((s) => (s as HTMLScriptElement).src.replace(/^.*\//, ""))
              .filter((src) => /^(office|custom-functions-runtime)\.js$/.test(src)),
          };
        });
        expect(globals).toEqual({
          onReady: "function",
          customFunctionsError: "function",
          officeExtensionError: "function",
          officeScripts: ["custom-functions-runtime.js"],
        });
        await page.reload();
        await settled(page, lang);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TEST_TIMEOUT,
  );
});
