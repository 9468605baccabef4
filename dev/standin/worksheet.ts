/**
 * Worksheets: the collection (add with Excel's name rules, getItem, getItemOrNullObject,
 * getActiveWorksheet), and one worksheet (name, activate, getRange, used range, freeze panes,
 * page layout (pageLayout.ts), charts (chart.ts), tables, names, onChanged, onSelectionChanged).
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetcollection
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet
 */
import type { Rect } from "./addressing";
import { MAX_COLUMNS, MAX_ROWS } from "./addressing";
import { checkRect, resolveAddress } from "./cellRange";
import { ChartCollection } from "./chart";
import { ErrorCodes, fail } from "./errors";
import { EventHandlers } from "./events";
import type { SheetState } from "./model";
import { NamedItemCollection } from "./names";
import { PageLayout } from "./pageLayout";
import { ClientCollection, ClientObject } from "./proxy";
import { Range } from "./range";
import type { RequestContext } from "./requestContext";
import { TableCollection } from "./table";

export class WorksheetCollection extends ClientCollection<Worksheet, SheetState> {
  protected readonly className = "WorksheetCollection";

  protected list(): SheetState[] {
    return this.context.core.model.sheets;
  }

  protected wrap(sheet: SheetState): Worksheet {
    return new Worksheet(this.context, () => sheet);
  }

  /** Name rules (InvalidArgument), duplicates ignoring case (ItemAlreadyExists): checked at sync. */
  add(name?: string): Worksheet {
    let created: SheetState | null = null;
    this.context.enqueue({
      location: "WorksheetCollection.add",
      payload: name ?? null,
      run: () => void (created = this.context.core.model.addSheet(name)),
    });
    return new Worksheet(this.context, () => created);
  }

  private find(key: string): SheetState | undefined {
    const model = this.context.core.model;
    return model.sheetByName(key) ?? model.sheetById(key);
  }

  /** By name or id; ItemNotFound at sync when missing. */
  getItem(key: string): Worksheet {
    return new Worksheet(
      this.context,
      () => this.find(key) ?? fail(ErrorCodes.itemNotFound, `The worksheet '${key}' doesn't exist.`),
    );
  }

  getItemOrNullObject(key: string): Worksheet {
    const sheet = new Worksheet(this.context, () => this.find(key) ?? null);
    sheet.queueNullCheck("WorksheetCollection.getItemOrNullObject");
    return sheet;
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(
      this.context,
      () => this.context.core.model.sheetById(this.context.core.model.activeSheetId) ?? null,
    );
  }

  getFirst(): Worksheet {
    return new Worksheet(
      this.context,
      () => this.list()[0] ?? fail(ErrorCodes.itemNotFound, "The workbook has no worksheets."),
    );
  }

  getLast(): Worksheet {
    return new Worksheet(
      this.context,
      () => this.list()[this.list().length - 1] ?? fail(ErrorCodes.itemNotFound, "The workbook has no worksheets."),
    );
  }

  /** Changes on any worksheet (ExcelApi 1.9). */
  get onChanged(): EventHandlers {
    return new EventHandlers(this.context, "worksheets", () => null);
  }
}

export class Worksheet extends ClientObject<SheetState> {
  protected readonly className = "Worksheet";
  protected readonly scalarProperties = [
    "id",
    "name",
    "position",
    "visibility",
    "tabColor",
    "showGridlines",
    "standardWidth",
  ] as const;
  private freezePanesProxy?: WorksheetFreezePanes;
  private pageLayoutProxy?: PageLayout;
  private chartsProxy?: ChartCollection;

  constructor(context: RequestContext, resolver: () => SheetState | null) {
    super(context, resolver);
  }

  private get model() {
    return this.context.core.model;
  }

  protected readProperty(sheet: SheetState, name: string): unknown {
    switch (name) {
      case "position":
        return this.model.sheets.indexOf(sheet);
      case "standardWidth":
        return 8.43;
      default:
        return (sheet as unknown as Record<string, unknown>)[name];
    }
  }

  protected override navigation(name: string) {
    if (name === "freezePanes") return this.freezePanes;
    if (name === "pageLayout") return this.pageLayout;
    if (name === "tables") return this.tables;
    if (name === "names") return this.names;
    if (name === "charts") return this.charts;
    return undefined;
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set_("name", v, (sheet, name) => this.model.renameSheet(sheet, name));
  }
  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.set_("position", v, (sheet, p) => {
      const others = this.model.sheets.filter((s) => s !== sheet);
      others.splice(Math.max(0, Math.min(p, others.length)), 0, sheet);
      this.model.sheets = others;
      this.model.touch();
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.set_("visibility", v, (sheet, vis) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(vis))
        fail(ErrorCodes.invalidArgument, `'${vis}' is not a sheet visibility.`);
      sheet.visibility = vis;
      this.model.touch();
    });
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(v: string) {
    this.set_("tabColor", v, (sheet, c) => void (sheet.tabColor = c));
  }
  get showGridlines(): boolean {
    return this.get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this.set_("showGridlines", v, (sheet, b) => void (sheet.showGridlines = b));
  }
  get standardWidth(): number {
    return this.get("standardWidth");
  }

