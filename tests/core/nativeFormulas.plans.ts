/**
 * Random v2 plans for the native-formula oracle (fast-check): every target form (reach and keep, ≥ and ≤,
 * 约/左右 with the default band and with its own, the obligation left to inference; 〔〕 reductions,
 * increases and decreases from yearly changes, rates and levels; 年均 growth from rates and from levels,
 * ≥, ≤ and 约, and from changes (not computable); relative targets above and in step, from rates and
 * levels; text targets with yearly targets), every figure form, baselines and baseline years missing,
 * revised baselines (with and without their own year), adjusted targets, unknown attributes, manual
 * verdicts, figures that stop early or miss a year, figures exactly at the target; and the sheet edits a
 * copy meets: an evaluation year before, at and after the data or typed as text, a figure that cannot
 * be read, a blank target year, an unknown manual status, and edits after the copy is made. And the
 * evaluation's corrections: relative rows whose own period starts elsewhere than their reference's,
 * rates and changes from a baseline year before the plan's base year, a cell to fix in a reference row
 * (a figure, or a code read once), a stray unreadable entry after every figure with B3 blank, and level
 * targets met with no time line (target year at the baseline year).
 */
import fc from "fast-check";
import type { Lang } from "../../src/core/messages";
import { plan as planSchema, type Plan, type PlanInput, type StatusCode } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import type { SheetEdit } from "./nativeFormulas.oracle";

export const FORMS = [
  "reachUp",
  "reachDown",
  "keepUp",
  "keepDown",
  "approx",
  "approxBand",
  "inferred",
  "reductionChange",
  "reductionRate",
  "reductionLevel",
  "increaseChange",
  "increaseLevel",
  "decreaseChange",
  "decreaseLevel",
  "increaseRate",
  "growthRate",
  "growthLevel",
  "growthCeiling",
  "growthApprox",
  "growthChange",
  "relativeAbove",
  "relativeInStep",
  "text",
] as const;
export type Form = (typeof FORMS)[number];

export const YEAR_CHOICES = ["blank", "before", "first", "mid", "last", "after", "text"] as const;
export type YearChoice = (typeof YEAR_CHOICES)[number];

/** mulberry32. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f || 0;
}

type IndicatorInput = PlanInput["indicators"][number];
type Kind = IndicatorInput["kind"];

export interface OracleCase {
  plan: Plan;
  lang: Lang;
  forms: Form[];
  yearChoice: YearChoice;
  before: SheetEdit[];
  after: SheetEdit[];
  /** What the edits before the copy did, for coverage. */
  edited: Record<EditKind, number>;
  /** Figures placed on a boundary of the rules (see boundaryFigures). */
  boundaries: number;
  /** The year of a stray entry that cannot be read, later than every figure (B3 blank), else null. */
  strayYear: number | null;
}

export type EditKind =
  | "unreadableText"
  | "outOfRange"
  | "blankTargetYear"
  | "unknownManual"
  | "inferred"
  /** A stray entry that cannot be read, in a later year than every figure, with B3 blank: C3 ignores it. */
  | "strayText"
  | "strayNumber"
  /** A cell to fix in the row a relative target refers to (a year cell, or a code read once). */
  | "referenceToFix"
  | "referenceCodeToFix"
  /** A level target to reach whose target year is not after its baseline year, met by every figure. */
  | "noTimeLine";

function noEdits(): Record<EditKind, number> {
  return {
    unreadableText: 0,
    outOfRange: 0,
    blankTargetYear: 0,
    unknownManual: 0,
    inferred: 0,
    strayText: 0,
    strayNumber: 0,
    referenceToFix: 0,
    referenceCodeToFix: 0,
    noTimeLine: 0,
  };
}

/** A number the template's reader refuses for an indicator's kind and figure form (figureRules.ts), or null when any number is a figure. */
function outOfRangeFigure(ind: IndicatorInput): number | null {
  if (ind.figures === "rate") return -100;
  if (ind.figures === "change") return ind.kind === "percent" ? 150 : null;
  switch (ind.kind) {
    case "percent":
      return 930;
    case "count":
      return 3.5;
    case "rank":
      return 0;
    case "amount":
      return -5;
    default:
      return null;
  }
}

const STATUSES: readonly StatusCode[] = ["achieved", "ahead", "onTrack", "lagging", "missed"];

