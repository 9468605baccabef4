/**
 * Repair of the stored plan (修复, repairStoredPlan.ts), under the pane's operation lock. Apart from the
 * sharing panel's other actions: the repair is offered in the pane as soon as it opens, and this module
 * keeps the plan-file parsers (and zod) out of what the pane loads at start-up.
 */
import { repairStoredPlan } from "../../../excel/repairStoredPlan";
import type { PaneStore } from "../store/paneStore";
import { downloadText } from "./download";
import { tt } from "./travelStrings";

export const repairStored = (store: PaneStore) =>
  store.run("storedRepair", async () => {
    const { lang } = store.getState();
    const outcome = await repairStoredPlan();
    if (outcome.kind !== "repaired") {
      store.notify({ intent: outcome.kind === "notNeeded" ? "info" : "warning", text: outcome.message[lang] });
      if (outcome.kind === "notNeeded") store.setState({ repair: null });
      return;
    }
    // Nothing removed is lost: each copy replaced or removed is handed back as a file.
    for (const b of outcome.backups) downloadText(b.fileName, b.text);
    store.setState({ repair: null });
    store.notify({
      intent: "success",
      text: tt(lang, "repairDone"),
      details: [
        ...outcome.done.map((m) => m[lang]),
        ...outcome.backups.map((b) => tt(lang, "repairBackup", { file: b.fileName })),
      ],
    });
    await store.reload();
  });
