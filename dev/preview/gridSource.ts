/**
 * What the preview grid needs from a workbook. The grid draws and edits through this interface only;
 * standinSource.ts implements it over the Excel stand-in, so the grid code knows nothing of its internals.
 * Rows and columns are 0-based.
 */
import type { GridChart } from "./chartSvg";

export interface GridRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface GridSheet {
  id: string;
  name: string;
}

/** One line of a cell border as drawn. */
export interface GridBorder {
  /** Excel.BorderLineStyle: "Continuous", "Dash", "Dot", "Double" … */
  style: string;
  color: string;
  /** Excel.BorderWeight: "Hairline", "Thin", "Medium", "Thick". */
  weight: string;
}

/** One cell as Excel would draw it. */
export interface CellView {
  /** The displayed text under the cell's number format (Range.text). */
  text: string;
  /** Fill colour ("#RRGGBB") after conditional formats, or null for none. */
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  italic: boolean;
  /** Horizontal alignment after Excel's General rule (numbers right, text left, booleans and errors centred). */
  align: "left" | "center" | "right";
  wrap: boolean;
  error: boolean;
  /** Font size in points when not Excel's default 11. */
  fontSize?: number;
  /** Vertical alignment when not Excel's default (bottom). */
  valign?: "top" | "center";
  /** Lines on the cell's edges (own or the neighbour's facing edge); absent: none. */
  borders?: { top?: GridBorder; right?: GridBorder; bottom?: GridBorder; left?: GridBorder };
}

/** A point on the sheet as a cell and how far into it (0–1 of its height / width). */
export interface CellPoint {
  row: number;
  col: number;
  rowFraction: number;
  colFraction: number;
}

/** A chart floating over the sheet between two points, and what it shows. */
export interface GridChartPlacement {
  chart: GridChart;
  from: CellPoint;
  to: CellPoint;
}

/** What Excel's data validation says about an entry: Stop rejects it, Warning and Information ask. */
export type EntryCheck =
  { ok: true } | { ok: false; style: "Stop" | "Warning" | "Information"; title: string; message: string };

export type GridEvent = "cells" | "structure" | "selection" | "run";

export interface GridSource {
  sheets(): GridSheet[];
  activeSheetId(): string;
  activate(sheetId: string): void;
  /** Rows and columns from A1 to the last used cell (0 × 0 when blank). */
  usedExtent(sheetId: string): { rows: number; cols: number };
  /** Widths and heights in CSS pixels. */
  columnWidth(sheetId: string, col: number): number;
  rowHeight(sheetId: string, row: number): number;
  /** The row's height was set (Excel then stops fitting it to wrapped text). */
  customRowHeight(sheetId: string, row: number): boolean;
  freeze(sheetId: string): { rows: number; cols: number };
  cell(sheetId: string, row: number, col: number): CellView;
  /** What the formula bar shows for a cell: the formula, else the value as typed. */
  formula(sheetId: string, row: number, col: number): string;
  selection(): { sheetId: string; rect: GridRect } | null;
  select(sheetId: string, rect: GridRect): void;
  /** The cell's data validation applied to what a person is about to enter. */
  check(sheetId: string, row: number, col: number, text: string): EntryCheck;
  /** A person typed `text` into a cell and pressed Enter; a formula Excel would refuse gives its message. */
  enter(sheetId: string, row: number, col: number, text: string): { ok: true } | { ok: false; message: string };
  /** A person pressed Delete on a block. */
  clear(sheetId: string, rect: GridRect): void;
  /** Merged areas of the sheet (the top-left cell shows the content over the whole area). */
  merges?(sheetId: string): GridRect[];
  /** The sheet's charts and where they sit. */
  charts?(sheetId: string): GridChartPlacement[];
  /** Excel's cell-edit mode: add-in batches wait while it is on. */
  setEditing(on: boolean): void;
  subscribe(listener: (event: GridEvent) => void): () => void;
}
