/**
 * What the portable copy of the plan sheet holds, cell by cell (pure: no Excel calls).
 * The copy is for people without the add-in, so no cell may call a PLAN function:
 * - "native": PLAN formulas in the template's computed columns become the native formulas of
 *   src/core/nativeFormulas.ts (the copy still recalculates); any other PLAN formula becomes its value;
 * - "values": every formula becomes its value (a snapshot, e.g. for a report sent up).
 * Everything else is copied as it is, so figures and cells staff changed by hand are kept.
 */
import type { Lang } from "../core/messages";
import { nativeRowFormulas, NATIVE_COLUMNS, type NativeColumn, type RowCells } from "../core/nativeFormulas";
import {
  mapHeaders,
  readTemplateRow,
  templateRowToIndicator,
  type ColumnKey,
  type HeaderMap,
} from "../core/templateLayout";
import { columnLetters } from "./a1";

export type PortableMode = "native" | "values";

/** Formula text that calls a PLAN function (either language's Excel writes the namespace as PLAN.). */
const PLAN_CALL = /(^|[^A-Za-z0-9_.])PLAN\.[A-Za-z]/i;

export function callsPlan(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && PLAN_CALL.test(formula);
}

/**
 * Text as written back through Range.formulas: with Excel's text prefix so "1.47%" stays text, except
 * in a cell formatted as text ("@"), where Excel would keep the apostrophe as part of the text.
 */
function text(value: string, numberFormat: string | undefined): string {
  return value === "" || numberFormat === "@" ? value : `'${value}`;
}

/** A formula's result as a constant; errors become blank (the copy cannot carry their message). */
function asWritten(
  value: unknown,
  valueType: string | undefined,
  numberFormat: string | undefined,
): string | number | boolean {
  if (valueType === "Error") return "";
  if (typeof value === "number" || typeof value === "boolean") return value;
  return typeof value === "string" ? text(value, numberFormat) : "";
}

/** A constant read through Range.formulas, written back unchanged. */
function constant(formula: unknown, numberFormat: string | undefined): string | number | boolean {
  if (typeof formula === "number" || typeof formula === "boolean") return formula;
  return typeof formula === "string" ? text(formula, numberFormat) : "";
}

export interface SourceBlock {
  /** 1-based sheet row and 0-based column of the block's top-left cell (the used range). */
  firstRow: number;
  firstColumn: number;
  formulas: unknown[][];
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
  /** Where the template's header row is inside the block (0-based row), and how many body rows follow. */
  headerRow: number;
  bodyRows: number;
}

export interface PortableContent {
  formulas: Array<Array<string | number | boolean>>;
  /** PLAN formulas replaced by native formulas / by their values. */
  translated: number;
  frozen: number;
  /** Body rows the reader could not turn into an indicator (their PLAN cells were frozen as values). */
  unreadableRows: number[];
}

const NATIVE_KEYS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(NATIVE_COLUMNS);

/** The row's cell addresses for the native formulas, or null when a column they need is missing. */
function rowCells(map: HeaderMap, firstColumn: number, row: number): RowCells | null {
  const at = (key: ColumnKey): string | null =>
    map[key] === undefined ? null : `${columnLetters(firstColumn + map[key]!)}${row}`;
  const need = ["latest", "latestYear", "baseline", "target", "baselineYear", "targetYear"] as const;
  const found = need.map(at);
  if (found.some((a) => a === null)) return null;
  const [latest, latestYear, baseline, target, baselineYear, targetYear] = found as string[];
  const years = (Object.keys(map) as ColumnKey[])
    .filter((k) => /^y\d{4}$/.test(k))
    .map((k) => ({ year: Number(k.slice(1)), cell: at(k)! }))
    .sort((a, b) => a.year - b.year);
  const manual = at("manualStatus");
  return {
    latest: latest!,
    latestYear: latestYear!,
    baseline: baseline!,
    target: target!,
    baselineYear: baselineYear!,
    targetYear: targetYear!,
    years,
    ...(manual ? { manualStatus: manual } : {}),
  };
}

export function buildPortableContent(source: SourceBlock, mode: PortableMode, lang: Lang): PortableContent {
  const headers = source.formulas[source.headerRow] ?? [];
  const map = mapHeaders(source.values[source.headerRow] ?? headers);
  const columnKey = new Map<number, ColumnKey>();
  for (const [key, index] of Object.entries(map) as Array<[ColumnKey, number]>) columnKey.set(index, key);
  let translated = 0;
  let frozen = 0;
  const unreadableRows: number[] = [];
  const bodyStart = source.headerRow + 1;
  const bodyEnd = bodyStart + source.bodyRows;

  const formulas = source.formulas.map((line, r) => {
    const sheetRow = source.firstRow + r;
    let native: Record<NativeColumn, string> | null = null;
    if (mode === "native" && r >= bodyStart && r < bodyEnd && line.some(callsPlan)) {
      const row = readTemplateRow(source.values[source.headerRow] ?? [], source.values[r] ?? []);
      const model = row ? templateRowToIndicator(row) : null;
      const cells = rowCells(map, source.firstColumn, sheetRow);
      if (model?.ok && cells) native = nativeRowFormulas(model.indicator, cells, lang);
      else unreadableRows.push(sheetRow);
    }
    return line.map((formula, c) => {
      const format = source.numberFormat[r]?.[c];
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      if (!isFormula) return constant(formula, format);
      const key = columnKey.get(c);
      if (mode === "native" && !callsPlan(formula)) return formula as string;
      if (native && key !== undefined && NATIVE_KEYS.has(key) && native[key as NativeColumn] !== "") {
        translated += 1;
        return native[key as NativeColumn];
      }
      if (callsPlan(formula)) frozen += 1;
      return asWritten(source.values[r]?.[c], source.valueTypes[r]?.[c], format);
    });
  });
  return { formulas, translated, frozen, unreadableRows };
}
