/**
 * The evaluation report as a sheet (年度监测 / 中期评估 / 总结评估): one operation that writes the
 * ReportDocument (src/core/evaluationReport.ts) on a sheet of its own, print-ready, with two native charts.
 *
 * Round trips: 2 whatever the number of indicators (read the previous report of the same kind and year with
 * its 原因分析 column; write). Only a write over the 4 MB request budget is split into row blocks, each in a
 * request of its own (requestBudget.ts). Everything is written as whole 2-D ranges.
 *
 * Layout (rows 1-based; the table's columns are the document's, A… for 12 columns A–L):
 *   1 title · 2 evaluation year and date · 3 source · 4 counts · 5 the summary paragraph (merged, wrapped)
 *   7 the table's header (repeated on every printed page) · 8… one row per indicator
 *   then 注 and the notes (merged, wrapped), then the two charts.
 *   The column after the table (M) holds each row's indicator id, hidden; two columns further (O–Q) the
 *   path chart's data block (years, actual, planned). Numbers are numbers (progress and time progress as
 *   fractions with a % format) so the charts and staff's own formulas can use them; text is text.
 *
 * Regenerating the report for the same kind and year replaces it on the same sheet (found through a
 * workbook name that follows renames), keeps the 原因分析 text staff typed for each indicator (matched by the
 * hidden id, so rows may move), and never overwrites a non-blank cell the add-in did not lay out: such a
 * cell is written back as it was and reported. What the add-in laid out is kept in a workbook setting
 * per report (a run-length list of column masks, a few dozen bytes).
 *
 * Print: A4 landscape, column widths computed so the table fits the page width at 90 % (never below 80 %),
 * the header row repeated, title and date in the page header, page X of Y in the footer.
 */
import { numberText, reportSheetBaseName } from "../core/evaluationReport";
import { countOf, type Lang } from "../core/messages";
import type { EvaluationKind, ReportColumnKey, ReportDocument, ReportNumber, ReportRow } from "../core/reportDocument";
import { blockRef, columnLetters, parseRangeAddress } from "./a1";
import { runRead, runWrite } from "./excelRun";
import { uniqueSheetName } from "./insertTemplate";
import { RequestBatch, writeRows } from "./requestBatch";
import { COMMAND_OVERHEAD, jsonBytes } from "./requestBudget";
import { asText, INPUT_FILL, isFormulaCell, type CellContent } from "./templateContent";

// ---------------------------------------------------------------------------------------------
// Layout

export const TITLE_ROW = 1;
export const DATE_ROW = 2;
export const SOURCE_ROW = 3;
export const COUNTS_ROW = 4;
export const SUMMARY_ROW = 5;
export const HEADER_ROW = 7;
export const FIRST_BODY_ROW = HEADER_ROW + 1;
/** The hidden column's header: the indicator id of each row, for matching 原因分析 text on regeneration. */
export const ID_HEADER = "indicatorId";
export const PROGRESS_CHART_NAME = "PlanTrackerProgress";
export const PATH_CHART_NAME = "PlanTrackerPath";
const CHART_NAMES = [PROGRESS_CHART_NAME, PATH_CHART_NAME];

/** A4 landscape: 297 mm wide = 841.89 pt; margins of 0.5 in left and right. */
export const A4_LANDSCAPE_WIDTH = 841.89;
export const SIDE_MARGIN = 36;
export const PRINTABLE_WIDTH = A4_LANDSCAPE_WIDTH - 2 * SIDE_MARGIN;
/** The table is laid out for 90 % and never printed below 80 %. */
export const LAYOUT_SCALE = 90;
export const MIN_SCALE = 80;
const HEADER_FILL = "#D9E1F2";
const DATA_BLOCK_WIDTH = 64;
const ROW_POINTS = 15;
const MAX_ROW_HEIGHT = 409;

/** Column widths in points for the document's relative widths: the table fills the printable width at LAYOUT_SCALE. */
export function printColumnWidths(relative: readonly number[]): number[] {
  const weights = relative.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const total = (PRINTABLE_WIDTH * 100) / LAYOUT_SCALE;
  return weights.map((w) => Math.floor(((total * w) / sum) * 10) / 10);
}

/** The print scale (whole %) at which `widths` fit the printable width: at most 100, never below MIN_SCALE. */
export function printScale(widths: readonly number[]): number {
  const sum = widths.reduce((a, b) => a + b, 0);
  if (sum <= 0) return 100;
  return Math.max(MIN_SCALE, Math.min(100, Math.floor((PRINTABLE_WIDTH * 100) / sum)));
}

