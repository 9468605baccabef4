/**
 * Excel tables: add over a range (InvalidArgument "A table can't overlap another table."),
 * header/body/whole ranges, columns and rows, style and banding, resize, onChanged.
 * Docs: https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-tables
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection
 * Header cells hold unique text: numbers typed there become text, blanks "ColumnN", repeats get a suffix.
 */
import type { Rect } from "./addressing";
import { resolveAddress } from "./cellRange";
import { ErrorCodes, fail } from "./errors";
import { EventHandlers } from "./events";
import type { SheetState, TableState } from "./model";
import { ClientCollection, ClientObject } from "./proxy";
import { Range, checkCellInput, toGrid } from "./range";
import type { RequestContext } from "./requestContext";
import { Worksheet } from "./worksheet";

export class TableCollection extends ClientCollection<Table, TableState> {
  protected readonly className = "TableCollection";
  /** null: the workbook's tables; otherwise one sheet's. */
  private readonly sheet: (() => SheetState | null) | null;

  constructor(context: RequestContext, sheet: (() => SheetState | null) | null) {
    super(context);
    this.sheet = sheet;
  }

  protected list(): TableState[] {
    const tables = this.context.core.model.tables;
    if (!this.sheet) return tables;
    const sheet = this.sheet();
    return sheet ? tables.filter((t) => t.sheetId === sheet.id) : [];
  }

  protected wrap(state: TableState): Table {
    return new Table(this.context, () => state);
  }

  /** address: a Range, "A1:D5" on this sheet, or "Sheet1!A1:D5" (required on workbook.tables). */
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: TableState | null = null;
    this.context.enqueue({
      location: "TableCollection.add",
      payload: [typeof address === "string" ? address : "range", hasHeaders],
      run: () => {
        const model = this.context.core.model;
        let target;
        if (typeof address === "string") {
          const home = this.sheet?.() ?? model.sheetById(model.activeSheetId);
          if (!home) fail(ErrorCodes.itemNotFound, "There is no worksheet.");
          if (!this.sheet && !address.includes("!"))
            fail(ErrorCodes.invalidArgument, "workbook.tables.add needs a sheet-qualified address.");
          target = resolveAddress(model, home, address);
        } else target = address.target();
        if (!target) fail(ErrorCodes.invalidArgument, "The range is a null object.");
        created = model.addTable(target.sheet, target.rect, hasHeaders);
      },
    });
    return new Table(this.context, () => created);
  }

  private find(key: string | number): TableState | undefined {
    const text = String(key).toLowerCase();
    return this.list().find((t) => t.name.toLowerCase() === text || t.id === String(key));
  }

  getItem(key: string): Table {
    return new Table(
      this.context,
      () => this.find(key) ?? fail(ErrorCodes.itemNotFound, `The table '${key}' doesn't exist.`),
    );
  }

  getItemOrNullObject(key: string): Table {
    const table = new Table(this.context, () => this.find(key) ?? null);
    table.queueNullCheck("TableCollection.getItemOrNullObject");
    return table;
  }

  getItemAt(index: number): Table {
    return new Table(
      this.context,
      () => this.list()[index] ?? fail(ErrorCodes.itemNotFound, `No table at index ${index}.`),
    );
  }

  get onChanged(): EventHandlers {
    return new EventHandlers(this.context, "tables", () => null);
  }
}

export class Table extends ClientObject<TableState> {
  protected readonly className = "Table";
  protected readonly scalarProperties = [
    "id",
    "name",
    "showHeaders",
    "showTotals",
    "showBandedRows",
    "showBandedColumns",
    "showFilterButton",
    "highlightFirstColumn",
    "highlightLastColumn",
    "style",
  ] as const;

  protected readProperty(state: TableState, name: string): unknown {
    return (state as unknown as Record<string, unknown>)[name];
  }

