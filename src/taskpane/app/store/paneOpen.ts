/**
 * When the pane opens: the add-in's settings are restored from the stored plan when they are missing or
 * unreadable, and stored data that cannot be used is diagnosed with the repair that would fix it
 * (storedCopy.ts onPaneOpen). It runs with the store, not in the sharing panel, because that panel is
 * loaded only when staff open it; the repair it proposes is shown there and in the notice area.
 */
import { onPaneOpen } from "../travel/storedCopy";
import { t } from "../i18n";
import type { PaneStore } from "./paneStore";
import { toHostError } from "../../../excel/excelRun";

export async function checkStoredPlan(store: PaneStore): Promise<void> {
  const { lang } = store.getState();
  try {
    // It may restore the settings and the plan part: no figure recording beside it.
    const opened = await store.withoutRecording(() => onPaneOpen());
    if (opened.proposal.kind !== "none") store.setState({ repair: opened.proposal });
    if (opened.restored) {
      store.notify({
        intent: "info",
        text: t(lang, opened.restored === "repaired" ? "storedRepaired" : "storedRestored"),
      });
      await store.reload();
    }
  } catch (err) {
    const error = toHostError(err);
    // Outside Excel nothing is stored to check: said once, as what it is, not as a failure.
    if (error.code === "notInExcel") store.notify({ intent: "info", text: t(lang, "storeNotChecked") });
    else store.reportFailure("paneOpen", error);
  }
}
