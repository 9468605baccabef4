/**
 * Excel.Range: values, formulas, number formats, displayed text, navigation to other ranges,
 * formats, data validation, conditional formats and merged cells.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.range
 *       merge/unmerge (ExcelApi 1.2): https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)
 *       the merged cell keeps the upper-left value: https://learn.microsoft.com/en-us/office/vba/api/excel.range.merge
 */
import type { Rect } from "./addressing";
import { MAX_COLUMNS, MAX_ROWS, intersect, qualifiedAddress } from "./addressing";
import type { CellRange } from "./cellRange";
import { checkRect, resolveAddress } from "./cellRange";
import { ConditionalFormatCollection } from "./conditionalFormat";
import { DataValidation } from "./dataValidation";
import { ErrorCodes, fail } from "./errors";
import type { CellInput } from "./formulaEngine";
import { valueTypeOf } from "./gridView";
import { formatValue } from "./numberFormat";
import { ClientObject } from "./proxy";
import { RangeAreas } from "./rangeAreas";
import { RangeFormat } from "./rangeFormat";
import type { RequestContext } from "./requestContext";
import { Worksheet } from "./worksheet";

/**
 * "Total number of characters that a cell can contain: 32,767 characters" (Excel specifications and
 * limits, https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * Excel refuses a longer text rather than cutting it; the code it answers `Range.values` with is
 * not documented: the stand-in uses InvalidArgument, office.js's code for an argument Excel
 * cannot take (not checked against Excel).
 */
export const MAX_CELL_CHARACTERS = 32_767;

const SHAPE_MESSAGE =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** A scalar is applied to every cell; a 2-D array must match the range exactly (InvalidArgument otherwise). */
export function toGrid(value: unknown, rect: Rect, check: (v: unknown) => unknown): unknown[][] {
  if (!Array.isArray(value)) {
    const v = check(value);
    return Array.from({ length: rect.rows }, () => Array.from({ length: rect.cols }, () => v));
  }
  if (value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    fail(ErrorCodes.invalidArgument, SHAPE_MESSAGE);
  }
  return (value as unknown[][]).map((row) => row.map(check));
}

export function checkCellInput(v: unknown): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail(ErrorCodes.invalidArgument, "A cell value can't be NaN or Infinity.");
    return v;
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  return fail(ErrorCodes.invalidArgument, "A cell value must be a number, a string or a boolean.");
}

function checkFormat(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") fail(ErrorCodes.invalidArgument, "A number format must be a string.");
  return v;
}

export class Range extends ClientObject<CellRange> {
  protected readonly className = "Range";
  protected readonly scalarProperties = [
    "address",
    "addressLocal",
    "cellCount",
    "columnCount",
    "columnIndex",
    "rowCount",
    "rowIndex",
    "formulas",
    "formulasLocal",
    "numberFormat",
    "numberFormatLocal",
    "text",
    "values",
    "valueTypes",
    "isEntireColumn",
    "isEntireRow",
    "columnHidden",
  ] as const;
  private formatProxy?: RangeFormat;
  private validationProxy?: DataValidation;
  private conditionalFormatsProxy?: ConditionalFormatCollection;

  constructor(context: RequestContext, resolver: () => CellRange | null) {
    super(context, resolver);
  }

  private get model() {
    return this.context.core.model;
  }

  /** Grid of a cell-wise function over the range. */
  private grid<V>(t: CellRange, f: (row: number, col: number) => V): V[][] {
    return Array.from({ length: t.rect.rows }, (_, r) =>
      Array.from({ length: t.rect.cols }, (_, c) => f(t.rect.row + r, t.rect.col + c)),
    );
  }

