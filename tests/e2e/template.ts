/**
 * Finding one's way in the inserted template from what the grid shows, as a person reads a sheet: the header
 * row is the row with "Indicator" in it, columns are found by their header text, indicator rows by name.
 */
import type { Page } from "playwright-core";
import { goTo, readCells, visibleCells } from "./grid";

export interface TemplateMap {
  headerRow: number;
  /** Header text → column letters. */
  columns: Map<string, string>;
  /** Indicator name (as shown in the Indicator column) → row number. */
  rows: Map<string, number>;
}

function letters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const ADDRESS = /^([A-Z]+)(\d+)$/;

/** `indicatorHeader`: the name column's header in the template's language (Indicator / 指标). */
export async function readTemplate(page: Page, indicatorHeader = "Indicator"): Promise<TemplateMap> {
  await goTo(page, "A1");
  const top = await visibleCells(page);
  let headerRow = 0;
  let nameColumn = "";
  for (const [address, text] of top) {
    const match = ADDRESS.exec(address);
    if (text === indicatorHeader && match) {
      nameColumn = match[1]!;
      headerRow = Number(match[2]);
      break;
    }
  }
  if (!headerRow) throw new Error(`no header row with “${indicatorHeader}” in view: is the template inserted?`);
  const columns = new Map<string, string>();
  const headers = await readCells(
    page,
    Array.from({ length: 60 }, (_, col) => `${letters(col)}${headerRow}`),
  );
  let blanks = 0;
  for (let col = 0; blanks < 3 && col < 60; col++) {
    const text = (headers.get(`${letters(col)}${headerRow}`) ?? "").trim();
    if (text === "") blanks++;
    else {
      blanks = 0;
      if (!columns.has(text)) columns.set(text, letters(col));
    }
  }
  // Every indicator row, scrolling down the name column until three blank rows (the table's end).
  const rows = new Map<string, number>();
  const names = await readCells(
    page,
    Array.from({ length: 60 }, (_, k) => `${nameColumn}${headerRow + 1 + k}`),
  );
  let empty = 0;
  for (let k = 0; empty < 3 && k < 60; k++) {
    const text = (names.get(`${nameColumn}${headerRow + 1 + k}`) ?? "").trim();
    if (text === "") empty++;
    else {
      empty = 0;
      if (!rows.has(text)) rows.set(text, headerRow + 1 + k);
    }
  }
  await goTo(page, "A1");
  return { headerRow, columns, rows };
}

export function column(map: TemplateMap, header: string): string {
  const letter = map.columns.get(header);
  if (!letter) throw new Error(`no column “${header}” in the template (have: ${[...map.columns.keys()].join(", ")})`);
  return letter;
}

export function rowOf(map: TemplateMap, indicatorName: string): number {
  const row = map.rows.get(indicatorName);
  if (!row) throw new Error(`no row for “${indicatorName}” in the template`);
  return row;
}

/** The address of an indicator's cell in a column, e.g. at(map, "Number of high-tech enterprises", "2023"). */
export function at(map: TemplateMap, indicatorName: string, header: string): string {
  return `${column(map, header)}${rowOf(map, indicatorName)}`;
}
