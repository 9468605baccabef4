/**
 * The Excel stand-in: an in-memory workbook behind the subset of the Excel JavaScript API the add-in
 * uses, with Excel's documented semantics, formulas computed by HyperFormula with the PLAN functions
 * registered from src/functions. Dev only: production code never imports dev/.
 *
 *   const standin = createStandin({ displayLanguage: "zh-CN" });
 *   installStandin(standin);            // globalThis.Excel / Office (patches real office.js's Office.context)
 *   await Excel.run(async (context) => { ... });
 *   standin.lastRun.syncs;              // round trips of the last Excel.run
 *   standin.workbook.cell("Sheet1", "B2").text;   // what the grid shows
 */
import { langFromLocale, type Lang } from "../../src/core/messages";
import { WORKBOOK_LANGUAGE_SETTING } from "../../src/core/templateLayout";
import { PLAN_FUNCTIONS } from "../../src/functions/planFunctions";
import { parseAddress, qualifiedAddress, rectAddress } from "./addressing";
import type { ChartView } from "./chartModel";
import { chartView } from "./chartModel";
import { ErrorCodes, StandinError } from "./errors";
import { EventHub } from "./events";
import { createExcelNamespace } from "./excel";
import type { CellView } from "./gridView";
import { GridView } from "./gridView";
import type { ModelEvent, SheetState } from "./model";
import { WorkbookModel } from "./model";
import { createOfficeNamespace } from "./office";
import type { FunctionCalls, PlanFunctionHost, PlanFunctionLike } from "./planFunctionPlugin";
import { emptyCalls, registerPlanFunctions } from "./planFunctionPlugin";
import { createStreamHub, type StreamHub } from "../../src/functions/rowStreams";
import { createStreamCalls } from "../../src/functions/streamCalls";
import { standinSheetPort } from "./sheetPort";
import { Range } from "./range";
import { WEB_REQUEST_PAYLOAD_LIMIT, type RequestContext, type StandinCore } from "./requestContext";
import type { SerializedWorkbook } from "./serialize";
import { deserializeWorkbook, serializeWorkbook } from "./serialize";
import { DocumentSettings } from "./settings";
import type { RunStats } from "./stats";
import { StatsBook } from "./stats";
import { TemplateRowReader } from "./templateRows";
import { satisfiesValidation, typedValue } from "./validationRules";
import { Worksheet } from "./worksheet";

export type { CellView } from "./gridView";
export type { ChartView, ChartSeriesView } from "./chartModel";
export type { SerializedWorkbook } from "./serialize";
export type { RunStats } from "./stats";
export { StandinError, ErrorCodes } from "./errors";

export interface StandinOptions {
  /** Saved state (serialize()) to start from; a blank workbook with Sheet1 otherwise. */
  state?: SerializedWorkbook;
  /** Office's display language, "zh-CN" by default. */
  displayLanguage?: string;
  /** Highest ExcelApi requirement set reported (default "1.20"). */
  excelApiVersion?: string;
  /** The custom functions to register (default: the PLAN functions of src/functions). */
  functions?: readonly PlanFunctionLike[];
  /**
   * What charts.add(type, range, "Auto") does: "shape" (default) guesses series by rows or columns from the
   * data's shape, as Excel on the desktop; "columns" always uses columns, as Excel on the web.
   */
  chartAutoSeriesBy?: "shape" | "columns";
  /**
   * The largest request a sync may send, in bytes: 5 MB by default, as Excel on the web (over it, the
   * sync fails with RequestPayloadSizeLimitExceeded and nothing of it is applied); null for no limit,
   * as on the desktop. See requestContext.ts for how a request is measured.
   */
  requestPayloadLimit?: number | null;
}

export type InputCheck = { ok: true } | { ok: false; style: string; title: string; message: string };

