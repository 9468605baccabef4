/**
 * The evaluation report (年度监测 / 中期评估 / 总结评估) of a plan at one evaluation year, as the one
 * ReportDocument the report sheet, the Word file and the pane render (pure: no Office, React or DOM).
 *
 * The table is laid out like the official evaluation tables: 序号, 指标, 属性, 单位, 基期值 (the revised one,
 * with the published one where revised), 目标值 (the adjusted one, with the original where adjusted, in the
 * plan's notation: 〔13.5〕, ≥, ≤, 左右, 年均增长…%, 高于GDP增长), 评估年实际值 (with its year when stale),
 * 完成进度, 时间进度, 评估结论 (with the reason where there is none), 牵头单位 and 原因分析及下一步措施
 * (staff's text). Every figure comes from the one evaluation (summarizePlan) the sheet and the pane show.
 */
import { expectedCumulative, expectedValue } from "./indicatorMath";
import { cumulativeSoFar, figureSeries } from "./figureSeries";
import type { IndicatorEvaluation, PlanSummary } from "./indicatorEvaluation";
import { message, type Lang } from "./messages";
import type { Indicator, Plan, Target } from "./planSchema";
import type {
  EvaluationKind,
  ReportColumn,
  ReportColumnKey,
  ReportCount,
  ReportDocument,
  ReportNumber,
  ReportPathChart,
  ReportPathPoint,
  ReportRow,
  ReportVerdict,
} from "./reportDocument";
import { reportSummary, type SummaryItem } from "./reportSummary";
import { DEFAULT_TOLERANCE, needsFixColumn, statusLabel } from "./status";
import { attributeWord } from "./templateWords";

export const EVALUATION_KINDS: readonly EvaluationKind[] = ["annual", "midterm", "final"];

export const KIND_WORDS: Record<EvaluationKind, { zh: string; en: string }> = {
  annual: { zh: "年度监测", en: "annual monitoring" },
  midterm: { zh: "中期评估", en: "mid-term evaluation" },
  final: { zh: "总结评估", en: "final evaluation" },
};

/**
 * The kind a year calls for: the target year (or later) → 总结评估; the middle of the period (within a tenth
 * of it either side of the midpoint: 2022 and 2023 for 2020–2025) → 中期评估; any other year → 年度监测.
 */
export function defaultEvaluationKind(plan: Pick<Plan, "baseYear" | "targetYear">, year: number): EvaluationKind {
  if (year >= plan.targetYear) return "final";
  const span = plan.targetYear - plan.baseYear;
  const middle = plan.baseYear + span / 2;
  return Math.abs(year - middle) <= span / 10 + 1e-9 ? "midterm" : "annual";
}

/** The report sheet's name before it is made unique: 2025年总结评估 / 2025 final evaluation. */
export function reportSheetBaseName(kind: EvaluationKind, year: number, lang: Lang): string {
  return lang === "zh" ? `${year}年${KIND_WORDS[kind].zh}` : `${year} ${KIND_WORDS[kind].en}`;
}

export interface ReportOptions {
  kind: EvaluationKind;
  lang: Lang;
  /** ISO date (YYYY-MM-DD) the report is generated on. */
  generatedOn: string;
  /** 原因分析及下一步措施, by indicator id: staff's text, as text. */
  analysis?: ReadonlyMap<string, string>;
  /** The indicator of the path chart; default the first lagging binding indicator, else the first with figures. */
  pathIndicatorId?: string | null;
  /** Also report the plan's supplementary indicators (default: the main table only, unless it has none). */
  includeSupplementary?: boolean;
  /** Names listed per group in the summary (default 5). */
  maxNames?: number;
  /** The tolerance the evaluation used, for the note on how verdicts are reached (default 0.1). */
  tolerance?: number;
}

export const REPORT_COLUMN_KEYS: readonly ReportColumnKey[] = [
  "number",
  "name",
  "attribute",
  "unit",
  "baseline",
  "target",
  "actual",
  "progress",
  "timeProgress",
  "verdict",
  "leadUnit",
  "analysis",
];

