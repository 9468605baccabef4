/**
 * What the pane does around its own operations so the plan travels with the workbook, for the operations
 * loaded when used: after an insert the pane's state is copied into the workbook's plan part and, after the
 * first insert, the workbook is tagged to open the pane (unless staff turned that off); the auto-open switch.
 * What runs when the pane opens and after a highlight change is in storedCopy.ts, apart from the auto-open
 * code. Each returns, in staff words, what it could not do (a part it may not overwrite, auto-open not
 * available here): the caller shows those; nothing is dropped.
 */
import { carryFigureRecords } from "../../../core/figureHistory";
import type { Plan } from "../../../core/planSchema";
import { autoOpenUnavailableReason, setAutoOpen, type AutoOpenResult } from "../../../excel/autoOpen";
import { mirrorSettingsToPart, readWorkbookPlan } from "../../../excel/workbookPlanStore";
import { notSaved, type Message } from "./storedCopy";

/** What setting auto-open could not do. */
export function autoOpenNotes(result: AutoOpenResult | null): Message[] {
  if (result === null) {
    const reason = autoOpenUnavailableReason();
    return reason ? [reason] : [];
  }
  if (result.startup === "unsupported" && result.autoOpen)
    return [
      {
        zh: "此版本的 Excel 没有共享运行时（SharedRuntime 1.1）：工作簿打开时会显示任务窗格，但 PLAN 函数和标出滞后指标要等任务窗格打开后才就绪。",
        en: "This version of Excel has no shared runtime (SharedRuntime 1.1): the pane opens with the workbook, but the PLAN functions and highlights are ready only once it has.",
      },
    ];
  if (result.startup === "failed")
    return [
      {
        zh: `Excel 拒绝了加载项的启动设置（${result.startupError ?? ""}）：随工作簿打开的标记已保存，但下次打开时 PLAN 函数要等任务窗格打开后才就绪。`,
        en: `Excel refused the add-in's startup setting (${result.startupError ?? ""}): the workbook is tagged to open the pane, but next time the PLAN functions are ready only once the pane has opened.`,
      },
    ];
  return [];
}

/**
 * Call after insertTemplate with the plan it wrote: stores the plan in the workbook and tags it to open the pane.
 * `imported`: staff chose this plan themselves, so it replaces a stored part the add-in could not trust.
 */
export async function afterInsert(created: boolean, plan: Plan, imported = false): Promise<Message[]> {
  // The figures' records (release, source, history) and approved adjustments stay with the stored plan.
  const notes = notSaved(await mirrorSettingsToPart({}, { replace: imported, plan, carry: carryFigureRecords }));
  if (!created) return notes;
  const { read } = await readWorkbookPlan();
  const wanted = read.kind === "ok" ? read.doc.state.autoOpen : true;
  return [...notes, ...autoOpenNotes(await setAutoOpen(wanted))];
}

/** The auto-open switch: the document tag, the startup behaviour and the stored preference together. */
export async function switchAutoOpen(on: boolean): Promise<{ autoOpen: boolean | null; notes: Message[] }> {
  const result = await setAutoOpen(on);
  const notes = autoOpenNotes(result);
  if (result !== null) notes.push(...notSaved(await mirrorSettingsToPart({ autoOpen: on })));
  return { autoOpen: result ? result.autoOpen : null, notes };
}