export function createStandin(options: StandinOptions = {}) {
  registerPlanFunctions(options.functions ?? PLAN_FUNCTIONS, "streams");
  const displayLanguage = options.displayLanguage ?? "zh-CN";
  const listeners = new Set<(event: ModelEvent) => void>();
  const host: PlanFunctionHost = {
    // The workbook's language (set when the template is inserted), zh when unset — as src/functions/workbookLanguage.ts.
    lang(): Lang {
      const value = core.model?.settings.get(WORKBOOK_LANGUAGE_SETTING); // no model yet while loading saved state

      return typeof value === "string" && value.trim() !== "" ? langFromLocale(value) : "zh";
    },
    rowAt: (sheet, row, col) => (core.model ? rows.rowAt(sheet, row, col) : null),
    // Streaming PLAN functions (the row form, PLAN.DATAYEAR in C3) run on the same stream hub as in Excel,
    // over the stand-in's sheet port; a result pushed later repaints its cell (planFunctionPlugin.ts).
    sheetName: (sheet) => core.model?.sheetByEngineId(sheet)?.name ?? null,
    repaint: (cell) => {
      core.model.engine.repaint(cell);
      core.model.touch();
      core.model.emit({ kind: "change" });
    },
    calls: emptyCalls(),
  };
  const streamHub: StreamHub = createStreamHub(
    standinSheetPort(
      () => core.model,
      () => core.events,
    ),
  );
  host.streams = createStreamCalls(streamHub, () => host.lang());
  const makeRange = (ctx: RequestContext, sheetId: string, address: string) =>
    new Worksheet(ctx, () => core.model.sheetById(sheetId) ?? null).getRange(address);

  function blankModel(): WorkbookModel {
    const model = new WorkbookModel(host);
    model.addSheet("Sheet1");
    return model;
  }

  const core: StandinCore = {
    model: undefined as unknown as WorkbookModel,
    stats: new StatsBook(),
    events: undefined as unknown as EventHub,
    excelApiVersion: options.excelApiVersion ?? "1.20",
    chartAutoSeriesBy: options.chartAutoSeriesBy ?? "shape",
    requestPayloadLimit:
      options.requestPayloadLimit === undefined ? WEB_REQUEST_PAYLOAD_LIMIT : options.requestPayloadLimit,
  };
  const rows = new TemplateRowReader(() => core.model);
  const grid = new GridView(() => core.model);
  const documentSettings = new DocumentSettings(() => core.model);

  function use(model: WorkbookModel): void {
    core.model?.engine.destroy();
    core.model = model;
    core.events = new EventHub(model, makeRange);
    model.subscribe((event) => listeners.forEach((l) => l(event)));
    // Formulas computed before the model was in place are recomputed now that PLAN functions can read it.
    model.engine.run(() => model.engine.hf.rebuildAndRecalculate());
    documentSettings.resync();
  }
  use(options.state ? deserializeWorkbook(options.state, host) : blankModel());

  const Excel = createExcelNamespace(core);
  const Office = createOfficeNamespace(documentSettings, { displayLanguage, excelApiVersion: core.excelApiVersion });

  const sheetOf = (sheet: string): SheetState => core.model.sheet(sheet);
  const cellOf = (address: string) => {
    const parsed = parseAddress(address);
    if (!parsed) throw new StandinError(ErrorCodes.invalidArgument, `'${address}' is not an address.`);
    return parsed;
  };

  /** The workbook as the preview grid sees and edits it. */
  const workbook = {
    get version(): number {
      return core.model.version;
    },
    sheets() {
      return core.model.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        active: s.id === core.model.activeSheetId,
        freeze: { ...s.freeze },
        showGridlines: s.showGridlines,
      }));
    },
    activeSheet(): { id: string; name: string } {
      const s = core.model.sheetById(core.model.activeSheetId) ?? core.model.sheets[0]!;
      return { id: s.id, name: s.name };
    },
    activateSheet(sheet: string): void {
      core.model.activate(sheetOf(sheet));
    },
    addSheet(name?: string): string {
      const s = core.model.addSheet(name);
      core.model.flush();
      return s.name;
    },
    /** Rows and columns from A1 to the last used cell (content or format). */
    extent(sheet: string): { rows: number; cols: number } {
      const used = core.model.usedRect(sheetOf(sheet), false);
      return used ? { rows: used.row + used.rows, cols: used.col + used.cols } : { rows: 0, cols: 0 };
    },
    cell(sheet: string, address: string): CellView {
      const { rect } = cellOf(address);
      return grid.cell(sheetOf(sheet), rect.row, rect.col);
    },
    cellAt(sheet: string, row: number, col: number): CellView {
      return grid.cell(sheetOf(sheet), row, col);
    },
    /** The sheet's charts as they look now (values read from their cells), in the order they were added. */
    charts(sheet: string): ChartView[] {
      return core.model.sheetCharts(sheetOf(sheet)).map((c) => chartView(core.model, c));
    },
    /** Merged areas of the sheet (0-based rectangles). */
    merges(sheet: string): Array<{ row: number; col: number; rows: number; cols: number }> {
      return core.model.sheetMerges(sheetOf(sheet)).map((m) => ({ ...m.rect }));
    },
    /** Page setup of the sheet (print titles and area as sheet-local addresses). */
    pageLayout(sheet: string) {
      return structuredClone(sheetOf(sheet).pageLayout);
    },
    /** Points from the sheet's origin to the top of a row / the left of a column. */
    rowTop(sheet: string, row: number): number {
      return core.model.rowTop(sheetOf(sheet), row);
    },
    columnLeft(sheet: string, col: number): number {
      return core.model.columnLeft(sheetOf(sheet), col);
    },
    /** Column width and row height in points (Excel's units; 1 pt = 4/3 px). */
    columnWidth(sheet: string, col: number): number {
      return core.model.columnWidth(sheetOf(sheet), col);
    },
    /** Whether a column is hidden (Range.columnHidden); hidden columns are not printed. */
    columnHidden(sheet: string, col: number): boolean {
      return sheetOf(sheet).hiddenColumns.has(col);
    },
    rowHeight(sheet: string, row: number): number {
      return core.model.rowHeight(sheetOf(sheet), row);
    },
    tables(sheet?: string) {
      const s = sheet ? sheetOf(sheet) : null;
      return core.model.tables
        .filter((t) => !s || t.sheetId === s.id)
        .map((t) => ({
          id: t.id,
          name: t.name,
          sheetId: t.sheetId,
          address: rectAddress(t.rect),
          style: t.style,
          showBandedRows: t.showBandedRows,
          showHeaders: t.showHeaders,
        }));
    },
    /** What Excel's data validation says about typing `input` into the cell (Stop: reject; Warning/Information: ask). */
    checkInput(sheet: string, address: string, input: string): InputCheck {
      const s = sheetOf(sheet);
      const { rect } = cellOf(address);
      const entry = core.model.validationAt(s, rect.row, rect.col);
      if (!entry || input.startsWith("=") || !entry.errorAlert.showAlert) return { ok: true };
      if (satisfiesValidation(core.model, s, rect.row, rect.col, entry, typedValue(input))) return { ok: true };
      const { style, title, message } = entry.errorAlert;
      return { ok: false, style, title, message };
    },
    /** A user typing into a cell and pressing Enter: contents change, onChanged fires (triggerSource "Unknown"). */
    setCellInput(sheet: string, address: string, input: string): void {
      const s = sheetOf(sheet);
      const { rect } = cellOf(address);
      if (input.startsWith("=") && input.length > 1 && !core.model.engine.isValidFormula(input)) {
        throw new StandinError(ErrorCodes.invalidArgument, `The formula '${input}' is not valid.`);
      }
      core.model.writeCells(s, { ...rect, rows: 1, cols: 1 }, [[input]], "user");
      core.model.flush();
    },
    /** Delete key on a selection. */
    clearCells(sheet: string, address: string): void {
      core.model.clearContents(sheetOf(sheet), cellOf(address).rect, "user");
      core.model.flush();
    },
    select(sheet: string, address: string): void {
      core.model.select(sheetOf(sheet), cellOf(address).rect);
    },
    selection(): { sheetId: string; sheetName: string; address: string } | null {
      const sel = core.model.selection;
      const s = sel && core.model.sheetById(sel.sheetId);
      return sel && s ? { sheetId: s.id, sheetName: s.name, address: rectAddress(sel.rect) } : null;
    },
    /** Excel's cell-edit mode: batches fail with InvalidOperationInCellEditMode (or wait, with delayForCellEdit). */
    setCellEditMode(on: boolean): void {
      core.model.setCellEditMode(on);
    },
    /** Called after every change (add-in sync or user edit), selection change and Excel.run end. */
    subscribe(listener: (event: ModelEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    qualifiedAddress(sheet: string, address: string): string {
      return qualifiedAddress(sheetOf(sheet).name, cellOf(address).rect);
    },
  };

  return {
    Excel,
    Office,
    OfficeExtension: { Error: StandinError, ErrorCodes },
    workbook,
    /** Round trips since the stand-in was created. */
    get syncCount(): number {
      return core.stats.syncCount;
    },
    /**
     * PLAN calls as Excel would make them (every dirty PLAN cell evaluated again, volatile ones on every
     * recalculation) and results pushed by streaming calls since creation or the last reset.
     */
    get functionCalls(): FunctionCalls {
      return host.calls!;
    },
    resetFunctionCalls(): void {
      host.calls = emptyCalls();
    },
    /** The streaming calls' hub (what the row form and C3 read and push: stats, idle()). */
    streams: streamHub,
    /** The last Excel.run's cost: syncs (round trips), cellsWritten, requestBytes, commands. */
    get lastRun(): RunStats | null {
      return core.stats.lastRun;
    },
    /** mark() / since(mark): the total cost of an operation made of several Excel.run calls. */
    stats: core.stats,
    serialize(): SerializedWorkbook {
      return serializeWorkbook(core.model);
    },
    /** Replaces the workbook with saved state (event handlers are dropped, like reopening a file). */
    deserialize(state: SerializedWorkbook): void {
      use(deserializeWorkbook(state, host));
      listeners.forEach((l) => l({ kind: "structure" }));
    },
    /** A blank workbook with Sheet1. */
    reset(): void {
      use(blankModel());
      listeners.forEach((l) => l({ kind: "structure" }));
    },
    /** Resolves when every onChanged event raised so far has been handled. */
    whenIdle(): Promise<void> {
      return core.events.whenIdle().then(() => streamHub.idle());
    },
    /** For tests: the Range class, to check instanceof in helpers. */
    Range,
  };
}

