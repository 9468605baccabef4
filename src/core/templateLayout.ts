/**
 * The indicator template's layout, defined once: which column holds what, its zh/en header and its
 * role. Inserting the template, reading it back (templateRow.ts), highlighting, the PLAN functions
 * and the portable copy all use this file, so a column is added or renamed in one place.
 *
 * Columns are found by header text (either language, and the headers of earlier versions), never
 * by position, so a row still reads correctly after staff move or hide columns. The technical
 * columns at the end hold the schema's codes (indicator id, kind, direction, target form, bound,
 * obligation, figure form, reference, yearly targets) so a row can be turned back into the model
 * without guessing from the indicator's name; they are hidden, not locked.
 */
import type { Lang } from "./messages";
import type { Indicator, Plan, Target } from "./planSchema";
import { statusLabel } from "./status";
import { attributeWord, formatYearlyTargets } from "./templateWords";

/** plan: copied from the plan file; input: typed by staff; computed: formulas; technical: codes for reading back. */
export type ColumnRole = "plan" | "input" | "computed" | "technical";

/** What PLAN.EVALUATE returns for a computed column. */
export type EvaluateField = "dataYear" | "value" | "gap" | "growth" | "step" | "progress" | "elapsed" | "status";

export type FixedColumnKey =
  | "number"
  | "category"
  | "name"
  | "unit"
  | "attribute"
  | "baselineYear"
  | "baseline"
  | "revisedBaseline"
  | "targetYear"
  | "target"
  | "adjustedTarget"
  | "latestYear"
  | "latest"
  | "gap"
  | "growth"
  | "step"
  | "progress"
  | "elapsed"
  | "status"
  | "manualStatus"
  | "manualNote"
  | "leadUnit"
  | "coUnits"
  | "id"
  | "kind"
  | "direction"
  | "targetForm"
  | "comparator"
  | "approximate"
  | "approxTolerance"
  | "obligation"
  | "figures"
  | "reference"
  | "yearlyTargets"
  | "revisedBaselineYear";

/** One input column per plan year: `y2021` … `y2025`. */
export type YearColumnKey = `y${number}`;
export type ColumnKey = FixedColumnKey | YearColumnKey;

export interface TemplateColumn {
  key: ColumnKey;
  role: ColumnRole;
  header: { zh: string; en: string };
  /** Headers earlier versions of the template used for this column: still recognised. */
  aliases?: readonly string[];
  /** Year columns only: the year whose actual value the column holds. */
  year?: number;
  /** Computed columns: what PLAN.EVALUATE returns there. */
  field?: EvaluateField;
}

type FixedColumn = TemplateColumn & { key: FixedColumnKey };

const col = (
  key: FixedColumnKey,
  role: ColumnRole,
  zh: string,
  en: string,
  extra: { field?: EvaluateField; aliases?: readonly string[] } = {},
): FixedColumn => ({ key, role, header: { zh, en }, ...extra });

/** Columns before the year columns. */
const LEADING: readonly FixedColumn[] = [
  col("number", "plan", "序号", "No."),
  col("category", "plan", "类型", "Category", { aliases: ["类别"] }),
  col("name", "plan", "指标", "Indicator"),
  col("unit", "plan", "单位", "Unit"),
  col("attribute", "plan", "属性", "Attribute"),
  col("baselineYear", "plan", "基期年", "Base year"),
  col("baseline", "plan", "基期值", "Baseline"),
  // A census or statistical revision of the baseline: progress is measured from it; the published one stays beside it.
  col("revisedBaseline", "plan", "修订基期值", "Revised baseline"),
  col("targetYear", "plan", "目标年", "Target year"),
  col("target", "plan", "目标值", "Target"),
  // An approved adjustment (动态调整): the status uses it; the original target stays beside it.
  col("adjustedTarget", "plan", "调整后目标", "Adjusted target"),
];

/**
 * Columns after the year columns. The computed columns come last, after everything they read:
 * PLAN.EVALUATE takes the row's cells up to the last non-computed column as one range, so the row
 * never refers to its own results (no circular reference) and the function need not be volatile.
 */
