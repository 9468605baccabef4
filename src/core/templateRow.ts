/**
 * One row of the template read back, and the indicator it describes: the ONE reading of a row that
 * the sheet's formulas (PLAN.EVALUATE), the row-form functions, the pane, validation and the plan
 * export all share, so none of them can disagree about a figure.
 *
 * A non-blank cell that cannot be read (text in a number cell, an unknown word in a code column) is
 * listed as a problem and makes the row unusable for evaluation until it is fixed: the figure is
 * never replaced by another year's or by a default.
 */
import { parseUserNumber } from "./numberParsing";
import type {
  Attribute,
  Comparator,
  Direction,
  FigureForm,
  Indicator,
  IndicatorKind,
  Obligation,
  Plan,
  StatusCode,
  Target,
  YearlyTarget,
} from "./planSchema";
import { figureRangeCode } from "./figureRules";
import { indicatorKinds } from "./planVocabulary";
import { inferObligation, parseStatusLabel } from "./status";
import {
  isBlankCell,
  isTemplateHeader,
  mapHeaders,
  TARGET_FORMS,
  type ColumnKey,
  type TargetForm,
} from "./templateLayout";
import {
  parseAttribute,
  parseComparator,
  parseDirection,
  parseFigureForm,
  parseObligation,
  parseYearlyTargets,
  parseYesNo,
} from "./templateWords";

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
  /** 预期性/约束性; null when blank or 未注明 (never defaulted). */
  attribute: Attribute;
  binding: boolean;
  baselineYear: number | null;
  baseline: number | null;
  revisedBaseline: number | null;
  revisedBaselineYear: number | null;
  targetYear: number | null;
  target: number | null;
  /** The words of a text or relative target, else null. */
  targetText: string | null;
  adjustedTarget: number | null;
  /** "level" when missing or blank. */
  targetForm: TargetForm;
  /** null when missing or blank: the direction decides (>= for up, <= for down). */
  comparator: Comparator | null;
  approximate: boolean;
  approxTolerance: number | null;
  /** null when missing or blank: inferred from the baseline (see inferObligation). */
  obligation: Obligation | null;
  /** null when missing or blank: change for 〔〕 targets, level otherwise. */
  figures: FigureForm | null;
  reference: string | null;
  yearlyTargets: Record<string, YearlyTarget>;
  /** Every year column with a number, ascending by year. */
  actuals: Array<{ year: number; value: number }>;
  /** Every year column that is not blank (readable or not): what the default evaluation year is taken from. */
  enteredYears: number[];
  /** The years of the table's year columns, ascending (the plan's base year is the year before the first). */
  yearColumns: number[];
  manualStatus: StatusCode | null;
  manualNote: string | null;
  leadUnit: string | null;
  coUnits: string[];
  /** Cells that are not blank but could not be read; the field is null (or its default) in the row. */
  problems: CellProblem[];
  /** The header text per column key found, for messages that name a column as staff see it. */
  headers: Partial<Record<ColumnKey, string>>;
}

/** A cell as text: strings and numbers as they are, an error value (a string or an error object with a code) as its code. */
function textOf(value: unknown): string | null {
  if (isBlankCell(value)) return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && value !== null) {
    for (const key of ["error", "code", "type"] as const) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === "string" && v.startsWith("#")) return v;
    }
  }
  return null;
}

/** What to call a value that is not text at all (never "[object Object]"). */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "[…]";
  if (typeof value === "object" && value !== null) return "{…}";
  return String(value);
}

