/**
 * What the sharing panel (TravelPanel) does, each under the pane's operation lock with its result in the
 * notice area: the portable copy, the plan file export, the auto-open switch,
 * and choosing another plan (a file, pasted text, or a table selected in a sheet).
 */
import { describeExportSkip } from "../../../core/planExport";
import { parsePlanFile } from "../../../core/planFile";
import type { Plan } from "../../../core/planSchema";
import { parsePlanTable, type TableImportResult } from "../../../core/planTableImport";
import { decodeText } from "../../../core/textDecoding";
import { exportWorkbookPlan } from "../../../excel/exportPlan";
import type { PortableMode } from "../../../excel/portableContent";
import { valueCellsText, writePortableCopy } from "../../../excel/portableCopy";
import { readSelectedValues } from "../../../excel/readSelection";
import { recordFigures } from "../../../excel/recordFigures";
import { diagnoseStoredPlan } from "../../../excel/repairStoredPlan";
import type { OperationName } from "../store/operations";
import type { PaneStore } from "../store/paneStore";
import { readyOf } from "../store/planState";
import { downloadText } from "./download";
import { switchAutoOpen } from "./travelActions";
import { tt } from "./travelStrings";

/** Runs `work` on the template's table under the lock; without a template, says so. */
function withTable(store: PaneStore, op: OperationName, work: (tableName: string) => Promise<void>) {
  return store.run(op, async () => {
    const ready = readyOf(store.getState().plan);
    if (!ready) return store.notify({ intent: "warning", text: tt(store.getState().lang, "noTemplateYet") });
    await work(ready.snapshot.tableName);
  });
}

const rowsText = (rows: number[], lang: "zh" | "en") => rows.slice(0, 20).join(lang === "zh" ? "、" : ", ");

export const portableCopy = (store: PaneStore, mode: PortableMode) =>
  withTable(store, "portableCopy", async (tableName) => {
    const { lang } = store.getState();
    store.notify(null);
    const r = await writePortableCopy(tableName, mode);
    const text = tt(lang, "portableDone", { sheet: r.sheetName, translated: r.translated, frozen: r.frozen });
    const details = [
      ...(r.unreadableRows.length > 0
        ? [tt(lang, "portableUnreadable", { rows: rowsText(r.unreadableRows, lang) })]
        : []),
      ...(r.valueCells.length > 0 ? [valueCellsText(r.valueCells, lang)] : []),
    ];
    store.notify(details.length > 0 ? { intent: "warning", text, details } : { intent: "success", text });
  });

export const exportPlan = (store: PaneStore) =>
  withTable(store, "exportPlan", async (tableName) => {
    const { lang } = store.getState();
    store.notify(null);
    // Record what was typed since the last recording first, so the file carries every revision's history.
    const recorded = await recordFigures(tableName);
    const r = await exportWorkbookPlan(tableName);
    const skipped = r.skipped.map((s) => describeExportSkip(s, lang));
    const notRecorded = recorded.kind === "blocked" ? [recorded.block.message[lang]] : [];
    if (!r.ok && r.store) {
      // The stored plan cannot be used: say which and why, and offer the repair (never a made-up plan).
      store.notify({ intent: "error", text: tt(lang, "exportStoreProblem"), details: [r.store.message[lang]] });
      if (r.store.kind !== "otherPlan") {
        const { proposal } = await diagnoseStoredPlan();
        store.setState({ repair: proposal.kind === "none" ? null : proposal });
      }
      return;
    }
    if (!r.ok)
      return store.notify({
        intent: "error",
        text: tt(lang, "exportRefused"),
        details: [...r.issues.map((i) => i.message[lang]), ...skipped, ...notRecorded],
      });
    downloadText(r.fileName, r.text);
    const origin = r.origin.kind === "stored" ? [] : [r.origin.message[lang]];
    const details = [...origin, ...skipped, ...notRecorded];
    store.notify({
      intent: skipped.length > 0 || origin.length > 0 ? "warning" : "success",
      text: tt(lang, "exportDone", { file: r.fileName, count: r.plan.indicators.length }),
      ...(details.length > 0 ? { details } : {}),
    });
  });

/** The auto-open switch; `shown(on)` gets the document's state after the change (null: read it again). */
export const setAutoOpen = (store: PaneStore, on: boolean, shown: (on: boolean | null) => void) =>
  store.run("autoOpen", async () => {
    const { lang } = store.getState();
    const now = await switchAutoOpen(on);
    const notes = now.notes.map((m) => m[lang]);
    shown(now.autoOpen);
    if (now.autoOpen === null)
      return store.notify({ intent: "warning", text: tt(lang, "autoOpenNotChanged"), details: notes });
    const text = tt(lang, on ? "autoOpenOn" : "autoOpenOff");
    store.notify(notes.length > 0 ? { intent: "warning", text, details: notes } : { intent: "success", text });
  });

/** The plan Insert template writes from now on. */
export function choosePlan(store: PaneStore, plan: Plan, encodingNote?: string): void {
  const { lang } = store.getState();
  store.setState({ chosenPlan: plan });
  store.notify({
    intent: "success",
    text: tt(lang, "importChosen", { plan: plan.title[lang], count: plan.indicators.length }),
    ...(encodingNote ? { details: [encodingNote] } : {}),
  });
}

export function readPlanText(store: PaneStore, text: string, encodingNote?: string): void {
  const { lang } = store.getState();
  const r = parsePlanFile(text);
  if (r.ok) return choosePlan(store, r.plan, encodingNote);
  store.notify({
    intent: "error",
    text: tt(lang, "importProblems", { count: r.issues.length }),
    details: [...(encodingNote ? [encodingNote] : []), ...r.issues.slice(0, 20).map((i) => i.message[lang])],
  });
}

export const readPlanFile = (store: PaneStore, file: File) =>
  store.run("importFile", async () => {
    const { lang } = store.getState();
    // Notepad saves UTF-8, UTF-16 or GBK ("ANSI"): decode the bytes, or say why not, never import mojibake.
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return store.notify({ intent: "error", text: decoded.message[lang] });
    readPlanText(store, decoded.text, decoded.note?.[lang]);
  });

/** Reads the table selected in a sheet; `found` gets the reading to confirm in the form. */
export const readSelectedTable = (store: PaneStore, found: (table: TableImportResult) => void) =>
  store.run("importSelection", async () => {
    const { lang } = store.getState();
    const { address, values } = await readSelectedValues();
    // Messages name sheet rows: the selection's first row is in its address (Sheet1!B3:H25).
    const firstRow = Number(/^\$?[A-Z]+\$?(\d+)/.exec(address.slice(address.lastIndexOf("!") + 1))?.[1] ?? 1);
    const r = parsePlanTable(values, { firstRow });
    if (!r.ok) return store.notify({ intent: "error", text: r.message[lang] });
    store.notify(null);
    found(r);
  });
