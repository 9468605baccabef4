/**
 * What the template holds, cell by cell, for one plan (pure: no Excel calls). Insert writes it,
 * refresh compares the sheet with it to tell the add-in's cells from the ones staff changed.
 * Column order and headers come from src/core/templateLayout.ts; this file adds what only the
 * host needs: the computed columns' formulas, number formats, fills, widths and input validation.
 *
 * Every computed column is PLAN.EVALUATE over the row's own cells, at the template's evaluation
 * year (C3): the same reading of the row (src/core/templateRow.ts) and the same evaluation
 * (src/core/indicatorEvaluation.ts) as the pane, so the sheet and the pane cannot disagree about a
 * figure, for every target form. Not volatile: Excel recalculates a row when one of its cells changes.
 */
import type { Lang } from "../core/messages";
import type { Indicator, Plan, Target } from "../core/planSchema";
import { statusLabel } from "../core/status";
import { evaluationYearOf } from "../core/indicatorEvaluation";
import { EVALUATION_YEAR_LABEL } from "../core/templateBlock";
import {
  buildOtherGoalsHeaderRow,
  indicatorRowValues,
  isOtherGoalsColumn,
  OTHER_GOALS_CAPTION,
  splitIndicators,
  templateColumns,
  type ColumnKey,
  type TemplateColumn,
} from "../core/templateLayout";
import { columnLetters } from "./a1";

/** Rows 1–3 are the title block, row 4 is blank, the table's header is row 5. */
export const HEADER_ROW = 5;
export const FIRST_BODY_ROW = HEADER_ROW + 1;

/** A cell as written through Range.formulas: a formula ("=…"), a constant, or "" for blank. */
export type CellContent = string | number | boolean;

export const INPUT_FILL = "#FFF4CE";
export const COMPUTED_FILL = "#EDEFF2";
export const TECHNICAL_FONT = "#7A7A7A";

/**
 * Text is written with Excel's text prefix (an apostrophe, which Excel does not show): written
 * plain, "1.47%", "3-5" or "1月5日" would be turned into numbers or dates as if typed.
 */
export function asText(text: string): string {
  return text === "" ? "" : `'${text}`;
}

/**
 * Whether a cell read through Range.formulas (with its Range.values) holds a formula. Range.formulas gives
 * a text cell its text without Excel's text prefix (office-js #6687): text typed as '=2+2 reads back as
 * "=2+2", exactly like the formula =2+2. Only a formula computes a value other than its own text, so a
 * cell whose value is the very text Range.formulas gives is text (were it a formula that happens to show
 * its own text, writing that text as text still shows the same).
 */
export function isFormulaCell(formula: unknown, value: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && value !== formula;
}

/**
 * A cell read back through Range.formulas in the form the add-in writes it: text that starts with "="
 * gets its text prefix back ("'=2+2"), so it is compared, hashed and written as the text it is.
 */
export function readBack(formula: unknown, value: unknown): unknown {
  return typeof formula === "string" && formula.startsWith("=") && !isFormulaCell(formula, value)
    ? `'${formula}`
    : formula;
}

export interface RowContext {
  plan: Plan;
  lang: Lang;
  /** 1-based sheet row of this indicator. */
  row: number;
  /** The table's layout: what PLAN.EVALUATE reads. */
  frame: TableFrame;
}

/** Where the template's table is: what every computed cell's PLAN.EVALUATE call refers to. */
export interface TableFrame {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Letters of the first column and of the last column the evaluation reads (before the computed columns). */
  firstLetter: string;
  lastInputLetter: string;
  /** 1-based sheet row of each indicator, by id (for relative targets' reference rows). */
  rowOf: (indicatorId: string) => number | null;
}

/**
 * The frame of a table whose columns (in `columns` order) start at 0-based sheet column `firstColumn`:
 * PLAN.EVALUATE reads from the first column to the last column before the computed ones.
 */
export function tableFrame(
  columns: readonly Pick<TemplateColumn, "role">[],
  firstColumn: number,
  headerRow: number,
  rowOf: (indicatorId: string) => number | null,
): TableFrame {
  let lastInput = 0;
  columns.forEach((c, i) => {
    if (c.role !== "computed") lastInput = i;
  });
  return {
    headerRow,
    firstLetter: columnLetters(firstColumn),
    lastInputLetter: columnLetters(firstColumn + lastInput),
    rowOf,
  };
}

/** The workbook name over the other-goals block of table `tableName` (its header and rows): how readers find it. */
export function otherGoalsName(tableName: string): string {
  return `${tableName}_OtherGoals`;
}

