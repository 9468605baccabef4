/**
 * A1 addresses: parsing, formatting and shifting the relative references of a formula.
 * Excel's grid is 1,048,576 rows by 16,384 columns (XFD); rectangles here are 0-based.
 */

import { columnIndex, columnLetters } from "../../src/excel/a1";

// One implementation of column letters (src/excel/a1.ts); the conformance tests check the addresses it makes.
export { columnIndex, columnLetters };

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A 0-based block of cells on one sheet. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1", "A1:C3", "A:A", "1:3"; whole rows and columns spell themselves the way Excel does. */
export function rectAddress(rect: Rect): string {
  const lastRow = rect.row + rect.rows - 1;
  const lastCol = rect.col + rect.cols - 1;
  if (rect.row === 0 && rect.rows === MAX_ROWS) return `${columnLetters(rect.col)}:${columnLetters(lastCol)}`;
  if (rect.col === 0 && rect.cols === MAX_COLUMNS) return `${rect.row + 1}:${lastRow + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return cellAddress(rect.row, rect.col);
  return `${cellAddress(rect.row, rect.col)}:${cellAddress(lastRow, lastCol)}`;
}

// Letters, digits and CJK ideographs need no quotes; anything else (spaces, dashes, dots) does.
const PLAIN_SHEET_NAME = /^[A-Za-z_\u3400-\u9FFF\uF900-\uFAFF][A-Za-z0-9_\u3400-\u9FFF\uF900-\uFAFF]*$/;
const LOOKS_LIKE_CELL = /^[A-Za-z]{1,3}\d+$|^R\d*C\d*$/i;

export function quoteSheetName(name: string): string {
  if (PLAIN_SHEET_NAME.test(name) && !LOOKS_LIKE_CELL.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

export interface ParsedAddress {
  sheetName?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseEnd(text: string): { row?: number; col?: number } | null {
  let m = CELL.exec(text);
  if (m) return { col: columnIndex(m[1]!), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { col: columnIndex(m[1]!) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return null;
}

/** Parses "Sheet1!A1:C3", "'My sheet'!B2", "$A$1", "A:C", "2:5"; returns null when it is not an address. */
export function parseAddress(address: string): ParsedAddress | null {
  let text = address.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const sheetPart = text.slice(0, bang);
    text = text.slice(bang + 1);
    sheetName =
      sheetPart.startsWith("'") && sheetPart.endsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  }
  const parts = text.split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const a = parseEnd(parts[0]!);
  const b = parts.length === 2 ? parseEnd(parts[1]!) : a;
  if (!a || !b) return null;
  const wholeColumns = a.row === undefined || b.row === undefined;
  const wholeRows = a.col === undefined || b.col === undefined;
  if (wholeColumns && wholeRows) return null;
  if (parts.length === 1 && (wholeColumns || wholeRows)) return null; // "A" or "3" alone is not an address
  const r0 = wholeColumns ? 0 : Math.min(a.row!, b.row!);
  const r1 = wholeColumns ? MAX_ROWS - 1 : Math.max(a.row!, b.row!);
  const c0 = wholeRows ? 0 : Math.min(a.col!, b.col!);
  const c1 = wholeRows ? MAX_COLUMNS - 1 : Math.max(a.col!, b.col!);
  if (r1 >= MAX_ROWS || c1 >= MAX_COLUMNS) return null;
  const rect = { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  return sheetName === undefined ? { rect } : { sheetName, rect };
}

export function rectContains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const lastRow = Math.min(a.row + a.rows, b.row + b.rows);
  const lastCol = Math.min(a.col + a.cols, b.col + b.cols);
  if (lastRow <= row || lastCol <= col) return null;
  return { row, col, rows: lastRow - row, cols: lastCol - col };
}

export function rectCells(rect: Rect): number {
  return rect.rows * rect.cols;
}

/**
 * Shifts the relative (non-$) parts of every A1 reference in a formula by (dRows, dCols), the way Excel
 * applies a conditional-format or data-validation formula written for the range's top-left cell to the
 * other cells (office-js#5194: relative references are relative to the range the rule was set on).
 * String literals and quoted sheet names are left alone; a reference pushed off the grid becomes #REF!.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  const ref = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!.])/g;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
    out += formula.slice(i, j).replace(ref, (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const col = colAbs ? columnIndex(letters) : columnIndex(letters) + dCols;
      const row = rowAbs ? Number(digits) - 1 : Number(digits) - 1 + dRows;
      if (col < 0 || row < 0 || col >= MAX_COLUMNS || row >= MAX_ROWS) return "#REF!";
      return `${colAbs}${columnLetters(col)}${rowAbs}${row + 1}`;
    });
    i = j;
  }
  return out;
}
