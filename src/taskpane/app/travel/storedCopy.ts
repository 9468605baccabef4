/**
 * What the pane does, when it opens and after a highlight change, so the workbook's plan part follows the
 * pane's own state: when the pane opens, state missing from settings (or unreadable there) is restored from
 * the part, and what else cannot be used is diagnosed with the repair that would fix it; after highlights
 * are turned on or off the rule ids are copied into the part. Kept apart from travelActions.ts (insert and
 * auto-open), which is loaded only with the operations that use it. Each returns, in staff words, what it
 * could not do: the caller shows those; nothing is dropped.
 */
import { diagnoseStoredPlan, type RepairProposal } from "../../../excel/storedPlanDiagnosis";
import { mirrorSettingsToPart, restoreSettingsFromPart, type SaveOutcome } from "../../../excel/workbookPlanStore";

export type Message = { zh: string; en: string };

/** What a save that did not happen means for staff (the store's own message says why). */
export function notSaved(outcome: SaveOutcome): Message[] {
  if (outcome.saved || outcome.blocked === null) return [];
  return [
    {
      zh: `工作簿中保存的规划未更新：${outcome.blocked.message.zh}`,
      en: `The plan stored in the workbook was not updated: ${outcome.blocked.message.en}`,
    },
  ];
}

/** Call after highlights are turned on or off: the rule ids travel with the plan. */
export async function afterHighlight(): Promise<Message[]> {
  return notSaved(await mirrorSettingsToPart());
}

export interface PaneOpening {
  /** restored: the settings were missing; repaired: they could not be read. Both from the intact part. */
  restored: "restored" | "repaired" | null;
  /** What the workbook holds that cannot be used, and what Repair would do (kind "none": all is well). */
  proposal: RepairProposal;
}

/** When the pane opens: restore the pane's settings from the part if needed; diagnose what else cannot be used. */
export async function onPaneOpen(): Promise<PaneOpening> {
  const restored = await restoreSettingsFromPart();
  const { proposal } = await diagnoseStoredPlan();
  return { restored: restored === "restored" || restored === "repaired" ? restored : null, proposal };
}
