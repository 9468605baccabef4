/**
 * The in-memory workbook behind the stand-in: sheets, cell styles, tables, data validation,
 * conditional formats, names, settings and custom XML parts. Cell contents and calculation live in
 * the FormulaEngine. Both the Excel API proxies (at sync) and the preview grid (user edits) change the
 * workbook only through this class, so both raise the same change events.
 */
import type { Rect } from "./addressing";
import { MAX_COLUMNS, MAX_ROWS, intersect } from "./addressing";
import type { ChartState } from "./chartModel";
import { fail, ErrorCodes } from "./errors";
import type { CellInput, CellValue } from "./formulaEngine";
import { FormulaEngine } from "./formulaEngine";
import type { PlanFunctionHost } from "./planFunctionPlugin";

/** One edge of a cell's border (RangeBorder: style, color, weight). */
export interface BorderState {
  style: string;
  color: string;
  weight: string;
}

export const NO_BORDER: BorderState = { style: "None", color: "#000000", weight: "Thin" };

export interface CellStyle {
  numberFormat?: string | null;
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  fontSize?: number | null;
  fontName?: string | null;
  wrapText?: boolean | null;
  horizontalAlignment?: string | null;
  verticalAlignment?: string | null;
  locked?: boolean | null;
  borderTop?: BorderState | null;
  borderBottom?: BorderState | null;
  borderLeft?: BorderState | null;
  borderRight?: BorderState | null;
  borderDiagonalDown?: BorderState | null;
  borderDiagonalUp?: BorderState | null;
}
export type StyleKey = keyof CellStyle;

export const DEFAULT_STYLE: Required<{ [K in StyleKey]: NonNullable<CellStyle[K]> }> = {
  numberFormat: "General",
  fill: "#FFFFFF",
  fontColor: "#000000",
  bold: false,
  italic: false,
  fontSize: 11,
  fontName: "Calibri",
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  locked: true,
  borderTop: NO_BORDER,
  borderBottom: NO_BORDER,
  borderLeft: NO_BORDER,
  borderRight: NO_BORDER,
  borderDiagonalDown: NO_BORDER,
  borderDiagonalUp: NO_BORDER,
};

/** Points; Excel's default column is 8.43 characters = 64 px = 48 pt, rows 15 pt. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** The six texts of one header/footer (Excel.HeaderFooter), stored as given (with Excel's &-codes). */
export interface HeaderFooterTexts {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutState {
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  paperSize: string;
  centerHorizontally: boolean;
  printGridlines: boolean;
  /** Sheet-local addresses ("3:3"; "A1:F20" or "A1:B4, D1:D4"), qualified with the sheet's name when read. */
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  /** Points. */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  headersFooters: {
    state: string;
    useSheetMargins: boolean;
    useSheetScale: boolean;
    defaultForAllPages: HeaderFooterTexts;
    firstPage: HeaderFooterTexts;
    evenPages: HeaderFooterTexts;
    oddPages: HeaderFooterTexts;
  };
}

const blankHeaderFooter = (): HeaderFooterTexts => ({
  leftHeader: "",
  centerHeader: "",
  rightHeader: "",
  leftFooter: "",
  centerFooter: "",
  rightFooter: "",
});

/**
 * A new sheet's print setup: portrait A4 at 100 %, Excel's "Normal" margins (left/right 0.7", top/bottom
 * 0.75", header/footer 0.3", in points), no headers or footers.
 */
export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    zoom: { scale: 100 },
    paperSize: "A4",
    centerHorizontally: false,
    printGridlines: false,
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    headersFooters: {
      state: "Default",
      useSheetMargins: true,
      useSheetScale: true,
      defaultForAllPages: blankHeaderFooter(),
      firstPage: blankHeaderFooter(),
      evenPages: blankHeaderFooter(),
      oddPages: blankHeaderFooter(),
    },
  };
}

/** Saved page setup from before margins and headers existed gets the defaults for what it lacks. */
export function completePageLayout(saved: Partial<PageLayoutState> | undefined): PageLayoutState {
  const base = defaultPageLayout();
  const hf = { ...base.headersFooters, ...(saved?.headersFooters ?? {}) };
  return { ...base, ...(saved ?? {}), headersFooters: hf };
}