function indicator(
  next: () => number,
  i: number,
  form: Form,
  period: { baseYear: number; targetYear: number },
): IndicatorInput {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const levelForm = ["reachUp", "reachDown", "keepUp", "keepDown", "approx", "approxBand", "inferred"].includes(form);
  let kind: Kind;
  if (levelForm) kind = pick(["percent", "count", "amount", "rank", "index"] as const);
  else if (form.startsWith("reduction")) kind = pick(["percent", "amount"] as const);
  else if (form.startsWith("increase") || form.startsWith("decrease"))
    kind = pick(["percent", "amount", "count"] as const);
  else kind = pick(["amount", "index"] as const);
  const down =
    form === "reachDown" || form === "keepDown" || (levelForm && kind === "rank") || (levelForm && next() < 0.15);
  const whole = kind === "count" || kind === "rank";
  const clamp = (x: number) => {
    let v = whole ? Math.round(x) : round(x, 2);
    if (kind === "percent") v = Math.min(100, Math.max(0, v));
    if (kind === "count" || kind === "amount") v = Math.max(0, v);
    if (kind === "rank") v = Math.max(1, v);
    return v;
  };
  const scale = kind === "percent" ? 40 : kind === "rank" ? 12 : pick([8, 150, 5000]);
  const figures =
    levelForm || form === "text" || form.endsWith("Level")
      ? ("level" as const)
      : form.endsWith("Change")
        ? ("change" as const)
        : form.startsWith("relative")
          ? pick(["rate", "rate", "level", "level", "change"] as const)
          : ("rate" as const);
  let baseline = clamp(scale * (0.4 + next()));
  if (figures === "level" && kind !== "percent" && baseline <= 0) baseline = whole ? 1 : 1.5;
  const comparator = down ? ("<=" as const) : (">=" as const);
  const approximate = form === "approx" || form === "approxBand" || form === "growthApprox" || next() < 0.1;
  const band = form === "approxBand" || (approximate && next() < 0.3) ? round(next() * scale * 0.08, 2) : undefined;
  const approx = approximate ? { approximate: true, ...(band !== undefined ? { band } : {}) } : {};
  let target: IndicatorInput["target"];
  const towards = (b: number) => (next() < 0.1 ? b : clamp(down ? b * (1 - next() * 0.5) : b * (1 + next() * 0.6)));
  switch (form) {
    case "reachUp":
    case "reachDown":
    case "approx":
    case "approxBand":
    case "inferred":
      target = {
        kind: "level",
        value: towards(baseline),
        comparator,
        obligation: form === "inferred" ? pick(["reach", "keep"] as const) : "reach",
        ...approx,
      };
      break;
    case "keepUp":
    case "keepDown":
      target = { kind: "level", value: clamp(down ? baseline * 1.1 : baseline * 0.9), comparator, obligation: "keep" };
      break;
    case "reductionChange":
    case "reductionRate":
    case "reductionLevel":
      target = {
        kind: "cumulative",
        value: next() < 0.05 ? 0 : round(5 + next() * 20, 1),
        mode: "reduction",
        ...approx,
      };
      break;
    case "increaseChange":
    case "increaseLevel":
    case "increaseRate":
      target = {
        kind: "cumulative",
        value: next() < 0.05 ? 0 : round(1 + next() * 10, 1),
        mode: "increase",
        ...approx,
      };
      break;
    case "decreaseChange":
    case "decreaseLevel":
      target = { kind: "cumulative", value: round(1 + next() * 10, 1), mode: "decrease", ...approx };
      break;
    case "growthRate":
    case "growthLevel":
    case "growthApprox":
    case "growthChange":
      target = { kind: "annualGrowth", value: round(next() * 12 - 1.5, 1), comparator: ">=", ...approx };
      break;
    case "growthCeiling":
      target = { kind: "annualGrowth", value: round(next() * 10, 1), comparator: "<=", ...approx };
      break;
    case "relativeAbove":
    case "relativeInStep":
      target = {
        kind: "relative",
        relation: form === "relativeAbove" ? "above" : "inStep",
        reference: "X",
        text: { zh: "高于参照指标增长", en: "above the reference's growth" },
        ...(form === "relativeInStep" && next() < 0.5 ? { band: round(next() * 2, 1) } : {}),
      };
      break;
    case "text":
      target = { kind: "text", text: { zh: "保持在合理区间", en: "within a reasonable range" } };
      break;
  }
  const baselineYear = pick([
    period.baseYear,
    period.baseYear,
    period.baseYear,
    period.baseYear - 1,
    period.baseYear - 2,
    null,
  ]);
  const actuals: Record<string, { value: number }> = {};
  let level = baseline;
  const targetValue = "value" in target ? target.value : baseline;
  for (let y = period.baseYear + 1; y <= period.targetYear; y++) {
    if (y > period.baseYear + 1 && next() < 0.22) break;
    let v: number;
    if (figures === "change")
      v = form.startsWith("reduction")
        ? next() < 0.04
          ? 100 // a 100 % cut: the total reaches 100 and the rate still needed is #NUM!
          : round(next() * 6, 2)
        : kind === "count"
          ? Math.round(next() * 4)
          : round(next() * 3, 2);
    else if (figures === "rate") v = round(next() * 16 - 3, 1);
    else {
      level = level * (1 + (next() - (down ? 0.65 : 0.35)) * 0.3);
      const r = next();
      // Now and then exactly the target, or 0 (年均需增长 from 0 is #NUM!).
      v = r < 0.08 ? clamp(targetValue) : r < 0.11 && kind !== "rank" && kind !== "percent" ? 0 : clamp(level);
    }
    actuals[String(y)] = { value: v };
  }
  const years = Object.keys(actuals);
  if (years.length >= 3 && next() < 0.2) delete actuals[years[1]!]; // a year missing in the middle
  const numeric = target.kind === "level" || target.kind === "cumulative" || target.kind === "annualGrowth";
  const adjusted = numeric && next() < 0.2;
  const revised = next() < 0.2;
  const yearly =
    form === "text" || next() < 0.1
      ? Object.fromEntries(
          Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
            const y = period.baseYear + 1 + Math.floor(next() * (period.targetYear - period.baseYear));
            const fig = actuals[String(y)]?.value ?? baseline;
            return [
              String(y),
              {
                value: round(fig * (0.9 + next() * 0.2), 2),
                comparator: pick([">=", "<="] as const),
                ...(next() < 0.3 ? { approximate: true, ...(next() < 0.5 ? { band: round(next(), 2) } : {}) } : {}),
              },
            ];
          }),
        )
      : undefined;
  const unit = kind === "percent" ? "%" : kind === "rank" ? "位" : "个";
  return {
    id: `N${i + 1}`,
    number: String(i + 1),
    category: { zh: "随机", en: "Random" },
    name: { zh: `指标${i + 1}`, en: `Indicator ${i + 1}` },
    unit: { zh: unit, en: unit === "位" ? "rank" : unit === "个" ? "units" : "%" },
    kind,
    direction: down ? "down" : "up",
    figures,
    baseline: next() < 0.1 ? null : baseline,
    baselineYear,
    ...(revised
      ? {
          baselineRevisions: [
            {
              value: clamp(baseline * (0.95 + next() * 0.1)) || (whole ? 1 : 0.5),
              ...(next() < 0.5 ? { year: pick([period.baseYear, period.baseYear + 1]) } : {}),
            },
          ],
        }
      : {}),
    target,
    ...(adjusted && "value" in target
      ? { targetAdjustments: [{ target: { ...target, value: round(target.value * (0.9 + next() * 0.2), 2) } }] }
      : {}),
    ...(yearly ? { yearlyTargets: yearly } : {}),
    attribute: pick(["binding", "binding", "expected", "expected", "expected", null] as const),
    actuals,
    ...(next() < 0.1 ? { override: { status: pick(STATUSES), note: "人工判断" } } : {}),
  };
}

