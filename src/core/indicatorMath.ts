/**
 * The indicator formulas, as Chinese planning agencies use them (docs/formulas.md).
 * Finite numbers in, Result out: impossible maths is a typed Failure, never NaN or Infinity.
 * Rates are fractions (0.0414 = 4.14 %) except where a name says "Percent".
 */
import type { Direction } from "./planSchema";
import { checkFinite, fail, finite, ok, type Result } from "./result";

/** How far the value still is from the target, in its own unit: positive = still short, 0 or negative = met. */
export function gapToTarget(actual: number, target: number, direction: Direction): Result<number> {
  const bad = checkFinite(actual, target);
  if (bad) return bad;
  return finite(direction === "up" ? target - actual : actual - target);
}

/**
 * 年均需增长: the constant yearly growth that takes `current` to `target` in `years`,
 * (target / current)^(1 / years) − 1, the same as Excel's RRI(years, current, target).
 * Computed through logarithms so huge ratios do not overflow before the root is taken.
 */
export function requiredAnnualGrowth(current: number, target: number, years: number): Result<number> {
  const bad = checkFinite(current, target, years);
  if (bad) return bad;
  if (years <= 0) return fail("num", "math.yearsNotPositive");
  if (current <= 0) return fail("num", "math.growthFromNonPositive");
  if (target < 0) return fail("num", "math.targetNegative");
  if (target === 0) return ok(-1);
  return finite(Math.expm1((Math.log(target) - Math.log(current)) / years));
}

/** 年均需提高: the equal yearly step in the indicator's own unit (百分点 for percent indicators). */
export function requiredAnnualStep(current: number, target: number, years: number): Result<number> {
  const bad = checkFinite(current, target, years);
  if (bad) return bad;
  if (years <= 0) return fail("num", "math.yearsNotPositive");
  return finite(target / years - current / years);
}

/** Whether `value` reaches `target` in the good direction (up: at least, down: at most). */
export function reaches(value: number, target: number, direction: Direction): boolean {
  return direction === "up" ? value >= target : value <= target;
}

/**
 * 完成进度 = (actual − baseline) / (target − baseline).
 * When the baseline already meets the target (rank 3 → 3, a ceiling already kept, target == baseline)
 * the ratio means nothing, so progress is 1 while the target holds and 0 once it does not.
 * Not clamped: above 1 is over-fulfilment, below 0 is movement the wrong way.
 */
export function completionProgress(
  baseline: number,
  actual: number,
  target: number,
  direction: Direction,
): Result<number> {
  const bad = checkFinite(baseline, actual, target);
  if (bad) return bad;
  if (reaches(baseline, target, direction)) return ok(reaches(actual, target, direction) ? 1 : 0);
  return finite(
    ratioOfDifferences(actual - baseline, target - baseline, actual / 2 - baseline / 2, target / 2 - baseline / 2),
  );
}

/**
 * 时间进度 = (year − baselineYear) / (targetYear − baselineYear), with the indicator's own baseline year.
 * Clamped to 0..1: the plan's time cannot run less than none or more than all of it.
 */
export function timeProgress(baseYear: number, targetYear: number, year: number): Result<number> {
  const bad = checkFinite(baseYear, targetYear, year);
  if (bad) return bad;
  if (!(targetYear > baseYear)) return fail("num", "math.periodInvalid");
  const t = (year - baseYear) / (targetYear - baseYear);
  return finite(Math.min(1, Math.max(0, t)));
}

/**
 * The value the plan expects in `year` (序时进度 value): on the straight line from baseline to target
 * (the NDRC's 20/40/60/80/100 % schedule), or on the constant-rate curve when `path` is "geometric".
 */
