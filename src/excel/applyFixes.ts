/**
 * Apply the core's safe fixes (full-width digits, "1.47%" typed as text, a percentage typed as a
 * fraction) after the user confirmed the preview. Two syncs: re-read the table body, then write
 * only the cells that still hold exactly what the preview showed; cells changed meanwhile are
 * left alone and counted.
 */
import { parseRangeAddress } from "./a1";
import { runWrite } from "./excelRun";

export interface CellFix {
  /** Cell address on the template's sheet, e.g. "K8". */
  address: string;
  /** The value as read when the preview was made. */
  before: unknown;
  after: number;
  /** Number format to give the cell with its new value (a fraction fixed to 1.47 must not show as 147%). */
  numberFormat?: string;
}

export interface FixOutcome {
  applied: string[];
  skipped: string[];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
  return a === b;
}

export async function applyFixes(tableName: string, fixes: readonly CellFix[]): Promise<FixOutcome> {
  if (fixes.length === 0) return { applied: [], skipped: [] };
  return runWrite(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const body = table.getDataBodyRange().load(["address", "values"]);
    await context.sync();

    const block = parseRangeAddress(body.address);
    const applied: string[] = [];
    const skipped: string[] = [];
    for (const fix of fixes) {
      const cell = parseRangeAddress(fix.address);
      const r = cell.firstRow - block.firstRow;
      const c = cell.firstColumn - block.firstColumn;
      const now = body.values[r]?.[c];
      if (r < 0 || c < 0 || !sameValue(now, fix.before)) {
        skipped.push(fix.address);
        continue;
      }
      const range = body.getCell(r, c);
      if (fix.numberFormat) range.numberFormat = [[fix.numberFormat]];
      range.values = [[fix.after]];
      applied.push(fix.address);
    }
    if (applied.length > 0) await context.sync();
    return { applied, skipped };
  });
}
