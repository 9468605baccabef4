/**
 * The whole workbook as JSON (sheets with cell inputs and formats, page setup, tables, validation,
 * conditional formats, names, charts, merged cells, settings, custom XML parts), so the preview survives a
 * reload. Saved state from before charts, merges and margins existed still loads (they get their defaults).
 */
import type { Rect } from "./addressing";
import type { ChartState } from "./chartModel";
import type { CellInput } from "./formulaEngine";
import type {
  CellStyle,
  ConditionalFormatState,
  DataValidationState,
  MergeState,
  NameState,
  PageLayoutState,
  TableState,
  XmlPartState,
} from "./model";
import { WorkbookModel, completePageLayout } from "./model";
import type { PlanFunctionHost } from "./planFunctionPlugin";

export interface SerializedSheet {
  id: string;
  name: string;
  /** [row, col, input] for every non-empty cell; formulas as text. */
  cells: Array<[number, number, CellInput]>;
  styles: Array<[number, number, CellStyle]>;
  styleLayers: Array<{ rect: Rect; style: CellStyle }>;
  columnWidths: Array<[number, number]>;
  /** Optional: saved states from before hidden columns were kept have none. */
  hiddenColumns?: number[];
  rowHeights: Array<[number, number]>;
  freeze: { rows: number; cols: number };
  pageLayout: PageLayoutState;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
}

export interface SerializedWorkbook {
  format: "plan-tracker-standin";
  version: 1;
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect } | null;
  sheets: SerializedSheet[];
  tables: TableState[];
  validations: DataValidationState[];
  conditionalFormats: ConditionalFormatState[];
  names: NameState[];
  settings: Array<[string, unknown]>;
  xmlParts: XmlPartState[];
  /** Optional: saved states from before charts and merged cells have none. */
  charts?: ChartState[];
  chartCounters?: Array<[string, number]>;
  merges?: MergeState[];
}

export function serializeWorkbook(model: WorkbookModel): SerializedWorkbook {
  return structuredClone({
    format: "plan-tracker-standin",
    version: 1,
    activeSheetId: model.activeSheetId,
    selection: model.selection,
    sheets: model.sheets.map((sheet) => {
      const cells: Array<[number, number, CellInput]> = [];
      model.engine.serialized(sheet.engineId).forEach((line, r) =>
        line.forEach((input, c) => {
          if (input !== null && input !== undefined && input !== "") cells.push([r, c, input]);
        }),
      );
      return {
        id: sheet.id,
        name: sheet.name,
        cells,
        styles: [...sheet.styles].map(([k, style]) => {
          const [r, c] = k.split(",").map(Number) as [number, number];
          return [r, c, style] as [number, number, CellStyle];
        }),
        styleLayers: sheet.styleLayers,
        columnWidths: [...sheet.columnWidths],
        hiddenColumns: [...sheet.hiddenColumns],
        rowHeights: [...sheet.rowHeights],
        freeze: sheet.freeze,
        pageLayout: sheet.pageLayout,
        visibility: sheet.visibility,
        tabColor: sheet.tabColor,
        showGridlines: sheet.showGridlines,
      };
    }),
    tables: model.tables,
    validations: model.validations,
    conditionalFormats: model.conditionalFormats,
    names: model.names,
    settings: [...model.settings],
    xmlParts: model.xmlParts,
    charts: model.charts,
    chartCounters: [...model.chartCounters],
    merges: model.merges,
  } satisfies SerializedWorkbook);
}

/** A new workbook model from serialized state (sheets first, then names, then contents, so references resolve). */
export function deserializeWorkbook(state: SerializedWorkbook, host: PlanFunctionHost): WorkbookModel {
  if (state.format !== "plan-tracker-standin" || state.version !== 1)
    throw new Error("Not a stand-in workbook (format/version).");
  const model = new WorkbookModel(host);
  const data = structuredClone(state);
  for (const s of data.sheets) {
    const sheet = model.addSheet(s.name);
    sheet.id = s.id;
    sheet.styles = new Map(s.styles.map(([r, c, style]) => [`${r},${c}`, style]));
    sheet.styleLayers = s.styleLayers;
    sheet.columnWidths = new Map(s.columnWidths);
    sheet.hiddenColumns = new Set(s.hiddenColumns ?? []);
    sheet.rowHeights = new Map(s.rowHeights);
    sheet.freeze = s.freeze;
    sheet.pageLayout = completePageLayout(s.pageLayout);
    sheet.visibility = s.visibility;
    sheet.tabColor = s.tabColor;
    sheet.showGridlines = s.showGridlines;
  }
  for (const n of data.names) {
    const sheet = n.sheetId ? model.sheetById(n.sheetId) : undefined;
    model.engine.addName(n.name, n.formula, sheet?.engineId);
    model.names.push(n);
  }
  model.engine.run(() =>
    model.engine.hf.batch(() => {
      for (const s of data.sheets) {
        const sheet = model.sheetById(s.id)!;
        for (const [r, c, input] of s.cells)
          model.engine.hf.setCellContents({ sheet: sheet.engineId, row: r, col: c }, [[input]]);
      }
    }),
  );
  model.tables = data.tables;
  model.validations = data.validations;
  model.conditionalFormats = data.conditionalFormats;
  model.settings = new Map(data.settings);
  model.xmlParts = data.xmlParts;
  model.charts = (data.charts ?? []).filter((c) => model.sheetById(c.sheetId));
  model.chartCounters = new Map(data.chartCounters ?? []);
  model.merges = (data.merges ?? []).filter((m) => model.sheetById(m.sheetId));
  model.activeSheetId = model.sheetById(data.activeSheetId) ? data.activeSheetId : (model.sheets[0]?.id ?? "");
  model.selection = data.selection && model.sheetById(data.selection.sheetId) ? data.selection : null;
  model.restoreCounters();
  return model;
}
