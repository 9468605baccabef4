/**
 * The workbook's cell contents and calculation, held by HyperFormula (GPL-3.0 licence key, dev only):
 * one HyperFormula sheet per worksheet, named like it so cross-sheet formulas resolve.
 * Values come back the way the Excel JS API reports them: "" for empty cells, error values as
 * their text ("#DIV/0!"), formulas as entered, a streaming call without a result yet as "#BUSY!".
 *
 * Recalculation as Excel does it: every direct and indirect dependent of a changed cell is evaluated again
 * (https://learn.microsoft.com/en-us/office/client-developer/excel/excel-recalculation, "All direct and
 * indirect dependents are marked as dirty"), not only those whose precedents' values changed, which is where
 * HyperFormula would stop: see `recalculateLikeExcel`. Streaming PLAN calls are canceled when their cell is
 * written, cleared or its sheet removed (planFunctionPlugin.ts).
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { EngineCell, PlanFunctionHost } from "./planFunctionPlugin";
import { BUSY_MESSAGE, cancelStreams, repaintWith, withPlanFunctionHost } from "./planFunctionPlugin";
import type { CellScalar } from "./numberFormat";

export type CellValue = CellScalar; // "" for empty
export type CellInput = string | number | boolean | null;

export class FormulaEngine {
  readonly hf: HyperFormula;
  private readonly host: PlanFunctionHost;

  constructor(host: PlanFunctionHost) {
    this.host = host;
    this.hf = this.run(() =>
      HyperFormula.buildEmpty({
        licenseKey: "gpl-v3",
        // Excel parity: a reference to an empty cell is 0, the 1900 leap-year bug, full-precision results.
        evaluateNullToZero: true,
        leapYear1900: true,
        smartRounding: false,
        maxRows: 1048576,
        maxColumns: 16384,
        undoLimit: 0, // Excel's undo is not modelled; keeping HyperFormula's history only costs time
      }),
    );
    recalculateLikeExcel(this.hf);
  }

  /** Bumped before every call that can change or recalculate cells: caches of cell values key on it. */
  generation = 0;

  /** Runs an engine call with the PLAN functions pointed at this workbook. */
  run<T>(call: () => T): T {
    this.generation++;
    return withPlanFunctionHost(this.host, call);
  }

  addSheet(name: string): number {
    return this.run(() => this.hf.getSheetId(this.hf.addSheet(name))!);
  }

  renameSheet(sheet: number, name: string): void {
    this.run(() => this.hf.renameSheet(sheet, name));
  }

  removeSheet(sheet: number): void {
    cancelStreams(this.host, sheet);
    this.run(() => this.hf.removeSheet(sheet));
  }

  /**
   * Shows the result a streaming call pushed (setResult) after it returned: the cell is evaluated again
   * without a new call, and its dependents with it, as Excel runs "a new calculation pass to re-compute cells
   * that use the cell" (Excel Recalculation, Asynchronous User Defined Functions).
   */
  repaint(cell: EngineCell): void {
    if (!this.hf.doesCellHaveFormula(cell)) return;
    const formula = this.hf.getCellFormula(cell);
    if (formula === undefined) return;
    this.run(() => repaintWith(this.host, cell, () => this.hf.setCellContents(cell, [[formula]])));
  }

  /** Writes cells; null entries leave the cell unchanged (Excel ignores null in a values/formulas array). */
  write(sheet: number, row: number, col: number, inputs: CellInput[][]): void {
    // A cell written anew ends the streaming call its old formula had (Excel: "when the user edits or deletes a cell").
    // (null leaves a cell as it is, and its call running.)
    cancelStreams(this.host, sheet, (r, c) => {
      const input = inputs[r - row]?.[c - col];
      return input !== null && input !== undefined;
    });
    this.run(() =>
      this.hf.batch(() => {
        inputs.forEach((line, r) => {
          let start = -1;
          const flush = (end: number) => {
            if (start >= 0)
              this.hf.setCellContents({ sheet, row: row + r, col: col + start }, [line.slice(start, end).map(toHf)]);
            start = -1;
          };
          line.forEach((input, c) => {
            if (input === null) flush(c);
            else if (start < 0) start = c;
          });
          flush(line.length);
        });
      }),
    );
  }

  clear(sheet: number, row: number, col: number, rows: number, cols: number): void {
    const [height, width] = this.size(sheet);
    const r1 = Math.min(row + rows, height);
    const c1 = Math.min(col + cols, width);
    if (r1 <= row || c1 <= col) return;
    cancelStreams(this.host, sheet, (r, c) => r >= row && r < r1 && c >= col && c < c1);
    const blank = Array.from({ length: r1 - row }, () => Array.from({ length: c1 - col }, () => null));
    this.run(() => this.hf.setCellContents({ sheet, row, col }, blank));
  }

  /** [rows, cols] of the area that holds content. */
  size(sheet: number): [number, number] {
    const d = this.hf.getSheetDimensions(sheet);
    return [d.height, d.width];
  }

  value(sheet: number, row: number, col: number): CellValue {
    const v = this.hf.getCellValue({ sheet, row, col });
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return v.message === BUSY_MESSAGE ? BUSY_MESSAGE : v.value;
    return v;
  }

  /**
   * A cell's value read while the engine is calculating (the row form of the PLAN functions): a formula
   * cell not computed yet in this pass reads as blank instead of throwing.
   */
  valueDuringCalculation(sheet: number, row: number, col: number): CellValue {
    try {
      return this.value(sheet, row, col);
    } catch {
      return "";
    }
  }

  /** The error message HyperFormula (or a PLAN function) attached to an error value. */
  errorMessage(sheet: number, row: number, col: number): string | null {
    const v = this.hf.getCellValue({ sheet, row, col });
    return v instanceof DetailedCellError ? (v.message ?? null) : null;
  }

  isFormula(sheet: number, row: number, col: number): boolean {
    return this.hf.doesCellHaveFormula({ sheet, row, col });
  }

  /** Range.formulas of one cell: the formula, else the constant's value, else "". */
  formula(sheet: number, row: number, col: number): CellValue {
    if (this.isFormula(sheet, row, col)) return fromHfFormula(this.hf.getCellFormula({ sheet, row, col }) ?? "");
    return this.value(sheet, row, col);
  }

  /** The raw input as stored (formulas as text, constants as typed), for serialisation. */
  serialized(sheet: number): CellInput[][] {
    return this.hf.getSheetSerialized(sheet) as CellInput[][];
  }

  /** "NUMBER_PERCENT" when "1.47%" was typed, for Excel's automatic percent format. */
  detailedType(sheet: number, row: number, col: number): string {
    return this.hf.getCellValueDetailedType({ sheet, row, col });
  }

  /**
   * Whether Excel takes the formula: one HyperFormula can parse, within Excel's limits ("Excel
   * specifications and limits", https://support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3:
   * "Length of formula contents: 8,192 characters", "Nested levels of functions: 64"), which HyperFormula
   * does not enforce (it allows 120 levels and any length).
   */
  isValidFormula(formula: string): boolean {
    if (formula.length > EXCEL_FORMULA_LENGTH || functionNesting(formula) > EXCEL_NESTED_FUNCTIONS) return false;
    return this.hf.validateFormula(toHfFormula(formula));
  }

  /** Evaluates a formula on a sheet without storing it (rule formulas of conditional formats and validation). */
  evaluate(formula: string, sheet: number): CellValue {
    const v = this.run(() => this.hf.calculateFormula(toHfFormula(formula), sheet));
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return v.value;
    if (Array.isArray(v)) return "#VALUE!";
    return v as CellValue;
  }

  addName(name: string, expression: string, sheet?: number): void {
    this.run(() => this.hf.addNamedExpression(name, toHfFormula(expression), sheet));
  }

  removeName(name: string, sheet?: number): void {
    this.run(() => this.hf.removeNamedExpression(name, sheet));
  }

  nameValue(name: string, sheet?: number): CellValue {
    const v = this.hf.getNamedExpressionValue(name, sheet);
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return v.value;
    if (Array.isArray(v)) return "#VALUE!";
    return v as CellValue;
  }

  destroy(): void {
    cancelStreams(this.host, null);
    this.hf.destroy();
  }
}