/** Relative widths: the name and the analysis are the prose columns. */
const COLUMN_WIDTHS: Record<ReportColumnKey, number> = {
  number: 4,
  name: 21,
  attribute: 6,
  unit: 6,
  baseline: 9,
  target: 10,
  actual: 10,
  progress: 7,
  timeProgress: 7,
  verdict: 11,
  leadUnit: 10,
  analysis: 20,
};

function headers(lang: Lang, year: number): Record<ReportColumnKey, string> {
  return lang === "zh"
    ? {
        number: "序号",
        name: "指标",
        attribute: "属性",
        unit: "单位",
        baseline: "基期值",
        target: "目标值",
        actual: `${year}年实际值`,
        progress: "完成进度",
        timeProgress: "时间进度",
        verdict: "评估结论",
        leadUnit: "牵头单位",
        analysis: "原因分析及下一步措施",
      }
    : {
        number: "No.",
        name: "Indicator",
        attribute: "Type",
        unit: "Unit",
        baseline: "Baseline",
        target: "Target",
        actual: `${year} actual`,
        progress: "Progress",
        timeProgress: "Time progress",
        verdict: "Verdict",
        leadUnit: "Lead unit",
        analysis: "Reasons and next steps",
      };
}

export function reportColumns(lang: Lang, year: number): ReportColumn[] {
  const h = headers(lang, year);
  return REPORT_COLUMN_KEYS.map((key) => ({ key, header: h[key], width: COLUMN_WIDTHS[key] }));
}

// ---------------------------------------------------------------------------------------------
// Numbers in the plan's notation

export const DASH = "—";

/** Decimals a value needs to print as the plan wrote it: whole things whole, others up to 2 (4 for tiny values). */
export function decimalsFor(value: number, kind: Indicator["kind"]): number {
  if ((kind === "count" || kind === "rank") && Number.isInteger(value)) return 0;
  for (let d = 0; d <= 2; d++) {
    if (Math.abs(Number(value.toFixed(d)) - value) < 1e-9 * Math.max(1, Math.abs(value))) return d;
  }
  if (value !== 0 && Math.abs(value) < 0.01) return 4;
  return 2;
}

function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** The text a ReportNumber reads as (what a renderer that keeps numbers shows through its number format). */
export function numberText(n: ReportNumber): string {
  const body = n.percent ? `${fixed(n.value * 100, n.decimals)}%` : fixed(n.value, n.decimals);
  return `${n.prefix ?? ""}${body}${n.suffix ?? ""}`;
}

function num(value: number, decimals: number, extra: Omit<ReportNumber, "value" | "decimals"> = {}): ReportNumber {
  const out: ReportNumber = { value, decimals };
  if (extra.percent) out.percent = true;
  if (extra.prefix) out.prefix = extra.prefix;
  if (extra.suffix) out.suffix = extra.suffix;
  return out;
}

/** A fraction as a percentage with one decimal: 0.6 → 60.0%. */
function fraction(value: number): ReportNumber {
  return num(value, 1, { percent: true });
}

/**
 * A target in the plan's notation: 〔13.5〕 five-year totals, ≥/≤ bounds, 1.47左右, 前3位, 年均增长7%, or the
 * text of qualitative and relative targets (高于GDP增长). A number when the notation is a number.
 */
export function targetNotation(ind: Indicator, t: Target, lang: Lang): { text: string; number: ReportNumber | null } {
  const zh = lang === "zh";
  switch (t.kind) {
    case "text":
    case "relative":
      return { text: t.text[lang], number: null };
    case "level": {
      const d = decimalsFor(t.value, ind.kind);
      let n: ReportNumber;
      if (ind.kind === "rank")
        n = zh ? num(t.value, d, { prefix: "前", suffix: "位" }) : num(t.value, d, { prefix: "top " });
      else if (t.approximate) n = zh ? num(t.value, d, { suffix: "左右" }) : num(t.value, d, { prefix: "~" });
      else if (t.comparator === "<=") n = num(t.value, d, { prefix: "≤" });
      else if (t.obligation === "keep") n = num(t.value, d, { prefix: "≥" });
      else n = num(t.value, d);
      return { text: numberText(n), number: n };
    }
    case "cumulative": {
      const d = decimalsFor(t.value, "index");
      const n = num(t.value, d, { prefix: t.approximate ? (zh ? "〔约" : "〔~") : "〔", suffix: "〕" });
      return { text: numberText(n), number: n };
    }
    case "annualGrowth": {
      const d = decimalsFor(t.value, "index");
      let n: ReportNumber;
      if (zh) {
        const prefix = t.comparator === "<=" ? "年均增长≤" : "年均增长";
        n = num(t.value, d, { prefix, suffix: t.approximate ? "%左右" : "%" });
      } else {
        const prefix = t.comparator === "<=" ? "≤" : t.approximate ? "~" : "+";
        n = num(t.value, d, { prefix, suffix: "% a year" });
      }
      return { text: numberText(n), number: n };
    }
  }
}

