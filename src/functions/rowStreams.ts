/**
 * The streams behind the row form (`=PLAN.GAP(C7)`) and the template's evaluation year
 * (`=PLAN.DATAYEAR($A$5:$AF$5)` in C3): instead of being volatile — recalculated by Excel on every edit
 * anywhere, 5 functions × every indicator row each time — each such cell is a streaming function
 * (custom functions `stream: true`): Excel calls it once, and it pushes a new result (setResult) only
 * when what it reads changes. Docs: "Make a streaming function" and "Canceling a function",
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/custom-functions-web-reqs
 *
 * Per sheet, one hub keeps:
 * - a copy of the sheet's used range (one read when the first cell on that sheet subscribes), from which
 *   TemplateBlock finds each cell's template row, its evaluation year and reference row — the same reading
 *   as rowLookup.ts, the pane and the stand-in;
 * - one change handler (Worksheet.onChanged) for all the cells on that sheet. A change outside every
 *   template area of the sheet costs nothing (no read, no evaluation). A change inside reads just the changed
 *   rows (one round trip for all changes queued in the same tick), then re-evaluates only the cells whose row
 *   changed (and rows with a relative target) — or every cell of the template when its evaluation year
 *   changed — and pushes a result only where it differs from the last one pushed.
 * Insertions and deletions of rows or columns re-read the whole sheet. The last cell on a sheet to go
 * (Excel cancels a streaming function when its formula is edited or deleted, or its arguments change)
 * unregisters the handler and drops the copy.
 *
 * What it cannot see: a value that changes without an edit of its cell (a figure typed as a formula that
 * refers to another sheet) is picked up at the next edit of the row. Read-only, as custom functions must be.
 * Host-neutral: the Excel side of the port is excelHost.ts (through excelRun.ts); the stand-in has its own.
 */
import { bodyRows, findEvaluationYearCell, TemplateBlock, type BlockRow } from "../core/templateBlock";
import { isBlankCell, isTemplateHeader } from "../core/templateLayout";
import { latestEnteredYear } from "../core/templateRow";
import type { CellResult } from "./planFunctions";
import { splitAddress } from "./rowLookup";

/** A value now (a synchronous host such as the stand-in) or later (Excel). */
export type MaybePromise<T> = T | Promise<T>;

