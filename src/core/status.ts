/**
 * Status in the officials' own words (提前实现/已完成, 快于预期, 基本符合预期, 滞后, 未完成),
 * decided by comparing 完成进度 with 时间进度 as the NDRC's mid-term reviews do.
 */
import { message, messagePair, type Lang, type MessageCode } from "./messages";
import { completionProgress, reaches, timeProgress } from "./indicatorMath";
import type { Comparator, Direction, StatusCode } from "./planSchema";
import { checkFinite, fail, ok, type Result } from "./result";

/** ±10 % of the whole task around the time line counts as 基本符合预期 for 预期性 indicators. */
export const DEFAULT_TOLERANCE = 0.1;
/** A 约/左右 target counts as met within 5 % of its value unless the plan gives its own band. */
export const DEFAULT_APPROX_BAND = 0.05;
/** 基本同步: an average growth up to 0.5 百分点 below the reference's still counts as in step, unless the plan says otherwise. */
export const DEFAULT_IN_STEP_BAND = 0.5;
/** Slack for floating-point rounding at the status boundaries, so 0.5 vs 0.4 + 0.1 is "ahead" as written. */
export const STATUS_EPSILON = 1e-9;
const EPSILON = STATUS_EPSILON;

/** What an evaluation can say about an indicator: the five verdicts, or that its latest figure is older than the year evaluated. */
export type VerdictCode = StatusCode | "stale";

/** Half-width of the band around a 约/左右 target, in the target's unit (0 for an exact target). */
export function approxBand(target: number, approximate: boolean | undefined, band?: number): number {
  if (!approximate) return 0;
  return band ?? Math.abs(target) * DEFAULT_APPROX_BAND;
}

/**
 * Whether `value` meets a bound: at least (>=) or at most (<=) the target, with a 约/左右 target's band
 * on the lenient side. Overshooting in the good direction always counts.
 */
export function isMet(
  value: number,
  target: number,
  comparator: Comparator,
  approximate?: boolean,
  band?: number,
): boolean {
  const slack = approxBand(target, approximate, band) + EPSILON * Math.max(1, Math.abs(target));
  return comparator === ">=" ? value >= target - slack : value <= target + slack;
}

/**
 * Ahead, on track or lagging, by 完成进度 against 时间进度: ahead from time + tolerance; on track from
 * time − tolerance (预期性) or from the time line itself (约束性: no tolerance below it).
 */
export function scheduleVerdict(
  progress: number,
  time: number,
  binding: boolean,
  tolerance = DEFAULT_TOLERANCE,
): "ahead" | "onTrack" | "lagging" {
  if (progress >= time + tolerance - EPSILON) return "ahead";
  if (progress >= (binding ? time : time - tolerance) - EPSILON) return "onTrack";
  return "lagging";
}

export interface StatusInput {
  baseline: number;
  actual: number;
  target: number;
  baseYear: number;
  targetYear: number;
  year: number;
  /** Omitted: taken from baseline vs target (a target below the baseline means lower is better). */
  direction?: Direction;
  binding: boolean;
  tolerance?: number /* default 0.1 */;
}

export interface StatusEvaluation {
  code: StatusCode;
  progress: number;
  timeProgress: number;
  behindTimeLine: boolean;
}

/** The direction a value form implies when none is given: towards the target from the baseline. */
export function impliedDirection(baseline: number, target: number): Direction {
  return target < baseline ? "down" : "up";
}

/**
 * The value form of the status (PLAN.STATUS with numbers): a target to reach from the baseline.
 * A year before the baseline year is "not started", not a verdict.
 */
