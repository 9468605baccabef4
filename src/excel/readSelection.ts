/**
 * The cells staff selected (a plan's indicator table pasted into a sheet), as values: one sync.
 * Texts come back as shown, so "3.3*" and "〔13.5〕" reach the table parser unchanged.
 */
import { runRead } from "./excelRun";

export async function readSelectedValues(): Promise<{ address: string; values: unknown[][] }> {
  return runRead(async (context) => {
    const range = context.workbook.getSelectedRange().load(["address", "values"]);
    await context.sync();
    return { address: range.address, values: range.values };
  });
}
