/**
 * The template's sheet as the pane follows it: its edits (Worksheet.onChanged → the store reads the sheet
 * again, debounced) and the cell staff select there (Worksheet.onSelectionChanged → the selected figure's
 * history). Both handlers are registered on one sheet at a time and removed when the pane follows another
 * sheet or closes, so no handler is left behind on a sheet the pane no longer shows.
 *
 * A failure to watch the selection does not stop the pane from following edits: it is logged and handed
 * to `onSelectionError` (the history section says it), never taken for "nothing selected".
 */
import { toHostError, type HostOperationError } from "../../../excel/excelRun";
import { watchSheet } from "../../../excel/watchChanges";
import { watchSelection } from "../../../excel/watchSelection";
import { logFailure } from "./operations";

export interface SheetFollowerEvents {
  /** The sheet changed (an edit, a paste …). */
  onEdit: () => void;
  /** Staff selected `address` (without the sheet's name) on `sheet`; also the selection when following starts. */
  onSelect: (selection: { sheet: string; address: string } | null) => void;
  /** Watching the selection failed (null: it works again, after following another sheet). */
  onSelectionError: (error: HostOperationError | null) => void;
}

export interface SheetFollower {
  /** Follows `sheetName` (nothing to do when it already does). */
  follow(sheetName: string): Promise<void>;
  /** Stops following: both handlers are removed. */
  stop(): Promise<void>;
}

export function createSheetFollower(events: SheetFollowerEvents): SheetFollower {
  let followed: string | null = null;
  let stopped = false;
  let stops: Array<() => Promise<void>> = [];

  async function unwatchAll(): Promise<void> {
    const pending = stops;
    stops = [];
    for (const stop of pending) await stop();
  }

  /** Keeps `stop` when still following `sheetName`; otherwise unregisters it at once. */
  async function keep(sheetName: string, stop: () => Promise<void>): Promise<boolean> {
    if (!stopped && followed === sheetName) {
      stops.push(stop);
      return true;
    }
    await stop();
    return false;
  }

  return {
    async follow(sheetName) {
      if (stopped || followed === sheetName) return;
      followed = sheetName;
      events.onSelect(null);
      await unwatchAll();
      let unwatchEdits: () => Promise<void>;
      try {
        unwatchEdits = await watchSheet(sheetName, events.onEdit);
      } catch (err) {
        // Not following after all: the next reload tries again (the caller reports the failure).
        if (followed === sheetName) followed = null;
        throw err;
      }
      await keep(sheetName, unwatchEdits);
      try {
        const watch = await watchSelection(sheetName, (address) => {
          if (followed === sheetName) events.onSelect({ sheet: sheetName, address });
        });
        if (await keep(sheetName, watch.stop)) {
          events.onSelectionError(null);
          if (watch.initial !== null) events.onSelect({ sheet: sheetName, address: watch.initial });
        }
      } catch (err) {
        logFailure("readSelection", err);
        if (followed === sheetName) events.onSelectionError(toHostError(err));
      }
    },
    async stop() {
      stopped = true;
      followed = null;
      await unwatchAll();
    },
  };
}
