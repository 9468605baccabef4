/**
 * What the portable copy of the plan sheet holds, cell by cell (pure: no Excel calls).
 * The copy is for people without the add-in, so no cell may call a PLAN function:
 * - "native": the template's PLAN.EVALUATE cells become the native formulas of
 *   src/core/nativeFormulas.ts, and the evaluation year (C3) a native twin of its PLAN.DATAYEAR (the
 *   largest of each row's latest readable year, kept in a hidden column after the block), so the copy
 *   still recalculates; a PLAN formula that is not the template's becomes its value, and so does
 *   every computed cell of a row the native formulas would read differently from PLAN (a number typed as
 *   text, a cell holding only spaces …). Each such cell is listed with its reason: nothing is silent.
 * - "values": every formula becomes its value (a snapshot, e.g. for a report sent up).
 * Everything else is copied as it is, so figures and cells staff changed by hand are kept.
 */
import type { Lang } from "../core/messages";
import {
  excelTrim,
  fitsExcel,
  NATIVE_FIELDS,
  nativeBlankRowFormula,
  nativeEvaluationYearFormula,
  nativeManualStatus,
  nativeReadableYearFormula,
  nativeReadableYears,
  nativeRowFormulas,
  type NativeRow,
} from "../core/nativeFormulas";
import { parseUserNumber } from "../core/numberParsing";
import { parseStatusLabel } from "../core/status";
import { isBlankCell, isTemplateHeader, mapHeaders, type ColumnKey, type EvaluateField } from "../core/templateLayout";
import { readTemplateRow, type TemplateRow } from "../core/templateRow";
import { columnIndex, columnLetters } from "./a1";
import { isFormulaCell } from "./templateContent";

export type PortableMode = "native" | "values";

/** Formula text that calls a PLAN function (either language's Excel writes the namespace as PLAN.). */
const PLAN_CALL = /(^|[^A-Za-z0-9_.])PLAN\.[A-Za-z]/i;

export function callsPlan(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && PLAN_CALL.test(formula);
}

/** Why a PLAN cell of the copy holds its value instead of a native formula. */
export type ValueReason =
  /** A PLAN formula that is not one of the template's (typed elsewhere, or edited). */
  | "otherFormula"
  /** A computed cell of the row no longer holds the template's formula, so the row's formulas cannot read each other. */
  | "rowChanged"
  /** The row (or its reference row) holds something Excel's formulas read differently from PLAN: a number typed as text, a cell of only spaces, a TRUE/FALSE or an error value, a manual status in full-width letters. */
  | "readsDifferently"
  /** The evaluation-year cell holds text that the native formulas would not read as PLAN does. */
  | "yearCell"
  /** The native formula would pass Excel's limits: 8,192 characters, 64 levels of nested functions. */
  | "tooLong";

export interface ValueCell {
  /** A1 address on the sheet (and on the copy: same address). */
  address: string;
  reason: ValueReason;
}

/** One cell of the copy: what goes in through Range.formulas, and its number format. */
interface Written {
  content: string | number | boolean;
  format: string | undefined;
}

/**
 * Text as written back through Range.formulas: with Excel's text prefix so "1.47%" stays text and
 * "=HYPERLINK(…)" never becomes a formula, except in a cell formatted as text ("@"), where Excel would
 * keep the apostrophe as part of the text. Text that starts with "=" in such a cell goes in with the
 * prefix and the General format instead: text either way, whatever Excel makes of "=" in a text cell.
 */
function text(value: string, numberFormat: string | undefined): Written {
  if (value === "") return { content: "", format: numberFormat };
  if (numberFormat !== "@") return { content: `'${value}`, format: numberFormat };
  return value.startsWith("=") ? { content: `'${value}`, format: "General" } : { content: value, format: "@" };
}

/** A formula's result as a constant; errors become blank (the copy cannot carry their message). */
function asWritten(value: unknown, valueType: string | undefined, numberFormat: string | undefined): Written {
  if (valueType === "Error") return { content: "", format: numberFormat };
  if (typeof value === "number" || typeof value === "boolean") return { content: value, format: numberFormat };
  return typeof value === "string" ? text(value, numberFormat) : { content: "", format: numberFormat };
}

