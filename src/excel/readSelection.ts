/**
 * The cells staff selected (a plan's indicator table pasted into a sheet): one sync.
 * Texts come back as typed, so "3.3*" and "〔13.5〕" reach the table parser unchanged, and numbers
 * Excel turned into percentages (7% → 0.07) come back as the "7%" the table printed (pastedCells.ts).
 */
import { asPrinted } from "../core/pastedCells";
import { runRead } from "./excelRun";

export async function readSelectedValues(): Promise<{ address: string; values: unknown[][] }> {
  return runRead(async (context) => {
    const range = context.workbook.getSelectedRange().load(["address", "values", "numberFormat"]);
    await context.sync();
    return { address: range.address, values: asPrinted(range.values, range.numberFormat) };
  });
}
