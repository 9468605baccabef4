// End-to-end: the preview page (the real task pane + the Excel stand-in grid) in headless Chromium.
// One build and one browser for the file; every test opens a fresh browser context, i.e. a blank workbook,
// uses the pane by its accessible names, types into the grid and checks what the grid shows.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cell, fillOf, goTo, readCells, selectedAddress, textOf, typeInto } from "./grid";
import { projectDir, saveScreenshot, usePreview, waitForPane } from "./harness";
import { at, column, readTemplate, rowOf } from "./template";

interface SeedIndicator {
  number?: string;
  name: { zh: string; en: string };
  unit: { zh: string; en: string };
  baseline: number | null;
  target: { kind: string; value?: number };
}
const seed = JSON.parse(fs.readFileSync(path.join(projectDir, "seeds/zhangye-sti-14th-fyp.plan.json"), "utf8")) as {
  indicators: SeedIndicator[];
};
/** The 11 numbered indicators of the plan's main-indicator table. */
const MAIN_TABLE = seed.indicators.filter((i) => i.number !== undefined);

const RD_INTENSITY = "R&D expenditure as a share of GDP"; // %, 1.20 (2020) → 1.47 (2025)
const RD_PERSONNEL = "R&D personnel per 10,000 employed persons"; // persons
const HIGH_TECH_ENTERPRISES = "Number of high-tech enterprises"; // count, 116 (2020) → 150 (2025)

/** Generous: a slow, busy 2-core machine; the waits inside are for conditions, not for time. */
const TEST_TIMEOUT = 120_000;

const session = usePreview({ closeAfterEach: true });
const open = session.open;

/** Presses "Insert template" and waits until the grid shows the template's sheet with its header row. */
async function insertTemplate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Insert template" }).click();
  await page.getByRole("tab", { name: "Plan indicators", selected: true }).waitFor();
  await goTo(page, "A1");
  await page
    .locator(".pv-viewport [data-address]", { hasText: /^Indicator$/ })
    .first()
    .waitFor();
}

/** A colour the eye calls red: clearly more red than green and blue. */
function isReddish(cssColour: string): boolean {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(cssColour);
  if (!m) return false;
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return r - g >= 30 && r - b >= 30;
}

const number = (text: string) => Number(text.replace(/,/g, ""));

