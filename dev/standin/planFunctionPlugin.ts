/**
 * Registers the PLAN custom functions (the same host-neutral specs Excel runs, from src/functions)
 * with HyperFormula as one FunctionPlugin, so `=PLAN.GAP(B5)` is computed by a real spreadsheet engine,
 * recalculated as Excel recalculates custom functions:
 *
 * - Dirty cells. Excel marks every direct and indirect dependent of a changed cell dirty and evaluates each
 *   dirty cell again, whether or not a precedent's value really changed ("All direct and indirect dependents are
 *   marked as dirty … Excel reevaluates the contents of each dirty cell",
 *   https://learn.microsoft.com/en-us/office/client-developer/excel/excel-recalculation). HyperFormula stops at
 *   a cell whose value did not change; the stand-in's engine (formulaEngine.ts) turns that off, so a PLAN
 *   call is counted exactly when Excel would make it.
 * - Volatile functions are recalculated on every recalculation ("Excel reevaluates cells that contain volatile
 *   functions, together with all dependents, every time that it recalculates", same page): HyperFormula's
 *   isVolatile. No PLAN function is volatile now; the flag is kept for the specs' `volatile`.
 * - Streaming functions (`stream: true`, the row-capable functions and PLAN.DATAYEAR): each evaluation of the
 *   cell is one call; the call starts on the host's stream calls (src/functions/streamCalls.ts over the
 *   stand-in's sheet port, the same hub Excel's runtime uses) with the arguments' addresses, as
 *   parameterAddresses gives them. A result set during the call is the cell's value (#BUSY! until one is);
 *   a later setResult updates the cell and recalculates its dependents, and the previous call is canceled
 *   (onCanceled) when the cell is evaluated again, edited or cleared — Excel "cancels the execution of a
 *   function … when the user edits or deletes a cell that references the function; when one of the
 *   arguments (inputs) for the function changes", https://learn.microsoft.com/en-us/office/dev/add-ins/excel/custom-functions-web-reqs
 *   Without stream calls on the host (plain HyperFormula, as the portable copy's oracle uses it), streaming
 *   functions are registered volatile and evaluated on the spot — the nearest a synchronous engine gets to
 *   "follows the sheet".
 * - A CellError {error, message} becomes HyperFormula's error of the same kind, message kept.
 * HyperFormula registers plugins globally, so the engine that is evaluating is found through
 * `activeHost`, set by FormulaEngine around every call that can evaluate (evaluation is synchronous).
 */
