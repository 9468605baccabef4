/**
 * worksheet.onSelectionChanged (ExcelApi 1.7). Docs:
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-onselectionchanged-member
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetselectionchangedeventargs
 *   ("address: Gets the range address that represents the selected area of a specific worksheet";
 *    "type: WorksheetSelectionChanged"; "worksheetId: Gets the ID of the worksheet in which the selection changed")
 *   https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-events (handlers are added
 *   with add() and take effect at sync; remove() on the handler result unregisters at the next sync)
 */
import { describe, expect, it } from "vitest";
import { useStandin } from "./setup";

describe("worksheet.onSelectionChanged", () => {
  it("fires after the selection on that sheet moves (grid click or range.select()), on a later task, with the area's address", async () => {
    const standin = useStandin();
    const seen: Array<Record<string, unknown>> = [];
    const { registration, sheetId } = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("id");
      const registration = sheet.onSelectionChanged.add(async (args) => {
        seen.push({ address: args.address, type: args.type, worksheetId: args.worksheetId });
      });
      await context.sync();
      sheet.getRange("C4").select();
      await context.sync();
      expect(seen).toEqual([]); // raised after the change, on a later task
      return { registration, sheetId: sheet.id };
    });
    await standin.whenIdle();
    expect(seen).toEqual([{ address: "C4", type: "WorksheetSelectionChanged", worksheetId: sheetId }]);

    standin.workbook.select("Sheet1", "B2:D5");
    await standin.whenIdle();
    expect(seen[1]).toEqual({ address: "B2:D5", type: "WorksheetSelectionChanged", worksheetId: sheetId });

    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
    standin.workbook.select("Sheet1", "A1");
    await standin.whenIdle();
    expect(seen).toHaveLength(2);
  });

  it("belongs to its sheet: a selection on another sheet does not raise it", async () => {
    const standin = useStandin();
    const seen: string[] = [];
    await Excel.run(async (context) => {
      const first = context.workbook.worksheets.getActiveWorksheet();
      context.workbook.worksheets.add("Other");
      first.onSelectionChanged.add(async (args) => {
        seen.push(args.address);
      });
      await context.sync();
    });
    standin.workbook.select("Other", "E5");
    standin.workbook.select("Sheet1", "F6");
    await standin.whenIdle();
    expect(seen).toEqual(["F6"]);
  });

  it("a handler added in the same batch as a selection sees only later selections (registered at sync)", async () => {
    const standin = useStandin();
    const seen: string[] = [];
    standin.workbook.select("Sheet1", "A2");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().onSelectionChanged.add(async (args) => {
        seen.push(args.address);
      });
      await context.sync();
    });
    await standin.whenIdle();
    expect(seen).toEqual([]);
    standin.workbook.select("Sheet1", "A3");
    await standin.whenIdle();
    expect(seen).toEqual(["A3"]);
  });
});