/** Points a text takes at `size` pt: CJK and full-width characters a full em, others about half. */
function textPoints(text: string, size: number): number {
  let em = 0;
  for (const ch of text)
    em +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 1
        : 0.55;
  return em * size;
}

/** Height of a merged, wrapped row holding `text` across `width` points at `size` pt. */
export function wrappedRowHeight(text: string, width: number, size: number): number {
  const lines = text
    .split("\n")
    .reduce((n, part) => n + Math.max(1, Math.ceil(textPoints(part, size) / Math.max(1, width - 8))), 0);
  return Math.min(MAX_ROW_HEIGHT, Math.max(ROW_POINTS, Math.ceil(lines * size * 1.4 + 4)));
}

interface Words {
  dateLine: (year: number, date: string) => string;
  countsLine: (total: number, parts: Array<{ label: string; count: number }>) => string;
  notesTitle: string;
  progressTitle: string;
  pathTitle: (name: string) => string;
  dataTitle: (name: string, unit: string) => string;
  year: string;
  actual: string;
  planned: string;
  footer: string;
}

const WORDS: Record<Lang, Words> = {
  zh: {
    dateLine: (year, date) => `评估年份：${year}年\u3000\u3000报告日期：${date}`,
    countsLine: (total, parts) =>
      `指标总数${total}项${parts.length > 0 ? "：" : ""}${parts.map((p) => `${p.label}${p.count}项`).join("，")}`,
    notesTitle: "注：",
    progressTitle: "图1 各指标完成进度与时间进度",
    pathTitle: (name) => `图2 ${name}：实际值与规划路径`,
    dataTitle: (name, unit) => `图2数据：${name}（${unit}）`,
    year: "年份",
    actual: "实际值",
    planned: "规划路径",
    footer: "第 &P 页，共 &N 页",
  },
  en: {
    dateLine: (year, date) => `Evaluation year: ${year}    Date: ${date}`,
    countsLine: (total, parts) =>
      `${countOf(total, "indicator", "indicators")}${parts.length > 0 ? ": " : ""}${parts.map((p) => `${p.label} ${p.count}`).join(", ")}`,
    notesTitle: "Notes:",
    progressTitle: "Figure 1. Progress against time progress by indicator",
    pathTitle: (name) => `Figure 2. ${name}: actual and planned path`,
    dataTitle: (name, unit) => `Figure 2 data: ${name} (${unit})`,
    year: "Year",
    actual: "Actual",
    planned: "Planned path",
    footer: "Page &P of &N",
  },
};

/** The number format that shows a ReportNumber as its text; null when its words cannot be quoted. */
export function numberFormatOf(n: ReportNumber): string | null {
  const quote = (s: string | undefined) => {
    if (!s) return "";
    if (/["\\]/.test(s)) return null;
    return `"${s}"`;
  };
  const prefix = quote(n.prefix);
  const suffix = quote(n.suffix);
  if (prefix === null || suffix === null) return null;
  const decimals = Math.max(0, Math.min(10, Math.floor(n.decimals)));
  const body = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  return `${prefix}${body}${n.percent ? "%" : ""}${suffix}`;
}

/** Header and footer text is read with &-codes: a literal & is written &&. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

// ---------------------------------------------------------------------------------------------
// What the add-in laid out: one bit per column per row, run-length encoded

/** Bit masks of the columns the add-in laid out in each row (row 1 first), as [mask, rows] runs. */
export type OwnedRuns = Array<[number, number]>;

export function encodeOwned(masks: readonly number[]): OwnedRuns {
  const runs: OwnedRuns = [];
  for (const m of masks) {
    const last = runs[runs.length - 1];
    if (last && last[0] === m) last[1] += 1;
    else runs.push([m, 1]);
  }
  return runs;
}

export function decodeOwned(runs: OwnedRuns): number[] {
  const out: number[] = [];
  for (const [mask, count] of runs) for (let i = 0; i < count; i++) out.push(mask);
  return out;
}

interface ReportRecord {
  version: 1;
  kind: EvaluationKind;
  year: number;
  lang: Lang;
  planId: string | null;
  /** Columns of the laid-out region (A…). */
  width: number;
  headerRow: number;
  rowCount: number;
  idColumn: number;
  analysisColumn: number;
  owned: OwnedRuns;
  mergedRows: number[];
}

export function recordKey(kind: EvaluationKind, year: number): string {
  return `PlanTracker.report.${kind}.${year}`;
}

/** A workbook name on the report's region: it follows the sheet through renames and moves. */
export function anchorName(kind: EvaluationKind, year: number): string {
  return `PlanTracker_Report_${kind}_${year}`;
}

function parseRecord(value: unknown): ReportRecord | null {
  let raw: unknown = value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      // Not JSON: no record to trust. previousFrom calls the report "changed", so it is written anew
      // and the pane says the earlier one was left as it was — reported, never overwritten blindly.
      return null;
    }
  }
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Partial<ReportRecord>;
  const int = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
  if (
    r.version !== 1 ||
    !int(r.width) ||
    !int(r.headerRow) ||
    !int(r.rowCount) ||
    !int(r.idColumn) ||
    !int(r.analysisColumn) ||
    !Array.isArray(r.owned) ||
    !r.owned.every((p) => Array.isArray(p) && p.length === 2 && int(p[0]) && int(p[1])) ||
    !Array.isArray(r.mergedRows) ||
    !r.mergedRows.every(int)
  )
    return null;
  return r as ReportRecord;
}

