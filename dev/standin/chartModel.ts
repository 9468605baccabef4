/**
 * Charts in the in-memory workbook: what a chart is (its series keep references to cells, never copies of
 * their values, so the plotted values follow the cells), how a source range becomes series, and what a
 * series plots now. The Excel API proxies (chart.ts) and the preview (standin.workbook.charts) read
 * charts through these functions only.
 *
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriesby  ("auto": desktop inspects the
 *       shape of the source data, Excel on the web uses "columns")
 *       https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-charts
 * Series names and categories from the first row / column (text labels, or a blank top-left cell): Excel's
 * Insert Chart rule, https://learn.microsoft.com/en-us/previous-versions/office/developer/office-2010/ff194065(v=office.14)
 * ("Microsoft Excel attempts to determine the location of the series name from the contents of the first row
 * or column") and https://peltiertech.com/prepare-your-data/ (the blank top-left cell).
 * Automatic value-axis bounds: Microsoft's "How Chart Axis Limits Are Determined" as restated in
 * https://peltiertech.com/how-excel-calculates-automatic-chart-axis-limits/ (approximated; see axisBounds).
 */
import type { Rect } from "./addressing";
import { valueTypeOf } from "./gridView";
import type { SheetState, WorkbookModel } from "./model";
import { formatValue } from "./numberFormat";

/** A block of cells a chart reads, on a sheet found by id (so renaming the sheet keeps the link). */
export interface ChartRef {
  sheetId: string;
  rect: Rect;
}

export interface SeriesState {
  /** A literal name (series.name = …, series.add(name)), a cell holding it, or null (then "SeriesN"). */
  name: { text: string } | { ref: ChartRef } | null;
  values: ChartRef | null;
  categories: ChartRef | null;
  chartType: string;
  /** series.format.fill.setSolidColor(); null: the theme colour for the series' position. */
  fillColor: string | null;
  /** series.format.line.color; null: the theme colour. */
  lineColor: string | null;
  markerStyle: string;
  hasDataLabels: boolean;
}

export interface AxisState {
  title: { text: string; visible: boolean };
  /** null: automatic (Excel computes it; reading still gives a number). */
  minimum: number | null;
  maximum: number | null;
  /** null: linked to the source cells' number format. */
  numberFormat: string | null;
}

export interface ChartState {
  id: string;
  name: string;
  sheetId: string;
  chartType: string;
  /** Points from the sheet's origin (top of row 1, left of column A). */
  top: number;
  left: number;
  width: number;
  height: number;
  /** text null: automatic (the series name for one series, "Chart Title" otherwise). */
  title: { text: string | null; visible: boolean };
  legend: { position: string; visible: boolean };
  categoryAxis: AxisState;
  valueAxis: AxisState;
  dataLabels: { showValue: boolean };
  series: SeriesState[];
}

/** Office theme accent colours, the automatic colours of series 1–6 (then repeating). */
export const SERIES_PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"] as const;

/** Excel's default chart: 5 × 3 inches (360 × 216 points). */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

export function isLineType(type: string): boolean {
  return /^(Line|3DLine)/.test(type);
}

export function isBarType(type: string): boolean {
  return /^(Bar|3DBar|CylinderBar|ConeBar|PyramidBar)/.test(type);
}

export function isColumnType(type: string): boolean {
  return /^(Column|3DColumn|CylinderCol|ConeCol|PyramidCol)/.test(type);
}

export function isScatterType(type: string): boolean {
  return /^(XYScatter|Bubble)/.test(type);
}

/** Marker style a new series gets: markers for the "…Markers" and scatter types, none otherwise. */
export function defaultMarkerStyle(type: string): string {
  return /Markers/.test(type) || type === "XYScatter" || type === "RadarMarkers" ? "Automatic" : "None";
}

function newAxis(): AxisState {
  return { title: { text: "", visible: false }, minimum: null, maximum: null, numberFormat: null };
}

