/**
 * Evaluating data-validation rules on a value, the way Excel checks a typed entry.
 * Rule formulas ("=$B$2", "=AND(B2>0,B2<100)") are evaluated relative to the rule range's top-left cell.
 */
import { shiftFormula } from "./addressing";
import type { CellValue } from "./formulaEngine";
import type { BasicRule, DataValidationState, SheetState, WorkbookModel } from "./model";

function operand(
  model: WorkbookModel,
  sheet: SheetState,
  v: string | number | undefined,
  dRows: number,
  dCols: number,
): number | null {
  if (v === undefined) return null;
  if (typeof v === "number") return v;
  const value = v.startsWith("=") ? model.engine.evaluate(shiftFormula(v, dRows, dCols), sheet.engineId) : Number(v);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function compare(x: number, rule: BasicRule, a: number | null, b: number | null): boolean {
  if (a === null) return false;
  switch (rule.operator) {
    case "Between":
      return b !== null && x >= Math.min(a, b) && x <= Math.max(a, b);
    case "NotBetween":
      return b !== null && (x < Math.min(a, b) || x > Math.max(a, b));
    case "EqualTo":
      return x === a;
    case "NotEqualTo":
      return x !== a;
    case "GreaterThan":
      return x > a;
    case "LessThan":
      return x < a;
    case "GreaterThanOrEqualTo":
      return x >= a;
    case "LessThanOrEqualTo":
      return x <= a;
    default:
      return false;
  }
}

/** Whether `value` is allowed in the cell (row, col) under the validation entry. */
export function satisfiesValidation(
  model: WorkbookModel,
  sheet: SheetState,
  row: number,
  col: number,
  entry: DataValidationState,
  value: CellValue,
): boolean {
  const rule = entry.rule;
  if (!rule) return true;
  if (value === "" && entry.ignoreBlanks) return true;
  const dRows = row - entry.rect.row;
  const dCols = col - entry.rect.col;
  const basic = rule.wholeNumber ?? rule.decimal ?? rule.textLength;
  if (basic) {
    let x: number;
    if (rule.textLength) x = String(value).length;
    else if (typeof value !== "number") return false;
    else x = value;
    if (rule.wholeNumber && !Number.isInteger(x)) return false;
    return compare(
      x,
      basic,
      operand(model, sheet, basic.formula1, dRows, dCols),
      operand(model, sheet, basic.formula2, dRows, dCols),
    );
  }
  if (rule.list) {
    const source = rule.list.source;
    let options: string[];
    if (source.startsWith("=")) {
      const joined = model.engine.evaluate(`=TEXTJOIN(CHAR(31),FALSE,${source.slice(1)})`, sheet.engineId);
      options = String(joined).split("\u001f");
    } else options = source.split(",").map((s) => s.trim());
    return options.some((o) => o.toLowerCase() === String(value).toLowerCase());
  }
  if (rule.custom) {
    const result = model.engine.evaluate(shiftFormula(rule.custom.formula, dRows, dCols), sheet.engineId);
    return result === true || (typeof result === "number" && result !== 0);
  }
  return true;
}

/** The value Excel would store for a typed entry: numbers (1.5, 12%, -3), TRUE/FALSE, else text. */
export function typedValue(input: string): CellValue {
  const text = input.trim();
  if (text === "") return "";
  const percent = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%$/i.exec(text);
  if (percent) return Number(text.slice(0, -1)) / 100;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return Number(text);
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return input;
}
