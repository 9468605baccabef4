/**
 * Conditional formats on a range: custom (formula) rules with fill and font, ids, priority,
 * stopIfTrue, getItem/getItemOrNullObject by id, delete(). New rules take the top priority.
 * A rule's relative references are relative to the top-left cell of the range it was added to.
 * customOrNullObject is a null object on a rule of another type (ExcelApi 1.6).
 * Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-conditional-formatting
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatcollection
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformat (custom, customOrNullObject)
 */
import { intersect } from "./addressing";
import type { CellRange } from "./cellRange";
import { normalizeColor } from "./colors";
import { ErrorCodes, fail } from "./errors";
import type { ConditionalFormatState } from "./model";
import { ClientCollection, ClientObject } from "./proxy";
import { Range } from "./range";
import type { RequestContext } from "./requestContext";

function checkColor(v: unknown): string {
  const c = normalizeColor(v);
  if (c === null) fail(ErrorCodes.invalidArgument, `'${String(v)}' is not a colour.`);
  return c;
}

export class ConditionalFormatCollection extends ClientCollection<ConditionalFormat, ConditionalFormatState> {
  protected readonly className = "ConditionalFormatCollection";
  private readonly range: () => CellRange | null;

  constructor(context: RequestContext, range: () => CellRange | null) {
    super(context);
    this.range = range;
  }

  /** The sheet's rules that intersect the range, highest priority first. */
  protected list(): ConditionalFormatState[] {
    const t = this.range();
    if (!t) return [];
    return this.context.core.model.sheetConditionalFormats(t.sheet).filter((c) => intersect(c.rect, t.rect));
  }

  protected wrap(state: ConditionalFormatState): ConditionalFormat {
    return new ConditionalFormat(this.context, () => state);
  }

  /** Only `Excel.ConditionalFormatType.custom` ("Custom") is supported by the stand-in. */
  add(type: string): ConditionalFormat {
    let created: ConditionalFormatState | null = null;
    this.context.enqueue({
      location: "ConditionalFormatCollection.add",
      payload: type,
      run: () => {
        const t = this.range();
        if (!t) return;
        if (type !== "Custom")
          fail(ErrorCodes.invalidArgument, `The stand-in supports custom conditional formats only, not '${type}'.`);
        created = this.context.core.model.addConditionalFormat(t.sheet, t.rect, type);
      },
    });
    return new ConditionalFormat(this.context, () => created);
  }

  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const found = this.list().find((c) => c.id === id);
      if (!found) fail(ErrorCodes.itemNotFound, `The conditional format '${id}' doesn't exist.`);
      return found;
    });
  }

  getItemOrNullObject(id: string): ConditionalFormat {
    const item = new ConditionalFormat(this.context, () => this.list().find((c) => c.id === id) ?? null);
    item.queueNullCheck("ConditionalFormatCollection.getItemOrNullObject");
    return item;
  }

  getItemAt(index: number): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const found = this.list()[index];
      if (!found) fail(ErrorCodes.itemNotFound, `No conditional format at index ${index}.`);
      return found;
    });
  }

  /** Removes every rule intersecting the range (the add-in must not call this on user ranges). */
  clearAll(): void {
    this.context.enqueue({
      location: "ConditionalFormatCollection.clearAll",
      run: () => {
        for (const c of this.list()) this.context.core.model.deleteConditionalFormat(c);
      },
    });
  }
}

export class ConditionalFormat extends ClientObject<ConditionalFormatState> {
  protected readonly className = "ConditionalFormat";
  protected readonly scalarProperties = ["id", "priority", "stopIfTrue", "type"] as const;
  private customProxy?: CustomConditionalFormat;
  private customOrNullProxy?: CustomConditionalFormat;

  protected readProperty(state: ConditionalFormatState, name: string): unknown {
    if (name === "priority") {
      const sheet = this.context.core.model.sheetById(state.sheetId)!;
      return this.context.core.model.sheetConditionalFormats(sheet).indexOf(state);
    }
    return (state as unknown as Record<string, unknown>)[name];
  }

  protected override navigation(name: string) {
    if (name === "custom") return this.custom;
    return name === "customOrNullObject" ? this.customOrNullObject : undefined;
  }

  protected override navigationNames(): string[] {
    return [this.customProxy && "custom", this.customOrNullProxy && "customOrNullObject"].filter(
      (n): n is string => !!n,
    );
  }

  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get priority(): number {
    return this.get("priority");
  }
  set priority(v: number) {
    this.set_("priority", v, (state, p) => {
      if (!Number.isInteger(p) || p < 0) fail(ErrorCodes.invalidArgument, "The priority is a whole number from 0.");
      this.context.core.model.setConditionalFormatPriority(state, p);
    });
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.set_("stopIfTrue", v, (state, b) => {
      state.stopIfTrue = b === true;
      this.context.core.model.touch();
    });
  }

  get custom(): CustomConditionalFormat {
    return (this.customProxy ??= new CustomConditionalFormat(this.context, () => this.target()));
  }

