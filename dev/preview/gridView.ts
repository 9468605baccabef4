/**
 * Draws the active sheet of a GridSource as an Excel-like grid: column letters, row numbers, cells with
 * their displayed text, fills and fonts, and the selection. Only the rows and columns in view (plus a few
 * more) are in the DOM, so a sheet with thousands of rows scrolls as fast as a small one. Cell text is set
 * with textContent, never as HTML. Merged cells show their top-left cell over the whole area; borders, font
 * sizes and vertical alignment are drawn; charts float over the cells as SVG (chartSvg.ts).
 */
import { cellName, columnName } from "./a1";
import { chartSvg } from "./chartSvg";
import { GridAxis } from "./gridAxis";
import type { CellPoint, CellView, GridBorder, GridChartPlacement, GridRect, GridSource } from "./gridSource";

const OVERSCAN = 3;
/** The grid always offers at least this much room, plus a margin below and right of the used range. */
const MIN_ROWS = 100;
const MIN_COLS = 26;
const ROW_MARGIN = 50;
const COL_MARGIN = 6;
/** Text overflows into at most this many empty cells to its right, as in Excel. */
const MAX_SPILL = 12;
const CELL_FONT = '13px "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif';
const BOLD_CELL_FONT = `600 ${CELL_FONT}`;
/** Line height and padding of wrapped text, for fitting a row to it. */
const LINE_PX = 17;
const WRAP_PADDING_PX = 6;

const BORDER_PX: Record<string, number> = { Hairline: 1, Thin: 1, Medium: 2, Thick: 3 };
const BORDER_CSS: Record<string, string> = { Continuous: "solid", Dot: "dotted", Double: "double" };

function borderCss(b: GridBorder): string {
  const style = BORDER_CSS[b.style] ?? "dashed";
  const px = style === "double" ? 3 : (BORDER_PX[b.weight] ?? 1);
  return `${px}px ${style} ${b.color}`;
}

/** Cell styles for font size, vertical alignment and borders. */
function decorate(el: HTMLElement, view: CellView): void {
  if (view.fontSize) el.style.fontSize = `${((13 * view.fontSize) / 11).toFixed(1)}px`;
  if (view.valign === "top") el.style.alignItems = "flex-start";
  else if (view.valign === "center") el.style.alignItems = "center";
  const b = view.borders;
  if (!b) return;
  if (b.bottom) el.style.borderBottom = borderCss(b.bottom);
  if (b.right) el.style.borderRight = borderCss(b.right);
  const insets: string[] = [];
  if (b.top) insets.push(`inset 0 ${BORDER_PX[b.top.weight] ?? 1}px 0 ${b.top.color}`);
  if (b.left) insets.push(`inset ${BORDER_PX[b.left.weight] ?? 1}px 0 0 ${b.left.color}`);
  if (insets.length) el.style.boxShadow = insets.join(", ");
}

export interface CellBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

function div(className: string, parent?: HTMLElement): HTMLDivElement {
  const el = document.createElement("div");
  el.className = className;
  parent?.append(el);
  return el;
}

export class GridView {
  readonly viewport: HTMLDivElement;
  /** Holds the cell rows, the selection box and the editor. */
  readonly canvas: HTMLDivElement;
  /** Frozen rows (Excel's freeze panes): stays at the top of the viewport while the rest scrolls under it. */
  readonly frozen: HTMLDivElement;
  private readonly rowsLayer: HTMLDivElement;
  private readonly frozenRowsLayer: HTMLDivElement;
  private readonly colHeaderStrip: HTMLDivElement;
  private readonly rowHeaderStrip: HTMLDivElement;
  private readonly frozenRowHeaders: HTMLDivElement;
  private readonly selectionBox: HTMLDivElement;
  private readonly frozenSelectionBox: HTMLDivElement;
  /** Charts float over the cells and the selection, as in Excel. */
  readonly chartsLayer: HTMLDivElement;
  private charts: GridChartPlacement[] = [];
  private merges: GridRect[] = [];
  /** What the charts layer was drawn for: redrawn when the charts or the grid's geometry change. */
  private chartsDrawn = "";
  private chartsVersion = 0;
  private frozenRows = 0;
  rows = new GridAxis(0, () => 0);
  cols = new GridAxis(0, () => 0);
  sheetId = "";
  private frame = 0;
  /** Heights Excel would give rows that hold wrapped text and have no height of their own. */
  private readonly fittedHeights = new Map<number, number>();
  private readonly measure: CanvasRenderingContext2D | null;

