/**
 * The stand-in's side of the PLAN functions' stream hub (src/functions/rowStreams.ts): what Excel's side
 * (src/functions/rowLookup.ts) reads with Worksheet.getUsedRange(true) and getRangeByIndexes and watches with
 * Worksheet.onChanged, read here straight from the workbook model — synchronously, so a streaming cell has its
 * first result within its call (Excel's first result comes after a round trip; the cell shows #BUSY! until
 * then) — and watched through the stand-in's own event hub, so changes arrive as Excel delivers onChanged:
 * after the change, on a later task, with the changed address and change type.
 */
import type { SheetPort, SheetRead } from "../../src/functions/rowStreams";
import { ErrorCodes, StandinError } from "./errors";
import type { EventHub } from "./events";
import type { SheetState, WorkbookModel } from "./model";

export function standinSheetPort(model: () => WorkbookModel, events: () => EventHub): SheetPort {
  const sheetOf = (name: string | null): SheetState => {
    const m = model();
    const sheet = name === null ? m.sheetById(m.activeSheetId) : m.sheetByName(name);
    if (!sheet) throw new StandinError(ErrorCodes.itemNotFound, `The sheet '${name ?? ""}' does not exist.`);
    return sheet;
  };
  const block = (sheet: SheetState, row: number, col: number, rows: number, cols: number): unknown[][] =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => model().engine.valueDuringCalculation(sheet.engineId, row + r, col + c)),
    );
  return {
    readSheet(name): SheetRead {
      const sheet = sheetOf(name);
      const used = model().usedRect(sheet, true);
      if (!used) return { name: sheet.name, values: [[""]], rowIndex: 0, columnIndex: 0 };
      return {
        name: sheet.name,
        values: block(sheet, used.row, used.col, used.rows, used.cols),
        rowIndex: used.row,
        columnIndex: used.col,
      };
    },
    readBlock(name, row, column, rows, columns) {
      return block(sheetOf(name), row, column, rows, columns);
    },
    watch(name, onChange) {
      const sheet = sheetOf(name);
      const hub = events();
      const id = hub.register("worksheet", sheet.id, (args) =>
        onChange({ address: String(args.address), changeType: String(args.changeType) }),
      );
      return () => hub.unregister(id);
    },
  };
}
