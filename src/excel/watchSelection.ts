/**
 * Tell the pane which cells staff select on the template's sheet (Worksheet.onSelectionChanged,
 * ExcelApi 1.7, the same set as the onChanged the pane already watches), so it can show the history
 * of the selected figure. The handler gets the selected area's address without the sheet's name
 * ("K8", "K8:L9"), as Excel reports it.
 *
 * Round trips: registering 1, plus 1 to read the active cell now; unregistering 1.
 * When the active cell is on another sheet, `initial` is null: the pane shows no cell until staff
 * select one. A failure to read it is reported (the handler is removed first), never taken for "no cell".
 */
import { parseRangeAddress } from "./a1";
import { removeHandler, runRead } from "./excelRun";

export interface SelectionWatch {
  /** The selection on the sheet when the watch started (address without the sheet's name), or null. */
  initial: string | null;
  /** Unregisters the handler (nothing to do when the sheet was deleted). */
  stop: () => Promise<void>;
}

/** The address without the sheet's name ("'Plan indicators'!K8" → "K8"). */
function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

export async function watchSelection(sheetName: string, onSelect: (address: string) => void): Promise<SelectionWatch> {
  const registration = await runRead(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const handler = sheet.onSelectionChanged.add(async (args) => {
      onSelect(withoutSheet(args.address));
    });
    await context.sync();
    return handler;
  });
  let initial: string | null;
  try {
    initial = await runRead(async (context) => {
      // The active cell: there is one whatever is selected (several areas, a chart or a shape), so this
      // read has no "nothing to show" failure to hide; a failure is a real one, reported to the pane.
      const cell = context.workbook.getActiveCell().load("address");
      await context.sync();
      const address = cell.address;
      return parseRangeAddress(address).sheetName === sheetName ? withoutSheet(address) : null;
    });
  } catch (error) {
    // Not watching after all: the handler just registered is removed before the failure is reported.
    await removeHandler(registration);
    throw error;
  }
  return {
    initial,
    // The sheet was deleted: its handler went with it (removeHandler says nothing). Anything else is reported.
    stop: () => removeHandler(registration),
  };
}