/** A constant read through Range.formulas (text without its prefix: readBack), written back as it is. */
function constant(formula: unknown, numberFormat: string | undefined): Written {
  if (typeof formula === "number" || typeof formula === "boolean") return { content: formula, format: numberFormat };
  return typeof formula === "string" ? text(formula, numberFormat) : { content: "", format: numberFormat };
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
  /**
   * Each cell's number format, as `formulas` is laid out (the block's, General in the hidden columns): the
   * source's, except text starting with "=" in a text-formatted cell, written with the General format.
   */
  numberFormat: string[][];
  /** PLAN formulas replaced by native formulas / by their values. */
  translated: number;
  frozen: number;
  /** Sheet rows whose computed cells hold values instead of native formulas (native mode). */
  unreadableRows: number[];
  /** Every PLAN cell that holds its value instead of a native formula, and why (native mode). */
  valueCells: ValueCell[];
  /** The longest formula written, in characters. */
  longestFormula: number;
  /**
   * Sheet columns (0-based) after the copied block that the copy adds, to be hidden: each body row's
   * latest year with a readable figure, which the native C3 reads (native mode; empty otherwise). The
   * block's lines in `formulas` are extended by these columns.
   */
  helperColumns: number[];
}

// ---------------------------------------------------------------------------------------------
// Reading the template's own formulas

/** A range or cell reference of the template's formulas: $A$5:$AF$5, $A6:$AF6, $C$3. */
interface Area {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

const CELL = String.raw`\$?[A-Z]{1,3}\$?\d{1,7}`;
const RANGE = `${CELL}:${CELL}`;
const EVALUATE_CALL = new RegExp(
  `^=PLAN\\.EVALUATE\\((${RANGE}),(${RANGE}),"([^"]*)",(${CELL})(?:,(${RANGE}))?\\)$`,
  "i",
);
/**
 * C3: =IF(B3<>"",B3,IFERROR(PLAN.DATAYEAR(header),"")) — the header row alone, the rows below read by the
 * function (templates since the streaming C3) — or PLAN.DATAYEAR(header,body) (earlier templates), or
 * either without IFERROR (earlier still).
 */
const DATA_YEAR_CALL = new RegExp(
  `^=IF\\((${CELL})<>"",(${CELL}),(?:(IFERROR)\\()?PLAN\\.DATAYEAR\\((${RANGE})(?:,(${RANGE}))?\\)(?:,""\\))?\\)$`,
  "i",
);

function area(ref: string): Area {
  const [a, b = a] = ref.replace(/\$/g, "").toUpperCase().split(":");
  const p = /^([A-Z]+)(\d+)$/.exec(a!)!;
  const q = /^([A-Z]+)(\d+)$/.exec(b!)!;
  return {
    firstRow: Number(p[2]),
    lastRow: Number(q[2]),
    firstColumn: columnIndex(p[1]!),
    lastColumn: columnIndex(q[1]!),
  };
}

/** Formula text without spaces outside string literals (Excel may give formulas back with spaces). */
function compact(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\s+/g, "")))
    .join("");
}

interface EvaluateCall {
  header: Area;
  row: Area;
  field: EvaluateField;
  /** The evaluation-year cell as written ($C$3). */
  yearCell: string;
  reference: Area | null;
  /** Everything but the field: the calls of one row must agree on it. */
  key: string;
}

function parseEvaluate(formula: string): EvaluateCall | null {
  const m = EVALUATE_CALL.exec(compact(formula));
  if (!m) return null;
  const field = NATIVE_FIELDS.find((f) => f.toLowerCase() === m[3]!.toLowerCase());
  if (!field) return null;
  return {
    header: area(m[1]!),
    row: area(m[2]!),
    field,
    yearCell: m[4]!.toUpperCase(),
    reference: m[5] ? area(m[5]) : null,
    key: [m[1], m[2], m[4], m[5] ?? ""].join("|").toUpperCase(),
  };
}

// ---------------------------------------------------------------------------------------------

/** The keys whose cells the native formulas read live (the rest is read once, when the copy is made). */
const LIVE_KEYS: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  "target",
  "adjustedTarget",
  "baselineYear",
  "baseline",
  "revisedBaseline",
  "targetYear",
  "manualStatus",
]);

/**
 * Whether the native formulas read every live cell of a row as PLAN.EVALUATE reads it: numbers and blanks
 * always; text only where PLAN cannot read it either (it is then a cell to fix, and the label quotes it
 * as Excel's TRIM gives it), or a manual status word both read alike.
 */