export function evaluateStatus(input: StatusInput): Result<StatusEvaluation> {
  const { baseline, actual, target, baseYear, targetYear, year, binding } = input;
  const bad = checkFinite(baseline, actual, target, baseYear, targetYear, year, input.tolerance ?? 0);
  if (bad) return bad;
  const time = timeProgress(baseYear, targetYear, year);
  if (!time.ok) return time;
  if (year < baseYear) return fail("na", "eval.notStarted", { year, baseYear });
  const tolerance = Math.abs(input.tolerance ?? DEFAULT_TOLERANCE);
  const direction = input.direction ?? impliedDirection(baseline, target);

  const met = reaches(actual, target, direction);
  const baselineMet = reaches(baseline, target, direction);
  let progress: number;
  if (baselineMet) {
    // Nothing to catch up: the target only has to hold.
    progress = met ? 1 : 0;
  } else {
    const p = completionProgress(baseline, actual, target, direction);
    if (!p.ok) return p;
    progress = p.value;
  }
  const t = time.value;
  const behindTimeLine = !met && progress < t - EPSILON;

  let code: StatusCode;
  if (met) code = "achieved";
  else if (year >= targetYear) code = "missed";
  else if (baselineMet) code = "lagging";
  else code = scheduleVerdict(progress, t, binding, tolerance);
  return ok({ code, progress, timeProgress: t, behindTimeLine });
}

const labelCodes: Record<Exclude<VerdictCode, "achieved">, MessageCode> = {
  stale: "status.stale",
  ahead: "status.ahead",
  onTrack: "status.onTrack",
  lagging: "status.lagging",
  missed: "status.missed",
};

export interface LabelOptions {
  /** The year evaluated: achieved reads 提前实现 before the target year. */
  year?: number;
  targetYear?: number;
  /** For stale: the year of the latest figure. */
  dataYear?: number;
}

function labelCode(code: VerdictCode, opts?: LabelOptions): MessageCode {
  if (code !== "achieved") return labelCodes[code];
  const early = opts?.year !== undefined && opts.targetYear !== undefined && opts.year < opts.targetYear;
  return early ? "status.achievedEarly" : "status.achieved";
}

/** The label officials use: achieved reads 提前实现 before the target year and 已完成 in or after it (or when the year is unknown). */
export function statusLabel(code: VerdictCode, lang: Lang, opts?: LabelOptions): string {
  // One language only: PLAN.STATUS calls this on every recalculation.
  return message(labelCode(code, opts), lang, opts?.dataYear !== undefined ? { year: opts.dataYear } : undefined);
}

export function statusLabels(code: VerdictCode, opts?: LabelOptions): { zh: string; en: string } {
  return messagePair(labelCode(code, opts), opts?.dataYear !== undefined ? { year: opts.dataYear } : undefined);
}

/** Labels staff type in an override column, zh or en, with the common synonyms found in official reports. */
const labelWords: Record<string, StatusCode> = {
  提前实现: "achieved",
  已提前实现: "achieved",
  提前完成: "achieved",
  已提前完成: "achieved",
  已完成: "achieved",
  完成: "achieved",
  已实现: "achieved",
  已达标: "achieved",
  achieved: "achieved",
  "achieved early": "achieved",
  快于预期: "ahead",
  高于预期: "ahead",
  超前: "ahead",
  ahead: "ahead",
  "ahead of schedule": "ahead",
  基本符合预期: "onTrack",
  符合预期: "onTrack",
  达到预期进度: "onTrack",
  ontrack: "onTrack",
  "on track": "onTrack",
  "on schedule": "onTrack",
  滞后: "lagging",
  进度滞后: "lagging",
  滞后于预期: "lagging",
  lagging: "lagging",
  behind: "lagging",
  未完成: "missed",
  未实现: "missed",
  missed: "missed",
};

export function parseStatusLabel(text: string): StatusCode | null {
  if (typeof text !== "string") return null;
  const key = text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
  return labelWords[key] ?? null;
}

/**
 * The obligation a bare bound implies when a plan does not say: a bound the baseline already
 * meets is to be kept (粮食综合生产能力 >6.5 from 6.69, 失业率 <5.5 from 5.2); any other is to be reached.
 */
export function inferObligation(
  baseline: number | null,
  value: number,
  comparator: Comparator,
  approximate?: boolean,
  band?: number,
): "reach" | "keep" {
  return baseline !== null && isMet(baseline, value, comparator, approximate, band) ? "keep" : "reach";
}

/**
 * The column part of a 待修正（…） label: the header of the cell to fix, after the name of the indicator
 * it belongs to when that is the row a relative target refers to. The sheet (PLAN.EVALUATE) and the
 * pane build the label through this one function.
 */
export function needsFixColumn(header: string, referenceName?: string): string {
  return referenceName ? `${referenceName} ${header}` : header;
}
