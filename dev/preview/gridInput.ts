/**
 * How a person works the grid, the way Excel behaves: click or arrow keys select, typing starts an entry,
 * Enter commits (and moves down), Tab commits (and moves right), Escape cancels, Delete clears, F2 or a
 * double click edits the cell's content, the formula bar shows and edits the active cell.
 *
 * All typing goes through one text box that sits on the active cell: invisible while selecting, shown as
 * the in-cell editor while typing. Text that arrives without key events (an input method, pasted text)
 * therefore lands in the cell like typed text.
 */
import { blockName } from "./a1";
import { askAboutEntry, type EntryChoice } from "./entryDialog";
import type { EntryCheck, GridRect, GridSource } from "./gridSource";
import type { PreviewText } from "./previewText";
import type { GridView } from "./gridView";

type Mode = "enter" | "edit";
interface Entry {
  row: number;
  col: number;
  sheetId: string;
  /** enter: arrow keys commit and move; edit (F2, double click): arrow keys move the caret. */
  mode: Mode;
  via: "cell" | "bar";
}
interface Point {
  row: number;
  col: number;
}

const PAGE_ROWS = 20;

export class GridInput {
  private readonly editor: HTMLInputElement;
  private entry: Entry | null = null;
  /** The active cell and the other corner of the selected block. */
  private anchor: Point = { row: 0, col: 0 };
  private focus: Point = { row: 0, col: 0 };
  private dragging = false;
  /** A message box about the entry is open. */
  private asking = false;
  /** The editor box is moving between the canvas and the frozen band (its blur then means nothing). */
  private moving = false;

  constructor(
    private readonly view: GridView,
    private readonly source: GridSource,
    private readonly formulaBar: HTMLInputElement,
    private readonly nameBox: HTMLInputElement,
    private readonly text: PreviewText,
  ) {
    this.editor = document.createElement("input");
    this.editor.className = "pv-editor pv-idle";
    this.editor.setAttribute("aria-label", text.cellEditor);
    this.editor.autocomplete = "off";
    this.editor.spellcheck = false;
    view.canvas.append(this.editor);

    this.editor.addEventListener("keydown", (e) => this.onEditorKey(e));
    this.editor.addEventListener("input", () => this.onEditorInput());
    this.editor.addEventListener("blur", () => {
      if (!this.moving && this.entry?.via === "cell") void this.commit(null);
    });
    view.viewport.addEventListener("mousedown", (e) => this.onMouseDown(e));
    view.viewport.addEventListener("dblclick", (e) => this.onDoubleClick(e));
    window.addEventListener("mousemove", (e) => this.onMouseMove(e));
    window.addEventListener("mouseup", () => (this.dragging = false));
    nameBox.addEventListener("focus", () => nameBox.select());
    nameBox.addEventListener("keydown", (e) => this.onNameBoxKey(e));
    formulaBar.addEventListener("focus", () => this.beginBarEntry());
    formulaBar.addEventListener("keydown", (e) => this.onBarKey(e));
    formulaBar.addEventListener("blur", () => {
      if (this.entry?.via === "bar") void this.commit(null);
    });
  }

  /** The grid has keyboard focus (on its active cell). */
  focusGrid(): void {
    this.editor.focus({ preventScroll: true });
  }

  /** Called after every workbook event: follows a selection made elsewhere (the pane's range.select()). */
  sync(): void {
    const selection = this.source.selection();
    if (selection && selection.sheetId === this.view.sheetId) {
      const rect = selection.rect;
      if (!sameRect(rect, spanOf(this.anchor, this.focus))) {
        this.anchor = { row: rect.row, col: rect.col };
        this.focus = {
          row: rect.row + Math.min(rect.rows, 1048576) - 1,
          col: rect.col + Math.min(rect.cols, 16384) - 1,
        };
      }
      this.nameBox.value = blockName(rect.rows > 100000 || rect.cols > 10000 ? clampRect(rect) : rect);
    } else {
      this.anchor = { row: 0, col: 0 };
      this.focus = { row: 0, col: 0 };
      this.nameBox.value = "A1";
    }
    if (!this.entry) {
      this.formulaBar.value = this.source.formula(this.view.sheetId, this.anchor.row, this.anchor.col);
      this.placeEditor();
    }
  }

  /** Makes the active cell visible (after a selection change). */
  revealActive(): void {
    this.view.reveal(this.anchor.row, this.anchor.col);
  }

  // ---- selection ----------------------------------------------------------------------------------

  private select(anchor: Point, focus: Point = anchor): void {
    this.anchor = clampPoint(anchor);
    this.focus = clampPoint(focus);
    this.source.select(this.view.sheetId, spanOf(this.anchor, this.focus));
    this.view.reveal(this.focus.row, this.focus.col);
  }

  private move(dRow: number, dCol: number, extend: boolean): void {
    if (extend) {
      this.select(this.anchor, { row: this.focus.row + dRow, col: this.focus.col + dCol });
    } else {
      this.select({ row: this.anchor.row + dRow, col: this.anchor.col + dCol });
    }
  }

