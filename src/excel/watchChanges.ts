/**
 * Tell a listener when a sheet changes (Worksheet.onChanged, ExcelApi 1.7): the pane's summary follows
 * what staff type without a refresh button, and the PLAN functions' row form pushes new results
 * (rowStreams.ts). The listener gets the changed area's address without the sheet's name ("K8", "A6:AF9")
 * and the kind of change ("RangeEdited", "RowInserted" …), as Excel reports them
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetchangedeventargs).
 * Returns a function that unregisters the handler. Round trips: 1 to register, 1 to unregister.
 */
import { removeHandler, runRead } from "./excelRun";

export interface SheetChange {
  /** The changed area, without the sheet's name. */
  address: string;
  /** Excel.DataChangeType: "RangeEdited", "RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted", "Unknown". */
  changeType: string;
}

export async function watchSheet(
  sheetName: string,
  onChange: (change: SheetChange) => void,
): Promise<() => Promise<void>> {
  const registration = await runRead(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const handler = sheet.onChanged.add(async (args) => {
      onChange({ address: args.address, changeType: String(args.changeType) });
    });
    await context.sync();
    return handler;
  });
  return () => removeHandler(registration);
}
