/**
 * Charts: worksheet.charts and what hangs off a chart (title, legend, axes, data labels, series and their
 * format). Commands are queued and applied at sync like every other proxy, so they count in lastRun.
 * Docs (one page per class; member anchors as on the pages):
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chart
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.charttitle
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartlegend
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartaxes
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartaxis
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartaxistitle
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartdatalabels
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriescollection
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseries
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriesformat
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartfill
 *   https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartlineformat
 */
import type { Rect } from "./addressing";
import type { CellRange } from "./cellRange";
import { resolveAddress } from "./cellRange";
import type { AxisState, ChartState, SeriesState } from "./chartModel";
import {
  axisBounds,
  chartTitleText,
  chartValues,
  defaultMarkerStyle,
  isScatterType,
  newChart,
  newSeries,
  seriesCategories,
  seriesColor,
  seriesFromSource,
  seriesLineColor,
  seriesName,
  seriesValueTexts,
  valueAxisNumberFormat,
} from "./chartModel";
import { normalizeColor } from "./colors";
import { enumValues } from "./enums";
import { ErrorCodes, fail } from "./errors";
import type { SheetState } from "./model";
import { newGuid } from "./model";
import { ClientObject, ClientResult, CountedCollection } from "./proxy";
import type { Range } from "./range";
import type { RequestContext } from "./requestContext";
import { Worksheet } from "./worksheet";

const CHART_TYPES = enumValues("ChartType").filter((t) => t !== "Invalid");

/** Excel.ChartType values other than "Invalid"; anything else is InvalidArgument, as Excel answers. */
function checkChartType(type: unknown): string {
  if (typeof type !== "string" || !CHART_TYPES.includes(type))
    fail(ErrorCodes.invalidArgument, `'${String(type)}' is not a chart type.`);
  return type;
}

function checkBool(v: unknown, what: string): boolean {
  if (typeof v !== "boolean") fail(ErrorCodes.invalidArgument, `${what} is true or false.`);
  return v;
}

function checkColor(v: unknown): string {
  const c = normalizeColor(v);
  if (c === null) fail(ErrorCodes.invalidArgument, `'${String(v)}' is not a colour.`);
  return c;
}

function rangeTarget(range: Range | null | undefined): CellRange {
  const t = range?.target();
  if (!t) fail(ErrorCodes.invalidArgument, "The range is a null object.");
  return t;
}

// ---- ChartCollection -----------------------------------------------------------------------------------

export class ChartCollection extends CountedCollection<Chart, ChartState> {
  protected readonly className = "ChartCollection";
  private readonly sheet: () => SheetState | null;

  constructor(context: RequestContext, sheet: () => SheetState | null) {
    super(context);
    this.sheet = sheet;
  }

  private get model() {
    return this.context.core.model;
  }

  protected list(): ChartState[] {
    const sheet = this.sheet();
    return sheet ? this.model.sheetCharts(sheet) : [];
  }

  protected wrap(state: ChartState): Chart {
    return new Chart(this.context, () => state);
  }

  /**
   * add(type, sourceData, seriesBy): series from the source range (see seriesFromSource); the chart is named
   * "Chart N" and placed, at Excel's default size, one column right of the source data.
   */
  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    let created: ChartState | null = null;
    this.context.enqueue({
      location: "ChartCollection.add",
      payload: [type, seriesBy],
      run: () => {
        const chartType = checkChartType(type);
        if (!["Auto", "Columns", "Rows"].includes(seriesBy))
          fail(ErrorCodes.invalidArgument, `'${String(seriesBy)}' is not a ChartSeriesBy value.`);
        const sheet = this.sheet();
        if (!sheet) fail(ErrorCodes.itemNotFound, "The worksheet doesn't exist.");
        const source = rangeTarget(sourceData);
        const { series } = seriesFromSource(
          this.model,
          source.sheet,
          source.rect,
          seriesBy,
          chartType,
          this.context.core.chartAutoSeriesBy === "columns",
        );
        created = newChart({
          id: newGuid(),
          name: this.model.nextChartName(sheet),
          sheetId: sheet.id,
          chartType,
          top: this.model.rowTop(sheet, source.rect.row),
          left: this.model.columnLeft(sheet, source.rect.col + source.rect.cols + 1),
          series,
        });
        this.model.addChart(created);
      },
    });
    return new Chart(this.context, () => created);
  }

  /** The first chart with the name (Excel allows several charts to share one). */
  private find(name: string): ChartState | undefined {
    const lower = String(name).toLowerCase();
    return this.list().find((c) => c.name.toLowerCase() === lower);
  }

  getItem(name: string): Chart {
    return new Chart(this.context, () => this.find(name) ?? fail(ErrorCodes.itemNotFound, `No chart '${name}'.`));
  }

  getItemOrNullObject(name: string): Chart {
    const chart = new Chart(this.context, () => this.find(name) ?? null);
    chart.queueNullCheck("ChartCollection.getItemOrNullObject");
    return chart;
  }

  getItemAt(index: number): Chart {
    return new Chart(
      this.context,
      () => this.list()[index] ?? fail(ErrorCodes.itemNotFound, `No chart at index ${index}.`),
    );
  }
}

