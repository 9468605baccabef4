/**
 * What the template holds, cell by cell, for one plan (pure: no Excel calls). Insert writes it,
 * refresh compares the sheet with it to tell the add-in's cells from the ones staff changed.
 * Column order and headers come from src/core/templateLayout.ts; this file adds what only the
 * host needs: the computed columns' formulas, number formats, fills, widths and input validation.
 *
 * Computed columns use the PLAN functions' value forms with references to the row's own cells,
 * so Excel recalculates them as soon as a figure is typed (no volatile row lookups). Rows whose
 * target a value form cannot express (左右 bands, 〔〕 totals, 年均 targets) use the row form.
 * Time progress and status are taken at the row's 最新年份, the year of its latest figure.
 */
import type { Lang } from "../core/messages";
import type { Indicator, Plan } from "../core/planSchema";
import { statusLabel } from "../core/status";
import { latestActual } from "../core/indicatorEvaluation";
import { indicatorRowValues, templateColumns, type ColumnKey, type TemplateColumn } from "../core/templateLayout";
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

/** The direction in which the target is met: a ceiling (<=) is kept from below whatever the indicator's direction. */
function metDirection(ind: Indicator): "up" | "down" {
  return ind.target.kind === "level" && ind.target.comparator === "<=" ? "down" : ind.direction;
}

export interface RowContext {
  plan: Plan;
  lang: Lang;
  /** 1-based sheet row of this indicator. */
  row: number;
  /** Column letter of a key in this table, or null when the table has no such column. */
  letter: (key: ColumnKey) => string | null;
  years: readonly number[];
}

function ref(ctx: RowContext, key: ColumnKey): string {
  const l = ctx.letter(key);
  if (l === null) throw new Error(`the template has no ${key} column`);
  return `${l}${ctx.row}`;
}

/** =IF(y2025<>"",<2025>,IF(y2024<>"",<2024>,…,"")): the latest year that has a figure, and its figure. */
function latestFormula(ctx: RowContext, pick: (year: number, cell: string) => string): string {
  let formula = '""';
  for (const year of ctx.years) {
    const cell = ref(ctx, `y${year}`);
    formula = `IF(${cell}<>"",${pick(year, cell)},${formula})`;
  }
  return `=${formula}`;
}

/**
 * The row form, for targets the value forms cannot express: the function reads the whole row
 * itself. Blank until the row has a figure, like the value forms.
 */
function rowForm(fn: string, ctx: RowContext): string {
  return `IF(${ref(ctx, "latest")}="","",PLAN.${fn}(${ref(ctx, "name")}))`;
}