/** The evaluation year of the template: B3 holds staff's choice (blank = automatic), C3 the year in use. */
export const EVALUATION_YEAR_INPUT = "B3";
export const EVALUATION_YEAR_CELL = "C3";
const EVALUATION_YEAR_REF = "$C$3";

function rowRange(frame: TableFrame, row: number): string {
  return `$${frame.firstLetter}${row}:$${frame.lastInputLetter}${row}`;
}

function headerRange(frame: TableFrame): string {
  return `$${frame.firstLetter}$${frame.headerRow}:$${frame.lastInputLetter}$${frame.headerRow}`;
}

/**
 * C3: the year staff typed in B3, else the latest year with a figure that can be read in the table; blank
 * before the first figure (PLAN.DATAYEAR's #N/A would otherwise reach every computed cell).
 *
 * PLAN.DATAYEAR is given the header row alone: it reads the rows below through the add-in and pushes a new
 * year only when the year changes (a streaming function, src/functions/rowStreams.ts). Were the body its
 * argument, every figure typed would make C3 dirty and with it — Excel recalculates every dependent of a
 * changed cell, whether or not its value changed — every computed cell of the table, all of which read $C$3.
 * It does not depend on the table's extent, so rows added by a refresh leave it as it is.
 */
export function evaluationYearFormula(frame: TableFrame): string {
  return `=IF(${EVALUATION_YEAR_INPUT}<>"",${EVALUATION_YEAR_INPUT},IFERROR(PLAN.DATAYEAR(${headerRange(frame)}),""))`;
}

/**
 * A computed cell: the one evaluation of the row, through PLAN.EVALUATE, at the template's evaluation
 * year. Not volatile: the row's own cells, the header and the year cell are its arguments. A relative
 * target's reference row is passed too, so the row follows edits in either.
 */
function computedCell(column: TemplateColumn, ind: Indicator, ctx: RowContext): CellContent {
  if (!column.field) return "";
  const frame = ctx.frame;
  const t = ind.target;
  const refRow = t.kind === "relative" ? frame.rowOf(t.reference) : null;
  const reference = refRow !== null ? `,${rowRange(frame, refRow)}` : "";
  return `=PLAN.EVALUATE(${headerRange(frame)},${rowRange(frame, ctx.row)},"${column.field}",${EVALUATION_YEAR_REF}${reference})`;
}

// indicatorRowValues builds a whole row; refresh asks cell by cell, so each row is built once.
const rowValuesCache = new WeakMap<Indicator, Map<string, Partial<Record<ColumnKey, string | number>>>>();

function rowValues(plan: Plan, ind: Indicator, lang: Lang): Partial<Record<ColumnKey, string | number>> {
  let byPlan = rowValuesCache.get(ind);
  if (!byPlan) rowValuesCache.set(ind, (byPlan = new Map()));
  const key = `${lang}|${plan.baseYear}|${plan.targetYear}`;
  const cached = byPlan.get(key);
  if (cached) return cached;
  const values = indicatorRowValues(plan, ind, lang);
  byPlan.set(key, values);
  return values;
}

/**
 * Everything the add-in writes into one cell of an indicator's row: the layout's own row values
 * (src/core/templateLayout.ts) for plan, input and technical columns, formulas for computed ones.
 */
export function plannedCell(column: TemplateColumn, ind: Indicator, ctx: RowContext): CellContent {
  if (column.role === "computed") return computedCell(column, ind, ctx);
  const value = rowValues(ctx.plan, ind, ctx.lang)[column.key];
  if (value === undefined || value === "") return "";
  if (typeof value === "number") return value;
  if (column.key === "number" && /^\d+$/.test(value)) return Number(value);
  if (column.key === "manualStatus" && ind.override) {
    // 提前实现 before the target year, 已完成 in it: the label depends on the year evaluated.
    const year = evaluationYearOf(ctx.plan);
    const targetYear = ind.targetYear ?? ctx.plan.targetYear; // a 2035 goal is early in 2025, as the pane says
    return asText(statusLabel(ind.override.status, ctx.lang, { year, targetYear }));
  }
  return asText(value);
}

/** Number format of the indicator's own figures: shares as plain percentages (1.47 means 1.47 %), counts whole. */
export function unitFormat(ind: Indicator): string {
  switch (ind.kind) {
    case "percent":
      return "0.00";
    case "count":
    case "rank":
      return "0";
    default:
      return "General";
  }
}

/**
 * The target cell keeps its number (the functions and the read-back need it) but shows the plan's own
 * notation through the number format: 〔13.5〕 for five-year totals, 年均增长 7% for annual-growth targets,
 * 1.47左右 for approximate ones, 前3位 for ranks and ≤ for ceilings.
 */
