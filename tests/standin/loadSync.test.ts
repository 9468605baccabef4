/**
 * Proxy objects, load/sync, null objects, errors at sync and round-trip counting.
 * Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/develop/application-specific-api-model
 *       https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling
 */
import { describe, expect, it } from "vitest";
import { runError, useStandin } from "./setup";

describe("load and sync (application-specific-api-model: 'call load … then sync before reading')", () => {
  it("reading a property before load + sync throws PropertyNotLoaded, after sync gives the value", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      range.values = [[42]];
      const other = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      other.load("values");
      expect(() => other.values).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }) as never);
      expect(() => other.address).toThrowError(/The property 'address' is not available/);
      await context.sync();
      expect(other.values).toEqual([[42]]);
      // Loaded only what was asked for.
      expect(() => other.address).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }) as never);
    });
  });

  it("a property set on a proxy is readable at once (office.js keeps the value it sends)", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("B2");
      range.values = [["x"]];
      expect(range.values).toEqual([["x"]]);
      await context.sync();
    });
  });

  it("load accepts 'a, b', ['a'], { select } and object notation; load() loads every scalar; toJSON shows what is loaded", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const a = sheet.getRange("A1:B2").load("address, rowCount");
      const b = sheet.getRange("A1:B2").load(["columnCount"]);
      const c = sheet.getRange("C3").load({ select: "address", expand: "format/fill" } as never);
      const d = sheet.getRange("C3").load({ format: { font: { bold: true } } } as never);
      const e = sheet.getRange("D4").load();
      await context.sync();
      expect([a.address, a.rowCount, b.columnCount, c.address]).toEqual(["Sheet1!A1:B2", 2, 2, "Sheet1!C3"]);
      expect(c.format.fill.color).toBe("#FFFFFF");
      expect(d.format.font.bold).toBe(false);
      expect(e.toJSON()).toMatchObject({ address: "Sheet1!D4", values: [[""]], numberFormat: [["General"]] });
      expect(a.toJSON()).toEqual({ address: "Sheet1!A1:B2", rowCount: 2 });
    });
  });

  it("collections expose items only after load", async () => {
    useStandin();
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Two");
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }) as never);
      sheets.load("items/name");
      const count = sheets.getCount();
      expect(() => count.value).toThrowError(expect.objectContaining({ code: "ValueNotLoaded" }) as never);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Two"]);
      expect(count.value).toBe(2);
    });
  });

  it("*OrNullObject: isNullObject is known after sync, without load; commands on a null object are ignored", async () => {
    // https://learn.microsoft.com/en-us/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
    useStandin();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrowError(expect.objectContaining({ code: "PropertyNotLoaded" }) as never);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.getRange("A1").values = [[1]];
      await context.sync(); // no error
    });
  });

  it("getItem of a missing item fails at sync with ItemNotFound and debugInfo.errorLocation", async () => {
    useStandin();
    const error = await runError(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Nope");
      sheet.load("name");
      await context.sync();
    });
    expect(error.code).toBe("ItemNotFound");
    expect(error.debugInfo.errorLocation).toBeTruthy();
  });

  it("commands before a failing one stay applied; the ones after it are dropped (no rollback)", async () => {
    const standin = useStandin();
    await runError(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1").values = [["before"]];
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      sheet.getRange("A2").values = [["after"]];
      await context.sync();
    });
    expect(standin.workbook.cell("Sheet1", "A1").value).toBe("before");
    expect(standin.workbook.cell("Sheet1", "A2").value).toBe("");
  });

  it("Excel.run rejects a batch that does not return a promise (RunMustReturnPromise)", async () => {
    useStandin();
    await expect(Excel.run((() => undefined) as never)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });
});

describe("round trips (performance.md: 'minimize the number of sync calls')", () => {
  it("counts syncs that carry commands, including the implicit one at the end of Excel.run", async () => {
    const standin = useStandin();
    const before = standin.syncCount;
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      range.values = [
        [1, 2],
        [3, 4],
      ];
      range.load("values");
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      range.format.font.bold = true; // sent by Excel.run's final sync
    });
    expect(standin.syncCount - before).toBe(2);
    expect(standin.lastRun).toMatchObject({ syncs: 2, syncCalls: 3, cellsWritten: 4 });
    expect(standin.lastRun!.requestBytes).toBeGreaterThan(
      JSON.stringify([
        [1, 2],
        [3, 4],
      ]).length,
    );
  });

  it("records run options and sums several runs with stats.mark()/since()", async () => {
    const standin = useStandin();
    const mark = standin.stats.mark();
    await Excel.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(standin.lastRun!.mergeUndoGroup).toBe(true);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A2").values = [[2]];
      await context.sync();
    });
    expect(standin.stats.since(mark).syncs).toBe(2);
  });

  it("a batch started in cell-edit mode fails with InvalidOperationInCellEditMode unless delayForCellEdit", async () => {
    // https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit
    const standin = useStandin();
    standin.workbook.setCellEditMode(true);
    const write = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[1]];
      await context.sync();
    };
    await expect(Excel.run(write)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const delayed = Excel.run({ delayForCellEdit: true }, write);
    standin.workbook.setCellEditMode(false);
    await delayed;
    expect(standin.workbook.cell("Sheet1", "A1").value).toBe(1);
  });
});
