/** The chart series of one indicator: measured against planned, year by year, from the one evaluation. */
import { describe, expect, it } from "vitest";
import { indicatorPath } from "../../src/core/indicatorPath";
import { indicator, makePlan, only, seedRows, withActuals } from "./fixtures";

describe("indicatorPath", () => {
  it("a level target: the figures, gaps where a year has none, the straight planned line from the baseline", () => {
    const p = makePlan([withActuals(seedRows.rdIntensity, { "2021": 1.25, "2023": 1.38 })]);
    const path = indicatorPath(p, only(p, "RD_INTENSITY"));
    expect(path.measure).toBe("level");
    expect(path.points.map((x) => x.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(path.points.map((x) => x.actual)).toEqual([1.2, 1.25, null, 1.38, null, null]);
    expect(path.points[3]!.planned).toBeCloseTo(1.2 + 0.27 * 0.6, 12);
    expect(path.points[5]!.planned).toBeCloseTo(1.47, 12);
    expect(path.target).toEqual({ year: 2025, value: 1.47 });
    expect(path.originalTarget).toBeNull();
  });

  it("a supplementary goal with its own target year (2035): the path and the target run to 2035", () => {
    const goal = { ...withActuals(seedRows.rdIntensity, { "2021": 1.25 }), supplementary: true, targetYear: 2035 };
    const p = makePlan([goal]);
    const path = indicatorPath(p, only(p, "RD_INTENSITY"));
    expect(path.points.map((x) => x.year)).toEqual(Array.from({ length: 16 }, (_, i) => 2020 + i));
    expect(path.points[15]!.planned).toBeCloseTo(1.47, 12);
    expect(path.target).toEqual({ year: 2035, value: 1.47 });
  });

  it("a 〔〕 reduction: the total so far (compounded) against T × time progress, from 0", () => {
    const cut = indicator({
      id: "CUT",
      figures: "change",
      baseline: null,
      target: { kind: "cumulative", value: 13.5, mode: "reduction" },
      actuals: { "2021": { value: 2.7 }, "2022": { value: 0.1 } },
    });
    const p = makePlan([cut]);
    const path = indicatorPath(p, only(p, "CUT"));
    expect(path.measure).toBe("cumulative");
    expect(path.points[0]).toEqual({ year: 2020, actual: 0, planned: 0 });
    expect(path.points[2]!.actual).toBeCloseTo((1 - 0.973 * 0.999) * 100, 10);
    expect(path.points[2]!.planned).toBeCloseTo(13.5 * 0.4, 10);
  });

  it("an adjusted target keeps the original beside it; a rank is drawn lower-is-better", () => {
    const p = makePlan([
      {
        ...withActuals(seedRows.hiTechFirms, { "2022": 130 }),
        targetAdjustments: [
          { target: { kind: "level", value: 140, comparator: ">=", obligation: "reach" }, document: "X〔2023〕1号" },
        ],
      },
      seedRows.rank,
    ]);
    const path = indicatorPath(p, only(p, "HIGH_TECH_FIRMS"));
    expect(path.target).toEqual({ year: 2025, value: 140 });
    expect(path.originalTarget).toEqual({ year: 2025, value: 150 });
    expect(indicatorPath(p, only(p, "TECH_PROGRESS_RANK")).lowerIsBetter).toBe(true);
  });

  it("年均 rates: the realised average so far against the target rate; no figure is ever made up", () => {
    const g = indicator({
      id: "G",
      figures: "rate",
      baseline: null,
      target: { kind: "annualGrowth", value: 7, comparator: ">=" },
      actuals: { "2021": { value: 14.6 }, "2022": { value: 10.1 } },
    });
    const p = makePlan([g]);
    const path = indicatorPath(p, only(p, "G"));
    expect(path.measure).toBe("averageGrowth");
    expect(path.points.map((x) => x.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(path.points[0]!.actual).toBeCloseTo(14.6, 10);
    expect(path.points[1]!.actual).toBeCloseTo((Math.sqrt(1.146 * 1.101) - 1) * 100, 10);
    expect(path.points.slice(2).every((x) => x.actual === null)).toBe(true);
    expect(path.points.every((x) => x.planned === 7)).toBe(true);
  });
});