function readsAlike(
  row: TemplateRow,
  keys: readonly ColumnKey[],
  cells: readonly unknown[],
  map: Partial<Record<ColumnKey, number>>,
): boolean {
  const words = row.targetForm === "text" || row.targetForm.startsWith("relative");
  for (const key of keys) {
    if (!LIVE_KEYS.has(key) && !/^y\d{4}$/.test(key)) continue;
    if (words && (key === "target" || key === "adjustedTarget")) continue;
    const v = cells[map[key]!];
    if (v === null || v === undefined || v === "" || typeof v === "number") continue;
    if (typeof v !== "string") return false;
    if (isBlankCell(v)) return false; // only spaces: blank to PLAN, text to Excel
    const problem = row.problems.some((p) => p.key === key);
    if (key === "manualStatus") {
      if (nativeManualStatus(v) !== parseStatusLabel(v)) return false;
      if (!problem) continue;
    } else if (!problem) return false; // text PLAN reads as a number
    if (excelTrim(v) !== v.trim()) return false; // the 待修正 label quotes the cell as TRIM gives it
  }
  return true;
}

/** Whether PLAN.EVALUATE and the native formulas read the evaluation-year cell's text the same way. */
function yearTextAlike(value: string, translatedFrom: "formula" | "constant"): boolean {
  if (translatedFrom === "constant") return false;
  const plan = parseUserNumber(value);
  const s = excelTrim(value).replace(/年/g, "");
  const native = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : null;
  return plan.ok ? native === plan.value : native === null;
}

interface RowPlan {
  formulas: Partial<Record<number, string>>;
  reason: ValueReason | null;
}

