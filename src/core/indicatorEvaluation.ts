/**
 * Everything the pane, the template, the functions and the report show about one indicator,
 * computed in one place from the plan model, at one evaluation year (评估年份) for the whole plan.
 *
 * - Only figures up to the evaluation year count. When an indicator's latest figure is older, it
 *   is not judged on an older time line: its status is 数据滞后 (stale) with its data year.
 * - The target is the adjusted one when an adjustment was approved (动态调整), the baseline the
 *   revised one when it was revised; both originals stay visible in the result.
 * - Each target form has its own rule (docs/formulas.md): reach, keep, 年均 growth from rates or
 *   levels, 〔〕 totals from changes or levels, targets relative to another indicator, and text
 *   targets judged by their yearly targets.
 * A field is null when it does not apply and a Failure when it applies but cannot be computed.
 */
import {
  completionProgress,
  expectedCumulative,
  expectedValue,
  gapToTarget,
  requiredAnnualCumulativeRate,
  requiredAnnualGrowth,
  requiredAnnualStep,
  timeProgress,
} from "./indicatorMath";
import {
  cumulativeSoFar,
  figureSeries,
  realisedAnnualGrowthRate,
  realisedLogGrowth,
  type YearFigure,
} from "./figureSeries";
import type { MessageCode } from "./messages";
import type {
  BaselineRevision,
  Indicator,
  LocalizedText,
  Obligation,
  Plan,
  StatusCode,
  Target,
  TargetAdjustment,
  YearlyTarget,
} from "./planSchema";
import { statusCodes } from "./planVocabulary";
import { fail, finite, ok, type Failure, type Result } from "./result";
import {
  DEFAULT_IN_STEP_BAND,
  DEFAULT_TOLERANCE,
  isMet,
  scheduleVerdict,
  statusLabels,
  STATUS_EPSILON,
  type VerdictCode,
} from "./status";

export interface StatusView {
  code: VerdictCode;
  label: { zh: string; en: string };
  source: "computed" | "override";
  /** The officials' reason, kept with a manual override. */
  note?: string;
}

export interface BaselineView {
  /** The baseline progress is measured from: the revised one when there is a revision. */
  value: number | null;
  year: number;
  /** The source did not give a baseline year: the plan's base year is used (and said so). */
  yearAssumed: boolean;
  /** As published in the plan. */
  published: number | null;
  publishedYear: number | null;
  revision: BaselineRevision | null;
}

export interface TargetView {
  /** The target the status uses: the last approved adjustment, or the plan's. */
  effective: Target;
  /** As published in the plan. */
  original: Target;
  adjustment: TargetAdjustment | null;
}

export interface YearlyVerdict {
  year: number;
  target: YearlyTarget;
  value: number | null;
  met: boolean | null;
}

export interface EvaluationNote {
  code: MessageCode;
  args?: Record<string, string | number>;
}