function withSuffix(n: ReportNumber, suffix: string): ReportNumber {
  return { ...n, suffix: `${n.suffix ?? ""}${suffix}` };
}

function cell(n: ReportNumber | null, fallback: string): { text: string; number: ReportNumber | null } {
  return n ? { text: numberText(n), number: n } : { text: fallback, number: null };
}

function baselineCell(plan: Plan, ind: Indicator, ev: IndicatorEvaluation, lang: Lang) {
  const view = ev.baseline;
  if (view.value === null) return { text: DASH, number: null };
  let n = num(view.value, decimalsFor(view.value, ind.kind));
  if (view.year !== plan.baseYear && !view.yearAssumed) n = withSuffix(n, "*");
  if (view.revision) {
    const published = view.published === null ? DASH : fixed(view.published, decimalsFor(view.published, ind.kind));
    n = withSuffix(n, lang === "zh" ? `（原${published}）` : ` (published ${published})`);
  }
  return cell(n, DASH);
}

function targetCell(ind: Indicator, ev: IndicatorEvaluation, lang: Lang) {
  const effective = targetNotation(ind, ev.target.effective, lang);
  if (!ev.target.adjustment) return effective;
  const original = targetNotation(ind, ev.target.original, lang).text;
  const note = lang === "zh" ? `（原${original}）` : ` (originally ${original})`;
  // The original's notation is the add-in's own words and the plan's numbers, unless the original is a text target.
  const originalIsNumber = ev.target.original.kind !== "text" && ev.target.original.kind !== "relative";
  if (effective.number && originalIsNumber) return cell(withSuffix(effective.number, note), "");
  return { text: `${effective.text}${note}`, number: null };
}

function actualCell(ind: Indicator, ev: IndicatorEvaluation, lang: Lang) {
  if (!ev.latest) return { text: DASH, number: null };
  const zh = lang === "zh";
  const t = ev.target.effective;
  let n: ReportNumber;
  if (t.kind === "cumulative" && ev.measured !== null) {
    n = num(ev.measured, 2, { prefix: "〔", suffix: "〕" });
  } else if ((t.kind === "annualGrowth" || t.kind === "relative") && ev.measured !== null) {
    n = zh ? num(ev.measured, 2, { prefix: "年均", suffix: "%" }) : num(ev.measured, 2, { suffix: "% a year" });
  } else {
    const v = ev.latest.value;
    n = num(v, ind.figures === "level" ? decimalsFor(v, ind.kind) : 2);
  }
  if (ev.stale) n = withSuffix(n, zh ? `（${ev.latest.year}年）` : ` (${ev.latest.year})`);
  return cell(n, DASH);
}

function stripStop(text: string): string {
  return text.replace(/[。.]\s*$/, "");
}

function verdictText(ev: IndicatorEvaluation, lang: Lang): string {
  if (ev.needsFix)
    return message("status.needsFix", lang, {
      column: needsFixColumn(ev.needsFix.header, ev.needsFix.reference?.[lang]),
      text: ev.needsFix.text,
    });
  if (ev.status) {
    const label = ev.status.label[lang];
    if (ev.status.source === "override") {
      const note = ev.status.note ?? "";
      return lang === "zh" ? `${label}（人工判定：${note}）` : `${label} (manual verdict: ${note})`;
    }
    return label;
  }
  if (ev.statusReason) {
    const why = stripStop(message(ev.statusReason, lang, ev.statusReasonArgs));
    return lang === "zh" ? `${DASH}（${why}）` : `${DASH} (${why})`;
  }
  return DASH;
}