const PERIODS = [
  { baseYear: 2020, targetYear: 2025 },
  { baseYear: 2025, targetYear: 2030 },
  { baseYear: 2020, targetYear: 2023 },
] as const;

/** A case: every form once (in a random order), plus a few more at random. */
export const oracleCase: fc.Arbitrary<OracleCase> = fc
  .record({
    seed: fc.integer({ min: 1, max: 0x7fffffff }),
    extra: fc.array(fc.constantFrom(...FORMS), { maxLength: 4 }),
    period: fc.constantFrom(...PERIODS),
    lang: fc.constantFrom<Lang>("zh", "zh", "en"),
    yearChoice: fc.constantFrom(...YEAR_CHOICES),
  })
  .map(({ seed, extra, period, lang, yearChoice }) => buildCase(seed, extra, period, lang, yearChoice));

export function buildCase(
  seed: number,
  extra: readonly Form[],
  period: { baseYear: number; targetYear: number },
  lang: Lang,
  yearChoice: YearChoice,
): OracleCase {
  const next = rng(seed);
  const forms = [...FORMS].sort(() => next() - 0.5).concat(extra);
  const indicators = forms.map((form, i) => indicator(next, i, form, period));
  // Relative targets refer to another row with growth figures (rates or levels).
  const growthRows = indicators.filter((ind) => ind.figures === "rate" || ind.figures === "level");
  indicators.forEach((ind) => {
    if (ind.target.kind !== "relative") return;
    const others = growthRows.filter((g) => g.id !== ind.id);
    const ref = others[Math.floor(next() * others.length)]!;
    ind.target = { ...ind.target, reference: ref.id };
  });
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const firstYear = period.baseYear + 1;
  const years = period.targetYear - period.baseYear;
  const evaluationYear: Record<YearChoice, number | null> = {
    blank: null,
    before: period.baseYear,
    first: firstYear,
    mid: firstYear + Math.floor(years / 2),
    last: period.targetYear,
    after: period.targetYear + 1,
    text: firstYear + 1,
  };
  const boundaries = boundaryFigures(indicators, forms, period, evaluationYear[yearChoice], next);
  // With B3 blank, now and then the figures stop at a year for the whole table and an entry that cannot
  // be read (text, or a number out of the row's range) sits in a later year: C3 counts readable figures only.
  let stray: { year: number } | null = null;
  if (yearChoice === "blank") {
    const cut = period.baseYear + 1 + Math.floor(next() * (years - 1));
    for (const ind of indicators)
      ind.actuals = Object.fromEntries(Object.entries(ind.actuals ?? {}).filter(([y]) => Number(y) <= cut));
    stray = { year: cut + 1 + Math.floor(next() * (period.targetYear - cut)) };
  }
  const yearsOf = (ind: IndicatorInput) => Object.keys(ind.actuals ?? {}).map(Number);
  // A level target to reach with its target year at its baseline year: no time line, met by every figure.
  const noTimeLine: Array<{ index: number; targetYear: number; target: number }> = [];
  indicators.forEach((ind, index) => {
    const form = forms[index]!;
    if (!["reachUp", "reachDown", "approx", "approxBand"].includes(form) || next() < 0.5) return;
    const values = Object.values(ind.actuals ?? {}).map((a) => a.value);
    if (ind.baselineYear === null || ind.baselineYear === undefined || ind.baselineRevisions) return;
    if (ind.targetAdjustments || ind.baseline === null || values.length === 0) return;
    const up = ind.target.kind === "level" && ind.target.comparator === ">=";
    noTimeLine.push({ index, targetYear: ind.baselineYear, target: up ? Math.min(...values) : Math.max(...values) });
  });
  const plan = planSchema.parse({ ...seedPlan, id: `oracle-${seed}`, ...period, indicators });
  const row = () => Math.floor(next() * indicators.length);
  const edited = noEdits();
  const before: SheetEdit[] = [];
  for (const n of noTimeLine) {
    before.push({ key: "targetYear", index: n.index, value: n.targetYear });
    before.push({ key: "target", index: n.index, value: n.target });
    edited.noTimeLine += 1;
  }
  if (stray) {
    // Text in one row, and a number out of its range in another (a share of 930 %, a count of 3.5 …).
    before.push({ key: `y${stray.year}`, index: row(), value: pick(["目标5%", "约38", "—"]) });
    edited.strayText += 1;
    const ranged = indicators.flatMap((ind, index) => {
      const value = outOfRangeFigure(ind);
      return value === null ? [] : [{ index, value }];
    });
    const other = pick(ranged);
    before.push({ key: `y${stray.year}`, index: other.index, value: other.value });
    edited.strayNumber += 1;
  }
  // A cell to fix in the row a relative target refers to: the relative row is to fix, naming it.
  indicators.forEach((ind) => {
    if (ind.target.kind !== "relative" || next() < 0.6) return;
    const index = indicators.findIndex((r) => r.id === (ind.target as { reference: string }).reference);
    if (next() < 0.3) {
      before.push({ key: "kind", index, value: "份额" });
      edited.referenceCodeToFix += 1;
    } else {
      const ys = yearsOf(indicators[index]!);
      const year = ys.length > 0 ? pick(ys) : firstYear;
      before.push({ key: `y${year}`, index, value: pick(["约5", "5 左右", "n/a"]) });
      edited.referenceToFix += 1;
    }
  });
  forms.forEach((form, index) => {
    if (form === "inferred") {
      before.push({ key: "obligation", index, value: null });
      edited.inferred += 1;
    }
  });
  const yearKey = (y: number) => `y${y}` as const;
  if (next() < 0.3) {
    before.push({
      key: yearKey(firstYear + Math.floor(next() * years)),
      index: row(),
      value: pick(["约38", "1.2.3", " 5x "]),
    });
    edited.unreadableText += 1;
  }
  if (next() < 0.25) {
    const index = indicators.findIndex((ind) => ind.kind === "percent" || ind.kind === "count" || ind.kind === "rank");
    const kind = indicators[index]?.kind;
    const figures = indicators[index]?.figures;
    if (index >= 0 && figures === "level") {
      before.push({ key: yearKey(firstYear), index, value: kind === "percent" ? 930 : kind === "count" ? 3.5 : 0 });
      edited.outOfRange += 1;
    }
  }
  if (next() < 0.12) {
    before.push({ key: "targetYear", index: row(), value: null });
    edited.blankTargetYear += 1;
  }
  if (next() < 0.45) {
    before.push({
      key: "manualStatus",
      index: row(),
      value: pick(["待定", "待定", "on track", " 快于预期 ", "ahead of schedule"]),
    });
    if (before[before.length - 1]!.value === "待定") edited.unknownManual += 1;
  }
  const year = evaluationYear[yearChoice];
  if (year !== null) before.push({ key: "B3", value: yearChoice === "text" ? `${year}年` : year });
  // After the copy: what a recipient types into both sheets.
  const after: SheetEdit[] = [];
  const edits = Math.floor(next() * 5);
  for (let k = 0; k < edits; k++) {
    const index = row();
    const ind = indicators[index]!;
    switch (
      pick([
        "figure",
        "figure",
        "blankFigure",
        "year",
        "manual",
        "adjusted",
        "revised",
        "target",
        "baseline",
        "targetYear",
      ] as const)
    ) {
      case "targetYear":
        // An earlier target year: before the baseline year the time line cannot be drawn (#NUM!).
        after.push({
          key: "targetYear",
          index,
          value: pick([period.baseYear, period.targetYear, period.targetYear + 5]),
        });
        break;
      case "figure":
        after.push({
          key: yearKey(firstYear + Math.floor(next() * years)),
          index,
          value: round((ind.baseline ?? 10) * (0.8 + next() * 0.5), 1),
        });
        break;
      case "blankFigure":
        after.push({ key: yearKey(firstYear + Math.floor(next() * years)), index, value: null });
        break;
      case "year":
        // Blank, a year of the plan, or not a whole year (#NUM! everywhere, as PLAN.EVALUATE says).
        after.push({
          key: "B3",
          value: next() < 0.3 ? null : firstYear + Math.floor(next() * (years + 1)) + (next() < 0.15 ? 0.5 : 0),
        });
        break;
      case "manual":
        after.push({ key: "manualStatus", index, value: pick([null, "滞后", "已完成", "achieved", "不知道"]) });
        break;
      case "adjusted":
        after.push({ key: "adjustedTarget", index, value: next() < 0.3 ? null : round((ind.baseline ?? 10) * 1.2, 1) });
        break;
      case "revised":
        after.push({
          key: "revisedBaseline",
          index,
          value: next() < 0.3 ? null : round((ind.baseline ?? 10) * 1.05, 1),
        });
        break;
      case "target":
        after.push({ key: "target", index, value: round((ind.baseline ?? 10) * (0.8 + next() * 0.6), 1) });
        break;
      case "baseline":
        after.push({ key: "baseline", index, value: next() < 0.2 ? null : round((ind.baseline ?? 10) * 0.95, 1) });
        break;
    }
  }
  return { plan, lang, forms, yearChoice, before, after, edited, boundaries, strayYear: stray?.year ?? null };
}