/** A merged block of cells (Range.merge). */
export interface MergeState {
  sheetId: string;
  rect: Rect;
}

export interface SheetState {
  id: string;
  name: string;
  engineId: number;
  /** Per-cell styles, key "row,col". */
  styles: Map<string, CellStyle>;
  /** Styles set on very large blocks (whole columns), applied under the per-cell ones. */
  styleLayers: Array<{ rect: Rect; style: CellStyle }>;
  columnWidths: Map<number, number>;
  /** 0-based indexes of hidden columns (Range.columnHidden). */
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  freeze: { rows: number; cols: number };
  pageLayout: PageLayoutState;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
}

export interface TableState {
  id: string;
  name: string;
  sheetId: string;
  /** Header row included. */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  style: string;
}

export interface BasicRule {
  formula1: string | number;
  formula2?: string | number;
  operator: string;
}
export interface DataValidationRuleState {
  wholeNumber?: BasicRule;
  decimal?: BasicRule;
  textLength?: BasicRule;
  list?: { inCellDropDown: boolean; source: string };
  custom?: { formula: string };
}
export interface DataValidationState {
  sheetId: string;
  rect: Rect;
  /** null: validation cleared on this block. */
  rule: DataValidationRuleState | null;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  prompt: { message: string; showPrompt: boolean; title: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatState {
  id: string;
  sheetId: string;
  rect: Rect;
  type: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  stopIfTrue: boolean;
}

export interface NameState {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  /** Worksheet-scoped names carry their sheet's id. */
  sheetId: string | null;
}

export interface XmlPartState {
  id: string;
  namespaceUri: string;
  xml: string;
}

export type ChangeTrigger = "api" | "user";

/** Orders changes and event registrations: a handler hears only changes made after it was added. */
let stampCounter = 0;
export function nextStamp(): number {
  return ++stampCounter;
}

export interface ChangeRecord {
  stamp: number;
  sheetId: string;
  rect: Rect;
  changeType: string;
  trigger: ChangeTrigger;
}

export interface SelectionRecord {
  stamp: number;
  sheetId: string;
  rect: Rect;
}

export interface ModelEvent {
  kind: "change" | "structure" | "selection" | "run";
}

let guidCounter = 0;
/** Ids shaped like Excel's worksheet and conditional-format ids ("{8-4-4-4-12 hex}"). */
export function newGuid(): string {
  guidCounter++;
  const hex = (guidCounter + Math.floor(Math.random() * 0xffff) * 0x100000).toString(16).padStart(12, "0").slice(-12);
  const rand = () =>
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, "0")
      .toUpperCase();
  return `{${rand()}${rand()}-${rand()}-4${rand().slice(1)}-8${rand().slice(1)}-${hex.toUpperCase()}}`;
}

const key = (row: number, col: number) => `${row},${col}`;

export class WorkbookModel {
  engine: FormulaEngine;
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  validations: DataValidationState[] = [];
  /** Conditional formats, highest priority first (per sheet, order within the array). */
  conditionalFormats: ConditionalFormatState[] = [];
  names: NameState[] = [];
  /** Charts of every sheet, in the order they were added (each sheet's ChartCollection order). */
  charts: ChartState[] = [];
  /** Per sheet: the number in the last default chart name ("Chart 3"); Excel does not reuse numbers. */
  chartCounters = new Map<string, number>();
  merges: MergeState[] = [];
  settings = new Map<string, unknown>();
  xmlParts: XmlPartState[] = [];
  activeSheetId = "";
  selection: { sheetId: string; rect: Rect } | null = null;
  /** The preview sets this while a cell is being typed into (Excel's cell-edit mode). */
  cellEditMode = false;
  version = 0;
  private tableCounter = 0;
  private pendingChanges: ChangeRecord[] = [];
  private readonly listeners = new Set<(event: ModelEvent) => void>();
  private readonly changeSinks = new Set<(changes: ChangeRecord[]) => void>();
  private readonly selectionSinks = new Set<(change: SelectionRecord) => void>();
  private editModeWaiters: Array<() => void> = [];

  constructor(readonly host: PlanFunctionHost) {
    this.engine = new FormulaEngine(host);
  }

