/**
 * The workbook keeps the plan twice over: the pane's small state in workbook settings
 * (PlanTracker.template: which table, language, the plan's id and title, what the add-in wrote) and
 * the whole plan with its state in custom XML parts (workbookPlanStore.ts). When one copy cannot be
 * read, every button that needs it refuses; this module says what can be recovered from the copy
 * that is intact, and does it when staff click Repair (修复):
 *
 * - restoreSettings: the settings are missing or unreadable, the stored plan is intact → the
 *   settings are written again from it (the pane also does this by itself when it opens);
 * - keepCopy: several stored copies (workbooks merged) → the readable copy of the table's plan
 *   saved last is kept; the others are given back as files first, then removed;
 * - rebuildFromTable: the stored plan is unreadable, edited outside the add-in, missing a piece, or
 *   missing altogether, while the settings are intact → it is rebuilt from the indicator table as
 *   it is now (the plan's title, code and source from the settings' record, each row as Export
 *   reads it); the damaged copy is given back as a file first; figure records and adjustment
 *   records that only the damaged copy held are lost, and the outcome says so;
 * - resetState: nothing is intact (unreadable settings, no usable stored plan) → the unreadable
 *   setting and stored copies are given back as files and removed, so Insert template can start
 *   afresh on a new sheet (the old sheet stays as it is);
 * - updateAddin: a copy written by a newer version of the add-in → nothing is touched.
 *
 * Nothing is removed without being handed back first as a file (`backups`), nothing is made up.
 * Round trips: 1 to read (more for a plan kept in pieces), 1 to read the table when rebuilding,
 * then the write (1, more for pieces).
 */
import { countOf } from "../core/messages";
import { planFromTemplate } from "../core/planExport";
import { serializePlanFile } from "../core/planFile";
import { DEFAULT_STATE, type StoredState } from "../core/workbookStore";
import { otherGoalsResult, queueOtherGoalsRead } from "./readTemplate";
import { parseRangeAddress } from "./a1";
import { runWrite } from "./excelRun";
import { keeper, proposeRepair, settingsOf, type Message, type RepairKind } from "./storedPlanDiagnosis";
import { STATE_KEY } from "./templateState";
import {
  finishPlanStoreRead,
  queuePlanStoreRead,
  queuePlanStoreWrite,
  queueSettingsFromPart,
  type StoredPart,
} from "./workbookPlanStore";

// The check the pane runs when it opens lives in storedPlanDiagnosis.ts (no repair code loaded with it).
export { diagnoseStoredPlan, proposeRepair, type RepairKind, type RepairProposal } from "./storedPlanDiagnosis";

/** A file handed back before something is removed or replaced. */
export interface RepairBackup {
  fileName: string;
  text: string;
}

export type RepairOutcome =
  | { kind: "repaired"; repair: Exclude<RepairKind, "none" | "updateAddin">; done: Message[]; backups: RepairBackup[] }
  | { kind: "notNeeded" | "refused"; message: Message };

function stamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}

/** Every stored copy that is about to go, as files: a readable one as a plan file, else its XML as it is. */
function backupsOf(parts: readonly StoredPart[], now: Date, skip: string | null): RepairBackup[] {
  return parts
    .filter((p) => p.partId !== skip)
    .map((p, i) =>
      p.read.kind === "ok"
        ? {
            fileName: `${p.read.doc.plan.id}-${stamp(now)}-copy${i + 1}.plan.json`,
            text: serializePlanFile(p.read.doc.plan),
          }
        : {
            fileName: `plan-tracker-damaged-${stamp(now)}-copy${i + 1}.xml`,
            text: [p.xml, ...p.pieceXml.map((x) => x ?? "<!-- piece missing -->")].join("\n"),
          },
    );
}

const DONE = {
  settings: {
    zh: "已按工作簿中保存的规划重写加载项状态。",
    en: "The add-in's state was written again from the stored plan.",
  },
  kept: (savedAt: string, title: string, id: string): Message => ({
    zh: `已保留 ${savedAt.slice(0, 16).replace("T", " ")} 保存的“${title}”（${id}），其余各份已下载备份后删除。`,
    en: `Kept “${title}” (${id}) saved ${savedAt.slice(0, 16).replace("T", " ")}; the other copies were downloaded as files, then removed.`,
  }),
  rebuilt: (count: number, skipped: number): Message => ({
    zh: `已按指标表重建保存的规划（${count} 个指标${skipped > 0 ? `，${skipped} 处无法读取的单元格未计入，见下列各条` : ""}）；损坏的副本已下载备份。`,
    en: `The stored plan was rebuilt from the indicator table (${countOf(count, "indicator", "indicators")}${skipped > 0 ? `; ${countOf(skipped, "cell that cannot be read was", "cells that cannot be read were")} left out, see below` : ""}); the damaged copy was downloaded as a file.`,
  }),
  reset: {
    zh: "已下载备份并删除损坏的设置和保存的规划。请点击“插入模板”重新开始（写入新工作表）。",
    en: "The damaged setting and stored plan were downloaded as files and removed. Choose Insert template to start again (on a new sheet).",
  },
};