export function reportVerdictOf(ev: IndicatorEvaluation): ReportVerdict {
  if (ev.needsFix || !ev.status) return "none";
  return ev.status.code;
}

const COUNT_ORDER: readonly ReportVerdict[] = ["achieved", "ahead", "onTrack", "lagging", "missed", "stale", "none"];

/** The counts' label per verdict: the verdicts in status.ts's words (one word per status everywhere). */
export function countLabel(v: ReportVerdict, lang: Lang, early: boolean): string {
  const zh = lang === "zh";
  switch (v) {
    case "achieved":
    case "ahead":
    case "onTrack":
    case "lagging":
    case "missed":
      return statusLabel(v, lang, early ? { year: 0, targetYear: 1 } : undefined);
    case "stale":
      return zh ? "数据滞后" : "data stale";
    case "none":
      return zh ? "无法评估" : "not assessed";
  }
}

// ---------------------------------------------------------------------------------------------
// Notes

function quoteName(name: string): string {
  return `“${name}”`;
}

/** The plan document the report evaluates; a plan typed into Excel names only its title. */
function sourceLine(plan: Plan, lang: Lang): string {
  const s = plan.source;
  if (!s) return lang === "zh" ? `《${plan.title.zh}》（来源未注明）` : `${plan.title.en} (source not stated)`;
  const { document: planDocument, issuer, date } = s;
  return lang === "zh"
    ? `《${planDocument.zh}》（${issuer.zh}，${date}）`
    : `${planDocument.en} (${issuer.en}, ${date})`;
}

function orUnstated(value: string | undefined, lang: Lang): string {
  return value !== undefined && value.trim() !== "" ? value : lang === "zh" ? "未注明" : "not stated";
}

function joinNames(names: string[], lang: Lang): string {
  return names.join(lang === "zh" ? "、" : ", ");
}

