/**
 * The few A1-address sums the host layer needs: column letters, and splitting the address Excel
 * reports for a range ("'Plan indicators'!A6:AE16") into its sheet, first row and first column.
 */

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A block of cells: 1-based first row, 0-based first column (as letters come from columnLetters). */
export interface Block {
  sheetName: string;
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
}

/** Excel reports addresses as Sheet!A1:B2 with the sheet quoted when needed ('It''s'!A1). */
export function parseRangeAddress(address: string): Block {
  const bang = address.lastIndexOf("!");
  let sheet = bang >= 0 ? address.slice(0, bang) : "";
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const cells = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const [start, end = start] = cells.split(":");
  const a = /^([A-Za-z]+)(\d+)$/.exec(start ?? "");
  const b = /^([A-Za-z]+)(\d+)$/.exec(end ?? "");
  if (!a || !b) throw new Error(`not a cell range address: ${address}`);
  const c0 = columnIndex(a[1]!);
  const c1 = columnIndex(b[1]!);
  const r0 = Number(a[2]);
  const r1 = Number(b[2]);
  return { sheetName: sheet, firstRow: r0, firstColumn: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

/** "B7", or "B7:D9" for a block. */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

export function blockRef(column: number, row: number, columns: number, rows: number): string {
  const first = cellRef(column, row);
  return columns === 1 && rows === 1 ? first : `${first}:${cellRef(column + columns - 1, row + rows - 1)}`;
}
