/**
 * What the pane does around its own operations so the plan travels with the workbook:
 * after an insert or a highlight change, the pane's state is copied into the workbook's plan part;
 * after the first insert, the workbook is tagged to open the pane (unless staff turned that off);
 * when the pane opens, state missing from settings is restored from the part.
 */
import { carryFigureRecords } from "../../../core/figureHistory";
import type { Plan } from "../../../core/planSchema";
import type { StoreRead } from "../../../core/workbookStore";
import { setAutoOpen } from "../../../excel/autoOpen";
import { mirrorSettingsToPart, readWorkbookPlan, restoreSettingsFromPart } from "../../../excel/workbookPlanStore";

/**
 * Call after insertTemplate with the plan it wrote: stores the plan in the workbook and tags it to open the pane.
 * `imported`: staff chose this plan themselves, so it replaces a stored part the add-in could not trust.
 */
export async function afterInsert(created: boolean, plan: Plan, imported = false): Promise<void> {
  // The figures' records (release, source, history) and approved adjustments stay with the stored plan.
  await mirrorSettingsToPart({}, { replace: imported, plan, carry: carryFigureRecords });
  if (!created) return;
  const { read } = await readWorkbookPlan();
  const wanted = read.kind === "ok" ? read.doc.state.autoOpen : true;
  await setAutoOpen(wanted);
}

/** Call after highlights are turned on or off: the rule ids travel with the plan. */
export async function afterHighlight(): Promise<void> {
  await mirrorSettingsToPart();
}

/** When the pane opens: restore the pane's settings from the part if needed; report a part it cannot use. */
export async function onPaneOpen(): Promise<{
  restored: boolean;
  problem: Exclude<StoreRead, { kind: "ok" } | { kind: "none" }> | null;
}> {
  const restored = (await restoreSettingsFromPart()) === "restored";
  const { read } = await readWorkbookPlan();
  return { restored, problem: read.kind === "ok" || read.kind === "none" ? null : read };
}

/** The auto-open switch: the document tag, the startup behaviour and the stored preference together. */
export async function switchAutoOpen(on: boolean): Promise<boolean | null> {
  const result = await setAutoOpen(on);
  await mirrorSettingsToPart({ autoOpen: on });
  return result ? result.autoOpen : null;
}