  constructor(
    host: HTMLElement,
    private readonly source: GridSource,
  ) {
    host.replaceChildren();
    div("pv-corner", host);
    const colHeaders = div("pv-col-headers", host);
    colHeaders.setAttribute("aria-hidden", "true");
    this.colHeaderStrip = div("pv-header-strip", colHeaders);
    const rowHeaders = div("pv-row-headers", host);
    rowHeaders.setAttribute("aria-hidden", "true");
    this.rowHeaderStrip = div("pv-header-strip", rowHeaders);
    this.frozenRowHeaders = div("pv-header-frozen", rowHeaders);
    this.viewport = div("pv-viewport", host);
    this.viewport.setAttribute("role", "grid");
    this.frozen = div("pv-frozen", this.viewport);
    this.frozenRowsLayer = div("pv-rows", this.frozen);
    this.frozenRowsLayer.setAttribute("role", "rowgroup");
    this.frozenSelectionBox = div("pv-selection", this.frozen);
    this.canvas = div("pv-canvas", this.viewport);
    this.rowsLayer = div("pv-rows", this.canvas);
    this.rowsLayer.setAttribute("role", "rowgroup");
    this.selectionBox = div("pv-selection", this.canvas);
    this.chartsLayer = div("pv-charts", this.canvas);
    this.measure = document.createElement("canvas").getContext("2d");

    this.viewport.addEventListener("scroll", () => {
      this.alignHeaders();
      this.schedule();
    });
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
  }

  /** Re-reads the sheet's size (the used range may have grown) and redraws. */
  refresh(): void {
    if (this.sheetId !== this.source.activeSheetId()) this.fittedHeights.clear();
    this.sheetId = this.source.activeSheetId();
    const sheetId = this.sheetId;
    const used = this.source.usedExtent(sheetId);
    const selection = this.source.selection();
    const selected = selection && selection.sheetId === sheetId ? selection.rect : null;
    // Whole rows or columns selected: room for their start only.
    const selRows = selected && selected.rows < 10000 ? selected.row + selected.rows : 0;
    const selCols = selected && selected.cols < 1000 ? selected.col + selected.cols : 0;
    this.charts = this.source.charts?.(sheetId) ?? [];
    this.merges = this.source.merges?.(sheetId) ?? [];
    this.chartsVersion++;
    // Room for every chart, as Excel's grid always extends under them.
    const chartRows = Math.max(0, ...this.charts.map((c) => c.to.row + 1));
    const chartCols = Math.max(0, ...this.charts.map((c) => c.to.col + 1));
    const rowCount = Math.max(MIN_ROWS, used.rows + ROW_MARGIN, selRows + ROW_MARGIN, chartRows + 5);
    const colCount = Math.max(MIN_COLS, used.cols + COL_MARGIN, selCols + COL_MARGIN, chartCols + 2);
    this.frozenRows = Math.min(this.source.freeze(sheetId).rows, rowCount - 1);
    this.rows = this.rowAxis(rowCount);
    this.cols = new GridAxis(colCount, (c) => this.source.columnWidth(sheetId, c));
    this.layOut();
    this.viewport.setAttribute("aria-rowcount", String(rowCount));
    this.viewport.setAttribute("aria-colcount", String(colCount));
    const sheet = this.source.sheets().find((s) => s.id === sheetId);
    this.viewport.setAttribute("aria-label", sheet ? sheet.name : "Sheet");
    this.schedule();
  }

  /** Sizes the canvas and the frozen band; the canvas starts under the band so both share coordinates. */
  private layOut(): void {
    const frozenHeight = this.frozenHeight();
    this.canvas.style.width = `${this.cols.total}px`;
    this.canvas.style.height = `${this.rows.total}px`;
    this.canvas.style.marginTop = `${-frozenHeight}px`;
    this.frozen.style.width = `${this.cols.total}px`;
    this.frozen.style.height = `${frozenHeight}px`;
    this.frozen.hidden = frozenHeight === 0;
  }

  private frozenHeight(): number {
    return this.rows.start(this.frozenRows);
  }

  /** Where a cell's editor goes: the frozen band for a frozen row, else the canvas. */
  layerFor(row: number): HTMLElement {
    return row < this.frozenRows ? this.frozen : this.canvas;
  }

  private rowAxis(count: number): GridAxis {
    const sheetId = this.sheetId;
    return new GridAxis(count, (r) => this.fittedHeights.get(r) ?? this.source.rowHeight(sheetId, r));
  }