import { CellError, EmptyValue, ErrorType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { Lang } from "../../src/core/messages";
import { bodyRows, type BlockRow } from "../../src/core/templateBlock";
import { isTemplateHeader } from "../../src/core/templateLayout";
import { latestEnteredYear } from "../../src/core/templateRow";
import type { CellResult, PlanFunctionId } from "../../src/functions/planFunctions";
import type { StreamCalls } from "../../src/functions/streamCalls";
import { qualifiedAddress } from "./addressing";

/** The part of a PLAN function spec (src/functions/planFunctions.ts) the engine needs. */
export interface PlanFunctionLike {
  id: string;
  /** Volatile in Excel's metadata. */
  volatile: boolean;
  /** "stream" for the streaming functions (absent: recalculated when their arguments change). */
  recalculation?: "arguments" | "stream" | "volatile";
  evaluate(
    args: unknown[],
    ctx: {
      lang: Lang;
      rowAt?: (argIndex: number) => BlockRow | null;
      dataYearAt?: (argIndex: number) => { year: number | null } | null;
    },
  ): unknown;
}

/** A cell of the engine: HyperFormula sheet id, 0-based row and column. */
export interface EngineCell {
  sheet: number;
  row: number;
  col: number;
}

/** What the evaluating workbook provides to the functions. */
export interface PlanFunctionHost {
  lang(): Lang;
  /** The template row that contains the cell (0-based, HyperFormula sheet id), or null. */
  rowAt(sheet: number, row: number, col: number): BlockRow | null;
  /** The streaming calls (the stand-in's stream hub); absent in plain HyperFormula. */
  streams?: StreamCalls;
  /** The sheet's name, for the arguments' addresses. */
  sheetName?(sheet: number): string | null;
  /** Evaluate the cell again to show a result pushed after its call returned (setResult). */
  repaint?(cell: EngineCell): void;
  /** Counts: one per call Excel would make, one per result pushed afterwards. */
  calls?: FunctionCalls;
}

/** What the stand-in counts (standin.functionCalls): the measure of how much recalculation an edit costs. */
export interface FunctionCalls {
  invocations: number;
  pushes: number;
  byFunction: Record<string, { invocations: number; pushes: number }>;
}

export function emptyCalls(): FunctionCalls {
  return { invocations: 0, pushes: 0, byFunction: {} };
}

function count(calls: FunctionCalls | undefined, id: string, kind: "invocations" | "pushes"): void {
  if (!calls) return;
  calls[kind]++;
  const f = (calls.byFunction[id] ??= { invocations: 0, pushes: 0 });
  f[kind]++;
}

let activeHost: PlanFunctionHost | null = null;

export function withPlanFunctionHost<T>(host: PlanFunctionHost, run: () => T): T {
  const previous = activeHost;
  activeHost = host;
  try {
    return run();
  } finally {
    activeHost = previous;
  }
}

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

/** Excel's value for a streaming call without a result yet; formulaEngine.ts shows it as #BUSY!. */
export const BUSY_MESSAGE = "#BUSY!";

type Reference = { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
type Ast = { type: string; reference?: Reference; start?: Reference; end?: Reference };
type ProcedureAst = { args: Ast[] };

const ERROR_TEXT: Partial<Record<string, string>> = Object.fromEntries(
  Object.entries(ERROR_TYPES).map(([text, type]) => [type, text]),
);

/**
 * A HyperFormula argument value as the custom-function code sees it in Excel. An error cell inside a
 * range argument is handed over as its error text ("#N/A"), as Range.values reports it (how Excel
 * itself represents errors inside a range argument is not documented; the core reads either form).
 */
function toCustomFunctionArg(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return "";
  if (value instanceof CellError) return ERROR_TEXT[value.type] ?? "#VALUE!";
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toCustomFunctionArg));
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val; // percent/date numbers
  return value;
}

function toInterpreterValue(result: unknown): unknown {
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean") {
    if (typeof result === "number" && !Number.isFinite(result))
      return new CellError(ErrorType.NUM, "not a finite number");
    return result;
  }
  if (result && typeof result === "object" && "error" in result) {
    const { error, message } = result as { error: string; message?: string };
    return new CellError(ERROR_TYPES[error] ?? ErrorType.VALUE, message);
  }
  return new CellError(ErrorType.VALUE, "unexpected result");
}

/** One streaming call of a cell: its latest result, and how to stop it. */
interface StreamCall {
  id: string;
  result: CellResult | undefined;
  stop: () => void;
}

/** Per host: the streaming call of each cell ("sheet:row:col:ID"), and the cell being repainted. */
const streamState = new WeakMap<PlanFunctionHost, { calls: Map<string, StreamCall>; repainting: string | null }>();

function stateOf(host: PlanFunctionHost) {
  let state = streamState.get(host);
  if (!state) streamState.set(host, (state = { calls: new Map(), repainting: null }));
  return state;
}

const cellKey = (c: EngineCell, id: string) => `${c.sheet}:${c.row}:${c.col}:${id}`;

/**
 * Cancels the streaming calls of cells that were written, cleared or removed: on `sheet` (every sheet when
 * null), those `written(row, col)` says were (every cell of the sheet when absent).
 */