export function newSeries(chartType: string, partial: Partial<SeriesState> = {}): SeriesState {
  return {
    name: null,
    values: null,
    categories: null,
    chartType,
    fillColor: null,
    lineColor: null,
    markerStyle: defaultMarkerStyle(chartType),
    hasDataLabels: false,
    ...partial,
  };
}

/**
 * A new chart as Excel 2013 and later insert one: one series → its name is the title and there is no legend;
 * several → "Chart Title" and a legend at the bottom.
 */
export function newChart(init: Pick<ChartState, "id" | "name" | "sheetId" | "chartType" | "top" | "left" | "series">) {
  const state: ChartState = {
    ...init,
    width: DEFAULT_CHART_WIDTH,
    height: DEFAULT_CHART_HEIGHT,
    title: { text: null, visible: true },
    legend: { position: "Bottom", visible: init.series.length > 1 },
    categoryAxis: newAxis(),
    valueAxis: newAxis(),
    dataLabels: { showValue: false },
  };
  return state;
}

// ---- source data → series ------------------------------------------------------------------------------

type Cell = number | string | boolean;

const isText = (v: Cell) => valueTypeOf(v) === "String";
const isBlank = (v: Cell) => v === "";

/** Every cell text or blank, and at least one text: a line of labels. */
function labels(cells: Cell[]): boolean {
  return cells.length > 0 && cells.every((v) => isText(v) || isBlank(v)) && cells.some(isText);
}

/**
 * Series for chart data in `rect` (on `sheet`), as Excel builds them: by columns or by rows; the first row
 * holds series names (by columns) / categories (by rows) when it is labels, the first column likewise; a blank
 * top-left cell makes both label lines. "Auto" follows the shape (more rows than columns → by columns), as
 * Excel on the desktop does, or always columns (Excel on the web) when `autoByColumns`.
 */
export function seriesFromSource(
  model: WorkbookModel,
  sheet: SheetState,
  rect: Rect,
  seriesBy: string,
  chartType: string,
  autoByColumns: boolean,
): { series: SeriesState[]; byColumns: boolean } {
  const at = (r: number, c: number): Cell => model.value(sheet, rect.row + r, rect.col + c);
  const R = rect.rows;
  const C = rect.cols;
  const row = (r: number, from: number) => Array.from({ length: C - from }, (_, i) => at(r, from + i));
  const col = (c: number, from: number) => Array.from({ length: R - from }, (_, i) => at(from + i, c));
  const cornerBlank = R > 1 && C > 1 && isBlank(at(0, 0));
  const headerRow = R > 1 && (cornerBlank || labels(row(0, 0)));
  const headerCol = C > 1 && (cornerBlank || labels(col(0, headerRow ? 1 : 0)));
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && (autoByColumns || R > C));
  const ref = (r: number, c: number, rows: number, cols: number): ChartRef => ({
    sheetId: sheet.id,
    rect: { row: rect.row + r, col: rect.col + c, rows, cols },
  });
  const r0 = headerRow ? 1 : 0;
  const c0 = headerCol ? 1 : 0;
  const series: SeriesState[] = [];
  if (byColumns) {
    if (R - r0 < 1) return { series, byColumns };
    for (let c = c0; c < C; c++) {
      series.push(
        newSeries(chartType, {
          name: headerRow ? { ref: ref(0, c, 1, 1) } : null,
          values: ref(r0, c, R - r0, 1),
          categories: headerCol ? ref(r0, 0, R - r0, 1) : null,
        }),
      );
    }
  } else {
    if (C - c0 < 1) return { series, byColumns };
    for (let r = r0; r < R; r++) {
      series.push(
        newSeries(chartType, {
          name: headerCol ? { ref: ref(r, 0, 1, 1) } : null,
          values: ref(r, c0, 1, C - c0),
          categories: headerRow ? ref(0, c0, 1, C - c0) : null,
        }),
      );
    }
  }
  return { series, byColumns };
}

