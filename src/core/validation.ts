/**
 * Checks on what staff enter, each finding pointing at one cell (indicator id + year + field)
 * with a stable code and a message in both languages. Errors mean the value cannot be used;
 * warnings mean it is used but looks wrong, and may carry a safe fix the pane can apply.
 */
import { message, messagePair, type Lang, type MessageCode } from "./messages";
import { parseUserNumber, type NumberFix } from "./numberParsing";
import { numberOptions } from "./templateRow";
import type { Indicator, Plan } from "./planSchema";
import { actualSeries } from "./indicatorEvaluation";
import { figureRangeCode } from "./figureRules";

export interface Finding {
  severity: "error" | "warning";
  code: MessageCode;
  message: { zh: string; en: string };
  indicatorId: string;
  year?: number;
  field: "baseline" | "target" | "actual" | "baselineYear" | "override";
  fix?: { value: number; fixes: NumberFix[] };
}

/** A yearly figure more than this many times (or less than 1/this of) the previous one is worth a second look. */
export const PLAUSIBLE_JUMP_FACTOR = 3;

type Field = Finding["field"];
type Args = Record<string, string | number>;

function finding(
  severity: Finding["severity"],
  code: MessageCode,
  ind: Indicator,
  field: Field,
  args?: Args,
  year?: number,
  fix?: Finding["fix"],
): Finding {
  return {
    severity,
    code,
    message: messagePair(code, args),
    indicatorId: ind.id,
    ...(year !== undefined ? { year } : {}),
    field,
    ...(fix ? { fix } : {}),
  };
}

function fixNames(fixes: NumberFix[]): { zh: string; en: string } {
  const pairs = fixes.map((f) => messagePair(`fix.${f}` as MessageCode));
  return { zh: pairs.map((p) => p.zh).join("、"), en: pairs.map((p) => p.en).join(", ") };
}

/** Parser codes that say more than "not a number": what is wrong with the text and what to write instead. */
const SPECIFIC_READING: ReadonlySet<MessageCode> = new Set<MessageCode>([
  "parse.approximate",
  "parse.chineseMultiplier",
  "parse.thousandsSeparator",
  "parse.hex",
  "parse.unitMismatch",
]);

/**
 * A note on a cell that cannot be read (the pane's 待修正 row), in the words that fit its text: “约38” says to
 * remove 约 and write 38, “12万” to write the full number; other text says it cannot be read as a number.
 */
export function unreadableMessage(cell: string, text: string, lang: Lang, unit = ""): string {
  const parsed = parseUserNumber(text, unit ? { unit } : {});
  if (!parsed.ok && SPECIFIC_READING.has(parsed.code)) {
    const why = message(parsed.code, lang, { text, unit, ...(parsed.args ?? {}) });
    return lang === "zh" ? `${cell}：${why}` : `${cell}: ${why}`;
  }
  return message("eval.unreadable", lang, { cell, text });
}

/** Years a figure may belong to: from the earlier of the plan's and the indicator's baseline year to the target year (a goal's own, as a 2035 vision's). */
export function planYearRange(plan: Plan, ind: Indicator): { from: number; to: number } {
  return { from: Math.min(plan.baseYear, ind.baselineYear ?? plan.baseYear), to: ind.targetYear ?? plan.targetYear };
}

/** The kind rules of figureRules.ts for a baseline, a target or a yearly figure (baselines are in the figures' form). */
export function kindFinding(ind: Indicator, value: number, field: Field, year?: number): Finding | null {
  const form = field === "target" ? "level" : ind.figures;
  const code = figureRangeCode(ind.kind, form, value);
  return code ? finding("error", code, ind, field, { value }, year) : null;
}

/** The plan's own figures for a percent indicator (baseline, level target), to tell 1.47 from 0.0147. */
function planScale(ind: Indicator): number[] {
  const values: number[] = [];
  if (ind.baseline !== null && ind.baseline > 0) values.push(ind.baseline);
  if (ind.target.kind === "level" && ind.target.value > 0) values.push(ind.target.value);
  return values;
}

