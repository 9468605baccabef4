/**
 * The pane's actions on the template other than Insert, each under the operation lock: validate, apply
 * the previewed fixes, highlight on/off, restore headers and ids, set the evaluation year, go to a cell.
 * Without a template they say so (the controls are disabled then); no host error is made up for it.
 */
import { columnLetters } from "../../../excel/a1";
import { applyFixes, type CellFix } from "../../../excel/applyFixes";
import { setEvaluationYear } from "../../../excel/evaluationYear";
import { applyHighlightRules, removeHighlightRules } from "../../../excel/highlights";
import { readTemplate } from "../../../excel/readTemplate";
import { repairTemplate } from "../../../excel/repairTemplate";
import { selectRange } from "../../../excel/selectCell";
import { planFromSnapshot } from "../../../excel/sheetPlan";
import { failureText } from "../hostErrorText";
import { t } from "../i18n";
import { describeLeftRules, describeRepair } from "../integrityView";
import { afterHighlight } from "../travel/storedCopy";
import { buildFindings } from "../validationView";
import type { OperationName } from "./operations";
import type { PaneStore, RunOutcome } from "./paneStore";
import { readyOf, type ReadyPlan } from "./planState";

/** Runs `work` with the template as last read, under the lock; without one, says there is none. */
function withTemplate(
  store: PaneStore,
  op: OperationName,
  work: (ready: ReadyPlan) => Promise<void>,
): Promise<RunOutcome> {
  return store.run(op, async () => {
    const ready = readyOf(store.getState().plan);
    if (!ready) return store.notify({ intent: "warning", text: t(store.getState().lang, "noTemplate") });
    await work(ready);
  });
}

async function revalidate(store: PaneStore, tableName: string): Promise<void> {
  const snapshot = await readTemplate(tableName);
  store.setState({ findings: buildFindings(planFromSnapshot(snapshot), store.getState().lang) });
}

export const validate = (store: PaneStore) =>
  withTemplate(store, "validate", async (ready) => {
    store.notify(null);
    await revalidate(store, ready.snapshot.tableName);
  });

export const fixCells = (store: PaneStore, fixes: CellFix[]) =>
  withTemplate(store, "fixes", async (ready) => {
    const { lang } = store.getState();
    const outcome = await applyFixes(ready.snapshot.tableName, fixes);
    const parts = [t(lang, "fixesApplied", { applied: outcome.applied.length })];
    if (outcome.skipped.length > 0) parts.push(t(lang, "fixesSkipped", { skipped: outcome.skipped.length }));
    store.notify({ intent: outcome.skipped.length > 0 ? "warning" : "success", text: parts.join(" ") });
    await revalidate(store, ready.snapshot.tableName);
    await store.reload();
  });

export const highlight = (store: PaneStore, on: boolean) =>
  withTemplate(store, "highlight", async (ready) => {
    const { lang } = store.getState();
    const change = on ? await applyHighlightRules(ready.snapshot) : await removeHighlightRules(ready.snapshot);
    // Rules behind stored ids that are not (any more) the add-in's were left: say which.
    const details = describeLeftRules(change.left, lang);
    await afterHighlight().then(
      (notStored) => details.push(...notStored.map((m) => m[lang])),
      (e: unknown) => details.push(t(lang, "highlightNotStored", { reason: failureText(e, lang) })),
    );
    const text = t(lang, on ? "highlightOn" : "highlightOff");
    store.notify(details.length > 0 ? { intent: "warning", text, details } : { intent: "success", text });
    await store.reload();
  });

export const restoreTemplate = (store: PaneStore) =>
  withTemplate(store, "templateRepair", async (ready) => {
    store.notify(describeRepair(await repairTemplate(ready.snapshot.tableName), store.getState().lang));
    store.setState({ findings: null });
    await store.reload();
  });

export const chooseEvaluationYear = (store: PaneStore, year: number | null) =>
  withTemplate(store, "evaluationYear", async (ready) => {
    const { lang } = store.getState();
    await setEvaluationYear(ready.snapshot.tableName, year);
    store.notify({
      intent: "success",
      text: year === null ? t(lang, "evaluationYearCleared") : t(lang, "evaluationYearSet", { year }),
    });
    await store.reload();
  });

export const goToCell = (store: PaneStore, address: string) =>
  withTemplate(store, "selectCell", (ready) => selectRange(ready.snapshot.sheetName, address));

/** Selects an indicator in the pane (its chart) and its row in the sheet. */
export function selectIndicator(store: PaneStore, id: string): Promise<RunOutcome> | null {
  store.setState({ selectedId: id });
  const ready = readyOf(store.getState().plan);
  const row = ready?.sheet.rowOf.get(id);
  if (!ready || row === undefined) return null;
  const { firstColumn } = ready.snapshot.body;
  const last = firstColumn + Math.max(ready.snapshot.headers.length, 1) - 1;
  return goToCell(store, `${columnLetters(firstColumn)}${row}:${columnLetters(last)}${row}`);
}
