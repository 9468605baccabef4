/**
 * The portable copy through the host layer (insertTemplate, then writePortableCopy, on the Excel
 * stand-in): every PLAN.EVALUATE cell and the evaluation year become native formulas that give the same
 * number (to 1e-9, relative above 1) and the same words, error kinds and blanks as the template, computed
 * by the stand-in's engine; loaded into a HyperFormula that has never heard of PLAN (a colleague without
 * the add-in) nothing shows #NAME? and nothing changes. Cells the native formulas would read differently
 * hold their values and are listed on the copy. Two round trips at 11 and at 500 indicators, every
 * request under the budget. (The property tests over random plans are in tests/core/nativeFormulas.test.ts.)
 */
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import type { Standin } from "../../dev/standin";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { mapHeaders, type ColumnKey } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import { applyHighlights } from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { writePortableCopy } from "../../src/excel/portableCopy";
import { readTemplate } from "../../src/excel/readTemplate";
import { REQUEST_BUDGET } from "../../src/excel/requestBudget";
import { publishWorkbookLanguage } from "../../src/excel/workbookLanguageSetting";
import { measure, seedPlan, useHost } from "./helpers";
import { randomPlan } from "./travelPlans";

const HEADER_ROW = 5;
const COMPUTED: readonly ColumnKey[] = [
  "latestYear",
  "latest",
  "gap",
  "growth",
  "step",
  "progress",
  "elapsed",
  "status",
];

/** The seed plan with figures for most indicators (some behind, some ahead, one manual verdict). */
function seedWithFigures(): Plan {
  const figures: Record<string, Record<string, number>> = {
    TECH_PROGRESS_RANK: { "2021": 3, "2022": 4 },
    RD_INTENSITY: { "2021": 1.3, "2022": 1.35 },
    ENTERPRISE_RD_SHARE: { "2021": 3.5 },
    HIGH_TECH_ENTERPRISES: { "2021": 118, "2022": 140, "2023": 152 },
    TECH_CONTRACT_TURNOVER: { "2021": 26 },
    PROVINCIAL_INCUBATORS: { "2021": 8 },
    HIGH_VALUE_PATENTS_PER_10K_GROWTH: { "2021": 0.3 },
  };
  return planSchema.parse({
    ...seedPlan,
    indicators: seedPlan.indicators.map((ind) => ({
      ...ind,
      actuals: Object.fromEntries(Object.entries(figures[ind.id] ?? {}).map(([y, value]) => [y, { value }])),
    })),
  });
}

function letters(standin: Standin, sheet: string): (key: ColumnKey) => string {
  const wb = standin.workbook;
  const width = wb.extent(sheet).cols;
  const map = mapHeaders(Array.from({ length: width }, (_v, c) => wb.cellAt(sheet, HEADER_ROW - 1, c).value));
  return (key) => columnLetters(map[key]!);
}

interface Compared {
  numbers: number;
  labels: number;
  errors: number;
  blanks: number;
}