  protected override navigation(name: string) {
    if (name === "columns") return this.columns;
    if (name === "rows") return this.rows;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  private get model() {
    return this.context.core.model;
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set_("name", v, (state, name) => {
      state.name = this.model.checkNewName(name, { table: state });
      this.model.touch();
    });
  }

  private flag(name: keyof TableState, v: unknown): void {
    this.set_(name, v, (state, b) => {
      if (typeof b !== "boolean") fail(ErrorCodes.invalidArgument, `${name} is true or false.`);
      (state as unknown as Record<string, unknown>)[name] = b;
      this.model.touch();
    });
  }

  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  set showHeaders(v: boolean) {
    this.flag("showHeaders", v);
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  set showTotals(v: boolean) {
    if (v) this.command("showTotals", () => fail(ErrorCodes.notImplemented, "The stand-in has no total rows."));
    else this.flag("showTotals", v);
  }
  get showBandedRows(): boolean {
    return this.get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this.flag("showBandedRows", v);
  }
  get showBandedColumns(): boolean {
    return this.get("showBandedColumns");
  }
  set showBandedColumns(v: boolean) {
    this.flag("showBandedColumns", v);
  }
  get showFilterButton(): boolean {
    return this.get("showFilterButton");
  }
  set showFilterButton(v: boolean) {
    this.flag("showFilterButton", v);
  }
  get highlightFirstColumn(): boolean {
    return this.get("highlightFirstColumn");
  }
  set highlightFirstColumn(v: boolean) {
    this.flag("highlightFirstColumn", v);
  }
  get highlightLastColumn(): boolean {
    return this.get("highlightLastColumn");
  }
  set highlightLastColumn(v: boolean) {
    this.flag("highlightLastColumn", v);
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.set_("style", v, (state, s) => {
      state.style = String(s);
      this.model.touch();
    });
  }

  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => {
      const state = this.target();
      return state ? (this.model.sheetById(state.sheetId) ?? null) : null;
    });
  }

  get columns(): TableColumnCollection {
    return new TableColumnCollection(this.context, () => this.target());
  }

  get rows(): TableRowCollection {
    return new TableRowCollection(this.context, () => this.target());
  }

  get onChanged(): EventHandlers {
    return new EventHandlers(this.context, "table", () => this.target()?.id ?? null);
  }

  private part(f: (rect: Rect) => Rect): Range {
    return new Range(this.context, () => {
      const state = this.target();
      return state ? { sheet: this.model.sheetById(state.sheetId)!, rect: f(state.rect) } : null;
    });
  }

  getRange(): Range {
    return this.part((r) => r);
  }

  getHeaderRowRange(): Range {
    return this.part((r) => ({ ...r, rows: 1 }));
  }

  getDataBodyRange(): Range {
    return this.part((r) => ({ ...r, row: r.row + 1, rows: r.rows - 1 }));
  }

  /** New range: same sheet, same header row (ExcelApi 1.13). */
  resize(newRange: Range | string): void {
    this.command("resize", (state) => {
      const sheet = this.model.sheetById(state.sheetId)!;
      const t = typeof newRange === "string" ? resolveAddress(this.model, sheet, newRange) : newRange.target();
      if (!t || t.sheet !== sheet) fail(ErrorCodes.invalidArgument, "The new range must be on the table's worksheet.");
      this.model.resizeTable(state, t.rect);
    });
  }

  delete(): void {
    this.command("delete", (state) => this.model.deleteTable(state, false));
  }

  convertToRange(): Range {
    const range = this.getRange();
    this.command("convertToRange", (state) => this.model.deleteTable(state, true));
    return range;
  }
}

interface ColumnTarget {
  table: TableState;
  index: number;
}

export class TableColumnCollection extends ClientCollection<TableColumn, ColumnTarget> {
  protected readonly className = "TableColumnCollection";
  private readonly table: () => TableState | null;

  constructor(context: RequestContext, table: () => TableState | null) {
    super(context);
    this.table = table;
  }

  protected list(): ColumnTarget[] {
    const table = this.table();
    return table ? Array.from({ length: table.rect.cols }, (_, index) => ({ table, index })) : [];
  }

  protected wrap(target: ColumnTarget): TableColumn {
    return new TableColumn(this.context, () => target);
  }

  private find(key: string | number): ColumnTarget | undefined {
    const table = this.table();
    if (!table) return undefined;
    const headers = this.context.core.model.tableHeaders(table);
    const index =
      typeof key === "number" ? key - 1 : headers.findIndex((h) => h.toLowerCase() === String(key).toLowerCase());
    return index >= 0 && index < headers.length ? { table, index } : undefined;
  }