export function cancelStreams(
  host: PlanFunctionHost,
  sheet: number | null,
  written?: (row: number, col: number) => boolean,
): void {
  const state = streamState.get(host);
  if (!state || state.calls.size === 0) return;
  for (const [key, call] of [...state.calls]) {
    const [s, r, c] = key.split(":").map(Number) as [number, number, number];
    if (sheet !== null && s !== sheet) continue;
    if (written && !written(r, c)) continue;
    state.calls.delete(key);
    call.stop();
  }
}

/** Repaints a cell whose streaming call pushed a result: the plugin answers its stored result for that cell. */
export function repaintWith(host: PlanFunctionHost, cell: EngineCell, repaint: () => void): void {
  const state = stateOf(host);
  const previous = state.repainting;
  state.repainting = `${cell.sheet}:${cell.row}:${cell.col}`;
  try {
    repaint();
  } finally {
    state.repainting = previous;
  }
}

/** "'Sheet'!C7" or "'Sheet'!$A$5:$AF$5" for a reference argument, "" for anything else (as parameterAddresses). */
function addressOf(host: PlanFunctionHost, arg: Ast, base: unknown): string {
  const name = (sheet: number) => host.sheetName?.(sheet) ?? null;
  if (arg.type === "CELL_REFERENCE" && arg.reference) {
    const a = arg.reference.toSimpleCellAddress(base);
    const sheet = name(a.sheet);
    return sheet === null ? "" : qualifiedAddress(sheet, { row: a.row, col: a.col, rows: 1, cols: 1 });
  }
  if (arg.type === "CELL_RANGE" && arg.start && arg.end) {
    const a = arg.start.toSimpleCellAddress(base);
    const b = arg.end.toSimpleCellAddress(base);
    const sheet = name(a.sheet);
    if (sheet === null) return "";
    const row = Math.min(a.row, b.row);
    const col = Math.min(a.col, b.col);
    return qualifiedAddress(sheet, { row, col, rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 });
  }
  return "";
}

let registered: { signature: string; plugin: unknown } | null = null;

/**
 * Registers a plugin with one method per PLAN function (once per process and mode; another set or mode
 * replaces it — HyperFormula takes its functions when an engine is built). `mode`: whether the hosts that
 * evaluate provide stream calls (the stand-in) or not (plain HyperFormula: streaming functions are volatile).
 */
