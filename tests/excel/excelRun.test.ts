/**
 * How every operation talks to Excel: one undo step where ExcelApi 1.20 allows it, waiting for
 * the user to leave cell-edit mode, and failures the pane can explain.
 */
import { describe, expect, it } from "vitest";
import { canGroupUndo, HostOperationError, toHostError } from "../../src/excel/excelRun";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import { seedPlan, useHost } from "./helpers";

describe("with ExcelApi 1.20", () => {
  const host = useHost();

  it("groups a write operation into one undo step and waits out cell-edit mode", async () => {
    expect(canGroupUndo()).toBe(true);
    const sheetsBefore = host.standin.workbook.sheets().map((s) => s.name);
    const syncsBefore = host.standin.syncCount;
    host.standin.workbook.setCellEditMode(true);
    let settled: "pending" | "done" | "failed" = "pending";
    const pending = insertTemplate(seedPlan, "zh").then(
      (r) => ((settled = "done"), r),
      (e: unknown) => {
        settled = "failed";
        throw e;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // While staff type in a cell the operation waits: not finished, not failed, nothing sent, nothing written.
    expect(settled).toBe("pending");
    expect(host.standin.syncCount).toBe(syncsBefore);
    expect(host.standin.workbook.sheets().map((s) => s.name)).toEqual(sheetsBefore);
    host.standin.workbook.setCellEditMode(false);
    const result = await pending;
    expect(settled).toBe("done");
    expect(result.created).toBe(true);
    expect(host.standin.lastRun).toMatchObject({ mergeUndoGroup: true, delayForCellEdit: true, errorCode: null });
  });

  it("reports a template that is gone as templateNotFound", async () => {
    await expect(readTemplate("NoSuchTable")).rejects.toMatchObject({ code: "templateNotFound" });
  });
});

describe("without ExcelApi 1.20", () => {
  const host = useHost({ excelApiVersion: "1.19" });

  it("runs ungrouped (the pane then states beforehand what the operation changes)", async () => {
    expect(canGroupUndo()).toBe(false);
    await insertTemplate(seedPlan, "zh");
    expect(host.standin.lastRun).toMatchObject({ mergeUndoGroup: false, delayForCellEdit: true });
  });
});

describe("toHostError", () => {
  it("maps Office's error codes to what the pane can say", () => {
    const codes = [
      "InvalidOperationInCellEditMode",
      "ItemNotFound",
      "RequestPayloadSizeLimitExceeded",
      "UndoNotSupported",
      "Whatever",
    ].map((code) => toHostError(Object.assign(new Error("x"), { code })).code);
    expect(codes).toEqual(["cellEditMode", "templateNotFound", "payloadTooLarge", "undoNotSupported", "unknown"]);
    const own = new HostOperationError("stateInvalid");
    expect(toHostError(own)).toBe(own);
  });
});
