/**
 * Excel's limits on a formula, which HyperFormula alone does not enforce ("Excel specifications and limits",
 * https://support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3): "Length of formula contents:
 * 8,192 characters" and "Nested levels of functions: 64". A formula past either is refused like any
 * formula Excel cannot take: InvalidArgument at sync for an add-in's write, an error for a typed entry.
 */
import { describe, expect, it } from "vitest";
import { functionNesting } from "../../dev/standin/formulaEngine";
import { runError, useStandin } from "./setup";

/** =ABS(ABS(…ABS(1)…)) with `levels` nested functions. */
const nested = (levels: number) => `=${"ABS(".repeat(levels)}1${")".repeat(levels)}`;
/** ="xx…x", exactly `length` characters. */
const long = (length: number) => `="${"x".repeat(length - 3)}"`;

describe("formula limits", () => {
  it("counts nested functions, not bare brackets or brackets inside text", () => {
    expect(functionNesting(nested(3))).toBe(3);
    expect(functionNesting("=((((1))))+IF(A1,(2),3)")).toBe(1);
    expect(functionNesting('=IF(A1,"((((",MAX(1,2))')).toBe(2);
  });

  it("takes 64 nested functions and 8,192 characters", async () => {
    useStandin();
    expect(long(8192)).toHaveLength(8192);
    await Excel.run(async (context) => {
      const cells = context.workbook.worksheets.getActiveWorksheet().getRange("A1:A2");
      cells.formulas = [[nested(64)], [long(8192)]];
      cells.load("values");
      await context.sync();
      expect(cells.values).toEqual([[1], ["x".repeat(8189)]]);
    });
  });

  it("refuses 65 nested functions and 8,193 characters with InvalidArgument, at sync", async () => {
    const standin = useStandin();
    for (const formula of [nested(65), long(8193)]) {
      const error = await runError(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").formulas = [[formula]];
        await context.sync();
      });
      expect(error.code).toBe("InvalidArgument");
    }
    expect(() => standin.workbook.setCellInput("Sheet1", "B1", nested(65))).toThrow();
    expect(standin.workbook.cell("Sheet1", "A1").value).toBe("");
  });
});
