/**
 * What the charts say in words: the one-sentence summaries (the SVG's accessible name) and the rows
 * of the data tables that carry every value for screen readers. Pure: strings in, strings out.
 */
import type { Lang } from "../../../core/messages";
import { statusName } from "../components/StatusCards";
import type { StatusKey } from "../statusStyle";
import { finiteOrNull, formatPercent, missingActualYears } from "./chartGeometry";
import { chartText } from "./chartStrings";
import type { PathChartProps, ProgressItem } from "./chartTypes";

function sortedPoints(points: PathChartProps["points"]): PathChartProps["points"] {
  return [...points].filter((p) => Number.isInteger(p.year)).sort((a, b) => a.year - b.year);
}

/** The path chart in one paragraph: first and latest actual figure, target, adjustment, gaps. */
export function pathSummary(props: PathChartProps): string {
  const { lang, formatValue } = props;
  const parts = [chartText(lang, "summaryTitle", { title: props.title, unit: props.unit })];
  const actual = sortedPoints(props.points).filter((p) => finiteOrNull(p.actual) !== null);
  const first = actual[0];
  const last = actual[actual.length - 1];
  if (!first || !last) parts.push(chartText(lang, "summaryNoActual"));
  else if (first === last)
    parts.push(chartText(lang, "summaryActualOne", { year: first.year, value: formatValue(first.actual!) }));
  else
    parts.push(
      chartText(lang, "summaryActualRange", {
        firstYear: first.year,
        first: formatValue(first.actual!),
        lastYear: last.year,
        last: formatValue(last.actual!),
      }),
    );
  if (props.target) {
    parts.push(chartText(lang, "summaryTarget", { year: props.target.year, label: props.target.label }));
    if (props.adjustedFrom) parts.push(chartText(lang, "summaryAdjusted", { label: props.adjustedFrom.label }));
  }
  const missing = missingActualYears(props.points);
  if (missing.length) {
    parts.push(chartText(lang, "summaryMissing", { years: missing.join(chartText(lang, "listSeparator")) }));
  }
  if (props.lowerIsBetter) parts.push(chartText(lang, "summaryInverted"));
  return parts.join(lang === "zh" ? "" : " ");
}

export interface DataTable {
  caption: string;
  columns: string[];
  /** Each row: its header cell (the year, or "2025年目标") and the other cells. */
  rows: Array<{ header: string; cells: string[] }>;
}

/** Every figure of the path chart: one row per year (actual, planned, source), then the targets. */
export function pathTable(props: PathChartProps): DataTable {
  const { lang, formatValue } = props;
  const none = chartText(lang, "noFigure");
  const show = (v: number | null | undefined) => {
    const f = finiteOrNull(v);
    return f === null ? none : formatValue(f);
  };
  const points = sortedPoints(props.points);
  const withVintage = points.some((p) => p.vintage);
  const columns = [chartText(lang, "year"), chartText(lang, "actual"), chartText(lang, "planned")];
  if (withVintage) columns.push(chartText(lang, "vintage"));
  const blank = withVintage ? [""] : [];
  const rows = points.map((p) => ({
    header: chartText(lang, "yearValue", { year: p.year }),
    cells: [show(p.actual), show(p.planned), ...(withVintage ? [p.vintage ?? ""] : [])],
  }));
  if (props.target) {
    rows.push({
      header: chartText(lang, "targetInYear", { year: props.target.year }),
      cells: [props.target.label, "", ...blank],
    });
    if (props.adjustedFrom) {
      rows.push({ header: chartText(lang, "originalTarget"), cells: [props.adjustedFrom.label, "", ...blank] });
    }
  }
  if (typeof props.evaluationYear === "number") {
    rows.push({
      header: chartText(lang, "evaluationYearHeader"),
      cells: [chartText(lang, "yearValue", { year: props.evaluationYear }), "", ...blank],
    });
  }
  return { caption: chartText(lang, "tableCaption", { title: props.title, unit: props.unit }), columns, rows };
}

/** A status in words, as the rest of the pane names it (status cards, indicator list). */
export function statusText(status: StatusKey, lang: Lang): string {
  return statusName(status, lang);
}

/** A percentage for screen readers: the real value, or "no figure" in words instead of a dash. */
function spokenPercent(fraction: number | null, lang: Lang): string {
  return finiteOrNull(fraction) === null ? chartText(lang, "noFigure") : formatPercent(fraction, lang);
}

/** A bar's accessible name: real percentages (not the clipped ones) and the status in words. */
export function barLabel(item: ProgressItem, lang: Lang): string {
  return chartText(lang, "barLabel", {
    progress: spokenPercent(item.progress, lang),
    time: spokenPercent(item.timeProgress, lang),
    status: statusText(item.status, lang),
  });
}

/** Counts for the progress chart's summary: behind = progress below time progress. */
export function progressSummary(items: readonly ProgressItem[], lang: Lang): string {
  let behind = 0;
  let missing = 0;
  for (const item of items) {
    const p = finiteOrNull(item.progress);
    const t = finiteOrNull(item.timeProgress);
    if (p === null) missing += 1;
    else if (t !== null && p < t) behind += 1;
  }
  return chartText(lang, "progressSummary", { count: items.length, behind, missing });
}

/** The progress chart's table for the rows shown: indicator (with 约束性), progress, time progress, status. */
export function progressTable(items: readonly ProgressItem[], lang: Lang): DataTable {
  return {
    caption: chartText(lang, "progressTitle"),
    columns: [
      chartText(lang, "indicator"),
      chartText(lang, "progress"),
      chartText(lang, "timeProgress"),
      chartText(lang, "status"),
    ],
    rows: items.map((item) => ({
      header: item.binding ? chartText(lang, "withBinding", { label: item.label }) : item.label,
      cells: [
        spokenPercent(item.progress, lang),
        spokenPercent(item.timeProgress, lang),
        statusText(item.status, lang),
      ],
    })),
  };
}