export interface IndicatorEvaluation {
  indicatorId: string;
  binding: boolean;
  /** False when the source gives no attribute (未注明): judged as 预期性, and a note says so. */
  attributeKnown: boolean;
  targetKind: Target["kind"];
  obligation: Obligation | null;
  /** Gaps and steps are in 百分点 (percent indicators, 〔〕 reductions, growth rates), not relative terms. */
  percentagePoints: boolean;
  evaluationYear: number;
  /** The figure the evaluation uses: the latest one up to the evaluation year. */
  latest: YearFigure | null;
  /** The latest figure is older than the evaluation year (数据滞后). */
  stale: boolean;
  baseline: BaselineView;
  target: TargetView;
  targetYear: number;
  /** Years from the latest figure to the target year (0 once the target year's figure is in). */
  yearsLeft: number | null;
  /** What the gap is measured against (the level target, the 〔〕 total, the 年均 rate in %, the reference's rate). */
  targetValue: number | null;
  /** What is compared with targetValue: the figure, the 〔〕 total so far, the realised 年均 rate in %. */
  measured: number | null;
  gap: Result<number> | null;
  /** 年均需增长, a fraction. */
  requiredGrowth: Result<number> | null;
  /** 年均需提高 in the indicator's own unit; for 〔〕 targets the yearly rate still needed. */
  requiredStep: Result<number> | null;
  /** 完成进度 (null for targets to keep and relative targets: they hold or they do not). */
  progress: Result<number> | null;
  /** 时间进度 at the evaluation year, from the indicator's own baseline year. */
  timeProgress: Result<number> | null;
  /** The value the planned path expects at the evaluation year (comparable with measured). */
  expected: Result<number> | null;
  /** Realised average annual growth since the baseline year, a fraction (年均 and relative targets). */
  realisedGrowth: Result<number> | null;
  /** Relative targets: the reference indicator's realised average growth over the same years. */
  reference: { indicatorId: string; realisedGrowth: Result<number> | null } | null;
  /** Targets to keep and relative targets: whether the bound holds at the evaluation year. */
  held: boolean | null;
  /** The evaluation year's own target (年度目标), when the plan gives one. */
  yearly: YearlyVerdict | null;
  status: StatusView | null;
  /** Why there is no computed status, else null. */
  statusReason: MessageCode | null;
  statusReasonArgs?: Record<string, string | number>;
  /** Assumptions the evaluation made and says so (attribute not stated, base year assumed). */
  notes: EvaluationNote[];
  /** Below the time line although within the tolerance: amber. */
  behindTimeLine: boolean;
  /**
   * A cell of the row that cannot be read — or of the row a relative target refers to (then `reference`
   * names that indicator): nothing is evaluated until it is fixed (待修正).
   */
  needsFix: { header: string; text: string; reference?: LocalizedText } | null;
}

export interface EvaluationOptions {
  /** The year evaluated; default: the plan's chosen year, else the latest year with any figure. */
  evaluationYear?: number;
  /** Band around the time line for 预期性 indicators (default 0.1 of the whole task). */
  tolerance?: number;
  /** Planned path for the expected value of level and 〔〕 targets (default linear, as the NDRC schedules). */
  path?: "linear" | "geometric";
  /** Indicators whose row holds a cell that cannot be read (by id): shown as 待修正, not evaluated. */
  blocked?: ReadonlyMap<string, { header: string; text: string }>;
}

// ---------------------------------------------------------------------------------------------
// Years

/** The latest year with any figure in the plan, or null before the first figure. */
export function latestDataYear(plan: Pick<Plan, "indicators">): number | null {
  let best: number | null = null;
  for (const ind of plan.indicators) {
    for (const [key, entry] of Object.entries(ind.actuals ?? {})) {
      const y = Number(key);
      if (Number.isInteger(y) && entry && Number.isFinite(entry.value) && (best === null || y > best)) best = y;
    }
  }
  return best;
}

/** The year a plan is evaluated at: the one asked for, the plan's chosen one, the latest figure's year, or the first plan year. */
export function evaluationYearOf(plan: Plan, asked?: number): number {
  return asked ?? plan.evaluation?.year ?? latestDataYear(plan) ?? plan.baseYear + 1;
}

/** The latest figure of an indicator (any year). */
export function latestActual(ind: Indicator): YearFigure | null {
  const series = figureSeries(ind);
  return series.length > 0 ? series[series.length - 1]! : null;
}

/** Actuals in year order. */
export function actualSeries(ind: Indicator): YearFigure[] {
  return figureSeries(ind);
}

// ---------------------------------------------------------------------------------------------
// What applies: the revised baseline, the adjusted target

export function baselineView(plan: Pick<Plan, "baseYear">, ind: Indicator): BaselineView {
  const revisions = ind.baselineRevisions ?? [];
  const revision = revisions.length > 0 ? revisions[revisions.length - 1]! : null;
  const publishedYear = ind.baselineYear;
  const year = revision?.year ?? publishedYear ?? plan.baseYear;
  return {
    value: revision ? revision.value : ind.baseline,
    year,
    yearAssumed: revision?.year === undefined && publishedYear === null,
    published: ind.baseline,
    publishedYear,
    revision,
  };
}