  // ---- sheets -------------------------------------------------------------------------------------

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetByEngineId(engineId: number): SheetState | undefined {
    return this.sheets.find((s) => s.engineId === engineId);
  }

  /** A sheet by name or id, for the grid's convenience. */
  sheet(nameOrId: string): SheetState {
    const sheet = this.sheetById(nameOrId) ?? this.sheetByName(nameOrId);
    if (!sheet) fail(ErrorCodes.itemNotFound, `The worksheet '${nameOrId}' doesn't exist.`);
    return sheet;
  }

  /**
   * Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], not starting or ending
   * with an apostrophe, not "History", unique ignoring case.
   */
  checkSheetName(name: unknown, except?: SheetState): string {
    if (typeof name !== "string" || name.trim() === "")
      fail(ErrorCodes.invalidArgument, "The sheet name can't be blank.");
    if (name.length > 31) fail(ErrorCodes.invalidArgument, "The sheet name can't be longer than 31 characters.");
    if (/[:\\/?*[\]]/.test(name)) fail(ErrorCodes.invalidArgument, "The sheet name can't contain : \\ / ? * [ or ].");
    if (name.startsWith("'") || name.endsWith("'"))
      fail(ErrorCodes.invalidArgument, "The sheet name can't begin or end with an apostrophe.");
    if (name.toLowerCase() === "history") fail(ErrorCodes.invalidArgument, "'History' is a reserved sheet name.");
    const existing = this.sheetByName(name);
    if (existing && existing !== except) fail(ErrorCodes.itemAlreadyExists, `A sheet named '${name}' already exists.`);
    return name;
  }

