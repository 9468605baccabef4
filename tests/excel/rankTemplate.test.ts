/**
 * A rank in the template (issue #13 item 8): its 每年需提高 cell shows the places to gain each year (0.67 for 5th
 * → top 3 in three years), not a negative step to "raise", and its 年均需增长 cell says no growth figure.
 */
import { describe, expect, it } from "vitest";
import { templateColumns, type ColumnKey } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { seedPlan, useHost } from "./helpers";

const SHEET = "规划指标";
const columns = templateColumns(seedPlan);
const at = (key: ColumnKey, row: number) => `${columnLetters(columns.findIndex((c) => c.key === key))}${row}`;

describe("a rank row of the template", () => {
  const host = useHost();

  it("shows the places to gain per year without a minus sign, and no growth", async () => {
    await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    const row = [6, 7, 8, 9, 10].find((r) => wb.cell(SHEET, at("name", r)).text === "综合科技进步水平")!;
    expect(row).toBeDefined();
    wb.setCellInput(SHEET, at("y2022", row), "5");
    wb.setCellInput(SHEET, "B3", "2022");
    await host.standin.whenIdle();
    const step = wb.cell(SHEET, at("step", row));
    expect(step.value).toBeCloseTo(-2 / 3, 10); // the value stays the signed step PLAN.STEP computes
    expect(step.text).toBe("0.67");
    expect(wb.cell(SHEET, at("growth", row)).text).not.toMatch(/\d/);
  });
});