// ---- Chart ---------------------------------------------------------------------------------------------

export class Chart extends ClientObject<ChartState> {
  protected readonly className = "Chart";
  protected readonly scalarProperties = ["id", "name", "chartType", "top", "left", "width", "height"] as const;
  private titleProxy?: ChartTitle;
  private legendProxy?: ChartLegend;
  private axesProxy?: ChartAxes;
  private dataLabelsProxy?: ChartDataLabels;
  private seriesProxy?: ChartSeriesCollection;

  private get model() {
    return this.context.core.model;
  }

  protected readProperty(chart: ChartState, name: string): unknown {
    return (chart as unknown as Record<string, unknown>)[name];
  }

  protected override navigation(name: string) {
    switch (name) {
      case "title":
        return this.title;
      case "legend":
        return this.legend;
      case "axes":
        return this.axes;
      case "dataLabels":
        return this.dataLabels;
      case "series":
        return this.series;
      case "worksheet":
        return this.worksheet;
    }
    return undefined;
  }

  protected override navigationNames(): string[] {
    const names: Array<[string, unknown]> = [
      ["title", this.titleProxy],
      ["legend", this.legendProxy],
      ["axes", this.axesProxy],
      ["dataLabels", this.dataLabelsProxy],
      ["series", this.seriesProxy],
    ];
    return names.filter(([, proxy]) => proxy).map(([n]) => n);
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set_("name", v, (chart, name) => {
      if (typeof name !== "string" || name === "") fail(ErrorCodes.invalidArgument, "A chart name can't be blank.");
      chart.name = name;
      this.model.touch();
    });
  }
  get chartType(): string {
    return this.get("chartType");
  }
  /** Changes the chart and every series to the type (markers follow the type for series left at the default). */
  set chartType(v: string) {
    this.set_("chartType", v, (chart, type) => {
      const checked = checkChartType(type);
      for (const s of chart.series) {
        if (s.markerStyle === defaultMarkerStyle(s.chartType)) s.markerStyle = defaultMarkerStyle(checked);
        s.chartType = checked;
      }
      chart.chartType = checked;
      this.model.touch();
    });
  }

  private dimension(name: "top" | "left" | "width" | "height", v: number): void {
    this.set_(name, v, (chart, value) => {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        fail(ErrorCodes.invalidArgument, `The chart's ${name} must be a non-negative number of points.`);
      chart[name] = value;
      this.model.touch();
    });
  }
  get top(): number {
    return this.get("top");
  }
  set top(v: number) {
    this.dimension("top", v);
  }
  get left(): number {
    return this.get("left");
  }
  set left(v: number) {
    this.dimension("left", v);
  }
  get width(): number {
    return this.get("width");
  }
  set width(v: number) {
    this.dimension("width", v);
  }
  get height(): number {
    return this.get("height");
  }
  set height(v: number) {
    this.dimension("height", v);
  }

