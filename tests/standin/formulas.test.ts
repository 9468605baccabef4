/**
 * Formulas computed by HyperFormula with the PLAN functions from src/functions registered.
 * Docs (custom function errors carry a message): https://learn.microsoft.com/en-us/office/dev/add-ins/excel/custom-functions-errors
 */
import { describe, expect, it } from "vitest";
import { requiredAnnualGrowth } from "../../src/core/indicatorMath";
import { seedPlan } from "../../src/core/seedPlan";
import { buildHeaderRow, indicatorRowValues, templateColumns } from "../../src/core/templateLayout";
import { readTemplateRow } from "../../src/core/templateRow";
import { planFunction } from "../../src/functions/planFunctions";
import type { CellView } from "../../dev/standin";
import { useStandin } from "./setup";

/** A grid cell as a CellResult: errors as { error, message }. */
function shown(view: CellView): unknown {
  return view.valueType === "Error" ? { error: view.value, message: view.errorMessage } : view.value;
}

describe("PLAN functions in cells", () => {
  it("=PLAN.GROWTH(1.2,1.47,5) is the core's required annual growth and shows 4.14% under 0.00%", async () => {
    const standin = useStandin();
    const expected = requiredAnnualGrowth(1.2, 1.47, 5);
    if (!expected.ok) throw new Error("core refused the example");
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      cell.formulas = [["=PLAN.GROWTH(1.2,1.47,5)"]];
      cell.numberFormat = [["0.00%"]];
      cell.load("values,text");
      await context.sync();
      expect(cell.values[0]![0]).toBe(expected.value);
      expect(cell.values[0]![0]).toBeCloseTo(0.0414, 4);
      expect(cell.text[0]![0]).toBe("4.14%");
    });
    // Typed by a user in the grid, General format: 11 characters like Excel.
    standin.workbook.setCellInput("Sheet1", "B1", "=PLAN.GROWTH(1.2,1.47,5)");
    expect(standin.workbook.cell("Sheet1", "B1").text).toBe("0.041423127");
  });

  it("a CellError becomes the Excel error of its kind with the function's message", async () => {
    const standin = useStandin();
    standin.workbook.setCellInput("Sheet1", "A1", '=PLAN.GROWTH("abc",1.47,5)');
    const view = standin.workbook.cell("Sheet1", "A1");
    const direct = planFunction("GROWTH").evaluate(["abc", 1.47, 5], { lang: "zh" });
    expect(typeof direct === "object" && "error" in direct).toBe(true);
    if (typeof direct === "object" && "error" in direct) {
      expect(view.value).toBe(direct.error);
      expect(view.errorMessage).toBe(direct.message);
    }
    expect(view.valueType).toBe("Error");
  });

  it("arguments that are errors propagate, unknown functions are #NAME?", async () => {
    const standin = useStandin();
    standin.workbook.setCellInput("Sheet1", "A1", "=1/0");
    standin.workbook.setCellInput("Sheet1", "A2", "=PLAN.GROWTH(A1,1.47,5)");
    standin.workbook.setCellInput("Sheet1", "A3", "=NOPE(1)");
    expect(standin.workbook.cell("Sheet1", "A2").value).toBe("#DIV/0!");
    expect(standin.workbook.cell("Sheet1", "A3").value).toBe("#NAME?");
  });

  it("row form: =PLAN.GAP(<a cell of a template row>) reads that row and follows edits to it", async () => {
    const standin = useStandin();
    const ind = seedPlan.indicators.find((i) => i.id === "RD_INTENSITY")!;
    const headers = buildHeaderRow(seedPlan, "zh");
    const values = indicatorRowValues(seedPlan, ind, "zh");
    const columns = templateColumns(seedPlan);
    const row = columns.map((c) => values[c.key] ?? "");
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRangeByIndexes(0, 0, 2, headers.length).values = [headers, row];
      sheet.getRange("A5").formulas = [["=PLAN.GAP(C2)"]];
      await context.sync();
    });
    // No title block: the evaluation year is the latest year entered in the table, here the row's own.
    const expectGap = (cells: unknown[]) =>
      planFunction("GAP").evaluate([cells[2]], {
        lang: "zh",
        rowAt: () => ({
          row: readTemplateRow(headers, cells)!,
          evaluationYear: undefined,
          evaluationYearInvalid: null,
          reference: null,
        }),
      });
    expect(shown(standin.workbook.cell("Sheet1", "A5"))).toEqual(expectGap(row));
    // Enter a figure for the last plan year: the gap follows.
    const lastYear = columns.findIndex((c) => c.year === seedPlan.targetYear);
    const edited = [...row];
    const baseline =
      typeof row[columns.findIndex((c) => c.key === "baseline")] === "number"
        ? (row[columns.findIndex((c) => c.key === "baseline")] as number)
        : 1;
    edited[lastYear] = baseline * 1.5;
    const before = structuredClone(standin.functionCalls.byFunction.GAP);
    standin.workbook.setCellInput(
      "Sheet1",
      standin.workbook.cellAt("Sheet1", 1, lastYear).address,
      String(baseline * 1.5),
    );
    // Not volatile: the edit does not call PLAN.GAP again. Its streaming call hears of the change
    // (Worksheet.onChanged, on a later task), reads the row and pushes the new gap (setResult).
    expect(standin.functionCalls.byFunction.GAP).toEqual(before);
    expect(shown(standin.workbook.cell("Sheet1", "A5"))).toEqual(expectGap(row));
    await standin.whenIdle();
    expect(standin.functionCalls.byFunction.GAP).toEqual({ ...before, pushes: before!.pushes + 1 });
    const after = shown(standin.workbook.cell("Sheet1", "A5"));
    expect(after).toEqual(expectGap(edited));
    expect(typeof after).toBe("number");
  });

  it("workbook language setting decides the language of PLAN.STATUS labels (zh when unset)", async () => {
    const standin = useStandin();
    standin.workbook.setCellInput("Sheet1", "A1", '=PLAN.STATUS(100,150,150,2020,2025,2025,"up",FALSE)');
    const zh = standin.workbook.cell("Sheet1", "A1").value;
    await Excel.run(async (context) => {
      context.workbook.settings.add("PlanTracker.language", "en");
      context.workbook.worksheets.getActiveWorksheet().getRange("A2").formulas = [
        ['=PLAN.STATUS(100,150,150,2020,2025,2025,"up",FALSE)'],
      ];
      await context.sync();
    });
    const en = standin.workbook.cell("Sheet1", "A2").value;
    expect(zh).toEqual(planFunction("STATUS").evaluate([100, 150, 150, 2020, 2025, 2025, "up", false], { lang: "zh" }));
    expect(en).toEqual(planFunction("STATUS").evaluate([100, 150, 150, 2020, 2025, 2025, "up", false], { lang: "en" }));
    expect(en).not.toEqual(zh);
  });
});