export type Standin = ReturnType<typeof createStandin>;

/**
 * Makes the stand-in the host: globalThis.Excel, and Office — when real office.js is loaded (the preview
 * outside Office, where Office.context is undefined) its Office object keeps onReady and gets the
 * stand-in's context, addin and enums. Returns a function that undoes it.
 */
export function installStandin(
  standin: Standin,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): () => void {
  const previous = { Excel: target.Excel, Office: target.Office, OfficeExtension: target.OfficeExtension };
  target.Excel = standin.Excel;
  const office = target.Office as Record<string, unknown> | undefined;
  let restoreContext: (() => void) | null = null;
  if (office && typeof office === "object") {
    const descriptor = Object.getOwnPropertyDescriptor(office, "context");
    Object.defineProperty(office, "context", {
      value: standin.Office.context,
      configurable: true,
      writable: true,
      enumerable: true,
    });
    restoreContext = () => {
      if (descriptor) Object.defineProperty(office, "context", descriptor);
      else delete office.context;
    };
    for (const key of ["addin", "StartupBehavior", "AsyncResultStatus", "HostType"] as const) {
      if (office[key] === undefined) office[key] = standin.Office[key];
    }
  } else target.Office = standin.Office;
  if (!target.OfficeExtension) target.OfficeExtension = standin.OfficeExtension;
  return () => {
    target.Excel = previous.Excel;
    if (restoreContext) restoreContext();
    else target.Office = previous.Office;
    target.OfficeExtension = previous.OfficeExtension;
  };
}
