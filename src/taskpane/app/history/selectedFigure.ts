/**
 * Which figure staff selected (pure): the selected cell mapped to the template's indicator row and
 * column through the table's header map, and what the pane shows for it — the value the cell holds
 * beside the record the workbook keeps (src/core/figureHistory.ts).
 */
import { figureRecord, type FigureRecordView } from "../../../core/figureHistory";
import type { Indicator, Plan } from "../../../core/planSchema";
import { isBlankCell, type ColumnKey } from "../../../core/templateLayout";
import { columnLetters, parseRangeAddress } from "../../../excel/a1";
import type { SheetPlan } from "../../../excel/sheetPlan";

export interface SelectedCell {
  /** The selection's top-left cell, e.g. "K8". */
  address: string;
  indicatorId: string;
  /** The column's key (y2023, target, adjustedTarget …). */
  columnKey: ColumnKey;
  /** The column's header as the sheet shows it (2023年, 目标值). */
  header: string;
  /** The year of a yearly figure column, else null. */
  year: number | null;
  /** 0-based row of the table's body. */
  bodyRow: number;
  /** 0-based column of the table. */
  tableColumn: number;
}

export type SheetLayout = Pick<SheetPlan, "rowOf" | "headerMap" | "snapshot">;

const WHOLE_ROWS_OR_COLUMNS = /^(\$?\d+:\$?\d+|\$?[A-Za-z]+:\$?[A-Za-z]+)$/;

/** The template cell at `address` ("K8", "K8:L9", "'规划指标'!K8"), or null outside the table's rows and columns. */
export function selectedCellAt(sheet: SheetLayout, address: string | null): SelectedCell | null {
  if (!address) return null;
  // Whole rows or columns ("5:5", "A:A", as Excel reports a row or column selection): no single figure.
  if (WHOLE_ROWS_OR_COLUMNS.test(address.slice(address.lastIndexOf("!") + 1))) return null;
  const block = parseRangeAddress(address);
  const { body, headers } = sheet.snapshot;
  const bodyRow = block.firstRow - body.firstRow;
  const tableColumn = block.firstColumn - body.firstColumn;
  if (bodyRow < 0 || bodyRow >= sheet.snapshot.values.length || tableColumn < 0 || tableColumn >= headers.length)
    return null;
  let indicatorId: string | null = null;
  for (const [id, row] of sheet.rowOf) if (row === block.firstRow) indicatorId = id;
  if (indicatorId === null) return null;
  const entry = (Object.entries(sheet.headerMap) as Array<[ColumnKey, number]>).find(([, i]) => i === tableColumn);
  if (!entry) return null;
  const [columnKey] = entry;
  const year = /^y\d{4}$/.test(columnKey) ? Number(columnKey.slice(1)) : null;
  const header = headers[tableColumn];
  return {
    address: `${columnLetters(block.firstColumn)}${block.firstRow}`,
    indicatorId,
    columnKey,
    header: typeof header === "string" || typeof header === "number" ? String(header) : columnKey,
    year,
    bodyRow,
    tableColumn,
  };
}

/**
 * recorded: the cell shows the recorded figure; pending: a value not recorded yet (new or a revision);
 * cleared: the cell is blank but the workbook keeps the last value; unreadable: text that is not a
 * number; rowBlocked: another cell of the row (its target, say) must be fixed before the row's figures
 * are read; empty: nothing typed and nothing recorded.
 */
export type FigureCellState = "recorded" | "pending" | "cleared" | "unreadable" | "rowBlocked" | "empty";

export interface FigureCellView {
  address: string;
  indicatorId: string;
  indicator: Pick<Indicator, "name" | "unit">;
  year: number;
  /** The figure the sheet's cell holds, as read (null when blank or unreadable). */
  sheetValue: number | null;
  /** What the cell holds, as text (for an unreadable one). */
  cellText: string;
  state: FigureCellState;
  /** rowBlocked: the cell to fix first (its address and header). */
  blockedBy?: { address: string | null; header: string };
  record: FigureRecordView;
}

/**
 * What the history panel shows for a selected figure cell. `stored`: the plan the workbook records
 * (the latest recording's, else the one read with the sheet).
 */
export function figureCellView(
  sheet: SheetPlan,
  stored: Plan | null,
  cell: SelectedCell | null,
): FigureCellView | null {
  if (!cell || cell.year === null) return null;
  const indicator = sheet.plan.indicators.find((i) => i.id === cell.indicatorId);
  if (!indicator) return null;
  const raw = sheet.snapshot.values[cell.bodyRow]?.[cell.tableColumn];
  const sheetValue = indicator.actuals[String(cell.year)]?.value ?? null;
  const record = figureRecord(stored, cell.indicatorId, cell.year);
  const current = record.current;
  const blocked = sheet.blocked.get(cell.indicatorId);
  const rowBlocked = blocked !== undefined && !/^y\d{4}$/.test(blocked.key);
  let state: FigureCellState;
  if (isBlankCell(raw)) state = current ? "cleared" : "empty";
  else if (sheetValue === null) state = rowBlocked ? "rowBlocked" : "unreadable";
  else state = current && current.value === sheetValue ? "recorded" : "pending";
  return {
    address: cell.address,
    indicatorId: cell.indicatorId,
    indicator,
    year: cell.year,
    sheetValue,
    cellText: raw === null || raw === undefined ? "" : String(raw),
    state,
    ...(state === "rowBlocked" && blocked ? { blockedBy: { address: blocked.address, header: blocked.header } } : {}),
    record,
  };
}
