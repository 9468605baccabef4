/**
 * The preview page's first script. It runs after Office's script (custom-functions-runtime.js) and before the
 * add-in's own functions.js and taskpane.js, and makes this page look like Excel to them:
 *   1. creates the Excel stand-in (dev/standin) with the PLAN functions from src/functions, restoring the
 *      workbook saved in this browser;
 *   2. installs it: window.Excel, and Office.context (document.settings, displayLanguage, requirements);
 *   3. draws the workbook (grid, formula bar, sheet tabs) and a status strip with the add-in's round trips.
 * The pane then loads exactly as in Excel: Office.onReady → mount the React UI into #root.
 */
import { createStandin, installStandin, type Standin } from "../standin";
import { GridInput } from "./gridInput";
import type { GridEvent } from "./gridSource";
import { GridView } from "./gridView";
import { chosenLanguage, LANGUAGES, previewLang, switchLanguage, type DisplayLanguage } from "./language";
import { forgetSavedWorkbook, loadSavedWorkbook, WorkbookSaver } from "./persistence";
import { previewText, type PreviewText } from "./previewText";
import { SheetTabs } from "./sheetTabs";
import { standinSource } from "./standinSource";
import { StatusStrip } from "./statusStrip";

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`preview page: #${id} is missing`);
  return el as T;
}

/** The stand-in, from the saved workbook when there is one that still loads. */
function openWorkbook(language: DisplayLanguage): { standin: Standin; restoreFailed: boolean } {
  const saved = loadSavedWorkbook();
  if (saved) {
    try {
      return { standin: createStandin({ displayLanguage: language, state: saved }), restoreFailed: false };
    } catch (error) {
      console.warn("preview: the saved workbook could not be restored", error);
      forgetSavedWorkbook();
      return { standin: createStandin({ displayLanguage: language }), restoreFailed: true };
    }
  }
  return { standin: createStandin({ displayLanguage: language }), restoreFailed: false };
}

/**
 * Makes the stand-in the host: window.Excel, and the stand-in's Office.context. office.js, loaded outside
 * Office, keeps Office.context in a non-configurable property that reads its app factory's context (set to
 * an empty one while it initialises, including once after onReady), so the stand-in's context goes into
 * that factory; installStandin covers the case where the property can still be replaced.
 */
function installHost(standin: Standin): void {
  const office = Office as unknown as Record<string, unknown>;
  const descriptor = Object.getOwnPropertyDescriptor(office, "context");
  if (!descriptor || descriptor.configurable) {
    installStandin(standin);
  } else {
    const global = globalThis as unknown as Record<string, unknown>;
    global.Excel = standin.Excel;
    global.OfficeExtension ??= standin.OfficeExtension;
    for (const key of ["addin", "StartupBehavior", "AsyncResultStatus", "HostType"] as const) {
      if (office[key] === undefined) office[key] = standin.Office[key];
    }
  }
  const factory = (globalThis as { OSF?: { _OfficeAppFactory?: { setContext?: (context: unknown) => void } } }).OSF
    ?._OfficeAppFactory;
  factory?.setContext?.(standin.Office.context);
}

function labelPage(text: PreviewText, language: DisplayLanguage): void {
  document.documentElement.lang = language;
  document.title = text.title;
  byId("pv-title").textContent = text.title;
  byId("pv-subtitle").textContent = text.subtitle;
  byId("pv-hint").textContent = text.hint;
  byId("pv-lang-label").textContent = text.language;
  const reset = byId<HTMLButtonElement>("pv-reset");
  reset.textContent = text.reset;
  reset.title = text.resetTitle;
  byId("pv-workbook-label").textContent = text.workbook;
  byId("pv-pane-label").textContent = text.pane;
  byId("pv-tabs").setAttribute("aria-label", text.sheets);
  byId("pv-name-box").setAttribute("aria-label", text.nameBox);
  byId("pv-formula-input").setAttribute("aria-label", text.formulaBar);
}

function start(): void {
  const language = chosenLanguage();
  const text = previewText(previewLang(language));
  labelPage(text, language);

  const { standin, restoreFailed } = openWorkbook(language);
  installHost(standin);
  // Registered before the pane's own onReady callback (this script runs first), so it runs first.
  void Office.onReady(() => installHost(standin));

  const source = standinSource(standin);
  const view = new GridView(byId("pv-grid"), source);
  const input = new GridInput(view, source, byId("pv-formula-input"), byId("pv-name-box"), text);
  const tabs = new SheetTabs(byId("pv-tabs"), source);
  const status = new StatusStrip(byId("pv-status"), standin, text, byId("root"));
  const saver = new WorkbookSaver(
    () => standin.serialize(),
    (error) => status.setSaveResult(error),
  );
  if (restoreFailed) status.setNotice(text.restoreFailed);

  const redraw = (event: GridEvent) => {
    if (event === "structure" || event === "cells") view.refresh();
    if (event === "selection") view.refresh();
    if (event !== "run") {
      input.sync();
      tabs.draw();
      saver.saveSoon();
    }
    if (event === "selection") input.revealActive();
    status.draw();
  };
  source.subscribe(redraw);
  view.refresh();
  view.draw();
  input.sync();
  tabs.draw();
  status.draw();
  input.focusGrid();

  const select = byId<HTMLSelectElement>("pv-lang-select");
  select.value = language;
  select.addEventListener("change", () => {
    const next = LANGUAGES.find((l) => l === select.value);
    if (next && next !== language) {
      saver.saveNow();
      switchLanguage(next);
    }
  });
  byId("pv-reset").addEventListener("click", () => {
    saver.stop();
    forgetSavedWorkbook();
    location.reload();
  });

  // For the end-to-end tests and for poking around in the browser console.
  (window as unknown as { planTrackerPreview: unknown }).planTrackerPreview = { standin, source, view };
}

start();