/**
 * HyperFormula re-evaluates the dependents of a changed cell only while values really change
 * (Evaluator.recomputeVertex answers whether a vertex's value changed, and the dependents of an unchanged one
 * are skipped). Excel marks every direct and indirect dependent dirty and evaluates each of them again. So
 * that the stand-in makes the calls Excel makes — what the bench counts per edit — every recomputed vertex
 * here reports a change. Values are the same either way (the functions are pure in their arguments).
 */
function recalculateLikeExcel(hf: HyperFormula): void {
  const evaluator = (
    hf as unknown as { _evaluator?: { recomputeVertex?: (vertex: unknown, changes: unknown) => boolean } }
  )._evaluator;
  const original = evaluator?.recomputeVertex;
  if (!evaluator || typeof original !== "function")
    throw new Error("HyperFormula's evaluator changed: the stand-in cannot recalculate as Excel does");
  evaluator.recomputeVertex = function (vertex: unknown, changes: unknown): boolean {
    original.call(this, vertex, changes);
    return true;
  };
}

/** Excel's limits on a formula (see isValidFormula). */
export const EXCEL_FORMULA_LENGTH = 8192;
export const EXCEL_NESTED_FUNCTIONS = 64;

/** How many function calls a formula nests, outside string literals and quoted sheet names. */
export function functionNesting(formula: string): number {
  const open: boolean[] = [];
  let calls = 0;
  let deepest = 0;
  outsideQuotes(formula, (part) => {
    for (let i = 0; i < part.length; i++) {
      if (part[i] === "(") {
        const call = /[A-Za-z0-9_.]$/.test(part.slice(0, i)); // a function's bracket, not a bare one
        open.push(call);
        if (call) deepest = Math.max(deepest, ++calls);
      } else if (part[i] === ")" && open.pop()) calls--;
    }
    return part;
  });
  return deepest;
}

function toHf(input: CellInput): CellInput {
  if (input === "") return null;
  return typeof input === "string" && input.startsWith("=") ? toHfFormula(input) : input;
}

/** Applies `f` to the parts of a formula outside string literals and quoted sheet names. */
function outsideQuotes(formula: string, f: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

/** Excel's TRUE and FALSE literals are functions in HyperFormula (TRUE()); the stand-in converts both ways. */
export function toHfFormula(formula: string): string {
  return outsideQuotes(formula, (part) =>
    part.replace(/(?<![\w.$])(TRUE|FALSE)(?![\w.(!])/gi, (m) => `${m.toUpperCase()}()`),
  );
}

export function fromHfFormula(formula: string): string {
  return outsideQuotes(formula, (part) => part.replace(/(?<![\w.$])(TRUE|FALSE)\(\)/gi, "$1"));
}