const TRAILING: readonly FixedColumn[] = [
  col("manualStatus", "input", "人工状态", "Manual status"),
  col("manualNote", "input", "说明", "Note"),
  col("leadUnit", "plan", "牵头单位", "Lead unit"),
  col("coUnits", "plan", "责任单位", "Co-responsible units"),
  col("id", "technical", "指标代码", "Indicator ID"),
  col("kind", "technical", "指标类别", "Kind"),
  col("direction", "technical", "方向", "Direction"),
  col("targetForm", "technical", "目标形式", "Target form"),
  col("comparator", "technical", "目标比较", "Comparator"),
  col("approximate", "technical", "约数", "Approximate"),
  col("approxTolerance", "technical", "容差", "Tolerance"),
  col("obligation", "technical", "目标要求", "Obligation"),
  col("figures", "technical", "数据口径", "Figures"),
  col("reference", "technical", "参照指标", "Reference"),
  col("yearlyTargets", "technical", "年度目标", "Yearly targets"),
  col("revisedBaselineYear", "technical", "修订基期年", "Revised base year"),
  // The year of the figure the evaluation uses: the latest one up to the evaluation year.
  col("latestYear", "computed", "数据年份", "Data year", { field: "dataYear", aliases: ["最新年份", "Latest year"] }),
  col("latest", "computed", "实际值", "Actual", { field: "value", aliases: ["最新值", "Latest value"] }),
  col("gap", "computed", "差距", "Gap", { field: "gap" }),
  col("growth", "computed", "年均需增长", "Required annual growth", { field: "growth" }),
  col("step", "computed", "每年需提高", "Required annual step", { field: "step" }),
  col("progress", "computed", "完成进度", "Progress", { field: "progress" }),
  col("elapsed", "computed", "时间进度", "Time elapsed", { field: "elapsed" }),
  col("status", "computed", "状态", "Status", { field: "status" }),
];

export const FIXED_COLUMNS: readonly FixedColumn[] = [...LEADING, ...TRAILING];

export function yearColumnKey(year: number): YearColumnKey {
  return `y${year}`;
}

export function yearHeader(year: number, lang: Lang): string {
  return lang === "zh" ? `${year}年` : String(year);
}

/** The years that get an input column: the year after the plan's base year up to its target year. */
export function planYears(plan: { baseYear: number; targetYear: number }): number[] {
  const years: number[] = [];
  for (let y = plan.baseYear + 1; y <= plan.targetYear; y++) years.push(y);
  return years;
}

/** Every column of the template for a plan, in order. */
export function templateColumns(plan: { baseYear: number; targetYear: number }): TemplateColumn[] {
  const years: TemplateColumn[] = planYears(plan).map((year) => ({
    key: yearColumnKey(year),
    role: "input",
    header: { zh: yearHeader(year, "zh"), en: yearHeader(year, "en") },
    year,
  }));
  return [...LEADING, ...years, ...TRAILING];
}

/**
 * The block of other goals (规划正文中的其他目标): a plan's supplementary indicators — goals its text states
 * outside the main table, the 2035 vision among them — go below the main table, after a blank row and a
 * caption, under a header of their own. That header names the plan, manual, responsibility and technical
 * columns in the same sheet columns as the main table (so widths, hidden columns and printing are shared)
 * and leaves the yearly input and computed columns blank: these goals get no yearly figures and no PLAN
 * formulas, only staff's 人工状态 and 说明. Read back by the same header machinery as the main table.
 *
 * Figures: a plan file may give figures for such a goal. They are kept in the stored plan (and so in the
 * exported plan file and the pane) but not shown on the sheet, which has no cell for them; Insert says how
 * many (sheetRows.ts keeps them when the block is read back).
 */
export const OTHER_GOALS_CAPTION = { zh: "其他目标（规划正文）", en: "Other goals (plan text)" } as const;

/** Whether a column is part of the other-goals block: all but the yearly input and the computed columns. */
export function isOtherGoalsColumn(column: TemplateColumn): boolean {
  return column.year === undefined && column.role !== "computed";
}

/** The other-goals block's header row, aligned with the main table's columns: blank where the block has no column. */
export function buildOtherGoalsHeaderRow(plan: { baseYear: number; targetYear: number }, lang: Lang): string[] {
  return templateColumns(plan).map((c) => (isOtherGoalsColumn(c) ? c.header[lang] : ""));
}

/** The other-goals block's columns, in order (for integrity checks of its header). */
export function otherGoalsColumns(plan: { baseYear: number; targetYear: number }): TemplateColumn[] {
  return templateColumns(plan).filter(isOtherGoalsColumn);
}

