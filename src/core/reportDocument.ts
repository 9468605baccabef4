/**
 * The evaluation report (年度监测 / 中期评估 / 总结评估) as one plain data structure with every text
 * final: the report sheet, the Word file and the pane all render this, so they cannot disagree.
 * Built by src/core/evaluationReport.ts from one evaluation of the plan at the chosen year.
 * Pure data: no Office, React or DOM.
 */
import type { Lang } from "./messages";

/** 年度监测 (annual monitoring), 中期评估 (mid-term), 总结评估 (final evaluation). */
export type EvaluationKind = "annual" | "midterm" | "final";

/** The verdict classes a report counts, in the order official summaries list them. */
export type ReportVerdict = "achieved" | "ahead" | "onTrack" | "lagging" | "missed" | "stale" | "none";

export type ReportColumnKey =
  | "number"
  | "name"
  | "attribute"
  | "unit"
  | "baseline"
  | "target"
  | "actual"
  | "progress"
  | "timeProgress"
  | "verdict"
  | "leadUnit"
  | "analysis";

export interface ReportColumn {
  key: ReportColumnKey;
  header: string;
  /** Relative width (the name column is the widest); renderers scale these to the page. */
  width: number;
}

/**
 * The number behind a cell's text, for renderers that keep numbers as numbers (the report sheet, so charts
 * and formulas can use them). The text reads prefix + the value with `decimals` decimals (× 100 and a "%"
 * when `percent`) + suffix, and equals the row's `cells[key]`. Prefix and suffix are the add-in's own words
 * (〔 〕, ≥, 年均增长, （2023年）), never text from the plan.
 */
export interface ReportNumber {
  value: number;
  decimals: number;
  percent?: boolean;
  prefix?: string;
  suffix?: string;
}

export interface ReportRow {
  indicatorId: string;
  /** The category (类别) the row belongs to; renderers may print a group line when it changes. */
  category: string;
  /** Every column's text, final (numbers already formatted in the indicator's notation). */
  cells: Record<ReportColumnKey, string>;
  verdict: ReportVerdict;
  binding: boolean;
  /** Optional: the numbers behind cells whose text is a number in the plan's notation (absent: text only). */
  numbers?: Partial<Record<ReportColumnKey, ReportNumber>>;
}

export interface ReportCount {
  verdict: ReportVerdict;
  label: string;
  count: number;
}

/** One bar pair of the progress-vs-time chart (fractions: 0.6 = 60 %; null = not computed). */
export interface ReportProgressBar {
  indicatorId: string;
  label: string;
  progress: number | null;
  timeProgress: number | null;
  verdict: ReportVerdict;
}

/** One year of the path chart: the figure (null = none) and the value on the planned path (null = none). */
export interface ReportPathPoint {
  year: number;
  actual: number | null;
  planned: number | null;
}

/** A selected indicator's yearly figures against its planned path (from the baseline year to the target year). */
export interface ReportPathChart {
  indicatorId: string;
  /** The indicator's name. */
  title: string;
  unit: string;
  points: ReportPathPoint[];
  /** The (adjusted) target at the target year, `label` in the plan's notation; null for text targets. */
  target: { year: number; value: number; label: string } | null;
}

export interface ReportDocument {
  lang: Lang;
  kind: EvaluationKind;
  evaluationYear: number;
  /** 张掖市“十四五”科技创新规划主要指标2025年总结评估 */
  title: string;
  /** The plan's document and issuer, one line. */
  source: string;
  /** ISO date (YYYY-MM-DD) the report was generated. */
  generatedOn: string;
  /** The date as printed under the title and in the page header (2026年11月30日 / 30 November 2026). */
  dateText: string;
  /** The summary paragraphs in official phrasing (counts by verdict, binding indicators that lag first). */
  summary: string[];
  counts: ReportCount[];
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Footnotes: adjusted targets, revised baselines, stale data, how progress is computed. */
  notes: string[];
  progressChart: ReportProgressBar[];
  /** Optional: the path chart's data for one indicator (null or absent: no indicator with figures). */
  pathChart?: ReportPathChart | null;
}
