/**
 * The template cell staff select, as {indicatorId, year}: watchSelection on the template's sheet
 * (Worksheet.onSelectionChanged) gives the address, the table's header map and rows (the sheet plan
 * the pane store read) turn it into the indicator and the year (selectedFigure.ts). A cell outside the
 * table gives null; a failure to watch is returned, never swallowed.
 */
import { useEffect, useMemo, useState } from "react";
import { toHostError, type HostOperationError } from "../../../excel/excelRun";
import { logFailure } from "../store/operations";
import type { SheetPlan } from "../../../excel/sheetPlan";
import { watchSelection } from "../../../excel/watchSelection";
import { selectedCellAt, type SelectedCell } from "./selectedFigure";

export interface SelectedFigure {
  /** The selected cell of the template (indicator, column, year), or null. */
  cell: SelectedCell | null;
  /** The selection's address on the template's sheet (null before staff select anything there). */
  address: string | null;
  error: HostOperationError | null;
}

export function useSelectedFigure(sheet: SheetPlan | null): SelectedFigure {
  const sheetName = sheet?.snapshot.sheetName ?? null;
  const [address, setAddress] = useState<{ sheet: string; address: string } | null>(null);
  const [error, setError] = useState<HostOperationError | null>(null);

  useEffect(() => {
    if (sheetName === null) return;
    let alive = true;
    let stop: (() => Promise<void>) | null = null;
    watchSelection(sheetName, (a) => {
      if (alive) setAddress({ sheet: sheetName, address: a });
    }).then(
      (watch) => {
        stop = watch.stop;
        if (!alive) {
          void watch.stop().catch((err: unknown) => console.error("watchSelection: unregistering failed", err));
          return;
        }
        setError(null);
        if (watch.initial !== null) setAddress({ sheet: sheetName, address: watch.initial });
      },
      (err: unknown) => {
        logFailure("readSelection", err);
        if (alive) setError(toHostError(err));
      },
    );
    return () => {
      alive = false;
      if (stop) void stop().catch((err: unknown) => console.error("watchSelection: unregistering failed", err));
    };
  }, [sheetName]);

  const current = address !== null && address.sheet === sheetName ? address.address : null;
  const cell = useMemo(() => (sheet && current ? selectedCellAt(sheet, current) : null), [sheet, current]);
  return { cell, address: current, error };
}