export function targetView(ind: Indicator): TargetView {
  const adjustments = ind.targetAdjustments ?? [];
  const adjustment = adjustments.length > 0 ? adjustments[adjustments.length - 1]! : null;
  return { effective: adjustment ? adjustment.target : ind.target, original: ind.target, adjustment };
}

// ---------------------------------------------------------------------------------------------
// The evaluation

interface Context {
  plan: Plan;
  ind: Indicator;
  year: number;
  binding: boolean;
  baseline: BaselineView;
  /** Where the indicator's period starts (its time line and its rate or change series): see periodStart. */
  start: number;
  series: YearFigure[];
  latest: YearFigure | null;
  time: Result<number>;
  tolerance: number;
  path: "linear" | "geometric";
}

/** The figures and the verdict a rule produces; evaluateIndicator adds the shared fields. */
interface Outcome {
  targetValue: number | null;
  measured: number | null;
  gap: Result<number> | null;
  requiredGrowth: Result<number> | null;
  requiredStep: Result<number> | null;
  progress: Result<number> | null;
  expected: Result<number> | null;
  realisedGrowth: Result<number> | null;
  reference: IndicatorEvaluation["reference"];
  held: boolean | null;
  code: StatusCode | null;
  reason: Failure | { code: MessageCode; args?: Record<string, string | number> } | null;
  behindTimeLine: boolean;
}

function outcome(partial: Partial<Outcome>): Outcome {
  return {
    targetValue: null,
    measured: null,
    gap: null,
    requiredGrowth: null,
    requiredStep: null,
    progress: null,
    expected: null,
    realisedGrowth: null,
    reference: null,
    held: null,
    code: null,
    reason: null,
    behindTimeLine: false,
    ...partial,
  };
}

function reason(code: MessageCode, args?: Record<string, string | number>): Outcome["reason"] {
  return args ? { code, args } : { code };
}

/** A held bound: on track while the period runs, done in the target year; a breach lags, or is missed at the end. */
function keepVerdict(held: boolean, year: number, targetYear: number): StatusCode {
  if (year >= targetYear) return held ? "achieved" : "missed";
  return held ? "onTrack" : "lagging";
}

function yearsLeftFrom(ctx: Context): number {
  return ctx.latest ? Math.max(0, ctx.plan.targetYear - ctx.latest.year) : 0;
}

/** Level targets: reach (达到, progress against time) or keep (保持, the bound holds). */
function levelRule(ctx: Context, t: Extract<Target, { kind: "level" }>): Outcome {
  const latest = ctx.latest!;
  const left = ctx.plan.targetYear - latest.year;
  const met = isMet(latest.value, t.value, t.comparator, t.approximate, t.band);
  const gapDirection = t.comparator === "<=" ? "down" : "up";
  const base = outcome({
    targetValue: t.value,
    measured: latest.value,
    gap: gapToTarget(latest.value, t.value, gapDirection),
    // Growth rates of positions mean nothing; ranks move by places (the step).
    requiredGrowth:
      ctx.ind.kind === "rank" || left <= 0 || met ? null : requiredAnnualGrowth(latest.value, t.value, left),
    requiredStep: left <= 0 || met ? null : requiredAnnualStep(latest.value, t.value, left),
  });
  if (t.obligation === "keep") {
    return { ...base, held: met, code: keepVerdict(met, ctx.year, ctx.plan.targetYear) };
  }
  const B = ctx.baseline.value;
  if (B === null) {
    // Without a baseline progress is unknown, but a target already reached is still reached.
    if (met) return { ...base, code: "achieved" };
    return { ...base, reason: reason("eval.noBaseline") };
  }
  // A target met is met, even where no time line can be drawn (the target year not after the baseline's).
  if (!ctx.time.ok) return met ? { ...base, code: "achieved" } : { ...base, reason: ctx.time };
  const expected = expectedValue(B, t.value, ctx.start, ctx.plan.targetYear, ctx.year, ctx.path);
  const baselineMet = isMet(B, t.value, t.comparator, t.approximate, t.band);
  let progress: Result<number>;
  if (baselineMet) progress = ok(met ? 1 : 0);
  else progress = completionProgress(B, latest.value, t.value, gapDirection);
  if (!progress.ok) return { ...base, expected, progress, reason: progress };
  const time = ctx.time.value;
  let code: StatusCode;
  if (met) code = "achieved";
  else if (ctx.year >= ctx.plan.targetYear) code = "missed";
  else if (baselineMet) code = "lagging";
  else code = scheduleVerdict(progress.value, time, ctx.binding, ctx.tolerance);
  return {
    ...base,
    expected,
    progress,
    code,
    behindTimeLine: !met && progress.value < time - STATUS_EPSILON,
  };
}