  get title(): ChartTitle {
    return (this.titleProxy ??= new ChartTitle(this.context, () => this.target()));
  }
  get legend(): ChartLegend {
    return (this.legendProxy ??= new ChartLegend(this.context, () => this.target()));
  }
  get axes(): ChartAxes {
    return (this.axesProxy ??= new ChartAxes(this.context, () => this.target()));
  }
  get dataLabels(): ChartDataLabels {
    return (this.dataLabelsProxy ??= new ChartDataLabels(this.context, () => this.target()));
  }
  get series(): ChartSeriesCollection {
    return (this.seriesProxy ??= new ChartSeriesCollection(this.context, () => this.target()));
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => {
      const chart = this.target();
      return chart ? (this.model.sheetById(chart.sheetId) ?? null) : null;
    });
  }

  /**
   * Moves the chart's top-left corner to the start cell's; with an end cell, sizes it to cover through the
   * end cell's bottom-right corner. Strings are addresses on the chart's sheet.
   */
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const label = (r: Range | string | undefined) => (r === undefined ? null : typeof r === "string" ? r : "range");
    this.command(
      "setPosition",
      (chart) => {
        const sheet = this.model.sheetById(chart.sheetId);
        if (!sheet) fail(ErrorCodes.itemNotFound, "The chart's worksheet doesn't exist.");
        const rectOf = (r: Range | string): Rect => {
          const t = typeof r === "string" ? resolveAddress(this.model, sheet, r) : rangeTarget(r);
          if (t.sheet !== sheet) fail(ErrorCodes.invalidArgument, "The cell is not on the chart's worksheet.");
          return t.rect;
        };
        const start = rectOf(startCell);
        const top = this.model.rowTop(sheet, start.row);
        const left = this.model.columnLeft(sheet, start.col);
        if (endCell !== undefined && endCell !== null) {
          const end = rectOf(endCell);
          const bottom = this.model.rowTop(sheet, end.row + end.rows);
          const right = this.model.columnLeft(sheet, end.col + end.cols);
          if (bottom <= top || right <= left)
            fail(ErrorCodes.invalidArgument, "The end cell must be below and right of the start cell.");
          chart.width = right - left;
          chart.height = bottom - top;
        }
        chart.top = top;
        chart.left = left;
        this.model.touch();
      },
      { payload: [label(startCell), label(endCell)] },
    );
    for (const k of ["top", "left", "width", "height"]) this.loaded.delete(k);
  }

  delete(): void {
    this.command("delete", (chart) => this.model.deleteChart(chart));
  }

  activate(): void {
    this.command("activate", () => undefined);
  }
}

// ---- title, legend, data labels ------------------------------------------------------------------------

export class ChartTitle extends ClientObject<ChartState> {
  protected readonly className = "ChartTitle";
  protected readonly scalarProperties = ["text", "visible"] as const;

  protected readProperty(chart: ChartState, name: string): unknown {
    return name === "text" ? chartTitleText(this.context.core.model, chart) : chart.title.visible;
  }

  get text(): string {
    return this.get("text");
  }
  /** Setting the text shows the title. */
  set text(v: string) {
    this.set_("text", v, (chart, text) => {
      if (typeof text !== "string") fail(ErrorCodes.invalidArgument, "The title text must be a string.");
      chart.title = { text, visible: true };
      this.context.core.model.touch();
    });
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.set_("visible", v, (chart, b) => {
      chart.title.visible = checkBool(b, "visible");
      this.context.core.model.touch();
    });
  }
}

const LEGEND_POSITIONS = enumValues("ChartLegendPosition").filter((p) => p !== "Invalid");

export class ChartLegend extends ClientObject<ChartState> {
  protected readonly className = "ChartLegend";
  protected readonly scalarProperties = ["position", "visible"] as const;

  protected readProperty(chart: ChartState, name: string): unknown {
    return name === "position" ? chart.legend.position : chart.legend.visible;
  }

  get position(): string {
    return this.get("position");
  }
  set position(v: string) {
    this.set_("position", v, (chart, p) => {
      if (!LEGEND_POSITIONS.includes(p)) fail(ErrorCodes.invalidArgument, `'${String(p)}' is not a legend position.`);
      chart.legend.position = p;
      this.context.core.model.touch();
    });
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.set_("visible", v, (chart, b) => {
      chart.legend.visible = checkBool(b, "visible");
      this.context.core.model.touch();
    });
  }
}

