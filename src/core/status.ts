/**
 * Status in the officials' own words (提前实现/已完成, 快于预期, 基本符合预期, 滞后, 未完成),
 * decided by comparing 完成进度 with 时间进度 as the NDRC's mid-term reviews do.
 */
import { message, messagePair, type Lang, type MessageCode } from "./messages";
import { completionProgress, reaches, timeProgress } from "./indicatorMath";
import type { Direction, StatusCode } from "./planSchema";
import { checkFinite, ok, type Result } from "./result";

/** ±10 % of the whole task around the time line counts as 基本符合预期 for 预期性 indicators. */
export const DEFAULT_TOLERANCE = 0.1;
/** A `~` (左右) target counts as met within 5 % of its value unless the plan gives its own band. */
export const DEFAULT_APPROX_BAND = 0.05;
/** Slack for floating-point rounding at the status boundaries, so 0.5 vs 0.4 + 0.1 is "ahead" as written. */
const EPSILON = 1e-9;

export interface StatusInput {
  baseline: number;
  actual: number;
  target: number;
  baseYear: number;
  targetYear: number;
  year: number;
  direction: Direction;
  binding: boolean;
  tolerance?: number /* default 0.1 */;
  comparator?: ">=" | "<=" | "~";
  approxTolerance?: number;
}

export interface StatusEvaluation {
  code: StatusCode;
  progress: number;
  timeProgress: number;
  behindTimeLine: boolean;
}

/** The direction in which a comparator is met: a ceiling (<=) is kept from below whatever the indicator's direction. */
function metDirection(direction: Direction, comparator: StatusInput["comparator"]): Direction {
  return comparator === "<=" ? "down" : direction;
}

/** Half-width of the band around a `~` target, in the indicator's unit. */
export function approxBand(target: number, approxTolerance?: number): number {
  return approxTolerance ?? Math.abs(target) * DEFAULT_APPROX_BAND;
}

/**
 * Whether `value` meets the target. For `~` (左右) the shortfall may be up to the band;
 * overshooting in the good direction also counts (R&D intensity above 1.47左右 is met).
 */
export function isTargetMet(
  value: number,
  target: number,
  direction: Direction,
  comparator: StatusInput["comparator"] = ">=",
  approxTolerance?: number,
): boolean {
  if (comparator === "~") {
    const shortfall = direction === "up" ? target - value : value - target;
    return shortfall <= approxBand(target, approxTolerance) + EPSILON * Math.max(1, Math.abs(target));
  }
  return reaches(value, target, metDirection(direction, comparator));
}

export function evaluateStatus(input: StatusInput): Result<StatusEvaluation> {
  const { baseline, actual, target, baseYear, targetYear, year, binding, comparator, approxTolerance } = input;
  const bad = checkFinite(
    baseline,
    actual,
    target,
    baseYear,
    targetYear,
    year,
    input.tolerance ?? 0,
    approxTolerance ?? 0,
  );
  if (bad) return bad;
  const tolerance = Math.abs(input.tolerance ?? DEFAULT_TOLERANCE);
  const direction = metDirection(input.direction, comparator);
  const time = timeProgress(baseYear, targetYear, year);
  if (!time.ok) return time;

  const met = isTargetMet(actual, target, input.direction, comparator, approxTolerance);
  const baselineMet = isTargetMet(baseline, target, input.direction, comparator, approxTolerance);
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
  else if (progress >= t + tolerance - EPSILON) code = "ahead";
  else if (progress >= (binding ? t : t - tolerance) - EPSILON) code = "onTrack";
  else code = "lagging";
  return ok({ code, progress, timeProgress: t, behindTimeLine });
}

const labelCodes: Record<Exclude<StatusCode, "achieved">, MessageCode> = {
  ahead: "status.ahead",
  onTrack: "status.onTrack",
  lagging: "status.lagging",
  missed: "status.missed",
};

function labelCode(code: StatusCode, opts?: { year?: number; targetYear?: number }): MessageCode {
  if (code !== "achieved") return labelCodes[code];
  const early = opts?.year !== undefined && opts.targetYear !== undefined && opts.year < opts.targetYear;
  return early ? "status.achievedEarly" : "status.achieved";
}

/** The label officials use: achieved reads 提前实现 before the target year and 已完成 in or after it (or when the year is unknown). */
export function statusLabel(code: StatusCode, lang: Lang, opts?: { year?: number; targetYear?: number }): string {
  return message(labelCode(code, opts), lang); // one language only: PLAN.STATUS calls this on every recalculation
}

export function statusLabels(
  code: StatusCode,
  opts?: { year?: number; targetYear?: number },
): { zh: string; en: string } {
  return messagePair(labelCode(code, opts));
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