/** A sheet's used range as read: values and where it starts (0-based sheet row and column). */
export interface SheetRead {
  name: string;
  values: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

export interface SheetChangeEvent {
  /** The changed area without the sheet's name ("K8", "A6:AF9"). */
  address: string;
  /** Excel.DataChangeType ("RangeEdited", "RowInserted" …). */
  changeType: string;
}

/** What the hub needs from the host: reads, and a change handler per sheet. */
export interface SheetPort {
  /** The used range of a sheet (the active sheet when `sheet` is null). */
  readSheet(sheet: string | null): MaybePromise<SheetRead>;
  /** The values of a block of the sheet (0-based sheet row and column, sizes ≥ 1). */
  readBlock(sheet: string, row: number, column: number, rows: number, columns: number): MaybePromise<unknown[][]>;
  /** Calls `onChange` after each change of the sheet's cells; resolves to a function that stops it. */
  watch(
    sheet: string,
    onChange: (change: SheetChangeEvent) => MaybePromise<void>,
  ): MaybePromise<() => MaybePromise<void>>;
}

/** What a subscribed cell can ask about the cell its first argument refers to. */
export interface CellLookup {
  /** The template row of that cell (row form), or null when it is in none. */
  rowAt(): BlockRow | null;
  /** When that cell is in a template's header row: the latest year with a readable figure below it (null: none). */
  dataYearAt(): { year: number | null } | null;
}

export interface StreamSubscription {
  /** The referenced cell, as Excel gives it in parameterAddresses ("'Plan indicators'!C7", "Sheet1!$A$5:$AF$5"). */
  address: string;
  /** The cell's result from what the reference finds; called on the first read and whenever that may have changed. */
  compute(lookup: CellLookup): CellResult;
  /** Sends a result to the cell (StreamingInvocation.setResult). Called only when it differs from the last. */
  push(result: CellResult): void;
}

export interface StreamStats {
  /** Port reads: whole sheets and blocks of changed rows. */
  sheetReads: number;
  blockReads: number;
  /** Subscribed cells evaluated again after a change (not counting their first evaluation). */
  recomputed: number;
  /** Results sent to cells after their first (setResult calls for changes). */
  pushes: number;
}

export interface StreamHub {
  /** Starts following a cell; the returned function stops (the invocation's onCanceled). */
  subscribe(subscription: StreamSubscription): () => void;
  readonly stats: StreamStats;
  /** Cells subscribed now, on all sheets. */
  readonly size: number;
  /** Resolves once every read and re-evaluation started so far is done (tests, the bench). */
  idle(): Promise<void>;
}

export interface StreamHubOptions {
  /** When queued changes are handled (default: the next macrotask, after Excel's burst of events). */
  schedule?: Scheduler;
  /** The message a cell shows when its sheet cannot be read (default: the host's own words). */
  failure?: (detail: string) => string;
}

interface Sub {
  spec: StreamSubscription;
  /** 0-based sheet row and column of the referenced cell (the top-left cell of a range). */
  row: number;
  column: number;
  last: CellResult | undefined;
  live: boolean;
}

interface TemplateState {
  /** The evaluation year and data year the template's cells were last evaluated with. */
  year: string;
}

interface SheetState {
  name: string;
  subs: Set<Sub>;
  snapshot: SheetRead | null;
  block: TemplateBlock | null;
  templates: Map<number, TemplateState>;
  stopWatching: (() => MaybePromise<void>) | null;
  /** Changes not yet handled (coalesced until the next flush). */
  pending: SheetChangeEvent[];
  flushScheduled: Promise<void> | null;
  /** Serialises reads and re-evaluations of this sheet. */
  work: Promise<void>;
  /** Subscriptions waiting for the first read. */
  waiting: Sub[];
  reading: boolean;
}

/** When queued changes are handled: by default on the next macrotask, after Excel's burst of events. */
export type Scheduler = (run: () => void) => void;

function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === "function";
}

/** `f(value)` now when the value is here, else when it arrives. */
function then<T, U>(value: MaybePromise<T>, f: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromise(value) ? value.then(f) : f(value);
}

function sameResult(a: CellResult | undefined, b: CellResult): boolean {
  if (a === undefined) return false;
  if (typeof a === "object" && typeof b === "object") return a.error === b.error && a.message === b.message;
  return Object.is(a, b);
}

/** "C7", "$A$5:$AF$5" → the top-left cell and the block (0-based); null when it is not an A1 reference. */
export function cellBlock(ref: string): { row: number; column: number; rows: number; columns: number } | null {
  const parts = ref.replace(/\$/g, "").toUpperCase().split(":");
  const cells = parts.map((p) => /^([A-Z]{1,3})(\d{1,7})$/.exec(p));
  if (cells.length < 1 || cells.length > 2 || cells.some((c) => !c)) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [a, b = a] = cells as RegExpExecArray[];
  const r0 = Number(a![2]) - 1;
  const r1 = Number(b![2]) - 1;
  const c0 = col(a![1]!);
  const c1 = col(b![1]!);
  return {
    row: Math.min(r0, r1),
    column: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    columns: Math.abs(c1 - c0) + 1,
  };
}

/** The area of each template on the sheet that its cells depend on: its title rows, header and body (+1 row to grow). */
function templateAreas(
  values: readonly (readonly unknown[])[],
): Array<{ header: number; lastRow: number; lastColumn: number }> {
  const areas: Array<{ header: number; lastRow: number; lastColumn: number }> = [];
  values.forEach((cells, r) => {
    if (!isTemplateHeader(cells)) return;
    let lastColumn = -1;
    cells.forEach((v, c) => {
      if (!isBlankCell(v)) lastColumn = c;
    });
    areas.push({ header: r, lastRow: r + bodyRows(values, r).length + 1, lastColumn });
  });
  return areas;
}