// ---------------------------------------------------------------------------------------------
// The content, as a grid

interface Layout {
  /** Columns of the table (the document's). */
  tableWidth: number;
  idColumn: number;
  analysisColumn: number;
  dataColumn: number;
  /** Columns of the whole region (table, id, spacer, data block). */
  width: number;
  bodyRows: number;
  notesTitleRow: number | null;
  firstNoteRow: number;
  chartRow: number;
  progressChartRows: number;
  pathChartRows: number;
  /** Last row of the print area (the last chart row). */
  lastRow: number;
  /** Last row with content (the grid written). */
  lastContentRow: number;
  dataRows: number;
}

function layoutOf(doc: ReportDocument): Layout {
  const tableWidth = doc.columns.length;
  const idColumn = tableWidth;
  const dataColumn = tableWidth + 2;
  const width = dataColumn + 3;
  const analysisColumn = doc.columns.findIndex((c) => c.key === "analysis");
  const bodyRows = doc.rows.length;
  const lastBody = FIRST_BODY_ROW + bodyRows - 1;
  const notesTitleRow = doc.notes.length > 0 ? lastBody + 2 : null;
  const firstNoteRow = notesTitleRow === null ? lastBody + 1 : notesTitleRow + 1;
  const afterNotes = firstNoteRow + doc.notes.length;
  const chartRow = afterNotes + 1;
  const hasProgress = progressColumns(doc) !== null && bodyRows > 0;
  const progressChartRows = hasProgress ? Math.min(140, Math.max(16, Math.ceil((bodyRows * 16 + 90) / ROW_POINTS))) : 0;
  const hasPath = doc.pathChart !== null && doc.pathChart !== undefined && doc.pathChart.points.length > 0;
  const pathChartRows = hasPath ? 18 : 0;
  const dataRows = hasPath ? doc.pathChart!.points.length : 0;
  const gap = progressChartRows > 0 && pathChartRows > 0 ? 1 : 0;
  const lastRow = Math.max(afterNotes, chartRow + progressChartRows + gap + pathChartRows - 1);
  const lastContentRow = Math.max(afterNotes - 1, lastBody, hasPath ? HEADER_ROW + dataRows : 0);
  return {
    tableWidth,
    idColumn,
    analysisColumn,
    dataColumn,
    width,
    bodyRows,
    notesTitleRow,
    firstNoteRow,
    chartRow,
    progressChartRows,
    pathChartRows,
    lastRow,
    lastContentRow,
    dataRows,
  };
}

/** The progress and time-progress columns when both are there and side by side (the chart's source). */
function progressColumns(doc: ReportDocument): { progress: number; name: number } | null {
  const p = doc.columns.findIndex((c) => c.key === "progress");
  const t = doc.columns.findIndex((c) => c.key === "timeProgress");
  const n = doc.columns.findIndex((c) => c.key === "name");
  return p >= 0 && t === p + 1 && n >= 0 ? { progress: p, name: n } : null;
}

interface Grid {
  cells: CellContent[][];
  formats: string[][];
  /** Per row, the columns laid out by the add-in. */
  owned: number[];
  mergedRows: number[];
}

function tableCell(row: ReportRow, key: ReportColumnKey): { value: CellContent; format: string } {
  const n = row.numbers?.[key];
  if (n && Number.isFinite(n.value)) {
    const format = numberFormatOf(n);
    // The number's text must be what the document says; otherwise the text is written.
    if (format !== null && numberText(n) === row.cells[key]) return { value: n.value, format };
  }
  if (key === "progress" || key === "timeProgress") {
    // No number: blank, so the charts show a gap rather than a zero.
    return { value: "", format: "0.0%" };
  }
  return { value: asText(row.cells[key] ?? ""), format: "General" };
}

