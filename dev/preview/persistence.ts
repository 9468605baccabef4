/**
 * Keeps the stand-in workbook in this browser's localStorage (the stand-in's serialize/deserialize), so a
 * reload shows the same workbook, like reopening a saved file. Saves shortly after each change and when
 * the page goes away.
 */
import type { SerializedWorkbook } from "../standin";

const KEY = "plan-tracker-preview:workbook";
const SAVE_DELAY_MS = 250;

export function loadSavedWorkbook(): SerializedWorkbook | null {
  try {
    const text = localStorage.getItem(KEY);
    return text ? (JSON.parse(text) as SerializedWorkbook) : null;
  } catch {
    return null;
  }
}

export function forgetSavedWorkbook(): void {
  localStorage.removeItem(KEY);
}

export class WorkbookSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly serialize: () => SerializedWorkbook,
    private readonly onResult: (error: string | null) => void,
  ) {
    window.addEventListener("pagehide", () => this.saveNow());
  }

  saveSoon(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  saveNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    try {
      localStorage.setItem(KEY, JSON.stringify(this.serialize()));
      this.onResult(null);
    } catch (error) {
      this.onResult(error instanceof Error ? error.message : String(error)); // e.g. the storage quota
    }
  }

  /** No more saving (before a reset reloads the page). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopped = true;
  }
}