/**
 * A percent entered as a fraction (0.0147 for 1.47 %, or a cell formatted as 1.47 % that Excel stores as 0.0147):
 * below 1, and ×100 lands within a factor of 3 of the plan's own figures.
 */
function fractionFinding(ind: Indicator, value: number, year: number): Finding | null {
  if (ind.kind !== "percent" || ind.figures !== "level" || !(value > 0 && value < 1)) return null;
  const scale = planScale(ind);
  if (scale.length === 0) return null;
  const lo = Math.min(...scale) / 3;
  const hi = Math.max(...scale) * 3;
  const suggested = Number((value * 100).toPrecision(12));
  if (value >= lo || suggested < lo || suggested > hi) return null;
  return finding("warning", "validate.looksLikeFraction", ind, "actual", { value, suggested }, year, {
    value: suggested,
    fixes: ["fractionToPercent"],
  });
}

/** Compare with the nearest earlier figure (an actual, or the baseline in its year). */
function jumpFinding(ind: Indicator, value: number, year: number): Finding | null {
  // Ranks move by places, and yearly rates or changes swing by nature: only levels are compared.
  if (ind.kind === "rank" || ind.figures !== "level") return null;
  let prev: { year: number; value: number } | null =
    ind.baseline !== null && ind.baselineYear !== null && ind.baselineYear < year
      ? { year: ind.baselineYear, value: ind.baseline }
      : null;
  // The latest earlier figure, found in one pass: no sorted series per figure (10 years × 1,000 indicators).
  const actuals = ind.actuals ?? {};
  for (const key in actuals) {
    const y = Number(key);
    if (!Number.isInteger(y) || y >= year || (prev && y < prev.year)) continue;
    const entry = actuals[key];
    if (entry && Number.isFinite(entry.value)) prev = { year: y, value: entry.value };
  }
  if (!prev || !(prev.value > 0) || !(value > 0)) return null;
  const ratio = value / prev.value;
  if (ratio <= PLAUSIBLE_JUMP_FACTOR && ratio >= 1 / PLAUSIBLE_JUMP_FACTOR) return null;
  return finding(
    "warning",
    "validate.implausibleJump",
    ind,
    "actual",
    { prevYear: prev.year, prev: prev.value, factor: PLAUSIBLE_JUMP_FACTOR },
    year,
  );
}

/** Checks on a number that has already been read (year, kind rules, fraction, jump). */
export function validateActualValue(plan: Plan, ind: Indicator, year: number, value: number): Finding[] {
  const findings: Finding[] = [];
  const { from, to } = planYearRange(plan, ind);
  const yearOk = Number.isInteger(year) && year >= from && year <= to;
  if (!yearOk)
    findings.push(
      finding(
        "error",
        "validate.yearOutsidePlan",
        ind,
        "actual",
        { year, from, to },
        Number.isFinite(year) ? year : undefined,
      ),
    );
  const kind = kindFinding(ind, value, "actual", year);
  if (kind) findings.push(kind);
  // A figure in an impossible year has no neighbours worth comparing with.
  if (!yearOk) return findings;
  const fraction = fractionFinding(ind, value, year);
  if (fraction) findings.push(fraction);
  else if (!kind) {
    const jump = jumpFinding(ind, value, year);
    if (jump) findings.push(jump);
  }
  return findings;
}

/**
 * One typed cell: reads it (blank = missing, no finding), then applies the rules.
 * Returns the value to use (null when none), so the caller need not parse twice.
 */