/** The plan's indicators in the main table and in the other-goals block (empty when it has no supplementary goal). */
export function splitIndicators<T extends { supplementary?: boolean | undefined }>(
  indicators: readonly T[],
): { main: T[]; other: T[] } {
  return {
    main: indicators.filter((i) => i.supplementary !== true),
    other: indicators.filter((i) => i.supplementary === true),
  };
}

/** The header a column has in a freshly inserted template (year columns included). */
export function columnHeader(key: ColumnKey, lang: Lang): string {
  const fixed = FIXED_COLUMNS.find((c) => c.key === key);
  if (fixed) return fixed.header[lang];
  return yearHeader(Number(key.slice(1)), lang);
}

/** The header row of the template table for a plan in one language. */
export function buildHeaderRow(plan: { baseYear: number; targetYear: number }, lang: Lang): string[] {
  return templateColumns(plan).map((c) => c.header[lang]);
}

/**
 * The workbook-level setting that records the template's language. PLAN.STATUS writes its labels in
 * this language, so a workbook shows the same words whoever recalculates it (zh when unset).
 */
export const WORKBOOK_LANGUAGE_SETTING = "PlanTracker.language";

export type TargetForm =
  | "level"
  | "cumulativeReduction"
  | "cumulativeIncrease"
  | "cumulativeDecrease"
  | "annualGrowth"
  | "text"
  | "relativeAbove"
  | "relativeInStep";
export const TARGET_FORMS: readonly TargetForm[] = [
  "level",
  "cumulativeReduction",
  "cumulativeIncrease",
  "cumulativeDecrease",
  "annualGrowth",
  "text",
  "relativeAbove",
  "relativeInStep",
];

/** What a target's form column says: the schema's target kind, with the cumulative mode or the relation spelled out. */
export function targetFormOf(target: Target): TargetForm {
  switch (target.kind) {
    case "cumulative":
      return target.mode === "reduction"
        ? "cumulativeReduction"
        : target.mode === "increase"
          ? "cumulativeIncrease"
          : "cumulativeDecrease";
    case "relative":
      return target.relation === "above" ? "relativeAbove" : "relativeInStep";
    default:
      return target.kind;
  }
}

/** The number a target cell holds, or its words (text and relative targets). */
function targetCell(t: Target, lang: Lang): string | number {
  return t.kind === "text" || t.kind === "relative" ? t.text[lang] : t.value;
}

/**
 * The cells of an indicator's row for every plan, input and technical column (computed columns are
 * formulas, written by the pane). Exactly what readTemplateRow reads back; blank cells are "".
 */
export function indicatorRowValues(
  plan: Pick<Plan, "baseYear" | "targetYear">,
  ind: Indicator,
  lang: Lang,
): Partial<Record<ColumnKey, string | number>> {
  const t = ind.target;
  const adjustments = ind.targetAdjustments ?? [];
  const adjusted = adjustments.length > 0 ? adjustments[adjustments.length - 1]!.target : null;
  const revisions = ind.baselineRevisions ?? [];
  const revision = revisions.length > 0 ? revisions[revisions.length - 1]! : null;
  const bound = t.kind === "level" || t.kind === "annualGrowth" ? t : null;
  const approx = t.kind === "level" || t.kind === "annualGrowth" || t.kind === "cumulative" ? t : null;
  const values: Partial<Record<ColumnKey, string | number>> = {
    number: ind.number ?? "",
    category: ind.category[lang],
    name: ind.name[lang],
    unit: ind.unit[lang],
    // Blank when the plan does not state it: never a default the reader would take for the plan's word.
    attribute: ind.attribute === null ? "" : attributeWord(ind.attribute, lang),
    baselineYear: ind.baselineYear ?? "",
    baseline: ind.baseline ?? "",
    revisedBaseline: revision ? revision.value : "",
    // A goal's own target year (the 2035 vision), else the plan's: never a year the plan does not state for it.
    targetYear: ind.targetYear ?? plan.targetYear,
    target: targetCell(t, lang),
    adjustedTarget: adjusted && adjusted.kind !== "text" && adjusted.kind !== "relative" ? adjusted.value : "",
    manualStatus: ind.override ? statusLabel(ind.override.status, lang) : "",
    manualNote: ind.override?.note ?? "",
    leadUnit: ind.leadUnit ?? "",
    coUnits: (ind.coUnits ?? []).join("、"),
    id: ind.id,
    kind: ind.kind,
    direction: ind.direction,
    targetForm: targetFormOf(t),
    comparator: bound ? bound.comparator : "",
    approximate: approx?.approximate ? "yes" : "",
    approxTolerance: approx?.approximate && approx.band !== undefined ? approx.band : "",
    obligation: t.kind === "level" ? t.obligation : "",
    figures: ind.figures,
    reference: t.kind === "relative" ? t.reference : "",
    yearlyTargets: formatYearlyTargets(ind.yearlyTargets),
    revisedBaselineYear: revision?.year ?? "",
  };
  for (const year of planYears(plan)) values[yearColumnKey(year)] = ind.actuals[String(year)]?.value ?? "";
  return values;
}