/** Every computed cell (and C3) of the copy against the template's cell at the same address. */
function compareComputed(
  standin: Standin,
  sheet: string,
  copy: string,
  rows: number,
  skip: ReadonlySet<string> = new Set(),
): Compared {
  const wb = standin.workbook;
  const at = letters(standin, sheet);
  const seen: Compared = { numbers: 0, labels: 0, errors: 0, blanks: 0 };
  const addresses = ["C3"];
  for (let r = 0; r < rows; r++) for (const key of COMPUTED) addresses.push(`${at(key)}${HEADER_ROW + 1 + r}`);
  for (const address of addresses) {
    if (skip.has(address)) continue;
    const original = wb.cell(sheet, address);
    const portable = wb.cell(copy, address);
    const where = `${address}: ${original.input} → ${portable.input.slice(0, 200)}`;
    expect(portable.input, where).not.toMatch(/^=.*PLAN\./i);
    if (original.valueType === "Double") {
      expect(portable.valueType, where).toBe("Double");
      const a = original.value as number;
      const b = portable.value as number;
      expect(Math.abs(a - b), `${where}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
      seen.numbers += 1;
    } else if (original.valueType === "Error") {
      expect(portable.value, where).toBe(original.value);
      seen.errors += 1;
    } else if (original.value === "") {
      expect(portable.value, where).toBe("");
      seen.blanks += 1;
    } else {
      expect(portable.value, where).toBe(original.value);
      seen.labels += 1;
    }
  }
  return seen;
}

/** The copy's cells loaded into a HyperFormula that has no PLAN functions: nothing shows #NAME?, nothing changes. */
function recalculateWithoutAddin(standin: Standin, copy: string): void {
  const wb = standin.workbook;
  const { rows, cols } = wb.extent(copy);
  const data = Array.from({ length: rows }, (_v, r) =>
    Array.from({ length: cols }, (_w, c) => {
      const cell = wb.cellAt(copy, r, c);
      if (cell.input.startsWith("=")) return cell.input;
      if (cell.valueType === "String") return `'${String(cell.value)}`;
      return cell.valueType === "Empty" ? null : cell.value;
    }),
  );
  const hf = HyperFormula.buildFromSheets(
    { [copy]: data },
    { licenseKey: "gpl-v3", evaluateNullToZero: true, leapYear1900: true, smartRounding: false },
  );
  const id = hf.getSheetId(copy)!;
  let formulas = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = wb.cellAt(copy, r, c);
      if (!cell.input.startsWith("=")) continue;
      formulas += 1;
      const v = hf.getCellValue({ sheet: id, row: r, col: c });
      const text = typeof v === "object" && v !== null && "value" in v ? String(v.value) : v;
      expect(text, `${cell.address} ${cell.input.slice(0, 120)}`).not.toBe("#NAME?");
      if (typeof v === "number") expect(v).toBeCloseTo(cell.value as number, 9);
      else if (typeof v === "string") expect(v).toBe(cell.value);
      else if (typeof v === "object" && v !== null) expect(text).toBe(cell.value);
    }
  }
  expect(formulas).toBeGreaterThan(0);
  hf.destroy();
}

/** Insert as the pane does: the template, then the workbook's language for the labels. */
async function insert(standin: Standin, plan: Plan, lang: "zh" | "en") {
  const inserted = await insertTemplate(plan, lang);
  await publishWorkbookLanguage(lang);
  // PLAN functions recalculate on the next change: clear a blank cell, as any edit would.
  standin.workbook.clearCells(inserted.sheetName, "A4");
  // C3 (PLAN.DATAYEAR streaming from the rows under the header) pushes its year after the writes' change events.
  await standin.whenIdle();
  return inserted;
}

