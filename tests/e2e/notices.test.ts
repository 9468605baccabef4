// End-to-end, issue #13 item 4: a notice appears where staff are looking. The pane is long at 360 px; an
// action at its bottom (the portable copy, in the sharing panel) reports at the top of the visible area
// (the sticky notice region under the toolbar), inside the viewport, not above or below the fold. And a
// portable copy in progress (held by a slow Excel) disables the pane's other actions.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { saveScreenshot, usePreview } from "./harness";
import { openPanel } from "./panels";

const session = usePreview();

async function insertTemplate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Insert template" }).click();
  await page.getByRole("tab", { name: "Plan indicators", selected: true }).waitFor();
  await page.getByText(/^Inserted the sheet “Plan indicators”/).waitFor();
}

/** The part of `box` inside the pane's scrolling area and the window, as fractions of its height. */
async function visibleShare(page: Page, target: Locator): Promise<number> {
  const box = (await target.boundingBox())!;
  const pane = (await page.locator("#root").boundingBox())!;
  const view = page.viewportSize()!;
  const top = Math.max(box.y, pane.y, 0);
  const bottom = Math.min(box.y + box.height, pane.y + pane.height, view.height);
  return Math.max(0, bottom - top) / box.height;
}

describe("notices where staff look", () => {
  it("the result of an action at the bottom of the pane shows in view, and other actions wait while a copy is written", async () => {
    const { page, errors } = await session.open("en-US");
    await page.setViewportSize({ width: 1280, height: 720 });
    await insertTemplate(page);
    await openPanel(page, "Sharing and other plans");
    const write = page.getByRole("button", { name: "Write portable copy" });
    await write.scrollIntoViewIfNeeded();
    // The pane is scrolled well down: its top (the title, the toolbar) is out of view.
    expect(await page.locator("#root").evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
    expect(await visibleShare(page, page.getByRole("button", { name: "Insert template" }))).toBe(0);

    // A slow Excel (Excel on the web on a busy line): every batch from now on waits until the test lets it go,
    // so the copy is still in progress while we look at the pane.
    await page.evaluate(() => {
      const excel = (globalThis as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
      const run = excel.run.bind(excel);
      const gate = new Promise<void>((resolve) => {
        (globalThis as unknown as { releaseExcel: () => void }).releaseExcel = resolve;
      });
      excel.run = async (...args: unknown[]) => {
        await gate;
        return run(...args);
      };
    });
    await write.click();
    await page.getByText("Working: Write portable copy…").waitFor();
    for (const name of ["Insert template", "Validate", "Export plan file", "Write portable copy"])
      expect(await page.getByRole("button", { name, exact: true }).isDisabled(), name).toBe(true);
    expect(await page.getByRole("switch", { name: "Highlight off-track" }).isDisabled()).toBe(true);
    await page.evaluate(() => (globalThis as unknown as { releaseExcel: () => void }).releaseExcel());

    const notice = page.getByText(/^Wrote the sheet “Plan indicators \(portable\)”/);
    await notice.waitFor();
    expect(await visibleShare(page, notice)).toBeGreaterThan(0.9);
    expect(await page.getByRole("button", { name: "Insert template" }).isDisabled()).toBe(false);
    await saveScreenshot(page, "notice-in-view");
    expect(errors).toEqual([]);
  }, 240_000);
});