  addSheet(name?: string): SheetState {
    let finalName = name;
    if (finalName === undefined || finalName === null || finalName === "") {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    this.checkSheetName(finalName);
    const sheet: SheetState = {
      id: newGuid(),
      name: finalName,
      engineId: this.engine.addSheet(finalName),
      styles: new Map(),
      styleLayers: [],
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      rowHeights: new Map(),
      freeze: { rows: 0, cols: 0 },
      pageLayout: defaultPageLayout(),
      visibility: "Visible",
      tabColor: "",
      showGridlines: true,
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    this.structureChanged();
    return sheet;
  }

  renameSheet(sheet: SheetState, name: unknown): void {
    const checked = this.checkSheetName(name, sheet);
    if (checked === sheet.name) return;
    this.engine.renameSheet(sheet.engineId, checked);
    sheet.name = checked;
    this.structureChanged();
  }

  deleteSheet(sheet: SheetState): void {
    if (this.sheets.filter((s) => s.visibility === "Visible").length <= 1 && sheet.visibility === "Visible") {
      fail(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.");
    }
    this.engine.removeSheet(sheet.engineId);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.validations = this.validations.filter((v) => v.sheetId !== sheet.id);
    this.conditionalFormats = this.conditionalFormats.filter((c) => c.sheetId !== sheet.id);
    this.names = this.names.filter((n) => n.sheetId !== sheet.id);
    this.charts = this.charts.filter((c) => c.sheetId !== sheet.id); // a sheet's charts go with it
    this.merges = this.merges.filter((m) => m.sheetId !== sheet.id);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? "";
    if (this.selection?.sheetId === sheet.id) this.selection = null;
    this.structureChanged();
  }

  activate(sheet: SheetState): void {
    if (this.activeSheetId === sheet.id) return;
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    this.emit({ kind: "selection" });
  }

  select(sheet: SheetState, rect: Rect): void {
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect };
    for (const sink of this.selectionSinks) sink({ stamp: nextStamp(), sheetId: sheet.id, rect });
    this.emit({ kind: "selection" });
  }

  /** Selection changes (a click in the grid, the add-in's range.select()), for onSelectionChanged. */
  onSelection(sink: (change: SelectionRecord) => void): () => void {
    this.selectionSinks.add(sink);
    return () => this.selectionSinks.delete(sink);
  }

  // ---- cells --------------------------------------------------------------------------------------

  value(sheet: SheetState, row: number, col: number): CellValue {
    return this.engine.value(sheet.engineId, row, col);
  }

  /**
   * Writes contents (values and formulas behave alike: a string starting with "=" is a formula).
   * Text-formatted ("@") cells keep strings as text. A typed "1.47%" gets a percent format like in Excel.
   */
  writeCells(sheet: SheetState, rect: Rect, data: CellInput[][], trigger: ChangeTrigger): void {
    const inputs = data.map((line, r) =>
      line.map((input, c) => {
        if (typeof input === "string" && !input.startsWith("=") && input !== "") {
          if (this.style(sheet, rect.row + r, rect.col + c).numberFormat === "@") return `'${input}`;
        }
        return input;
      }),
    );
    this.engine.write(sheet.engineId, rect.row, rect.col, inputs);
    data.forEach((line, r) =>
      line.forEach((input, c) => {
        if (typeof input !== "string" || !/%\s*$/.test(input)) return;
        const row = rect.row + r;
        const col = rect.col + c;
        if (this.engine.detailedType(sheet.engineId, row, col) !== "NUMBER_PERCENT") return;
        if (this.style(sheet, row, col).numberFormat !== "General") return;
        this.setStyle(sheet, { row, col, rows: 1, cols: 1 }, { numberFormat: /\.\d/.test(input) ? "0.00%" : "0%" });
      }),
    );
    this.normalizeTableHeaders(sheet, rect);
    this.recordChange(sheet, rect, "RangeEdited", trigger);
  }

  clearContents(sheet: SheetState, rect: Rect, trigger: ChangeTrigger): void {
    this.engine.clear(sheet.engineId, rect.row, rect.col, rect.rows, rect.cols);
    this.normalizeTableHeaders(sheet, rect);
    this.recordChange(sheet, rect, "RangeEdited", trigger);
  }

  // ---- styles -------------------------------------------------------------------------------------

  style(sheet: SheetState, row: number, col: number): Required<{ [K in StyleKey]: NonNullable<CellStyle[K]> }> {
    const out = { ...DEFAULT_STYLE } as Record<string, unknown>;
    for (const layer of sheet.styleLayers) {
      if (
        row >= layer.rect.row &&
        row < layer.rect.row + layer.rect.rows &&
        col >= layer.rect.col &&
        col < layer.rect.col + layer.rect.cols
      ) {
        for (const [k, v] of Object.entries(layer.style)) out[k] = v ?? DEFAULT_STYLE[k as StyleKey];
      }
    }
    const own = sheet.styles.get(key(row, col));
    if (own) for (const [k, v] of Object.entries(own)) out[k] = v ?? DEFAULT_STYLE[k as StyleKey];
    return out as Required<{ [K in StyleKey]: NonNullable<CellStyle[K]> }>;
  }

  /** Sets style properties on a block; a property set to null returns to Excel's default. */
  setStyle(sheet: SheetState, rect: Rect, style: CellStyle): void {
    const cells = rect.rows * rect.cols;
    if (cells > 200_000) {
      // Whole rows/columns: one layer, and per-cell values of the same properties inside it give way.
      for (const [k, cellStyle] of sheet.styles) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        if (r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols) {
          for (const prop of Object.keys(style)) delete cellStyle[prop as StyleKey];
        }
      }
      sheet.styleLayers.push({ rect, style: { ...style } });
    } else {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          const k = key(r, c);
          const current = sheet.styles.get(k) ?? {};
          sheet.styles.set(k, { ...current, ...style });
        }
      }
    }
    this.touch();
  }

