/**
 * The Excel side of the row form (`=PLAN.GAP(C7)`) and of PLAN.DATAYEAR's header-only form: the sheet port
 * the stream hub (rowStreams.ts) reads and watches through — every batch through excelRun.ts (the one door
 * to Excel), read-only, as custom functions must be:
 * - readSheet: the sheet's used range (values, position) and name, in one batch with one sync. All the cells
 *   on a sheet that subscribe together share it (the hub reads a sheet once, then only changed rows);
 * - readBlock: the values of the changed rows (Worksheet.getRangeByIndexes), one batch, one sync;
 * - watch: Worksheet.onChanged (watchChanges.ts), one handler per sheet for all its cells.
 * The used range (not the Excel table) is read so that a template whose table was converted to a plain range
 * is found too, by its header text (TemplateBlock), exactly as the pane and the stand-in find it.
 */
import { runRead } from "../excel/excelRun";
import { watchSheet } from "../excel/watchChanges";
import type { SheetPort, SheetRead } from "./rowStreams";

/** The few members of Excel.Range this module uses (a fake in tests implements just these). */
export interface RangeLike {
  values: unknown[][];
  rowIndex: number;
  columnIndex: number;
  load(propertyNames: string): unknown;
}

export interface WorksheetLike {
  name: string;
  load(propertyNames: string): unknown;
  getUsedRange(valuesOnly?: boolean): RangeLike;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
}

export interface RequestContextLike {
  workbook: { worksheets: { getItem(name: string): WorksheetLike; getActiveWorksheet(): WorksheetLike } };
  sync(): Promise<unknown>;
}

/** A read-only batch runner: excelRun's runRead (the one door to Excel), or a fake of it in tests. */
export type ExcelRun = <T>(batch: (context: RequestContextLike) => Promise<T>) => Promise<T>;

/** `'[Book1]My ''x'' sheet'!B5` → sheet `My 'x' sheet`, cell `B5`; no sheet part → null (the active sheet). */
export function splitAddress(address: string): { sheet: string | null; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, cell: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  sheet = sheet.replace(/^\[[^\]]*\]/, "");
  return { sheet, cell: address.slice(bang + 1).trim() };
}

const defaultRun: ExcelRun = (batch) => runRead((context) => batch(context as unknown as RequestContextLike));

/**
 * The port over Excel. `run` defaults to excelRun's runRead; `watch` to watchChanges' watchSheet
 * (Worksheet.onChanged, the changed address and change type).
 */
export function excelSheetPort(run: ExcelRun = defaultRun, watch: SheetPort["watch"] = watchSheet): SheetPort {
  return {
    readSheet: (sheet) =>
      run(async (context): Promise<SheetRead> => {
        const worksheet =
          sheet === null
            ? context.workbook.worksheets.getActiveWorksheet()
            : context.workbook.worksheets.getItem(sheet);
        worksheet.load("name");
        const used = worksheet.getUsedRange(true);
        used.load("values,rowIndex,columnIndex");
        await context.sync();
        return { name: worksheet.name, values: used.values, rowIndex: used.rowIndex, columnIndex: used.columnIndex };
      }),
    readBlock: (sheet, row, column, rows, columns) =>
      run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, column, rows, columns);
        range.load("values");
        await context.sync();
        return range.values;
      }),
    watch,
  };
}
