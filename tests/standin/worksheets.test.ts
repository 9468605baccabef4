/**
 * Worksheets, freeze panes, page layout, names.
 * Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-worksheets
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-add-member(1)
 *       Sheet-name rules (31 characters, no : \ / ? * [ ]): https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 */
import { describe, expect, it } from "vitest";
import { runError, useStandin } from "./setup";

describe("worksheets", () => {
  it("add gives a new sheet that is not activated; getItem works by name (any case) and by id", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const added = context.workbook.worksheets.add("计划指标");
      added.load("id,name,position");
      await context.sync();
      const byId = context.workbook.worksheets.getItem(added.id).load("name");
      const byName = context.workbook.worksheets.getItem("计划指标").load("position");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([added.name, added.position, byId.name, byName.position, active.name]).toEqual([
        "计划指标",
        1,
        "计划指标",
        1,
        "Sheet1",
      ]);
      added.activate();
      const nowActive = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(nowActive.name).toBe("计划指标");
    });
    expect(standin.workbook.activeSheet().name).toBe("计划指标");
  });

  it.each([
    ["a name longer than 31 characters", "x".repeat(32), "InvalidArgument"],
    ["a forbidden character", "Plan/2025", "InvalidArgument"],
    ["a bracket", "Plan[1]", "InvalidArgument"],
    ["a blank name", "   ", "InvalidArgument"],
    ["an existing name in another case", "SHEET1", "ItemAlreadyExists"],
  ])("rejects %s at sync", async (_what, name, code) => {
    useStandin();
    const error = await runError(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
    expect(error.code).toBe(code);
  });

  it("accepts exactly 31 characters, and renaming follows the same rules", async () => {
    useStandin();
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("y".repeat(31));
      await context.sync();
    });
    const error = await runError(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").name = "a:b";
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });

  it("freezes header rows and keeps print setup", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.freezePanes.freezeRows(3);
      sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintTitleRows("$3:$3");
      const frozen = sheet.freezePanes.getLocationOrNullObject().load("address");
      const layout = sheet.pageLayout.load("orientation,zoom");
      await context.sync();
      expect(frozen.address).toBe("Sheet1!1:3");
      expect(layout.orientation).toBe("Landscape");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      sheet.freezePanes.unfreeze();
      const none = sheet.freezePanes.getLocationOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  it("defined names: add a range name, find it, use it in a formula; getItemOrNullObject of a missing one is null", async () => {
    // https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditemcollection
    useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1").values = [[7]];
      context.workbook.names.add("Rate", sheet.getRange("A1"));
      sheet.getRange("B1").formulas = [["=Rate*2"]];
      const named = context.workbook.names.getItemOrNullObject("rate").load("name,type,value");
      const missing = context.workbook.names.getItemOrNullObject("Nope");
      const b1 = sheet.getRange("B1").load("values");
      await context.sync();
      expect([named.name, named.type, named.value, b1.values[0]![0], missing.isNullObject]).toEqual([
        "Rate",
        "Range",
        "Sheet1!$A$1",
        14,
        true,
      ]);
    });
  });
});
