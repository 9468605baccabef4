/**
 * The row form of the PLAN functions in the stand-in: the template row of a referenced cell, found the
 * way the Excel host finds it (src/functions/rowLookup.ts): in the sheet's used range, under the nearest
 * template header row above, within that header's span. One read of the sheet per recalculation.
 */
import { headerRowIndexes, readTemplateRow, type TemplateRow } from "../../src/core/templateLayout";
import type { SheetState, WorkbookModel } from "./model";

interface SheetRead {
  generation: number;
  origin: { row: number; col: number };
  values: unknown[][];
  headerOf: Array<number | null>;
  /** Rows already read in this pass (every PLAN function of a row asks for the same row). */
  rows: Map<number, TemplateRow | null>;
}

export class TemplateRowReader {
  private cache = new Map<string, SheetRead>();

  constructor(private readonly model: () => WorkbookModel) {}

  private read(sheet: SheetState): SheetRead {
    const model = this.model();
    const generation = model.engine.generation;
    const cached = this.cache.get(sheet.id);
    if (cached && cached.generation === generation) return cached;
    const used = model.usedRect(sheet, true);
    const values = used
      ? Array.from({ length: used.rows }, (_, r) =>
          Array.from({ length: used.cols }, (_, c) =>
            model.engine.valueDuringCalculation(sheet.engineId, used.row + r, used.col + c),
          ),
        )
      : [];
    const read = {
      generation,
      origin: { row: used?.row ?? 0, col: used?.col ?? 0 },
      values,
      headerOf: headerRowIndexes(values),
      rows: new Map(),
    };
    this.cache.set(sheet.id, read);
    return read;
  }

  rowAt(engineSheet: number, row: number, col: number): TemplateRow | null {
    const sheet = this.model().sheetByEngineId(engineSheet);
    if (!sheet) return null;
    const read = this.read(sheet);
    const r = row - read.origin.row;
    const c = col - read.origin.col;
    if (r < 0 || r >= read.values.length || c < 0) return null;
    const h = read.headerOf[r];
    if (h === null || h === undefined) return null;
    const headers = read.values[h] ?? [];
    const filled = headers.map((v, i) => (v === null || v === undefined || v === "" ? -1 : i)).filter((i) => i >= 0);
    if (filled.length === 0 || c < filled[0]! || c > filled[filled.length - 1]!) return null;
    if (!read.rows.has(r)) read.rows.set(r, readTemplateRow(headers, read.values[r] ?? []));
    return read.rows.get(r) ?? null;
  }
}
