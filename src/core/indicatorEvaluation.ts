/**
 * Everything the pane, the template and the report show about one indicator, computed in one place
 * from the plan model. Figures are evaluated at the year of the indicator's latest actual.
 * A field is null when it does not apply (no data yet, a text target, ranks have no growth rate)
 * and a Failure when it applies but cannot be computed (the Failure says why).
 */
import {
  compoundCumulative,
  expectedCumulative,
  expectedValue,
  gapToTarget,
  realisedAnnualGrowth,
  requiredAnnualCumulativeRate,
  requiredAnnualGrowth,
  requiredAnnualStep,
  timeProgress,
} from "./indicatorMath";
import type { MessageCode } from "./messages";
import type { Indicator, Plan, StatusCode, Target } from "./planSchema";
import { statusCodes } from "./planVocabulary";
import { fail, finite, type Failure, type Result } from "./result";
import { evaluateStatus, isTargetMet, statusLabels, type StatusEvaluation, type StatusInput } from "./status";

export interface StatusView {
  code: StatusCode;
  label: { zh: string; en: string };
  source: "computed" | "override";
  /** The officials' reason, kept with a manual override. */
  note?: string;
}

export interface IndicatorEvaluation {
  indicatorId: string;
  binding: boolean;
  targetKind: Target["kind"];
  /** Gaps and steps are in 百分点 (percent indicators, cumulative reductions), not in relative terms. */
  percentagePoints: boolean;
  latest: { year: number; value: number } | null;
  baselineYear: number;
  targetYear: number;
  /** Years from the latest figure to the target year (0 once the target year's figure is in). */
  yearsLeft: number | null;
  /** What the gap is measured against: the level target; the five-year total for 〔〕 targets; the level implied by 年均增长 targets. */
  targetValue: number | null;
  /** What is compared with targetValue: the latest actual; for 〔〕 targets the total so far (reductions compounded). */
  measured: number | null;
  gap: Result<number> | null;
  /** 年均需增长, a fraction (null for ranks, text targets, 〔〕 totals, or when the target year is reached). */
  requiredGrowth: Result<number> | null;
  /** 年均需提高 in the indicator's own unit; for 〔〕 targets the yearly rate still needed (reductions compounded). */
  requiredStep: Result<number> | null;
  /** 完成进度 as used for the status (for 年均增长 targets measured on the log scale, so progress ≥ time ⇔ realised growth ≥ target growth). */
  progress: Result<number> | null;
  /** 时间进度 at the latest figure's year, from the indicator's own baseline year. */
  timeProgress: Result<number> | null;
  /** The value the planned path expects at the latest figure's year (comparable with measured). */
  expected: Result<number> | null;
  /** Realised average annual growth since the baseline year, a fraction (年均增长 targets only). */
  realisedGrowth: Result<number> | null;
  status: StatusView | null;
  /** Why there is no computed status (no data, text target, a Failure's code), else null. */
  statusReason: MessageCode | null;
  /** Completion below the time line: amber for rows that are still "on track" within the tolerance. */
  behindTimeLine: boolean;
}

export interface EvaluationOptions {
  /** Band around the time line for 预期性 indicators (default 0.1 of the whole task). */
  tolerance?: number;
  /** Planned path for the expected value of level and 〔〕 targets (default linear, as the NDRC schedules). */
  path?: "linear" | "geometric";
}

/** The last year that has a value. */
export function latestActual(ind: Indicator): { year: number; value: number } | null {
  let best: { year: number; value: number } | null = null;
  for (const [key, entry] of Object.entries(ind.actuals ?? {})) {
    const year = Number(key);
    if (!Number.isInteger(year) || !entry || !Number.isFinite(entry.value)) continue;
    if (!best || year > best.year) best = { year, value: entry.value };
  }
  return best;
}

/** Actuals in year order. */
export function actualSeries(ind: Indicator): Array<{ year: number; value: number }> {
  return Object.entries(ind.actuals ?? {})
    .map(([key, entry]) => ({ year: Number(key), value: entry?.value ?? Number.NaN }))
    .filter((a) => Number.isInteger(a.year) && Number.isFinite(a.value))
    .sort((a, b) => a.year - b.year);
}

type Core = Omit<
  IndicatorEvaluation,
  | "status"
  | "statusReason"
  | "behindTimeLine"
  | "indicatorId"
  | "binding"
  | "targetKind"
  | "latest"
  | "baselineYear"
  | "targetYear"
  | "yearsLeft"
> & {
  statusInput: StatusInput | null;
  statusReason: MessageCode | null;
};

function empty(percentagePoints: boolean, reason: MessageCode | null): Core {
  return {
    percentagePoints,
    targetValue: null,
    measured: null,
    gap: null,
    requiredGrowth: null,
    requiredStep: null,
    progress: null,
    timeProgress: null,
    expected: null,
    realisedGrowth: null,
    statusInput: null,
    statusReason: reason,
  };
}

