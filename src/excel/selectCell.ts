/** Take the user to a cell or row of the template: activate its sheet and select it (one sync). */
import { runRead } from "./excelRun";

export async function selectRange(sheetName: string, address: string): Promise<void> {
  await runRead(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}
