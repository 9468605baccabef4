/**
 * An indicator's yearly figures as the evaluation sees them: only years up to the year evaluated,
 * and what the published statistics add up to — the realised average annual growth (年均) from
 * yearly rates or from levels, and the 〔〕 total so far from yearly changes or from levels.
 * A year missing in the middle of a rate or change series is named, never skipped: an average or
 * a total without it would be wrong.
 */
import { compoundCumulative } from "./indicatorMath";
import type { CumulativeTarget, FigureForm, Indicator } from "./planSchema";
import { fail, finite, ok, type Result } from "./result";

export interface YearFigure {
  year: number;
  value: number;
}

/** Every figure in year order, optionally only up to `upTo`. */
export function figureSeries(ind: Pick<Indicator, "actuals">, upTo?: number): YearFigure[] {
  const out: YearFigure[] = [];
  for (const [key, entry] of Object.entries(ind.actuals ?? {})) {
    const year = Number(key);
    if (!Number.isInteger(year) || !entry || !Number.isFinite(entry.value)) continue;
    if (upTo !== undefined && year > upTo) continue;
    out.push({ year, value: entry.value });
  }
  return out.sort((a, b) => a.year - b.year);
}

/** The latest figure up to `upTo` (every year when omitted), or null. */
export function latestFigure(ind: Pick<Indicator, "actuals">, upTo?: number): YearFigure | null {
  const series = figureSeries(ind, upTo);
  return series.length > 0 ? series[series.length - 1]! : null;
}

/** The figures of the years fromYear+1 … toYear, or the years that are missing among them. */
export function consecutiveFigures(
  series: readonly YearFigure[],
  fromYear: number,
  toYear: number,
): { ok: true; values: number[] } | { ok: false; missing: number[] } {
  const byYear = new Map(series.map((f) => [f.year, f.value]));
  const values: number[] = [];
  const missing: number[] = [];
  for (let y = fromYear + 1; y <= toYear; y++) {
    const v = byYear.get(y);
    if (v === undefined) missing.push(y);
    else values.push(v);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, values };
}

function missingYears(missing: number[]) {
  return fail("na", "eval.missingYears", { years: missing.join("、") });
}

/**
 * Σ ln(1 + rᵢ/100) over the years after `baselineYear` up to `year` (rate figures), or ln(A/B) from
 * the baseline level (level figures): the log of the growth factor realised so far.
 */
export function realisedLogGrowth(
  figures: FigureForm,
  series: readonly YearFigure[],
  baseline: number | null,
  baselineYear: number,
  year: number,
): Result<number> {
  if (year <= baselineYear) return ok(0);
  if (figures === "rate") {
    const run = consecutiveFigures(series, baselineYear, year);
    if (!run.ok) return missingYears(run.missing);
    let sum = 0;
    for (const r of run.values) {
      if (r <= -100) return fail("num", "eval.rateBelowMinus100", { value: r });
      sum += Math.log1p(r / 100);
    }
    return finite(sum);
  }
  if (figures === "change") return fail("value", "eval.figuresNotGrowth");
  if (baseline === null) return fail("na", "eval.noBaseline");
  const latest = series.find((f) => f.year === year);
  if (!latest) return missingYears([year]);
  if (!(baseline > 0) || !(latest.value > 0)) return fail("num", "math.growthFromNonPositive");
  return finite(Math.log(latest.value) - Math.log(baseline));
}

/** 年均增长 realised so far, a fraction: exp(Σ ln(1 + rᵢ) / n) − 1 over the n years since the baseline year. */
export function realisedAnnualGrowthRate(logGrowth: number, years: number): Result<number> {
  if (!(years > 0)) return fail("num", "math.yearsNotPositive");
  return finite(Math.expm1(logGrowth / years));
}

/**
 * The 〔〕 total so far: from yearly changes (reductions compound, rises and falls add up), from yearly
 * growth rates (a reduction is 1 − ∏(1 + rᵢ)), or from the level against the baseline
 * (reduction (1 − A/B)·100, increase A − B, decrease B − A).
 */
export function cumulativeSoFar(
  t: Pick<CumulativeTarget, "mode">,
  figures: FigureForm,
  series: readonly YearFigure[],
  baseline: number | null,
  baselineYear: number,
  year: number,
): Result<number> {
  if (year <= baselineYear) return ok(0);
  if (figures === "level") {
    if (baseline === null) return fail("na", "eval.noBaseline");
    const latest = series.find((f) => f.year === year);
    if (!latest) return missingYears([year]);
    if (t.mode === "increase") return finite(latest.value - baseline);
    if (t.mode === "decrease") return finite(baseline - latest.value);
    if (!(baseline > 0)) return fail("num", "math.growthFromNonPositive");
    return finite((1 - latest.value / baseline) * 100);
  }
  const run = consecutiveFigures(series, baselineYear, year);
  if (!run.ok) return missingYears(run.missing);
  if (figures === "rate") {
    if (t.mode !== "reduction") return fail("value", "eval.figuresNotCumulative");
    return finite(
      compoundCumulative(
        run.values.map((r) => -r),
        "reduction",
      ),
    );
  }
  return finite(compoundCumulative(run.values, t.mode === "reduction" ? "reduction" : "increase"));
}
