/**
 * Range formats: fill, font (color, bold, italic, size, name), wrap, horizontal and vertical alignment,
 * borders (borders.ts), column width and row height, autofit.
 * Reading a property over cells that differ gives null, as Excel does.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangefont
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.verticalalignment
 */
import { RangeBorderCollection } from "./borders";
import type { CellRange } from "./cellRange";
import { normalizeColor } from "./colors";
import { enumValues } from "./enums";
import { ErrorCodes, fail } from "./errors";
import type { CellStyle, StyleKey } from "./model";
import { formatValue } from "./numberFormat";
import { ClientObject } from "./proxy";
import type { RequestContext } from "./requestContext";

/** The common value of a style property over a range, or null when cells differ. */
function uniform(context: RequestContext, t: CellRange, prop: StyleKey): unknown {
  const model = context.core.model;
  let first: unknown;
  const cells = Math.min(t.rect.rows * t.rect.cols, 100_000);
  for (let i = 0; i < cells; i++) {
    const r = t.rect.row + Math.floor(i / t.rect.cols);
    const c = t.rect.col + (i % t.rect.cols);
    const v = model.style(t.sheet, r, c)[prop];
    if (i === 0) first = v;
    else if (v !== first) return null;
  }
  return first;
}

function color(v: unknown): string {
  const c = normalizeColor(v);
  if (c === null) fail(ErrorCodes.invalidArgument, `'${String(v)}' is not a colour.`);
  return c;
}

function bool(v: unknown): boolean {
  if (typeof v !== "boolean") fail(ErrorCodes.invalidArgument, "Expected true or false.");
  return v;
}

/** Width in points of a cell's text in Calibri 11 (CJK characters twice as wide), for autofit. */
function textWidth(text: string, bold: boolean): number {
  let units = 0;
  for (const ch of text) units += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return units * 5.6 * (bold ? 1.1 : 1) + 7.5;
}

abstract class StyleObject extends ClientObject<CellRange> {
  protected readProperty(t: CellRange, name: string): unknown {
    const prop = this.styleKey(name);
    return prop ? uniform(this.context, t, prop) : undefined;
  }

  protected abstract styleKey(name: string): StyleKey | undefined;

  protected setStyle(name: string, value: unknown, check: (v: unknown) => unknown): void {
    const key = this.styleKey(name)!;
    this.set_(name, value, (t, v) =>
      this.context.core.model.setStyle(t.sheet, t.rect, { [key]: check(v) } as CellStyle),
    );
  }
}

export class RangeFill extends StyleObject {
  protected readonly className = "RangeFill";
  protected readonly scalarProperties = ["color"] as const;
  protected styleKey(name: string): StyleKey | undefined {
    return name === "color" ? "fill" : undefined;
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setStyle("color", v, color);
  }
  clear(): void {
    this.loaded.delete("color");
    this.command("clear", (t) => this.context.core.model.setStyle(t.sheet, t.rect, { fill: null }));
  }
}

/** Font sizes Excel accepts: 1 to 409 points. */
function fontSize(v: unknown): number {
  if (typeof v !== "number" || !(v >= 1 && v <= 409))
    fail(ErrorCodes.invalidArgument, "The font size must be between 1 and 409 points.");
  return v;
}

function fontName(v: unknown): string {
  if (typeof v !== "string" || v === "" || v.length > 31)
    fail(ErrorCodes.invalidArgument, "A font name has 1 to 31 characters.");
  return v;
}

export class RangeFont extends StyleObject {
  protected readonly className = "RangeFont";
  protected readonly scalarProperties = ["color", "bold", "italic", "size", "name"] as const;
  protected styleKey(name: string): StyleKey | undefined {
    return (
      { color: "fontColor", bold: "bold", italic: "italic", size: "fontSize", name: "fontName" } as Record<
        string,
        StyleKey
      >
    )[name];
  }
  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    this.setStyle("size", v, fontSize);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.setStyle("name", v, fontName);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.setStyle("color", v, color);
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.setStyle("bold", v, bool);
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(v: boolean) {
    this.setStyle("italic", v, bool);
  }
}

export class RangeFormatProtection extends StyleObject {
  protected readonly className = "FormatProtection";
  protected readonly scalarProperties = ["locked"] as const;
  protected styleKey(name: string): StyleKey | undefined {
    return name === "locked" ? "locked" : undefined;
  }
  get locked(): boolean {
    return this.get("locked");
  }
  set locked(v: boolean) {
    this.setStyle("locked", v, bool);
  }
}

const HORIZONTAL = enumValues("HorizontalAlignment");
const VERTICAL = enumValues("VerticalAlignment");

