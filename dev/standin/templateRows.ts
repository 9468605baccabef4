/**
 * The row form of the PLAN functions in the stand-in: the template row of a referenced cell, found the
 * way the Excel host finds it (src/functions/rowLookup.ts): the sheet's used range read as templates
 * by the core's TemplateBlock (the row, its title block's evaluation year, its reference row).
 * One read of the sheet per recalculation.
 */
import { TemplateBlock, type BlockRow } from "../../src/core/templateBlock";
import type { SheetState, WorkbookModel } from "./model";

interface SheetRead {
  generation: number;
  origin: { row: number; col: number };
  block: TemplateBlock;
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
    const read = { generation, origin: { row: used?.row ?? 0, col: used?.col ?? 0 }, block: new TemplateBlock(values) };
    this.cache.set(sheet.id, read);
    return read;
  }

  rowAt(engineSheet: number, row: number, col: number): BlockRow | null {
    const sheet = this.model().sheetByEngineId(engineSheet);
    if (!sheet) return null;
    const read = this.read(sheet);
    return read.block.rowAt(row - read.origin.row, col - read.origin.col);
  }
}
