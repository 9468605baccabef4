/**
 * Working the preview's grid the way a person does: go to a cell (the name box scrolls there), click it,
 * type, press Enter; read what a cell shows. Cells are found by their data-address (sheet-local A1).
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** The name box, labelled in the page's language. */
function nameBoxOf(page: Page): Locator {
  return page.getByRole("textbox", { name: /^(Name box|名称框)$/ });
}

export function cell(page: Page, address: string): Locator {
  return page.locator(`.pv-viewport [data-address="${address}"]`);
}

/** Types an address into the name box and presses Enter: Excel's "go to", which scrolls the cell into view. */
export async function goTo(page: Page, address: string): Promise<void> {
  const nameBox = nameBoxOf(page);
  // Go to again until the cell is drawn: a redraw that lands between Enter and the scroll (the pane
  // refreshing after an edit) can swallow one go-to, as a second click would settle it for a person.
  await expect
    .poll(
      async () => {
        await nameBox.click();
        await nameBox.fill(address);
        await nameBox.press("Enter");
        return cell(page, address).isVisible();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
}

/**
 * Types into a cell and presses Enter. When data validation questions the entry (a Warning, as the template
 * sets for its input cells), answers Yes, as staff who mean it would.
 */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await goTo(page, address);
  await cell(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  const question = page.getByRole("alertdialog");
  if (await question.isVisible()) await question.getByRole("button", { name: "Yes", exact: true }).click();
  await expect.poll(() => page.getByRole("alertdialog").count()).toBe(0);
}

/** What a cell shows (scrolls it into view first). */
export async function textOf(page: Page, address: string): Promise<string> {
  await goTo(page, address);
  return (await cell(page, address).textContent()) ?? "";
}

/** The cell's background colour as drawn ("" when it has none). */
export async function fillOf(page: Page, address: string): Promise<string> {
  await goTo(page, address);
  return cell(page, address).evaluate((el) => (el as HTMLElement).style.backgroundColor);
}

/** Every rendered cell of the grid, address → text (the rows and columns in view). */
export async function visibleCells(page: Page): Promise<Map<string, string>> {
  const pairs = await page
    .locator(".pv-viewport [data-address]")
    .evaluateAll((els) => els.map((el) => [(el as HTMLElement).dataset.address ?? "", el.textContent ?? ""]));
  return new Map(pairs as Array<[string, string]>);
}

/**
 * What several cells show, scrolling only when one is not drawn yet (the grid draws the cells in view and a
 * few around them).
 */
export async function readCells(page: Page, addresses: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let drawn = await visibleCells(page);
  for (const address of addresses) {
    if (!drawn.has(address)) {
      await goTo(page, address);
      drawn = await visibleCells(page);
    }
    out.set(address, drawn.get(address) ?? "");
  }
  return out;
}

/** The A1 address of the selected block, as the name box shows it. */
export async function selectedAddress(page: Page): Promise<string> {
  return nameBoxOf(page).inputValue();
}