function oneOf(values: readonly string[], what: string) {
  return (v: unknown): string => {
    if (typeof v !== "string" || !values.includes(v))
      fail(ErrorCodes.invalidArgument, `'${String(v)}' is not a ${what}.`);
    return v;
  };
}

export class RangeFormat extends StyleObject {
  protected readonly className = "RangeFormat";
  protected readonly scalarProperties = [
    "columnWidth",
    "rowHeight",
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
  ] as const;
  private fillProxy?: RangeFill;
  private fontProxy?: RangeFont;
  private protectionProxy?: RangeFormatProtection;
  private bordersProxy?: RangeBorderCollection;

  protected styleKey(name: string): StyleKey | undefined {
    return (
      {
        wrapText: "wrapText",
        horizontalAlignment: "horizontalAlignment",
        verticalAlignment: "verticalAlignment",
      } as Record<string, StyleKey>
    )[name];
  }

  protected override readProperty(t: CellRange, name: string): unknown {
    const model = this.context.core.model;
    if (name === "columnWidth") {
      const first = model.columnWidth(t.sheet, t.rect.col);
      for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.cols, 1000); c++)
        if (model.columnWidth(t.sheet, c) !== first) return null;
      return first;
    }
    if (name === "rowHeight") {
      const first = model.rowHeight(t.sheet, t.rect.row);
      for (let r = t.rect.row; r < t.rect.row + Math.min(t.rect.rows, 1000); r++)
        if (model.rowHeight(t.sheet, r) !== first) return null;
      return first;
    }
    return super.readProperty(t, name);
  }

  protected override navigation(name: string) {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "protection") return this.protection;
    if (name === "borders") return this.borders;
    return undefined;
  }

  protected override navigationNames(): string[] {
    return ["fill", "font", "protection"].filter(
      (n) =>
        this.navigation(n) &&
        (n !== "fill" || this.fillProxy) &&
        (n !== "font" || this.fontProxy) &&
        (n !== "protection" || this.protectionProxy),
    );
  }

  get fill(): RangeFill {
    return (this.fillProxy ??= new RangeFill(this.context, () => this.target()));
  }
  get font(): RangeFont {
    return (this.fontProxy ??= new RangeFont(this.context, () => this.target()));
  }
  get protection(): RangeFormatProtection {
    return (this.protectionProxy ??= new RangeFormatProtection(this.context, () => this.target()));
  }
  get borders(): RangeBorderCollection {
    return (this.bordersProxy ??= new RangeBorderCollection(this.context, () => this.target()));
  }

  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.setStyle("wrapText", v, bool);
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.setStyle("horizontalAlignment", v, oneOf(HORIZONTAL, "horizontal alignment"));
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setStyle("verticalAlignment", v, oneOf(VERTICAL, "vertical alignment"));
  }

  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.set_("columnWidth", v, (t, w) => {
      if (typeof w !== "number" || !(w >= 0))
        fail(ErrorCodes.invalidArgument, "The column width must be a non-negative number.");
      this.context.core.model.setColumnWidth(t.sheet, t.rect, w);
    });
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set rowHeight(v: number) {
    this.set_("rowHeight", v, (t, h) => {
      if (typeof h !== "number" || !(h >= 0))
        fail(ErrorCodes.invalidArgument, "The row height must be a non-negative number.");
      this.context.core.model.setRowHeight(t.sheet, t.rect, h);
    });
  }

  /** Fits each column of the range to the widest displayed text in the range's used cells. */
  autofitColumns(): void {
    this.command("autofitColumns", (t) => {
      const model = this.context.core.model;
      const used = model.usedRect(t.sheet, true);
      const lastRow = used ? Math.min(t.rect.row + t.rect.rows, used.row + used.rows) : t.rect.row;
      for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.cols, 16384); c++) {
        let width = 0;
        for (let r = t.rect.row; r < lastRow; r++) {
          const style = model.style(t.sheet, r, c);
          if (style.wrapText) continue;
          const text = formatValue(model.value(t.sheet, r, c), style.numberFormat);
          if (text !== "") width = Math.max(width, (textWidth(text, style.bold) * style.fontSize) / 11);
        }
        if (width > 0)
          model.setColumnWidth(t.sheet, { row: 0, col: c, rows: 1, cols: 1 }, Math.min(409, Math.round(width * 4) / 4));
        if (used && c >= used.col + used.cols) break;
      }
    });
  }

  autofitRows(): void {
    this.command("autofitRows", () => undefined); // row heights follow content in the preview grid
  }
}
