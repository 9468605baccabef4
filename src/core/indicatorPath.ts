/**
 * An indicator's yearly figures against its planned path, for the pane's chart and the report's:
 * year by year, what was measured (the figure, or for 〔〕 targets the total so far, for 年均 targets
 * the realised average so far) and what the plan expected by then — each taken from the one
 * evaluation (indicatorEvaluation.ts) at that year, so the charts show the numbers the table shows.
 */
import { baselineView, evaluateIndicator, targetView } from "./indicatorEvaluation";
import type { Indicator, Plan, Target } from "./planSchema";
import { planYears } from "./templateLayout";

export interface PathPoint {
  year: number;
  /** The measured value in the target's terms that year, or null when there is no figure for it. */
  actual: number | null;
  /** What the plan expects by that year in the same terms, or null where it has no path (text targets). */
  planned: number | null;
}

export interface IndicatorPath {
  /** What the numbers are: the figure itself, the 〔〕 total so far, or the average annual growth so far (%). */
  measure: "level" | "cumulative" | "averageGrowth";
  points: PathPoint[];
  /** The (adjusted) target and, when adjusted, the original one, in the same terms. */
  target: { year: number; value: number } | null;
  originalTarget: { year: number; value: number } | null;
  /** Ranks: lower is better (the chart turns its axis over). */
  lowerIsBetter: boolean;
}

function targetNumber(t: Target): number | null {
  return t.kind === "text" || t.kind === "relative" ? null : t.value;
}

function measureOf(t: Target): IndicatorPath["measure"] {
  if (t.kind === "cumulative") return "cumulative";
  if (t.kind === "annualGrowth" || t.kind === "relative") return "averageGrowth";
  return "level";
}

export function indicatorPath(plan: Plan, ind: Indicator): IndicatorPath {
  const targets = targetView(ind);
  const measure = measureOf(targets.effective);
  // A goal's own target year (a 2035 vision) ends its path, as it ends its evaluation.
  const targetYear = ind.targetYear ?? plan.targetYear;
  const points: PathPoint[] = planYears({ baseYear: plan.baseYear, targetYear }).map((year) => {
    const ev = evaluateIndicator(plan, ind, { evaluationYear: year });
    const here = ev.latest !== null && ev.latest.year === year;
    const actual = !here
      ? null
      : measure === "level"
        ? ev.latest!.value
        : measure === "averageGrowth"
          ? ev.realisedGrowth?.ok
            ? ev.realisedGrowth.value * 100
            : null
          : ev.measured;
    let planned: number | null = null;
    if (ev.expected?.ok) planned = ev.expected.value;
    else if (measure === "averageGrowth" && targetNumber(targets.effective) !== null)
      planned = targetNumber(targets.effective);
    else if (targets.effective.kind === "level" && targets.effective.obligation === "keep")
      planned = targets.effective.value;
    return { year, actual, planned };
  });
  // The start of the path: the (revised) baseline, or a total of 0 for 〔〕 targets, in the baseline's year.
  const base = baselineView(plan, ind);
  const start =
    measure === "level" && base.value !== null
      ? base.value
      : measure === "cumulative" && base.year < targetYear
        ? 0
        : null;
  if (start !== null && !points.some((p) => p.year === base.year))
    points.unshift({ year: base.year, actual: start, planned: start });
  const value = targetNumber(targets.effective);
  const original = targets.adjustment ? targetNumber(targets.original) : null;
  return {
    measure,
    points,
    target: value === null ? null : { year: targetYear, value },
    originalTarget: original === null ? null : { year: targetYear, value: original },
    lowerIsBetter: ind.kind === "rank" || (targets.effective.kind === "level" && targets.effective.comparator === "<="),
  };
}
