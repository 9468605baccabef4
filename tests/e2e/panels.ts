/**
 * The pane's panels that load only when opened (the evaluation report, sharing and other plans): open one
 * by its button, as staff do, and wait until its code has arrived (the "loading" line is gone).
 */
import type { Page } from "playwright-core";

export async function openPanel(page: Page, title: string): Promise<void> {
  const zh = /[\u4e00-\u9fff]/.test(title);
  await page.getByRole("button", { name: zh ? `打开“${title}”` : `Open “${title}”`, exact: true }).click();
  await page.getByRole("button", { name: zh ? `收起“${title}”` : `Close “${title}”`, exact: true }).waitFor();
  await page.getByText(zh ? `正在载入“${title}”` : `Loading “${title}”`).waitFor({ state: "detached" });
}