/**
 * Repairs what proposeRepair proposes, reading the workbook again first (it may have changed since
 * the proposal). `now` dates the backups and the rewritten plan.
 */
export async function repairStoredPlan(options: { now?: () => Date } = {}): Promise<RepairOutcome> {
  const now = (options.now ?? (() => new Date()))();
  return runWrite(async (context) => {
    const q = queuePlanStoreRead(context);
    await context.sync();
    const found = await finishPlanStoreRead(context, q);
    const proposal = proposeRepair(found);
    const settings = settingsOf(found);
    const { read } = found;
    switch (proposal.kind) {
      case "none":
        return { kind: "notNeeded", message: proposal.action };
      case "updateAddin":
        return { kind: "refused", message: proposal.action };
      case "restoreSettings": {
        if (read.kind !== "ok") return { kind: "refused", message: proposal.action };
        queueSettingsFromPart(context, read.doc);
        await context.sync();
        return { kind: "repaired", repair: "restoreSettings", done: [DONE.settings], backups: [] };
      }
      case "keepCopy": {
        const keep = keeper(found, settings.state?.state.plan.id ?? null);
        if (!keep || keep.read.kind !== "ok") return { kind: "refused", message: proposal.action };
        const backups = backupsOf(found.copies, now, keep.partId);
        const doc = keep.read.doc;
        // The kept copy is written again as it is (its pieces too), the others and stray pieces removed.
        await queuePlanStoreWrite(context, { ...found, partId: keep.partId }, doc);
        const done = [DONE.kept(doc.savedAt, doc.plan.title.zh, doc.plan.id)];
        if (settings.unreadable || !found.settingsPresent) {
          if (doc.state.tableName !== null) {
            queueSettingsFromPart(context, doc);
            done.push(DONE.settings);
          }
        }
        await context.sync();
        return { kind: "repaired", repair: "keepCopy", done, backups };
      }
      case "rebuildFromTable": {
        const state = settings.state;
        if (!state) return { kind: "refused", message: proposal.action };
        const table = context.workbook.tables.getItemOrNullObject(state.state.tableName);
        const header = table.getHeaderRowRange().load("values");
        const body = table.getDataBodyRange().load(["values", "address"]);
        const otherRange = queueOtherGoalsRead(context, state.state.tableName);
        await context.sync();
        if (table.isNullObject)
          return {
            kind: "refused",
            message: {
              zh: `找不到指标表 ${state.state.tableName}，无法据以重建保存的规划。可重新导入规划文件。`,
              en: `The indicator table ${state.state.tableName} is not there, so the stored plan cannot be rebuilt from it. Import the plan file again.`,
            },
          };
        // The other goals' block below the table too (their figures, kept only in the damaged plan, are not).
        const other = otherGoalsResult(otherRange);
        const rebuilt = planFromTemplate(state.legacyPlan, header.values[0] ?? [], body.values, {
          firstSheetRow: parseRangeAddress(body.address).firstRow,
          identity: state.state.plan,
          otherGoals: other && { headers: other.headers, rows: other.values, firstSheetRow: other.body.firstRow },
        });
        if (!rebuilt.ok)
          return {
            kind: "refused",
            message: {
              zh: `无法按指标表重建保存的规划：${rebuilt.issues.map((i) => i.message.zh).join("；")}`,
              en: `The stored plan cannot be rebuilt from the indicator table: ${rebuilt.issues.map((i) => i.message.en).join("; ")}`,
            },
          };
        const stored: StoredState = {
          ...DEFAULT_STATE,
          tableName: state.state.tableName,
          lang: state.state.lang,
          highlightRuleIds: state.state.highlightRuleIds,
        };
        const backups = backupsOf(found.copies, now, null);
        const partId = found.partId ?? found.mainIds[0] ?? null;
        await queuePlanStoreWrite(
          context,
          { ...found, partId },
          { plan: rebuilt.plan, state: stored, savedAt: now.toISOString() },
        );
        await context.sync();
        return {
          kind: "repaired",
          repair: "rebuildFromTable",
          done: [DONE.rebuilt(rebuilt.plan.indicators.length, rebuilt.skipped.length)],
          backups,
        };
      }
      case "resetState": {
        const backups = backupsOf(found.copies, now, null);
        if (settings.unreadable)
          backups.push({
            fileName: `plan-tracker-setting-${stamp(now)}.txt`,
            text: typeof found.settingsValue === "string" ? found.settingsValue : JSON.stringify(found.settingsValue),
          });
        for (const id of [...found.mainIds, ...found.pieceIds]) context.workbook.customXmlParts.getItem(id).delete();
        if (settings.unreadable) context.workbook.settings.getItem(STATE_KEY).delete();
        await context.sync();
        return { kind: "repaired", repair: "resetState", done: [DONE.reset], backups };
      }
    }
  });
}
