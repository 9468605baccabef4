/**
 * The indicator template's layout, defined once: which column holds what, its zh/en header and its
 * role. Inserting the template, reading it back, highlighting and the row form of the PLAN functions
 * (`=PLAN.GAP(B5)`) all use this file, so a column is added or renamed in one place.
 *
 * Columns are found by header text (either language), never by position, so a row still reads
 * correctly after staff move or hide columns. The technical columns at the end (indicator id, kind,
 * direction, target form, comparator, tolerance) hold the schema's codes so a row can be turned back
 * into the model without guessing from the Chinese indicator name; the pane may hide or group them.
 */
import type { Lang } from "./messages";
import type { Plan } from "./planSchema";
import { parseUserNumber } from "./numberParsing";
import type { Attribute, Direction, Indicator, IndicatorKind, StatusCode, Target } from "./planSchema";
import { indicatorKinds } from "./planVocabulary";
import { parseStatusLabel, statusLabel } from "./status";

/** plan: copied from the plan file; input: typed by staff; computed: formulas; technical: codes for reading back. */
export type ColumnRole = "plan" | "input" | "computed" | "technical";

/** The PLAN functions whose row form fills a computed column: `=PLAN.<id>(<a cell of the row>)`. */
export type RowFunctionId = "GAP" | "GROWTH" | "STEP" | "PROGRESS" | "STATUS";

export type FixedColumnKey =
  | "number"
  | "category"
  | "name"
  | "unit"
  | "attribute"
  | "baselineYear"
  | "baseline"
  | "targetYear"
  | "target"
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
  | "id"
  | "kind"
  | "direction"
  | "targetForm"
  | "comparator"
  | "approxTolerance";

/** One input column per plan year: `y2021` … `y2025`. */
export type YearColumnKey = `y${number}`;
export type ColumnKey = FixedColumnKey | YearColumnKey;

export interface TemplateColumn {
  key: ColumnKey;
  role: ColumnRole;
  header: { zh: string; en: string };
  /** Year columns only: the year whose actual value the column holds. */
  year?: number;
  /** Computed columns filled by a row-form PLAN function. */
  rowFunction?: RowFunctionId;
}

type FixedColumn = TemplateColumn & { key: FixedColumnKey };

const col = (
  key: FixedColumnKey,
  role: ColumnRole,
  zh: string,
  en: string,
  rowFunction?: RowFunctionId,
): FixedColumn => (rowFunction ? { key, role, header: { zh, en }, rowFunction } : { key, role, header: { zh, en } });

/** Columns before the year columns. */
const LEADING: readonly FixedColumn[] = [
  col("number", "plan", "序号", "No."),
  col("category", "plan", "类型", "Category"),
  col("name", "plan", "指标", "Indicator"),
  col("unit", "plan", "单位", "Unit"),
  col("attribute", "plan", "属性", "Attribute"),
  col("baselineYear", "plan", "基期年", "Base year"),
  col("baseline", "plan", "基期值", "Baseline"),
  col("targetYear", "plan", "目标年", "Target year"),
  col("target", "plan", "目标值", "Target"),
];

