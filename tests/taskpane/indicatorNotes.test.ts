/** What the pane says under an indicator: stale data, revisions, adjustments, yearly targets, unknown attributes. */
import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/core/indicatorEvaluation";
import { indicatorNotes, targetText } from "../../src/taskpane/app/indicatorNotes";
import { indicator, makePlan, only, seedRows, withActuals } from "../core/fixtures";

describe("indicatorNotes", () => {
  it("says the data is older than the year evaluated, and that an unstated attribute is judged as 预期性", () => {
    const p = makePlan([{ ...withActuals(seedRows.rdIntensity, { "2021": 1.25 }), attribute: null }]);
    const ind = only(p, "RD_INTENSITY");
    const notes = indicatorNotes(ind, evaluateIndicator(p, ind, { evaluationYear: 2023 }), "zh");
    expect(notes).toEqual([
      "最新数据为 2021 年，评估年份为 2023 年：待 2023 年数据发布后评估。",
      "规划未注明指标属性，按预期性指标评估；如为约束性指标，落后于时间进度即为滞后。",
    ]);
  });

  it("shows the published and the revised baseline, the original and the adjusted target, with their records", () => {
    const p = makePlan([
      {
        ...withActuals(seedRows.hiTechFirms, { "2022": 130 }),
        baselineRevisions: [{ value: 118, reason: "统计口径调整" }],
        targetAdjustments: [
          {
            target: { kind: "level", value: 140, comparator: ">=", obligation: "reach" },
            document: "张政发〔2023〕12号",
          },
        ],
        leadUnit: "市科技局",
      },
    ]);
    const ind = only(p, "HIGH_TECH_FIRMS");
    expect(indicatorNotes(ind, evaluateIndicator(p, ind), "zh")).toEqual([
      "基期值已修订：规划值 116，修订为 118（统计口径调整），进度按修订值计算。",
      "目标已调整：原目标 150，调整为 140（张政发〔2023〕12号），状态按调整后目标判断。",
      "牵头单位：市科技局",
    ]);
    expect(indicatorNotes(ind, evaluateIndicator(p, ind), "en")[1]).toBe(
      "Target adjusted: 150 originally, 140 now (张政发〔2023〕12号); the status uses the adjusted target.",
    );
  });

  it("judges the year's own target and says why there is no status", () => {
    const gdp = indicator({
      id: "GDP",
      figures: "rate",
      target: { kind: "text", text: { zh: "保持在合理区间", en: "reasonable" } },
      yearlyTargets: { "2022": { value: 5.5, comparator: ">=", approximate: true, text: "5.5%左右" } },
      actuals: { "2022": { value: 3 } },
    });
    const p = makePlan([gdp]);
    expect(indicatorNotes(only(p, "GDP"), evaluateIndicator(p, only(p, "GDP")), "zh")).toEqual([
      "2022 年度目标 5.5%左右：未完成。",
    ]);
    const none = makePlan([seedRows.rdIntensity]);
    expect(
      indicatorNotes(only(none, "RD_INTENSITY"), evaluateIndicator(none, only(none, "RD_INTENSITY")), "zh"),
    ).toEqual(["尚无实际值。"]);
  });

  it("writes targets as plans do", () => {
    expect(targetText({ kind: "level", value: 5.5, comparator: "<=", obligation: "keep" }, "zh")).toBe("≤5.5");
    expect(
      targetText({ kind: "level", value: 15, comparator: ">=", obligation: "reach", approximate: true }, "zh"),
    ).toBe("15左右");
    expect(targetText({ kind: "cumulative", value: 13.5, mode: "reduction" }, "zh")).toBe("〔13.5〕");
    expect(targetText({ kind: "annualGrowth", value: 7, comparator: ">=" }, "zh")).toBe("年均7%");
    expect(targetText({ kind: "annualGrowth", value: 7, comparator: ">=" }, "en")).toBe("7% a year");
  });
});
