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

export interface ReportRow {
  indicatorId: string;
  /** The category (类别) the row belongs to; renderers may print a group line when it changes. */
  category: string;
  /** Every column's text, final (numbers already formatted in the indicator's notation). */
  cells: Record<ReportColumnKey, string>;
  verdict: ReportVerdict;
  binding: boolean;
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
}