/** The chart's data labels; showValue applies to every series (each series' hasDataLabels follows). */
export class ChartDataLabels extends ClientObject<ChartState> {
  protected readonly className = "ChartDataLabels";
  protected readonly scalarProperties = ["showValue"] as const;

  protected readProperty(chart: ChartState): unknown {
    return chart.dataLabels.showValue;
  }

  get showValue(): boolean {
    return this.get("showValue");
  }
  set showValue(v: boolean) {
    this.set_("showValue", v, (chart, b) => {
      chart.dataLabels.showValue = checkBool(b, "showValue");
      for (const s of chart.series) s.hasDataLabels = b;
      this.context.core.model.touch();
    });
  }
}

// ---- axes ----------------------------------------------------------------------------------------------

type AxisKind = "Category" | "Value";

export class ChartAxes extends ClientObject<ChartState> {
  protected readonly className = "ChartAxes";
  protected readonly scalarProperties = [] as const;
  private categoryProxy?: ChartAxis;
  private valueProxy?: ChartAxis;

  protected readProperty(): unknown {
    return undefined;
  }

  protected override navigation(name: string) {
    if (name === "categoryAxis") return this.categoryAxis;
    if (name === "valueAxis") return this.valueAxis;
    return undefined;
  }

  protected override navigationNames(): string[] {
    return [this.categoryProxy && "categoryAxis", this.valueProxy && "valueAxis"].filter((n): n is string => !!n);
  }

  get categoryAxis(): ChartAxis {
    return (this.categoryProxy ??= new ChartAxis(this.context, () => this.target(), "Category"));
  }
  get valueAxis(): ChartAxis {
    return (this.valueProxy ??= new ChartAxis(this.context, () => this.target(), "Value"));
  }

  /** getItem(type, group) (ExcelApi 1.7): the primary category or value axis. */
  getItem(type: string, group: string = "Primary"): ChartAxis {
    return new ChartAxis(
      this.context,
      () => {
        if ((type !== "Category" && type !== "Value") || group !== "Primary")
          fail(ErrorCodes.invalidArgument, `The stand-in has only the primary category and value axes.`);
        return this.target();
      },
      type === "Value" ? "Value" : "Category",
    );
  }
}

export class ChartAxis extends ClientObject<ChartState> {
  protected readonly className = "ChartAxis";
  protected readonly scalarProperties = [
    "type",
    "minimum",
    "maximum",
    "majorUnit",
    "numberFormat",
    "linkNumberFormat",
  ] as const;
  private titleProxy?: ChartAxisTitle;

  constructor(
    context: RequestContext,
    resolver: () => ChartState | null,
    private readonly kind: AxisKind,
  ) {
    super(context, resolver);
  }

  private state(chart: ChartState): AxisState {
    return this.kind === "Value" ? chart.valueAxis : chart.categoryAxis;
  }

  protected readProperty(chart: ChartState, name: string): unknown {
    const model = this.context.core.model;
    const axis = this.state(chart);
    switch (name) {
      case "type":
        return this.kind;
      case "numberFormat":
        return this.kind === "Value" ? valueAxisNumberFormat(model, chart) : (axis.numberFormat ?? "General");
      case "linkNumberFormat":
        return axis.numberFormat === null;
      default: {
        if (this.kind !== "Value") return null; // a category axis has no scale
        const bounds = axisBounds(chartValues(model, chart), axis);
        return bounds[name as "minimum" | "maximum" | "majorUnit"];
      }
    }
  }

  protected override navigation(name: string) {
    return name === "title" ? this.title : undefined;
  }

  protected override navigationNames(): string[] {
    return this.titleProxy ? ["title"] : [];
  }

  get title(): ChartAxisTitle {
    return (this.titleProxy ??= new ChartAxisTitle(this.context, () => this.target(), this.kind));
  }

  get type(): string {
    return this.get("type");
  }