export function expectedValue(
  baseline: number,
  target: number,
  baseYear: number,
  targetYear: number,
  year: number,
  path: "linear" | "geometric" = "linear",
): Result<number> {
  const bad = checkFinite(baseline, target);
  if (bad) return bad;
  const t = timeProgress(baseYear, targetYear, year);
  if (!t.ok) return t;
  if (t.value === 0) return ok(baseline);
  if (t.value === 1) return ok(target);
  if (path === "linear") {
    const diff = target - baseline;
    // Near the top of the double range the difference overflows; halves keep it representable.
    return finite(
      Number.isFinite(diff) ? baseline + diff * t.value : baseline + (target / 2 - baseline / 2) * t.value * 2,
    );
  }
  if (baseline <= 0 || target <= 0) return fail("num", "math.geometricNeedsPositive");
  return finite(baseline * Math.exp((Math.log(target) - Math.log(baseline)) * t.value));
}

/** num/den, falling back to the halved differences when a difference of huge numbers overflows. */
function ratioOfDifferences(num: number, den: number, halfNum: number, halfDen: number): number {
  return Number.isFinite(num) && Number.isFinite(den) ? num / den : halfNum / halfDen;
}

/** 年均增长 achieved so far: the average annual growth from the baseline year to `year` (a fraction). */
export function realisedAnnualGrowth(baseline: number, actual: number, baseYear: number, year: number): Result<number> {
  const bad = checkFinite(baseline, actual, baseYear, year);
  if (bad) return bad;
  return requiredAnnualGrowth(baseline, actual, year - baseYear);
}

/**
 * The five-year total of yearly rates given in percent (〔13.5〕 targets).
 * Reductions compound, (1 − ∏(1 − rᵢ/100))·100: a 2.7 % cut then a 0.1 % cut is 2.7973 %, not 2.8 %.
 * Increases (years of life expectancy, 百分点) add up. Non-finite rates cannot come from a parsed plan
 * and are skipped so the result stays a number.
 */
export function compoundCumulative(yearlyRatesPercent: number[], mode: "reduction" | "increase"): number {
  const rates = yearlyRatesPercent.filter((r) => Number.isFinite(r));
  if (mode === "increase") {
    const sum = rates.reduce((s, r) => s + r, 0);
    return Number.isFinite(sum) ? sum : 0;
  }
  const remaining = rates.reduce((p, r) => p * (1 - r / 100), 1);
  const cut = (1 - remaining) * 100;
  return Number.isFinite(cut) ? cut : 0;
}

/**
 * The equal yearly rate (percent) still needed to bring a cumulative total from `soFarPercent`
 * to `targetPercent` in `years`: reductions compound, 1 − ((1 − T)/(1 − C))^(1/years);
 * increases share the remainder equally. 13.5 over five years from 0 needs 2.86 %/yr;
 * from 7.3 with two years left, 3.40 %/yr.
 */
export function requiredAnnualCumulativeRate(
  soFarPercent: number,
  targetPercent: number,
  years: number,
  mode: "reduction" | "increase",
): Result<number> {
  const bad = checkFinite(soFarPercent, targetPercent, years);
  if (bad) return bad;
  if (years <= 0) return fail("num", "math.yearsNotPositive");
  if (mode === "increase") return requiredAnnualStep(soFarPercent, targetPercent, years);
  if (soFarPercent >= 100 || targetPercent >= 100) return fail("num", "math.reductionTooLarge");
  const keep = requiredAnnualGrowth(1 - soFarPercent / 100, 1 - targetPercent / 100, years);
  if (!keep.ok) return keep;
  return finite(-keep.value * 100);
}

/** The cumulative total the plan expects by `year`: linear share of the target (3/5 × 13.5 = 8.1), or compound for reductions on request. */
export function expectedCumulative(
  targetPercent: number,
  baseYear: number,
  targetYear: number,
  year: number,
  mode: "reduction" | "increase",
  path: "linear" | "geometric" = "linear",
): Result<number> {
  const bad = checkFinite(targetPercent);
  if (bad) return bad;
  const t = timeProgress(baseYear, targetYear, year);
  if (!t.ok) return t;
  if (path === "linear" || mode === "increase") return finite(targetPercent * t.value);
  if (targetPercent >= 100) return fail("num", "math.reductionTooLarge");
  return finite((1 - Math.pow(1 - targetPercent / 100, t.value)) * 100);
}
