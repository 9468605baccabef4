/** What a Range proxy resolves to: a block of cells on one sheet. */
import type { Rect } from "./addressing";
import { MAX_COLUMNS, MAX_ROWS, parseAddress } from "./addressing";
import { ErrorCodes, fail } from "./errors";
import type { SheetState, WorkbookModel } from "./model";

export interface CellRange {
  sheet: SheetState;
  rect: Rect;
}

export function checkRect(rect: Rect): Rect {
  if (
    rect.row < 0 ||
    rect.col < 0 ||
    rect.rows < 1 ||
    rect.cols < 1 ||
    rect.row + rect.rows > MAX_ROWS ||
    rect.col + rect.cols > MAX_COLUMNS
  ) {
    fail(ErrorCodes.invalidArgument, "The range is outside the worksheet grid.");
  }
  return rect;
}

/** An address on a sheet, "A1:C3" or with a sheet name "'Plan'!B2" (the sheet must then exist). */
export function resolveAddress(model: WorkbookModel, sheet: SheetState, address: string): CellRange {
  const parsed = parseAddress(address);
  if (!parsed) {
    // A defined name can stand for a range too.
    const named = model.names.find((n) => n.name.toLowerCase() === address.toLowerCase());
    const target = named ? parseAddress(named.formula.slice(1)) : null;
    if (!target) fail(ErrorCodes.invalidArgument, `The address '${address}' is not valid.`);
    const targetSheet = target.sheetName ? model.sheetByName(target.sheetName) : sheet;
    if (!targetSheet) fail(ErrorCodes.invalidReference, `The reference '${named!.formula}' is not valid.`);
    return { sheet: targetSheet, rect: target.rect };
  }
  if (parsed.sheetName !== undefined) {
    const other = model.sheetByName(parsed.sheetName);
    if (!other) fail(ErrorCodes.invalidArgument, `The worksheet '${parsed.sheetName}' doesn't exist.`);
    return { sheet: other, rect: parsed.rect };
  }
  return { sheet, rect: parsed.rect };
}