  protected readProperty(t: CellRange, name: string): unknown {
    const { sheet, rect } = t;
    const engine = this.model.engine;
    switch (name) {
      case "address":
      case "addressLocal":
        return qualifiedAddress(sheet.name, rect);
      case "cellCount":
        return rect.rows * rect.cols;
      case "columnCount":
        return rect.cols;
      case "rowCount":
        return rect.rows;
      case "columnIndex":
        return rect.col;
      case "rowIndex":
        return rect.row;
      case "isEntireColumn":
        return rect.row === 0 && rect.rows === MAX_ROWS;
      case "isEntireRow":
        return rect.col === 0 && rect.cols === MAX_COLUMNS;
      case "columnHidden": {
        // true: every column hidden; false: none; null: some (excel.range#columnHidden).
        let hidden = 0;
        const cols = Math.min(rect.cols, 16384);
        for (let c = rect.col; c < rect.col + cols; c++) if (sheet.hiddenColumns.has(c)) hidden++;
        return hidden === cols ? true : hidden === 0 ? false : null;
      }
      case "values":
        return this.grid(t, (r, c) => engine.value(sheet.engineId, r, c));
      case "formulas":
      case "formulasLocal":
        return this.grid(t, (r, c) => engine.formula(sheet.engineId, r, c));
      case "numberFormat":
      case "numberFormatLocal":
        return this.grid(t, (r, c) => this.model.style(sheet, r, c).numberFormat);
      case "text":
        return this.grid(t, (r, c) =>
          formatValue(engine.value(sheet.engineId, r, c), this.model.style(sheet, r, c).numberFormat),
        );
      case "valueTypes":
        return this.grid(t, (r, c) => valueTypeOf(engine.value(sheet.engineId, r, c)));
    }
    return undefined;
  }

  protected override navigation(name: string) {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "conditionalFormats") return this.conditionalFormats;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  protected override navigationNames(): string[] {
    return [this.formatProxy && "format", this.validationProxy && "dataValidation"].filter((n): n is string => !!n);
  }

  // ---- properties -----------------------------------------------------------------------------------

  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get isEntireColumn(): boolean {
    return this.get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this.get("isEntireRow");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }

  /** Hides or shows every column of the range (ExcelApi 1.2). Hidden columns are not printed. */
  get columnHidden(): boolean {
    return this.get("columnHidden");
  }
  set columnHidden(value: boolean) {
    this.set_("columnHidden", value, (t, v) => {
      if (typeof v !== "boolean") fail(ErrorCodes.invalidArgument, "columnHidden is true or false.");
      this.model.setColumnsHidden(t.sheet, t.rect, v);
    });
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  set values(value: unknown[][]) {
    this.writeContents("values", value);
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(value: unknown[][]) {
    this.writeContents("formulas", value);
  }
  get formulasLocal(): unknown[][] {
    return this.get("formulasLocal");
  }
  set formulasLocal(value: unknown[][]) {
    this.writeContents("formulasLocal", value);
  }

  private writeContents(name: string, value: unknown): void {
    this.set_(
      name,
      value,
      (t, v) => {
        const grid = toGrid(v, t.rect, checkCellInput) as CellInput[][];
        for (const line of grid)
          for (const cell of line) {
            if (typeof cell === "string" && !cell.startsWith("=") && cell.length > MAX_CELL_CHARACTERS) {
              fail(
                ErrorCodes.invalidArgument,
                `A cell can contain at most ${MAX_CELL_CHARACTERS} characters; this text has ${cell.length}.`,
              );
            }
            if (
              typeof cell === "string" &&
              cell.startsWith("=") &&
              cell.length > 1 &&
              !this.model.engine.isValidFormula(cell)
            ) {
              fail(ErrorCodes.invalidArgument, `The formula '${cell}' is not valid.`);
            }
          }
        this.model.writeCells(t.sheet, t.rect, grid, "api");
      },
      {
        cells: Array.isArray(value)
          ? value.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 1), 0)
          : 1,
      },
    );
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(value: string[][]) {
    this.writeNumberFormat("numberFormat", value);
  }
  get numberFormatLocal(): string[][] {
    return this.get("numberFormatLocal");
  }
  set numberFormatLocal(value: string[][]) {
    this.writeNumberFormat("numberFormatLocal", value);
  }

  private writeNumberFormat(name: string, value: unknown): void {
    this.set_(
      name,
      value,
      (t, v) => {
        if (!Array.isArray(v)) {
          const format = checkFormat(v);
          if (format !== null) this.model.setStyle(t.sheet, t.rect, { numberFormat: format });
        } else this.model.setStyleCells(t.sheet, t.rect, "numberFormat", toGrid(v, t.rect, checkFormat));
      },
      {
        cells: Array.isArray(value)
          ? value.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 1), 0)
          : 1,
      },
    );
  }

  get format(): RangeFormat {
    return (this.formatProxy ??= new RangeFormat(this.context, () => this.target()));
  }

  get dataValidation(): DataValidation {
    return (this.validationProxy ??= new DataValidation(this.context, () => this.target()));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return (this.conditionalFormatsProxy ??= new ConditionalFormatCollection(this.context, () => this.target()));
  }

  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => this.target()?.sheet ?? null);
  }

  // ---- navigation to other ranges ----------------------------------------------------------------------

  /** A range derived from this one at sync time; null when this one is null. */
  private derive(f: (t: CellRange) => CellRange | null, orNull = false): Range {
    const range = new Range(this.context, () => {
      const t = this.target();
      return t === null ? null : f(t);
    });
    if (orNull) range.queueNullCheck("Range.getOrNullObject");
    return range;
  }

  private at(t: CellRange, rect: Rect): CellRange {
    return { sheet: t.sheet, rect: checkRect(rect) };
  }

  getCell(row: number, column: number): Range {
    return this.derive((t) => this.at(t, { row: t.rect.row + row, col: t.rect.col + column, rows: 1, cols: 1 }));
  }

  getRow(row: number): Range {
    return this.derive((t) => this.at(t, { row: t.rect.row + row, col: t.rect.col, rows: 1, cols: t.rect.cols }));
  }

  getColumn(column: number): Range {
    return this.derive((t) => this.at(t, { row: t.rect.row, col: t.rect.col + column, rows: t.rect.rows, cols: 1 }));
  }

  getLastRow(): Range {
    return this.derive((t) => this.at(t, { ...t.rect, row: t.rect.row + t.rect.rows - 1, rows: 1 }));
  }

  getLastColumn(): Range {
    return this.derive((t) => this.at(t, { ...t.rect, col: t.rect.col + t.rect.cols - 1, cols: 1 }));
  }

  getLastCell(): Range {
    return this.derive((t) =>
      this.at(t, { row: t.rect.row + t.rect.rows - 1, col: t.rect.col + t.rect.cols - 1, rows: 1, cols: 1 }),
    );
  }

  getRowsAbove(count = 1): Range {
    return this.derive((t) => this.at(t, { ...t.rect, row: t.rect.row - count, rows: count }));
  }

  getRowsBelow(count = 1): Range {
    return this.derive((t) => this.at(t, { ...t.rect, row: t.rect.row + t.rect.rows, rows: count }));
  }

  getColumnsBefore(count = 1): Range {
    return this.derive((t) => this.at(t, { ...t.rect, col: t.rect.col - count, cols: count }));
  }

  getColumnsAfter(count = 1): Range {
    return this.derive((t) => this.at(t, { ...t.rect, col: t.rect.col + t.rect.cols, cols: count }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive((t) =>
      this.at(t, { ...t.rect, rows: t.rect.rows + deltaRows, cols: t.rect.cols + deltaColumns }),
    );
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this.derive((t) => this.at(t, { ...t.rect, rows: numRows, cols: numColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive((t) => this.at(t, { ...t.rect, row: t.rect.row + rowOffset, col: t.rect.col + columnOffset }));
  }

  getEntireRow(): Range {
    return this.derive((t) => this.at(t, { row: t.rect.row, col: 0, rows: t.rect.rows, cols: MAX_COLUMNS }));
  }

  getEntireColumn(): Range {
    return this.derive((t) => this.at(t, { row: 0, col: t.rect.col, rows: MAX_ROWS, cols: t.rect.cols }));
  }

  private other(t: CellRange, anotherRange: Range | string): CellRange {
    const o =
      typeof anotherRange === "string" ? resolveAddress(this.model, t.sheet, anotherRange) : anotherRange.target();
    if (!o) fail(ErrorCodes.invalidArgument, "The other range is a null object.");
    if (o.sheet !== t.sheet) fail(ErrorCodes.invalidArgument, "The ranges are on different worksheets.");
    return o;
  }

  /** Throws ItemNotFound when the ranges do not meet. */
  getIntersection(anotherRange: Range | string): Range {
    return this.derive((t) => {
      const rect = intersect(t.rect, this.other(t, anotherRange).rect);
      if (!rect) fail(ErrorCodes.itemNotFound, "The ranges do not intersect.");
      return { sheet: t.sheet, rect };
    });
  }

  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    return this.derive((t) => {
      const rect = intersect(t.rect, this.other(t, anotherRange).rect);
      return rect ? { sheet: t.sheet, rect } : null;
    }, true);
  }

  getBoundingRect(anotherRange: Range | string): Range {
    return this.derive((t) => {
      const o = this.other(t, anotherRange).rect;
      const row = Math.min(t.rect.row, o.row);
      const col = Math.min(t.rect.col, o.col);
      const rows = Math.max(t.rect.row + t.rect.rows, o.row + o.rows) - row;
      const cols = Math.max(t.rect.col + t.rect.cols, o.col + o.cols) - col;
      return { sheet: t.sheet, rect: { row, col, rows, cols } };
    });
  }

  /** The used part of this range; ItemNotFound when none of it is used. */
  getUsedRange(valuesOnly = false): Range {
    return this.derive((t) => {
      const used = this.model.usedRect(t.sheet, valuesOnly);
      const rect = used && intersect(used, t.rect);
      if (!rect) fail(ErrorCodes.itemNotFound, "The range has no used cells.");
      return { sheet: t.sheet, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.derive((t) => {
      const used = this.model.usedRect(t.sheet, valuesOnly);
      const rect = used && intersect(used, t.rect);
      return rect ? { sheet: t.sheet, rect } : null;
    }, true);
  }

  // ---- actions --------------------------------------------------------------------------------------

  /** applyTo: "All" (default), "Contents", "Formats". */
  clear(applyTo: string = "All"): void {
    this.command(
      "clear",
      (t) => {
        if (applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents")
          this.model.clearContents(t.sheet, t.rect, "api");
        if (applyTo === "All" || applyTo === "Formats") this.model.clearStyles(t.sheet, t.rect);
      },
      { payload: applyTo },
    );
  }

  select(): void {
    this.command("select", (t) => this.model.select(t.sheet, t.rect));
  }

  /** Merges the range into one cell (across: each row into one), keeping the upper-left value. */
  merge(across = false): void {
    this.command("merge", (t) => this.model.merge(t.sheet, t.rect, across === true), { payload: across });
  }

  /** Splits every merged area that meets the range back into cells. */
  unmerge(): void {
    this.command("unmerge", (t) => this.model.unmerge(t.sheet, t.rect));
  }

  /** The merged areas that meet the range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreas {
    const areas = new RangeAreas(this.context, () => {
      const t = this.target();
      if (!t) return null;
      const rects = this.model
        .sheetMerges(t.sheet)
        .filter((m) => intersect(m.rect, t.rect))
        .map((m) => m.rect);
      return rects.length > 0 ? { sheet: t.sheet, rects } : null;
    });
    areas.queueNullCheck("Range.getMergedAreasOrNullObject");
    return areas;
  }
}