export function buildPortableContent(source: SourceBlock, mode: PortableMode, lang: Lang): PortableContent {
  const valueOf = (row: number, column: number): unknown =>
    source.values[row - source.firstRow]?.[column - source.firstColumn];
  /**
   * The cell's formula, or null for a constant. Text that starts with "=" reads back through Range.formulas
   * like a formula (office-js #6687): told apart by its value (isFormulaCell). Only formulas are translated
   * or copied as formulas; such text is copied as text, however much it looks like a formula.
   */
  const formulaAt = (r: number, c: number): string | null => {
    const f = source.formulas[r]?.[c];
    return isFormulaCell(f, source.values[r]?.[c]) ? (f as string) : null;
  };
  const lastRow = source.firstRow + source.formulas.length - 1;
  const inBlock = (a: Area) =>
    a.firstRow >= source.firstRow &&
    a.lastRow <= lastRow &&
    a.firstColumn >= source.firstColumn &&
    a.lastColumn <= source.firstColumn + (source.formulas[0]?.length ?? 0) - 1;
  const rowValues = (row: number, a: Area): unknown[] =>
    Array.from({ length: a.lastColumn - a.firstColumn + 1 }, (_v, i) => valueOf(row, a.firstColumn + i));
  /** The rows under a header row, to the first blank one (what PLAN.DATAYEAR with the header alone reads). */
  const bodyBelow = (header: Area): Area => {
    let last = header.lastRow;
    while (last + 1 <= lastRow && rowValues(last + 1, header).some((v) => !isBlankCell(v))) last++;
    return { ...header, firstRow: header.lastRow + 1, lastRow: Math.max(last, header.lastRow + 1) };
  };

  // Native formulas by sheet row and column, and the reason a row's PLAN cells hold values instead.
  const native = new Map<string, string>();
  const width = Math.max(0, ...source.formulas.map((line) => line.length));
  /** The hidden columns after the block that C3's native formula reads (one per translated C3). */
  const helperColumns: Array<{ column: number; cells: Map<number, string> }> = [];
  const reasons = new Map<string, ValueReason>();
  const at = (row: number, column: number) => `${row}:${column}`;

  if (mode === "native") {
    // The evaluation-year cells the template's formulas use: translated first, as the rows read them.
    const yearCells = new Map<string, "formula" | "constant" | null>();
    const evaluateCells = new Map<number, Array<{ column: number; call: EvaluateCall | null }>>();
    source.formulas.forEach((line, r) => {
      const sheetRow = source.firstRow + r;
      line.forEach((_cell, c) => {
        const formula = formulaAt(r, c);
        if (!callsPlan(formula)) return;
        const column = source.firstColumn + c;
        const call = parseEvaluate(formula as string);
        if (call || /PLAN\.EVALUATE/i.test(formula as string)) {
          const list = evaluateCells.get(sheetRow) ?? [];
          list.push({ column, call });
          evaluateCells.set(sheetRow, list);
        }
      });
    });
    // The evaluation year (C3).
    source.formulas.forEach((line, r) => {
      line.forEach((_cell, c) => {
        const formula = formulaAt(r, c);
        if (formula === null) return;
        const m = DATA_YEAR_CALL.exec(compact(formula));
        if (!m || m[1]!.replace(/\$/g, "").toUpperCase() !== m[2]!.replace(/\$/g, "").toUpperCase()) return;
        const withIfError = m[3] !== undefined;
        if (withIfError !== compact(formula).endsWith(',""))')) return;
        const header = area(m[4]!);
        // The header row alone: the body is the rows under it, to the first blank row (as PLAN.DATAYEAR reads it).
        const body = m[5] ? area(m[5]) : bodyBelow(header);
        if (!inBlock(header) || !inBlock(body) || header.firstRow !== header.lastRow) return;
        const headers = rowValues(header.firstRow, header);
        if (!isTemplateHeader(headers)) return;
        const sheetRow = source.firstRow + r;
        const column = source.firstColumn + c;
        const map = mapHeaders(headers);
        const years = (Object.entries(map) as Array<[ColumnKey, number]>)
          .filter(([key]) => /^y\d{4}$/.test(key))
          .map(([key, index]) => ({ year: Number(key.slice(1)), column: header.firstColumn + index }));
        // Each body row's latest readable year goes in a hidden column after the block; C3 takes the largest.
        // A number typed as text is a figure to PLAN, not to a number test: where one decides the year,
        // C3 keeps its value.
        const helper = new Map<number, string>();
        let planYear = 0;
        let nativeYear = 0;
        for (let row = body.firstRow; row <= body.lastRow; row++) {
          const read = readTemplateRow(headers, rowValues(row, header));
          const values = years.map((y) => ({ year: y.year, value: valueOf(row, y.column) }));
          planYear = Math.max(planYear, ...(read?.actuals ?? []).map((a) => a.year));
          nativeYear = Math.max(nativeYear, ...nativeReadableYears(read, values));
          const cells = years.map((y) => ({ year: y.year, cell: `${columnLetters(y.column)}${row}` }));
          helper.set(row, nativeReadableYearFormula(read, cells));
        }
        if (planYear !== nativeYear) {
          reasons.set(at(sheetRow, column), "readsDifferently");
          return;
        }
        const helperColumn = source.firstColumn + width + helperColumns.length;
        const letters = columnLetters(helperColumn);
        const range = `$${letters}$${body.firstRow}:$${letters}$${body.lastRow}`;
        const yearFormula = nativeEvaluationYearFormula(m[1]!, range, withIfError ? "blank" : "error");
        // Never a formula Excel would refuse (the write would fail and leave a half-written copy).
        if (![yearFormula, ...helper.values()].every(fitsExcel)) {
          reasons.set(at(sheetRow, column), "tooLong");
          return;
        }
        helperColumns.push({ column: helperColumn, cells: helper });
        native.set(at(sheetRow, column), yearFormula);
        yearCells.set(`${columnLetters(column)}${sheetRow}`, "formula");
      });
    });

    const yearCellOk = (ref: string): ValueReason | null => {
      const a = area(ref);
      const address = `${columnLetters(a.firstColumn)}${a.firstRow}`;
      const v = valueOf(a.firstRow, a.firstColumn);
      if (typeof v !== "string" || v === "") return null;
      const translated = yearCells.get(address);
      return translated && yearTextAlike(v, translated) ? null : "yearCell";
    };

    for (const [sheetRow, cells] of evaluateCells) {
      const plan = planRow(sheetRow, cells);
      for (const { column } of cells) {
        const formula = plan.formulas[column];
        if (formula !== undefined && plan.reason === null) native.set(at(sheetRow, column), formula);
        else reasons.set(at(sheetRow, column), plan.reason ?? "otherFormula");
      }
    }

    function planRow(sheetRow: number, cells: Array<{ column: number; call: EvaluateCall | null }>): RowPlan {
      const calls = cells.map((c) => c.call);
      const first = calls[0];
      const fields = new Set(calls.map((c) => c?.field));
      if (
        !first ||
        calls.some((c) => !c || c.key !== first.key) ||
        fields.size !== NATIVE_FIELDS.length ||
        calls.length !== NATIVE_FIELDS.length
      )
        return { formulas: {}, reason: calls.some((c) => !c) ? "otherFormula" : "rowChanged" };
      const { header, row, reference } = first;
      const sameColumns = (a: Area) => a.firstColumn === header.firstColumn && a.lastColumn === header.lastColumn;
      if (
        header.firstRow !== header.lastRow ||
        row.firstRow !== sheetRow ||
        row.lastRow !== sheetRow ||
        !sameColumns(row) ||
        (reference && (!sameColumns(reference) || reference.firstRow !== reference.lastRow || !inBlock(reference))) ||
        !inBlock(header) ||
        cells.some((c) => c.column >= header.firstColumn && c.column <= header.lastColumn)
      )
        return { formulas: {}, reason: "otherFormula" };
      const headers = rowValues(header.firstRow, header);
      if (!isTemplateHeader(headers)) return { formulas: {}, reason: "otherFormula" };
      const yearProblem = yearCellOk(first.yearCell);
      if (yearProblem) return { formulas: {}, reason: yearProblem };
      const map = mapHeaders(headers);
      const keys = Object.keys(map) as ColumnKey[];
      const computedAt = {} as Record<EvaluateField, string>;
      const formulas: Partial<Record<number, string>> = {};
      for (const c of cells) computedAt[c.call!.field] = `${columnLetters(c.column)}${sheetRow}`;

      const ownCells = rowValues(sheetRow, header);
      const ownRow = readTemplateRow(headers, ownCells);
      if (!ownRow) {
        for (const c of cells) formulas[c.column] = nativeBlankRowFormula(first.yearCell);
        return { formulas, reason: null };
      }
      const nativeRow = (r: TemplateRow, at: number): NativeRow => ({
        row: r,
        cells: Object.fromEntries(keys.map((k) => [k, `${columnLetters(header.firstColumn + map[k]!)}${at}`])),
      });
      let referenceRow: NativeRow | null = null;
      if (reference) {
        const refCells = rowValues(reference.firstRow, header);
        const refRow = readTemplateRow(headers, refCells);
        if (refRow) {
          if (!readsAlike(refRow, keys, refCells, map)) return { formulas: {}, reason: "readsDifferently" };
          referenceRow = nativeRow(refRow, reference.firstRow);
        }
      }
      if (!readsAlike(ownRow, keys, ownCells, map)) return { formulas: {}, reason: "readsDifferently" };
      const built = nativeRowFormulas({
        own: nativeRow(ownRow, sheetRow),
        reference: referenceRow,
        yearCell: first.yearCell,
        computed: computedAt,
        lang,
      });
      if (!NATIVE_FIELDS.every((f) => fitsExcel(built[f]))) return { formulas: {}, reason: "tooLong" };
      for (const c of cells) formulas[c.column] = built[c.call!.field];
      return { formulas, reason: null };
    }
  }

  let translated = 0;
  let frozen = 0;
  let longestFormula = 0;
  const valueCells: ValueCell[] = [];
  const unreadable = new Set<number>();
  const numberFormat: string[][] = [];
  const formulas = source.formulas.map((line, r) => {
    const formats: string[] = [];
    numberFormat.push(formats);
    return line.map((cell, c) => {
      const written = copied(cell, r, c);
      formats.push(written.format ?? "General");
      return written.content;
    });
  });

  function copied(cell: unknown, r: number, c: number): Written {
    const sheetRow = source.firstRow + r;
    const column = source.firstColumn + c;
    const format = source.numberFormat[r]?.[c];
    const formula = formulaAt(r, c);
    if (formula === null) return constant(cell, format);
    if (mode === "native") {
      const replacement = native.get(at(sheetRow, column));
      if (replacement !== undefined) {
        translated += 1;
        longestFormula = Math.max(longestFormula, replacement.length);
        return { content: replacement, format };
      }
      if (!callsPlan(formula)) {
        longestFormula = Math.max(longestFormula, formula.length);
        return { content: formula, format };
      }
      valueCells.push({
        address: `${columnLetters(column)}${sheetRow}`,
        reason: reasons.get(at(sheetRow, column)) ?? "otherFormula",
      });
      unreadable.add(sheetRow);
    }
    frozen += 1;
    return asWritten(source.values[r]?.[c], source.valueTypes[r]?.[c], format);
  }
  // The hidden columns C3 reads, after the block (the block's lines padded to its width first).
  if (helperColumns.length > 0)
    formulas.forEach((line, r) => {
      const formats = numberFormat[r]!;
      while (line.length < width) line.push("");
      while (formats.length < width) formats.push("General");
      for (const h of helperColumns) {
        const formula = h.cells.get(source.firstRow + r) ?? "";
        longestFormula = Math.max(longestFormula, formula.length);
        line.push(formula);
        formats.push("General");
      }
    });
  return {
    formulas,
    numberFormat,
    translated,
    frozen,
    unreadableRows: [...unreadable].sort((a, b) => a - b),
    valueCells,
    longestFormula,
    helperColumns: helperColumns.map((h) => h.column),
  };
}
