/**
 * Ranges: values, formulas, number formats, text, navigation, formats, selection.
 * Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.range
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)
 */
import { describe, expect, it } from "vitest";
import { runError, useStandin } from "./setup";

describe("values and formulas", () => {
  it("a 2-D array whose shape does not match the range fails with InvalidArgument", async () => {
    useStandin();
    const error = await runError(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").values = [[1, 2, 3]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toMatch(/doesn't match the size/);
  });

  it("a single value is applied to every cell; null in an array leaves the cell unchanged", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      range.values = 5 as never;
      await context.sync();
      range.values = [
        [null, 1],
        [2, null],
      ];
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([
        [5, 1],
        [2, 5],
      ]);
    });
    expect(standin.workbook.cell("Sheet1", "B2").value).toBe(5);
  });

  it("values of formula cells are the computed results; formulas returns the formulas and constants", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:C1");
      range.formulas = [[2, "=A1*10", "=B1/0"]];
      range.load("values,formulas,valueTypes,text");
      await context.sync();
      expect(range.values).toEqual([[2, 20, "#DIV/0!"]]);
      expect(range.formulas).toEqual([[2, "=A1*10", "=B1/0"]]);
      expect(range.valueTypes).toEqual([["Double", "Double", "Error"]]);
      expect(range.text).toEqual([["2", "20", "#DIV/0!"]]);
    });
  });

  it("an invalid formula fails with InvalidArgument; strings that look like numbers become numbers unless the cell is text (@)", async () => {
    useStandin();
    const error = await runError(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").formulas = [["=1+"]];
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("B1").numberFormat = [["@"]];
      sheet.getRange("A1:B1").values = [["123", "123"]];
      const r = sheet.getRange("A1:B1").load("values,valueTypes");
      await context.sync();
      expect(r.values).toEqual([[123, "123"]]);
      expect(r.valueTypes).toEqual([["Double", "String"]]);
    });
  });

  it("text follows the number format", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:G1");
      range.values = [[1234.5, 1234.5, 0.0414, 0.0414, 1.47, 3, 2.5]];
      range.numberFormat = [["General", "#,##0", "0.0%", "0.00%", '0.00"%"', "@", "0.00"]];
      range.load("text,numberFormat");
      await context.sync();
      expect(range.text).toEqual([["1234.5", "1,235", "4.1%", "4.14%", "1.47%", "3", "2.50"]]);
      expect(range.numberFormat[0]![4]).toBe('0.00"%"');
    });
  });
});

describe("navigation", () => {
  it("address, indexes and derived ranges", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("My plan");
      const base = sheet.getRange("B2:D4");
      const cell = base.getCell(1, 2).load("address");
      const resized = base.getResizedRange(1, -1).load("address");
      const offset = base.getOffsetRange(2, 1).load("address,rowIndex,columnIndex");
      const row = base.getEntireRow().load("address,isEntireRow");
      const col = base.getEntireColumn().load("address");
      const meet = base.getIntersection("C3:F9").load("address");
      const none = base.getIntersectionOrNullObject("H8");
      await context.sync();
      expect([cell.address, resized.address, offset.address, row.address, col.address, meet.address]).toEqual([
        "'My plan'!D3",
        "'My plan'!B2:C5",
        "'My plan'!C4:E6",
        "'My plan'!2:4",
        "'My plan'!B:D",
        "'My plan'!C3:D4",
      ]);
      expect([offset.rowIndex, offset.columnIndex, row.isEntireRow, none.isNullObject]).toEqual([3, 2, true, true]);
    });
  });

  it("getUsedRange is A1 on a blank sheet, getUsedRangeOrNullObject is null; valuesOnly ignores formatted empty cells", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const blank = sheet.getUsedRange().load("address");
      const nothing = sheet.getUsedRangeOrNullObject();
      await context.sync();
      expect([blank.address, nothing.isNullObject]).toEqual(["Sheet1!A1", true]);
      sheet.getRange("B2:C3").values = [
        [1, 2],
        [3, 4],
      ];
      sheet.getRange("E6").format.fill.color = "yellow";
      const used = sheet.getUsedRange().load("address");
      const usedValues = sheet.getUsedRange(true).load("address");
      await context.sync();
      expect([used.address, usedValues.address]).toEqual(["Sheet1!B2:E6", "Sheet1!B2:C3"]);
    });
  });

  it("an offset off the grid fails with InvalidArgument", async () => {
    useStandin();
    const error = await runError(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").getOffsetRange(-1, 0).load("address");
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("formats and selection", () => {
  it("fill, font, wrap and column width; mixed cells read as null; clear() of the fill", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B1").format.fill.color = "#ffeeaa";
      sheet.getRange("A1").format.font.bold = true;
      sheet.getRange("A1").format.font.color = "red";
      sheet.getRange("A:A").format.columnWidth = 80;
      const a1 = sheet.getRange("A1").format.load("columnWidth");
      a1.fill.load("color");
      a1.font.load("bold,color");
      const both = sheet.getRange("A1:B1").format.font.load("bold");
      await context.sync();
      expect([a1.fill.color, a1.font.bold, a1.font.color, a1.columnWidth, both.bold]).toEqual([
        "#FFEEAA",
        true,
        "#FF0000",
        80,
        null,
      ]);
      sheet.getRange("A1").format.fill.clear();
      await context.sync();
    });
    expect(standin.workbook.cell("Sheet1", "A1").fill).toBeNull();
    expect(standin.workbook.cell("Sheet1", "B1").fill).toBe("#FFEEAA");
    expect(standin.workbook.columnWidth("Sheet1", 0)).toBe(80);
  });

  it("autofitColumns widens a column to its text", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      range.values = [
        ["研究与试验发展经费投入强度", "x"],
        ["a", "y"],
      ];
      range.format.autofitColumns();
      await context.sync();
    });
    expect(standin.workbook.columnWidth("Sheet1", 0)).toBeGreaterThan(100);
    expect(standin.workbook.columnWidth("Sheet1", 1)).toBeLessThan(48);
  });

  it("select() moves the selection (and activates the sheet); getSelectedRange reads it back", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const other = context.workbook.worksheets.add("Other");
      other.getRange("C5").select();
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(selected.address).toBe("Other!C5");
    });
    expect(standin.workbook.selection()).toMatchObject({ sheetName: "Other", address: "C5" });
  });
});
