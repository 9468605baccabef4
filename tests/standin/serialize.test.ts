/** serialize() / deserialize(): the preview keeps the whole workbook across reloads. */
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";
import { useStandin } from "./setup";

describe("serialization", () => {
  it("round-trips sheets, cells, formats, tables, validation, conditional formats, names, settings and XML parts", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("计划 2025");
      sheet.getRange("A1:C3").values = [
        ["k", "v", "g"],
        ["a", 1.2, "=PLAN.GROWTH(B2,1.47,5)"],
        ["b", 2, "=B3*2"],
      ];
      sheet.getRange("C2").numberFormat = [["0.00%"]];
      sheet.getRange("A1:C1").format.fill.color = "#4472C4";
      sheet.getRange("A:A").format.columnWidth = 90;
      sheet.freezePanes.freezeRows(1);
      sheet.tables.add("A1:C3", true).name = "T";
      sheet.getRange("B2:B3").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThan" } };
      const cf = sheet.getRange("A2:C3").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=$B2>1";
      cf.custom.format.fill.color = "#FFC7CE";
      context.workbook.names.add("Base", sheet.getRange("B2"));
      sheet.getRange("E1").formulas = [["=Base*10"]];
      context.workbook.settings.add("k", [1, "two"]);
      context.workbook.customXmlParts.add('<p xmlns="urn:x">1</p>');
      sheet.activate();
      await context.sync();
    });
    const saved = JSON.parse(JSON.stringify(standin.serialize()));
    const copy = createStandin({ state: saved });
    const sheet = "计划 2025";
    for (const address of ["A1", "B2", "C2", "C3", "E1", "A3"]) {
      expect(copy.workbook.cell(sheet, address)).toEqual(standin.workbook.cell(sheet, address));
    }
    expect(copy.workbook.cell(sheet, "C2").text).toBe("4.14%");
    expect(copy.workbook.cell(sheet, "E1").value).toBe(12);
    expect(copy.workbook.tables(sheet)).toEqual(standin.workbook.tables(sheet));
    expect(copy.workbook.columnWidth(sheet, 0)).toBe(90);
    expect(copy.workbook.activeSheet().name).toBe(sheet);
    expect(copy.serialize()).toEqual(saved);
    copy.reset();
    expect(copy.workbook.sheets().map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