/** 〔〕 totals and 提高 N 个百分点: the total so far against the five-year total, linearly in time. */
function cumulativeRule(ctx: Context, t: Extract<Target, { kind: "cumulative" }>): Outcome {
  const latest = ctx.latest!;
  const so = cumulativeSoFar(t, ctx.ind.figures, ctx.series, ctx.baseline.value, ctx.start, latest.year);
  if (!so.ok) return outcome({ targetValue: t.value, reason: so });
  const soFar = so.value;
  const left = ctx.plan.targetYear - latest.year;
  const met = isMet(soFar, t.value, ">=", t.approximate, t.band);
  const mode = t.mode === "reduction" ? "reduction" : "increase";
  const base = outcome({
    targetValue: t.value,
    measured: soFar,
    gap: gapToTarget(soFar, t.value, "up"),
    requiredStep: left <= 0 || met ? null : requiredAnnualCumulativeRate(soFar, t.value, left, mode),
  });
  // As for levels: a total already reached is reached, even where no time line can be drawn.
  if (!ctx.time.ok) return met ? { ...base, code: "achieved" } : { ...base, reason: ctx.time };
  const expected = expectedCumulative(t.value, ctx.start, ctx.plan.targetYear, ctx.year, mode, ctx.path);
  if (t.value === 0) {
    return {
      ...base,
      expected,
      progress: ok(met ? 1 : 0),
      code: met ? "achieved" : keepVerdict(false, ctx.year, ctx.plan.targetYear),
    };
  }
  const progress = finite(soFar / t.value);
  if (!progress.ok) return { ...base, expected, progress, reason: progress };
  const time = ctx.time.value;
  let code: StatusCode;
  if (met) code = "achieved";
  else if (ctx.year >= ctx.plan.targetYear) code = "missed";
  else code = scheduleVerdict(progress.value, time, ctx.binding, ctx.tolerance);
  return { ...base, expected, progress, code, behindTimeLine: !met && progress.value < time - STATUS_EPSILON };
}

/**
 * 年均增长 targets: the realised average since the baseline year (geometric mean of the yearly rates,
 * or the level's compound rate) against the target rate. Progress is measured on the log scale,
 * Σ ln(1 + rᵢ) / (N · ln(1 + g)), so progress ≥ time progress means exactly "realised ≥ g". An average
 * holds only over the whole period: it is never 提前实现, and 已完成 or 未完成 in the target year.
 */
