/**
 * An in-memory fake of the few Excel JS members the row form's sheet port uses (Excel.run,
 * RequestContext.sync, worksheets.getItem/getActiveWorksheet, Worksheet.name/getUsedRange/getRangeByIndexes/
 * onChanged, Range.values/rowIndex/columnIndex), with Excel's load → sync → read rule, a counter of
 * Excel.run calls and syncs, and edits that raise onChanged as Excel does (later, with the address).
 */
import type { RequestContextLike } from "../../src/functions/rowLookup";

type Grid = unknown[][];

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B5" or "B5:D7" → top-left 0-based row and column. */
function topLeft(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(address);
  if (!m) throw new Error(`InvalidArgument: ${address}`);
  return { row: Number(m[2]) - 1, col: columnNumber(m[1]!) };
}

class FakeRange {
  private loaded = new Set<string>();
  private synced = false;
  constructor(
    private readonly grid: () => Grid,
    private readonly box: () => { row: number; col: number; rows: number; cols: number },
    private readonly context: FakeContext,
  ) {}

  load(propertyNames: string): this {
    for (const p of propertyNames.split(",")) this.loaded.add(p.trim());
    this.context.pending.push(this);
    return this;
  }

  /** Called by sync: the values as they are now. */
  snapshot(): void {
    const b = this.box();
    const g = this.grid();
    this._rowIndex = b.row;
    this._columnIndex = b.col;
    this._values = Array.from({ length: b.rows }, (_, r) =>
      Array.from({ length: b.cols }, (_, c) => g[b.row + r]?.[b.col + c] ?? ""),
    );
    this.synced = true;
  }

  private _values: unknown[][] = [];
  private _rowIndex = 0;
  private _columnIndex = 0;

  private check(name: string): void {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: ${name} was not loaded`);
    if (!this.synced) throw new Error(`PropertyNotLoaded: context.sync() was not called before reading ${name}`);
  }
  get values(): unknown[][] {
    this.check("values");
    return this._values;
  }
  get rowIndex(): number {
    this.check("rowIndex");
    return this._rowIndex;
  }
  get columnIndex(): number {
    this.check("columnIndex");
    return this._columnIndex;
  }
}

class FakeContext implements RequestContextLike {
  pending: FakeRange[] = [];
  failures: string[] = [];
  constructor(private readonly book: FakeWorkbook) {}

  private sheet(name: string) {
    const book = this.book;
    const grid = () => book.sheets[name] ?? [];
    const missing = () => {
      // Excel fails the whole batch at sync when a queued getItem named no sheet.
      if (!(name in book.sheets)) this.failures.push(`ItemNotFound: ${name}`);
    };
    let loadedName = false;
    return {
      get name(): string {
        if (!loadedName) throw new Error("PropertyNotLoaded: name");
        return name;
      },
      load: (props: string) => {
        if (props.split(",").includes("name")) loadedName = true;
      },
      getRange: (address: string) => {
        const { row, col } = topLeft(address);
        return new FakeRange(grid, () => ({ row, col, rows: 1, cols: 1 }), this);
      },
      getUsedRange: () => {
        missing();
        return new FakeRange(grid, () => usedBox(grid()), this);
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
        missing();
        return new FakeRange(grid, () => ({ row, col, rows, cols }), this);
      },
      onChanged: {
        add: (handler: (args: { address: string; changeType: string }) => Promise<unknown>) => {
          missing();
          (book.handlers[name] ??= []).push(handler);
          return {
            context: this, // the handler keeps the context it was added with
            remove: () => {
              book.handlers[name] = (book.handlers[name] ?? []).filter((h) => h !== handler);
            },
          };
        },
      },
    };
  }

  workbook = {
    worksheets: {
      getItem: (name: string) => this.sheet(name),
      getActiveWorksheet: () => this.sheet(this.book.active),
    },
  };

  async sync(): Promise<void> {
    this.book.syncs += 1;
    await Promise.resolve();
    const failure = this.failures[0];
    if (failure) throw new Error(failure);
    for (const r of this.pending) r.snapshot();
    this.pending = [];
  }
}

/** The smallest box holding every non-blank cell; A1 alone for an empty sheet, as Excel answers. */
function usedBox(g: Grid): { row: number; col: number; rows: number; cols: number } {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  g.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return { row: 0, col: 0, rows: 1, cols: 1 };
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

export class FakeWorkbook {
  runs = 0;
  syncs = 0;
  handlers: Record<string, Array<(args: { address: string; changeType: string }) => Promise<unknown>>> = {};
  constructor(
    public sheets: Record<string, Grid>,
    public active = Object.keys(sheets)[0] ?? "Sheet1",
  ) {}

  /** Excel.run(batch) or Excel.run(options, batch), as excelRun's runRead calls it ({ delayForCellEdit: true }). */
  /** Staff type into a cell: the grid changes, then onChanged handlers of that sheet run on a later task. */
  async edit(sheet: string, address: string, value: unknown, changeType = "RangeEdited"): Promise<void> {
    const [row, col] = cellIndex(address);
    const grid = (this.sheets[sheet] ??= []);
    while (grid.length <= row) grid.push([]);
    grid[row]![col] = value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all((this.handlers[sheet] ?? []).map((h) => h({ address, changeType })));
  }

  run = async <T>(...args: [unknown, ((context: RequestContextLike) => Promise<T>)?]): Promise<T> => {
    const batch = (args.length > 1 ? args[1] : args[0]) as (context: RequestContextLike) => Promise<T>;
    this.runs += 1;
    return batch(new FakeContext(this));
  };
}

/** "C5" → [row, col] 0-based, for tests that edit cells. */
export function cellIndex(address: string): [number, number] {
  const { row, col } = topLeft(address);
  return [row, col];
}

export function columnLetter(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
