/**
 * What the workbook's stored plan and settings hold that cannot be used, and what Repair (修复) would do
 * about it (repairStoredPlan.ts describes each repair and does it). The pane runs this check every time
 * it opens; the repair itself, with the plan-file writer and the table reader it needs, is loaded only
 * when a repair is offered.
 */
import type { StoreRead } from "../core/workbookStore";
import { runRead } from "./excelRun";
import { parseState } from "./templateState";
import { finishPlanStoreRead, queuePlanStoreRead, type PlanStoreRead, type StoredPart } from "./workbookPlanStore";

export type Message = { zh: string; en: string };

export type RepairKind = "none" | "restoreSettings" | "keepCopy" | "rebuildFromTable" | "resetState" | "updateAddin";

export interface RepairProposal {
  kind: RepairKind;
  /** What is wrong (the store's or the settings' own message), when something is. */
  problem: Message | null;
  /** What Repair will do, in staff words (or why it cannot). */
  action: Message;
}

const SETTINGS_UNREADABLE: Message = {
  zh: "工作簿中保存的加载项状态（设置 PlanTracker.template）已损坏，无法读取，因此各按钮都无法使用。",
  en: "The add-in's state saved in this workbook (setting PlanTracker.template) is damaged and cannot be read, so the buttons cannot be used.",
};

const ACTIONS: Record<RepairKind, Message> = {
  none: {
    zh: "工作簿中保存的规划和加载项状态都完好，无需修复。",
    en: "The stored plan and the add-in's state are intact; nothing to repair.",
  },
  restoreSettings: {
    zh: "修复：按工作簿中保存的规划（完好）重写加载项状态。之后刷新指标表时，凡与模板不同的单元格都按工作人员填写的处理，不会被覆盖。",
    en: "Repair: write the add-in's state again from the stored plan, which is intact. The next refresh treats every cell that differs from the template as typed by staff and never overwrites it.",
  },
  keepCopy: {
    zh: "修复：保留与指标表一致、最近保存的一份规划，其余各份先下载为文件备份，再从工作簿中删除。",
    en: "Repair: keep the stored plan that matches the indicator table and was saved last; the other copies are downloaded as files first, then removed from the workbook.",
  },
  rebuildFromTable: {
    zh: "修复：按指标表现有内容重建工作簿中保存的规划（规划名称、代码和来源取自插入模板时的记录），损坏的副本先下载为文件备份。损坏副本中才有的数据来源、修订记录和目标调整记录无法找回。",
    en: "Repair: rebuild the stored plan from the indicator table as it is now (the plan's title, code and source from the record made when the template was inserted); the damaged copy is downloaded as a file first. Figure sources, revision records and target adjustment records that only the damaged copy held cannot be recovered.",
  },
  resetState: {
    zh: "修复：工作簿中已没有完好的规划或加载项状态可据以恢复。将损坏的设置和保存的规划先下载为文件备份，再从工作簿中删除；之后可重新插入模板（写入新工作表，原工作表保持不变）。",
    en: "Repair: nothing intact is left to recover the plan or the add-in's state from. The damaged setting and stored plan are downloaded as files first, then removed; you can then insert the template again (on a new sheet; the old sheet stays as it is).",
  },
  updateAddin: {
    zh: "工作簿中的规划由更新版本的加载项保存，本版本不作修复，请更新加载项。",
    en: "The stored plan was saved by a newer version of the add-in; this version does not repair it. Please update the add-in.",
  },
};

type SettingsState = ReturnType<typeof parseState>;

export function settingsOf(found: PlanStoreRead): { state: SettingsState; unreadable: boolean } {
  const state = found.settingsPresent ? parseState(found.settingsValue) : null;
  return { state, unreadable: found.settingsPresent && state === null };
}

/** The copy to keep among several: a readable one of the table's plan, saved last. */
export function keeper(found: PlanStoreRead, planId: string | null): StoredPart | null {
  const readable = found.copies.filter(
    (c): c is StoredPart & { read: Extract<StoreRead, { kind: "ok" }> } => c.read.kind === "ok",
  );
  const matching = planId === null ? readable : readable.filter((c) => c.read.doc.plan.id === planId);
  const pool = matching.length > 0 ? matching : planId === null ? readable : [];
  return [...pool].sort((a, b) => (a.read.doc.savedAt < b.read.doc.savedAt ? 1 : -1))[0] ?? null;
}

/** What Repair would do for what the workbook holds (pure). */
export function proposeRepair(found: PlanStoreRead): RepairProposal {
  const { read } = found;
  const settings = settingsOf(found);
  const propose = (kind: RepairKind, problem: Message | null): RepairProposal => ({
    kind,
    problem,
    action: ACTIONS[kind],
  });
  if (read.kind === "newer" || found.copies.some((c) => c.read.kind === "newer"))
    return propose("updateAddin", read.kind === "ok" || read.kind === "none" ? null : read.message);
  if (read.kind === "ok") {
    // A part read from the part itself (not migrated from the settings) with settings that cannot be read.
    if (found.partId !== null && (settings.unreadable || !found.settingsPresent) && read.doc.state.tableName !== null)
      return propose("restoreSettings", settings.unreadable ? SETTINGS_UNREADABLE : null);
    return propose("none", null);
  }
  if (read.kind === "duplicate") {
    if (keeper(found, settings.state?.state.plan.id ?? null)) return propose("keepCopy", read.message);
    return propose(settings.state ? "rebuildFromTable" : "resetState", read.message);
  }
  if (read.kind === "none") {
    // No stored plan: rebuilt when the settings say which table and plan; nothing to do otherwise.
    if (settings.state && settings.state.legacyPlan === null)
      return propose("rebuildFromTable", {
        zh: "工作簿中没有保存规划（自定义 XML 部件），数据来源和修订记录无处保存。",
        en: "The workbook keeps no stored plan (custom XML part), so figure sources and revisions have nowhere to be kept.",
      });
    return propose("none", null);
  }
  // unreadable / tampered: the part, or (no part) the settings themselves.
  if (settings.state) return propose("rebuildFromTable", read.message);
  if (!settings.unreadable || found.mainIds.length === 0)
    return propose("resetState", found.mainIds.length === 0 ? SETTINGS_UNREADABLE : read.message);
  return propose("resetState", {
    zh: `${SETTINGS_UNREADABLE.zh}${read.message.zh}`,
    en: `${SETTINGS_UNREADABLE.en} ${read.message.en}`,
  });
}

/** What the workbook holds and what Repair would do: 1 sync (more for a plan in pieces or several copies). */
export async function diagnoseStoredPlan(): Promise<{ found: PlanStoreRead; proposal: RepairProposal }> {
  return runRead(async (context) => {
    const q = queuePlanStoreRead(context);
    await context.sync();
    const found = await finishPlanStoreRead(context, q);
    return { found, proposal: proposeRepair(found) };
  });
}
