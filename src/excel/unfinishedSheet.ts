/**
 * No half-written sheet is left behind. An operation that adds a sheet and then fails to write it (Excel
 * refuses a write at sync; commands before the failing one have already run, nothing is rolled back)
 * removes the sheet it added, in the same batch, and then reports the failure as it was. If the sheet
 * cannot be removed either, the failure says so, naming the sheet, so staff know to delete it themselves.
 */
import { toHostError, HostOperationError } from "./excelRun";

function code(err: unknown): string {
  return err && typeof err === "object" && "code" in err ? String((err as { code: unknown }).code) : "";
}

/**
 * Runs `write` (everything queued and synced after `sheetName` was added by this operation). On failure,
 * deletes that sheet (one more sync) and rethrows the failure; never returns normally from a failure.
 */
export async function writeNewSheet<T>(
  context: Excel.RequestContext,
  sheetName: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    try {
      context.workbook.worksheets.getItem(sheetName).delete();
      await context.sync();
    } catch (cleanup) {
      // ItemNotFound: the failure came before the sheet was added; there is nothing to remove.
      if (code(cleanup) !== "ItemNotFound") {
        const failure = toHostError(err);
        throw new HostOperationError(
          failure.code,
          `${failure.detail} — 未能删除未写完的工作表“${sheetName}”，请手动删除 / ` +
            `the unfinished sheet "${sheetName}" could not be removed; please delete it`,
        );
      }
    }
    throw err;
  }
}
