/**
 * Synthetic plans for the benchmarks and the hardening tests: `count` indicators cycling through
 * every kind and target form, each with a figure in every year of a ten-year period, so timings
 * and round-trip counts can be compared across sizes. Deterministic: no randomness, no dates.
 */
import { plan as planSchema, type Plan, type PlanInput } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";

export const BENCH_BASE_YEAR = 2015;
export const BENCH_TARGET_YEAR = 2025;

type IndicatorInput = PlanInput["indicators"][number];

/** A figure for year index y (0..9) that moves slowly towards the target: no implausible jumps. */
function yearly(kind: IndicatorInput["kind"], i: number, y: number): number {
  switch (kind) {
    case "percent":
      return Number((20 + y * 0.8 + (i % 5) * 0.1).toFixed(2));
    case "count":
      return 100 + i + y * 3;
    case "rank":
      return Math.max(1, 10 - (y % 5));
    case "amount":
      return Number((50 + i * 0.5 + y * 2.5).toFixed(2));
    default:
      return Number((100 + y * 1.5).toFixed(2));
  }
}

function targetFor(kind: IndicatorInput["kind"], i: number): IndicatorInput["target"] {
  if (kind === "rank") return { kind: "level", value: 5, comparator: "<=", obligation: "reach" };
  if (i % 11 === 5) return { kind: "annualGrowth", value: 5, comparator: ">=" };
  if (i % 13 === 7) return { kind: "text", text: { zh: "明显提升", en: "rise markedly" } };
  if (i % 17 === 3 && kind === "percent") return { kind: "cumulative", value: 13.5, mode: "reduction" };
  return { kind: "level", value: kind === "percent" ? 30 : 250 + i, comparator: ">=", obligation: "reach" };
}

/** The plan as a staff member would write it (before parsing), with `years` figures per indicator. */
export function syntheticPlanInput(count: number, years = 10): PlanInput {
  const kinds = ["percent", "count", "amount", "rank", "index"] as const;
  const indicators: IndicatorInput[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const target = targetFor(kind, i);
    const actuals: Record<string, { value: number }> = {};
    for (let y = 0; y < years; y++) {
      const year = BENCH_BASE_YEAR + 1 + y;
      if (year > BENCH_TARGET_YEAR) break;
      // Cumulative targets take each year's own rate (a few % a year), not a level.
      actuals[String(year)] = { value: target.kind === "cumulative" ? 2.5 : yearly(kind, i, y) };
    }
    indicators.push({
      id: `IND_${i + 1}`,
      number: String(i + 1),
      category: { zh: `类别${(i % 7) + 1}`, en: `Group ${(i % 7) + 1}` },
      name: { zh: `指标${i + 1}`, en: `Indicator ${i + 1}` },
      unit:
        kind === "percent"
          ? { zh: "%", en: "%" }
          : kind === "rank"
            ? { zh: "位", en: "rank" }
            : { zh: "个", en: "units" },
      kind,
      direction: kind === "rank" ? "down" : "up",
      baseline: yearly(kind, i, -1),
      baselineYear: BENCH_BASE_YEAR,
      target,
      attribute: i % 3 === 0 ? "binding" : "expected",
      actuals,
    });
  }
  return {
    formatVersion: 2,
    id: `synthetic-${count}`,
    title: { zh: `合成规划（${count} 项指标）`, en: `Synthetic plan (${count} indicators)` },
    source: seedPlan.source,
    baseYear: BENCH_BASE_YEAR,
    targetYear: BENCH_TARGET_YEAR,
    indicators,
  };
}

export function syntheticPlan(count: number, years = 10): Plan {
  return planSchema.parse(syntheticPlanInput(count, years));
}

/** The same plan without any figures: what the pane inserts before staff type anything. */
export function emptySyntheticPlan(count: number): Plan {
  const input = syntheticPlanInput(count, 0);
  return planSchema.parse(input);
}