function computedCell(key: ColumnKey, ind: Indicator, ctx: RowContext): CellContent {
  const L = ref(ctx, "latest");
  const LY = ref(ctx, "latestYear");
  const B = ref(ctx, "baseline");
  const T = ref(ctx, "target");
  const BY = ref(ctx, "baselineYear");
  const TY = ref(ctx, "targetYear");
  const M = ref(ctx, "manualStatus");
  const dir = `"${metDirection(ind)}"`;
  const text = ind.target.kind === "text";
  const level = ind.target.kind === "level" && ind.target.comparator !== "~";
  const hasBaseline = ind.baseline !== null;
  switch (key) {
    case "latestYear":
      return latestFormula(ctx, (year) => String(year));
    case "latest":
      return latestFormula(ctx, (_year, cell) => cell);
    case "gap":
      if (text) return "";
      return level ? `=IF(${L}="","",PLAN.GAP(${L},${T},${dir}))` : `=${rowForm("GAP", ctx)}`;
    case "growth":
      // Growth rates of positions mean nothing: ranks move by places (the step column).
      if (text || ind.kind === "rank" || ind.target.kind === "cumulative") return "";
      return level
        ? `=IF(OR(${L}="",${TY}-${LY}<=0),"",PLAN.GROWTH(${L},${T},${TY}-${LY}))`
        : `=${rowForm("GROWTH", ctx)}`;
    case "step":
      if (text) return "";
      return level ? `=IF(OR(${L}="",${TY}-${LY}<=0),"",PLAN.STEP(${L},${T},${TY}-${LY}))` : `=${rowForm("STEP", ctx)}`;
    case "progress":
      if (text || (!hasBaseline && ind.target.kind !== "cumulative")) return "";
      return level ? `=IF(${L}="","",PLAN.PROGRESS(${B},${L},${T},${dir}))` : `=${rowForm("PROGRESS", ctx)}`;
    case "elapsed":
      if (text) return "";
      return `=IF(${LY}="","",PLAN.ELAPSED(${BY},${TY},${LY}))`;
    case "status": {
      // A manual verdict (人工状态) wins: officials' judgement overrides the formula.
      // Without a baseline (or for text targets) there is no computed status, only the manual one.
      if (text || (!hasBaseline && ind.target.kind !== "cumulative")) return `=IF(${M}<>"",${M},"")`;
      if (!level) return `=IF(${M}<>"",${M},${rowForm("STATUS", ctx)})`;
      // TRUE()/FALSE() rather than the bare literals: the same in Excel, and understood by every formula engine.
      const binding = ind.attribute === "binding" ? "TRUE()" : "FALSE()";
      return `=IF(${M}<>"",${M},IF(${L}="","",PLAN.STATUS(${B},${L},${T},${BY},${TY},${LY},${dir},${binding})))`;
    }
    default:
      return "";
  }
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
  if (column.role === "computed") return computedCell(column.key, ind, ctx);
  const value = rowValues(ctx.plan, ind, ctx.lang)[column.key];
  if (value === undefined || value === "") return "";
  if (typeof value === "number") return value;
  if (column.key === "number" && /^\d+$/.test(value)) return Number(value);
  if (column.key === "manualStatus" && ind.override) {
    // 提前实现 before the target year, 已完成 in it: the label depends on the year of the latest figure.
    const latest = latestActual(ind);
    return asText(
      statusLabel(ind.override.status, ctx.lang, latest ? { year: latest.year, targetYear: ctx.plan.targetYear } : {}),
    );
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
export function targetFormat(ind: Indicator, lang: Lang): string {
  const t = ind.target;
  const base = unitFormat(ind) === "0" ? "0" : "0.00";
  switch (t.kind) {
    case "text":
      return "General";
    case "cumulative":
      return `"〔"${base}"〕"`;
    case "annualGrowth":
      return lang === "zh" ? `"年均增长 "0.0"%"` : `"+"0.0"% a year"`;
    case "level":
      if (ind.kind === "rank") return lang === "zh" ? `"前"0"位"` : `"top "0`;
      if (t.comparator === "~") return lang === "zh" ? `${base}"左右"` : `"~"${base}`;
      if (t.comparator === "<=") return `"≤"${base}`;
      return unitFormat(ind);
  }
}

export function plannedFormat(column: TemplateColumn, ind: Indicator, lang: Lang): string {
  if (column.year !== undefined) return unitFormat(ind);
  switch (column.key) {
    case "baselineYear":
    case "targetYear":
    case "latestYear":
      return "0";
    case "baseline":
    case "latest":
    case "gap":
      return ind.target.kind === "cumulative" ? "0.00" : unitFormat(ind);
    case "step":
      // A yearly step is often a fraction of a whole thing (0.25 places a year).
      return unitFormat(ind) === "0" || ind.target.kind === "cumulative" ? "0.00" : unitFormat(ind);
    case "target":
      return targetFormat(ind, lang);
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
  header: string[];
  rows: CellContent[][];
  formats: string[][];
}

export function letterLookup(columns: readonly TemplateColumn[], firstColumn = 0): (key: ColumnKey) => string | null {
  const index = new Map<ColumnKey, number>(columns.map((c, i) => [c.key, i]));
  return (key) => {
    const i = index.get(key);
    return i === undefined ? null : columnLetters(firstColumn + i);
  };
}

export function buildFreshTemplate(plan: Plan, lang: Lang): FreshTemplate {
  const columns = templateColumns(plan);
  const years = columns.filter((c) => c.year !== undefined).map((c) => c.year!);
  const letter = letterLookup(columns);
  const rows = plan.indicators.map((ind, i) => {
    const ctx: RowContext = { plan, lang, row: FIRST_BODY_ROW + i, letter, years };
    return columns.map((c) => plannedCell(c, ind, ctx));
  });
  const formats = plan.indicators.map((ind) => columns.map((c) => plannedFormat(c, ind, lang)));
  return { columns, header: columns.map((c) => c.header[lang]), rows, formats };
}

/** The title block above the table: title, source with the document's date, and the legend for the cell fills. */
export function titleBlock(
  plan: Plan,
  lang: Lang,
): { title: string; source: string; legendLabel: string; inputLabel: string; computedLabel: string; note: string } {
  const s = plan.source;
  if (lang === "zh") {
    return {
      title: plan.title.zh,
      source: `来源：${s.document.zh}（${s.issuer.zh}，${s.date}）`,
      legendLabel: "图例：",
      inputLabel: "填写",
      computedLabel: "自动计算",
      note: "时间进度和状态按每行最新填写数据的年份计算。",
    };
  }
  return {
    title: plan.title.en,
    source: `Source: ${s.document.en} (${s.issuer.en}, ${s.date})`,
    legendLabel: "Legend:",
    inputLabel: "Enter figures",
    computedLabel: "Computed",
    note: "Time progress and status are taken at the year of each row's latest figure.",
  };
}
