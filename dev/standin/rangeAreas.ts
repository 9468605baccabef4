/**
 * Excel.RangeAreas: one or more blocks of cells on one sheet, as PageLayout.getPrintAreaOrNullObject() and
 * Range.getMergedAreasOrNullObject() return them. Only what those callers need: the address ("Sheet1!A1:B4,
 * Sheet1!D1:D4", each block sheet-qualified, as the docs show it), the count of areas and cells, and the sheet.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeareas
 */
import type { Rect } from "./addressing";
import { MAX_COLUMNS, MAX_ROWS, qualifiedAddress } from "./addressing";
import type { SheetState } from "./model";
import { ClientObject } from "./proxy";
import { Worksheet } from "./worksheet";

export interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

export class RangeAreas extends ClientObject<AreasTarget> {
  protected readonly className = "RangeAreas";
  protected readonly scalarProperties = [
    "address",
    "addressLocal",
    "areaCount",
    "cellCount",
    "isEntireRow",
    "isEntireColumn",
  ] as const;

  protected readProperty({ sheet, rects }: AreasTarget, name: string): unknown {
    switch (name) {
      case "address":
      case "addressLocal":
        return rects.map((r) => qualifiedAddress(sheet.name, r)).join(", ");
      case "areaCount":
        return rects.length;
      case "cellCount":
        return rects.reduce((n, r) => n + r.rows * r.cols, 0);
      case "isEntireRow":
        return rects.every((r) => r.col === 0 && r.cols === MAX_COLUMNS);
      case "isEntireColumn":
        return rects.every((r) => r.row === 0 && r.rows === MAX_ROWS);
    }
    return undefined;
  }

  protected override navigation(name: string) {
    return name === "worksheet" ? this.worksheet : undefined;
  }

  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get isEntireRow(): boolean {
    return this.get("isEntireRow");
  }
  get isEntireColumn(): boolean {
    return this.get("isEntireColumn");
  }

  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => this.target()?.sheet ?? null);
  }
}