// ---- what a series plots now ----------------------------------------------------------------------------

function refCells(model: WorkbookModel, ref: ChartRef | null): Array<{ sheet: SheetState; row: number; col: number }> {
  if (!ref) return [];
  const sheet = model.sheetById(ref.sheetId);
  if (!sheet) return []; // the sheet was deleted: Excel shows #REF!, the stand-in plots nothing
  const out = [];
  for (let r = 0; r < ref.rect.rows; r++)
    for (let c = 0; c < ref.rect.cols; c++) out.push({ sheet, row: ref.rect.row + r, col: ref.rect.col + c });
  return out;
}

/** "Series1", "Series2" … by position when a series has no name of its own. */
export function seriesName(model: WorkbookModel, series: SeriesState, index: number): string {
  const name = series.name;
  if (name && "text" in name) return name.text;
  if (name && "ref" in name) {
    return refCells(model, name.ref)
      .map(({ sheet, row, col }) =>
        formatValue(model.value(sheet, row, col), model.style(sheet, row, col).numberFormat),
      )
      .join(" ");
  }
  return `Series${index + 1}`;
}

/** The plotted numbers; null where a cell is blank, text or an error (not plotted). */
export function seriesValues(model: WorkbookModel, series: SeriesState): Array<number | null> {
  return refCells(model, series.values).map(({ sheet, row, col }) => {
    const v = model.value(sheet, row, col);
    return typeof v === "number" ? v : null;
  });
}

