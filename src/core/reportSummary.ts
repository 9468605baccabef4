/**
 * The summary paragraph of an evaluation report (年度监测 / 中期评估 / 总结评估), in the phrasing of the
 * official reports (see /work/shared/notes/evaluation-reports.md §3): counts by verdict with the indicators
 * named, binding (约束性) indicators that fall behind singled out in a sentence of their own, indicators whose
 * figures are not out yet or that cannot be judged said explicitly. Zero counts are left out.
 *
 * Pure: indicator names come in as text and go out as text (never markup), in the order given.
 *
 *   11项主要指标中，提前实现2项（A、B），快于预期3项（…），基本符合预期4项（…），滞后2项（C、D）。其中，约束性指标C滞后。
 *   Of the 11 main indicators, 2 were achieved early (A, B), 3 are ahead of schedule (…), … and 2 are lagging (C, D).
 * Each verdict in the words of status.ts (statusLabel): 提前实现 / achieved early, 已完成 / achieved, 快于预期 / ahead,
 * 基本符合预期 / on track, 滞后 / lagging, 未完成 / missed — never a synonym ("achieved ahead of schedule" read like
 * "ahead", "not achieved" like "achieved"): tests/hardening/statusVocabulary.test.ts.
 */
import type { Lang } from "./messages";
import { statusLabel } from "./status";
import type { EvaluationKind, ReportVerdict } from "./reportDocument";

/** One indicator as the summary sees it. */
export interface SummaryItem {
  /** The indicator's name, as text. */
  name: string;
  verdict: ReportVerdict;
  binding: boolean;
  /** For verdict "none": a cell of the row must be fixed first (待修正), rather than nothing to judge yet. */
  needsFix?: boolean;
}

export interface SummaryOptions {
  kind: EvaluationKind;
  lang: Lang;
  evaluationYear: number;
  /** The plan's target year: an indicator achieved before it was 提前实现, in or after it 已完成. */
  targetYear: number;
  /**
   * Time progress of the plan period at the evaluation year (0–1): 中期评估 speaks of “时间过半、任务过半” only
   * once half the period has passed. Default: counted from `baseYear`, or omitted when that is not given either.
   */
  timeProgress?: number | null;
  /** The plan's base year, for the default time progress. */
  baseYear?: number;
  /** "main" (default): 主要指标 / main indicators; "all": 指标 / indicators (supplementary ones included). */
  scope?: "main" | "all";
  /** Names listed per group before “等” / “and N others” (default 5). */
  maxNames?: number;
}

export const DEFAULT_MAX_NAMES = 5;

/** 中期评估: the share of judged indicators on or ahead of schedule from which “基本实现” is said. */
export const HALF_TIME_HALF_TASK_SHARE = 0.75;

type Judged = "achieved" | "ahead" | "onTrack" | "lagging" | "missed";
const JUDGED: readonly Judged[] = ["achieved", "ahead", "onTrack", "lagging", "missed"];

function isJudged(v: ReportVerdict): v is Judged {
  return (JUDGED as readonly string[]).includes(v);
}

/** Binding indicators first, each group in the order given. */
function bindingFirst(items: readonly SummaryItem[]): SummaryItem[] {
  return [...items.filter((i) => i.binding), ...items.filter((i) => !i.binding)];
}

function zhNames(items: readonly SummaryItem[], max: number): string {
  const names = items.slice(0, max).map((i) => i.name);
  return `（${names.join("、")}${items.length > max ? "等" : ""}）`;
}