  private onMouseDown(e: MouseEvent): void {
    if (e.button !== 0) return;
    const cell = this.view.cellAt(e.clientX, e.clientY);
    if (!cell) return;
    e.preventDefault(); // keep focus in the editor box (no blur, no text selection)
    if (this.entry) void this.commit(null);
    if (e.shiftKey) this.select(this.anchor, cell);
    else this.select(cell);
    this.dragging = true;
    this.focusGrid();
  }

  private onMouseMove(e: MouseEvent): void {
    if (!this.dragging || !(e.buttons & 1)) return;
    const cell = this.view.cellAt(e.clientX, e.clientY);
    if (cell && (cell.row !== this.focus.row || cell.col !== this.focus.col)) this.select(this.anchor, cell);
  }

  private onDoubleClick(e: MouseEvent): void {
    const cell = this.view.cellAt(e.clientX, e.clientY);
    if (!cell) return;
    this.select(cell);
    this.begin("edit", this.source.formula(this.view.sheetId, cell.row, cell.col));
  }

  // ---- the in-cell entry -----------------------------------------------------------------------------

  private onEditorKey(e: KeyboardEvent): void {
    if (e.isComposing) return; // an input method is still building the text
    if (this.entry) {
      this.onEntryKey(e);
      return;
    }
    const shift = e.shiftKey;
    switch (e.key) {
      case "ArrowUp":
        this.move(-1, 0, shift);
        break;
      case "ArrowDown":
        this.move(1, 0, shift);
        break;
      case "ArrowLeft":
        this.move(0, -1, shift);
        break;
      case "ArrowRight":
        this.move(0, 1, shift);
        break;
      case "PageDown":
        this.move(PAGE_ROWS, 0, shift);
        break;
      case "PageUp":
        this.move(-PAGE_ROWS, 0, shift);
        break;
      case "Home":
        this.select(e.ctrlKey ? { row: 0, col: 0 } : { row: this.anchor.row, col: 0 });
        break;
      case "Enter":
        this.move(shift ? -1 : 1, 0, false);
        break;
      case "Tab":
        this.move(0, shift ? -1 : 1, false);
        break;
      case "Delete":
        this.source.clear(this.view.sheetId, spanOf(this.anchor, this.focus));
        break;
      case "Backspace":
        this.begin("enter", "");
        break;
      case "F2":
        this.begin("edit", this.source.formula(this.view.sheetId, this.anchor.row, this.anchor.col));
        break;
      default:
        return; // typed text arrives as an input event and starts the entry
    }
    e.preventDefault();
  }

  private onEditorInput(): void {
    if (!this.entry) {
      this.entry = {
        row: this.anchor.row,
        col: this.anchor.col,
        sheetId: this.view.sheetId,
        mode: "enter",
        via: "cell",
      };
      this.source.setEditing(true);
      this.placeEditor();
    }
    this.formulaBar.value = this.editor.value;
  }

