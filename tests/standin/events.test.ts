/**
 * onChanged events. Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-events
 *                         https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetchangedeventargs
 */
import { describe, expect, it } from "vitest";
import { useStandin } from "./setup";

describe("onChanged", () => {
  it("fires after an add-in write (ThisLocalAddin) and after a user edit in the grid (Unknown), with the changed address", async () => {
    const standin = useStandin();
    const seen: Array<Record<string, unknown>> = [];
    const registration = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const result = sheet.onChanged.add(async (args) => {
        seen.push({
          address: args.address,
          changeType: args.changeType,
          source: args.source,
          triggerSource: args.triggerSource,
          type: args.type,
        });
      });
      await context.sync();
      sheet.getRange("B2:C3").values = [
        [1, 2],
        [3, 4],
      ];
      await context.sync();
      expect(seen).toEqual([]); // raised after the write, on a later task
      return result;
    });
    await standin.whenIdle();
    expect(seen).toEqual([
      {
        address: "B2:C3",
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "ThisLocalAddin",
        type: "WorksheetChanged",
      },
    ]);
    standin.workbook.setCellInput("Sheet1", "D4", "7");
    await standin.whenIdle();
    expect(seen[1]).toMatchObject({ address: "D4", triggerSource: "Unknown" });
    // remove() takes effect at the next sync of the registration's context.
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
    standin.workbook.setCellInput("Sheet1", "D5", "8");
    await standin.whenIdle();
    expect(seen).toHaveLength(2);
  });

  it("table.onChanged reports the part of the table that changed, and args.getRange(ctx) reads it", async () => {
    const standin = useStandin();
    const seen: string[] = [];
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B3").values = [
        ["k", "v"],
        ["a", 1],
        ["b", 2],
      ];
      const table = sheet.tables.add("A1:B3", true);
      table.onChanged.add(async (args) => {
        await Excel.run(async (ctx) => {
          const range = args.getRange(ctx).load("values");
          await ctx.sync();
          seen.push(`${args.address}=${JSON.stringify(range.values)}`);
        });
      });
      await context.sync();
    });
    standin.workbook.setCellInput("Sheet1", "B2", "5");
    standin.workbook.setCellInput("Sheet1", "E9", "outside");
    await standin.whenIdle();
    expect(seen).toEqual(["B2=[[5]]"]);
  });
});