/** Columns after the year columns. */
const TRAILING: readonly FixedColumn[] = [
  // 最新年份 is the monitoring year of the data: time progress and status are evaluated there, not at today's date.
  col("latestYear", "computed", "最新年份", "Latest year"),
  col("latest", "computed", "最新值", "Latest value"),
  col("gap", "computed", "差距", "Gap", "GAP"),
  col("growth", "computed", "年均需增长", "Required annual growth", "GROWTH"),
  col("step", "computed", "每年需提高", "Required annual step", "STEP"),
  col("progress", "computed", "完成进度", "Progress", "PROGRESS"),
  col("elapsed", "computed", "时间进度", "Time elapsed"),
  col("status", "computed", "状态", "Status", "STATUS"),
  col("manualStatus", "input", "人工状态", "Manual status"),
  col("manualNote", "input", "说明", "Note"),
  col("id", "technical", "指标代码", "Indicator ID"),
  col("kind", "technical", "指标类别", "Kind"),
  col("direction", "technical", "方向", "Direction"),
  col("targetForm", "technical", "目标形式", "Target form"),
  col("comparator", "technical", "目标比较", "Comparator"),
  col("approxTolerance", "technical", "容差", "Tolerance"),
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

/** What a target's form column says: the schema's target kind, with the cumulative mode spelled out. */
export function targetFormOf(target: Target): TargetForm {
  if (target.kind === "cumulative") return target.mode === "reduction" ? "cumulativeReduction" : "cumulativeIncrease";
  return target.kind;
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
  const values: Partial<Record<ColumnKey, string | number>> = {
    number: ind.number ?? "",
    category: ind.category[lang],
    name: ind.name[lang],
    unit: ind.unit[lang],
    attribute:
      ind.attribute === "binding" ? (lang === "zh" ? "约束性" : "binding") : lang === "zh" ? "预期性" : "expected",
    baselineYear: ind.baselineYear,
    baseline: ind.baseline ?? "",
    targetYear: plan.targetYear,
    target: t.kind === "text" ? t.text[lang] : t.value,
    manualStatus: ind.override ? statusLabel(ind.override.status, lang) : "",
    manualNote: ind.override?.note ?? "",
    id: ind.id,
    kind: ind.kind,
    direction: ind.direction,
    targetForm: targetFormOf(t),
    comparator: t.kind === "level" ? t.comparator : "",
    approxTolerance: t.kind === "level" && t.tolerance !== undefined ? t.tolerance : "",
  };
  for (const year of planYears(plan)) values[yearColumnKey(year)] = ind.actuals[String(year)]?.value ?? "";
  return values;
}

// ---------------------------------------------------------------------------------------------
// Reading a row back

export type Comparator = ">=" | "<=" | "~";
export type TargetForm = "level" | "cumulativeReduction" | "cumulativeIncrease" | "annualGrowth" | "text";
export const TARGET_FORMS: readonly TargetForm[] = [
  "level",
  "cumulativeReduction",
  "cumulativeIncrease",
  "annualGrowth",
  "text",
];

/** A cell that holds something the reader could not use (text in a number cell, an unknown direction …). */
export interface CellProblem {
  key: ColumnKey;
  /** The header text as found in the sheet, for messages that point staff to the column. */
  header: string;
  /** What the cell held, as text. */
  text: string;
}

export interface TemplateRow {
  id: string | null;
  number: string | null;
  category: string | null;
  name: string | null;
  unit: string | null;
  /** From the kind column; null when the column is missing or blank. */
  kind: IndicatorKind | null;
  /** From the direction column; "up" when missing or blank. */
  direction: Direction;
  /** From the attribute column (预期性/约束性, expected/binding); "expected" when missing or blank. */
  attribute: Attribute;
  binding: boolean;
  baselineYear: number | null;
  baseline: number | null;
  targetYear: number | null;
  target: number | null;
  /** The words of a qualitative target (target form "text"), else null. */
  targetText: string | null;
  /** "level" when missing or blank. */
  targetForm: TargetForm;
  /** null when missing or blank: the direction alone decides (>= for up, <= for down). */
  comparator: Comparator | null;
  approxTolerance: number | null;
  /** Every year column with a number, ascending by year. */
  actuals: Array<{ year: number; value: number }>;
  /** The figure of the latest year that has one (the monitoring year), or null before any is entered. */
  latest: { year: number; value: number } | null;
  manualStatus: StatusCode | null;
  manualNote: string | null;
  /** Cells that are not blank but could not be read; the field is null (or its default) in the row. */
  problems: CellProblem[];
  /** The header text per column key found, for messages that name a column as staff see it. */
  headers: Partial<Record<ColumnKey, string>>;
}

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
  FIXED_COLUMNS.flatMap((c) => [
    [normalizeHeader(c.header.zh), c.key] as const,
    [normalizeHeader(c.header.en), c.key] as const,
  ]),
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

export function mapHeaders(headers: readonly unknown[]): HeaderMap {
  const cached = headerMapCache.get(headers);
  if (cached) return cached;
  const map = computeHeaderMap(headers);
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
    if (row.every(isBlank)) {
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

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function textOf(value: unknown): string | null {
  if (isBlank(value)) return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** Direction words staff and plans use; null for anything else. */
export function parseDirection(value: unknown): Direction | null {
  if (typeof value !== "string") return null;
  if (value === "up" || value === "down") return value; // what the template and most formulas pass: no normalising
  const word = value.normalize("NFKC").trim().toLowerCase();
  if (["up", "正向", "向上", "越大越好", "越高越好", "higher", "higher is better"].includes(word)) return "up";
  if (["down", "逆向", "负向", "向下", "越小越好", "越低越好", "lower", "lower is better"].includes(word))
    return "down";
  return null;
}

/** 约束性/预期性, binding/expected, TRUE/FALSE, 1/0 → whether the indicator is binding; null for anything else. */
export function parseBinding(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== "string") return null;
  const word = value.normalize("NFKC").trim().toLowerCase();
  if (["约束性", "binding", "true", "1"].includes(word)) return true;
  if (["预期性", "expected", "false", "0"].includes(word)) return false;
  return null;
}

/** linear/geometric and their Chinese names (线性/等差, 几何/等比); null for anything else. */
export function parsePath(value: unknown): "linear" | "geometric" | null {
  if (typeof value !== "string") return null;
  const word = value.normalize("NFKC").trim().toLowerCase();
  if (["linear", "线性", "等差", "直线"].includes(word)) return "linear";
  if (["geometric", "几何", "等比", "复合"].includes(word)) return "geometric";
  return null;
}

function parseKind(value: unknown): IndicatorKind | null {
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  return (indicatorKinds as readonly string[]).includes(word) ? (word as IndicatorKind) : null;
}

function parseComparator(value: unknown): Comparator | null {
  const word = typeof value === "string" ? value.normalize("NFKC").trim() : "";
  if (word === ">=" || word === "≥") return ">=";
  if (word === "<=" || word === "≤") return "<=";
  if (word === "~" || word === "左右") return "~";
  return null;
}

function parseTargetForm(value: unknown): TargetForm | null {
  const word = typeof value === "string" ? value.trim() : "";
  return (TARGET_FORMS as readonly string[]).includes(word) ? (word as TargetForm) : null;
}

/** A year cell: a whole number in a plausible range. */
function parseYear(value: unknown): number | null {
  const parsed = parseUserNumber(value);
  if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 1900 || parsed.value > 2200) return null;
  return parsed.value;
}

/** A number cell of one indicator: in a percent indicator "1.47%" means 1.47; its unit may follow the number. */
function numberReader(kind: IndicatorKind | null, unit: string | null): (value: unknown) => number | null {
  const opts = { percent: kind === "percent" || (kind === null && unit?.trim() === "%"), unit: unit ?? undefined };
  return (value) => {
    const parsed = parseUserNumber(value, opts);
    return parsed.ok ? parsed.value : null;
  };
}

/**
 * Reads one row of the template by its header row (zh, en or mixed headers, any column order).
 * Returns null when the headers are not the template's or the row is empty. Missing optional columns
 * take their defaults; non-blank cells that cannot be read are listed in `problems`.
 */
export function readTemplateRow(headers: readonly unknown[], cells: readonly unknown[]): TemplateRow | null {
  if (!isTemplateHeader(headers)) return null;
  if (cells.every(isBlank)) return null;
  const map = mapHeaders(headers);
  const problems: CellProblem[] = [];
  const headerText: Partial<Record<ColumnKey, string>> = {};
  for (const [key, index] of Object.entries(map) as Array<[ColumnKey, number]>) {
    headerText[key] = textOf(headers[index]) ?? key;
  }

  /** Reads the cell of `key` with `parse`; a non-blank cell that does not parse becomes a problem. */
  function read<T>(key: ColumnKey, parse: (v: unknown) => T | null): T | null {
    const index = map[key];
    if (index === undefined) return null;
    const raw = cells[index];
    if (isBlank(raw)) return null;
    const value = parse(raw);
    if (value === null) problems.push({ key, header: headerText[key] ?? key, text: textOf(raw) ?? String(raw) });
    return value;
  }

  const kind = read("kind", parseKind);
  const unit = read("unit", textOf);
  const parseNumber = numberReader(kind, unit);
  const attributeBinding = read("attribute", parseBinding);
  const targetForm = read("targetForm", parseTargetForm) ?? "level";
  // A qualitative target's cell holds its words, not a number: nothing to read, nothing wrong.
  const target = targetForm === "text" ? null : read("target", parseNumber);
  const targetText = targetForm === "text" ? read("target", textOf) : null;
  const actuals: Array<{ year: number; value: number }> = [];
  for (const key of Object.keys(map) as ColumnKey[]) {
    if (!/^y\d{4}$/.test(key)) continue;
    const value = read(key, parseNumber);
    if (value !== null) actuals.push({ year: Number(key.slice(1)), value });
  }
  actuals.sort((a, b) => a.year - b.year);

  return {
    id: read("id", textOf),
    number: read("number", textOf),
    category: read("category", textOf),
    name: read("name", textOf),
    unit,
    kind,
    direction: read("direction", parseDirection) ?? "up",
    attribute: attributeBinding ? "binding" : "expected",
    binding: attributeBinding ?? false,
    baselineYear: read("baselineYear", parseYear),
    baseline: read("baseline", parseNumber),
    targetYear: read("targetYear", parseYear),
    target,
    targetText,
    targetForm,
    comparator: read("comparator", parseComparator),
    approxTolerance: read("approxTolerance", numberReader(null, null)),
    actuals,
    latest: actuals.length > 0 ? actuals[actuals.length - 1]! : null,
    manualStatus: read("manualStatus", (v) => (typeof v === "string" ? parseStatusLabel(v) : null)),
    manualNote: read("manualNote", textOf),
    problems,
    headers: headerText,
  };
}

// ---------------------------------------------------------------------------------------------
// From a row to the model

export type RowIndicator =
  | { ok: true; indicator: Indicator; targetYear: number }
  | { ok: false; reason: "missing" | "invalid"; key: ColumnKey; text?: string };

/** Cells whose text is kept as it is: they never make a row unreadable. */
const FREE_TEXT: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  "number",
  "category",
  "name",
  "unit",
  "manualNote",
  "id",
]);

