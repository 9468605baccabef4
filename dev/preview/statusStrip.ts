/**
 * The strip under the workbook: what the add-in's last Excel.run cost (round trips, cells written), the total
 * since a person last pressed something in the pane (one operation can be several Excel.run calls), the
 * round trips since the page opened, and whether the workbook is saved in the browser.
 */
import type { RunStats, Standin } from "../standin";
import type { PreviewText } from "./previewText";

export class StatusStrip {
  /** The pane control last pressed and the stand-in's run count at that moment. */
  private action: { label: string; mark: number } | null = null;
  private saveError: string | null = null;
  private notice: string | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly standin: Standin,
    private readonly text: PreviewText,
    paneRoot: HTMLElement,
  ) {
    // Capture phase: recorded before the pane's own handler starts its Excel.run.
    const record = (target: EventTarget | null) => {
      const control = (target as Element | null)?.closest?.(
        "button, [role=button], [role=switch], [role=tab], [role=checkbox], input, a",
      );
      if (!control) return;
      const label = accessibleLabel(control);
      if (label) this.action = { label, mark: this.standin.stats.mark() };
    };
    paneRoot.addEventListener("click", (e) => record(e.target), true);
    paneRoot.addEventListener("change", (e) => record(e.target), true);
  }

  setSaveResult(error: string | null): void {
    if (error === this.saveError) return;
    this.saveError = error;
    this.draw();
  }

  setNotice(notice: string | null): void {
    this.notice = notice;
    this.draw();
  }

  draw(): void {
    const t = this.text;
    const parts: HTMLElement[] = [];
    const last = this.standin.lastRun;
    if (last) {
      const item = span("pv-status-run");
      item.dataset.syncs = String(last.syncs);
      item.dataset.cellsWritten = String(last.cellsWritten);
      item.append(
        t.lastRun,
        strong(t.syncs(last.syncs)),
        ` · ${t.cellsWritten(last.cellsWritten)} · ${t.commands(last.commands)}`,
      );
      if (last.errorCode) item.append(" · ", span("pv-status-error", t.failed(last.errorCode)));
      parts.push(item);
    } else {
      parts.push(span("pv-status-run", t.noRunYet));
    }
    const stats = this.standin.stats;
    if (this.action && stats.runCount > this.action.mark) {
      // Every Excel.run since the click, oldest first: the operation itself, then the pane's refreshes.
      const count = stats.runCount - this.action.mark;
      const runs = stats.runs.slice(-Math.min(count, stats.runs.length));
      const total: RunStats = stats.since(this.action.mark);
      const item = span("pv-status-action");
      item.dataset.runSyncs = runs.map((r) => r.syncs).join(",");
      item.dataset.cellsWritten = String(total.cellsWritten);
      item.append(
        `${t.sinceAction(this.action.label)}${t.runs(count)}${t.open}`,
        strong(t.syncs(total.syncs)),
        runs.length > 1 ? ` = ${runs.map((r) => r.syncs).join(" + ")}` : "",
        `${t.close} · ${t.cellsWritten(total.cellsWritten)}`,
      );
      parts.push(item);
    }
    parts.push(span("pv-status-total", t.totalSyncs(this.standin.syncCount)));
    parts.push(this.saveError ? span("pv-status-error", t.notSaved(this.saveError)) : span("pv-status-saved", t.saved));
    if (this.notice) parts.push(span("pv-status-error", this.notice));
    this.host.replaceChildren(...parts);
  }
}

function span(className: string, text?: string): HTMLSpanElement {
  const el = document.createElement("span");
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function strong(text: string): HTMLElement {
  const el = document.createElement("strong");
  el.textContent = text;
  return el;
}

function accessibleLabel(el: Element): string {
  const label = el.getAttribute("aria-label") ?? el.getAttribute("title") ?? el.textContent ?? "";
  const trimmed = label.replace(/\s+/g, " ").trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}