function buildNotes(
  plan: Plan,
  rows: Array<{ ind: Indicator; ev: IndicatorEvaluation }>,
  opts: ReportOptions,
  year: number,
): string[] {
  const { lang } = opts;
  const zh = lang === "zh";
  const notes: string[] = [];
  const tolerancePoints = Math.round(Math.abs(opts.tolerance ?? DEFAULT_TOLERANCE) * 1000) / 10;

  for (const { ind, ev } of rows) {
    const adj = ev.target.adjustment;
    if (!adj) continue;
    const from = targetNotation(ind, ev.target.original, lang).text;
    const to = targetNotation(ind, ev.target.effective, lang).text;
    notes.push(
      zh
        ? `${quoteName(ind.name.zh)}目标值经批准由${from}调整为${to}（文号：${orUnstated(adj.document, lang)}；批准日期：${orUnstated(adj.date, lang)}；原因：${orUnstated(adj.reason, lang)}）。`
        : `The target of ${quoteName(ind.name.en)} was adjusted from ${from} to ${to} (document: ${orUnstated(adj.document, lang)}; approved: ${orUnstated(adj.date, lang)}; reason: ${orUnstated(adj.reason, lang)}).`,
    );
  }
  for (const { ind, ev } of rows) {
    const rev = ev.baseline.revision;
    if (!rev) continue;
    const d = (v: number | null) => (v === null ? DASH : fixed(v, decimalsFor(v, ind.kind)));
    const yearText = rev.year !== undefined ? (zh ? `（${rev.year}年）` : ` (${rev.year})`) : "";
    notes.push(
      zh
        ? `${quoteName(ind.name.zh)}基期值由公布的${d(ev.baseline.published)}修订为${d(rev.value)}${yearText}（原因：${orUnstated(rev.reason, lang)}；来源：${orUnstated(rev.source, lang)}；日期：${orUnstated(rev.date, lang)}），完成进度按修订值计算。`
        : `The baseline of ${quoteName(ind.name.en)} was revised from the published ${d(ev.baseline.published)} to ${d(rev.value)}${yearText} (reason: ${orUnstated(rev.reason, lang)}; source: ${orUnstated(rev.source, lang)}; date: ${orUnstated(rev.date, lang)}); progress is measured from the revised value.`,
    );
  }
  const otherYears = new Map<number, string[]>();
  for (const { ind, ev } of rows) {
    if (ev.baseline.value === null || ev.baseline.year === plan.baseYear || ev.baseline.yearAssumed) continue;
    const list = otherYears.get(ev.baseline.year) ?? [];
    list.push(ind.name[lang]);
    otherYears.set(ev.baseline.year, list);
  }
  for (const [y, names] of [...otherYears.entries()].sort((a, b) => a[0] - b[0])) {
    notes.push(
      zh
        ? `基期值带*的指标以${y}年为基期：${joinNames(names, lang)}。`
        : `Baselines marked * are ${y} figures: ${joinNames(names, lang)}.`,
    );
  }
  const stale = rows.filter((r) => r.ev.stale && r.ev.latest);
  if (stale.length > 0) {
    const list = stale.map((r) =>
      zh ? `${r.ind.name.zh}（${r.ev.latest!.year}年）` : `${r.ind.name.en} (${r.ev.latest!.year})`,
    );
    notes.push(
      zh
        ? `以下指标${year}年数据尚未发布，实际值为最新年份数据（括注年份），评估结论为数据滞后，不作进度判断：${joinNames(list, lang)}。`
        : `The ${year} figures of these indicators are not published yet; the actual value is the latest figure (its year in brackets) and the verdict is “data stale”, with no judgement of progress: ${joinNames(list, lang)}.`,
    );
  }
  const unknown = rows.filter((r) => !r.ev.attributeKnown).map((r) => r.ind.name[lang]);
  if (unknown.length > 0) {
    notes.push(
      zh
        ? `规划未注明属性的指标按预期性指标评估：${joinNames(unknown, lang)}。`
        : `Indicators whose attribute the plan does not state are judged as expected (预期性) indicators: ${joinNames(unknown, lang)}.`,
    );
  }
  const assumed = rows.filter((r) => r.ev.baseline.yearAssumed).map((r) => r.ind.name[lang]);
  if (assumed.length > 0) {
    notes.push(
      zh
        ? `规划未注明基期年份的指标按规划基期${plan.baseYear}年计算时间进度：${joinNames(assumed, lang)}。`
        : `Time progress of indicators without a stated baseline year is counted from the plan's base year ${plan.baseYear}: ${joinNames(assumed, lang)}.`,
    );
  }
  if (rows.some((r) => r.ev.status?.source === "override")) {
    notes.push(
      zh
        ? "评估结论注明“人工判定”的，为有关部门根据实际情况作出的判断，括注其理由。"
        : "Verdicts marked “manual verdict” were given by the responsible departments, with their reason in brackets.",
    );
  }
  notes.push(
    zh
      ? `完成进度 =（实际值 − 基期值）÷（目标值 − 基期值）；〔 〕内为规划期累计数，完成进度为累计完成值 ÷ 累计目标值；年均增长目标按实际年均增速折算；需保持的目标（≥、≤）和相对目标以是否达到判断，不计完成进度。时间进度 =（评估年份 − 基期年份）÷（目标年份 − 基期年份）。预期性指标完成进度高于时间进度${tolerancePoints}个百分点以上为快于预期，在时间进度上下${tolerancePoints}个百分点以内为基本符合预期；约束性指标完成进度不低于时间进度为基本符合预期，低于时间进度即为滞后；已达到目标值的为提前实现（目标年为已完成），目标年仍未达到的为未完成。`
      : `Progress = (actual − baseline) ÷ (target − baseline); figures in 〔 〕 are totals over the plan period, whose progress is the total so far ÷ the target total; average-growth targets are measured by the realised average growth; targets to keep (≥, ≤) and relative targets are judged by whether they hold, with no progress figure. Time progress = (evaluation year − baseline year) ÷ (target year − baseline year). An expected indicator more than ${tolerancePoints} percentage points ahead of time progress is ahead of schedule, within ${tolerancePoints} points on track; a binding indicator is on track only at or above time progress and lagging below it; a target reached before the target year is achieved early, in or after it achieved, and one not reached in the target year is missed.`,
  );
  return notes;
}

// ---------------------------------------------------------------------------------------------
// The path chart

/** A computed value without float noise (1.3619999999999999 → 1.362); null for none. */
function tidy(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? Number(v.toPrecision(12)) : null;
}

