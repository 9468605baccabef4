/**
 * The Excel side of the row form (`=PLAN.GAP(B5)`): from the address Excel hands over
 * (`@requiresParameterAddresses`) to the template row of that cell.
 *
 * Batched like a DataLoader: every lookup requested in the same tick (Excel calculates a batch of
 * formulas together) waits for one flush, which makes ONE batch (excelRun's runRead) and ONE context.sync for all of
 * them: per referenced sheet it loads the used range once (values, position), plus the position of
 * each referenced cell. Header rows are then found in memory, so 5 functions × 1,000 indicator rows
 * still cost one round trip per recalculation.
 *
 * The used range (not the Excel table) is read because finding "the table that contains this cell"
 * needs a first sync before the table's rows can be asked for; reading by header text also finds a
 * template whose table was converted to a plain range. Read-only, as custom functions must be.
 */
import { TemplateBlock, type BlockRow } from "../core/templateBlock";

/** The few members of Excel.Range this module uses (a fake in tests implements just these). */
export interface RangeLike {
  values: unknown[][];
  rowIndex: number;
  columnIndex: number;
  load(propertyNames: string): unknown;
}

export interface WorksheetLike {
  getRange(address: string): RangeLike;
  getUsedRange(valuesOnly?: boolean): RangeLike;
}

export interface RequestContextLike {
  workbook: { worksheets: { getItem(name: string): WorksheetLike; getActiveWorksheet(): WorksheetLike } };
  sync(): Promise<unknown>;
}

/** A read-only batch runner: excelRun's runRead (the one door to Excel), or a fake of it in tests. */
export type ExcelRun = <T>(batch: (context: RequestContextLike) => Promise<T>) => Promise<T>;

/** When a queued batch is flushed: by default on the next macrotask, after Excel's whole batch of calls has queued. */
export type Scheduler = (flush: () => void) => void;

export interface RowReader {
  /** The template row of the cell at `address` (`Sheet1!B5`, `'My sheet'!B5`), or null when the cell is in none. */
  read(address: string): Promise<BlockRow | null>;
}

interface Pending {
  address: string;
  resolve: (row: BlockRow | null) => void;
  reject: (error: unknown) => void;
}

/** `'[Book1]My ''x'' sheet'!B5` → sheet `My 'x' sheet`, cell `B5`; no sheet part → null (the active sheet). */
export function splitAddress(address: string): { sheet: string | null; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, cell: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  sheet = sheet.replace(/^\[[^\]]*\]/, "");
  return { sheet, cell: address.slice(bang + 1).trim() };
}

interface SheetRead {
  used: RangeLike;
  /** Filled after the sync: the sheet's templates, each row read at most once per batch. */
  block?: TemplateBlock;
}

/** The template row of `cell` within its sheet's used range (both loaded), or null. */
function rowOf(sheet: SheetRead, cell: RangeLike): BlockRow | null {
  sheet.block ??= new TemplateBlock(sheet.used.values);
  return sheet.block.rowAt(cell.rowIndex - sheet.used.rowIndex, cell.columnIndex - sheet.used.columnIndex);
}

export function createRowReader(run: ExcelRun, schedule: Scheduler = (flush) => setTimeout(flush, 0)): RowReader {
  let queue: Pending[] = [];

  async function flush(): Promise<void> {
    const batch = queue;
    queue = [];
    try {
      const rows = await run(async (context) => {
        const sheets = new Map<string, SheetRead & { worksheet: WorksheetLike }>();
        const cells = new Map<string, { sheet: SheetRead; range: RangeLike }>();
        for (const { address } of batch) {
          if (cells.has(address)) continue;
          const { sheet: name, cell } = splitAddress(address);
          const sheetKey = name ?? "";
          let sheet = sheets.get(sheetKey);
          if (!sheet) {
            const worksheet =
              name === null
                ? context.workbook.worksheets.getActiveWorksheet()
                : context.workbook.worksheets.getItem(name);
            const used = worksheet.getUsedRange(true);
            used.load("values,rowIndex,columnIndex");
            sheet = { worksheet, used };
            sheets.set(sheetKey, sheet);
          }
          const range = sheet.worksheet.getRange(cell);
          range.load("rowIndex,columnIndex");
          cells.set(address, { sheet, range });
        }
        await context.sync();
        return batch.map(({ address }) => {
          const found = cells.get(address);
          return found ? rowOf(found.sheet, found.range) : null;
        });
      });
      batch.forEach((p, i) => p.resolve(rows[i] ?? null));
    } catch (error) {
      batch.forEach((p) => p.reject(error));
    }
  }

  return {
    read(address) {
      return new Promise<BlockRow | null>((resolve, reject) => {
        queue.push({ address, resolve, reject });
        if (queue.length === 1) schedule(() => void flush());
      });
    },
  };
}