export function validateEntry(
  plan: Plan,
  ind: Indicator,
  year: number,
  raw: unknown,
  /** The unit as the sheet shows it (the template reads numbers with it: numberOptions). */
  unit: string = ind.unit.zh,
): { value: number | null; findings: Finding[] } {
  const parsed = parseUserNumber(raw, numberOptions(ind.kind, unit));
  if (!parsed.ok) {
    if (parsed.reason === "blank") return { value: null, findings: [] };
    return {
      value: null,
      findings: [
        finding(
          "error",
          parsed.code,
          ind,
          "actual",
          { text: typeof raw === "string" ? raw : "", unit: ind.unit.zh, ...(parsed.args ?? {}) },
          year,
        ),
      ],
    };
  }
  const findings: Finding[] = [];
  if (parsed.fixes.length > 0) {
    const names = fixNames(parsed.fixes);
    const text = String(raw);
    findings.push({
      severity: "warning",
      code: "validate.normalised",
      message: {
        zh: messagePair("validate.normalised", { text, value: parsed.value, fixes: names.zh }).zh,
        en: messagePair("validate.normalised", { text, value: parsed.value, fixes: names.en }).en,
      },
      indicatorId: ind.id,
      year,
      field: "actual",
      fix: { value: parsed.value, fixes: parsed.fixes },
    });
  }
  findings.push(...validateActualValue(plan, ind, year, parsed.value));
  const usable = !findings.some((f) => f.severity === "error");
  return { value: usable ? parsed.value : null, findings };
}

/** Checks on the indicator's definition: baseline and target against its kind, ceilings marked higher-is-better. */
function definitionFindings(ind: Indicator): Finding[] {
  const findings: Finding[] = [];
  if (ind.baseline !== null) {
    const f = kindFinding(ind, ind.baseline, "baseline");
    if (f) findings.push(f);
  } else if (!ind.supplementary && (ind.target.kind === "level" || ind.target.kind === "annualGrowth")) {
    // A supplementary goal (the plan's other quantified goals, its 2035 vision) is published without a
    // baseline and judged on attainment alone: a warning there is one staff could never clear.
    findings.push(finding("warning", "validate.baselineMissing", ind, "baseline"));
  }
  if (ind.target.kind === "level") {
    const f = kindFinding(ind, ind.target.value, "target");
    if (f) findings.push(f);
    if (ind.target.comparator === "<=" && ind.direction === "up")
      findings.push(finding("warning", "validate.ceilingWithUpDirection", ind, "target"));
  }
  return findings;
}

/**
 * The whole plan: definitions, stored actuals, and (optionally) the raw entries now in the sheet,
 * which take the place of stored actuals for the same indicator and year.
 */
export function validatePlanData(
  plan: Plan,
  entries: Array<{ indicatorId: string; year: number; raw: unknown; unit?: string }> = [],
): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(plan.indicators.map((ind) => [ind.id, ind]));
  const entered = new Map<string, Array<{ year: number; raw: unknown; unit?: string }>>();
  for (const e of entries) {
    const ind = byId.get(e.indicatorId);
    if (!ind) {
      findings.push({
        severity: "error",
        code: "validate.unknownIndicator",
        message: messagePair("validate.unknownIndicator", { id: e.indicatorId }),
        indicatorId: e.indicatorId,
        year: e.year,
        field: "actual",
      });
      continue;
    }
    const list = entered.get(ind.id) ?? [];
    list.push({ year: e.year, raw: e.raw, ...(e.unit !== undefined ? { unit: e.unit } : {}) });
    entered.set(ind.id, list);
  }

  for (const ind of plan.indicators) {
    findings.push(...definitionFindings(ind));
    const sheet = entered.get(ind.id) ?? [];
    const sheetYears = new Set(sheet.map((e) => e.year));
    // The series the jump check sees: stored figures, replaced by what the sheet now holds.
    const stored = actualSeries(ind).filter((a) => !sheetYears.has(a.year));
    const actuals: Indicator["actuals"] = {};
    for (const a of stored) actuals[String(a.year)] = { value: a.value };
    for (const e of sheet) {
      const parsed = parseUserNumber(e.raw, numberOptions(ind.kind, e.unit ?? ind.unit.zh));
      if (parsed.ok && Number.isInteger(e.year)) actuals[String(e.year)] = { value: parsed.value };
    }
    const merged: Indicator = { ...ind, actuals };
    for (const a of stored) findings.push(...validateActualValue(plan, merged, a.year, a.value));
    for (const e of sheet) findings.push(...validateEntry(plan, merged, e.year, e.raw, e.unit).findings);
  }
  return findings;
}