  /** A number fixes the bound, "" returns it to automatic; reading always gives a number (value axis). */
  private bound(name: "minimum" | "maximum", v: unknown): void {
    this.set_(name, v, (chart, value) => {
      if (this.kind !== "Value") fail(ErrorCodes.invalidArgument, "Only the value axis has a minimum and maximum.");
      if (value !== "" && (typeof value !== "number" || !Number.isFinite(value)))
        fail(ErrorCodes.invalidArgument, `The axis ${name} is a number or "" (automatic).`);
      chart.valueAxis[name] = value === "" ? null : (value as number);
      this.context.core.model.touch();
    });
    if (v === "") this.loaded.delete(name); // what automatic means is known at the next read
  }
  get minimum(): number {
    return this.get("minimum");
  }
  set minimum(v: number | string) {
    this.bound("minimum", v);
  }
  get maximum(): number {
    return this.get("maximum");
  }
  set maximum(v: number | string) {
    this.bound("maximum", v);
  }
  get majorUnit(): number {
    return this.get("majorUnit");
  }

  /** linkNumberFormat (ExcelApi 1.9): true while the labels take the source cells' format; false keeps the current one. */
  get linkNumberFormat(): boolean {
    return this.get("linkNumberFormat");
  }
  set linkNumberFormat(v: boolean) {
    this.set_("linkNumberFormat", v, (chart, linked) => {
      if (typeof linked !== "boolean") fail(ErrorCodes.invalidArgument, "linkNumberFormat is true or false.");
      const axis = this.state(chart);
      if (linked) axis.numberFormat = null;
      else if (axis.numberFormat === null)
        axis.numberFormat = this.kind === "Value" ? valueAxisNumberFormat(this.context.core.model, chart) : "General";
      this.context.core.model.touch();
    });
    this.loaded.delete("numberFormat");
  }

  /** Tick-label number format (ExcelApi 1.8); linked to the source cells' format until set (then linkNumberFormat is false). */
  get numberFormat(): string {
    return this.get("numberFormat");
  }
  set numberFormat(v: string) {
    this.set_("numberFormat", v, (chart, format) => {
      if (typeof format !== "string") fail(ErrorCodes.invalidArgument, "A number format must be a string.");
      this.state(chart).numberFormat = format;
      this.context.core.model.touch();
    });
    this.loaded.delete("linkNumberFormat");
  }
}

export class ChartAxisTitle extends ClientObject<ChartState> {
  protected readonly className = "ChartAxisTitle";
  protected readonly scalarProperties = ["text", "visible"] as const;

  constructor(
    context: RequestContext,
    resolver: () => ChartState | null,
    private readonly kind: AxisKind,
  ) {
    super(context, resolver);
  }

  private axis(chart: ChartState): AxisState {
    return this.kind === "Value" ? chart.valueAxis : chart.categoryAxis;
  }

  protected readProperty(chart: ChartState, name: string): unknown {
    const title = this.axis(chart).title;
    return name === "text" ? title.text : title.visible;
  }

  get text(): string {
    return this.get("text");
  }
  /** Setting the text shows the axis title. */
  set text(v: string) {
    this.set_("text", v, (chart, text) => {
      if (typeof text !== "string") fail(ErrorCodes.invalidArgument, "The axis title must be a string.");
      this.axis(chart).title = { text, visible: true };
      this.context.core.model.touch();
    });
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(v: boolean) {
    this.set_("visible", v, (chart, b) => {
      this.axis(chart).title.visible = checkBool(b, "visible");
      this.context.core.model.touch();
    });
  }
}

// ---- series --------------------------------------------------------------------------------------------

interface SeriesTarget {
  chart: ChartState;
  series: SeriesState;
}

export class ChartSeriesCollection extends CountedCollection<ChartSeries, SeriesTarget> {
  protected readonly className = "ChartSeriesCollection";
  private readonly chart: () => ChartState | null;

  constructor(context: RequestContext, chart: () => ChartState | null) {
    super(context);
    this.chart = chart;
  }

  protected list(): SeriesTarget[] {
    const chart = this.chart();
    return chart ? chart.series.map((series) => ({ chart, series })) : [];
  }

  protected wrap(target: SeriesTarget): ChartSeries {
    return new ChartSeries(this.context, () => target);
  }

  getItemAt(index: number): ChartSeries {
    return new ChartSeries(
      this.context,
      () => this.list()[index] ?? fail(ErrorCodes.itemNotFound, `No series at index ${index}.`),
    );
  }

