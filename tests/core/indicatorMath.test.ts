import { describe, expect, it } from "vitest";
import {
  compoundCumulative,
  completionProgress,
  expectedCumulative,
  expectedValue,
  gapToTarget,
  realisedAnnualGrowth,
  requiredAnnualCumulativeRate,
  requiredAnnualGrowth,
  requiredAnnualStep,
  timeProgress,
} from "../../src/core/indicatorMath";
import type { Result } from "../../src/core/result";

function value(r: Result<number>): number {
  if (!r.ok) throw new Error(`expected a value, got ${r.code}`);
  return r.value;
}

describe("required annual growth (年均需增长, Excel RRI) — hand-worked from the seed table", () => {
  it("R&D intensity 1.2 → 1.47 over 2020–2025 needs 4.14 % a year", () => {
    expect(value(requiredAnnualGrowth(1.2, 1.47, 5))).toBeCloseTo(0.041423, 6);
  });
  it("high-value patents 0.2 → 0.8 need 31.95 % a year", () => {
    expect(value(requiredAnnualGrowth(0.2, 0.8, 5))).toBeCloseTo(0.319508, 6);
  });
  it("enterprise R&D share 3.3 (2019) → 5.2 (2025) is six years, 7.87 % a year", () => {
    expect(value(requiredAnnualGrowth(3.3, 5.2, 2025 - 2019))).toBeCloseTo(0.078734, 5);
  });
  it("childcare places 1.8 → 4.5 need 20.1 % a year (planning-practice note)", () => {
    expect(value(requiredAnnualGrowth(1.8, 4.5, 5))).toBeCloseTo(0.2011, 4);
  });
  it("matches Excel's documented RRI(96, 10000, 11000) = 0.0009933", () => {
    expect(value(requiredAnnualGrowth(10000, 11000, 96))).toBeCloseTo(0.0009933, 7);
  });
  it("a target of 0 needs −100 %", () => {
    expect(value(requiredAnnualGrowth(5, 0, 2))).toBe(-1);
  });
  it("refuses impossible inputs with typed failures", () => {
    expect(requiredAnnualGrowth(0, 1, 5)).toEqual({ ok: false, error: "num", code: "math.growthFromNonPositive" });
    expect(requiredAnnualGrowth(-1, 1, 5)).toEqual({ ok: false, error: "num", code: "math.growthFromNonPositive" });
    expect(requiredAnnualGrowth(1, -1, 5)).toEqual({ ok: false, error: "num", code: "math.targetNegative" });
    expect(requiredAnnualGrowth(1, 2, 0)).toEqual({ ok: false, error: "num", code: "math.yearsNotPositive" });
    expect(requiredAnnualGrowth(1, 2, -3)).toEqual({ ok: false, error: "num", code: "math.yearsNotPositive" });
    expect(requiredAnnualGrowth(Number.NaN, 2, 3)).toEqual({ ok: false, error: "value", code: "math.notFinite" });
    expect(requiredAnnualGrowth(1, Infinity, 3)).toEqual({ ok: false, error: "value", code: "math.notFinite" });
    expect(requiredAnnualGrowth(1e-300, 1e300, 0.01)).toEqual({ ok: false, error: "num", code: "math.overflow" });
  });
});

describe("required annual step (年均需提高, own unit)", () => {
  it("R&D intensity needs 0.054 percentage points a year", () => {
    expect(value(requiredAnnualStep(1.2, 1.47, 5))).toBeCloseTo(0.054, 12);
  });
  it("digital economy 7.8 → 10 needs 0.44 pt a year (planning-practice note)", () => {
    expect(value(requiredAnnualStep(7.8, 10, 5))).toBeCloseTo(0.44, 12);
  });
  it("high-tech firms 116 → 150 need 6.8 firms a year", () => {
    expect(value(requiredAnnualStep(116, 150, 5))).toBeCloseTo(6.8, 12);
  });
  it("refuses years ≤ 0", () => {
    expect(requiredAnnualStep(1, 2, 0)).toMatchObject({ ok: false, code: "math.yearsNotPositive" });
  });
});

describe("gap to target (direction-aware, positive = still short)", () => {
  it("up: R&D intensity at 1.35 is 0.12 short of 1.47", () => {
    expect(value(gapToTarget(1.35, 1.47, "up"))).toBeCloseTo(0.12, 12);
  });
  it("down: rank 4 is one place short of 3; rank 2 is one better", () => {
    expect(value(gapToTarget(4, 3, "down"))).toBe(1);
    expect(value(gapToTarget(2, 3, "down"))).toBe(-1);
  });
  it("met exactly is 0, not -0", () => {
    expect(Object.is(value(gapToTarget(3, 3, "down")), 0)).toBe(true);
  });
});