function growthRule(ctx: Context, t: Extract<Target, { kind: "annualGrowth" }>): Outcome {
  const latest = ctx.latest!;
  const b = ctx.start;
  const done = latest.year - b;
  const span = ctx.plan.targetYear - b;
  const log = realisedLogGrowth(ctx.ind.figures, ctx.series, ctx.baseline.value, b, latest.year);
  if (!log.ok) return outcome({ targetValue: t.value, reason: log });
  const realised = realisedAnnualGrowthRate(log.value, done);
  if (!realised.ok) return outcome({ targetValue: t.value, realisedGrowth: realised, reason: realised });
  const realisedPercent = realised.value * 100;
  const left = ctx.plan.targetYear - latest.year;
  const held = isMet(realisedPercent, t.value, t.comparator, t.approximate, t.band);
  // The growth still needed each remaining year for the period's average to be g.
  const goalLog = span * Math.log1p(t.value / 100);
  const requiredGrowth = left > 0 && t.value > -100 ? finite(Math.expm1((goalLog - log.value) / left)) : null;
  const base = outcome({
    targetValue: t.value,
    measured: realisedPercent,
    gap: finite(t.comparator === ">=" ? t.value - realisedPercent : realisedPercent - t.value),
    realisedGrowth: realised,
    requiredGrowth: t.comparator === ">=" ? requiredGrowth : null,
    held,
  });
  if (!ctx.time.ok) return { ...base, reason: ctx.time };
  const time = ctx.time.value;
  if (ctx.year >= ctx.plan.targetYear) return { ...base, code: held ? "achieved" : "missed" };
  // A ceiling on growth (不超过), or a target of no growth: it holds or it does not.
  if (t.comparator === "<=" || !(goalLog > 0)) return { ...base, code: held ? "onTrack" : "lagging" };
  const progress = finite(log.value / goalLog);
  if (!progress.ok) return { ...base, progress, reason: progress };
  // A 约/左右 band may hold a rate a little under g: that is on track, whatever the time line says.
  const scheduled = scheduleVerdict(progress.value, time, ctx.binding, ctx.tolerance);
  const verdict = held && scheduled === "lagging" ? "onTrack" : scheduled;
  return {
    ...base,
    progress,
    code: verdict,
    behindTimeLine: !held && progress.value < time - STATUS_EPSILON,
  };
}

/** The realised average annual growth of an indicator from the start of its own period to `year`, a fraction. */
function realisedOver(plan: Plan, ind: Indicator, year: number): Result<number> {
  const baseline = baselineView(plan, ind);
  const start = periodStart(plan, ind, baseline);
  const series = figureSeries(ind, year);
  const log = realisedLogGrowth(ind.figures, series, baseline.value, start, year);
  if (!log.ok) return log;
  return realisedAnnualGrowthRate(log.value, year - start);
}

/**
 * Targets relative to another indicator of the plan (高于GDP增长, 与经济增长基本同步): each row's realised
 * average growth over its own period to the same year; above holds when it is at least the
 * reference's, in step when it is at most the band below it.
 */
function relativeRule(ctx: Context, t: Extract<Target, { kind: "relative" }>): Outcome {
  const latest = ctx.latest!;
  const ref = ctx.plan.indicators.find((i) => i.id === t.reference) ?? null;
  if (!ref) return outcome({ reason: reason("eval.referenceMissing", { id: t.reference }) });
  const own = realisedOver(ctx.plan, ctx.ind, latest.year);
  const refLatest = figureSeries(ref, latest.year).find((f) => f.year === latest.year);
  if (!refLatest) {
    return outcome({
      realisedGrowth: own,
      reference: { indicatorId: ref.id, realisedGrowth: null },
      reason: reason("eval.referenceNoData", { name: ref.name.zh, year: latest.year }),
    });
  }
  const theirs = realisedOver(ctx.plan, ref, latest.year);
  const base = outcome({ realisedGrowth: own, reference: { indicatorId: ref.id, realisedGrowth: theirs } });
  if (!own.ok) return { ...base, reason: own };
  if (!theirs.ok) return { ...base, reason: theirs };
  const mine = own.value * 100;
  const other = theirs.value * 100;
  const band = t.relation === "inStep" ? (t.band ?? DEFAULT_IN_STEP_BAND) : 0;
  const held = mine >= other - band - STATUS_EPSILON;
  return {
    ...base,
    targetValue: other,
    measured: mine,
    gap: finite(other - band - mine),
    held,
    code: keepVerdict(held, ctx.year, ctx.plan.targetYear),
  };
}