  /** Per-cell styles from a 2-D array (numberFormat = [["0.00", "@"]]); null entries leave a cell alone. */
  setStyleCells(sheet: SheetState, rect: Rect, prop: StyleKey, data: unknown[][]): void {
    data.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const k = key(rect.row + r, rect.col + c);
        sheet.styles.set(k, { ...(sheet.styles.get(k) ?? {}), [prop]: v });
      }),
    );
    this.touch();
  }

  /** Clear formats: every format property but the protection flag returns to Excel's default. */
  clearStyles(sheet: SheetState, rect: Rect): void {
    const reset: CellStyle = {};
    for (const k of Object.keys(DEFAULT_STYLE) as StyleKey[])
      if (k !== "locked") (reset as Record<string, null>)[k] = null;
    this.setStyle(sheet, rect, reset);
  }

  columnWidth(sheet: SheetState, col: number): number {
    return sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(sheet: SheetState, row: number): number {
    return sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  setColumnWidth(sheet: SheetState, rect: Rect, width: number): void {
    for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, width);
    this.touch();
  }

  setColumnsHidden(sheet: SheetState, rect: Rect, hidden: boolean): void {
    for (let c = rect.col; c < rect.col + rect.cols; c++)
      if (hidden) sheet.hiddenColumns.add(c);
      else sheet.hiddenColumns.delete(c);
    this.touch();
  }

  setRowHeight(sheet: SheetState, rect: Rect, height: number): void {
    if (rect.rows > 200_000) return; // whole-sheet row height: not kept per row
    for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowHeights.set(r, height);
    this.touch();
  }

  // ---- used range ---------------------------------------------------------------------------------

  /** The block from the first to the last used cell; null when the sheet is blank. */
  usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    const grow = (r: number, c: number) => {
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    this.engine.serialized(sheet.engineId).forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") grow(r, c);
      }),
    );
    if (!valuesOnly) {
      for (const [k, style] of sheet.styles) {
        if (Object.values(style).some((v) => v !== null && v !== undefined)) {
          const [r, c] = k.split(",").map(Number) as [number, number];
          grow(r, c);
        }
      }
    }
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  // ---- tables -------------------------------------------------------------------------------------

  tableByName(name: string): TableState | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  tableAt(sheet: SheetState, row: number, col: number): TableState | undefined {
    return this.tables.find(
      (t) =>
        t.sheetId === sheet.id &&
        row >= t.rect.row &&
        row < t.rect.row + t.rect.rows &&
        col >= t.rect.col &&
        col < t.rect.col + t.rect.cols,
    );
  }

  /** Table and defined names share one namespace: letters, digits, _ . \, starting with a letter, _ or \, not a cell address. */
  checkNewName(name: unknown, except?: { table?: TableState; name?: NameState }): string {
    if (typeof name !== "string" || name === "" || name.length > 255)
      fail(ErrorCodes.invalidArgument, "The name is blank or too long.");
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
      fail(ErrorCodes.invalidArgument, `'${name}' is not a valid name.`);
    }
    const table = this.tableByName(name);
    const defined = this.names.find((n) => n.name.toLowerCase() === name.toLowerCase() && n.sheetId === null);
    if ((table && table !== except?.table) || (defined && defined !== except?.name)) {
      fail(ErrorCodes.itemAlreadyExists, `The name '${name}' already exists.`);
    }
    return name;
  }

  addTable(sheet: SheetState, rect: Rect, hasHeaders: boolean): TableState {
    let tableRect = rect;
    if (!hasHeaders) {
      // Excel inserts a header row above the data; the stand-in uses the row above, which must be free.
      if (rect.row === 0) fail(ErrorCodes.invalidArgument, "No room above the range for the table's header row.");
      tableRect = { ...rect, row: rect.row - 1, rows: rect.rows + 1 };
      const headerRow = { ...rect, row: rect.row - 1, rows: 1 };
      for (let c = 0; c < rect.cols; c++) {
        if (this.value(sheet, headerRow.row, rect.col + c) !== "")
          fail(ErrorCodes.insertDeleteConflict, "The row above the range is not empty.");
      }
      this.engine.write(sheet.engineId, headerRow.row, rect.col, [
        Array.from({ length: rect.cols }, (_, i) => `Column${i + 1}`),
      ]);
    }
    if (tableRect.rows >= MAX_ROWS || tableRect.cols >= MAX_COLUMNS)
      fail(ErrorCodes.invalidArgument, "A table can't span a whole row or column.");
    for (const other of this.tables) {
      if (other.sheetId === sheet.id && intersect(other.rect, tableRect)) {
        fail(ErrorCodes.invalidArgument, "A table can't overlap another table.");
      }
    }
    // A table needs at least one data row: a header-only range gets an empty body row below it.
    if (tableRect.rows === 1) tableRect = { ...tableRect, rows: 2 };
    let n = ++this.tableCounter;
    while (this.tableByName(`Table${n}`)) n = ++this.tableCounter;
    const table: TableState = {
      id: String(n),
      name: `Table${n}`,
      sheetId: sheet.id,
      rect: tableRect,
      showHeaders: true,
      showTotals: false,
      showBandedRows: true,
      showBandedColumns: false,
      showFilterButton: true,
      highlightFirstColumn: false,
      highlightLastColumn: false,
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    this.normalizeTableHeaders(sheet, { ...tableRect, rows: 1 });
    this.structureChanged();
    return table;
  }

  /** Header cells of a table are unique, non-blank text: numbers become text, blanks ColumnN, repeats get 2, 3 … */
  normalizeTableHeaders(sheet: SheetState, written: Rect): void {
    for (const table of this.tables) {
      if (table.sheetId !== sheet.id || !intersect(written, { ...table.rect, rows: 1 })) continue;
      const seen = new Set<string>();
      const row = table.rect.row;
      const headers: string[] = [];
      for (let c = 0; c < table.rect.cols; c++) {
        const v = this.value(sheet, row, table.rect.col + c);
        let name = v === "" ? `Column${c + 1}` : String(v);
        if (seen.has(name.toLowerCase())) {
          let i = 2;
          while (seen.has(`${name}${i}`.toLowerCase())) i++;
          name = `${name}${i}`;
        }
        seen.add(name.toLowerCase());
        headers.push(name);
      }
      const current = headers.map((_, c) => this.engine.formula(sheet.engineId, row, table.rect.col + c));
      if (headers.some((h, c) => current[c] !== h || this.engine.isFormula(sheet.engineId, row, table.rect.col + c))) {
        this.engine.write(sheet.engineId, row, table.rect.col, [
          headers.map((h) => (/^[=+\-@']/.test(h) || /^[\d.]/.test(h) ? `'${h}` : h)),
        ]);
      }
    }
  }

  tableHeaders(table: TableState): string[] {
    const sheet = this.sheetById(table.sheetId)!;
    return Array.from({ length: table.rect.cols }, (_, c) =>
      String(this.value(sheet, table.rect.row, table.rect.col + c)),
    );
  }

  /** Grows or shrinks a table in place; the header row stays where it is. */
  resizeTable(table: TableState, rect: Rect): void {
    if (rect.row !== table.rect.row || rect.col !== table.rect.col) {
      fail(ErrorCodes.invalidArgument, "The new range must keep the table's header row in place.");
    }
    if (rect.rows < 2) fail(ErrorCodes.invalidArgument, "A table needs a header row and at least one data row.");
    for (const other of this.tables) {
      if (other !== table && other.sheetId === table.sheetId && intersect(other.rect, rect)) {
        fail(ErrorCodes.invalidArgument, "A table can't overlap another table.");
      }
    }
    const sheet = this.sheetById(table.sheetId)!;
    table.rect = rect;
    this.normalizeTableHeaders(sheet, { ...rect, rows: 1 });
    this.structureChanged();
  }

  deleteTable(table: TableState, keepContents: boolean): void {
    const sheet = this.sheetById(table.sheetId)!;
    this.tables = this.tables.filter((t) => t !== table);
    if (!keepContents) this.clearContents(sheet, table.rect, "api");
    this.structureChanged();
  }

  // ---- names --------------------------------------------------------------------------------------

  addName(name: string, formula: string, comment: string, sheet: SheetState | null): NameState {
    const checked = this.checkNewName(name);
    const expression = formula.startsWith("=") ? formula : `=${formula}`;
    if (!this.engine.isValidFormula(expression))
      fail(ErrorCodes.invalidArgument, `The reference '${formula}' is not valid.`);
    this.engine.addName(checked, expression, sheet?.engineId);
    const state: NameState = { name: checked, formula: expression, comment, visible: true, sheetId: sheet?.id ?? null };
    this.names.push(state);
    this.touch();
    return state;
  }

  deleteName(state: NameState): void {
    const sheet = state.sheetId ? this.sheetById(state.sheetId) : undefined;
    this.engine.removeName(state.name, sheet?.engineId);
    this.names = this.names.filter((n) => n !== state);
    this.touch();
  }

  // ---- conditional formats and validation ----------------------------------------------------------

  sheetConditionalFormats(sheet: SheetState): ConditionalFormatState[] {
    return this.conditionalFormats.filter((c) => c.sheetId === sheet.id);
  }

  /** New rules go to the top priority, as ConditionalFormatCollection.add documents. */
  addConditionalFormat(sheet: SheetState, rect: Rect, type: string): ConditionalFormatState {
    const state: ConditionalFormatState = {
      id: newGuid(),
      sheetId: sheet.id,
      rect,
      type,
      formula: "",
      fill: null,
      fontColor: null,
      bold: null,
      italic: null,
      stopIfTrue: false,
    };
    this.conditionalFormats.unshift(state);
    this.touch();
    return state;
  }

  setConditionalFormatPriority(state: ConditionalFormatState, priority: number): void {
    const sheet = this.sheetById(state.sheetId)!;
    const ordered = this.sheetConditionalFormats(sheet).filter((c) => c !== state);
    ordered.splice(Math.max(0, Math.min(priority, ordered.length)), 0, state);
    const others = this.conditionalFormats.filter((c) => c.sheetId !== sheet.id);
    this.conditionalFormats = [...ordered, ...others];
    this.touch();
  }

  deleteConditionalFormat(state: ConditionalFormatState): void {
    this.conditionalFormats = this.conditionalFormats.filter((c) => c !== state);
    this.touch();
  }

  /** The validation entry that governs a cell (the latest one set on it), or null. */
  validationAt(sheet: SheetState, row: number, col: number): DataValidationState | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const v = this.validations[i]!;
      if (
        v.sheetId === sheet.id &&
        row >= v.rect.row &&
        row < v.rect.row + v.rect.rows &&
        col >= v.rect.col &&
        col < v.rect.col + v.rect.cols
      ) {
        return v.rule === null ? null : v;
      }
    }
    return null;
  }

  /** The entry to edit for a block: the one set on exactly this block, else a new one copied from the top-left cell's. */
  validationFor(sheet: SheetState, rect: Rect): DataValidationState {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const v = this.validations[i]!;
      if (
        v.sheetId === sheet.id &&
        v.rect.row === rect.row &&
        v.rect.col === rect.col &&
        v.rect.rows === rect.rows &&
        v.rect.cols === rect.cols
      ) {
        return v;
      }
    }
    const inherited = this.validationAt(sheet, rect.row, rect.col);
    const state: DataValidationState = {
      sheetId: sheet.id,
      rect,
      rule: inherited?.rule ? structuredClone(inherited.rule) : {},
      errorAlert: inherited ? { ...inherited.errorAlert } : { message: "", showAlert: true, style: "Stop", title: "" },
      prompt: inherited ? { ...inherited.prompt } : { message: "", showPrompt: false, title: "" },
      ignoreBlanks: inherited?.ignoreBlanks ?? true,
    };
    this.validations.push(state);
    return state;
  }

  clearValidation(sheet: SheetState, rect: Rect): void {
    this.validations = this.validations.filter(
      (v) =>
        !(
          v.sheetId === sheet.id &&
          intersect(v.rect, rect) &&
          intersect(v.rect, rect)!.rows * intersect(v.rect, rect)!.cols === v.rect.rows * v.rect.cols
        ),
    );
    if (this.validations.some((v) => v.sheetId === sheet.id && intersect(v.rect, rect))) {
      this.validations.push({
        sheetId: sheet.id,
        rect,
        rule: null,
        errorAlert: { message: "", showAlert: true, style: "Stop", title: "" },
        prompt: { message: "", showPrompt: false, title: "" },
        ignoreBlanks: true,
      });
    }
    this.touch();
  }

  // ---- geometry, charts and merged cells ----------------------------------------------------------------

  /** Points from the top of row 1 to the top of `row`. */
  rowTop(sheet: SheetState, row: number): number {
    let top = row * DEFAULT_ROW_HEIGHT;
    for (const [r, h] of sheet.rowHeights) if (r < row) top += h - DEFAULT_ROW_HEIGHT;
    return top;
  }

  /** Points from the left of column A to the left of `col`. */
  columnLeft(sheet: SheetState, col: number): number {
    let left = col * DEFAULT_COLUMN_WIDTH;
    for (const [c, w] of sheet.columnWidths) if (c < col) left += w - DEFAULT_COLUMN_WIDTH;
    return left;
  }

  sheetCharts(sheet: SheetState): ChartState[] {
    return this.charts.filter((c) => c.sheetId === sheet.id);
  }

  /** "Chart N" with the next number of this sheet, never one in use. */
  nextChartName(sheet: SheetState): string {
    let n = this.chartCounters.get(sheet.id) ?? 0;
    const taken = new Set(this.sheetCharts(sheet).map((c) => c.name.toLowerCase()));
    do n++;
    while (taken.has(`chart ${n}`));
    this.chartCounters.set(sheet.id, n);
    return `Chart ${n}`;
  }

  addChart(chart: ChartState): void {
    this.charts.push(chart);
    this.touch();
  }

  deleteChart(chart: ChartState): void {
    this.charts = this.charts.filter((c) => c !== chart);
    this.touch();
  }

  sheetMerges(sheet: SheetState): MergeState[] {
    return this.merges.filter((m) => m.sheetId === sheet.id);
  }

  /**
   * Merges a block (or, across, each row of it) into one cell. The merged cell keeps the upper-left value;
   * merged areas it overlaps are replaced.
   */
  merge(sheet: SheetState, rect: Rect, across: boolean): void {
    const blocks = across
      ? Array.from({ length: rect.rows }, (_, r) => ({ ...rect, row: rect.row + r, rows: 1 }))
      : [rect];
    for (const block of blocks) {
      if (block.rows * block.cols === 1) continue;
      this.merges = this.merges.filter((m) => !(m.sheetId === sheet.id && intersect(m.rect, block)));
      for (let r = block.row; r < block.row + block.rows; r++) {
        for (let c = block.col; c < block.col + block.cols; c++) {
          if ((r !== block.row || c !== block.col) && this.value(sheet, r, c) !== "")
            this.engine.clear(sheet.engineId, r, c, 1, 1);
        }
      }
      this.merges.push({ sheetId: sheet.id, rect: block });
    }
    this.recordChange(sheet, rect, "RangeEdited", "api");
  }

  unmerge(sheet: SheetState, rect: Rect): void {
    this.merges = this.merges.filter((m) => !(m.sheetId === sheet.id && intersect(m.rect, rect)));
    this.touch();
  }

  // ---- settings and custom XML ----------------------------------------------------------------------

  setSetting(keyName: string, value: unknown): void {
    if (typeof keyName !== "string" || keyName === "") fail(ErrorCodes.invalidArgument, "A setting needs a key.");
    this.settings.set(keyName, value === undefined ? null : JSON.parse(JSON.stringify(value)));
    this.touch();
  }

  /** After loading saved state: new tables continue the numbering. */
  restoreCounters(): void {
    for (const t of this.tables) this.tableCounter = Math.max(this.tableCounter, Number(t.id) || 0);
  }

  // ---- change tracking ----------------------------------------------------------------------------

  recordChange(sheet: SheetState, rect: Rect, changeType: string, trigger: ChangeTrigger): void {
    this.pendingChanges.push({ stamp: nextStamp(), sheetId: sheet.id, rect, changeType, trigger });
    this.touch();
  }

  /** Hands the changes since the last flush to the event dispatcher and tells the grid to redraw. */
  flush(): void {
    const changes = this.pendingChanges;
    this.pendingChanges = [];
    if (changes.length > 0) for (const sink of this.changeSinks) sink(changes);
    this.emit({ kind: "change" });
  }

  onChanges(sink: (changes: ChangeRecord[]) => void): () => void {
    this.changeSinks.add(sink);
    return () => this.changeSinks.delete(sink);
  }

  subscribe(listener: (event: ModelEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ModelEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  touch(): void {
    this.version++;
  }

  private structureChanged(): void {
    this.touch();
    this.emit({ kind: "structure" });
  }

  setCellEditMode(on: boolean): void {
    this.cellEditMode = on;
    if (!on) {
      const waiters = this.editModeWaiters;
      this.editModeWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Resolves when the user leaves cell-edit mode (Excel.run's delayForCellEdit). */
  whenNotEditing(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.editModeWaiters.push(resolve));
  }
}