describe("completion progress (完成进度)", () => {
  it("R&D intensity at 1.335 has done half of 1.2 → 1.47", () => {
    expect(value(completionProgress(1.2, 1.335, 1.47, "up"))).toBeCloseTo(0.5, 12);
  });
  it("high-tech firms at 133 have done half of 116 → 150", () => {
    expect(value(completionProgress(116, 133, 150, "up"))).toBe(0.5);
  });
  it("a lower-is-better indicator uses (start − actual)/(start − target)", () => {
    expect(value(completionProgress(10, 8, 6, "down"))).toBe(0.5);
  });
  it("target == baseline (rank 3 → 3): 1 while it holds, 0 once it does not", () => {
    expect(value(completionProgress(3, 3, 3, "down"))).toBe(1);
    expect(value(completionProgress(3, 2, 3, "down"))).toBe(1);
    expect(value(completionProgress(3, 4, 3, "down"))).toBe(0);
  });
  it("a ceiling the baseline already keeps (5.2 under 5.5): 1 while kept, 0 once broken", () => {
    expect(value(completionProgress(5.2, 5.4, 5.5, "down"))).toBe(1);
    expect(value(completionProgress(5.2, 5.6, 5.5, "down"))).toBe(0);
  });
  it("is not clamped: over-fulfilment above 1, going backwards below 0", () => {
    expect(value(completionProgress(116, 167, 150, "up"))).toBeCloseTo(1.5, 12);
    expect(value(completionProgress(116, 99, 150, "up"))).toBeCloseTo(-0.5, 12);
  });
});

describe("time progress (时间进度) with the indicator's own baseline year", () => {
  it("2023 of 2020–2025 is 60 %", () => {
    expect(value(timeProgress(2020, 2025, 2023))).toBeCloseTo(0.6, 12);
  });
  it("2023 of a 2019-baseline row is 4/6", () => {
    expect(value(timeProgress(2019, 2025, 2023))).toBeCloseTo(4 / 6, 12);
  });
  it("is clamped to 0..1 outside the period", () => {
    expect(value(timeProgress(2020, 2025, 2018))).toBe(0);
    expect(value(timeProgress(2020, 2025, 2027))).toBe(1);
  });
  it("refuses a period that does not run forward", () => {
    expect(timeProgress(2025, 2025, 2025)).toEqual({ ok: false, error: "num", code: "math.periodInvalid" });
    expect(timeProgress(2025, 2020, 2022)).toMatchObject({ ok: false, code: "math.periodInvalid" });
  });
});

describe("expected value on the planned path", () => {
  it("linear (NDRC 20/40/60/80/100 %): R&D intensity expected at 1.362 in 2023", () => {
    expect(value(expectedValue(1.2, 1.47, 2020, 2025, 2023))).toBeCloseTo(1.362, 12);
  });
  it("geometric on request: 0.2 → 0.8 expected at 0.2·4^(3/5) = 0.4595 in 2023", () => {
    expect(value(expectedValue(0.2, 0.8, 2020, 2025, 2023, "geometric"))).toBeCloseTo(0.2 * Math.pow(4, 0.6), 12);
  });
  it("hits baseline and target exactly at the ends", () => {
    expect(value(expectedValue(1.2, 1.47, 2020, 2025, 2020))).toBe(1.2);
    expect(value(expectedValue(1.2, 1.47, 2020, 2025, 2025))).toBe(1.47);
  });
  it("geometric needs positive ends", () => {
    expect(expectedValue(0, 1, 2020, 2025, 2023, "geometric")).toMatchObject({
      ok: false,
      error: "num",
      code: "math.geometricNeedsPositive",
    });
  });
});

describe("cumulative 〔〕 targets", () => {
  it("reductions compound: 2.7 %, 0.1 %, 0.5 % is 3.2833 %, not the summed 3.3 %", () => {
    const cut = compoundCumulative([2.7, 0.1, 0.5], "reduction");
    expect(cut).toBeCloseTo((1 - 0.973 * 0.999 * 0.995) * 100, 10);
    expect(cut).toBeCloseTo(3.2833, 4);
    expect(cut).not.toBeCloseTo(3.3, 3);
  });
  it("increases add up (life expectancy +1 year, 百分点)", () => {
    expect(compoundCumulative([0.3, 0.4, 0.3], "increase")).toBeCloseTo(1, 12);
  });
  it("a cumulative 13.5 % cut over five years needs ≈ 2.86 % a year", () => {
    expect(value(requiredAnnualCumulativeRate(0, 13.5, 5, "reduction"))).toBeCloseTo(2.8589, 4);
  });
  it("after 7.3 % by 2023, 3.40 % a year is needed in 2024–25", () => {
    expect(value(requiredAnnualCumulativeRate(7.3, 13.5, 2, "reduction"))).toBeCloseTo(3.402, 4);
  });
  it("the planned total after three of five years is 3/5 × 13.5 = 8.1 (linear) or 8.33 (compound)", () => {
    expect(value(expectedCumulative(13.5, 2020, 2025, 2023, "reduction"))).toBeCloseTo(8.1, 12);
    expect(value(expectedCumulative(13.5, 2020, 2025, 2023, "reduction", "geometric"))).toBeCloseTo(8.33, 2);
  });
  it("a 100 % reduction leaves nothing to compute", () => {
    expect(requiredAnnualCumulativeRate(100, 13.5, 2, "reduction")).toMatchObject({
      ok: false,
      code: "math.reductionTooLarge",
    });
  });
  it("non-finite rates are skipped, so the total stays a number", () => {
    expect(compoundCumulative([2.7, Number.NaN, Infinity], "reduction")).toBeCloseTo(2.7, 12);
    expect(compoundCumulative([], "increase")).toBe(0);
  });
});

describe("realised annual growth (年均增长 since the baseline year)", () => {
  it("100 → 121 over two years is 10 % a year", () => {
    expect(value(realisedAnnualGrowth(100, 121, 2020, 2022))).toBeCloseTo(0.1, 12);
  });
  it("refuses the baseline year itself", () => {
    expect(realisedAnnualGrowth(100, 121, 2020, 2020)).toMatchObject({ ok: false, code: "math.yearsNotPositive" });
  });
});