/**
 * Where an indicator's period starts: its baseline year for level figures (a 2019 baseline counts its
 * time from 2019); for yearly rates or changes, not before the plan's base year — those series are
 * the plan period's own years, and a year before it has no column to be typed in.
 */
export function periodStart(plan: Pick<Plan, "baseYear">, ind: Indicator, baseline: BaselineView): number {
  return ind.figures === "level" ? baseline.year : Math.max(baseline.year, plan.baseYear);
}

function yearlyVerdict(ind: Indicator, year: number, series: readonly YearFigure[]): YearlyVerdict | null {
  const target = ind.yearlyTargets?.[String(year)];
  if (!target) return null;
  const figure = series.find((f) => f.year === year) ?? null;
  return {
    year,
    target,
    value: figure?.value ?? null,
    met: figure ? isMet(figure.value, target.value, target.comparator, target.approximate, target.band) : null,
  };
}

function overrideView(ind: Indicator, year: number, targetYear: number): StatusView | null {
  if (!ind.override) return null;
  return {
    code: ind.override.status,
    label: statusLabels(ind.override.status, { year, targetYear }),
    source: "override",
    note: ind.override.note,
  };
}

function isPercentagePoints(ind: Indicator, t: Target): boolean {
  if (t.kind === "annualGrowth" || t.kind === "relative") return true;
  if (t.kind === "cumulative") return t.mode === "reduction" || ind.kind === "percent";
  return ind.kind === "percent";
}

export function evaluateIndicator(
  planOfIndicator: Plan,
  ind: Indicator,
  opts: EvaluationOptions = {},
): IndicatorEvaluation {
  const year = evaluationYearOf(planOfIndicator, opts.evaluationYear);
  // A goal's own target year (a supplementary 2035 vision) stands in for the plan's, as the template
  // row's 目标年 cell does for the PLAN functions (templateRow.ts planOfRow).
  const plan =
    ind.targetYear !== undefined && ind.targetYear !== planOfIndicator.targetYear
      ? { ...planOfIndicator, targetYear: ind.targetYear }
      : planOfIndicator;
  const baseline = baselineView(plan, ind);
  const targets = targetView(ind);
  const t = targets.effective;
  const series = figureSeries(ind, year);
  const latest = series.length > 0 ? series[series.length - 1]! : null;
  const binding = ind.attribute === "binding";
  const notes: EvaluationNote[] = [];
  if (ind.attribute === null) notes.push({ code: "eval.attributeUnknown" });
  if (baseline.yearAssumed) notes.push({ code: "eval.baselineYearAssumed", args: { year: baseline.year } });
  const start = periodStart(plan, ind, baseline);
  const time = timeProgress(start, plan.targetYear, year);
  const ctx: Context = {
    plan,
    ind,
    year,
    binding,
    baseline,
    start,
    series,
    latest,
    time,
    tolerance: Math.abs(opts.tolerance ?? DEFAULT_TOLERANCE),
    path: opts.path ?? "linear",
  };
  const yearly = yearlyVerdict(ind, year, series);

  const own = opts.blocked?.get(ind.id);
  const ref = t.kind === "relative" ? plan.indicators.find((i) => i.id === t.reference) : undefined;
  const refBlocked = ref ? opts.blocked?.get(ref.id) : undefined;
  const fix: IndicatorEvaluation["needsFix"] = own
    ? { header: own.header, text: own.text }
    : refBlocked && ref
      ? { header: refBlocked.header, text: refBlocked.text, reference: ref.name }
      : null;
  let out: Outcome;
  if (fix) out = outcome({ reason: reason("eval.unreadable", { cell: fix.header, text: fix.text }) });
  else if (year <= start) out = outcome({ reason: reason("eval.notStarted", { year, baseYear: start }) });
  else if (!latest) out = outcome({ reason: reason("eval.noData") });
  else {
    switch (t.kind) {
      case "text":
        out =
          yearly && yearly.met !== null
            ? outcome({ held: yearly.met, code: keepVerdict(yearly.met, year, plan.targetYear) })
            : outcome({ reason: reason("eval.textTarget") });
        break;
      case "level":
        out = levelRule(ctx, t);
        break;
      case "cumulative":
        out = cumulativeRule(ctx, t);
        break;
      case "annualGrowth":
        out = growthRule(ctx, t);
        break;
      case "relative":
        out = relativeRule(ctx, t);
        break;
    }
  }

  const stale = !fix && latest !== null && latest.year < year;
  let computed: StatusView | null = null;
  if (stale) {
    computed = {
      code: "stale",
      label: statusLabels("stale", { dataYear: latest.year }),
      source: "computed",
    };
  } else if (out.code) {
    computed = {
      code: out.code,
      label: statusLabels(out.code, { year, targetYear: plan.targetYear }),
      source: "computed",
    };
  }
  // A cell to fix comes first, even before a manual verdict: the row as typed cannot be read.
  const status = fix ? null : (overrideView(ind, year, plan.targetYear) ?? computed);
  const why = out.reason;
  return {
    indicatorId: ind.id,
    binding,
    attributeKnown: ind.attribute !== null,
    targetKind: t.kind,
    obligation: t.kind === "level" ? t.obligation : null,
    percentagePoints: isPercentagePoints(ind, t),
    evaluationYear: year,
    latest,
    stale,
    baseline,
    target: targets,
    targetYear: plan.targetYear,
    yearsLeft: latest ? yearsLeftFrom(ctx) : null,
    targetValue: out.targetValue,
    measured: out.measured,
    gap: out.gap,
    requiredGrowth: out.requiredGrowth,
    requiredStep: out.requiredStep,
    progress: out.progress,
    timeProgress: t.kind === "text" ? null : time,
    expected: out.expected,
    realisedGrowth: out.realisedGrowth,
    reference: out.reference,
    held: out.held,
    yearly,
    status,
    statusReason: status || !why ? null : why.code,
    ...(status || !why || !why.args ? {} : { statusReasonArgs: why.args }),
    notes,
    behindTimeLine: out.behindTimeLine && !stale && status?.code !== "achieved",
    needsFix: fix,
  };
}

