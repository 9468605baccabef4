/**
 * Range borders: range.format.borders.getItem("EdgeBottom") and friends, with style, color and weight.
 * Each cell keeps its own edges; an edge shared by two cells reads as set when either cell sets it (Excel draws
 * one line). Edge* set the outline of the range, Inside* the lines between its cells, Diagonal* every cell.
 * Reading a property over cells that differ gives null, like other range formats.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangebordercollection
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeborder
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.borderindex
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.borderlinestyle
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.borderweight
 */
import type { CellRange } from "./cellRange";
import { normalizeColor } from "./colors";
import { enumValues } from "./enums";
import { ErrorCodes, fail } from "./errors";
import type { BorderState, SheetState, StyleKey, WorkbookModel } from "./model";
import { NO_BORDER } from "./model";
import { ClientObject, ClientResult } from "./proxy";
import type { RequestContext } from "./requestContext";

const BORDER_INDEXES = enumValues("BorderIndex");
const LINE_STYLES = enumValues("BorderLineStyle");
const WEIGHTS = enumValues("BorderWeight");

type EdgeKey = "borderTop" | "borderBottom" | "borderLeft" | "borderRight" | "borderDiagonalDown" | "borderDiagonalUp";

/** For each side: the cells it applies to and the edge of theirs it sets. */
function cellsOf(t: CellRange, index: string): Array<{ row: number; col: number; edge: EdgeKey }> {
  const { row, col, rows, cols } = t.rect;
  const out: Array<{ row: number; col: number; edge: EdgeKey }> = [];
  const limit = 100_000;
  const each = (r0: number, r1: number, c0: number, c1: number, edge: EdgeKey) => {
    for (let r = r0; r < r1 && out.length < limit; r++)
      for (let c = c0; c < c1 && out.length < limit; c++) out.push({ row: r, col: c, edge });
  };
  switch (index) {
    case "EdgeTop":
      each(row, row + 1, col, col + cols, "borderTop");
      break;
    case "EdgeBottom":
      each(row + rows - 1, row + rows, col, col + cols, "borderBottom");
      break;
    case "EdgeLeft":
      each(row, row + rows, col, col + 1, "borderLeft");
      break;
    case "EdgeRight":
      each(row, row + rows, col + cols - 1, col + cols, "borderRight");
      break;
    case "InsideHorizontal":
      each(row, row + rows - 1, col, col + cols, "borderBottom");
      break;
    case "InsideVertical":
      each(row, row + rows, col, col + cols - 1, "borderRight");
      break;
    case "DiagonalDown":
      each(row, row + rows, col, col + cols, "borderDiagonalDown");
      break;
    case "DiagonalUp":
      each(row, row + rows, col, col + cols, "borderDiagonalUp");
      break;
  }
  return out;
}

/** The neighbour's edge that is the same line (none for diagonals and at the sheet's top or left). */
function facing(row: number, col: number, edge: EdgeKey): [number, number, EdgeKey] | null {
  const map: Partial<Record<EdgeKey, [number, number, EdgeKey]>> = {
    borderTop: [row - 1, col, "borderBottom"],
    borderBottom: [row + 1, col, "borderTop"],
    borderLeft: [row, col - 1, "borderRight"],
    borderRight: [row, col + 1, "borderLeft"],
  };
  const other = map[edge];
  return other && other[0] >= 0 && other[1] >= 0 ? other : null;
}

/** The edge as drawn: the cell's own, else the neighbour's facing edge. */
export function effectiveEdge(model: WorkbookModel, sheet: SheetState, row: number, col: number, edge: EdgeKey) {
  const own = model.style(sheet, row, col)[edge];
  if (own.style !== "None") return own;
  const other = facing(row, col, edge);
  if (!other) return own;
  const theirs = model.style(sheet, other[0], other[1])[other[2]];
  return theirs.style !== "None" ? theirs : own;
}

export class RangeBorderCollection extends ClientObject<CellRange> {
  protected readonly className = "RangeBorderCollection";
  protected readonly scalarProperties = [] as const;
  private itemsLoaded: RangeBorder[] | undefined;

  protected readProperty(): unknown {
    return undefined;
  }

