/**
 * Issue #13 item 8: a supplementary goal (the plan's other quantified goals, printed without a baseline) is
 * not a validation warning staff cannot clear; a main-table indicator without a baseline still is one.
 * Fails on the code before: the seed's 有效高价值发明专利 (supplementary, ≥ 100, no baseline) was warned.
 */
import { describe, expect, it } from "vitest";
import { seedPlan } from "../../src/core/seedPlan";
import { validatePlanData } from "../../src/core/validation";

const missing = (plan: typeof seedPlan) =>
  validatePlanData(plan)
    .filter((f) => f.code === "validate.baselineMissing")
    .map((f) => f.indicatorId);

describe("a missing baseline", () => {
  it("of a supplementary goal is no warning (the plan publishes none: nothing staff could fix)", () => {
    const goal = seedPlan.indicators.find((i) => i.id === "HIGH_VALUE_PATENTS_TOTAL")!;
    expect(goal.supplementary).toBe(true);
    expect(goal.baseline).toBeNull();
    expect(goal.target.kind).toBe("level");
    expect(missing(seedPlan)).toEqual([]);
  });

  it("of a main-table indicator is still a warning on its baseline", () => {
    const plan = {
      ...seedPlan,
      indicators: seedPlan.indicators.map((i) =>
        i.id === "TECH_CONTRACT_TURNOVER" || i.id === "HIGH_VALUE_PATENTS_TOTAL"
          ? { ...i, baseline: null, supplementary: i.id === "HIGH_VALUE_PATENTS_TOTAL" ? true : undefined }
          : i,
      ),
    };
    expect(missing(plan)).toEqual(["TECH_CONTRACT_TURNOVER"]);
  });
});