export interface PlanSummary {
  /** The year evaluated (评估年份). */
  evaluationYear: number;
  /** The latest year with any figure in the plan (数据年份), null before the first figure. */
  dataYear: number | null;
  /** How many indicators have each status; `needsFix` counts rows with a cell to fix, `none` those without a status (no data, text targets). */
  counts: Record<VerdictCode | "needsFix" | "none", number>;
  /** Binding (约束性) indicators first, otherwise in plan order. */
  evaluations: IndicatorEvaluation[];
}

export const VERDICT_CODES: readonly VerdictCode[] = [...statusCodes, "stale"];

export function summarizePlan(plan: Plan, opts: EvaluationOptions = {}): PlanSummary {
  const counts = Object.fromEntries([...VERDICT_CODES, "needsFix", "none"].map((c) => [c, 0])) as PlanSummary["counts"];
  const evaluationYear = evaluationYearOf(plan, opts.evaluationYear);
  const evaluations = plan.indicators.map((ind) => evaluateIndicator(plan, ind, { ...opts, evaluationYear }));
  for (const e of evaluations) counts[e.needsFix ? "needsFix" : (e.status?.code ?? "none")] += 1;
  // Array.prototype.sort is stable, so plan order survives within each group.
  evaluations.sort((a, b) => Number(b.binding) - Number(a.binding));
  return { evaluationYear, dataYear: latestDataYear(plan), counts, evaluations };
}

/** For callers that need a Failure for a reason code (the functions). */
export function reasonFailure(ev: IndicatorEvaluation): Failure {
  return fail("na", ev.statusReason ?? "eval.noData", ev.statusReasonArgs);
}