function buildGrid(doc: ReportDocument, layout: Layout, analysis: ReadonlyMap<string, string>): Grid {
  const words = WORDS[doc.lang];
  const rows = layout.lastContentRow;
  const cells: CellContent[][] = Array.from({ length: rows }, () => Array<CellContent>(layout.width).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(layout.width).fill("General"));
  const owned: number[] = Array<number>(rows).fill(0);
  const mergedRows: number[] = [];
  const tableMask = (1 << layout.tableWidth) - 1;
  const own = (row: number, mask: number) => {
    owned[row - 1] = (owned[row - 1] ?? 0) | mask;
  };
  const set = (row: number, col: number, value: CellContent, format = "General") => {
    cells[row - 1]![col] = value;
    formats[row - 1]![col] = format;
  };
  const textRow = (row: number, text: string) => {
    set(row, 0, asText(text));
    owned[row - 1] = tableMask;
    mergedRows.push(row);
  };
  textRow(TITLE_ROW, doc.title);
  textRow(DATE_ROW, words.dateLine(doc.evaluationYear, doc.dateText));
  textRow(SOURCE_ROW, doc.source);
  textRow(
    COUNTS_ROW,
    words.countsLine(
      doc.rows.length,
      doc.counts.filter((c) => c.count > 0),
    ),
  );
  textRow(SUMMARY_ROW, doc.summary.join("\n"));

  const withId = tableMask | (1 << layout.idColumn);
  doc.columns.forEach((c, j) => set(HEADER_ROW, j, asText(c.header)));
  set(HEADER_ROW, layout.idColumn, asText(ID_HEADER));
  owned[HEADER_ROW - 1] = withId;
  doc.rows.forEach((row, i) => {
    const r = FIRST_BODY_ROW + i;
    doc.columns.forEach((c, j) => {
      if (j === layout.analysisColumn) {
        set(r, j, asText(analysis.get(row.indicatorId) ?? row.cells.analysis ?? ""));
        return;
      }
      const { value, format } = tableCell(row, c.key);
      set(r, j, value, format);
    });
    set(r, layout.idColumn, asText(row.indicatorId));
    owned[r - 1] = withId;
  });
  if (layout.notesTitleRow !== null) textRow(layout.notesTitleRow, words.notesTitle);
  doc.notes.forEach((note, i) => textRow(layout.firstNoteRow + i, note));

  const path = doc.pathChart;
  if (path && layout.dataRows > 0) {
    const c = layout.dataColumn;
    const block = 0b111 << c;
    set(HEADER_ROW - 1, c, asText(words.dataTitle(path.title, path.unit)));
    own(HEADER_ROW - 1, 1 << c);
    set(HEADER_ROW, c, asText(words.year));
    set(HEADER_ROW, c + 1, asText(words.actual));
    set(HEADER_ROW, c + 2, asText(words.planned));
    own(HEADER_ROW, block);
    path.points.forEach((p, i) => {
      const r = FIRST_BODY_ROW + i;
      set(r, c, p.year, "0");
      set(r, c + 1, p.actual ?? "", "General");
      set(r, c + 2, p.planned ?? "", "General");
      own(r, block);
    });
  }
  return { cells, formats, owned, mergedRows };
}