function pathPoints(plan: Plan, ind: Indicator, ev: IndicatorEvaluation): ReportPathPoint[] {
  const t = ev.target.effective;
  const B = ev.baseline.value;
  const b = ev.baseline.year;
  const Ty = ev.targetYear; // a goal's own target year (a 2035 vision), else the plan's
  const series = figureSeries(ind, ev.evaluationYear);
  const byYear = new Map(series.map((f) => [f.year, f.value]));
  const points: ReportPathPoint[] = [];
  for (let y = Math.min(b, Ty); y <= Ty; y++) {
    let actual: number | null = byYear.get(y) ?? null;
    let planned: number | null = null;
    switch (t.kind) {
      case "level":
        if (y === b && actual === null) actual = B;
        if (t.obligation === "keep") planned = t.value;
        else if (B !== null) {
          const e = expectedValue(B, t.value, b, Ty, y);
          planned = e.ok ? e.value : null;
        }
        break;
      case "cumulative": {
        const mode = t.mode === "reduction" ? "reduction" : "increase";
        if (y === b) actual = 0;
        else if (y <= ev.evaluationYear && (ind.figures !== "level" || byYear.has(y))) {
          const so = cumulativeSoFar(t, ind.figures, series, B, b, y);
          actual = so.ok ? so.value : null;
        } else actual = null;
        const e = expectedCumulative(t.value, b, Ty, y, mode);
        planned = e.ok ? e.value : null;
        break;
      }
      case "annualGrowth":
        if (ind.figures === "rate") planned = y === b ? null : t.value;
        else {
          if (y === b && actual === null) actual = B;
          if (B !== null && B > 0) planned = B * Math.pow(1 + t.value / 100, y - b);
        }
        break;
      case "text":
      case "relative":
        break;
    }
    points.push({ year: y, actual: tidy(actual), planned: tidy(planned) });
  }
  return points;
}

function pathChartOf(plan: Plan, ind: Indicator, ev: IndicatorEvaluation, lang: Lang): ReportPathChart {
  const t = ev.target.effective;
  const notation = targetNotation(ind, t, lang);
  const value = t.kind === "text" || t.kind === "relative" ? null : t.value;
  return {
    indicatorId: ind.id,
    title: ind.name[lang],
    unit: ind.unit[lang],
    points: pathPoints(plan, ind, ev),
    target: value === null ? null : { year: ev.targetYear, value, label: notation.text },
  };
}

// ---------------------------------------------------------------------------------------------
// The document

function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === "zh") return `${y}年${mo}月${d}日`;
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  return `${d} ${months[mo - 1] ?? mo} ${y}`;
}

/** The indicators a report covers: the plan's main table (supplementary goals too when asked, or when there is no main table). */
export function reportedIndicators(plan: Plan, includeSupplementary = false): Indicator[] {
  const main = plan.indicators.filter((i) => !i.supplementary);
  return includeSupplementary || main.length === 0 ? plan.indicators : main;
}

/**
 * The report of `plan` at the summary's evaluation year. `summary` is summarizePlan's result for that year (so
 * the report shows exactly what the pane and the sheet show); rows follow the plan's order.
 */
