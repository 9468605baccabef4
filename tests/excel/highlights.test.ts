/**
 * Highlights are conditional-format rules on the table's data rows that read the status column:
 * they follow edits live, cost ≤ 2 syncs to turn on or off, and turning them off removes only the
 * add-in's rules (the user's own rule and data validation survive).
 */
import { describe, expect, it } from "vitest";
import { applyHighlights, HIGHLIGHT_COLOURS, highlightsOn, removeHighlights } from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import { cellOf, measure, seedPlan, syntheticPlan, useHost } from "./helpers";

/** A template cell by column key (from the layout) and sheet row. */
const at = (key: Parameters<typeof cellOf>[1], row: number) => cellOf(seedPlan, key, row);

const SHEET = "规划指标";

describe("highlights", () => {
  const host = useHost();

  it("marks a lagging row red, and follows the figures as they are fixed (amber, then green)", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 12), "118"); // 高新技术企业数 116 → 150: 118 in 2021 is behind
    const { result: ids, syncs } = await measure(host.standin, async () =>
      applyHighlights(await readTemplate(tableName)),
    );
    expect(syncs).toBeLessThanOrEqual(3); // 1 read + ≤ 2 for the highlight itself
    expect(ids).toHaveLength(3);
    expect(wb.cell(SHEET, at("status", 12)).text).toBe("滞后");
    expect(wb.cell(SHEET, at("name", 12)).fill).toBe(HIGHLIGHT_COLOURS.red.fill);
    expect(wb.cell(SHEET, at("y2021", 12)).fill).toBe(HIGHLIGHT_COLOURS.red.fill);
    expect(wb.cell(SHEET, at("name", 13)).fill).not.toBe(HIGHLIGHT_COLOURS.red.fill); // rows without data stay as they were

    wb.setCellInput(SHEET, at("y2021", 12), "121"); // progress 5/34 ≈ 15 % < time 20 %, within the tolerance: on track, behind the line
    expect(wb.cell(SHEET, at("status", 12)).text).toBe("基本符合预期");
    expect(wb.cell(SHEET, at("name", 12)).fill).toBe(HIGHLIGHT_COLOURS.amber.fill);

    wb.setCellInput(SHEET, at("y2021", 12), "150");
    expect(wb.cell(SHEET, at("status", 12)).text).toBe("提前实现");
    expect(wb.cell(SHEET, at("name", 12)).fill).toBe(HIGHLIGHT_COLOURS.green.fill);
  });

  it("costs ≤ 2 syncs to turn on and to turn off, at 11 and at 1,000 indicators", async () => {
    for (const plan of [seedPlan, syntheticPlan(1000)]) {
      const { tableName } = await insertTemplate(plan, "zh");
      const on = await measure(host.standin, async () => {
        const snapshot = await readTemplate(tableName);
        const before = host.standin.syncCount;
        await applyHighlights(snapshot);
        return host.standin.syncCount - before;
      });
      expect(on.result).toBeLessThanOrEqual(2);
      const snapshot = await readTemplate(tableName);
      expect(highlightsOn(snapshot)).toBe(true);
      const off = await measure(host.standin, () => removeHighlights(snapshot));
      expect(off.syncs).toBeLessThanOrEqual(2);
      expect(off.result).toBe(3);
      expect(highlightsOn(await readTemplate(tableName))).toBe(false);
    }
  }, 120_000);

  it("removes only the add-in's rules: the user's own rule, fill and data validation survive", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    // The user's own formatting on the same rows.
    const userRuleId = await Excel.run(async (context) => {
      const note = at("manualNote", 6).replace(/\d+$/, "");
      const range = context.workbook.worksheets.getItem(SHEET).getRange(`${note}6:${note}16`);
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=$${note}6<>""`;
      cf.custom.format.fill.color = "#123456";
      cf.load("id");
      const mine = context.workbook.worksheets.getItem(SHEET).getRange("AP6:AP16");
      mine.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
      context.workbook.worksheets.getItem(SHEET).getRange(at("category", 6)).format.fill.color = "#ABCDEF";
      await context.sync();
      return cf.id;
    });
    await applyHighlights(await readTemplate(tableName));
    await applyHighlights(await readTemplate(tableName)); // again: replaces its own rules, does not pile them up
    const removed = await removeHighlights(await readTemplate(tableName));
    expect(removed).toBe(3);
    wb.setCellInput(SHEET, at("manualNote", 6), "note");
    expect(wb.cell(SHEET, at("manualNote", 6)).conditionalFormatIds).toEqual([userRuleId]);
    expect(wb.cell(SHEET, at("manualNote", 6)).fill).toBe("#123456");
    expect(wb.cell(SHEET, at("category", 6)).fill).toBe("#ABCDEF");
    expect(wb.checkInput(SHEET, "AP6", "-1")).toMatchObject({ ok: false });
    expect(wb.cell(SHEET, at("y2021", 7)).validation?.prompt).not.toBeNull(); // the template's own input validation stays too
    await Excel.run(async (context) => {
      const cf = context.workbook.worksheets
        .getItem(SHEET)
        .getRange(`A6:${at("status", 16)}`)
        .conditionalFormats.getItemOrNullObject(userRuleId);
      cf.load("id");
      await context.sync();
      expect(cf.isNullObject).toBe(false);
    });
  });
});

describe("highlights for rows with a cell to fix", () => {
  const host = useHost();
  it("marks a row 待修正 red, and a stale row not at all", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    await applyHighlights(await readTemplate(tableName));
    wb.setCellInput(SHEET, at("y2021", 12), "约118");
    expect(wb.cell(SHEET, at("status", 12)).text).toBe("待修正（2021年：约118）");
    expect(wb.cell(SHEET, at("name", 12)).fill).toBe(HIGHLIGHT_COLOURS.red.fill);
    wb.setCellInput(SHEET, at("y2021", 12), "118");
    wb.setCellInput(SHEET, at("y2022", 7), "1.3");
    await host.standin.whenIdle(); // the 2022 figure moves the year: C3 pushes it (a streaming result)
    expect(wb.cell(SHEET, at("status", 12)).text).toBe("数据滞后（2021年）");
    expect(wb.cell(SHEET, at("name", 12)).fill).not.toBe(HIGHLIGHT_COLOURS.red.fill);
  });
});