// ---------------------------------------------------------------------------------------------
// Keeping what staff typed

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * A 原因分析 cell carried to its indicator's row (which may have moved) exactly: formulas as formulas, text
 * as text, numbers as numbers. A text cell reads back through Range.formulas without its text prefix
 * (office-js #6687): isFormulaCell tells it from a formula by its value.
 */
function keepAsIs(formula: unknown, value: unknown): CellContent {
  if (typeof formula === "number" || typeof formula === "boolean") return formula;
  if (typeof formula !== "string" || formula === "") return "";
  return isFormulaCell(formula, value) ? formula : asText(formula);
}

function display(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

export interface KeptReportCell {
  /** e.g. "B12". */
  address: string;
  /** What the cell holds (kept). */
  text: string;
}

export interface ReportSheetResult {
  sheetName: string;
  /** True when a new sheet was added; false when the report of the same kind and year was replaced. */
  created: boolean;
  /** The previous report's sheet was changed by hand (rows or columns moved): it was left alone and a new sheet written. */
  previousLayoutChanged: boolean;
  indicatorCount: number;
  /** 原因分析 texts carried over from the previous report, matched by indicator id. */
  keptAnalysis: number;
  /** The 原因分析 column as written, by indicator id (non-blank only): for the Word file. */
  analysis: Map<string, string>;
  /** 原因分析 texts of indicators no longer in the report (not written anywhere: shown to staff). */
  droppedAnalysis: Array<{ indicatorId: string; text: string }>;
  /** Non-blank cells the add-in did not lay out that stood where the new report goes: left as they were. */
  keptCells: KeptReportCell[];
  /** Rows whose merge was skipped because a kept cell stood in the way. */
  unmergedRows: number[];
  charts: string[];
  /** The print scale (%) the page setup uses. */
  zoomScale: number;
}

export interface ReportSheetOptions {
  /** The plan's id, kept with the report (informational). */
  planId?: string;
  /** Request budget in bytes (tests lower it to see large reports split without building them). */
  requestBudget?: number;
  /** Show the sheet when done (default true). */
  activate?: boolean;
}

interface PreviousReport {
  sheetName: string;
  record: ReportRecord;
  /** The region read: A1 to the larger of the previous and the new extent. */
  formulas: unknown[][];
  values: unknown[][];
  numberFormat: string[][];
  chartNames: string[];
}

/** 原因分析 text by indicator id, from a previous report's rows (formulas kept as formulas). */
function analysisFrom(prev: PreviousReport): Map<string, { content: CellContent; text: string }> {
  const out = new Map<string, { content: CellContent; text: string }>();
  const { record } = prev;
  for (let i = 0; i < record.rowCount; i++) {
    const r = record.headerRow + i; // 0-based index of the body row
    const id = prev.values[r]?.[record.idColumn];
    if (typeof id !== "string" || id.trim() === "") continue;
    const formula = prev.formulas[r]?.[record.analysisColumn];
    const value = prev.values[r]?.[record.analysisColumn];
    if (isBlank(formula)) continue;
    if (!out.has(id.trim())) out.set(id.trim(), { content: keepAsIs(formula, value), text: display(value) });
  }
  return out;
}

function queueRecordRead(
  context: Excel.RequestContext,
  kind: EvaluationKind,
  year: number,
  lastColumn: string,
  rows: number,
) {
  const wb = context.workbook;
  const setting = wb.settings.getItemOrNullObject(recordKey(kind, year));
  setting.load("value");
  const name = wb.names.getItemOrNullObject(anchorName(kind, year));
  name.load("name");
  const anchor = name.getRangeOrNullObject();
  // The sheet's charts, through the name's range (a navigation in the same request, not a loaded value).
  const charts = name.getRangeOrNullObject().worksheet.charts;
  charts.load("items/name");
  anchor.load("address");
  // The previous region and the new one together: staff cells where the new report will go are seen too.
  const region = anchor.getBoundingRect(`A1:${lastColumn}${Math.max(1, rows)}`);
  region.load(["address", "formulas", "values", "numberFormat"]);
  return { setting, name, anchor, region, charts };
}

type QueuedRead = ReturnType<typeof queueRecordRead>;

function previousFrom(read: QueuedRead, kind: EvaluationKind, year: number): PreviousReport | "changed" | null {
  if (read.setting.isNullObject || read.anchor.isNullObject) return null;
  const record = parseRecord(read.setting.value);
  if (!record || record.kind !== kind || record.year !== year) return "changed";
  const anchor = parseRangeAddress(read.anchor.address);
  const region = parseRangeAddress(read.region.address);
  // Rows or columns inserted above or before the report move it: its record no longer fits.
  if (anchor.firstRow !== 1 || anchor.firstColumn !== 0 || region.firstRow !== 1 || region.firstColumn !== 0)
    return "changed";
  const header = read.region.values[record.headerRow - 1]?.[record.idColumn];
  if (header !== ID_HEADER) return "changed";
  return {
    sheetName: anchor.sheetName,
    record,
    formulas: read.region.formulas,
    values: read.region.values,
    numberFormat: read.region.numberFormat,
    chartNames: read.charts.items.map((c) => c.name),
  };
}

/** The 原因分析 texts of the report of this kind and year, by indicator id (one read, one round trip). */
export async function readReportAnalysis(kind: EvaluationKind, year: number): Promise<Map<string, string>> {
  return runRead(async (context) => {
    const read = queueRecordRead(context, kind, year, "A", 1);
    await context.sync();
    const prev = previousFrom(read, kind, year);
    const out = new Map<string, string>();
    if (!prev || prev === "changed") return out;
    for (const [id, a] of analysisFrom(prev)) if (a.text.trim() !== "") out.set(id, a.text);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// The operation

export async function writeReportSheet(
  doc: ReportDocument,
  options: ReportSheetOptions = {},
): Promise<ReportSheetResult> {
  const layout = layoutOf(doc);
  const lastColumn = columnLetters(layout.width - 1);
  return runWrite(async (context) => {
    const batch = new RequestBatch(context, options.requestBudget);
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const read = queueRecordRead(context, doc.kind, doc.evaluationYear, lastColumn, layout.lastRow);
    await context.sync();
    batch.synced();

    const found = previousFrom(read, doc.kind, doc.evaluationYear);
    const prev = found === "changed" ? null : found;
    const kept = prev ? analysisFrom(prev) : new Map<string, { content: CellContent; text: string }>();
    const docIds = new Set(doc.rows.map((r) => r.indicatorId));
    const analysisText = new Map<string, string>();
    for (const row of doc.rows) {
      const text = kept.get(row.indicatorId)?.text ?? row.cells.analysis ?? "";
      if (text.trim() !== "") analysisText.set(row.indicatorId, text);
    }
    const grid = buildGrid(doc, layout, new Map([...analysisText].filter(([id]) => !kept.has(id))));
    // Kept 原因分析 cells go back as they were (a formula stays a formula).
    if (layout.analysisColumn >= 0) {
      doc.rows.forEach((row, i) => {
        const k = kept.get(row.indicatorId);
        if (k) grid.cells[FIRST_BODY_ROW - 1 + i]![layout.analysisColumn] = k.content;
      });
    }

    let sheet: Excel.Worksheet;
    let sheetName: string;
    const keptCells: KeptReportCell[] = [];
    const blockedMerges = new Set<number>();
    let rows = grid.cells.length;
    // null: a cell left exactly as it is (Microsoft's "null input in 2-D array"), never written back.
    let cells: Array<Array<CellContent | null>> = grid.cells;
    let formats: Array<Array<string | null>> = grid.formats;
    if (prev) {
      sheetName = prev.sheetName;
      sheet = wb.worksheets.getItem(sheetName);
      // The add-in's earlier layout: merges undone, formats cleared, charts removed, before the new one goes in.
      for (const r of prev.record.mergedRows) sheet.getRange(blockRef(0, r, prev.record.width, 1)).unmerge();
      const oldMasks = decodeOwned(prev.record.owned);
      if (oldMasks.length > 0) sheet.getRange(blockRef(0, 1, prev.record.width, oldMasks.length)).clear("Formats");
      for (const name of prev.chartNames.filter((n) => CHART_NAMES.includes(n))) sheet.charts.getItem(name).delete();
      rows = Math.max(rows, oldMasks.length, prev.formulas.length);
      const width = Math.max(layout.width, prev.record.width);
      cells = [];
      formats = [];
      for (let r = 0; r < rows; r++) {
        const lineCells: Array<CellContent | null> = [];
        const lineFormats: Array<string | null> = [];
        for (let c = 0; c < width; c++) {
          const planned = grid.cells[r]?.[c] ?? "";
          const plannedFormat = grid.formats[r]?.[c] ?? "General";
          const current = prev.formulas[r]?.[c];
          const ownedBefore = ((oldMasks[r] ?? 0) >> c) & 1;
          if (ownedBefore || isBlank(current)) {
            lineCells.push(planned);
            lineFormats.push(plannedFormat);
            continue;
          }
          // Not the add-in's: left as it was, and said when the report wanted the cell.
          // Not written at all: written back, text in a text-formatted cell would gain an apostrophe each time.
          lineCells.push(null);
          lineFormats.push(null);
          if (!isBlank(planned) || (((grid.owned[r] ?? 0) >> c) & 1) === 1) {
            keptCells.push({ address: `${columnLetters(c)}${r + 1}`, text: display(prev.values[r]?.[c]) });
            if (grid.mergedRows.includes(r + 1)) blockedMerges.add(r + 1);
          }
        }
        cells.push(lineCells);
        formats.push(lineFormats);
      }
    } else {
      sheetName = uniqueSheetName(
        reportSheetBaseName(doc.kind, doc.evaluationYear, doc.lang),
        sheets.items.map((s) => s.name),
      );
      sheet = wb.worksheets.add(sheetName);
    }
    const width = cells[0]?.length ?? layout.width;

    await writeRows(batch, rows, (first, count) => sheet.getRange(blockRef(0, 1 + first, width, count)), {
      numberFormat: formats,
      formulas: cells,
    });
    // Formats, charts and page setup: a fixed number of commands, plus a few per merged text row.
    await batch.fit((80 + 4 * grid.mergedRows.length) * COMMAND_OVERHEAD);
    const widths = formatSheet(sheet, doc, layout, grid, blockedMerges);
    const scale = printScale(widths);
    const charts = addCharts(sheet, doc, layout);
    setupPage(sheet, doc, layout, scale);

    // The record and the anchor name, for the next regeneration.
    const record: ReportRecord = {
      version: 1,
      kind: doc.kind,
      year: doc.evaluationYear,
      lang: doc.lang,
      planId: options.planId ?? null,
      width: layout.width,
      headerRow: HEADER_ROW,
      rowCount: layout.bodyRows,
      idColumn: layout.idColumn,
      analysisColumn: layout.analysisColumn,
      owned: encodeOwned(grid.owned),
      mergedRows: grid.mergedRows.filter((r) => !blockedMerges.has(r)),
    };
    const recordText = JSON.stringify(record);
    await batch.fit(jsonBytes(recordText) + 3 * COMMAND_OVERHEAD);
    wb.settings.add(recordKey(doc.kind, doc.evaluationYear), recordText);
    if (!read.name.isNullObject) read.name.delete();
    wb.names.add(anchorName(doc.kind, doc.evaluationYear), sheet.getRange(`A1:${lastColumn}${layout.lastRow}`));
    if (options.activate !== false) sheet.activate();
    await context.sync();

    const droppedAnalysis = [...kept.entries()]
      .filter(([id, a]) => !docIds.has(id) && a.text.trim() !== "")
      .map(([indicatorId, a]) => ({ indicatorId, text: a.text }));
    return {
      sheetName,
      created: prev === null,
      previousLayoutChanged: found === "changed",
      indicatorCount: doc.rows.length,
      keptAnalysis: doc.rows.filter((r) => (kept.get(r.indicatorId)?.text ?? "").trim() !== "").length,
      analysis: analysisText,
      droppedAnalysis,
      keptCells,
      unmergedRows: [...blockedMerges].sort((a, b) => a - b),
      charts,
      zoomScale: scale,
    };
  });
}

/** Column widths, merges, fonts, fills and borders: a fixed number of commands whatever the number of rows. */
function formatSheet(
  sheet: Excel.Worksheet,
  doc: ReportDocument,
  layout: Layout,
  grid: Grid,
  blockedMerges: ReadonlySet<number>,
): number[] {
  const widths = printColumnWidths(doc.columns.map((c) => c.width));
  widths.forEach((w, j) => {
    sheet.getRange(`${columnLetters(j)}1`).format.columnWidth = w;
  });
  for (let j = 0; j < 3; j++)
    sheet.getRange(`${columnLetters(layout.dataColumn + j)}1`).format.columnWidth = DATA_BLOCK_WIDTH;
  // The ids: kept out of sight (and out of print), not out of reach.
  sheet.getRange(`${columnLetters(layout.idColumn)}:${columnLetters(layout.idColumn)}`).columnHidden = true;
  const tableWidthPoints = widths.reduce((a, b) => a + b, 0);

  const whole = (row: number) => sheet.getRange(blockRef(0, row, layout.tableWidth, 1));
  for (const row of grid.mergedRows) {
    const range = whole(row);
    if (!blockedMerges.has(row)) range.merge(false);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
  }
  const title = whole(TITLE_ROW);
  title.format.font.bold = true;
  title.format.font.size = 16;
  title.format.horizontalAlignment = "Center";
  title.format.verticalAlignment = "Center";
  title.format.rowHeight = 30;
  whole(DATE_ROW).format.horizontalAlignment = "Center";
  whole(SOURCE_ROW).format.horizontalAlignment = "Center";
  const summaryText = doc.summary.join("\n");
  const summary = whole(SUMMARY_ROW);
  summary.format.font.size = 11;
  summary.format.rowHeight = wrappedRowHeight(summaryText, tableWidthPoints, 11);
  whole(COUNTS_ROW).format.font.bold = true;

  const header = sheet.getRange(blockRef(0, HEADER_ROW, layout.tableWidth, 1));
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.horizontalAlignment = "Center";
  header.format.verticalAlignment = "Center";
  header.format.rowHeight = 30;
  const table = sheet.getRange(blockRef(0, HEADER_ROW, layout.tableWidth, layout.bodyRows + 1));
  for (const edge of [
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideVertical",
    "InsideHorizontal",
  ] as const) {
    const border = table.format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = "#000000";
  }
  if (layout.bodyRows > 0) {
    const body = sheet.getRange(blockRef(0, FIRST_BODY_ROW, layout.tableWidth, layout.bodyRows));
    body.format.wrapText = true;
    body.format.verticalAlignment = "Center";
    body.format.font.size = 10;
    body.format.horizontalAlignment = "Center";
    const name = doc.columns.findIndex((c) => c.key === "name");
    if (name >= 0)
      sheet.getRange(blockRef(name, FIRST_BODY_ROW, 1, layout.bodyRows)).format.horizontalAlignment = "Left";
    if (layout.analysisColumn >= 0) {
      // Staff's column: marked as the one to fill in, like the template's input cells.
      const analysis = sheet.getRange(blockRef(layout.analysisColumn, FIRST_BODY_ROW, 1, layout.bodyRows));
      analysis.format.fill.color = INPUT_FILL;
      analysis.format.horizontalAlignment = "Left";
    }
    body.format.autofitRows();
  }
  doc.notes.forEach((note, i) => {
    const range = whole(layout.firstNoteRow + i);
    range.format.font.size = 10;
    range.format.rowHeight = wrappedRowHeight(note, tableWidthPoints, 10);
  });
  if (layout.dataRows > 0) {
    sheet.getRange(blockRef(layout.dataColumn, HEADER_ROW, 3, 1)).format.font.bold = true;
    sheet.getRange(blockRef(layout.dataColumn, HEADER_ROW - 1, 1, 1)).format.font.bold = true;
  }
  const chartRows = layout.lastRow - layout.chartRow + 1;
  if (chartRows > 0 && layout.progressChartRows + layout.pathChartRows > 0)
    sheet.getRange(`A${layout.chartRow}:A${layout.lastRow}`).format.rowHeight = ROW_POINTS;
  return widths;
}

function addCharts(sheet: Excel.Worksheet, doc: ReportDocument, layout: Layout): string[] {
  const words = WORDS[doc.lang];
  const added: string[] = [];
  const lastTableLetter = columnLetters(layout.tableWidth - 1);
  const cols = progressColumns(doc);
  let row = layout.chartRow;
  if (cols && layout.progressChartRows > 0) {
    const source = sheet.getRange(blockRef(cols.progress, HEADER_ROW, 2, layout.bodyRows + 1));
    const chart = sheet.charts.add("BarClustered", source, "Columns");
    chart.name = PROGRESS_CHART_NAME;
    chart.title.text = words.progressTitle;
    chart.legend.position = "Bottom";
    chart.legend.visible = true;
    chart.axes.valueAxis.numberFormat = "0%";
    const names = sheet.getRange(blockRef(cols.name, FIRST_BODY_ROW, 1, layout.bodyRows));
    chart.series.getItemAt(0).setXAxisValues(names);
    chart.series.getItemAt(1).setXAxisValues(names);
    chart.setPosition(`A${row}`, `${lastTableLetter}${row + layout.progressChartRows - 1}`);
    added.push(PROGRESS_CHART_NAME);
    row += layout.progressChartRows + 1;
  }
  const path = doc.pathChart;
  if (path && layout.pathChartRows > 0) {
    const c = layout.dataColumn;
    const source = sheet.getRange(blockRef(c + 1, HEADER_ROW, 2, layout.dataRows + 1));
    const chart = sheet.charts.add("LineMarkers", source, "Columns");
    chart.name = PATH_CHART_NAME;
    chart.title.text = words.pathTitle(path.title);
    chart.legend.position = "Bottom";
    chart.legend.visible = true;
    const years = sheet.getRange(blockRef(c, FIRST_BODY_ROW, 1, layout.dataRows));
    chart.series.getItemAt(0).setXAxisValues(years);
    chart.series.getItemAt(1).setXAxisValues(years);
    chart.setPosition(`A${row}`, `${lastTableLetter}${row + layout.pathChartRows - 1}`);
    added.push(PATH_CHART_NAME);
  }
  return added;
}

/** A4 landscape at `scale` %, the header row on every page, title and date above, page X of Y below. */
function setupPage(sheet: Excel.Worksheet, doc: ReportDocument, layout: Layout, scale: number): void {
  const page = sheet.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = "A4";
  page.zoom = { scale };
  page.leftMargin = SIDE_MARGIN;
  page.rightMargin = SIDE_MARGIN;
  page.topMargin = 54;
  page.bottomMargin = 54;
  page.headerMargin = 21.6;
  page.footerMargin = 21.6;
  page.centerHorizontally = true;
  page.setPrintTitleRows(`$${HEADER_ROW}:$${HEADER_ROW}`);
  page.setPrintArea(`A1:${columnLetters(layout.tableWidth - 1)}${layout.lastRow}`);
  const date = headerText(doc.dateText);
  // One header holds at most 255 characters with its section codes.
  const room = Math.max(20, 255 - 8 - date.length);
  let title = headerText(doc.title);
  if (title.length > room)
    title = `${Array.from(title)
      .slice(0, room - 1)
      .join("")
      .replace(/&$/, "")}…`;
  const all = page.headersFooters.defaultForAllPages;
  all.centerHeader = title;
  all.rightHeader = date;
  all.centerFooter = WORDS[doc.lang].footer;
}