function parseKind(value: unknown): IndicatorKind | null {
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  return (indicatorKinds as readonly string[]).includes(word) ? (word as IndicatorKind) : null;
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

/** The options every number cell of one indicator is read with: in a percent indicator "1.47%" means 1.47; its unit may follow the number. */
export function numberOptions(kind: IndicatorKind | null, unit: string | null): { percent: boolean; unit?: string } {
  const percent = kind === "percent" || (kind === null && unit?.trim() === "%");
  return unit ? { percent, unit } : { percent };
}

/** A number cell of one indicator (see numberOptions). */
function numberReader(kind: IndicatorKind | null, unit: string | null): (value: unknown) => number | null {
  const opts = numberOptions(kind, unit);
  return (value) => {
    const parsed = parseUserNumber(value, opts);
    return parsed.ok ? parsed.value : null;
  };
}

function splitUnits(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Reads one row of the template by its header row (zh, en or mixed headers, any column order).
 * Returns null when the headers are not the template's or the row is empty. Missing optional columns
 * take their defaults; non-blank cells that cannot be read are listed in `problems`.
 */
export function readTemplateRow(headers: readonly unknown[], cells: readonly unknown[]): TemplateRow | null {
  if (!isTemplateHeader(headers)) return null;
  if (cells.every(isBlankCell)) return null;
  const map = mapHeaders(headers);
  const problems: CellProblem[] = [];
  const headerText: Partial<Record<ColumnKey, string>> = {};
  for (const [key, index] of Object.entries(map) as Array<[ColumnKey, number]>) {
    headerText[key] = textOf(headers[index]) ?? key;
  }

  /** Reads the cell of `key` with `parse`; a non-blank cell that does not parse becomes a problem. */
  function read<T>(key: ColumnKey, parse: (v: unknown) => T | null | undefined): T | null {
    const index = map[key];
    if (index === undefined) return null;
    const raw = cells[index];
    if (isBlankCell(raw)) return null;
    const value = parse(raw);
    if (value === null || value === undefined) {
      problems.push({ key, header: headerText[key] ?? key, text: textOf(raw) ?? describeValue(raw) });
      return null;
    }
    return value;
  }

  const kind = read("kind", parseKind);
  const unit = read("unit", textOf);
  const parseNumber = numberReader(kind, unit);
  const attribute = read("attribute", parseAttribute);
  const targetForm = read("targetForm", parseTargetForm) ?? "level";
  // A text or relative target's cell holds its words, not a number: nothing to read, nothing wrong.
  const wordsTarget = targetForm === "text" || targetForm === "relativeAbove" || targetForm === "relativeInStep";
  const target = wordsTarget ? null : read("target", parseNumber);
  const targetText = wordsTarget ? read("target", textOf) : null;
  const figures = read("figures", parseFigureForm);
  const figureForm: FigureForm = figures ?? (targetForm.startsWith("cumulative") ? "change" : "level");
  // A figure outside what the kind allows (a share of 930 %) is a typing error, here as in validation.
  const parseFigure = (value: unknown): number | null => {
    const n = parseNumber(value);
    return n !== null && figureRangeCode(kind, figureForm, n) === null ? n : null;
  };
  const actuals: Array<{ year: number; value: number }> = [];
  const enteredYears: number[] = [];
  const yearColumns: number[] = [];
  for (const key of Object.keys(map) as ColumnKey[]) {
    if (!/^y\d{4}$/.test(key)) continue;
    const year = Number(key.slice(1));
    yearColumns.push(year);
    if (!isBlankCell(cells[map[key]!])) enteredYears.push(year);
    const value = read(key, parseFigure);
    if (value !== null) actuals.push({ year, value });
  }
  actuals.sort((a, b) => a.year - b.year);
  enteredYears.sort((a, b) => a - b);
  yearColumns.sort((a, b) => a - b);
  const yearlyTargets = read("yearlyTargets", parseYearlyTargets) ?? {};

  return {
    id: read("id", textOf),
    number: read("number", textOf),
    category: read("category", textOf),
    name: read("name", textOf),
    unit,
    kind,
    direction: read("direction", parseDirection) ?? "up",
    attribute,
    binding: attribute === "binding",
    baselineYear: read("baselineYear", parseYear),
    baseline: read("baseline", parseFigure),
    revisedBaseline: read("revisedBaseline", parseFigure),
    revisedBaselineYear: read("revisedBaselineYear", parseYear),
    targetYear: read("targetYear", parseYear),
    target,
    targetText,
    adjustedTarget: wordsTarget ? null : read("adjustedTarget", parseNumber),
    targetForm,
    comparator: read("comparator", parseComparator),
    approximate: read("approximate", parseYesNo) ?? false,
    approxTolerance: read("approxTolerance", numberReader(null, null)),
    obligation: read("obligation", parseObligation),
    figures,
    reference: read("reference", textOf),
    yearlyTargets,
    actuals,
    enteredYears,
    yearColumns,
    manualStatus: read("manualStatus", (v) => (typeof v === "string" ? parseStatusLabel(v) : null)),
    manualNote: read("manualNote", textOf),
    leadUnit: read("leadUnit", textOf),
    coUnits: splitUnits(read("coUnits", textOf)),
    problems,
    headers: headerText,
  };
}

/**
 * The latest year any row has a figure that can be read, or null: the default evaluation year. An
 * unreadable entry (目标5% typed in the 2025 column) does not move the whole table's year; its own row
 * shows 待修正 until it is fixed.
 */
export function latestEnteredYear(headers: readonly unknown[], rows: readonly (readonly unknown[])[]): number | null {
  let best: number | null = null;
  for (const cells of rows) {
    const row = readTemplateRow(headers, cells);
    const last = row?.actuals[row.actuals.length - 1]?.year;
    if (last !== undefined && (best === null || last > best)) best = last;
  }
  return best;
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
  "leadUnit",
  "coUnits",
  "reference",
]);

/** The problems that make a row unusable (every one but free text). */
export function blockingProblems(row: TemplateRow): CellProblem[] {
  return row.problems.filter((p) => !FREE_TEXT.has(p.key));
}

function both(text: string): { zh: string; en: string } {
  return { zh: text || "—", en: text || "—" };
}

/** The target of a row's form with a given value (the plan's or the adjusted one). */
function rowTarget(row: TemplateRow, value: number | null, baseline: number | null): Target | null {
  const name = row.name ?? row.id ?? "";
  const approx = row.approximate
    ? { approximate: true, ...(row.approxTolerance !== null ? { band: Math.abs(row.approxTolerance) } : {}) }
    : {};
  switch (row.targetForm) {
    case "text":
      return { kind: "text", text: both(row.targetText ?? name) };
    case "relativeAbove":
    case "relativeInStep":
      if (!row.reference) return null;
      return {
        kind: "relative",
        relation: row.targetForm === "relativeAbove" ? "above" : "inStep",
        reference: row.reference,
        text: both(row.targetText ?? ""),
        ...(row.approxTolerance !== null ? { band: Math.abs(row.approxTolerance) } : {}),
      };
    case "cumulativeReduction":
    case "cumulativeIncrease":
    case "cumulativeDecrease": {
      if (value === null) return null;
      const mode =
        row.targetForm === "cumulativeReduction"
          ? "reduction"
          : row.targetForm === "cumulativeIncrease"
            ? "increase"
            : "decrease";
      return { kind: "cumulative", value, mode, ...approx };
    }
    case "annualGrowth":
      return value === null ? null : { kind: "annualGrowth", value, comparator: row.comparator ?? ">=", ...approx };
    case "level": {
      if (value === null) return null;
      const comparator = row.comparator ?? (row.direction === "down" ? "<=" : ">=");
      const obligation =
        row.obligation ??
        inferObligation(baseline, value, comparator, row.approximate, row.approxTolerance ?? undefined);
      return { kind: "level", value, comparator, obligation, ...approx };
    }
  }
}

/**
 * The indicator a template row describes, ready for the core's evaluateIndicator (the row's own
 * target year stands in for the plan's). A cell that cannot be read, or a blank target year or
 * target, makes the row unusable; the answer names that column. A manual status becomes the
 * indicator's override, so it wins over the computed one. A revised baseline and an adjusted target
 * typed in the sheet apply at once; where they came from (document, reason) is the plan's to say.
 */
export function templateRowToIndicator(row: TemplateRow): RowIndicator {
  const problem = blockingProblems(row)[0];
  if (problem) return { ok: false, reason: "invalid", key: problem.key, text: problem.text };
  if (row.targetYear === null) return { ok: false, reason: "missing", key: "targetYear" };
  const target = rowTarget(row, row.target, row.revisedBaseline ?? row.baseline);
  if (target === null)
    return { ok: false, reason: "missing", key: row.targetForm.startsWith("relative") ? "reference" : "target" };
  const adjusted =
    row.adjustedTarget !== null ? rowTarget(row, row.adjustedTarget, row.revisedBaseline ?? row.baseline) : null;
  const name = row.name ?? row.id ?? "";
  const indicator: Indicator = {
    id: row.id ?? "TEMPLATE_ROW",
    category: both(row.category ?? ""),
    name: both(name),
    unit: both(row.unit ?? ""),
    kind: row.kind ?? (row.unit?.trim() === "%" ? "percent" : "index"),
    direction: row.direction,
    figures: row.figures ?? (target.kind === "cumulative" ? "change" : "level"),
    baseline: row.baseline,
    baselineYear: row.baselineYear,
    ...(row.revisedBaseline !== null
      ? {
          baselineRevisions: [
            {
              value: row.revisedBaseline,
              ...(row.revisedBaselineYear !== null ? { year: row.revisedBaselineYear } : {}),
            },
          ],
        }
      : {}),
    target,
    ...(adjusted ? { targetAdjustments: [{ target: adjusted }] } : {}),
    ...(Object.keys(row.yearlyTargets).length > 0 ? { yearlyTargets: row.yearlyTargets } : {}),
    attribute: row.attribute,
    ...(row.leadUnit !== null ? { leadUnit: row.leadUnit } : {}),
    ...(row.coUnits.length > 0 ? { coUnits: row.coUnits } : {}),
    actuals: Object.fromEntries(row.actuals.map((a) => [String(a.year), { value: a.value }])),
    ...(row.number !== null ? { number: row.number } : {}),
    ...(row.manualStatus !== null ? { override: { status: row.manualStatus, note: row.manualNote ?? "—" } } : {}),
  };
  return { ok: true, indicator, targetYear: row.targetYear };
}

/**
 * The plan a template row (with the row its relative target refers to, if any) makes for the core's
 * evaluation: the row's own target year, and the plan's base year from the table's year columns
 * (they run from the year after the base year to the target year).
 */
export function planOfRow(
  row: TemplateRow,
  own: { indicator: Indicator; targetYear: number },
  reference: Indicator | null = null,
): Plan {
  const firstColumn = row.yearColumns[0];
  const baseYear = Math.min(firstColumn !== undefined ? firstColumn - 1 : own.targetYear - 1, own.targetYear - 1);
  const indicators = reference && reference.id !== own.indicator.id ? [own.indicator, reference] : [own.indicator];
  return {
    formatVersion: 2,
    id: "template-row",
    title: own.indicator.name,
    baseYear,
    targetYear: own.targetYear,
    indicators,
  };
}