function levelCore(
  plan: Plan,
  ind: Indicator,
  t: Extract<Target, { kind: "level" }>,
  latest: { year: number; value: number },
  opts: EvaluationOptions,
): Core {
  const yearsLeft = plan.targetYear - latest.year;
  const gapDirection = t.comparator === "<=" ? "down" : ind.direction;
  const core = empty(ind.kind === "percent", null);
  core.targetValue = t.value;
  core.measured = latest.value;
  core.gap = gapToTarget(latest.value, t.value, gapDirection);
  // Growth rates of positions mean nothing; ranks move by places (the step).
  core.requiredGrowth =
    ind.kind === "rank" || yearsLeft <= 0 ? null : requiredAnnualGrowth(latest.value, t.value, yearsLeft);
  core.requiredStep = yearsLeft <= 0 ? null : requiredAnnualStep(latest.value, t.value, yearsLeft);
  core.timeProgress = timeProgress(ind.baselineYear, plan.targetYear, latest.year);
  const binding = ind.attribute === "binding";
  const approx = t.tolerance !== undefined ? { approxTolerance: t.tolerance } : {};
  if (ind.baseline === null) {
    core.statusReason = "eval.noBaseline";
    // Without a baseline progress is unknown, but a target already reached (100 件以上) is still achieved.
    if (isTargetMet(latest.value, t.value, ind.direction, t.comparator, t.tolerance)) {
      core.statusInput = {
        baseline: t.value,
        actual: latest.value,
        target: t.value,
        baseYear: ind.baselineYear,
        targetYear: plan.targetYear,
        year: latest.year,
        direction: ind.direction,
        binding,
        comparator: t.comparator,
        ...approx,
      };
    }
    return core;
  }
  core.expected = expectedValue(ind.baseline, t.value, ind.baselineYear, plan.targetYear, latest.year, opts.path);
  core.statusInput = {
    baseline: ind.baseline,
    actual: latest.value,
    target: t.value,
    baseYear: ind.baselineYear,
    targetYear: plan.targetYear,
    year: latest.year,
    direction: ind.direction,
    binding,
    comparator: t.comparator,
    ...approx,
    ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
  };
  return core;
}

/** 〔〕 targets: each year's figure is that year's own rate; the total so far compounds (reductions) or adds (increases). */
function cumulativeCore(
  plan: Plan,
  ind: Indicator,
  t: Extract<Target, { kind: "cumulative" }>,
  latest: { year: number; value: number },
  opts: EvaluationOptions,
): Core {
  const yearsLeft = plan.targetYear - latest.year;
  const rates = actualSeries(ind)
    .filter((a) => a.year > ind.baselineYear && a.year <= latest.year)
    .map((a) => a.value);
  const soFar = compoundCumulative(rates, t.mode);
  const core = empty(t.mode === "reduction" || ind.kind === "percent", null);
  core.targetValue = t.value;
  core.measured = soFar;
  core.gap = gapToTarget(soFar, t.value, "up");
  core.requiredStep = yearsLeft <= 0 ? null : requiredAnnualCumulativeRate(soFar, t.value, yearsLeft, t.mode);
  core.timeProgress = timeProgress(ind.baselineYear, plan.targetYear, latest.year);
  core.expected = expectedCumulative(t.value, ind.baselineYear, plan.targetYear, latest.year, t.mode, opts.path);
  core.statusInput = {
    baseline: 0,
    actual: soFar,
    target: t.value,
    baseYear: ind.baselineYear,
    targetYear: plan.targetYear,
    year: latest.year,
    direction: "up",
    binding: ind.attribute === "binding",
    ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}),
  };
  return core;
}

/**
 * 年均增长 targets: the target level is baseline·(1 + g)^years. Status compares progress on the log scale,
 * ln(actual/baseline) / ln(level/baseline), with time, so "on schedule" means exactly "realised growth ≥ g".
 */
