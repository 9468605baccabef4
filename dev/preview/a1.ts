import { columnLetters } from "../../src/excel/a1";

/** Sheet-local A1 names for the grid's headers, cells and name box (0-based row and column in). */

/** Column letters come from the add-in's own A1 sums (src/excel/a1.ts). */
export const columnName = columnLetters;

export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "B3" or "B3:D7" for a block. */
export function blockName(rect: { row: number; col: number; rows: number; cols: number }): string {
  const first = cellName(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1
    ? first
    : `${first}:${cellName(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}
