/**
 * Range.dataValidation: rule (one of wholeNumber, decimal, textLength, list, custom), errorAlert,
 * prompt, ignoreBlanks, type, valid, clear().
 * Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-data-validation
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidation
 */
import type { CellRange } from "./cellRange";
import { ErrorCodes, fail } from "./errors";
import type { DataValidationRuleState, DataValidationState } from "./model";
import { ClientObject } from "./proxy";
import { satisfiesValidation } from "./validationRules";

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];
const TYPE_NAMES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  list: "List",
  custom: "Custom",
};

function checkRule(rule: unknown): DataValidationRuleState {
  if (!rule || typeof rule !== "object") fail(ErrorCodes.invalidArgument, "A data validation rule is an object.");
  const entries = Object.entries(rule as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (entries.length !== 1) fail(ErrorCodes.invalidArgument, "A data validation rule has exactly one type.");
  const [type, spec] = entries[0]! as [string, Record<string, unknown>];
  if (type === "wholeNumber" || type === "decimal" || type === "textLength") {
    if (!OPERATORS.includes(spec.operator as string))
      fail(ErrorCodes.invalidArgument, `'${String(spec.operator)}' is not a data validation operator.`);
    if (spec.formula1 === undefined || spec.formula1 === null || spec.formula1 === "")
      fail(ErrorCodes.invalidArgument, "formula1 is required.");
    const needsTwo = spec.operator === "Between" || spec.operator === "NotBetween";
    if (needsTwo && (spec.formula2 === undefined || spec.formula2 === null))
      fail(ErrorCodes.invalidArgument, "formula2 is required for Between.");
    return {
      [type]: {
        formula1: spec.formula1 as string | number,
        ...(needsTwo ? { formula2: spec.formula2 as string | number } : {}),
        operator: spec.operator as string,
      },
    };
  }
  if (type === "list") {
    if (typeof spec.source !== "string" || spec.source === "")
      fail(ErrorCodes.invalidArgument, "A list rule needs a source.");
    return { list: { inCellDropDown: spec.inCellDropDown !== false, source: spec.source } };
  }
  if (type === "custom") {
    if (typeof spec.formula !== "string" || !spec.formula.startsWith("="))
      fail(ErrorCodes.invalidArgument, "A custom rule needs a formula.");
    return { custom: { formula: spec.formula } };
  }
  return fail(ErrorCodes.invalidArgument, `'${type}' is not a data validation type the stand-in supports.`);
}

export class DataValidation extends ClientObject<CellRange> {
  protected readonly className = "DataValidation";
  protected readonly scalarProperties = ["type", "rule", "errorAlert", "prompt", "ignoreBlanks", "valid"] as const;

  /** The entries governing the range's cells; `mixed` when cells differ. */
  private entries(t: CellRange): { entry: DataValidationState | null; mixed: boolean } {
    const model = this.context.core.model;
    let first: DataValidationState | null | undefined;
    const cells = Math.min(t.rect.rows * t.rect.cols, 100_000);
    for (let i = 0; i < cells; i++) {
      const e = model.validationAt(t.sheet, t.rect.row + Math.floor(i / t.rect.cols), t.rect.col + (i % t.rect.cols));
      if (i === 0) first = e;
      else if (e !== first) return { entry: null, mixed: true };
    }
    return { entry: first ?? null, mixed: false };
  }

  protected readProperty(t: CellRange, name: string): unknown {
    const { entry, mixed } = this.entries(t);
    switch (name) {
      case "type": {
        if (mixed) return "Inconsistent";
        const kind = entry?.rule ? Object.keys(entry.rule)[0] : undefined;
        return kind ? TYPE_NAMES[kind] : "None";
      }
      case "rule":
        return mixed || !entry?.rule ? null : entry.rule;
      case "errorAlert":
        return mixed ? null : (entry?.errorAlert ?? { message: "", showAlert: true, style: "Stop", title: "" });
      case "prompt":
        return mixed ? null : (entry?.prompt ?? { message: "", showPrompt: false, title: "" });
      case "ignoreBlanks":
        return mixed ? null : (entry?.ignoreBlanks ?? true);
      case "valid": {
        const model = this.context.core.model;
        for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
          for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
            const e = model.validationAt(t.sheet, r, c);
            if (e && !satisfiesValidation(model, t.sheet, r, c, e, model.value(t.sheet, r, c))) return false;
          }
        }
        return true;
      }
    }
    return undefined;
  }

  private edit(name: string, value: unknown, apply: (entry: DataValidationState, v: unknown) => void): void {
    this.set_(name, value, (t, v) => {
      apply(this.context.core.model.validationFor(t.sheet, t.rect), v);
      this.context.core.model.touch();
    });
  }

  get type(): string {
    return this.get("type");
  }
  get valid(): boolean {
    return this.get("valid");
  }

  get rule(): DataValidationRuleState {
    return this.get("rule");
  }
  set rule(v: DataValidationRuleState) {
    this.edit("rule", v, (entry, rule) => (entry.rule = checkRule(rule)));
  }

  get errorAlert(): DataValidationState["errorAlert"] {
    return this.get("errorAlert");
  }
  set errorAlert(v: Partial<DataValidationState["errorAlert"]>) {
    this.edit("errorAlert", v, (entry, alert) => {
      const a = alert as Partial<DataValidationState["errorAlert"]>;
      if (a.style !== undefined && !["Stop", "Warning", "Information"].includes(a.style))
        fail(ErrorCodes.invalidArgument, `'${a.style}' is not an alert style.`);
      entry.errorAlert = { ...entry.errorAlert, ...a };
    });
  }

  get prompt(): DataValidationState["prompt"] {
    return this.get("prompt");
  }
  set prompt(v: Partial<DataValidationState["prompt"]>) {
    this.edit("prompt", v, (entry, p) => (entry.prompt = { ...entry.prompt, ...(p as object) }));
  }

  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.edit("ignoreBlanks", v, (entry, b) => (entry.ignoreBlanks = b === true));
  }

  /** Removes validation from the range's cells (and only from them). */
  clear(): void {
    for (const name of this.scalarProperties) this.loaded.delete(name);
    this.command("clear", (t) => this.context.core.model.clearValidation(t.sheet, t.rect));
  }
}