function annualGrowthCore(
  plan: Plan,
  ind: Indicator,
  t: Extract<Target, { kind: "annualGrowth" }>,
  latest: { year: number; value: number },
): Core {
  const yearsLeft = plan.targetYear - latest.year;
  const core = empty(ind.kind === "percent", null);
  core.measured = latest.value;
  core.timeProgress = timeProgress(ind.baselineYear, plan.targetYear, latest.year);
  if (ind.baseline === null) {
    core.statusReason = "eval.noBaseline";
    return core;
  }
  const baseline = ind.baseline;
  const span = plan.targetYear - ind.baselineYear;
  const level =
    baseline > 0 && t.value > -100
      ? finite(baseline * Math.pow(1 + t.value / 100, span))
      : fail("num", "math.growthFromNonPositive");
  core.realisedGrowth = realisedAnnualGrowth(baseline, latest.value, ind.baselineYear, latest.year);
  if (!level.ok) {
    core.gap = level;
    core.statusReason = level.code;
    return core;
  }
  core.targetValue = level.value;
  core.gap = gapToTarget(latest.value, level.value, ind.direction);
  core.requiredGrowth = yearsLeft <= 0 ? null : requiredAnnualGrowth(latest.value, level.value, yearsLeft);
  core.requiredStep = yearsLeft <= 0 ? null : requiredAnnualStep(latest.value, level.value, yearsLeft);
  core.expected = expectedValue(baseline, level.value, ind.baselineYear, plan.targetYear, latest.year, "geometric");
  if (latest.value <= 0) {
    core.statusReason = "math.growthFromNonPositive";
    core.progress = fail("num", "math.growthFromNonPositive");
    return core;
  }
  core.statusInput = {
    baseline: 0,
    actual: Math.log(latest.value / baseline),
    target: span * Math.log1p(t.value / 100),
    baseYear: ind.baselineYear,
    targetYear: plan.targetYear,
    year: latest.year,
    direction: ind.direction,
    binding: ind.attribute === "binding",
  };
  return core;
}

function overrideView(ind: Indicator, year: number | undefined, targetYear: number): StatusView | null {
  if (!ind.override) return null;
  const labelOpts = year === undefined ? {} : { year, targetYear };
  return {
    code: ind.override.status,
    label: statusLabels(ind.override.status, labelOpts),
    source: "override",
    note: ind.override.note,
  };
}

export function evaluateIndicator(plan: Plan, ind: Indicator, opts: EvaluationOptions = {}): IndicatorEvaluation {
  const latest = latestActual(ind);
  const target = ind.target;
  const head = {
    indicatorId: ind.id,
    binding: ind.attribute === "binding",
    targetKind: target.kind,
    latest,
    baselineYear: ind.baselineYear,
    targetYear: plan.targetYear,
    yearsLeft: latest ? Math.max(0, plan.targetYear - latest.year) : null,
  };
  const pp = ind.kind === "percent" || (target.kind === "cumulative" && target.mode === "reduction");
  let core: Core;
  if (target.kind === "text") core = empty(pp, "eval.textTarget");
  else if (!latest) core = empty(pp, "eval.noData");
  else if (target.kind === "level") core = levelCore(plan, ind, target, latest, opts);
  else if (target.kind === "cumulative") core = cumulativeCore(plan, ind, target, latest, opts);
  else core = annualGrowthCore(plan, ind, target, latest);

  let computed: StatusEvaluation | null = null;
  let statusReason = core.statusReason;
  if (core.statusInput) {
    const s = evaluateStatus(core.statusInput);
    if (s.ok) computed = s.value;
    else statusReason = s.code;
    core.progress = s.ok ? { ok: true, value: s.value.progress } : (s satisfies Failure);
  }
  const override = overrideView(ind, latest?.year, plan.targetYear);
  const status: StatusView | null =
    override ??
    (computed && latest
      ? {
          code: computed.code,
          label: statusLabels(computed.code, { year: latest.year, targetYear: plan.targetYear }),
          source: "computed",
        }
      : null);
  const { statusInput: _unused, statusReason: _reason, ...figures } = core;
  return {
    ...head,
    ...figures,
    status,
    statusReason: status ? null : statusReason,
    behindTimeLine: Boolean(computed?.behindTimeLine) && status?.code !== "achieved",
  };
}

export interface PlanSummary {
  /** The latest year with any figure in the plan (数据年份), null before the first figure. */
  dataYear: number | null;
  /** How many indicators have each status; `none` counts those without one (no data, text targets). */
  counts: Record<StatusCode | "none", number>;
  /** Binding (约束性) indicators first, otherwise in plan order. */
  evaluations: IndicatorEvaluation[];
}

export function summarizePlan(plan: Plan, opts: EvaluationOptions = {}): PlanSummary {
  const counts = Object.fromEntries([...statusCodes, "none"].map((c) => [c, 0])) as Record<StatusCode | "none", number>;
  let dataYear: number | null = null;
  const evaluations = plan.indicators.map((ind) => evaluateIndicator(plan, ind, opts));
  for (const e of evaluations) {
    counts[e.status?.code ?? "none"] += 1;
    if (e.latest && (dataYear === null || e.latest.year > dataYear)) dataYear = e.latest.year;
  }
  // Array.prototype.sort is stable, so plan order survives within each group.
  evaluations.sort((a, b) => Number(b.binding) - Number(a.binding));
  return { dataYear, counts, evaluations };
}
