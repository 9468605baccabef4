/**
 * The row form of the PLAN functions through the host-neutral specs: a template row in ctx.rowAt(0)
 * gives the same numbers as the core's evaluateIndicator, with errors that name the indicator and column.
 */
import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/core/indicatorEvaluation";
import type { TemplateRow } from "../../src/core/templateRow";
import { planFunction, type CellResult, type PlanFunctionId } from "../../src/functions/planFunctions";
import { planWithFigures, templateRowOf } from "./templateFixture";

const plan = planWithFigures();

/** A row as the host finds it: with the evaluation year its title block sets (default: the row's latest year). */
function byRow(
  id: PlanFunctionId,
  row: TemplateRow | null,
  lang: "zh" | "en" = "zh",
  args: unknown[] = ["B5"],
  evaluationYear?: number,
): CellResult {
  const found = row ? { row, evaluationYear, evaluationYearInvalid: null, reference: null } : null;
  return planFunction(id).evaluate(args, { lang, rowAt: (i) => (i === 0 ? found : null) });
}

describe("row form on the seed template", () => {
  it("R&D intensity (1.2 → 1.47, 1.38 in 2023): gap, growth, step, progress, status", () => {
    const row = templateRowOf(plan, "RD_INTENSITY");
    expect(byRow("GAP", row)).toBeCloseTo(0.09, 12);
    expect(byRow("GROWTH", row)).toBeCloseTo(Math.sqrt(1.47 / 1.38) - 1, 12);
    expect(byRow("STEP", row)).toBeCloseTo(0.045, 12);
    expect(byRow("PROGRESS", row)).toBeCloseTo(0.18 / 0.27, 12);
    expect(byRow("STATUS", row)).toBe("基本符合预期");
    expect(byRow("STATUS", row, "en")).toBe("on track");
  });

  it("agrees with the core's evaluateIndicator for every seed indicator, at 2022, 2023 and 2025", () => {
    for (const year of [2022, 2023, 2025]) {
      for (const ind of plan.indicators) {
        const ev = evaluateIndicator(plan, ind, { evaluationYear: year });
        const row = templateRowOf(plan, ind.id);
        const pairs: Array<[PlanFunctionId, typeof ev.gap]> = [
          ["GAP", ev.gap],
          ["GROWTH", ev.requiredGrowth],
          ["STEP", ev.requiredStep],
          ["PROGRESS", ev.progress],
        ];
        for (const [id, expected] of pairs) {
          const got = byRow(id, row, "zh", ["B5"], year);
          if (expected?.ok) expect(got, `${id} ${ind.id} ${year}`).toBeCloseTo(expected.value, 12);
          else expect(got, `${id} ${ind.id} ${year}`).toMatchObject({ error: expect.stringMatching(/^#/) });
        }
        const status = byRow("STATUS", row, "zh", ["B5"], year);
        if (ev.status) expect(status, `${ind.id} ${year}`).toBe(ev.status.label.zh);
        else expect(status, `${ind.id} ${year}`).toMatchObject({ error: "#N/A" });
      }
    }
  });

  it("a row whose latest figure is older than the evaluation year is stale, with its data year", () => {
    expect(byRow("STATUS", templateRowOf(plan, "RD_INTENSITY"), "zh", ["B5"], 2025)).toBe("数据滞后（2023年）");
    expect(byRow("STATUS", templateRowOf(plan, "RD_INTENSITY"), "en", ["B5"], 2025)).toBe("data stale (2023)");
  });

  it("a lagging indicator and a slipping rank", () => {
    expect(byRow("STATUS", templateRowOf(plan, "HIGH_TECH_ENTERPRISES"))).toBe("滞后");
    const rank = templateRowOf(plan, "TECH_PROGRESS_RANK");
    expect(byRow("GAP", rank)).toBe(1); // 4th against a ceiling of 3rd
    expect(byRow("STEP", rank)).toBeCloseTo(-1 / 2, 12);
    expect(byRow("GROWTH", rank)).toMatchObject({ error: "#N/A", message: expect.stringContaining("位次") });
    expect(byRow("STATUS", rank)).toBe("滞后");
  });

  it("the manual status wins over the computed one, in the workbook's language", () => {
    const row = {
      ...templateRowOf(plan, "HIGH_TECH_ENTERPRISES"),
      manualStatus: "ahead" as const,
      manualNote: "统计口径调整",
    };
    expect(byRow("STATUS", row)).toBe("快于预期");
    expect(byRow("STATUS", row, "en")).toBe("ahead");
    // achieved reads 提前实现 before the target year
    expect(byRow("STATUS", { ...row, manualStatus: "achieved" })).toBe("提前实现");
  });

  it("an indicator whose target is met needs no further growth; in the target year it reads 已完成", () => {
    const row = templateRowOf(plan, "PROVINCIAL_INCUBATORS");
    expect(byRow("GAP", row)).toBe(0);
    expect(byRow("STATUS", row)).toBe("提前实现");
    expect(byRow("GROWTH", row)).toMatchObject({ error: "#N/A", message: expect.stringContaining("目标已达到") });
    const final = { ...row, actuals: [{ year: 2025, value: 10 }], enteredYears: [2025] };
    expect(byRow("STATUS", final)).toBe("已完成");
    expect(byRow("GROWTH", final)).toMatchObject({ error: "#N/A", message: expect.stringContaining("目标年份") });
  });

  it("no figure yet, or a qualitative target: #N/A that names the indicator", () => {
    const none = templateRowOf(plan, "PROVINCIAL_RD_PLATFORMS");
    expect(byRow("GAP", none)).toEqual({
      error: "#N/A",
      message: "指标“省级以上企业技术中心、重点实验室、工程中心等”：尚无实际值。",
    });
    expect(byRow("STATUS", none, "en")).toMatchObject({
      error: "#N/A",
      message: expect.stringContaining("No actual value yet"),
    });
    const text = templateRowOf(plan, "TECH_PROGRESS_CONTRIBUTION");
    expect(byRow("GAP", text)).toMatchObject({ error: "#N/A", message: expect.stringContaining("定性目标") });
  });

  it("a blank or unreadable cell of the row: #N/A or #VALUE! naming the column and the indicator", () => {
    const row = templateRowOf(plan, "RD_INTENSITY");
    expect(byRow("GAP", { ...row, target: null })).toEqual({
      error: "#N/A",
      message: "指标“R&D经费支出与GDP比重”的“目标值”未填写。",
    });
    const en = templateRowOf(plan, "RD_INTENSITY", "en");
    expect(byRow("GAP", { ...en, target: null }, "en")).toEqual({
      error: "#N/A",
      message: "“Target” is blank for the indicator “R&D expenditure as a share of GDP”.",
    });
    const broken = {
      ...row,
      baseline: null,
      problems: [{ key: "baseline" as const, header: "基期值", text: "约1.2" }],
    };
    expect(byRow("PROGRESS", broken)).toEqual({
      error: "#VALUE!",
      message: "指标“R&D经费支出与GDP比重”的“基期值”无法读取：“约1.2”。",
    });
  });

  it("falls back to the value form when more arguments are given or the cell is in no template", () => {
    const row = templateRowOf(plan, "RD_INTENSITY");
    expect(byRow("GAP", row, "zh", [1.2, 1.47])).toBeCloseTo(0.27, 12);
    expect(byRow("GAP", null, "zh", [1.2])).toMatchObject({ error: "#N/A", message: expect.stringContaining("模板") });
    // ELAPSED and EXPECTED have no row form
    expect(byRow("ELAPSED", row, "zh", [2020])).toMatchObject({ error: "#N/A" });
  });
});
