/**
 * The template cell staff select, as {indicatorId, year}: the pane store follows the selection on the
 * template's sheet (sheetFollower.ts, Worksheet.onSelectionChanged) and this turns its address into the
 * indicator and the year through the table's header map and rows (selectedFigure.ts). A cell outside
 * the table gives null; a failure to watch the selection is the store's `selectionError`, shown by the
 * history section.
 */
import { useMemo } from "react";
import type { SheetPlan } from "../../../excel/sheetPlan";
import type { PaneState } from "../store/paneState";
import { selectedCellAt, type SelectedCell } from "./selectedFigure";

export interface SelectedFigure {
  /** The selected cell of the template (indicator, column, year), or null. */
  cell: SelectedCell | null;
  /** The selection's address on the template's sheet (null before staff select anything there). */
  address: string | null;
}

export function useSelectedFigure(sheet: SheetPlan, selection: PaneState["selection"]): SelectedFigure {
  const current = selection !== null && selection.sheet === sheet.snapshot.sheetName ? selection.address : null;
  const cell = useMemo(() => (current ? selectedCellAt(sheet, current) : null), [sheet, current]);
  return { cell, address: current };
}