function rowTarget(row: TemplateRow, value: number | null): Target | null {
  const name = row.name ?? row.id ?? "";
  switch (row.targetForm) {
    case "text": {
      const words = row.targetText ?? (name || "—");
      return { kind: "text", text: { zh: words, en: words } };
    }
    case "cumulativeReduction":
      return value === null ? null : { kind: "cumulative", value, mode: "reduction" };
    case "cumulativeIncrease":
      return value === null ? null : { kind: "cumulative", value, mode: "increase" };
    case "annualGrowth":
      return value === null ? null : { kind: "annualGrowth", value };
    case "level": {
      if (value === null) return null;
      const comparator = row.comparator ?? (row.direction === "down" ? "<=" : ">=");
      return row.approxTolerance === null
        ? { kind: "level", value, comparator }
        : { kind: "level", value, comparator, tolerance: Math.abs(row.approxTolerance) };
    }
  }
}

/**
 * The indicator a template row describes, ready for the core's evaluateIndicator (the row's own
 * target year stands in for the plan's). A cell that cannot be read, or a blank base year, target
 * year or target, makes the row unusable; the answer names that column. A manual status becomes
 * the indicator's override, so it wins over the computed one.
 */
export function templateRowToIndicator(row: TemplateRow): RowIndicator {
  const problem = row.problems.find((p) => !FREE_TEXT.has(p.key));
  if (problem) return { ok: false, reason: "invalid", key: problem.key, text: problem.text };
  if (row.targetYear === null) return { ok: false, reason: "missing", key: "targetYear" };
  if (row.baselineYear === null) return { ok: false, reason: "missing", key: "baselineYear" };
  const target = rowTarget(row, row.target);
  if (target === null) return { ok: false, reason: "missing", key: "target" };
  const name = row.name ?? row.id ?? "";
  const text = { zh: name || "—", en: name || "—" };
  const indicator: Indicator = {
    id: row.id ?? "TEMPLATE_ROW",
    category: { zh: row.category ?? "—", en: row.category ?? "—" },
    name: text,
    unit: { zh: row.unit ?? "—", en: row.unit ?? "—" },
    kind: row.kind ?? (row.unit?.trim() === "%" ? "percent" : "index"),
    direction: row.direction,
    baseline: row.baseline,
    baselineYear: row.baselineYear,
    target,
    attribute: row.attribute,
    actuals: Object.fromEntries(row.actuals.map((a) => [String(a.year), { value: a.value }])),
    ...(row.number !== null ? { number: row.number } : {}),
    ...(row.manualStatus !== null ? { override: { status: row.manualStatus, note: row.manualNote ?? "—" } } : {}),
  };
  return { ok: true, indicator, targetYear: row.targetYear };
}
