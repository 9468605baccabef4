/**
 * Export the workbook's plan as a plan file (format 2) with the figures entered: one sync reads the
 * template table and the plan stored in the workbook (custom XML part, or the pane's settings);
 * the core turns the rows back into indicators (src/core/planExport.ts). A table that gives no
 * valid plan is refused with the reasons, in staff words: no file is made up.
 */
import { planFromTemplate, type ExportSkip } from "../core/planExport";
import { serializePlanFile, type PlanFileIssue } from "../core/planFile";
import type { Plan } from "../core/planSchema";
import { migrateSettingsState, PLAN_NAMESPACE, readStoreXml } from "../core/workbookStore";
import { parseRangeAddress } from "./a1";
import { runRead } from "./excelRun";
import { STATE_KEY } from "./templateState";

export interface ExportedPlan {
  ok: true;
  plan: Plan;
  /** The plan file's text, as serializePlanFile writes it. */
  text: string;
  /** A file name from the plan's id: zhangye-sti-14th-fyp.plan.json. */
  fileName: string;
  skipped: ExportSkip[];
}

/** Why no file was written: each row left out, and what the plan as read lacks. */
export interface RefusedExport {
  ok: false;
  skipped: ExportSkip[];
  issues: PlanFileIssue[];
}

export async function exportWorkbookPlan(tableName: string): Promise<ExportedPlan | RefusedExport> {
  return runRead(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load(["values", "address"]);
    const part = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE).getOnlyItemOrNullObject();
    const xml = part.getXml();
    const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY).load("value");
    await context.sync();

    // A ClientResult has no load(): its value is there after the sync (the rule knows proxies only).
    // eslint-disable-next-line office-addins/load-object-before-read
    const fromPart = part.isNullObject ? null : readStoreXml(xml.value);
    const fromSettings = setting.isNullObject ? null : migrateSettingsState(setting.value);
    const stored =
      fromPart?.kind === "ok" ? fromPart.doc.plan : fromSettings?.kind === "ok" ? fromSettings.doc.plan : null;
    const firstSheetRow = parseRangeAddress(body.address).firstRow;
    const result = planFromTemplate(stored, header.values[0] ?? [], body.values, { firstSheetRow });
    if (!result.ok) return { ok: false, skipped: result.skipped, issues: result.issues };
    const slug = result.plan.id.replace(/[^A-Za-z0-9_.-]/g, "-");
    return {
      ok: true,
      plan: result.plan,
      text: serializePlanFile(result.plan),
      fileName: `${slug}.plan.json`,
      skipped: result.skipped,
    };
  });
}