export function registerPlanFunctions(
  functions: readonly PlanFunctionLike[],
  mode: "streams" | "plain" = "plain",
): void {
  const signature = `${mode}:${functions.map((f) => f.id).join(",")}`;
  if (registered?.signature === signature) return;
  if (registered) HyperFormula.unregisterFunctionPlugin(registered.plugin as never);
  class PlanFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions: Record<string, { method: string; isVolatile: boolean }> = {};
  }
  const translations: Record<string, string> = {};
  for (const spec of functions) {
    const name = `PLAN.${spec.id}`;
    const method = `plan_${spec.id}`;
    const streaming = spec.recalculation === "stream";
    // As Excel recalculates them: the row-capable functions and DATAYEAR stream, PLAN.EVALUATE follows its arguments.
    PlanFunctionsPlugin.implementedFunctions[name] = {
      method,
      isVolatile: spec.volatile || (streaming && mode === "plain"),
    };
    translations[name] = name;
    (PlanFunctionsPlugin.prototype as unknown as Record<string, unknown>)[method] = function (
      this: FunctionPlugin & {
        evaluateAst(ast: unknown, state: unknown): unknown;
        dependencyGraph: { getCellValue(address: { sheet: number; row: number; col: number }): unknown };
      },
      ast: ProcedureAst,
      state: { formulaAddress: EngineCell },
    ) {
      const host = activeHost;
      const here = state.formulaAddress;
      if (host && streaming && host.streams) {
        const stream = stateOf(host);
        // A result pushed after the call returned: show it, no new call (Excel does not call the function again).
        if (stream.repainting === `${here.sheet}:${here.row}:${here.col}`) {
          const call = stream.calls.get(cellKey(here, spec.id));
          if (call) return call.result === undefined ? busy() : toInterpreterValue(call.result);
        }
      }
      const values = ast.args.map((arg) => this.evaluateAst(arg, state));
      for (const v of values) if (v instanceof CellError) return v; // Excel passes no error values to custom functions
      count(host?.calls, spec.id, "invocations");
      const args = values.map(toCustomFunctionArg);
      const lang = host?.lang() ?? "zh";
      if (host && streaming && host.streams) return startStream(host, spec.id as PlanFunctionId, args, ast, here);
      const first = ast.args[0];
      const ctx: Parameters<PlanFunctionLike["evaluate"]>[1] = { lang };
      // Row form: a single cell reference; the function reads that cell's template row.
      if (ast.args.length === 1 && first?.type === "CELL_REFERENCE" && first.reference !== undefined && host) {
        const address = first.reference.toSimpleCellAddress(here);
        ctx.rowAt = (argIndex: number) => (argIndex === 0 ? host.rowAt(address.sheet, address.row, address.col) : null);
      }
      // The header row alone (PLAN.DATAYEAR in C3): the rows below it, read from the engine.
      if (first?.type === "CELL_RANGE" && first.start && first.end) {
        const a = first.start.toSimpleCellAddress(here);
        const b = first.end.toSimpleCellAddress(here);
        ctx.dataYearAt = (argIndex) => (argIndex === 0 ? dataYearBelow(this.dependencyGraph, a, b.col) : null);
      }
      try {
        return toInterpreterValue(spec.evaluate(args, ctx));
      } catch (error) {
        return new CellError(ErrorType.VALUE, error instanceof Error ? error.message : String(error));
      }
    };
  }
  HyperFormula.registerFunctionPlugin(PlanFunctionsPlugin as never, { enGB: translations });
  registered = { signature, plugin: PlanFunctionsPlugin };
}

function busy(): CellError {
  return new CellError(ErrorType.NA, BUSY_MESSAGE);
}

/** A call of a streaming function: the previous call of the cell stops, this one starts on the host's streams. */
function startStream(host: PlanFunctionHost, id: PlanFunctionId, args: unknown[], ast: ProcedureAst, here: EngineCell) {
  const stream = stateOf(host);
  const key = cellKey(here, id);
  stream.calls.get(key)?.stop();
  const call: StreamCall = { id, result: undefined, stop: () => undefined };
  stream.calls.set(key, call);
  let inCall = true;
  const addresses = ast.args.map((arg) => addressOf(host, arg, here));
  call.stop = host.streams!.start(id, args, addresses, (result) => {
    if (stream.calls.get(key) !== call) return; // a canceled call's late result is dropped
    call.result = result;
    if (inCall) return;
    count(host.calls, id, "pushes");
    host.repaint?.(here);
  });
  inCall = false;
  return call.result === undefined ? busy() : toInterpreterValue(call.result);
}

/** The data year of the template whose header row spans `start` … `endCol`, read from the engine's cells. */
function dataYearBelow(
  graph: { getCellValue(address: { sheet: number; row: number; col: number }): unknown },
  start: { sheet: number; row: number; col: number },
  endCol: number,
): { year: number | null } | null {
  const read = (row: number) => {
    const cells: unknown[] = [];
    for (let col = start.col; col <= endCol; col++) {
      let v: unknown;
      try {
        v = graph.getCellValue({ sheet: start.sheet, row, col });
      } catch {
        v = "";
      }
      cells.push(toCustomFunctionArg(v));
    }
    return cells;
  };
  const header = read(start.row);
  if (!isTemplateHeader(header)) return null;
  const rows: unknown[][] = [header];
  for (let row = start.row + 1; row < start.row + 100_000; row++) {
    const cells = read(row);
    rows.push(cells);
    if (cells.every((v) => v === "" || v === null)) break;
  }
  return { year: latestEnteredYear(header, bodyRows(rows, 0)) };
}
