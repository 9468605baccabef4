/**
 * Validation reads the table in one sync and reports the core's findings with their cells; safe
 * fixes are applied in two syncs and never touch a cell that changed after the preview.
 */
import { describe, expect, it } from "vitest";
import { applyFixes } from "../../src/excel/applyFixes";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import { planFromSnapshot } from "../../src/excel/sheetPlan";
import { buildFindings, fixesOf } from "../../src/taskpane/app/validationView";
import { cellOf, measure, seedPlan, syntheticPlan, useHost } from "./helpers";

/** A template cell by column key (from the layout) and sheet row. */
const cellAt = (key: Parameters<typeof cellOf>[1], row: number) => cellOf(seedPlan, key, row);

const SHEET = "规划指标";

describe("validate", () => {
  const host = useHost();

  async function typeBadFigures() {
    const inserted = await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, cellAt("y2021", 7), "１．３"); // full-width digits (text)
    wb.setCellInput(SHEET, cellAt("y2022", 7), "'1.35%"); // a percentage typed as text
    wb.setCellInput(SHEET, cellAt("y2021", 8), "0.036"); // 3.6 % typed as a fraction
    wb.setCellInput(SHEET, cellAt("y2021", 12), "-5"); // a negative count
    wb.setCellInput(SHEET, cellAt("y2021", 13), "abc"); // not a number
    wb.setCellInput(SHEET, cellAt("manualStatus", 14), "还行"); // not a status word
    return inserted;
  }

  it("reads the table in one sync and finds the seeded bad inputs with their cells", async () => {
    const { tableName } = await typeBadFigures();
    const { result: snapshot, syncs } = await measure(host.standin, () => readTemplate(tableName));
    expect(syncs).toBe(1);
    const findings = buildFindings(planFromSnapshot(snapshot), "zh");
    const at = (address: string) => findings.filter((f) => f.address === address);
    expect(at(cellAt("y2021", 13))[0]).toMatchObject({
      severity: "error",
      year: 2021,
      indicatorName: seedPlan.indicators[7]!.name.zh,
    });
    expect(at(cellAt("y2021", 13))[0]?.message).toContain("abc");
    expect(at(cellAt("y2021", 12))[0]).toMatchObject({ severity: "error" });
    expect(at(cellAt("y2021", 12))[0]?.message).toContain("-5");
    expect(at(cellAt("y2021", 7))[0]).toMatchObject({ severity: "warning", fix: { after: 1.3, before: "１．３" } });
    expect(at(cellAt("y2022", 7))[0]).toMatchObject({ severity: "warning", fix: { after: 1.35, before: "1.35%" } });
    expect(at(cellAt("y2021", 8))[0]).toMatchObject({ severity: "warning", fix: { after: 3.6, before: 0.036 } });
    expect(at(cellAt("manualStatus", 14))[0]?.message).toContain("还行");
    // Errors first.
    expect(findings[0]?.severity).toBe("error");
    expect(findings.every((f) => f.address !== null)).toBe(true);
  });

  it("says when a main row's 目标年 is not the plan's (its PLAN functions and the pane would read it differently); a goal's own year is not flagged", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const clean = buildFindings(planFromSnapshot(await readTemplate(tableName)), "zh");
    expect(clean.filter((f) => f.key.startsWith("targetYear|"))).toEqual([]);
    host.standin.workbook.setCellInput(SHEET, cellAt("targetYear", 8), "2023");
    const findings = buildFindings(planFromSnapshot(await readTemplate(tableName)), "zh");
    const flagged = findings.filter((f) => f.key.startsWith("targetYear|"));
    expect(flagged).toEqual([
      expect.objectContaining({
        severity: "warning",
        address: cellAt("targetYear", 8),
        indicatorName: seedPlan.indicators[2]!.name.zh,
      }),
    ]);
    expect(flagged[0]!.message).toContain("目标年为 2023，与规划目标年 2025 不同");
  });

  it("costs one sync at 1,000 indicators too", async () => {
    const { tableName } = await insertTemplate(syntheticPlan(1000), "zh");
    const { result, syncs } = await measure(host.standin, () => readTemplate(tableName));
    expect(syncs).toBe(1);
    expect(result.values).toHaveLength(1000);
  }, 60_000);

  it("applies the safe fixes on confirmation in ≤ 2 syncs, skipping cells changed after the preview", async () => {
    const { tableName } = await typeBadFigures();
    const findings = buildFindings(planFromSnapshot(await readTemplate(tableName)), "zh");
    const fixes = fixesOf(findings);
    expect(fixes.map((f) => f.address).sort()).toEqual(
      [cellAt("y2021", 7), cellAt("y2021", 8), cellAt("y2022", 7)].sort(),
    );
    host.standin.workbook.setCellInput(SHEET, cellAt("y2022", 7), "1.4"); // changed meanwhile
    const { result, syncs } = await measure(host.standin, () => applyFixes(tableName, fixes));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(result.applied.sort()).toEqual([cellAt("y2021", 7), cellAt("y2021", 8)].sort());
    expect(result.skipped).toEqual([cellAt("y2022", 7)]);
    const wb = host.standin.workbook;
    expect(wb.cell(SHEET, cellAt("y2021", 7)).value).toBe(1.3);
    expect(wb.cell(SHEET, cellAt("y2021", 8)).value).toBe(3.6);
    expect(wb.cell(SHEET, cellAt("y2021", 8)).text).toBe("3.60");
    expect(wb.cell(SHEET, cellAt("y2022", 7)).value).toBe(1.4);
    const after = buildFindings(planFromSnapshot(await readTemplate(tableName)), "zh");
    expect(fixesOf(after)).toEqual([]);
  });
});
