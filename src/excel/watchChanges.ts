/**
 * Tell the pane when the template's sheet changes (worksheet onChanged), so its summary follows
 * what staff type without a refresh button. Returns a function that unregisters the handler.
 */
import { runRead, toHostError } from "./excelRun";

export async function watchSheet(sheetName: string, onChange: () => void): Promise<() => Promise<void>> {
  const registration = await runRead(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const handler = sheet.onChanged.add(async () => {
      onChange();
    });
    await context.sync();
    return handler;
  });
  return async () => {
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    }).catch((error: unknown) => {
      // The sheet was deleted: its handler went with it, nothing is left to unregister. Anything else is reported.
      if (toHostError(error).code !== "templateNotFound") throw error;
    });
  };
}