/**
 * Figures placed exactly on the rules' boundaries at the evaluation year, where only the 1e-9 slack
 * decides: a level just inside and just outside the target's slack, and progress exactly at the time
 * line, at the time line − 0.1 and at + 0.1 (as exact as doubles get). A formula with another slack,
 * tolerance or comparison shows a different status there.
 */
function boundaryFigures(
  indicators: IndicatorInput[],
  forms: readonly Form[],
  period: { baseYear: number; targetYear: number },
  year: number | null,
  next: () => number,
): number {
  if (year === null || year <= period.baseYear || year > period.targetYear) return 0;
  let placed = 0;
  indicators.forEach((ind, i) => {
    const form = forms[i];
    if ((form !== "reachUp" && form !== "reachDown") || next() < 0.4) return;
    if (ind.kind !== "percent" && ind.kind !== "amount" && ind.kind !== "index") return;
    if (ind.target.kind !== "level" || ind.baseline === null || ind.baseline === undefined) return;
    const revision = ind.baselineRevisions?.[0];
    const b = revision?.year ?? ind.baselineYear ?? period.baseYear;
    const B = revision?.value ?? ind.baseline;
    const T =
      ind.targetAdjustments?.[0]?.target.kind === "level" ? ind.targetAdjustments[0].target.value : ind.target.value;
    if (year <= b || T === B) return;
    const up = ind.target.comparator === ">=";
    if (up ? B >= T : B <= T) return;
    const t = (year - b) / (period.targetYear - b);
    const slack = 1e-9 * Math.max(1, Math.abs(T));
    const sign = up ? 1 : -1;
    const choices = [
      T - sign * 0.5 * slack,
      T - sign * 2 * slack,
      B + (T - B) * t,
      B + (T - B) * (t - 0.1),
      B + (T - B) * (t + 0.1),
    ];
    const v = choices[Math.floor(next() * choices.length)]!;
    if (!Number.isFinite(v) || v < 0 || (ind.kind === "percent" && v > 100)) return;
    ind.actuals = { ...ind.actuals, [String(year)]: { value: v } };
    placed += 1;
  });
  return placed;
}