  /** getItem(index): one side, by Excel.BorderIndex ("EdgeTop" … "DiagonalUp"); InvalidArgument otherwise. */
  getItem(index: string): RangeBorder {
    return new RangeBorder(
      this.context,
      () => {
        if (!BORDER_INDEXES.includes(index))
          fail(ErrorCodes.invalidArgument, `'${String(index)}' is not a BorderIndex.`);
        return this.target();
      },
      index,
    );
  }

  getItemAt(index: number): RangeBorder {
    return this.getItem(BORDER_INDEXES[index] ?? `#${index}`);
  }

  get count(): number {
    return BORDER_INDEXES.length;
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.enqueue({
      location: "RangeBorderCollection.getCount",
      run: () => result.setValue(BORDER_INDEXES.length),
    });
    return result;
  }

  get items(): RangeBorder[] {
    if (!this.itemsLoaded) fail(ErrorCodes.propertyNotLoaded, "The property 'items' is not available.");
    return this.itemsLoaded;
  }

  override applyLoad(paths: string[]): void {
    const itemPaths = paths.filter((p) => p !== "items").map((p) => (p.startsWith("items/") ? p.slice(6) : p));
    this.itemsLoaded = BORDER_INDEXES.map((index) => {
      const border = new RangeBorder(this.context, () => this.target(), index);
      border.applyLoad(itemPaths);
      return border;
    });
  }
}

export class RangeBorder extends ClientObject<CellRange> {
  protected readonly className = "RangeBorder";
  protected readonly scalarProperties = ["sideIndex", "style", "color", "weight"] as const;

  constructor(
    context: RequestContext,
    resolver: () => CellRange | null,
    private readonly index: string,
  ) {
    super(context, resolver);
  }

  private get model() {
    return this.context.core.model;
  }

  protected readProperty(t: CellRange, name: string): unknown {
    if (name === "sideIndex") return this.index;
    const prop = name as keyof BorderState;
    let first: string | undefined;
    for (const { row, col, edge } of cellsOf(t, this.index)) {
      const v = effectiveEdge(this.model, t.sheet, row, col, edge)[prop];
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
    return first ?? NO_BORDER[prop];
  }

  /** Sets one property of the side on every cell it covers; colour or weight on no line draws a continuous one. */
  private apply(name: keyof BorderState, value: unknown, check: (v: unknown) => string): void {
    this.set_(name, value, (t, v) => {
      const checked = check(v);
      for (const { row, col, edge } of cellsOf(t, this.index)) {
        const current = this.model.style(t.sheet, row, col)[edge];
        const next: BorderState = { ...current, [name]: checked };
        if (name !== "style" && current.style === "None") next.style = "Continuous";
        // No line is Excel's default: stored as no format, so it does not make the cell "used".
        const stored = next.style === "None" ? null : next;
        this.model.setStyle(t.sheet, { row, col, rows: 1, cols: 1 }, { [edge as StyleKey]: stored });
        // No line: the neighbour's half of the same line goes too.
        const other = name === "style" && checked === "None" ? facing(row, col, edge) : null;
        if (other && this.model.style(t.sheet, other[0], other[1])[other[2]].style !== "None")
          this.model.setStyle(t.sheet, { row: other[0], col: other[1], rows: 1, cols: 1 }, { [other[2]]: null });
      }
    });
  }

  get sideIndex(): string {
    return this.get("sideIndex");
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.apply("style", v, (s) => {
      if (typeof s !== "string" || !LINE_STYLES.includes(s))
        fail(ErrorCodes.invalidArgument, `'${String(s)}' is not a BorderLineStyle.`);
      return s;
    });
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.apply("color", v, (c) => {
      const color = normalizeColor(c);
      if (color === null) fail(ErrorCodes.invalidArgument, `'${String(c)}' is not a colour.`);
      return color;
    });
  }
  get weight(): string {
    return this.get("weight");
  }
  set weight(v: string) {
    this.apply("weight", v, (w) => {
      if (typeof w !== "string" || !WEIGHTS.includes(w))
        fail(ErrorCodes.invalidArgument, `'${String(w)}' is not a BorderWeight.`);
      return w;
    });
  }
}
