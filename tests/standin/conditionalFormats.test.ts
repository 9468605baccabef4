/**
 * Conditional formats with custom formulas.
 * Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-conditional-formatting
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatcollection (add: top priority; getItemOrNullObject(id))
 * Relative references are relative to the rule range's top-left cell: https://github.com/OfficeDev/office-js/issues/5194
 * A rule read back: https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformat (type,
 * getRangeOrNullObject, customOrNullObject: the custom properties of a custom rule, a null object otherwise).
 */
import { describe, expect, it } from "vitest";
import { useStandin } from "./setup";

async function setUp() {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.getRange("A1:B3").values = [
      ["滞后", 1],
      ["正常", 2],
      ["滞后", 3],
    ];
    sheet.getRange("A2").format.fill.color = "#DDEEFF"; // the user's own fill
    const range = sheet.getRange("A1:B3");
    const red = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    red.custom.rule.formula = '=$A1="滞后"';
    red.custom.format.fill.color = "#FFC7CE";
    red.custom.format.font.color = "#9C0006";
    const big = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    big.custom.rule.formula = "=$B1>=2";
    big.custom.format.fill.color = "#C6EFCE";
    red.load("id,priority");
    big.load("id,priority");
    await context.sync();
    return { red: { id: red.id, priority: red.priority }, big: { id: big.id, priority: big.priority } };
  });
}

describe("custom conditional formats", () => {
  it("apply per cell with relative references shifted from the top-left cell, $ anchors kept; the newest rule has priority 0", async () => {
    const standin = useStandin();
    const ids = await setUp();
    expect(ids.big.priority).toBe(0);
    expect(ids.red.priority).toBe(1);
    const wb = standin.workbook;
    expect(wb.cell("Sheet1", "A1")).toMatchObject({
      fill: "#FFC7CE",
      fontColor: "#9C0006",
      conditionalFormatIds: [ids.red.id],
    });
    expect(wb.cell("Sheet1", "B1").fill).toBe("#FFC7CE"); // $A anchors the column
    expect(wb.cell("Sheet1", "A2")).toMatchObject({ fill: "#C6EFCE", ownFill: "#DDEEFF" });
    // Row 3: both rules true; the higher priority (big) gives the fill, red still gives the font colour.
    expect(wb.cell("Sheet1", "A3")).toMatchObject({ fill: "#C6EFCE", fontColor: "#9C0006" });
  });

  it("follow edits", async () => {
    const standin = useStandin();
    await setUp();
    standin.workbook.setCellInput("Sheet1", "A2", "滞后");
    standin.workbook.setCellInput("Sheet1", "B2", "0");
    expect(standin.workbook.cell("Sheet1", "A2").fill).toBe("#FFC7CE");
    standin.workbook.setCellInput("Sheet1", "A1", "正常");
    expect(standin.workbook.cell("Sheet1", "A1").fill).toBeNull();
  });

  it("delete by id removes only that rule; the user's fill and the other rule stay", async () => {
    const standin = useStandin();
    const ids = await setUp();
    await Excel.run(async (context) => {
      const formats = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B3").conditionalFormats;
      formats.getItemOrNullObject(ids.red.id).delete();
      await context.sync();
      const gone = formats.getItemOrNullObject(ids.red.id);
      formats.load("items/id");
      await context.sync();
      expect(gone.isNullObject).toBe(true);
      expect(formats.items.map((f) => f.id)).toEqual([ids.big.id]);
      const rule = formats.getItem(ids.big.id).custom.rule.load("formula");
      await context.sync();
      expect(rule.formula).toBe("=$B1>=2");
    });
    expect(standin.workbook.cell("Sheet1", "A1").fill).toBeNull();
    expect(standin.workbook.cell("Sheet1", "A2")).toMatchObject({ fill: "#C6EFCE", ownFill: "#DDEEFF" });
  });

  it("an invalid rule formula fails at sync with InvalidArgument", async () => {
    useStandin();
    await expect(
      Excel.run(async (context) => {
        const cf = context.workbook.worksheets
          .getActiveWorksheet()
          .getRange("A1:A3")
          .conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = "=$A1=";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("a rule reads back as written: type, range, formula and format; a missing id gives null objects all the way down", async () => {
    useStandin();
    const ids = await setUp();
    await Excel.run(async (context) => {
      const formats = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B3").conditionalFormats;
      const read = (id: string) => {
        const cf = formats.getItemOrNullObject(id);
        const custom = cf.customOrNullObject;
        custom.rule.load("formula");
        custom.format.fill.load("color");
        custom.format.font.load("color,bold");
        const range = cf.getRangeOrNullObject().load("address");
        cf.load("id,type");
        return { cf, custom, range };
      };
      const red = read(ids.red.id);
      const gone = read("{00000000-0000-0000-0000-000000000000}");
      await context.sync();
      expect(red.cf.type).toBe("Custom");
      expect(red.custom.isNullObject).toBe(false);
      expect(red.range.address).toBe("Sheet1!A1:B3");
      expect(red.custom.rule.formula).toBe('=$A1="滞后"');
      expect(red.custom.format.fill.color).toBe("#FFC7CE");
      expect(red.custom.format.font.color).toBe("#9C0006");
      expect(gone.cf.isNullObject).toBe(true);
      expect(gone.custom.isNullObject).toBe(true);
      expect(gone.range.isNullObject).toBe(true);
    });
  });
});