  /** Redraws on the next animation frame (many changes in one frame cost one draw). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Redraws now (tests and the editor need the DOM in step with the workbook). */
  draw(depth = 0): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const { scrollTop, scrollLeft, clientHeight, clientWidth } = this.viewport;
    const frozenHeight = this.frozenHeight();
    const [first, r1] = this.rows.window(scrollTop + frozenHeight, (clientHeight || 800) - frozenHeight, OVERSCAN);
    const r0 = Math.max(first, this.frozenRows);
    const [c0, c1] = this.cols.window(scrollLeft, clientWidth || 1200, OVERSCAN);
    const selection = this.source.selection();
    const selected = selection && selection.sheetId === this.sheetId ? selection.rect : null;
    const fitted = this.fitRows(0, this.frozenRows - 1, c0, c1) || this.fitRows(r0, r1, c0, c1);
    if (depth < 3 && fitted) {
      // Rows in view changed height: lay the axis out again, then draw what is in view now.
      this.rows = this.rowAxis(this.rows.count);
      this.layOut();
      this.draw(depth + 1);
      return;
    }
    this.drawHeaders(r0, r1, c0, c1, selected);
    this.rowsLayer.replaceChildren(...this.drawRows(r0, r1, c0, c1));
    this.frozenRowsLayer.replaceChildren(...this.drawRows(0, this.frozenRows - 1, c0, c1));
    this.drawSelection(selected);
    this.drawCharts();
    this.alignHeaders();
  }

  /** Pixel offset of a point given as a cell and a fraction of it. */
  private pointPx(p: CellPoint): { x: number; y: number } {
    return {
      x: this.cols.start(p.col) + p.colFraction * this.cols.size(p.col),
      y: this.rows.start(p.row) + p.rowFraction * this.rows.size(p.row),
    };
  }

  /** Draws the sheet's charts again when they or the grid's geometry changed since the last draw. */
  private drawCharts(): void {
    const key = `${this.sheetId}|${this.chartsVersion}|${this.rows.total}|${this.cols.total}`;
    if (key === this.chartsDrawn) return;
    this.chartsDrawn = key;
    const boxes = this.charts.map(({ chart, from, to }) => {
      const a = this.pointPx(from);
      const b = this.pointPx(to);
      const width = Math.max(40, Math.round(b.x - a.x));
      const height = Math.max(30, Math.round(b.y - a.y));
      const box = div("pv-chart-box");
      box.style.left = `${Math.round(a.x)}px`;
      box.style.top = `${Math.round(a.y)}px`;
      box.style.width = `${width}px`;
      box.style.height = `${height}px`;
      box.append(chartSvg(chart, width, height));
      return box;
    });
    this.chartsLayer.replaceChildren(...boxes);
  }

  /** The merged area whose top-left cell this is, or null. */
  private mergeAt(row: number, col: number): GridRect | null {
    return this.merges.find((m) => m.row === row && m.col === col) ?? null;
  }

  /** Whether the cell is inside a merged area but not its top-left cell. */
  private coveredByMerge(row: number, col: number): boolean {
    return this.merges.some(
      (m) =>
        row >= m.row &&
        row < m.row + m.rows &&
        col >= m.col &&
        col < m.col + m.cols &&
        (row !== m.row || col !== m.col),
    );
  }

  /** Pixel box of a cell inside the canvas. */
  cellBox(row: number, col: number): CellBox {
    return {
      left: this.cols.start(col),
      top: this.rows.start(row),
      width: this.cols.size(col),
      height: this.rows.size(row),
    };
  }

  /** Scrolls just enough to show a cell. */
  reveal(row: number, col: number): void {
    if (row >= this.rows.count || col >= this.cols.count) this.refresh();
    const box = this.cellBox(row, col);
    const vp = this.viewport;
    const frozenHeight = this.frozenHeight();
    if (row >= this.frozenRows) {
      // Frozen rows are always in view; the others must show below the frozen band.
      if (box.top < vp.scrollTop + frozenHeight) vp.scrollTop = box.top - frozenHeight;
      else if (box.top + box.height > vp.scrollTop + vp.clientHeight)
        vp.scrollTop = box.top + box.height - vp.clientHeight;
    }
    if (box.left < vp.scrollLeft) vp.scrollLeft = box.left;
    else if (box.left + box.width > vp.scrollLeft + vp.clientWidth)
      vp.scrollLeft = box.left + box.width - vp.clientWidth;
  }

  /** The cell under a page point, or null outside the cells. */
  cellAt(clientX: number, clientY: number): { row: number; col: number } | null {
    const rect = this.canvas.getBoundingClientRect();
    const x = clientX - rect.left;
    const inBand = clientY - this.viewport.getBoundingClientRect().top;
    // Over the frozen band, the point is on a frozen row whatever the scroll position.
    const y = this.frozenRows > 0 && inBand >= 0 && inBand < this.frozenHeight() ? inBand : clientY - rect.top;
    if (x < 0 || y < 0 || x >= this.cols.total || y >= this.rows.total) return null;
    return { row: this.rows.indexAt(y), col: this.cols.indexAt(x) };
  }

  private alignHeaders(): void {
    this.colHeaderStrip.style.transform = `translateX(${-this.viewport.scrollLeft}px)`;
    this.rowHeaderStrip.style.transform = `translateY(${-this.viewport.scrollTop}px)`;
  }

  private drawHeaders(r0: number, r1: number, c0: number, c1: number, selected: GridRect | null): void {
    const colEls: HTMLElement[] = [];
    for (let c = c0; c <= c1; c++) {
      const el = div("pv-col-header");
      el.textContent = columnName(c);
      el.style.left = `${this.cols.start(c)}px`;
      el.style.width = `${this.cols.size(c)}px`;
      if (selected && c >= selected.col && c < selected.col + selected.cols) el.classList.add("pv-active");
      colEls.push(el);
    }
    this.colHeaderStrip.replaceChildren(...colEls);
    const rowHeader = (r: number) => {
      const el = div("pv-row-header");
      el.textContent = String(r + 1);
      el.style.top = `${this.rows.start(r)}px`;
      el.style.height = `${this.rows.size(r)}px`;
      if (selected && r >= selected.row && r < selected.row + selected.rows) el.classList.add("pv-active");
      return el;
    };
    const rowEls: HTMLElement[] = [];
    for (let r = r0; r <= r1; r++) rowEls.push(rowHeader(r));
    this.rowHeaderStrip.replaceChildren(...rowEls);
    const frozenEls: HTMLElement[] = [];
    for (let r = 0; r < this.frozenRows; r++) frozenEls.push(rowHeader(r));
    this.frozenRowHeaders.replaceChildren(...frozenEls);
    this.frozenRowHeaders.style.height = `${this.frozenHeight()}px`;
  }

  private drawRows(r0: number, r1: number, c0: number, c1: number): HTMLElement[] {
    const sheetId = this.sheetId;
    const freeze = this.source.freeze(sheetId);
    const rowEls: HTMLElement[] = [];
    // Look a little past the window so text that spills right knows whether its neighbours are empty.
    const lookEnd = Math.min(this.cols.count - 1, c1 + MAX_SPILL);
    for (let r = r0; r <= r1; r++) {
      const rowEl = div("pv-row");
      rowEl.setAttribute("role", "row");
      rowEl.setAttribute("aria-rowindex", String(r + 1));
      rowEl.style.top = `${this.rows.start(r)}px`;
      rowEl.style.height = `${this.rows.size(r)}px`;
      rowEl.style.width = `${this.cols.total}px`;
      const views = [];
      for (let c = c0; c <= lookEnd; c++) views.push(this.source.cell(sheetId, r, c));
      for (let c = c0; c <= c1; c++) {
        const view = views[c - c0]!;
        const el = div("pv-cell", rowEl);
        el.setAttribute("role", "gridcell");
        el.setAttribute("aria-colindex", String(c + 1));
        el.dataset.address = cellName(r, c);
        el.style.left = `${this.cols.start(c)}px`;
        const width = this.cols.size(c);
        if (view.fill) el.style.background = view.fill;
        if (view.fontColor) el.style.color = view.fontColor;
        if (view.bold) el.style.fontWeight = "600";
        if (view.italic) el.style.fontStyle = "italic";
        if (view.wrap) el.classList.add("pv-wrap");
        if (view.align === "right") el.classList.add("pv-right");
        else if (view.align === "center") el.classList.add("pv-center");
        if (view.error) el.classList.add("pv-error");
        if (freeze.rows > 0 && r === freeze.rows - 1) el.classList.add("pv-frozen-bottom");
        if (freeze.cols > 0 && c === freeze.cols - 1) el.classList.add("pv-frozen-right");
        decorate(el, view);
        const merged = this.merges.length > 0 ? this.mergeAt(r, c) : null;
        if (merged) {
          // The top-left cell of a merged area covers the whole area (its row is raised above the rows below).
          el.classList.add("pv-merged");
          el.style.width = `${this.cols.start(c + merged.cols) - this.cols.start(c)}px`;
          el.style.height = `${this.rows.start(r + merged.rows) - this.rows.start(r)}px`;
          el.style.background = view.fill ?? "#fff";
          rowEl.style.zIndex = "1";
        } else if (this.merges.length > 0 && this.coveredByMerge(r, c)) {
          el.classList.add("pv-merged-covered");
          el.style.width = `${width}px`;
          continue;
        }
        if (view.text !== "") {
          const span = document.createElement("span");
          span.textContent = view.text;
          el.append(span);
          // Left-aligned text wider than its cell runs over empty neighbours, as in Excel. The text (not the
          // cell) grows, and lets clicks through, so every cell keeps its own box.
          if (view.align === "left" && !view.wrap && !merged) {
            const needed = this.textWidth(view.text, view.bold) + 8;
            let spill = width;
            let next = c + 1;
            while (
              spill < needed &&
              next <= lookEnd &&
              next - c <= MAX_SPILL &&
              views[next - c0]?.text === "" &&
              !views[next - c0]?.fill
            ) {
              spill += this.cols.size(next);
              next++;
            }
            if (next > c + 1) {
              el.classList.add("pv-spill");
              span.style.width = `${spill - 5}px`;
              span.style.background = view.fill ?? "#fff";
            }
          }
        }
        if (!merged) el.style.width = `${width}px`;
      }
      rowEls.push(rowEl);
    }
    return rowEls;
  }

  /**
   * Fits the rows in view to their wrapped text, as Excel does for rows without a height of their own.
   * Returns whether any row changed height.
   */
  private fitRows(r0: number, r1: number, c0: number, c1: number): boolean {
    let changed = false;
    const sheetId = this.sheetId;
    for (let r = r0; r <= r1; r++) {
      if (this.source.customRowHeight(sheetId, r)) continue;
      let needed = this.source.rowHeight(sheetId, r);
      for (let c = c0; c <= c1; c++) {
        const view = this.source.cell(sheetId, r, c);
        if (!view.wrap || view.text === "") continue;
        const usable = Math.max(8, this.cols.size(c) - 8);
        const lines = view.text
          .split("\n")
          .reduce((sum, part) => sum + Math.max(1, Math.ceil(this.textWidth(part, view.bold) / usable)), 0);
        needed = Math.max(needed, lines * LINE_PX + WRAP_PADDING_PX);
      }
      const current = this.fittedHeights.get(r) ?? this.source.rowHeight(sheetId, r);
      if (needed !== current) {
        this.fittedHeights.set(r, needed);
        changed = true;
      }
    }
    return changed;
  }

  private drawSelection(selected: GridRect | null): void {
    const frozen = this.frozenRows;
    // The part of the selection in the frozen band is drawn there, the rest on the canvas.
    this.placeBox(
      this.frozenSelectionBox,
      selected && selected.row < frozen ? clampRows(selected, 0, frozen) : null,
      selected,
    );
    this.placeBox(
      this.selectionBox,
      selected && selected.row + selected.rows > frozen ? clampRows(selected, frozen, this.rows.count) : null,
      selected,
    );
  }

  private placeBox(box: HTMLElement, part: GridRect | null, whole: GridRect | null): void {
    if (!part || !whole) {
      box.hidden = true;
      return;
    }
    const lastRow = Math.min(part.row + part.rows, this.rows.count) - 1;
    const lastCol = Math.min(part.col + part.cols, this.cols.count) - 1;
    const left = this.cols.start(part.col);
    const top = this.rows.start(part.row);
    box.hidden = false;
    box.classList.toggle("pv-single", whole.rows === 1 && whole.cols === 1);
    box.style.left = `${left - 1}px`;
    box.style.top = `${top - 1}px`;
    box.style.width = `${this.cols.start(lastCol + 1) - left + 1}px`;
    box.style.height = `${this.rows.start(lastRow + 1) - top + 1}px`;
  }

  private textWidth(text: string, bold: boolean): number {
    if (!this.measure) return text.length * 8;
    this.measure.font = bold ? BOLD_CELL_FONT : CELL_FONT;
    return this.measure.measureText(text).width;
  }
}

/** The rows of a block between `from` (inclusive) and `to` (exclusive). */
function clampRows(rect: GridRect, from: number, to: number): GridRect | null {
  const row = Math.max(rect.row, from);
  const end = Math.min(rect.row + rect.rows, to);
  return end > row ? { ...rect, row, rows: end - row } : null;
}