export function buildReportDocument(plan: Plan, summary: PlanSummary, options: ReportOptions): ReportDocument {
  const { lang, kind } = options;
  const zh = lang === "zh";
  const year = summary.evaluationYear;
  const early = year < plan.targetYear;
  const byId = new Map(summary.evaluations.map((e) => [e.indicatorId, e]));
  const indicators = reportedIndicators(plan, options.includeSupplementary);
  const allMain = indicators.every((i) => !i.supplementary);
  const pairs = indicators.flatMap((ind) => {
    const ev = byId.get(ind.id);
    return ev ? [{ ind, ev }] : [];
  });

  const rows: ReportRow[] = pairs.map(({ ind, ev }, i) => {
    const baseline = baselineCell(plan, ind, ev, lang);
    const target = targetCell(ind, ev, lang);
    const actual = actualCell(ind, ev, lang);
    const progress = ev.progress?.ok ? fraction(ev.progress.value) : null;
    const time = ev.timeProgress?.ok ? fraction(ev.timeProgress.value) : null;
    const numbers: Partial<Record<ReportColumnKey, ReportNumber>> = {};
    if (baseline.number) numbers.baseline = baseline.number;
    if (target.number) numbers.target = target.number;
    if (actual.number) numbers.actual = actual.number;
    if (progress) numbers.progress = progress;
    if (time) numbers.timeProgress = time;
    return {
      indicatorId: ind.id,
      category: ind.category[lang],
      cells: {
        number: ind.number ?? String(i + 1),
        name: ind.name[lang],
        attribute: attributeWord(ind.attribute, lang),
        unit: ind.unit[lang],
        baseline: baseline.text,
        target: target.text,
        actual: actual.text,
        progress: progress ? numberText(progress) : DASH,
        timeProgress: time ? numberText(time) : DASH,
        verdict: verdictText(ev, lang),
        leadUnit: ind.leadUnit?.trim() ? ind.leadUnit : DASH,
        analysis: options.analysis?.get(ind.id) ?? "",
      },
      verdict: reportVerdictOf(ev),
      binding: ev.binding,
      numbers,
    };
  });

  const counts: ReportCount[] = COUNT_ORDER.map((verdict) => ({
    verdict,
    label: countLabel(verdict, lang, early),
    count: rows.filter((r) => r.verdict === verdict).length,
  })).filter((c) => c.count > 0);

  const items: SummaryItem[] = pairs.map(({ ind, ev }) => ({
    name: ind.name[lang],
    verdict: reportVerdictOf(ev),
    binding: ev.binding,
    ...(ev.needsFix ? { needsFix: true } : {}),
  }));
  const summaryText = reportSummary(items, {
    kind,
    lang,
    evaluationYear: year,
    targetYear: plan.targetYear,
    baseYear: plan.baseYear,
    scope: allMain ? "main" : "all",
    ...(options.maxNames !== undefined ? { maxNames: options.maxNames } : {}),
  });

  const pathPair = choosePathIndicator(pairs, options.pathIndicatorId);
  const noun = allMain ? (zh ? "主要指标" : "main indicators") : zh ? "指标" : "indicators";
  const kindWord = KIND_WORDS[kind][lang];
  return {
    lang,
    kind,
    evaluationYear: year,
    title: zh
      ? `${plan.title.zh}${noun}${year}年${kindWord}`
      : `${plan.title.en}: ${kindWord.charAt(0).toUpperCase()}${kindWord.slice(1)} of the ${noun}, ${year}`,
    source: sourceLine(plan, lang),
    generatedOn: options.generatedOn,
    dateText: dateText(options.generatedOn, lang),
    summary: summaryText,
    counts,
    columns: reportColumns(lang, year),
    rows,
    notes: buildNotes(plan, pairs, options, year),
    progressChart: rows.map((r, i) => ({
      indicatorId: r.indicatorId,
      label: r.cells.name,
      progress: pairs[i]!.ev.progress?.ok ? pairs[i]!.ev.progress.value : null,
      timeProgress: pairs[i]!.ev.timeProgress?.ok ? pairs[i]!.ev.timeProgress.value : null,
      verdict: r.verdict,
    })),
    pathChart: pathPair ? pathChartOf(plan, pathPair.ind, pathPair.ev, lang) : null,
  };
}

/** The asked-for indicator; else the first binding indicator that lags; else the first with a figure. */
function choosePathIndicator(
  pairs: Array<{ ind: Indicator; ev: IndicatorEvaluation }>,
  asked: string | null | undefined,
): { ind: Indicator; ev: IndicatorEvaluation } | null {
  if (asked) {
    const found = pairs.find((p) => p.ind.id === asked);
    if (found) return found;
  }
  return (
    pairs.find((p) => p.ev.binding && reportVerdictOf(p.ev) === "lagging") ??
    pairs.find((p) => p.ev.latest !== null) ??
    null
  );
}

/** The indicators the path chart can show (those with a figure up to the evaluation year), for a picker. */
export function pathChartChoices(plan: Plan, summary: PlanSummary, includeSupplementary = false): Indicator[] {
  const byId = new Map(summary.evaluations.map((e) => [e.indicatorId, e]));
  return reportedIndicators(plan, includeSupplementary).filter((i) => byId.get(i.id)?.latest);
}
