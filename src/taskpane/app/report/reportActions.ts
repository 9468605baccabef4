/**
 * What the report panel does, apart from drawing: the years it offers, the report document for a choice of
 * year and kind, the Word file's chart pictures. The panel (ReportPanel.tsx) only renders and calls these.
 */
import { buildReportDocument, defaultEvaluationKind, type ReportOptions } from "../../../core/evaluationReport";
import { evaluationYearOf, latestDataYear, summarizePlan } from "../../../core/indicatorEvaluation";
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import type { EvaluationKind, ReportDocument, ReportVerdict } from "../../../core/reportDocument";
import { LIGHT_PALETTE, pathChartSvg, progressChartSvg } from "../charts";
import type { ProgressItem } from "../charts";
import { formatNumber } from "../figures";
import type { StatusKey } from "../statusStyle";
import { svgToPng } from "./word/svgToPng";
import type { WordReportImage } from "./word/wordReport";
import { rt } from "./reportStrings";

/** The years a report can be made for: each year of the plan period after the base year, and later years with figures. */
export function reportYearChoices(plan: Plan): number[] {
  const last = Math.max(plan.targetYear, latestDataYear(plan) ?? plan.targetYear);
  const years: number[] = [];
  for (let y = plan.baseYear + 1; y <= last; y++) years.push(y);
  return years;
}

/** The year the panel starts with: the sheet's evaluation year, else the plan's, kept within the choices. */
export function initialReportYear(plan: Plan, sheetYear?: number | null): number {
  const choices = reportYearChoices(plan);
  const wanted = sheetYear ?? evaluationYearOf(plan);
  return Math.min(Math.max(wanted, choices[0]!), choices[choices.length - 1]!);
}

export { defaultEvaluationKind };

/** Today as an ISO date in the user's time zone (the report's date). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface PaneReportChoice {
  year: number;
  kind: EvaluationKind;
  lang: Lang;
  blocked?: ReadonlyMap<string, { header: string; text: string }>;
  analysis?: ReadonlyMap<string, string>;
  pathIndicatorId?: string | null;
  generatedOn?: string;
}

/** The report document for the panel's choice: the same evaluation the pane shows, at the chosen year. */
export function paneReport(plan: Plan, choice: PaneReportChoice): ReportDocument {
  const summary = summarizePlan(plan, {
    evaluationYear: choice.year,
    ...(choice.blocked ? { blocked: choice.blocked } : {}),
  });
  const options: ReportOptions = {
    kind: choice.kind,
    lang: choice.lang,
    generatedOn: choice.generatedOn ?? todayIso(),
    ...(choice.analysis ? { analysis: choice.analysis } : {}),
    ...(choice.pathIndicatorId ? { pathIndicatorId: choice.pathIndicatorId } : {}),
  };
  return buildReportDocument(plan, summary, options);
}

/** At most this many bars in the Word file's progress picture: more would not be legible on a page. */
export const WORD_PROGRESS_BARS = 60;

function statusKey(verdict: ReportVerdict): StatusKey {
  return verdict;
}

function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error("the chart drawing has no size");
  return { width, height };
}

/**
 * The report's two charts as PNG pictures for the Word file, drawn by the pane's own chart code (browser only:
 * svgToPng needs a canvas). Rejects with the reason when the browser cannot draw them.
 */
export async function reportChartImages(doc: ReportDocument): Promise<WordReportImage[]> {
  const lang = doc.lang;
  const images: WordReportImage[] = [];
  const bindingById = new Map(doc.rows.map((r) => [r.indicatorId, r.binding]));
  if (doc.progressChart.length > 0) {
    const items: ProgressItem[] = doc.progressChart.slice(0, WORD_PROGRESS_BARS).map((b) => ({
      id: b.indicatorId,
      label: b.label,
      progress: b.progress,
      timeProgress: b.timeProgress,
      status: statusKey(b.verdict),
      binding: bindingById.get(b.indicatorId) ?? false,
    }));
    const svg = progressChartSvg({ lang, items }, LIGHT_PALETTE, { width: 960 });
    const { width, height } = svgSize(svg);
    const trimmed =
      doc.progressChart.length > WORD_PROGRESS_BARS ? rt(lang, "chartsTrimmed", { count: WORD_PROGRESS_BARS }) : "";
    images.push({
      title: `${rt(lang, "progressChartTitle")}${trimmed}`,
      png: await svgToPng(svg, width * 2, height * 2),
      width: width * 2,
      height: height * 2,
    });
  }
  const path = doc.pathChart;
  if (path) {
    const svg = pathChartSvg(
      {
        lang,
        title: path.title,
        unit: path.unit,
        points: path.points.map((p) => ({ year: p.year, actual: p.actual, planned: p.planned })),
        target: path.target,
        evaluationYear: doc.evaluationYear,
        formatValue: (v) => formatNumber(v, lang),
      },
      LIGHT_PALETTE,
      { width: 960, height: 480 },
    );
    const { width, height } = svgSize(svg);
    images.push({
      title: rt(lang, "pathChartTitle", { name: path.title }),
      png: await svgToPng(svg, width * 2, height * 2),
      width: width * 2,
      height: height * 2,
    });
  }
  return images;
}