/** A number format with as many decimals as the value has (up to 4): 13.5 shows as 13.5, as printed, not 13.50. */
function asPrinted(value: number): string {
  const text = String(value);
  const dot = text.indexOf(".");
  const decimals = dot < 0 || /e/i.test(text) ? 0 : Math.min(4, text.length - dot - 1);
  return decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
}

export function targetFormat(ind: Indicator, lang: Lang, t: Target = ind.target): string {
  const base = t.kind === "text" || t.kind === "relative" ? "0" : asPrinted(t.value);
  const approx = (t.kind === "level" || t.kind === "annualGrowth" || t.kind === "cumulative") && t.approximate;
  switch (t.kind) {
    case "text":
    case "relative":
      return "General";
    case "cumulative":
      return approx ? (lang === "zh" ? `"〔约"${base}"〕"` : `"〔~"${base}"〕"`) : `"〔"${base}"〕"`;
    case "annualGrowth":
      if (t.comparator === "<=") return lang === "zh" ? `"年均增长≤"0.0"%"` : `"≤"0.0"% a year"`;
      if (approx) return lang === "zh" ? `"年均增长"0.0"%左右"` : `"~"0.0"% a year"`;
      return lang === "zh" ? `"年均增长 "0.0"%"` : `"+"0.0"% a year"`;
    case "level":
      if (ind.kind === "rank") return lang === "zh" ? `"前"0"位"` : `"top "0`;
      if (approx) return lang === "zh" ? `${base}"左右"` : `"~"${base}`;
      if (t.comparator === "<=") return `"≤"${base}`;
      if (t.obligation === "keep") return `"≥"${base}`;
      return base;
  }
}

/** Figures in 百分点 or 〔〕 totals show two decimals; others in the indicator's own format. */
function figureFormat(ind: Indicator): string {
  const t = ind.target;
  return t.kind === "cumulative" || t.kind === "annualGrowth" || t.kind === "relative" || ind.figures !== "level"
    ? "0.00"
    : unitFormat(ind);
}

export function plannedFormat(column: TemplateColumn, ind: Indicator, lang: Lang): string {
  if (column.year !== undefined) return ind.figures === "level" ? unitFormat(ind) : "0.00";
  switch (column.key) {
    case "baselineYear":
    case "targetYear":
    case "latestYear":
    case "revisedBaselineYear":
      return "0";
    case "baseline":
    case "revisedBaseline":
      return unitFormat(ind) === "0" ? "0" : "0.00";
    case "latest":
      return ind.figures === "level" ? unitFormat(ind) : "0.00";
    case "gap":
      return figureFormat(ind);
    case "step":
      // A yearly step is often a fraction of a whole thing (0.25 places a year, 0.87 patents): two decimals.
      // A rank improves towards 1, so its step is negative: shown without the sign, it reads as the places to
      // gain each year under 每年需提高 (never a "−0.67 位" to raise).
      return ind.kind === "rank" ? "0.00;0.00" : "0.00";
    case "target":
      return targetFormat(ind, lang);
    case "adjustedTarget": {
      const adjustments = ind.targetAdjustments ?? [];
      const last = adjustments[adjustments.length - 1];
      return targetFormat(ind, lang, last?.target ?? ind.target);
    }
    case "growth":
    case "progress":
    case "elapsed":
      return "0.0%";
    default:
      return "General";
  }
}

/** Widths in points: the indicator's name wide, figures narrow. */
export function columnWidth(column: TemplateColumn): number {
  if (column.year !== undefined) return 58;
  switch (column.key) {
    case "number":
      return 34;
    case "category":
      return 80;
    case "name":
      return 210;
    case "unit":
      return 48;
    case "attribute":
      return 54;
    case "status":
    case "manualStatus":
      return 84;
    case "manualNote":
      return 160;
    case "growth":
    case "step":
      return 72;
    default:
      return column.role === "technical" ? 70 : 60;
  }
}

/** A template built for a fresh sheet: the header and every row, laid out in templateColumns order from column A. */
export interface FreshTemplate {
  columns: TemplateColumn[];
  frame: TableFrame;
  /** C3's formula: the evaluation year in use. */
  evaluationYearFormula: string;
  header: string[];
  rows: CellContent[][];
  formats: string[][];
  /** The main table's indicators, in the order of `rows`. */
  indicators: Indicator[];
  /** The plan's supplementary goals, in a block of their own below the table; null when it has none. */
  otherGoals: OtherGoalsBlock | null;
}

/** The other-goals block of a fresh sheet (templateLayout.ts OTHER_GOALS_CAPTION), in the main table's columns. */
export interface OtherGoalsBlock {
  caption: string;
  /** 1-based sheet rows of the caption and of the block's header; its rows follow the header. */
  captionRow: number;
  headerRow: number;
  header: string[];
  rows: CellContent[][];
  formats: string[][];
  indicators: Indicator[];
}

