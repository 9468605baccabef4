/**
 * Data validation. Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-data-validation
 *                        https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidation
 */
import { describe, expect, it } from "vitest";
import { useStandin } from "./setup";

describe("data validation", () => {
  it("rules, alerts and prompts read back; valid reflects the cells; the grid's checkInput follows the alert style", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const counts = sheet.getRange("B2:B4");
      counts.dataValidation.rule = {
        wholeNumber: { formula1: 0, operator: Excel.DataValidationOperator.greaterThanOrEqualTo },
      };
      counts.dataValidation.errorAlert = {
        message: "请输入非负整数",
        showAlert: true,
        style: Excel.DataValidationAlertStyle.warning,
        title: "数量",
      };
      counts.dataValidation.prompt = { message: "整数", showPrompt: true, title: "输入" };
      const pct = sheet.getRange("C2:C4");
      pct.dataValidation.rule = {
        decimal: { formula1: 0, formula2: 100, operator: Excel.DataValidationOperator.between },
      };
      counts.values = [[3], [-1], [""]];
      const dv = counts.dataValidation.load("type,rule,errorAlert,valid");
      const mixed = sheet.getRange("B2:C2").dataValidation.load("type");
      await context.sync();
      expect(dv.type).toBe("WholeNumber");
      expect(dv.rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
      expect(dv.errorAlert).toMatchObject({ style: "Warning", message: "请输入非负整数" });
      expect(dv.valid).toBe(false); // -1; the blank is ignored (ignoreBlanks)
      expect(mixed.type).toBe("Inconsistent");
    });
    const wb = standin.workbook;
    expect(wb.checkInput("Sheet1", "B3", "5")).toEqual({ ok: true });
    expect(wb.checkInput("Sheet1", "B3", "1.5")).toEqual({
      ok: false,
      style: "Warning",
      title: "数量",
      message: "请输入非负整数",
    });
    expect(wb.checkInput("Sheet1", "C3", "150")).toMatchObject({ ok: false, style: "Stop" });
    expect(wb.cell("Sheet1", "B3").validation).toEqual({ prompt: { title: "输入", message: "整数" }, valid: false });
  });

  it("clear() removes validation from its range only", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:A4").dataValidation.rule = { list: { inCellDropDown: true, source: "是,否" } };
      await context.sync();
      sheet.getRange("A1:A2").dataValidation.clear();
      const cleared = sheet.getRange("A1:A2").dataValidation.load("type");
      const kept = sheet.getRange("A3:A4").dataValidation.load("type");
      await context.sync();
      expect([cleared.type, kept.type]).toEqual(["None", "List"]);
    });
    expect(standin.workbook.checkInput("Sheet1", "A3", "也许")).toMatchObject({ ok: false });
    expect(standin.workbook.checkInput("Sheet1", "A1", "也许")).toEqual({ ok: true });
  });
});