describe("preview: PLAN functions in the grid", () => {
  it(
    "typing =PLAN.GROWTH(1.2,1.47,5) into a cell shows the required annual growth 0.0414…",
    async () => {
      const { page, errors } = await open();
      await typeInto(page, "B2", "=PLAN.GROWTH(1.2,1.47,5)");
      await expect.poll(() => cell(page, "B2").textContent()).toMatch(/^0\.0414\d*$/);
      // The formula bar shows the formula of the selected cell.
      await cell(page, "B2").click();
      await expect
        .poll(() => page.getByRole("textbox", { name: "Formula bar" }).inputValue())
        .toBe("=PLAN.GROWTH(1.2,1.47,5)");
      // Bad input is an Excel error, never NaN.
      await typeInto(page, "B3", "=PLAN.GROWTH(0,1.47,5)");
      await expect.poll(() => textOf(page, "B3")).toMatch(/^#(NUM!|VALUE!|DIV\/0!)$/);
      await goTo(page, "B2");
      await saveScreenshot(page, "plan-growth");
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

describe("preview: the task pane against the stand-in", () => {
  it(
    "Insert template puts the 11 indicators of the main table in the grid with their seed values",
    async () => {
      const { page, errors } = await open();
      expect(MAIN_TABLE).toHaveLength(11);
      await insertTemplate(page);
      const map = await readTemplate(page);
      const columns = ["No.", "Unit", "Baseline", "Target"].map((header) => column(map, header));
      const rows = MAIN_TABLE.map((indicator) => rowOf(map, indicator.name.en));
      const shown = await readCells(
        page,
        columns.flatMap((letter) => rows.map((row) => `${letter}${row}`)),
      );
      const [no, unit, baseline, target] = columns;
      MAIN_TABLE.forEach((indicator, i) => {
        const row = rows[i]!;
        expect(shown.get(`${no}${row}`)).toBe(indicator.number);
        expect(shown.get(`${unit}${row}`)).toBe(indicator.unit.en);
        expect(number(shown.get(`${baseline}${row}`)!)).toBe(indicator.baseline);
        // Ranks show the plan's notation through the number format ("top 3"); the cell keeps the number.
        expect(number(shown.get(`${target}${row}`)!.replace(/^top /, ""))).toBe(indicator.target.value);
      });
      await goTo(page, "A1");
      await saveScreenshot(page, "insert-template");
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "Validate lists the bad figures typed in (full-width digits, text, a negative count); a finding selects its cell",
    async () => {
      const { page, errors } = await open();
      await insertTemplate(page);
      const map = await readTemplate(page);
      const fullWidth = at(map, RD_INTENSITY, "2021");
      const text = at(map, RD_PERSONNEL, "2021");
      const negative = at(map, HIGH_TECH_ENTERPRISES, "2021");
      await typeInto(page, fullWidth, "１．４７");
      await typeInto(page, text, "abc");
      await typeInto(page, negative, "-3");
      expect(await textOf(page, fullWidth)).toBe("１．４７");

      await page.getByRole("button", { name: "Validate" }).click();
      const results = page.getByRole("region", { name: "Validation results" });
      const finding = (address: string) => results.getByRole("button", { name: new RegExp(`\\b${address}\\b`) });
      for (const address of [fullWidth, text, negative]) await finding(address).first().waitFor();

      await goTo(page, "A1");
      await finding(text).first().click();
      await expect.poll(() => selectedAddress(page)).toBe(text);

      // The safe fix for full-width digits: previewed first, applied on confirmation.
      await results.getByRole("button", { name: "Preview fixes" }).click();
      await results.getByRole("table", { name: "Preview fixes" }).getByText("１．４７").waitFor();
      await results.getByRole("button", { name: "Apply fixes" }).click();
      await expect.poll(() => textOf(page, fullWidth)).toBe("1.47");
      await saveScreenshot(page, "validate");
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "Highlight off-track turns a lagging indicator's row red, and the highlight follows when the figure is fixed",
    async () => {
      const { page, errors } = await open();
      await insertTemplate(page);
      const map = await readTemplate(page);
      const figure = at(map, HIGH_TECH_ENTERPRISES, "2023");
      const name = at(map, HIGH_TECH_ENTERPRISES, "Indicator");
      const status = at(map, HIGH_TECH_ENTERPRISES, "Status");
      // 117 in 2023: 3% of the way from 116 to 150 after 60% of the time: lagging.
      await typeInto(page, figure, "117");
      await expect.poll(() => textOf(page, status)).toBe("lagging");

      await page.getByRole("switch", { name: "Highlight off-track" }).click();
      await expect.poll(async () => isReddish(await fillOf(page, name)), { timeout: 20_000 }).toBe(true);
      expect(isReddish(await fillOf(page, status))).toBe(true);
      // Other rows (no figures yet) are not marked.
      expect(isReddish(await fillOf(page, at(map, RD_INTENSITY, "Indicator")))).toBe(false);
      await goTo(page, name);
      await saveScreenshot(page, "highlight-lagging");

      // 140: 71% of the way after 60% of the time — no longer lagging, no longer red.
      await typeInto(page, figure, "140");
      await expect.poll(() => textOf(page, status)).not.toBe("lagging");
      await expect.poll(async () => isReddish(await fillOf(page, name)), { timeout: 20_000 }).toBe(false);
      await goTo(page, name);
      await saveScreenshot(page, "highlight-fixed");
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "inserting the template again keeps every figure entered",
    async () => {
      const { page, errors } = await open();
      await insertTemplate(page);
      const map = await readTemplate(page);
      const a = at(map, RD_INTENSITY, "2021");
      const b = at(map, HIGH_TECH_ENTERPRISES, "2022");
      const note = at(map, HIGH_TECH_ENTERPRISES, "Note");
      await typeInto(page, a, "1.31");
      await typeInto(page, b, "128");
      await typeInto(page, note, "checked with the statistics bureau");

      await page.getByRole("button", { name: "Insert template" }).click();
      await page.getByText(/^Refreshed “Plan indicators”/).waitFor();
      expect(await page.getByRole("tab", { name: /^Plan indicators/ }).count()).toBe(1); // no second sheet
      expect(await textOf(page, a)).toBe("1.31");
      expect(await textOf(page, b)).toBe("128");
      expect(await textOf(page, note)).toBe("checked with the statistics bureau");
      await saveScreenshot(page, "reinsert");
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "=PLAN.GAP(<a cell of an indicator row>) typed outside the table gives that row's gap and follows edits",
    async () => {
      const { page, errors } = await open();
      await insertTemplate(page);
      const map = await readTemplate(page);
      const figure = at(map, HIGH_TECH_ENTERPRISES, "2023");
      const outside = `${column(map, "Indicator")}${Math.max(...map.rows.values()) + 4}`;
      await typeInto(page, figure, "117");
      await typeInto(page, outside, `=PLAN.GAP(${at(map, HIGH_TECH_ENTERPRISES, "Indicator")})`);
      await expect.poll(() => textOf(page, outside)).toBe("33"); // 150 − 117
      await typeInto(page, figure, "140");
      await expect.poll(() => textOf(page, outside)).toBe("10"); // 150 − 140
      // The same as the table's own Gap column.
      expect(number(await textOf(page, at(map, HIGH_TECH_ENTERPRISES, "Gap")))).toBe(10);
      await goTo(page, outside);
      await saveScreenshot(page, "plan-gap");
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "the workbook survives a reload, and Reset workbook starts again from a blank one",
    async () => {
      const { page, errors } = await open();
      await insertTemplate(page);
      const map = await readTemplate(page);
      const figure = at(map, HIGH_TECH_ENTERPRISES, "2022");
      await typeInto(page, figure, "128");

      await page.reload();
      await waitForPane(page);
      await page.getByRole("tab", { name: "Plan indicators" }).waitFor();
      await page.getByRole("tab", { name: "Plan indicators" }).click();
      await expect.poll(() => textOf(page, figure)).toBe("128");
      // The pane finds the template again: the button now refreshes it.
      await page.getByText(/Refreshes the plan and computed columns/).waitFor();
      await saveScreenshot(page, "reload");

      await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Reset workbook" }).click()]);
      await waitForPane(page);
      await expect.poll(() => page.getByRole("tab").allTextContents()).toEqual(["Sheet1"]);
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "the status strip shows the round trips of the add-in's last operation",
    async () => {
      const { page, errors } = await open();
      await insertTemplate(page);
      const strip = page.getByRole("status").filter({ hasText: "Last Excel.run" });
      const action = strip.locator(".pv-status-action");
      await expect.poll(() => action.textContent()).toMatch(/^after “Insert template”: \d+ Excel\.run \(\d+ syncs?/);
      const runSyncs = ((await action.getAttribute("data-run-syncs")) ?? "").split(",").map(Number);
      // The insert itself is the first Excel.run after the click: at most 3 round trips, whatever the row count.
      expect(runSyncs[0]).toBeGreaterThanOrEqual(1);
      expect(runSyncs[0]).toBeLessThanOrEqual(3);
      expect(Number(await action.getAttribute("data-cells-written"))).toBeGreaterThan(100);
      await expect.poll(() => strip.textContent()).toMatch(/Last Excel\.run: \d+ syncs?/);
      await saveScreenshot(page, "status-strip");
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

describe("preview: Office's display language", () => {
  it(
    "in zh-CN the pane and the template are Chinese; the page's language switch reloads it in English",
    async () => {
      const { page, errors } = await open("zh-CN");
      await page.getByRole("button", { name: "插入模板" }).click();
      await page.getByRole("tab", { name: "规划指标", selected: true }).waitFor();
      await goTo(page, "A1");
      await page
        .locator(".pv-viewport [data-address]", { hasText: /^指标$/ })
        .first()
        .waitFor();
      await page
        .locator(".pv-viewport [data-address]", { hasText: /^R&D经费支出与GDP比重$/ })
        .first()
        .waitFor();
      await saveScreenshot(page, "zh-CN");

      await Promise.all([page.waitForEvent("load"), page.getByLabel("Office 语言").selectOption("en-US")]);
      await waitForPane(page, "en-US");
      // The workbook is the same (kept in the browser); only Office's language changed.
      await page.getByRole("tab", { name: "规划指标" }).waitFor();
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
