/**
 * Tables. Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-tables
 * Overlap error (InvalidArgument, "A table can't overlap another table."): https://github.com/OfficeDev/office-js/issues/1199
 */
import { describe, expect, it } from "vitest";
import { runError, useStandin } from "./setup";

describe("tables", () => {
  it("add over written values; header, body and whole ranges; header cells become unique text", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("B3:E5").values = [
        ["指标", 2021, "指标", ""],
        ["a", 1, 2, 3],
        ["b", 4, 5, 6],
      ];
      const table = sheet.tables.add("B3:E5", true);
      table.name = "PlanTable";
      table.style = "TableStyleLight9";
      const header = table.getHeaderRowRange().load("address,values");
      const body = table.getDataBodyRange().load("address,rowCount");
      const whole = table.getRange().load("address");
      const columns = table.columns.load("items/name");
      await context.sync();
      expect([header.address, body.address, whole.address, body.rowCount]).toEqual([
        "Sheet1!B3:E3",
        "Sheet1!B4:E5",
        "Sheet1!B3:E5",
        2,
      ]);
      expect(header.values).toEqual([["指标", "2021", "指标2", "Column4"]]);
      expect(columns.items.map((c) => c.name)).toEqual(["指标", "2021", "指标2", "Column4"]);
      const found = context.workbook.tables.getItemOrNullObject("plantable").load("name,style,showBandedRows");
      const missing = context.workbook.tables.getItemOrNullObject("Nope");
      await context.sync();
      expect([found.isNullObject, found.name, found.style, found.showBandedRows, missing.isNullObject]).toEqual([
        false,
        "PlanTable",
        "TableStyleLight9",
        true,
        true,
      ]);
    });
    expect(standin.workbook.tables("Sheet1")).toEqual([
      expect.objectContaining({ name: "PlanTable", address: "B3:E5" }),
    ]);
  });

  it("a table overlapping another fails with InvalidArgument", async () => {
    useStandin();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add("A1:C3", true);
      await context.sync();
    });
    const error = await runError(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add("C3:D6", true);
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
    expect(error.message).toBe("A table can't overlap another table.");
  });

  it("rows.add appends below the table; a column is found by name; resize keeps the header row", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B2").values = [
        ["name", "value"],
        ["x", 1],
      ];
      const table = sheet.tables.add("A1:B2", true);
      table.rows.add(undefined, [
        ["y", 2],
        ["z", 3],
      ]);
      const values = table.columns.getItem("value").getDataBodyRange().load("values");
      await context.sync();
      expect(values.values).toEqual([[1], [2], [3]]);
      sheet.getRange("C1").values = [["note"]];
      table.resize("A1:C4");
      const header = table.getHeaderRowRange().load("values");
      await context.sync();
      expect(header.values).toEqual([["name", "value", "note"]]);
    });
  });
});