describe("portable copy: native formulas give PLAN.EVALUATE's numbers and words", () => {
  const host = useHost();

  it("for the seed plan with figures (zh labels), including C3, and without the add-in", async () => {
    const plan = seedWithFigures();
    const inserted = await insert(host.standin, plan, "zh");
    const copy = await writePortableCopy(inserted.tableName, "native");
    expect(copy.sheetName).toBe("规划指标（便携）");
    expect(copy.valueCells).toEqual([]);
    expect(copy.unreadableRows).toEqual([]);
    expect(copy.frozen).toBe(0);
    // The main table's rows (the supplementary goals' block has no computed cells), and C3.
    expect(copy.translated).toBe(plan.indicators.filter((i) => !i.supplementary).length * COMPUTED.length + 1);
    expect(copy.longestFormula).toBeLessThanOrEqual(8192);
    const seen = compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
    expect(seen.numbers).toBeGreaterThan(40);
    expect(seen.labels).toBeGreaterThanOrEqual(6);
    recalculateWithoutAddin(host.standin, copy.sheetName);
  });

  it("for random v2 plans (every form, revisions, adjustments, relative pairs, unknown attributes) at several years", async () => {
    const total: Compared = { numbers: 0, labels: 0, errors: 0, blanks: 0 };
    for (const [seed, year] of [
      [11, null],
      [23, 2021],
      [37, 2028],
      [41, 2031],
    ] as const) {
      host.standin.reset();
      const plan = randomPlan(
        seed,
        36,
        seed % 2 ? { baseYear: 2020, targetYear: 2025 } : { baseYear: 2025, targetYear: 2030 },
      );
      const inserted = await insert(host.standin, plan, seed === 37 ? "en" : "zh");
      if (year !== null) host.standin.workbook.setCellInput(inserted.sheetName, "B3", String(year));
      await host.standin.whenIdle();
      const copy = await writePortableCopy(inserted.tableName, "native");
      expect(copy.valueCells).toEqual([]);
      const seen = compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
      for (const k of Object.keys(total) as Array<keyof Compared>) total[k] += seen[k];
      recalculateWithoutAddin(host.standin, copy.sheetName);
    }
    expect(total.numbers).toBeGreaterThan(300);
    expect(total.labels).toBeGreaterThan(60);
    expect(total.blanks).toBeGreaterThan(60);
  }, 120_000);

  it("follows edits in the copy as PLAN.EVALUATE follows them in the template", async () => {
    const plan = seedWithFigures();
    const inserted = await insert(host.standin, plan, "zh");
    const copy = await writePortableCopy(inserted.tableName, "native");
    const wb = host.standin.workbook;
    const at = letters(host.standin, inserted.sheetName);
    // RD_INTENSITY is row 7, ENTERPRISE_RD_SHARE row 8: a figure, a revised baseline, an adjusted
    // target, a manual verdict, a figure that cannot be read, then another evaluation year.
    const edits: Array<[string, string]> = [
      [`${at("y2022")}7`, "1.46"],
      [`${at("revisedBaseline")}8`, "3.1"],
      [`${at("adjustedTarget")}8`, "4.8"],
      [`${at("y2022")}8`, "4.1"],
      [`${at("manualStatus")}9`, "滞后"],
      [`${at("y2021")}10`, "约120"],
      ["B3", "2022"],
    ];
    for (const [address, input] of edits) {
      for (const sheet of [inserted.sheetName, copy.sheetName]) wb.setCellInput(sheet, address, input);
      await host.standin.whenIdle(); // the template's C3 streams a new year after the edit, as in Excel
      compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
    }
    expect(wb.cell(copy.sheetName, `${at("status")}10`).value).toBe("待修正（2021年：约120）");
    expect(wb.cell(copy.sheetName, `${at("status")}9`).value).toBe("滞后");
    // B3 blank again, then stray entries in later years: text, and a share of 930 % (out of range). The
    // evaluation year counts readable figures only (the hidden column after the table holds each row's).
    const later: Array<[string, string]> = [
      ["B3", ""],
      [`${at("y2025")}7`, "'目标5%"],
      [`${at("y2024")}8`, "930"],
    ];
    for (const [address, input] of later) {
      for (const sheet of [inserted.sheetName, copy.sheetName]) wb.setCellInput(sheet, address, input);
      await host.standin.whenIdle(); // the template's C3 streams a new year after the edit, as in Excel
      compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
    }
    expect(wb.cell(copy.sheetName, "C3").value).toBe(2023);
    expect(wb.cell(copy.sheetName, `${at("status")}8`).value).toBe("待修正（2024年：930）");
    // A readable 2024 figure moves the table's year, in both.
    for (const sheet of [inserted.sheetName, copy.sheetName]) wb.setCellInput(sheet, `${at("y2024")}8`, "4.3");
    await host.standin.whenIdle();
    compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
    expect(wb.cell(copy.sheetName, "C3").value).toBe(2024);
  });
});