  private onEntryKey(e: KeyboardEvent): void {
    const entry = this.entry!;
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (e.key === "Enter") {
      e.preventDefault();
      void this.commit(e.shiftKey ? [-1, 0] : [1, 0]);
    } else if (e.key === "Tab") {
      e.preventDefault();
      void this.commit(e.shiftKey ? [0, -1] : [0, 1]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancel();
    } else if (entry.mode === "enter" && arrows[e.key]) {
      e.preventDefault();
      void this.commit(arrows[e.key]!);
    }
  }

  private begin(mode: Mode, text: string): void {
    this.entry = { row: this.anchor.row, col: this.anchor.col, sheetId: this.view.sheetId, mode, via: "cell" };
    this.source.setEditing(true);
    this.editor.value = text;
    this.formulaBar.value = text;
    this.placeEditor();
    this.focusGrid();
    this.editor.setSelectionRange(text.length, text.length);
  }

  /**
   * Writes the entry to its cell, then moves the selection by `step` (null: stay). An entry the cell's data
   * validation does not allow, or a formula Excel would refuse, first gets Excel's question.
   */
  private async commit(step: [number, number] | null): Promise<void> {
    const entry = this.entry;
    if (!entry || this.asking) return;
    const text = entry.via === "bar" ? this.formulaBar.value : this.editor.value;
    const check = text === "" ? ({ ok: true } as const) : this.source.check(entry.sheetId, entry.row, entry.col, text);
    if (!check.ok) {
      const choice = await this.ask(
        check.title || this.text.validationTitle,
        validationMessage(check, this.text),
        check.style,
      );
      if (choice === "cancel") return this.cancel();
      if (choice === "no") return this.resume(entry);
    }
    const result = this.source.enter(entry.sheetId, entry.row, entry.col, text);
    if (!result.ok) {
      await this.ask(this.text.formulaProblem, result.message, "Problem");
      return this.resume(entry);
    }
    this.entry = null;
    this.editor.value = "";
    this.source.setEditing(false);
    if (step) this.move(step[0], step[1], false);
    this.sync();
    if (entry.via === "bar" || step) this.focusGrid();
  }

  /** Excel's message box: Stop (Retry/Cancel), Warning (Yes/No/Cancel), Information (OK/Cancel), Problem (OK). */
  private async ask(
    title: string,
    message: string,
    style: "Stop" | "Warning" | "Information" | "Problem",
  ): Promise<EntryChoice> {
    const t = this.text;
    const buttons: Array<{ choice: EntryChoice; label: string }> = {
      Stop: [
        { choice: "no" as const, label: t.retry },
        { choice: "cancel" as const, label: t.cancel },
      ],
      Warning: [
        { choice: "yes" as const, label: t.yes },
        { choice: "no" as const, label: t.no },
        { choice: "cancel" as const, label: t.cancel },
      ],
      Information: [
        { choice: "yes" as const, label: t.ok },
        { choice: "cancel" as const, label: t.cancel },
      ],
      Problem: [{ choice: "no" as const, label: t.ok }],
    }[style];
    this.asking = true;
    try {
      return await askAboutEntry({ title, message, buttons });
    } finally {
      this.asking = false;
    }
  }

  /** Back to typing the entry that was refused, its text selected (Excel's Retry / No). */
  private resume(entry: Entry): void {
    const box = entry.via === "bar" ? this.formulaBar : this.editor;
    box.focus({ preventScroll: true });
    box.select();
  }

  private cancel(): void {
    const entry = this.entry;
    if (!entry || this.asking) return;
    this.entry = null;
    this.editor.value = "";
    this.source.setEditing(false);
    this.sync();
    this.focusGrid();
  }

  /** Puts the text box on the active cell: invisible while selecting, the cell's editor while typing. */
  private placeEditor(): void {
    const point = this.entry ?? this.anchor;
    const box = this.view.cellBox(point.row, point.col);
    const editing = this.entry?.via === "cell";
    const layer = this.view.layerFor(point.row);
    if (this.editor.parentElement !== layer) {
      const focused = document.activeElement === this.editor;
      this.moving = true;
      layer.append(this.editor);
      if (focused) this.editor.focus({ preventScroll: true });
      this.moving = false;
    }
    this.editor.classList.toggle("pv-idle", !editing);
    this.editor.style.left = `${box.left - 1}px`;
    this.editor.style.top = `${box.top - 1}px`;
    this.editor.style.height = `${box.height + 2}px`;
    this.editor.style.minWidth = `${box.width + 2}px`;
    this.editor.style.width = editing
      ? `${Math.max(box.width + 2, Math.min(480, this.editor.value.length * 8 + 24))}px`
      : `${box.width + 2}px`;
  }

  // ---- the name box: type an address, Enter goes there ---------------------------------------------------

  private onNameBoxKey(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      e.preventDefault();
      this.sync();
      this.focusGrid();
      return;
    }
    if (e.key !== "Enter") return;
    e.preventDefault();
    const block = parseBlock(this.nameBox.value);
    if (block) {
      if (this.entry) void this.commit(null);
      this.select(block[0], block[1]);
      this.view.reveal(block[0].row, block[0].col);
    }
    this.sync();
    this.focusGrid();
  }

  // ---- the formula bar ---------------------------------------------------------------------------------

  private beginBarEntry(): void {
    if (this.entry) return;
    this.entry = { row: this.anchor.row, col: this.anchor.col, sheetId: this.view.sheetId, mode: "edit", via: "bar" };
    this.source.setEditing(true);
  }

  private onBarKey(e: KeyboardEvent): void {
    if (e.isComposing || this.entry?.via !== "bar") return;
    if (e.key === "Enter") {
      e.preventDefault();
      void this.commit([1, 0]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancel();
    }
  }
}

/** "C7" or "B2:D9" (with or without $) as its two corners; null when it is not an address. */
function parseBlock(text: string): [Point, Point] | null {
  const match = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\s*$/.exec(text);
  if (!match) return null;
  const point = (letters: string, digits: string): Point => {
    let col = 0;
    for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return clampPoint({ row: Number(digits) - 1, col: col - 1 });
  };
  const first = point(match[1]!, match[2]!);
  return [first, match[3] ? point(match[3], match[4]!) : first];
}

function spanOf(a: Point, b: Point): GridRect {
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(a.row - b.row) + 1,
    cols: Math.abs(a.col - b.col) + 1,
  };
}

function sameRect(a: GridRect, b: GridRect): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

function clampPoint(p: Point): Point {
  return { row: Math.max(0, Math.min(p.row, 1048575)), col: Math.max(0, Math.min(p.col, 16383)) };
}

function clampRect(rect: GridRect): GridRect {
  return { ...rect, rows: Math.min(rect.rows, 1048576 - rect.row), cols: Math.min(rect.cols, 16384 - rect.col) };
}

function validationMessage(check: Exclude<EntryCheck, { ok: true }>, text: PreviewText): string {
  const message = check.message || text.validationDefault;
  return check.style === "Warning" ? `${message}\n\n${text.continueQuestion}` : message;
}