/** Numbers as Excel keeps them (15 significant digits), other cells as their value's text. */
function valueText(v: Cell): string {
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** getDimensionValues("Values"): one string per point. */
export function seriesValueTexts(model: WorkbookModel, series: SeriesState): string[] {
  return refCells(model, series.values).map(({ sheet, row, col }) => valueText(model.value(sheet, row, col)));
}

/** Category labels as the axis shows them (the cells' displayed text); 1, 2, 3 … without category cells. */
export function seriesCategories(model: WorkbookModel, series: SeriesState): string[] {
  const count = series.values ? series.values.rect.rows * series.values.rect.cols : 0;
  const labelsText = refCells(model, series.categories).map(({ sheet, row, col }) =>
    formatValue(model.value(sheet, row, col), model.style(sheet, row, col).numberFormat),
  );
  return Array.from({ length: Math.max(count, labelsText.length) }, (_, i) => labelsText[i] ?? String(i + 1));
}

export function seriesColor(series: SeriesState, index: number): string {
  return series.fillColor ?? SERIES_PALETTE[index % SERIES_PALETTE.length]!;
}

export function seriesLineColor(series: SeriesState, index: number): string {
  return series.lineColor ?? series.fillColor ?? SERIES_PALETTE[index % SERIES_PALETTE.length]!;
}

export function chartTitleText(model: WorkbookModel, chart: ChartState): string {
  if (chart.title.text !== null) return chart.title.text;
  return chart.series.length === 1 ? seriesName(model, chart.series[0]!, 0) : "Chart Title";
}

/** The value axis' number format: its own, else the first plotted cell's (linked to the source). */
export function valueAxisNumberFormat(model: WorkbookModel, chart: ChartState): string {
  if (chart.valueAxis.numberFormat !== null) return chart.valueAxis.numberFormat;
  const first = chart.series.flatMap((s) => refCells(model, s.values))[0];
  return first ? model.style(first.sheet, first.row, first.col).numberFormat : "General";
}

// ---- automatic value-axis scale -------------------------------------------------------------------------

/** 1, 2 or 5 × 10^k: the major unit for a span drawn with about five to ten gridlines. */
function niceUnit(span: number): number {
  if (!(span > 0)) return 1;
  const raw = span / 8;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = raw / power;
  return (step <= 1 ? 1 : step <= 2 ? 2 : step <= 5 ? 5 : 10) * power;
}

const tidy = (v: number) => Number(v.toPrecision(12));

/**
 * The value axis' bounds and major unit: a fixed minimum/maximum where set, Excel's automatic rule otherwise:
 * values all ≥ 0 → minimum 0 unless the smallest is at least 5/6 of the largest (then the first major unit
 * ≤ min − (max − min)/20); maximum the first major unit ≥ max + (max − min)/20; the mirror image for values
 * all ≤ 0. The major unit is a 1-2-5 step, an approximation of Excel's choice.
 */
export function axisBounds(values: number[], fixed: { minimum: number | null; maximum: number | null }) {
  const lo = fixed.minimum ?? (values.length ? Math.min(...values) : 0);
  const hi = fixed.maximum ?? (values.length ? Math.max(...values) : 0);
  const pad = (hi - lo) / 20;
  let low: number;
  if (fixed.minimum !== null) low = fixed.minimum;
  else if (lo >= 0) low = lo < (5 / 6) * hi || lo === hi ? 0 : lo - pad;
  else low = lo - pad;
  let high: number;
  if (fixed.maximum !== null) high = fixed.maximum;
  else if (hi <= 0) high = hi > (5 / 6) * lo || lo === hi ? 0 : hi + pad;
  else high = hi + pad;
  if (!(high > low)) high = low + (Math.abs(low) || 1);
  const unit = niceUnit(high - low);
  const minimum = fixed.minimum ?? Math.floor(tidy(low / unit)) * unit;
  const maximum = fixed.maximum ?? Math.ceil(tidy(high / unit)) * unit;
  return { minimum: tidy(minimum), maximum: tidy(maximum), majorUnit: tidy(unit) };
}

/** Every plotted number of a chart, for its automatic axis. */
export function chartValues(model: WorkbookModel, chart: ChartState): number[] {
  return chart.series.flatMap((s) => seriesValues(model, s).filter((v): v is number => v !== null));
}

// ---- what the preview draws -----------------------------------------------------------------------------

export interface ChartSeriesView {
  name: string;
  chartType: string;
  color: string;
  lineColor: string;
  markerStyle: string;
  hasDataLabels: boolean;
  values: Array<number | null>;
  categories: string[];
}

export interface ChartView {
  id: string;
  name: string;
  chartType: string;
  /** Points from the sheet's origin. */
  top: number;
  left: number;
  width: number;
  height: number;
  /** null when the title is hidden. */
  title: string | null;
  legend: { position: string; visible: boolean };
  categoryAxisTitle: string | null;
  valueAxisTitle: string | null;
  valueAxis: { minimum: number; maximum: number; majorUnit: number; numberFormat: string };
  series: ChartSeriesView[];
}

/** A chart as it looks now: titles, the automatic or fixed value axis and every series' current values. */
export function chartView(model: WorkbookModel, chart: ChartState): ChartView {
  const axisTitle = (axis: AxisState) => (axis.title.visible ? axis.title.text : null);
  return {
    id: chart.id,
    name: chart.name,
    chartType: chart.chartType,
    top: chart.top,
    left: chart.left,
    width: chart.width,
    height: chart.height,
    title: chart.title.visible ? chartTitleText(model, chart) : null,
    legend: { ...chart.legend },
    categoryAxisTitle: axisTitle(chart.categoryAxis),
    valueAxisTitle: axisTitle(chart.valueAxis),
    valueAxis: {
      ...axisBounds(chartValues(model, chart), chart.valueAxis),
      numberFormat: valueAxisNumberFormat(model, chart),
    },
    series: chart.series.map((s, i) => ({
      name: seriesName(model, s, i),
      chartType: s.chartType,
      color: seriesColor(s, i),
      lineColor: seriesLineColor(s, i),
      markerStyle: s.markerStyle,
      hasDataLabels: s.hasDataLabels,
      values: seriesValues(model, s),
      categories: seriesCategories(model, s),
    })),
  };
}
