/**
 * The preview grid's view of the Excel stand-in (dev/standin): GridSource over standin.workbook.
 * Widths and heights arrive in points (Excel's units) and leave in CSS pixels (1 pt = 4/3 px).
 */
import type { Standin } from "../standin";
import { parseAddress } from "../standin/addressing";
import { blockName, cellName } from "./a1";
import type {
  CellPoint,
  CellView,
  EntryCheck,
  GridBorder,
  GridChartPlacement,
  GridEvent,
  GridSheet,
  GridSource,
} from "./gridSource";

const PX_PER_PT = 4 / 3;
/** Narrower than this and a column's text is unreadable; Excel's own minimum for visible columns is similar. */
const MIN_COLUMN_PX = 24;
const DEFAULT_ROW_HEIGHT_PT = 15;

export function standinSource(standin: Standin): GridSource {
  const book = standin.workbook;
  // Cell views cost a formula-engine lookup each, and conditional formats an evaluation per rule: they are
  // kept until the workbook changes (its version moves on every change), so a selection move or a scroll
  // redraws from memory.
  let cachedVersion = -1;
  const views = new Map<string, CellView>();
  const viewOf = (sheetId: string, row: number, col: number): CellView => {
    if (book.version !== cachedVersion) {
      views.clear();
      cachedVersion = book.version;
    }
    const key = `${sheetId}|${row}|${col}`;
    let view = views.get(key);
    if (!view) {
      view = toView(book.cellAt(sheetId, row, col));
      views.set(key, view);
    }
    return view;
  };

  return {
    sheets(): GridSheet[] {
      return book
        .sheets()
        .filter((s) => s.visibility === "Visible")
        .map((s) => ({ id: s.id, name: s.name }));
    },
    activeSheetId: () => book.activeSheet().id,
    activate: (sheetId) => book.activateSheet(sheetId),
    usedExtent: (sheetId) => book.extent(sheetId),
    columnWidth: (sheetId, col) => Math.max(MIN_COLUMN_PX, Math.round(book.columnWidth(sheetId, col) * PX_PER_PT)),
    rowHeight: (sheetId, row) => Math.max(18, Math.round(book.rowHeight(sheetId, row) * PX_PER_PT)),
    customRowHeight: (sheetId, row) => book.rowHeight(sheetId, row) !== DEFAULT_ROW_HEIGHT_PT,
    freeze(sheetId) {
      return book.sheets().find((s) => s.id === sheetId)?.freeze ?? { rows: 0, cols: 0 };
    },
    cell: viewOf,
    formula(sheetId, row, col) {
      const view = book.cellAt(sheetId, row, col);
      // A text-formatted ("@") cell keeps its text behind an apostrophe inside the engine; Excel shows the text.
      return view.numberFormat === "@" && view.valueType === "String" && view.input === `'${view.value}`
        ? String(view.value)
        : view.input;
    },
    selection() {
      const selection = book.selection();
      if (!selection) return null;
      const parsed = parseAddress(selection.address);
      return parsed ? { sheetId: selection.sheetId, rect: parsed.rect } : null;
    },
    select: (sheetId, rect) => book.select(sheetId, blockName(rect)),
    check(sheetId, row, col, text): EntryCheck {
      const result = book.checkInput(sheetId, cellName(row, col), text);
      if (result.ok) return result;
      const style = result.style === "Stop" || result.style === "Information" ? result.style : "Warning";
      return { ok: false, style, title: result.title, message: result.message };
    },
    enter(sheetId, row, col, text) {
      try {
        book.setCellInput(sheetId, cellName(row, col), text);
        return { ok: true };
      } catch (error) {
        // Stand-in errors take office.js's OfficeExtension.Error prototype in the page: test the shape.
        if (error instanceof Error && error.name === "RichApi.Error") return { ok: false, message: error.message };
        throw error;
      }
    },
    clear: (sheetId, rect) => book.clearCells(sheetId, blockName(rect)),
    merges: (sheetId) => book.merges(sheetId),
    charts(sheetId): GridChartPlacement[] {
      // Charts sit at points from the sheet's origin; the grid places them by the cells under those points,
      // so a chart stays over the same cells when the grid fits a row to wrapped text.
      const rows = (pt: number) => pointToCell(pt, (r) => book.rowHeight(sheetId, r));
      const cols = (pt: number) => pointToCell(pt, (c) => book.columnWidth(sheetId, c));
      return book.charts(sheetId).map((chart) => {
        const from = rows(chart.top);
        const fromCol = cols(chart.left);
        const to = rows(chart.top + chart.height);
        const toCol = cols(chart.left + chart.width);
        const point = (r: typeof from, c: typeof from): CellPoint => ({
          row: r.index,
          col: c.index,
          rowFraction: r.fraction,
          colFraction: c.fraction,
        });
        return { chart, from: point(from, fromCol), to: point(to, toCol) };
      });
    },
    setEditing: (on) => book.setCellEditMode(on),
    subscribe(listener: (event: GridEvent) => void) {
      return book.subscribe((event) => {
        if (event.kind === "structure") cachedVersion = -1; // a reset or restore replaces the whole workbook
        listener(event.kind === "change" ? "cells" : event.kind);
      });
    },
  };
}

/** The line (row or column) under a point and how far into it, walking sizes in points from the origin. */
function pointToCell(pt: number, size: (index: number) => number): { index: number; fraction: number } {
  let start = 0;
  for (let i = 0; i < 1_048_576; i++) {
    const s = size(i);
    if (pt < start + s || s <= 0) return { index: i, fraction: s > 0 ? (pt - start) / s : 0 };
    start += s;
  }
  return { index: 1_048_575, fraction: 1 };
}

/** Excel's General alignment: numbers right, booleans and errors centred, text left. */
function toView(view: ReturnType<Standin["workbook"]["cellAt"]>): CellView {
  const borders: NonNullable<CellView["borders"]> = {};
  for (const side of ["top", "right", "bottom", "left"] as const) {
    const b = view.borders[side];
    if (b) borders[side] = { ...b } satisfies GridBorder;
  }
  return {
    ...(view.fontSize !== 11 ? { fontSize: view.fontSize } : {}),
    ...(view.verticalAlignment === "Top"
      ? { valign: "top" as const }
      : view.verticalAlignment === "Center" ||
          view.verticalAlignment === "Justify" ||
          view.verticalAlignment === "Distributed"
        ? { valign: "center" as const }
        : {}),
    ...(Object.keys(borders).length > 0 ? { borders } : {}),
    text: view.text,
    fill: view.fill,
    fontColor: view.fontColor === "#000000" ? null : view.fontColor,
    bold: view.bold,
    italic: view.italic,
    align: alignment(view.horizontalAlignment, view.valueType),
    wrap: view.wrapText,
    error: view.valueType === "Error",
  };
}

function alignment(horizontal: string, valueType: string): CellView["align"] {
  switch (horizontal) {
    case "Left":
    case "Fill":
    case "Distributed":
      return "left";
    case "Center":
    case "CenterAcrossSelection":
    case "Justify":
      return "center";
    case "Right":
      return "right";
    default:
      return valueType === "Double" ? "right" : valueType === "Boolean" || valueType === "Error" ? "center" : "left";
  }
}