export function letterLookup(columns: readonly TemplateColumn[], firstColumn = 0): (key: ColumnKey) => string | null {
  const index = new Map<ColumnKey, number>(columns.map((c, i) => [c.key, i]));
  return (key) => {
    const i = index.get(key);
    return i === undefined ? null : columnLetters(firstColumn + i);
  };
}

export function buildFreshTemplate(
  plan: Plan,
  lang: Lang,
  /** Supplementary goals kept in the table all the same (figures carried over from an earlier sheet need cells). */
  inTable: ReadonlySet<string> = new Set(),
): FreshTemplate {
  const columns = templateColumns(plan);
  const { main, other } = splitIndicators(
    plan.indicators.map((i) => (inTable.has(i.id) ? { ...i, supplementary: undefined } : i)),
  );
  // A relative target refers to a row of the main table (the other goals have no figures to compare).
  const rowById = new Map(main.map((ind, i) => [ind.id, FIRST_BODY_ROW + i]));
  const frame = tableFrame(columns, 0, HEADER_ROW, (id) => rowById.get(id) ?? null);
  const rows = main.map((ind, i) => {
    const ctx: RowContext = { plan, lang, row: FIRST_BODY_ROW + i, frame };
    return columns.map((c) => plannedCell(c, ind, ctx));
  });
  const formats = main.map((ind) => columns.map((c) => plannedFormat(c, ind, lang)));
  return {
    columns,
    frame,
    header: columns.map((c) => c.header[lang]),
    rows,
    formats,
    evaluationYearFormula: evaluationYearFormula(frame),
    indicators: main,
    otherGoals: other.length > 0 ? otherGoalsBlock(plan, lang, other, columns, frame, Math.max(main.length, 1)) : null,
  };
}

/**
 * The other-goals block under a main table of `mainRows` body rows: a blank row, the caption, the header
 * (blank over the year and computed columns) and a row per goal, its year and computed cells blank.
 */
function otherGoalsBlock(
  plan: Plan,
  lang: Lang,
  indicators: Indicator[],
  columns: readonly TemplateColumn[],
  frame: TableFrame,
  mainRows: number,
): OtherGoalsBlock {
  const captionRow = FIRST_BODY_ROW + mainRows + 1;
  const headerRow = captionRow + 1;
  const rows = indicators.map((ind, i) => {
    const ctx: RowContext = { plan, lang, row: headerRow + 1 + i, frame };
    return columns.map((c) => (isOtherGoalsColumn(c) ? plannedCell(c, ind, ctx) : ""));
  });
  return {
    caption: OTHER_GOALS_CAPTION[lang],
    captionRow,
    headerRow,
    header: buildOtherGoalsHeaderRow(plan, lang),
    rows,
    formats: indicators.map((ind) =>
      columns.map((c) => (isOtherGoalsColumn(c) ? plannedFormat(c, ind, lang) : "General")),
    ),
    indicators,
  };
}

/** The title block above the table: title, source, the evaluation year, and the legend for the cell fills. */
export interface TitleBlock {
  title: string;
  source: string;
  evaluationYearLabel: string;
  evaluationYearHint: string;
  legendLabel: string;
  inputLabel: string;
  computedLabel: string;
  note: string;
}

export function titleBlock(plan: Plan, lang: Lang): TitleBlock {
  const s = plan.source;
  if (lang === "zh") {
    return {
      title: plan.title.zh,
      source: s ? `来源：${s.document.zh}（${s.issuer.zh}，${s.date}）` : "来源：未注明",
      evaluationYearLabel: EVALUATION_YEAR_LABEL.zh,
      evaluationYearHint: "左格留空则取最新填写数据的年份；各指标均按此年份评估，数据早于此年份的标为“数据滞后”。",
      legendLabel: "图例：",
      inputLabel: "填写",
      computedLabel: "自动计算",
      note: "计算列由 PLAN.EVALUATE 按本行数据计算，与任务窗格一致。",
    };
  }
  return {
    title: plan.title.en,
    source: s ? `Source: ${s.document.en} (${s.issuer.en}, ${s.date})` : "Source: not stated",
    evaluationYearLabel: EVALUATION_YEAR_LABEL.en,
    evaluationYearHint:
      "Blank: the latest year with figures. Every indicator is evaluated at this year; one whose latest figure is older is marked stale.",
    legendLabel: "Legend:",
    inputLabel: "Enter figures",
    computedLabel: "Computed",
    note: "Computed columns are PLAN.EVALUATE over the row, the same as the task pane.",
  };
}