  activate(): void {
    this.command("activate", (sheet) => this.model.activate(sheet));
  }

  delete(): void {
    this.command("delete", (sheet) => this.model.deleteSheet(sheet));
  }

  /** Recalculation is automatic in the stand-in; the command exists so add-in code runs unchanged. */
  calculate(_markAllDirty?: boolean): void {
    this.command("calculate", () => undefined);
  }

  private rangeAt(f: (sheet: SheetState) => Rect | null, orNull = false): Range {
    const range = new Range(this.context, () => {
      const sheet = this.target();
      if (!sheet) return null;
      const rect = f(sheet);
      return rect ? { sheet, rect: checkRect(rect) } : null;
    });
    if (orNull) range.queueNullCheck("Worksheet.getUsedRangeOrNullObject");
    return range;
  }

  /** getRange() is the whole sheet; "A1:C3", "B:B", "2:2" or a defined name otherwise. */
  getRange(address?: string): Range {
    if (address === undefined || address === "")
      return this.rangeAt(() => ({ row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS }));
    return new Range(this.context, () => {
      const sheet = this.target();
      return sheet ? resolveAddress(this.model, sheet, address) : null;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this.rangeAt(() => ({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }));
  }

  getCell(row: number, column: number): Range {
    return this.rangeAt(() => ({ row, col: column, rows: 1, cols: 1 }));
  }

  /** The used range; A1 on a blank sheet, as Excel documents. */
  getUsedRange(valuesOnly = false): Range {
    return this.rangeAt((sheet) => this.model.usedRect(sheet, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }

  /** A null object on a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this.rangeAt((sheet) => this.model.usedRect(sheet, valuesOnly), true);
  }

  get freezePanes(): WorksheetFreezePanes {
    return (this.freezePanesProxy ??= new WorksheetFreezePanes(this.context, () => this.target()));
  }

  get pageLayout(): PageLayout {
    return (this.pageLayoutProxy ??= new PageLayout(this.context, () => this.target()));
  }

  get tables(): TableCollection {
    return new TableCollection(this.context, () => this.target());
  }

  get charts(): ChartCollection {
    return (this.chartsProxy ??= new ChartCollection(this.context, () => this.target()));
  }

  get names(): NamedItemCollection {
    return new NamedItemCollection(this.context, () => this.target());
  }

  get onChanged(): EventHandlers {
    return new EventHandlers(this.context, "worksheet", () => this.target()?.id ?? null);
  }

  /** The selection on this sheet moved (ExcelApi 1.7): args { type, worksheetId, address }. */
  get onSelectionChanged(): EventHandlers {
    return new EventHandlers(this.context, "selection", () => this.target()?.id ?? null);
  }
}

export class WorksheetFreezePanes extends ClientObject<SheetState> {
  protected readonly className = "WorksheetFreezePanes";
  protected readonly scalarProperties = [] as const;

  protected readProperty(): unknown {
    return undefined;
  }

  private freeze(name: string, rows: number | null, cols: number | null): void {
    this.command(name, (sheet) => {
      if (
        (rows !== null && (!Number.isInteger(rows) || rows < 0)) ||
        (cols !== null && (!Number.isInteger(cols) || cols < 0))
      ) {
        fail(ErrorCodes.invalidArgument, "The count must be a whole number from 0.");
      }
      sheet.freeze = { rows: rows ?? 0, cols: cols ?? 0 };
      this.context.core.model.touch();
    });
  }

  freezeRows(count = 1): void {
    this.freeze("freezeRows", count, null);
  }

  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", null, count);
  }

  freezeAt(frozenRange: Range | string): void {
    this.command("freezeAt", (sheet) => {
      const t =
        typeof frozenRange === "string"
          ? resolveAddress(this.context.core.model, sheet, frozenRange)
          : frozenRange.target();
      if (!t) fail(ErrorCodes.invalidArgument, "The range is a null object.");
      sheet.freeze = { rows: t.rect.row + t.rect.rows, cols: t.rect.col + t.rect.cols };
      this.context.core.model.touch();
    });
  }

  unfreeze(): void {
    this.freeze("unfreeze", 0, 0);
  }

  /** The frozen cells, or a null object when nothing is frozen. */
  getLocationOrNullObject(): Range {
    const range = new Range(this.context, () => {
      const sheet = this.target();
      if (!sheet || (sheet.freeze.rows === 0 && sheet.freeze.cols === 0)) return null;
      const rows = sheet.freeze.rows || MAX_ROWS;
      const cols = sheet.freeze.cols || MAX_COLUMNS;
      return { sheet, rect: { row: 0, col: 0, rows, cols } };
    });
    range.queueNullCheck("WorksheetFreezePanes.getLocationOrNullObject");
    return range;
  }
}