  /** The custom properties when the rule is of the custom type; a null object otherwise. */
  get customOrNullObject(): CustomConditionalFormat {
    if (!this.customOrNullProxy) {
      const proxy = new CustomConditionalFormat(this.context, () => {
        const state = this.target();
        return state && state.type === "Custom" ? state : null;
      });
      proxy.queueNullCheck("ConditionalFormat.customOrNullObject");
      this.customOrNullProxy = proxy;
    }
    return this.customOrNullProxy;
  }

  getRange(): Range {
    return new Range(this.context, () => {
      const state = this.target();
      if (!state) return null;
      return { sheet: this.context.core.model.sheetById(state.sheetId)!, rect: state.rect };
    });
  }

  getRangeOrNullObject(): Range {
    const range = this.getRange();
    range.queueNullCheck("ConditionalFormat.getRangeOrNullObject");
    return range;
  }

  delete(): void {
    this.command("delete", (state) => this.context.core.model.deleteConditionalFormat(state));
  }
}

export class CustomConditionalFormat extends ClientObject<ConditionalFormatState> {
  protected readonly className = "CustomConditionalFormat";
  protected readonly scalarProperties = [] as const;
  private ruleProxy?: ConditionalFormatRule;
  private formatProxy?: ConditionalRangeFormat;

  protected readProperty(): unknown {
    return undefined;
  }

  protected override navigation(name: string) {
    if (name === "rule") return this.rule;
    if (name === "format") return this.format;
    return undefined;
  }

  protected override navigationNames(): string[] {
    return [this.ruleProxy && "rule", this.formatProxy && "format"].filter((n): n is string => !!n);
  }

  get rule(): ConditionalFormatRule {
    return (this.ruleProxy ??= new ConditionalFormatRule(this.context, () => this.target()));
  }

  get format(): ConditionalRangeFormat {
    return (this.formatProxy ??= new ConditionalRangeFormat(this.context, () => this.target()));
  }
}

export class ConditionalFormatRule extends ClientObject<ConditionalFormatState> {
  protected readonly className = "ConditionalFormatRule";
  protected readonly scalarProperties = ["formula", "formulaLocal"] as const;

  protected readProperty(state: ConditionalFormatState): unknown {
    return state.formula;
  }

  private setFormula(name: string, v: string): void {
    this.set_(name, v, (state, formula) => {
      if (
        typeof formula !== "string" ||
        !formula.startsWith("=") ||
        !this.context.core.model.engine.isValidFormula(formula)
      ) {
        fail(ErrorCodes.invalidArgument, `The formula '${String(formula)}' is not valid.`);
      }
      state.formula = formula;
      this.context.core.model.touch();
    });
  }

  get formula(): string {
    return this.get("formula");
  }
  set formula(v: string) {
    this.setFormula("formula", v);
  }
  get formulaLocal(): string {
    return this.get("formulaLocal");
  }
  set formulaLocal(v: string) {
    this.setFormula("formulaLocal", v);
  }
}

export class ConditionalRangeFormat extends ClientObject<ConditionalFormatState> {
  protected readonly className = "ConditionalRangeFormat";
  protected readonly scalarProperties = [] as const;
  private fillProxy?: ConditionalRangeFill;
  private fontProxy?: ConditionalRangeFont;

  protected readProperty(): unknown {
    return undefined;
  }

  protected override navigation(name: string) {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }

  protected override navigationNames(): string[] {
    return [this.fillProxy && "fill", this.fontProxy && "font"].filter((n): n is string => !!n);
  }

  get fill(): ConditionalRangeFill {
    return (this.fillProxy ??= new ConditionalRangeFill(this.context, () => this.target()));
  }

  get font(): ConditionalRangeFont {
    return (this.fontProxy ??= new ConditionalRangeFont(this.context, () => this.target()));
  }
}

export class ConditionalRangeFill extends ClientObject<ConditionalFormatState> {
  protected readonly className = "ConditionalRangeFill";
  protected readonly scalarProperties = ["color"] as const;

  protected readProperty(state: ConditionalFormatState): unknown {
    return state.fill;
  }

  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set_("color", v, (state, c) => {
      state.fill = checkColor(c);
      this.context.core.model.touch();
    });
  }

  clear(): void {
    this.loaded.delete("color");
    this.command("clear", (state) => {
      state.fill = null;
      this.context.core.model.touch();
    });
  }
}

export class ConditionalRangeFont extends ClientObject<ConditionalFormatState> {
  protected readonly className = "ConditionalRangeFont";
  protected readonly scalarProperties = ["color", "bold", "italic"] as const;

  protected readProperty(state: ConditionalFormatState, name: string): unknown {
    if (name === "color") return state.fontColor;
    return name === "bold" ? state.bold : state.italic;
  }

  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set_("color", v, (state, c) => {
      state.fontColor = checkColor(c);
      this.context.core.model.touch();
    });
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.set_("bold", v, (state, b) => {
      state.bold = b === true;
      this.context.core.model.touch();
    });
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(v: boolean) {
    this.set_("italic", v, (state, b) => {
      state.italic = b === true;
      this.context.core.model.touch();
    });
  }
}