/**
 * A plan whose figures sit exactly on the boundaries (evaluation year 2023 of 2020–2025): for ≥ and ≤
 * targets, binding and expected, a figure just inside and just outside the target's 1e-9 slack, and
 * progress exactly at the time line and at the time line ∓ 0.1. Only the same slack, tolerance and
 * comparisons give the same statuses here.
 */
export function boundaryCase(lang: Lang): OracleCase {
  const period = { baseYear: 2020, targetYear: 2025 };
  const year = 2023;
  const t = (year - 2020) / (2025 - 2020);
  const indicators: IndicatorInput[] = [];
  for (const up of [true, false])
    for (const attribute of ["binding", "expected"] as const) {
      const B = up ? 100 : 200;
      const T = up ? 150 : 120;
      const slack = 1e-9 * Math.max(1, Math.abs(T));
      const sign = up ? 1 : -1;
      const figures = [
        T - sign * 0.5 * slack,
        T - sign * 2 * slack,
        B + (T - B) * t,
        B + (T - B) * (t - 0.1),
        B + (T - B) * (t + 0.1),
      ];
      for (const v of figures) {
        const i = indicators.length;
        indicators.push({
          id: `B${i + 1}`,
          category: { zh: "边界", en: "Boundary" },
          name: { zh: `边界${i + 1}`, en: `Boundary ${i + 1}` },
          unit: { zh: "个", en: "units" },
          kind: "amount",
          direction: up ? "up" : "down",
          figures: "level",
          baseline: B,
          baselineYear: 2020,
          target: { kind: "level", value: T, comparator: up ? ">=" : "<=", obligation: "reach" },
          attribute,
          actuals: { "2021": { value: B }, [String(year)]: { value: v } },
        });
      }
    }
  const plan = planSchema.parse({ ...seedPlan, id: "oracle-boundaries", ...period, indicators });
  return {
    plan,
    lang,
    forms: indicators.map((ind) => (ind.direction === "up" ? "reachUp" : "reachDown")),
    yearChoice: "mid",
    before: [{ key: "B3", value: year }],
    after: [],
    edited: noEdits(),
    boundaries: indicators.length,
    strayYear: null,
  };
}