describe("portable copy: the sheet", () => {
  const host = useHost();

  it("values mode keeps no formula at all and the same results", async () => {
    const plan = seedWithFigures();
    const inserted = await insert(host.standin, plan, "en");
    const copy = await writePortableCopy(inserted.tableName, "values");
    expect(copy.sheetName).toBe("Plan indicators (portable)");
    expect(copy.frozen).toBeGreaterThan(0);
    const wb = host.standin.workbook;
    const { rows, cols } = wb.extent(copy.sheetName);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) expect(wb.cellAt(copy.sheetName, r, c).input.startsWith("=")).toBe(false);
    const seen = compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
    expect(seen.labels).toBeGreaterThanOrEqual(6);
  });

  it("lists on the copy every cell that holds its value instead of a native formula, with the reason", async () => {
    const plan = seedWithFigures();
    const inserted = await insert(host.standin, plan, "zh");
    const wb = host.standin.workbook;
    const at = letters(host.standin, inserted.sheetName);
    // A share typed as text ("1.35%"): PLAN reads 1.35, Excel arithmetic cannot.
    wb.setCellInput(inserted.sheetName, `${at("y2022")}7`, "'1.35%");
    // A PLAN formula the template did not write, and a computed cell staff replaced with a constant.
    wb.setCellInput(inserted.sheetName, "H2", "=PLAN.GAP(1.2,1.47)");
    wb.setCellInput(inserted.sheetName, `${at("gap")}12`, "5");
    const copy = await writePortableCopy(inserted.tableName, "native");
    const byReason = (reason: string) =>
      copy.valueCells
        .filter((c) => c.reason === reason)
        .map((c) => c.address)
        .sort();
    const row = (r: number, keys: readonly ColumnKey[]) => keys.map((k) => `${at(k)}${r}`).sort();
    expect(byReason("readsDifferently")).toEqual(row(7, COMPUTED));
    expect(byReason("otherFormula")).toEqual(["H2"]);
    expect(byReason("rowChanged")).toEqual(
      row(
        12,
        COMPUTED.filter((k) => k !== "gap"),
      ),
    );
    expect(copy.unreadableRows).toEqual([2, 7, 12]);
    const note = String(wb.cell(copy.sheetName, "A4").value);
    expect(note).toContain(`${at("latestYear")}7:${at("status")}7`);
    expect(note).toContain("H2");
    expect(note).toContain("以文本输入的数字");
    // The value cells show what the template shows; every other cell is native and equal.
    compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
  });

  it("keeps the highlights as conditional formats on the copy's own status column", async () => {
    const plan = seedWithFigures();
    const inserted = await insertTemplate(plan, "zh");
    await host.standin.whenIdle(); // C3's year arrives after the writes (a streaming push)
    await applyHighlights(await readTemplate(inserted.tableName));
    const copy = await writePortableCopy(inserted.tableName, "native");
    expect(copy.highlights).toBe(true);
    const wb = host.standin.workbook;
    const status = letters(host.standin, inserted.sheetName)("status");
    for (let row = HEADER_ROW + 1; row <= HEADER_ROW + plan.indicators.length; row++) {
      expect(wb.cell(copy.sheetName, `${status}${row}`).fill, `${status}${row}`).toBe(
        wb.cell(inserted.sheetName, `${status}${row}`).fill,
      );
    }
    expect(wb.cell(copy.sheetName, "A4").text).toMatch(/便携副本/);
  });

  it("costs 2 syncs at 11 and at 500 indicators, each request under the budget; a lower budget splits, never per row", async () => {
    const small = await insertTemplate(seedWithFigures(), "zh");
    const a = await measure(host.standin, () => writePortableCopy(small.tableName, "native"));
    expect(a.syncs).toBe(2);
    host.standin.reset();
    const plan = randomPlan(5, 500);
    const large = await insertTemplate(plan, "zh");
    await host.standin.whenIdle(); // C3's year arrives after the writes (a streaming push)
    const mark = host.standin.stats.mark();
    const b = await measure(host.standin, () => writePortableCopy(large.tableName, "native"));
    const cost = host.standin.stats.since(mark);
    expect(b.syncs).toBe(2);
    expect(b.result.valueCells).toEqual([]);
    expect(b.result.translated).toBe(500 * COMPUTED.length + 1);
    expect(cost.requestBytes).toBeLessThan(REQUEST_BUDGET);
    // Spot-check the large copy: the first 40 rows are the template's numbers and words.
    compareComputed(host.standin, large.sheetName, b.result.sheetName, 40);

    // With a 1 MB budget the same copy goes out in blocks of rows, each under 1 MB.
    host.standin.reset();
    const again = await insertTemplate(plan, "zh");
    const sizes: number[] = [];
    let run = host.standin.lastRun;
    let seen = run?.requestBytes ?? 0;
    const stop = host.standin.workbook.subscribe(() => {
      const now = host.standin.lastRun;
      if (!now) return;
      if (now !== run) {
        run = now;
        seen = 0;
      }
      if (now.requestBytes > seen) sizes.push(now.requestBytes - seen);
      seen = now.requestBytes;
    });
    const c = await measure(host.standin, () =>
      writePortableCopy(again.tableName, "native", { requestBudget: 1024 * 1024 }),
    );
    stop();
    expect(c.syncs).toBeGreaterThan(2);
    expect(c.syncs).toBeLessThanOrEqual(2 + Math.ceil(cost.requestBytes / (1024 * 1024)));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
  }, 240_000);
});