  /** add(name?, index?) (ExcelApi 1.7): an empty series, plotted once setValues gives it values. */
  add(name?: string, index?: number): ChartSeries {
    let created: SeriesTarget | null = null;
    this.context.enqueue({
      location: "ChartSeriesCollection.add",
      payload: [name ?? null, index ?? null],
      run: () => {
        const chart = this.chart();
        if (!chart) fail(ErrorCodes.itemNotFound, "The chart doesn't exist.");
        if (name !== undefined && name !== null) checkSeriesName(name);
        const at = index ?? chart.series.length;
        if (!Number.isInteger(at) || at < 0 || at > chart.series.length)
          fail(ErrorCodes.invalidArgument, `The series index ${String(index)} is out of range.`);
        const series = newSeries(chart.chartType, { name: name ? { text: name } : null });
        chart.series.splice(at, 0, series);
        created = { chart, series };
        this.context.core.model.touch();
      },
    });
    return new ChartSeries(this.context, () => created);
  }
}

/** A series name is at most 255 characters (ChartSeries.name). */
function checkSeriesName(name: unknown): string {
  if (typeof name !== "string") fail(ErrorCodes.invalidArgument, "A series name must be a string.");
  if (name.length > 255) fail(ErrorCodes.invalidArgument, "A series name can't be longer than 255 characters.");
  return name;
}

const MARKER_STYLES = enumValues("ChartMarkerStyle").filter((m) => m !== "Invalid");
const DIMENSIONS = enumValues("ChartSeriesDimension");

/** One dimension of a series, as cells: its categories, values, or a single row/column given to it. */
function lineRef(range: Range): { sheetId: string; rect: Rect } {
  const t = rangeTarget(range);
  if (t.rect.rows > 1 && t.rect.cols > 1)
    fail(ErrorCodes.invalidArgument, "A series' data must be a single row or column.");
  return { sheetId: t.sheet.id, rect: t.rect };
}

export class ChartSeries extends ClientObject<SeriesTarget> {
  protected readonly className = "ChartSeries";
  protected readonly scalarProperties = ["name", "chartType", "markerStyle", "hasDataLabels"] as const;
  private formatProxy?: ChartSeriesFormat;

  private get model() {
    return this.context.core.model;
  }

  protected readProperty({ chart, series }: SeriesTarget, name: string): unknown {
    switch (name) {
      case "name":
        return seriesName(this.model, series, chart.series.indexOf(series));
      case "chartType":
        return series.chartType;
      case "markerStyle":
        return series.markerStyle;
      case "hasDataLabels":
        return series.hasDataLabels;
    }
    return undefined;
  }

  protected override navigation(name: string) {
    return name === "format" ? this.format : undefined;
  }

  protected override navigationNames(): string[] {
    return this.formatProxy ? ["format"] : [];
  }

  get format(): ChartSeriesFormat {
    return (this.formatProxy ??= new ChartSeriesFormat(this.context, () => this.target()));
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set_("name", v, ({ series }, name) => {
      series.name = { text: checkSeriesName(name) };
      this.model.touch();
    });
  }
  get chartType(): string {
    return this.get("chartType");
  }
  set chartType(v: string) {
    this.set_("chartType", v, ({ series }, type) => {
      const checked = checkChartType(type);
      if (series.markerStyle === defaultMarkerStyle(series.chartType)) series.markerStyle = defaultMarkerStyle(checked);
      series.chartType = checked;
      this.model.touch();
    });
  }
  get markerStyle(): string {
    return this.get("markerStyle");
  }
  set markerStyle(v: string) {
    this.set_("markerStyle", v, ({ series }, style) => {
      if (!MARKER_STYLES.includes(style)) fail(ErrorCodes.invalidArgument, `'${String(style)}' is not a marker style.`);
      series.markerStyle = style;
      this.model.touch();
    });
  }
  get hasDataLabels(): boolean {
    return this.get("hasDataLabels");
  }
  set hasDataLabels(v: boolean) {
    this.set_("hasDataLabels", v, ({ series }, b) => {
      series.hasDataLabels = checkBool(b, "hasDataLabels");
      this.model.touch();
    });
  }