  /** By name, or by id (ids are 1-based positions in the stand-in). */
  getItem(key: string | number): TableColumn {
    return new TableColumn(
      this.context,
      () => this.find(key) ?? fail(ErrorCodes.itemNotFound, `The column '${key}' doesn't exist.`),
    );
  }

  getItemOrNullObject(key: string | number): TableColumn {
    const column = new TableColumn(this.context, () => this.find(key) ?? null);
    column.queueNullCheck("TableColumnCollection.getItemOrNullObject");
    return column;
  }

  getItemAt(index: number): TableColumn {
    return new TableColumn(
      this.context,
      () => this.list()[index] ?? fail(ErrorCodes.itemNotFound, `No column at index ${index}.`),
    );
  }

  /** Appends a column on the right (index null/undefined or the column count); the cells there must be empty. */
  add(index?: number | null, values?: unknown[][] | unknown, name?: string): TableColumn {
    let created: ColumnTarget | null = null;
    this.context.enqueue({
      location: "TableColumnCollection.add",
      payload: { index, values, name },
      run: () => {
        const table = this.table();
        if (!table) return;
        const model = this.context.core.model;
        if (index !== undefined && index !== null && index !== table.rect.cols) {
          fail(ErrorCodes.notImplemented, "The stand-in adds table columns at the right end only.");
        }
        const sheet = model.sheetById(table.sheetId)!;
        const col = table.rect.col + table.rect.cols;
        const rect = { row: table.rect.row, col, rows: table.rect.rows, cols: 1 };
        for (let r = rect.row; r < rect.row + rect.rows; r++) {
          if (model.value(sheet, r, col) !== "")
            fail(ErrorCodes.insertDeleteConflict, "The cells to the right of the table are not empty.");
        }
        model.resizeTable(table, { ...table.rect, cols: table.rect.cols + 1 });
        if (values !== undefined && values !== null)
          model.writeCells(sheet, rect, toGrid(values, rect, checkCellInput) as never, "api");
        if (name !== undefined) model.writeCells(sheet, { ...rect, rows: 1 }, [[name]], "api");
        model.normalizeTableHeaders(sheet, { ...rect, rows: 1 });
        created = { table, index: table.rect.cols - 1 };
      },
    });
    return new TableColumn(this.context, () => created);
  }
}

export class TableColumn extends ClientObject<ColumnTarget> {
  protected readonly className = "TableColumn";
  protected readonly scalarProperties = ["id", "index", "name", "values"] as const;

  private column(t: ColumnTarget) {
    const sheet = this.context.core.model.sheetById(t.table.sheetId)!;
    return {
      sheet,
      rect: { row: t.table.rect.row, col: t.table.rect.col + t.index, rows: t.table.rect.rows, cols: 1 },
    };
  }

  protected readProperty(t: ColumnTarget, name: string): unknown {
    const model = this.context.core.model;
    const { sheet, rect } = this.column(t);
    switch (name) {
      case "id":
        return t.index + 1;
      case "index":
        return t.index;
      case "name":
        return String(model.value(sheet, rect.row, rect.col));
      case "values":
        return Array.from({ length: rect.rows }, (_, r) => [model.value(sheet, rect.row + r, rect.col)]);
    }
    return undefined;
  }

  get id(): number {
    return this.get("id");
  }
  get index(): number {
    return this.get("index");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set_("name", v, (t, name) => {
      const { sheet, rect } = this.column(t);
      this.context.core.model.writeCells(sheet, { ...rect, rows: 1 }, [[name]], "api");
    });
  }
  get values(): unknown[][] {
    return this.get("values");
  }

  private part(f: (rect: Rect) => Rect): Range {
    return new Range(this.context, () => {
      const t = this.target();
      if (!t) return null;
      const { sheet, rect } = this.column(t);
      return { sheet, rect: f(rect) };
    });
  }

  getRange(): Range {
    return this.part((r) => r);
  }

  getHeaderRowRange(): Range {
    return this.part((r) => ({ ...r, rows: 1 }));
  }

