/** The sheet tabs under the grid: one tab per visible sheet, the active one selected; click to activate. */
import type { GridSource } from "./gridSource";

export class SheetTabs {
  constructor(
    private readonly host: HTMLElement,
    private readonly source: GridSource,
  ) {
    host.addEventListener("keydown", (e) => this.onKey(e));
  }

  draw(): void {
    const active = this.source.activeSheetId();
    const tabs = this.source.sheets().map((sheet) => {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.className = "pv-tab";
      tab.setAttribute("role", "tab");
      tab.dataset.sheetId = sheet.id;
      tab.textContent = sheet.name;
      const selected = sheet.id === active;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.addEventListener("click", () => this.source.activate(sheet.id));
      return tab;
    });
    this.host.replaceChildren(...tabs);
  }

  /** Arrow keys move between tabs, as in any tab list. */
  private onKey(e: KeyboardEvent): void {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const tabs = [...this.host.querySelectorAll<HTMLButtonElement>("[role=tab]")];
    const index = tabs.findIndex((t) => t.getAttribute("aria-selected") === "true");
    const next = tabs[(index + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    if (!next?.dataset.sheetId) return;
    e.preventDefault();
    this.source.activate(next.dataset.sheetId);
    this.host.querySelector<HTMLButtonElement>(`[data-sheet-id="${CSS.escape(next.dataset.sheetId)}"]`)?.focus();
  }
}