// ---------------------------------------------------------------------------------------------
// Finding the template's columns and rows

/** Header text compared loosely: full-width forms, case, spaces and a trailing colon do not matter. */
export function normalizeHeader(value: unknown): string {
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  if (typeof value !== "string") return "";
  return value
    .normalize("NFKC")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[:：]$/, "")
    .toLowerCase();
}

const FIXED_BY_HEADER: ReadonlyMap<string, FixedColumnKey> = new Map(
  FIXED_COLUMNS.flatMap((c) =>
    [c.header.zh, c.header.en, ...(c.aliases ?? [])].map((h) => [normalizeHeader(h), c.key] as const),
  ),
);

/** `2021年`, `2021`, `2021 年` or the number 2021 → 2021; anything else null. */
export function yearFromHeader(value: unknown): number | null {
  const m = /^(\d{4}) ?年?$/.exec(normalizeHeader(value));
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 1900 && year <= 2200 ? year : null;
}

/** Which column each key is in (0-based), from a header row in either language or a mix. */
export type HeaderMap = Partial<Record<ColumnKey, number>>;

/**
 * Header rows are read once and then mapped for every row below them (and again on every recalculation
 * of the row-form functions), so the map is remembered per header array. Callers pass arrays they read
 * from the sheet and do not change afterwards.
 */
const headerMapCache = new WeakMap<readonly unknown[], HeaderMap>();

/** The same header text arrives as a new array on every function call (PLAN.EVALUATE's first argument): also remember by text. */
const headerMapByText = new Map<string, HeaderMap>();
const HEADER_TEXT_CACHE_LIMIT = 64;

export function mapHeaders(headers: readonly unknown[]): HeaderMap {
  const cached = headerMapCache.get(headers);
  if (cached) return cached;
  const text = headers.map((h) => (typeof h === "string" || typeof h === "number" ? String(h) : "")).join("\u0001");
  let map = headerMapByText.get(text);
  if (!map) {
    map = computeHeaderMap(headers);
    if (headerMapByText.size >= HEADER_TEXT_CACHE_LIMIT) headerMapByText.clear();
    headerMapByText.set(text, map);
  }
  headerMapCache.set(headers, map);
  return map;
}

function computeHeaderMap(headers: readonly unknown[]): HeaderMap {
  const map: HeaderMap = {};
  headers.forEach((h, i) => {
    const year = yearFromHeader(h);
    const key: ColumnKey | undefined = year !== null ? yearColumnKey(year) : FIXED_BY_HEADER.get(normalizeHeader(h));
    if (key !== undefined && map[key] === undefined) map[key] = i; // the first wins when a header repeats
  });
  return map;
}

/** A header row is the template's when it names the target, the target year and the indicator (by name or id). */
export function isTemplateHeader(headers: readonly unknown[]): boolean {
  const map = mapHeaders(headers);
  return map.target !== undefined && map.targetYear !== undefined && (map.name !== undefined || map.id !== undefined);
}

/**
 * For every row of a block of cells (a sheet's used range), the index of the template header row
 * it belongs to: the nearest header above with no blank row between (a table is contiguous). Null
 * for header rows, blank rows and rows outside any template. One pass, so a caller with many rows
 * to look up pays for the block once.
 */
export function headerRowIndexes(rows: readonly (readonly unknown[])[]): Array<number | null> {
  const out: Array<number | null> = [];
  let current: number | null = null;
  rows.forEach((row, r) => {
    if (row.every(isBlankCell)) {
      current = null;
      out.push(null);
    } else if (isTemplateHeader(row)) {
      current = r;
      out.push(null);
    } else {
      out.push(current);
    }
  });
  return out;
}

/** The template header row that governs row `rowIndex` (see headerRowIndexes), or null. */
export function findHeaderRowIndex(rows: readonly (readonly unknown[])[], rowIndex: number): number | null {
  return headerRowIndexes(rows.slice(0, rowIndex + 1))[rowIndex] ?? null;
}

export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