export function createStreamHub(port: SheetPort, options: StreamHubOptions = {}): StreamHub {
  const schedule: Scheduler = options.schedule ?? ((run) => setTimeout(run, 0));
  const failure = options.failure ?? ((detail: string) => detail);
  const sheets = new Map<string, SheetState>();
  const stats: StreamStats = { sheetReads: 0, blockReads: 0, recomputed: 0, pushes: 0 };

  function lookupFor(state: SheetState, sub: Sub): CellLookup {
    const snapshot = state.snapshot!;
    const r = sub.row - snapshot.rowIndex;
    const c = sub.column - snapshot.columnIndex;
    return {
      rowAt: () => state.block!.rowAt(r, c),
      dataYearAt: () => {
        const cells = snapshot.values[r];
        if (!cells || c < 0 || !isTemplateHeader(cells)) return null;
        return { year: latestEnteredYear(cells, bodyRows(snapshot.values, r)) };
      },
    };
  }

  function send(sub: Sub, result: CellResult, first: boolean): void {
    if (!sub.live || sameResult(sub.last, result)) return;
    sub.last = result;
    if (!first) stats.pushes++;
    sub.spec.push(result);
  }

  function evaluate(state: SheetState, sub: Sub, first: boolean): void {
    if (!sub.live) return;
    if (!first) stats.recomputed++;
    let result: CellResult;
    try {
      result = sub.spec.compute(lookupFor(state, sub));
    } catch (error) {
      // compute is spec.evaluate, which never throws; should it, the cell says so.
      result = { error: "#VALUE!", message: error instanceof Error ? error.message : String(error) };
    }
    send(sub, result, first);
  }

  function failAll(subs: Iterable<Sub>, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    for (const sub of subs) send(sub, { error: "#N/A", message: failure(detail) }, sub.last === undefined);
  }

  /**
   * Per template on the sheet (by header row): what its evaluation year comes from — the title block's input
   * (评估年份, B3) and the latest year with a readable figure —, to see which templates' cells must all be
   * re-evaluated after a change.
   */
  function yearKeys(state: SheetState): Map<number, string> {
    const keys = new Map<number, string>();
    const values = state.snapshot!.values;
    for (const { header } of templateAreas(values)) {
      const at = findEvaluationYearCell(values, header);
      const input = at ? values[at.row]?.[at.col] : undefined;
      const latest = latestEnteredYear(values[header] ?? [], bodyRows(values, header));
      keys.set(header, `${isBlankCell(input) ? "" : String(input)}|${latest ?? ""}`);
    }
    return keys;
  }

  function adopt(state: SheetState, read: SheetRead): void {
    state.snapshot = read;
    state.block = new TemplateBlock(read.values);
  }

  /** After the copy changed: re-evaluate the cells that may have a new result. `rows`: changed sheet rows, null = all. */
  function reevaluate(state: SheetState, rows: Set<number> | null): void {
    const before = state.templates;
    const after = yearKeys(state);
    state.templates = new Map([...after].map(([h, year]) => [h, { year }]));
    const snapshot = state.snapshot!;
    const changedRows = rows === null ? [] : [...rows].map((row) => row - snapshot.rowIndex);
    /** Templates all of whose cells must be evaluated again: a new evaluation year, or a change in the title or header. */
    const whole = new Set<number>();
    for (const [h, year] of after) {
      if (before.get(h)?.year !== year || changedRows.some((r) => r <= h)) whole.add(h);
    }
    for (const sub of state.subs) {
      if (sub.last === undefined) continue; // still waiting for its first evaluation
      if (rows === null) {
        evaluate(state, sub, false);
        continue;
      }
      const r = sub.row - snapshot.rowIndex;
      const header = isTemplateHeader(snapshot.values[r] ?? []) ? r : headerOf(snapshot.values, r);
      const found = header !== null && header !== r ? state.block!.rowAt(r, sub.column - snapshot.columnIndex) : null;
      const affected =
        rows.has(sub.row) ||
        (header !== null && whole.has(header)) ||
        // A relative target reads another row too (高于GDP增长): few rows, always looked at again.
        (found !== null && found.row.reference !== null);
      if (affected) evaluate(state, sub, false);
    }
  }

  /** The template header governing row r: the nearest header above with no blank row between, or null. */
  function headerOf(values: readonly (readonly unknown[])[], r: number): number | null {
    for (let h = r - 1; h >= 0; h--) {
      const cells = values[h] ?? [];
      if (cells.every(isBlankCell)) return null;
      if (isTemplateHeader(cells)) return h;
    }
    return null;
  }

  function startWatching(state: SheetState): void {
    const stop = then(
      port.watch(state.name, (change) => onChange(state, change)),
      (s) => {
        // Every cell of the sheet stopped while the handler was being registered: unregister it now.
        if (sheets.get(state.name) !== state) void s();
        else state.stopWatching = s;
      },
    );
    if (isPromise(stop)) stop.catch((error: unknown) => failAll(state.subs, error));
  }

  function onChange(state: SheetState, change: SheetChangeEvent): MaybePromise<void> {
    if (state.subs.size === 0) return;
    state.pending.push(change);
    state.flushScheduled ??= new Promise<void>((resolve) => {
      schedule(() => {
        state.flushScheduled = null;
        const changes = state.pending;
        state.pending = [];
        state.work = state.work.then(() => flush(state, changes)).then(resolve, resolve);
      });
    });
    return state.flushScheduled;
  }

  /** Handles queued changes: nothing for changes outside every template; else one read and the re-evaluations. */
  function flush(state: SheetState, changes: SheetChangeEvent[]): MaybePromise<void> {
    const snapshot = state.snapshot;
    if (!snapshot || state.subs.size === 0) return;
    const structural = changes.some((c) => c.changeType !== "RangeEdited");
    const blocks = changes.map((c) => cellBlock(c.address));
    if (!structural && blocks.every((b) => b !== null)) {
      const areas = templateAreas(snapshot.values);
      const inside = (blocks as Array<NonNullable<(typeof blocks)[number]>>).filter((b) =>
        areas.some(
          (a) =>
            b.row <= snapshot.rowIndex + a.lastRow &&
            b.row + b.rows - 1 >= snapshot.rowIndex &&
            b.column <= snapshot.columnIndex + a.lastColumn &&
            b.column + b.columns - 1 >= snapshot.columnIndex,
        ),
      );
      if (inside.length === 0) return; // outside every template on the sheet: nothing to read or evaluate
      const height = snapshot.values.length;
      const width = Math.max(0, ...snapshot.values.map((r) => r.length));
      const top = Math.min(...inside.map((b) => b.row));
      const bottom = Math.max(...inside.map((b) => b.row + b.rows - 1));
      const right = Math.max(...inside.map((b) => b.column + b.columns - 1));
      const left = Math.min(...inside.map((b) => b.column));
      const within =
        top >= snapshot.rowIndex &&
        bottom < snapshot.rowIndex + height &&
        left >= snapshot.columnIndex &&
        right < snapshot.columnIndex + width;
      if (within && width > 0) {
        stats.blockReads++;
        return then(port.readBlock(state.name, top, snapshot.columnIndex, bottom - top + 1, width), (values) => {
          values.forEach((cells, i) => {
            snapshot.values[top - snapshot.rowIndex + i] = [...cells];
          });
          adopt(state, snapshot);
          const rows = new Set<number>();
          for (let r = top; r <= bottom; r++) rows.add(r);
          reevaluate(state, rows);
        });
      }
    }
    // Rows or columns inserted or deleted, or an edit that grows the used range: read the sheet again.
    stats.sheetReads++;
    return then(port.readSheet(state.name), (read) => {
      adopt(state, read);
      reevaluate(state, null);
    });
  }

  /** The first read of a sheet: every subscription waiting for it gets its first result. */
  function firstRead(state: SheetState): void {
    if (state.reading) return;
    state.reading = true;
    stats.sheetReads++;
    const done = (read: SheetRead) => {
      state.reading = false;
      adopt(state, read);
      state.templates = new Map([...yearKeys(state)].map(([h, year]) => [h, { year }]));
      const waiting = state.waiting;
      state.waiting = [];
      for (const sub of waiting) evaluate(state, sub, true);
    };
    const fail = (error: unknown) => {
      state.reading = false;
      const waiting = state.waiting;
      state.waiting = [];
      failAll(waiting, error);
    };
    try {
      const read = port.readSheet(state.name);
      if (isPromise(read)) state.work = state.work.then(() => read.then(done, fail));
      else done(read);
    } catch (error) {
      fail(error);
    }
  }

  function stateOf(name: string): SheetState {
    let state = sheets.get(name);
    if (!state) {
      state = {
        name,
        subs: new Set(),
        snapshot: null,
        block: null,
        templates: new Map(),
        stopWatching: null,
        pending: [],
        flushScheduled: null,
        work: Promise.resolve(),
        waiting: [],
        reading: false,
      };
      sheets.set(name, state);
      startWatching(state);
    }
    return state;
  }

  function attach(name: string, sub: Sub): void {
    const state = stateOf(name);
    state.subs.add(sub);
    if (state.snapshot && !state.reading) evaluate(state, sub, true);
    else {
      state.waiting.push(sub);
      firstRead(state);
    }
  }

  function detach(sub: Sub): void {
    sub.live = false;
    for (const [name, state] of sheets) {
      if (!state.subs.delete(sub)) continue;
      state.waiting = state.waiting.filter((w) => w !== sub);
      if (state.subs.size === 0) {
        sheets.delete(name);
        const stop = state.stopWatching;
        state.stopWatching = null;
        if (stop) {
          const stopped = stop();
          if (isPromise(stopped))
            stopped.catch((error: unknown) => console.error("PLAN: could not stop watching", error));
        }
      }
    }
  }

  /** Work started outside a sheet's chain (reads for subscriptions without a sheet name). */
  const loose = new Set<Promise<unknown>>();

  return {
    stats,
    async idle() {
      for (let round = 0; round < 100; round++) {
        const busy = [...sheets.values()].flatMap((s) => [s.work, ...(s.flushScheduled ? [s.flushScheduled] : [])]);
        const all = [...busy, ...loose];
        await Promise.all(all);
        await new Promise((resolve) => setTimeout(resolve, 0));
        const again = [...sheets.values()].some((s) => s.flushScheduled || s.pending.length > 0 || s.reading);
        if (!again && loose.size === 0) return;
      }
    },
    get size() {
      let n = 0;
      for (const state of sheets.values()) n += state.subs.size;
      return n;
    },
    subscribe(spec) {
      const { sheet, cell } = splitAddress(spec.address);
      const block = cellBlock(cell);
      const sub: Sub = { spec, row: block?.row ?? -1, column: block?.column ?? -1, last: undefined, live: true };
      if (!block) {
        send(sub, spec.compute({ rowAt: () => null, dataYearAt: () => null }), true);
        return () => detach(sub);
      }
      if (sheet !== null) attach(sheet, sub);
      else {
        // No sheet in the address: the active sheet, whose name a read tells.
        try {
          stats.sheetReads++;
          const named = then(port.readSheet(null), (read) => {
            if (sub.live) attach(read.name, sub);
          });
          if (isPromise(named)) {
            const p = named.catch((error: unknown) => failAll([sub], error));
            loose.add(p);
            void p.finally(() => loose.delete(p));
          }
        } catch (error) {
          failAll([sub], error);
        }
      }
      return () => detach(sub);
    },
  };
}