  /** The series' values come from these cells from now on (one row or column). */
  setValues(sourceData: Range): void {
    this.command("setValues", ({ series }) => {
      series.values = lineRef(sourceData);
      this.model.touch();
    });
  }

  /** The categories (x-axis values) come from these cells from now on (one row or column). */
  setXAxisValues(sourceData: Range): void {
    this.command("setXAxisValues", ({ series }) => {
      series.categories = lineRef(sourceData);
      this.model.touch();
    });
  }

  delete(): void {
    this.command("delete", ({ chart, series }) => {
      chart.series = chart.series.filter((s) => s !== series);
      this.model.touch();
    });
  }

  /**
   * getDimensionValues(dimension) (ExcelApi 1.12): the categories (as the axis shows them) or the values
   * (numbers as text), one string per point. XValues/YValues are the categories/values of scatter charts.
   */
  getDimensionValues(dimension: string): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    this.command(
      "getDimensionValues",
      ({ chart, series }) => {
        if (!DIMENSIONS.includes(dimension))
          fail(ErrorCodes.invalidArgument, `'${String(dimension)}' is not a chart series dimension.`);
        const scatter = isScatterType(series.chartType) || isScatterType(chart.chartType);
        if (dimension === "Categories" || (scatter && dimension === "XValues"))
          result.setValue(seriesCategories(this.model, series));
        else if (dimension === "Values" || (scatter && dimension === "YValues"))
          result.setValue(seriesValueTexts(this.model, series));
        else fail(ErrorCodes.invalidArgument, `The series has no '${dimension}' dimension.`);
      },
      { payload: dimension },
    );
    return result;
  }
}

export class ChartSeriesFormat extends ClientObject<SeriesTarget> {
  protected readonly className = "ChartSeriesFormat";
  protected readonly scalarProperties = [] as const;
  private fillProxy?: ChartFill;
  private lineProxy?: ChartLineFormat;

  protected readProperty(): unknown {
    return undefined;
  }

  protected override navigation(name: string) {
    if (name === "fill") return this.fill;
    if (name === "line") return this.line;
    return undefined;
  }

  protected override navigationNames(): string[] {
    return this.lineProxy ? ["line"] : [];
  }

  get fill(): ChartFill {
    return (this.fillProxy ??= new ChartFill(this.context, () => this.target()));
  }
  get line(): ChartLineFormat {
    return (this.lineProxy ??= new ChartLineFormat(this.context, () => this.target()));
  }
}

export class ChartFill extends ClientObject<SeriesTarget> {
  protected readonly className = "ChartFill";
  protected readonly scalarProperties = [] as const;

  protected readProperty(): unknown {
    return undefined;
  }

  /** "#RRGGBB", "RRGGBB" or an HTML colour name. */
  setSolidColor(color: string): void {
    this.command(
      "setSolidColor",
      ({ series }) => {
        series.fillColor = checkColor(color);
        this.context.core.model.touch();
      },
      { payload: color },
    );
  }

  /** getSolidColor() (ExcelApi 1.16): the fill colour, automatic ones included. */
  getSolidColor(): ClientResult<string> {
    const result = new ClientResult<string>();
    this.command("getSolidColor", ({ chart, series }) =>
      result.setValue(seriesColor(series, chart.series.indexOf(series))),
    );
    return result;
  }

  clear(): void {
    this.command("clear", ({ series }) => {
      series.fillColor = null;
      this.context.core.model.touch();
    });
  }
}

export class ChartLineFormat extends ClientObject<SeriesTarget> {
  protected readonly className = "ChartLineFormat";
  protected readonly scalarProperties = ["color"] as const;

  protected readProperty({ chart, series }: SeriesTarget): unknown {
    return seriesLineColor(series, chart.series.indexOf(series));
  }

  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.set_("color", v, ({ series }, c) => {
      series.lineColor = checkColor(c);
      this.context.core.model.touch();
    });
  }

  clear(): void {
    this.loaded.delete("color");
    this.command("clear", ({ series }) => {
      series.lineColor = null;
      this.context.core.model.touch();
    });
  }
}