function enList(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function enNames(items: readonly SummaryItem[], max: number): string {
  if (items.length <= max) return `(${items.map((i) => i.name).join(", ")})`;
  const rest = items.length - max;
  return `(${items
    .slice(0, max)
    .map((i) => i.name)
    .join(", ")} and ${rest} other${rest === 1 ? "" : "s"})`;
}

/** A bare list of names for a sentence (the binding sentence): “C、D” / “C and D”, capped like the others. */
function zhBare(items: readonly SummaryItem[], max: number): string {
  return items
    .slice(0, max)
    .map((i) => i.name)
    .join("、")
    .concat(items.length > max ? "等" : "");
}

function enBare(items: readonly SummaryItem[], max: number): string {
  if (items.length <= max) return enList(items.map((i) => i.name));
  const rest = items.length - max;
  return `${items
    .slice(0, max)
    .map((i) => i.name)
    .join(", ")} and ${rest} other${rest === 1 ? "" : "s"}`;
}

// ---- Words per verdict ------------------------------------------------------------------------------

function zhLabel(v: Judged, early: boolean): string {
  return statusLabel(v, "zh", early ? { year: 0, targetYear: 1 } : undefined);
}

/** “2 were achieved early”, “1 is lagging”: the count and its verb agree. */
function enClause(v: Judged, n: number, early: boolean): string {
  const one = n === 1;
  switch (v) {
    case "achieved":
      return `${n} ${one ? "was" : "were"} achieved${early ? " early" : ""}`;
    case "ahead":
      return `${n} ${one ? "is" : "are"} ahead of schedule`;
    case "onTrack":
      return `${n} ${one ? "is" : "are"} broadly on track`;
    case "lagging":
      return `${n} ${one ? "is" : "are"} lagging`;
    case "missed":
      return `${n} ${one ? "was" : "were"} missed`;
  }
}

/** The predicate for “all N …” and “the one main indicator …”. */
function enPredicate(v: Judged, plural: boolean, early: boolean): string {
  switch (v) {
    case "achieved":
      return `${plural ? "were" : "was"} achieved${early ? " early" : ""}`;
    case "ahead":
      return `${plural ? "are" : "is"} ahead of schedule`;
    case "onTrack":
      return `${plural ? "are" : "is"} broadly on track`;
    case "lagging":
      return `${plural ? "are" : "is"} lagging`;
    case "missed":
      return `${plural ? "were" : "was"} missed`;
  }
}

// ---- The paragraph ----------------------------------------------------------------------------------

interface Groups {
  total: number;
  judged: number;
  byVerdict: Record<Judged, SummaryItem[]>;
  stale: SummaryItem[];
  notAssessed: SummaryItem[];
  toFix: SummaryItem[];
}

function group(items: readonly SummaryItem[]): Groups {
  const byVerdict = Object.fromEntries(JUDGED.map((v) => [v, [] as SummaryItem[]])) as Record<Judged, SummaryItem[]>;
  const stale: SummaryItem[] = [];
  const notAssessed: SummaryItem[] = [];
  const toFix: SummaryItem[] = [];
  for (const item of items) {
    if (isJudged(item.verdict)) byVerdict[item.verdict].push(item);
    else if (item.verdict === "stale") stale.push(item);
    else if (item.needsFix) toFix.push(item);
    else notAssessed.push(item);
  }
  for (const v of JUDGED) byVerdict[v] = bindingFirst(byVerdict[v]);
  return {
    total: items.length,
    judged: JUDGED.reduce((n, v) => n + byVerdict[v].length, 0),
    byVerdict,
    stale: bindingFirst(stale),
    notAssessed: bindingFirst(notAssessed),
    toFix: bindingFirst(toFix),
  };
}

/** The classes a kind reports: 总结评估 counts 已完成 / 未完成, the others each verdict. */
function classesOf(g: Groups, kind: EvaluationKind): Array<{ verdict: Judged; items: SummaryItem[] }> {
  if (kind === "final") {
    const done = g.byVerdict.achieved;
    const notDone = bindingFirst((["missed", "lagging", "onTrack", "ahead"] as const).flatMap((v) => g.byVerdict[v]));
    return [
      { verdict: "achieved" as const, items: done },
      { verdict: "missed" as const, items: notDone },
    ].filter((c) => c.items.length > 0);
  }
  return JUDGED.map((verdict) => ({ verdict, items: g.byVerdict[verdict] })).filter((c) => c.items.length > 0);
}

/** Binding indicators behind schedule (滞后) or not achieved (未完成), by verdict. */
function bindingBehind(
  g: Groups,
  kind: EvaluationKind,
): Array<{ verdict: "lagging" | "missed"; items: SummaryItem[] }> {
  if (kind === "final") {
    const items = (["missed", "lagging", "onTrack", "ahead"] as const).flatMap((v) =>
      g.byVerdict[v].filter((i) => i.binding),
    );
    return items.length > 0 ? [{ verdict: "missed", items }] : [];
  }
  return (["lagging", "missed"] as const)
    .map((verdict) => ({ verdict, items: g.byVerdict[verdict].filter((i) => i.binding) }))
    .filter((c) => c.items.length > 0);
}

function halfTimeClause(g: Groups, opts: SummaryOptions): { met: number; wording: "full" | "basic" | null } | null {
  if (opts.kind !== "midterm" || g.judged === 0) return null;
  const met = g.byVerdict.achieved.length + g.byVerdict.ahead.length + g.byVerdict.onTrack.length;
  const time =
    opts.timeProgress ??
    (opts.baseYear !== undefined && opts.targetYear > opts.baseYear
      ? (opts.evaluationYear - opts.baseYear) / (opts.targetYear - opts.baseYear)
      : null);
  const halfPassed = time !== null && time >= 0.5 - 1e-9;
  const bindingBehindCount = g.byVerdict.lagging.concat(g.byVerdict.missed).filter((i) => i.binding).length;
  let wording: "full" | "basic" | null = null;
  if (halfPassed && met === g.judged) wording = "full";
  else if (halfPassed && bindingBehindCount === 0 && met >= HALF_TIME_HALF_TASK_SHARE * g.judged - 1e-9)
    wording = "basic";
  return { met, wording };
}

function zhSummary(g: Groups, opts: SummaryOptions, max: number): string {
  const noun = opts.scope === "all" ? "指标" : "主要指标";
  const early = opts.evaluationYear < opts.targetYear;
  const year = opts.evaluationYear;
  const sentences: string[] = [];
  const classes = classesOf(g, opts.kind);
  const onlyJudged = g.judged === g.total;
  if (g.judged > 0) {
    const label = (v: Judged) => (opts.kind === "final" ? (v === "achieved" ? "已完成" : "未完成") : zhLabel(v, early));
    if (classes.length === 1 && onlyJudged) {
      const c = classes[0]!;
      sentences.push(
        g.total === 1
          ? `1项${noun}${label(c.verdict)}${zhNames(c.items, max)}。`
          : `${g.total}项${noun}均${label(c.verdict)}。`,
      );
    } else if (opts.kind === "final") {
      sentences.push(
        `${g.total}项${noun}中，${classes.map((c) => `${c.items.length}项${label(c.verdict)}${zhNames(c.items, max)}`).join("，")}。`,
      );
    } else {
      sentences.push(
        `${g.total}项${noun}中，${classes.map((c) => `${label(c.verdict)}${c.items.length}项${zhNames(c.items, max)}`).join("，")}。`,
      );
    }
    const behind = bindingBehind(g, opts.kind);
    if (behind.length > 0 && g.total === 1) sentences.push("该指标为约束性指标。");
    else if (behind.length > 0) {
      const parts = behind.map((b) => `${zhBare(b.items, max)}${b.verdict === "lagging" ? "滞后" : "未完成"}`);
      sentences.push(`其中，约束性指标${parts.join("，")}。`);
    }
    const half = halfTimeClause(g, opts);
    if (half) {
      const clause =
        half.wording === "full"
          ? "，实现了“时间过半、任务过半”"
          : half.wording === "basic"
            ? "，基本实现了“时间过半、任务过半”"
            : "";
      sentences.push(`总体看，${half.met}项指标超过或达到规划序时进度要求${clause}。`);
    }
  }
  // Rows with no verdict: said explicitly, never left out of the count.
  let extra = 0;
  const lead = (n: number): string => {
    const first = extra === 0;
    extra += 1;
    if (g.judged === 0) return first ? `${g.total}项${noun}中，${n}项` : `${n}项`;
    return first ? `另有${n}项` : `还有${n}项`;
  };
  if (g.stale.length > 0) {
    if (g.judged === 0 && g.stale.length === g.total) {
      sentences.push(
        g.total === 1
          ? `1项${noun}${year}年数据尚未发布${zhNames(g.stale, max)}。`
          : `${g.total}项${noun}${year}年数据均尚未发布。`,
      );
      extra += 1;
    } else sentences.push(`${lead(g.stale.length)}指标${year}年数据尚未发布${zhNames(g.stale, max)}。`);
  }
  if (g.notAssessed.length > 0)
    sentences.push(`${lead(g.notAssessed.length)}指标暂无法评估${zhNames(g.notAssessed, max)}。`);
  if (g.toFix.length > 0) sentences.push(`${lead(g.toFix.length)}指标数据待修正${zhNames(g.toFix, max)}。`);
  return sentences.join("");
}

function enSummary(g: Groups, opts: SummaryOptions, max: number): string {
  const noun = opts.scope === "all" ? "indicators" : "main indicators";
  const nounOne = opts.scope === "all" ? "indicator" : "main indicator";
  const early = opts.evaluationYear < opts.targetYear;
  const year = opts.evaluationYear;
  const sentences: string[] = [];
  const classes = classesOf(g, opts.kind);
  const onlyJudged = g.judged === g.total;
  const finalClause = (v: Judged, n: number) =>
    v === "achieved" ? `${n} ${n === 1 ? "has" : "have"} been achieved` : `${n} ${n === 1 ? "was" : "were"} missed`;
  const finalPredicate = (v: Judged, plural: boolean) =>
    v === "achieved" ? `${plural ? "have" : "has"} been achieved` : `${plural ? "were" : "was"} missed`;
  if (g.judged > 0) {
    if (classes.length === 1 && onlyJudged) {
      const c = classes[0]!;
      const predicate = (plural: boolean) =>
        opts.kind === "final" ? finalPredicate(c.verdict, plural) : enPredicate(c.verdict, plural, early);
      sentences.push(
        g.total === 1
          ? `The one ${nounOne} ${enNames(c.items, max)} ${predicate(false)}.`
          : `${g.total === 2 ? `Both ${noun}` : `All ${g.total} ${noun}`} ${predicate(true)}.`,
      );
    } else {
      const clauses = classes.map(
        (c) =>
          `${opts.kind === "final" ? finalClause(c.verdict, c.items.length) : enClause(c.verdict, c.items.length, early)} ${enNames(c.items, max)}`,
      );
      sentences.push(`Of the ${g.total} ${g.total === 1 ? nounOne : noun}, ${enList(clauses)}.`);
    }
    const behind = bindingBehind(g, opts.kind);
    if (behind.length > 0 && g.total === 1) sentences.push("It is a binding indicator.");
    else if (behind.length > 0) {
      const parts = behind.map((b) => {
        const many = b.items.length > 1;
        const verb =
          b.verdict === "lagging" ? (many ? "are lagging" : "is lagging") : many ? "were missed" : "was missed";
        return `the binding indicator${many ? "s" : ""} ${enBare(b.items, max)} ${verb}`;
      });
      sentences.push(`Among them, ${enList(parts)}.`);
    }
    const half = halfTimeClause(g, opts);
    if (half) {
      const clause =
        half.wording === "full"
          ? ", achieving “half the time, half the task”"
          : half.wording === "basic"
            ? ", broadly achieving “half the time, half the task”"
            : "";
      sentences.push(
        `In all, ${half.met} ${half.met === 1 ? "indicator" : "indicators"} met or exceeded the time-based progress requirement${clause}.`,
      );
    }
  }
  /** “2 more indicators”, “2 of the 11 main indicators” when nothing was judged. */
  const subject = (n: number): string => {
    if (g.judged === 0) return `${n} of the ${g.total} ${g.total === 1 ? nounOne : noun}`;
    return `${n} more ${n === 1 ? "indicator" : "indicators"}`;
  };
  if (g.stale.length > 0) {
    const n = g.stale.length;
    if (g.judged === 0 && n === g.total) {
      sentences.push(
        g.total === 1
          ? `The ${year} figure of the one ${nounOne} ${enNames(g.stale, max)} has not been published yet.`
          : `The ${year} figures of ${g.total === 2 ? "both" : `all ${g.total}`} ${noun} have not been published yet.`,
      );
    } else
      sentences.push(
        `For ${subject(n)} the ${year} ${n === 1 ? "figure has" : "figures have"} not been published yet ${enNames(g.stale, max)}.`,
      );
  }
  if (g.notAssessed.length > 0) {
    const n = g.notAssessed.length;
    sentences.push(`${capitalise(subject(n))} cannot be assessed yet ${enNames(g.notAssessed, max)}.`);
  }
  if (g.toFix.length > 0) {
    const n = g.toFix.length;
    sentences.push(
      `${capitalise(subject(n))} ${n === 1 ? "has" : "have"} figures to fix before ${n === 1 ? "it" : "they"} can be assessed ${enNames(g.toFix, max)}.`,
    );
  }
  return sentences.join(" ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The summary paragraph(s) of a report: one paragraph of sentences, or none when there is no indicator.
 * Binding indicators are named first in every group.
 */
export function reportSummary(items: readonly SummaryItem[], options: SummaryOptions): string[] {
  if (items.length === 0) return [];
  const max = Math.max(1, Math.floor(options.maxNames ?? DEFAULT_MAX_NAMES));
  const g = group(items);
  return [options.lang === "zh" ? zhSummary(g, options, max) : enSummary(g, options, max)];
}
