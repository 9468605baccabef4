/**
 * The portable copy: every PLAN formula replaced by a native formula that gives the same number
 * (to 1e-9) and the same status words, evaluated by the stand-in's formula engine (HyperFormula),
 * for the seed plan and for random plans with every target form; and by a plain HyperFormula that
 * has never heard of PLAN (a colleague without the add-in): nothing shows #NAME?.
 */
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { NATIVE_COLUMNS } from "../../src/core/nativeFormulas";
import { mapHeaders } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import { applyHighlights } from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { writePortableCopy } from "../../src/excel/portableCopy";
import { readTemplate } from "../../src/excel/readTemplate";
import { publishWorkbookLanguage } from "../../src/excel/workbookLanguageSetting";
import type { Standin } from "../../dev/standin";
import { measure, seedPlan, useHost } from "./helpers";
import { randomPlan } from "./travelPlans";

const HEADER_ROW = 5;

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

interface Compared {
  numbers: number;
  labels: number;
}

/** Every computed cell of the copy against the template's PLAN cell at the same address. */
function compareComputed(standin: Standin, sheet: string, copy: string, rows: number): Compared {
  const wb = standin.workbook;
  const width = wb.extent(sheet).cols;
  const headers = Array.from({ length: width }, (_v, c) => wb.cellAt(sheet, HEADER_ROW - 1, c).value);
  const map = mapHeaders(headers);
  const seen: Compared = { numbers: 0, labels: 0 };
  for (let r = 0; r < rows; r++) {
    for (const key of NATIVE_COLUMNS) {
      const address = `${columnLetters(map[key]!)}${HEADER_ROW + 1 + r}`;
      const original = wb.cell(sheet, address);
      const portable = wb.cell(copy, address);
      const where = `${address} (${key}) ${original.input} → ${portable.input}`;
      expect(portable.input, where).not.toMatch(/PLAN\./i);
      if (original.valueType === "Double") {
        expect(portable.valueType, where).toBe("Double");
        const a = original.value as number;
        const b = portable.value as number;
        expect(Math.abs(a - b), `${where}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
        seen.numbers += 1;
      } else if (original.valueType === "String" && original.value !== "") {
        expect(portable.value, where).toBe(original.value);
        seen.labels += 1;
      } else {
        // Blank, or an error the PLAN function explains: the copy shows a blank or an error, never a number.
        expect(["Empty", "Error", "String"], where).toContain(portable.valueType);
        if (portable.valueType === "String") expect(portable.value, where).toBe("");
      }
    }
  }
  return seen;
}

/** The copy's cells loaded into a HyperFormula that has no PLAN functions: the values must not change. */
function recalculateWithoutAddin(standin: Standin, copy: string): void {
  const wb = standin.workbook;
  const { rows, cols } = wb.extent(copy);
  const data = Array.from({ length: rows }, (_v, r) =>
    Array.from({ length: cols }, (_w, c) => {
      const cell = wb.cellAt(copy, r, c);
      if (cell.input.startsWith("=")) return cell.input;
      return cell.valueType === "Empty" ? null : cell.value;
    }),
  );
  const hf = HyperFormula.buildFromSheets(
    { [copy]: data },
    { licenseKey: "gpl-v3", evaluateNullToZero: true, leapYear1900: true, smartRounding: false },
  );
  const id = hf.getSheetId(copy)!;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = hf.getCellValue({ sheet: id, row: r, col: c });
      const cell = wb.cellAt(copy, r, c);
      const text = typeof v === "object" && v !== null && "value" in v ? String(v.value) : v;
      expect(text, `${cell.address} ${cell.input}`).not.toBe("#NAME?");
      if (typeof v === "number") expect(v).toBeCloseTo(cell.value as number, 9);
      else if (typeof v === "string") expect(v).toBe(cell.value);
    }
  }
  hf.destroy();
}

/** Insert as the pane does: the template, then the workbook's language for PLAN.STATUS. */
async function insert(standin: Standin, plan: Plan, lang: "zh" | "en") {
  const inserted = await insertTemplate(plan, lang);
  await publishWorkbookLanguage(lang);
  // PLAN functions recalculate on the next change: clear a blank cell, as any edit would.
  standin.workbook.clearCells(inserted.sheetName, "A4");
  return inserted;
}

async function insertAndCopy(standin: Standin, plan: Plan) {
  const inserted = await insert(standin, plan, "zh");
  const copy = await writePortableCopy(inserted.tableName, "native");
  return { inserted, copy };
}

describe("portable copy: native formulas give the PLAN functions' numbers and words", () => {
  const host = useHost();

  it("for the seed plan with figures (zh labels)", async () => {
    const plan = seedWithFigures();
    const { inserted, copy } = await insertAndCopy(host.standin, plan);
    expect(copy.sheetName).toBe("规划指标（便携）");
    expect(copy.unreadableRows).toEqual([]);
    expect(copy.frozen).toBe(0);
    expect(copy.translated).toBeGreaterThan(0);
    const seen = compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
    expect(seen.numbers).toBeGreaterThan(20);
    expect(seen.labels).toBeGreaterThanOrEqual(6);
    recalculateWithoutAddin(host.standin, copy.sheetName);
  });

  it("for random plans with every target form, baseline year, direction and attribute", async () => {
    let numbers = 0;
    let labels = 0;
    for (const seed of [11, 23, 37, 41]) {
      host.standin.reset();
      const plan = randomPlan(
        seed,
        40,
        seed % 2 ? { baseYear: 2020, targetYear: 2025 } : { baseYear: 2025, targetYear: 2030 },
      );
      const { inserted, copy } = await insertAndCopy(host.standin, plan);
      const seen = compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
      numbers += seen.numbers;
      labels += seen.labels;
      recalculateWithoutAddin(host.standin, copy.sheetName);
    }
    expect(numbers).toBeGreaterThan(300);
    expect(labels).toBeGreaterThan(80);
  }, 120_000);

  it("follows edits in the copy: a figure typed there changes gap and status as PLAN would", async () => {
    const plan = seedWithFigures();
    const { inserted, copy } = await insertAndCopy(host.standin, plan);
    const wb = host.standin.workbook;
    // RD_INTENSITY is row 7 of the seed (K = 2022): type the same figure into both sheets.
    for (const sheet of [inserted.sheetName, copy.sheetName]) wb.setCellInput(sheet, "L7", "1.46");
    compareComputed(host.standin, inserted.sheetName, copy.sheetName, plan.indicators.length);
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

  it("keeps the highlights as conditional formats on the copy's own status column", async () => {
    const plan = seedWithFigures();
    const inserted = await insertTemplate(plan, "zh");
    await applyHighlights(await readTemplate(inserted.tableName));
    const copy = await writePortableCopy(inserted.tableName, "native");
    expect(copy.highlights).toBe(true);
    const wb = host.standin.workbook;
    // Every row the template paints red, the copy paints red too.
    for (let row = HEADER_ROW + 1; row <= HEADER_ROW + plan.indicators.length; row++) {
      expect(wb.cell(copy.sheetName, `C${row}`).fill, `C${row}`).toBe(wb.cell(inserted.sheetName, `C${row}`).fill);
    }
    expect(wb.cell(copy.sheetName, "A4").text).toMatch(/便携副本/);
  });

  it("costs 2 syncs at 11 and at 500 indicators", async () => {
    const small = await insertTemplate(seedWithFigures(), "zh");
    const a = await measure(host.standin, () => writePortableCopy(small.tableName, "native"));
    host.standin.reset();
    const large = await insertTemplate(randomPlan(5, 500), "zh");
    const b = await measure(host.standin, () => writePortableCopy(large.tableName, "native"));
    expect(a.syncs).toBe(2);
    expect(b.syncs).toBe(2);
  }, 120_000);
});