  getDataBodyRange(): Range {
    return this.part((r) => ({ ...r, row: r.row + 1, rows: r.rows - 1 }));
  }
}

interface RowTarget {
  table: TableState;
  index: number;
}

export class TableRowCollection extends ClientCollection<TableRow, RowTarget> {
  protected readonly className = "TableRowCollection";
  private readonly table: () => TableState | null;

  constructor(context: RequestContext, table: () => TableState | null) {
    super(context);
    this.table = table;
  }

  protected list(): RowTarget[] {
    const table = this.table();
    return table ? Array.from({ length: table.rect.rows - 1 }, (_, index) => ({ table, index })) : [];
  }

  protected wrap(target: RowTarget): TableRow {
    return new TableRow(this.context, () => target);
  }

  getItemAt(index: number): TableRow {
    return new TableRow(
      this.context,
      () => this.list()[index] ?? fail(ErrorCodes.itemNotFound, `No row at index ${index}.`),
    );
  }

  /**
   * Appends rows below the table (index null/undefined); the cells below must be empty — the stand-in
   * does not shift cells. Prefer writing a 2-D array and one tables.add over calling this in a loop.
   */
  add(index?: number | null, values?: unknown[][], _alwaysInsert?: boolean): TableRow {
    let created: RowTarget | null = null;
    this.context.enqueue({
      location: "TableRowCollection.add",
      payload: { index, values },
      cells: Array.isArray(values) ? values.length * (Array.isArray(values[0]) ? values[0].length : 1) : 0,
      run: () => {
        const table = this.table();
        if (!table) return;
        const model = this.context.core.model;
        const bodyRows = table.rect.rows - 1;
        if (index !== undefined && index !== null && index !== bodyRows)
          fail(ErrorCodes.notImplemented, "The stand-in appends table rows at the end only.");
        const count = Array.isArray(values) ? values.length : 1;
        const sheet = model.sheetById(table.sheetId)!;
        const rect = { row: table.rect.row + table.rect.rows, col: table.rect.col, rows: count, cols: table.rect.cols };
        // An empty body row (a fresh header-only table) is filled first, as Excel does.
        const emptyBody =
          bodyRows === 1 &&
          Array.from({ length: table.rect.cols }, (_, c) =>
            model.value(sheet, table.rect.row + 1, table.rect.col + c),
          ).every((v) => v === "");
        const target = emptyBody ? { ...rect, row: rect.row - 1 } : rect;
        for (let r = target.row; r < target.row + target.rows; r++) {
          for (let c = target.col; c < target.col + target.cols; c++) {
            if (r >= table.rect.row + table.rect.rows && model.value(sheet, r, c) !== "") {
              fail(ErrorCodes.insertDeleteConflict, "The cells below the table are not empty.");
            }
          }
        }
        model.resizeTable(table, { ...table.rect, rows: target.row + target.rows - table.rect.row });
        if (values !== undefined)
          model.writeCells(sheet, target, toGrid(values, target, checkCellInput) as never, "api");
        created = { table, index: target.row - table.rect.row - 1 };
      },
    });
    return new TableRow(this.context, () => created);
  }
}

export class TableRow extends ClientObject<RowTarget> {
  protected readonly className = "TableRow";
  protected readonly scalarProperties = ["index", "values"] as const;

  private row(t: RowTarget) {
    const sheet = this.context.core.model.sheetById(t.table.sheetId)!;
    return {
      sheet,
      rect: { row: t.table.rect.row + 1 + t.index, col: t.table.rect.col, rows: 1, cols: t.table.rect.cols },
    };
  }

  protected readProperty(t: RowTarget, name: string): unknown {
    if (name === "index") return t.index;
    const { sheet, rect } = this.row(t);
    return [Array.from({ length: rect.cols }, (_, c) => this.context.core.model.value(sheet, rect.row, rect.col + c))];
  }

  get index(): number {
    return this.get("index");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.set_("values", v, (t, values) => {
      const { sheet, rect } = this.row(t);
      this.context.core.model.writeCells(sheet, rect, toGrid(values, rect, checkCellInput) as never, "api");
    });
  }

  getRange(): Range {
    return new Range(this.context, () => {
      const t = this.target();
      return t ? this.row(t) : null;
    });
  }
}
