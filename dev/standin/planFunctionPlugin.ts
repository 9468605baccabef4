/**
 * Registers the PLAN custom functions (the same host-neutral specs Excel runs, from src/functions)
 * with HyperFormula as one FunctionPlugin, so `=PLAN.GAP(B5)` is computed by a real spreadsheet engine.
 *
 * - HyperFormula accepts dotted names (its own T.TEST, NORM.DIST), so `PLAN.GAP` is the function name.
 * - The row-capable functions are volatile: their row form reads the whole template row of the
 *   referenced cell, which HyperFormula's dependency graph cannot see, so they are recomputed after
 *   every change. PLAN.EVALUATE and PLAN.DATAYEAR are not: their ranges are arguments, tracked as such.
 * - A CellError {error, message} becomes HyperFormula's error of the same kind, message kept.
 * HyperFormula registers plugins globally, so the engine that is evaluating is found through
 * `activeHost`, set by FormulaEngine around every call that can evaluate (evaluation is synchronous).
 */
import { CellError, EmptyValue, ErrorType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { Lang } from "../../src/core/messages";
import type { BlockRow } from "../../src/core/templateBlock";

/** The part of a PLAN function spec (src/functions/planFunctions.ts) the engine needs. */
export interface PlanFunctionLike {
  id: string;
  /** Volatile in Excel's metadata (the row form reads cells that are not its arguments). */
  volatile: boolean;
  evaluate(args: unknown[], ctx: { lang: Lang; rowAt?: (argIndex: number) => BlockRow | null }): unknown;
}

/** What the evaluating workbook provides to the functions. */
export interface PlanFunctionHost {
  lang(): Lang;
  /** The template row that contains the cell (0-based, HyperFormula sheet id), or null. */
  rowAt(sheet: number, row: number, col: number): BlockRow | null;
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

type Ast = {
  type: string;
  reference?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
};
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

let registered: string | null = null;

/** Registers (once per process) a plugin with one method per PLAN function. Throws if a different set was registered. */
export function registerPlanFunctions(functions: readonly PlanFunctionLike[]): void {
  const signature = functions.map((f) => f.id).join(",");
  if (registered !== null) {
    if (registered !== signature) throw new Error(`PLAN functions already registered as ${registered}`);
    return;
  }
  class PlanFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions: Record<string, { method: string; isVolatile: boolean }> = {};
  }
  const translations: Record<string, string> = {};
  for (const spec of functions) {
    const name = `PLAN.${spec.id}`;
    const method = `plan_${spec.id}`;
    // As in Excel's metadata: the row-capable functions are volatile, PLAN.EVALUATE is not (its rows are its arguments).
    PlanFunctionsPlugin.implementedFunctions[name] = { method, isVolatile: spec.volatile };
    translations[name] = name;
    (PlanFunctionsPlugin.prototype as unknown as Record<string, unknown>)[method] = function (
      this: FunctionPlugin & { evaluateAst(ast: unknown, state: unknown): unknown },
      ast: ProcedureAst,
      state: { formulaAddress: unknown },
    ) {
      const host = activeHost;
      const values = ast.args.map((arg) => this.evaluateAst(arg, state));
      for (const v of values) if (v instanceof CellError) return v; // Excel passes no error values to custom functions
      const args = values.map(toCustomFunctionArg);
      const first = ast.args[0];
      // Row form: a single cell reference; the function reads that cell's template row.
      const rowForm = ast.args.length === 1 && first?.type === "CELL_REFERENCE" && first.reference !== undefined;
      const ctx: { lang: Lang; rowAt?: (argIndex: number) => BlockRow | null } = { lang: host?.lang() ?? "zh" };
      if (rowForm && host) {
        const address = first.reference!.toSimpleCellAddress(state.formulaAddress);
        ctx.rowAt = (argIndex: number) => (argIndex === 0 ? host.rowAt(address.sheet, address.row, address.col) : null);
      }
      try {
        return toInterpreterValue(spec.evaluate(args, ctx));
      } catch (error) {
        return new CellError(ErrorType.VALUE, error instanceof Error ? error.message : String(error));
      }
    };
  }
  HyperFormula.registerFunctionPlugin(PlanFunctionsPlugin as never, { enGB: translations });
  registered = signature;
}
