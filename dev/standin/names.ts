/**
 * Defined names (workbook.names, worksheet.names): add(name, reference, comment), getItem,
 * getItemOrNullObject; names share their namespace with tables and are usable in formulas.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditemcollection
 */
import { parseAddress, qualifiedAddress } from "./addressing";
import { ErrorCodes, fail } from "./errors";
import type { NameState, SheetState } from "./model";
import { ClientCollection, ClientObject } from "./proxy";
import { Range } from "./range";
import type { RequestContext } from "./requestContext";

export class NamedItemCollection extends ClientCollection<NamedItem, NameState> {
  protected readonly className = "NamedItemCollection";
  /** null: workbook-scoped names. */
  private readonly sheet: (() => SheetState | null) | null;

  constructor(context: RequestContext, sheet: (() => SheetState | null) | null) {
    super(context);
    this.sheet = sheet;
  }

  protected list(): NameState[] {
    const scope = this.sheet ? (this.sheet()?.id ?? "-") : null;
    return this.context.core.model.names.filter((n) => n.sheetId === scope);
  }

  protected wrap(state: NameState): NamedItem {
    return new NamedItem(this.context, () => state);
  }

  /** reference: a Range or a formula/constant such as "=Sheet1!$A$1" or "=0.1". */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    let created: NameState | null = null;
    this.context.enqueue({
      location: "NamedItemCollection.add",
      payload: [name, typeof reference === "string" ? reference : "range", comment ?? ""],
      run: () => {
        const model = this.context.core.model;
        let formula: string;
        if (typeof reference === "string") formula = reference;
        else {
          const t = reference.target();
          if (!t) fail(ErrorCodes.invalidArgument, "The range is a null object.");
          formula = `=${qualifiedAddress(t.sheet.name, t.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
        }
        const sheet = this.sheet ? this.sheet() : null;
        created = model.addName(name, formula, comment ?? "", sheet);
      },
    });
    return new NamedItem(this.context, () => created);
  }

  private find(name: string): NameState | undefined {
    return this.list().find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  getItem(name: string): NamedItem {
    return new NamedItem(
      this.context,
      () => this.find(name) ?? fail(ErrorCodes.itemNotFound, `The name '${name}' doesn't exist.`),
    );
  }

  getItemOrNullObject(name: string): NamedItem {
    const item = new NamedItem(this.context, () => this.find(name) ?? null);
    item.queueNullCheck("NamedItemCollection.getItemOrNullObject");
    return item;
  }
}

export class NamedItem extends ClientObject<NameState> {
  protected readonly className = "NamedItem";
  protected readonly scalarProperties = ["name", "type", "value", "formula", "comment", "visible", "scope"] as const;

  private rangeOf(state: NameState) {
    const parsed = parseAddress(state.formula.slice(1));
    const sheet = parsed?.sheetName ? this.context.core.model.sheetByName(parsed.sheetName) : undefined;
    return parsed && sheet ? { sheet, rect: parsed.rect } : null;
  }

  protected readProperty(state: NameState, name: string): unknown {
    const model = this.context.core.model;
    const sheet = state.sheetId ? model.sheetById(state.sheetId) : undefined;
    switch (name) {
      case "type": {
        if (this.rangeOf(state)) return "Range";
        const v = model.engine.nameValue(state.name, sheet?.engineId);
        if (typeof v === "boolean") return "Boolean";
        if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
        return v.startsWith("#") ? "Error" : "String";
      }
      case "value": {
        const range = this.rangeOf(state);
        return range ? state.formula.slice(1) : model.engine.nameValue(state.name, sheet?.engineId);
      }
      case "scope":
        return state.sheetId ? "Worksheet" : "Workbook";
      default:
        return (state as unknown as Record<string, unknown>)[name];
    }
  }

  get name(): string {
    return this.get("name");
  }
  get type(): string {
    return this.get("type");
  }
  get value(): unknown {
    return this.get("value");
  }
  get formula(): string {
    return this.get("formula");
  }
  get comment(): string {
    return this.get("comment");
  }
  get visible(): boolean {
    return this.get("visible");
  }
  get scope(): string {
    return this.get("scope");
  }

  getRange(): Range {
    return new Range(this.context, () => {
      const state = this.target();
      if (!state) return null;
      return this.rangeOf(state) ?? fail(ErrorCodes.invalidArgument, `The name '${state.name}' is not a range.`);
    });
  }

  getRangeOrNullObject(): Range {
    const range = new Range(this.context, () => {
      const state = this.target();
      return state ? this.rangeOf(state) : null;
    });
    range.queueNullCheck("NamedItem.getRangeOrNullObject");
    return range;
  }

  delete(): void {
    this.command("delete", (state) => this.context.core.model.deleteName(state));
  }
}
