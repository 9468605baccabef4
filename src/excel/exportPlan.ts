/**
 * Export the workbook's plan as a plan file (format 2) with the figures entered: one sync reads the
 * template table, its sheet's name, the pane's settings and the plan stored in the workbook (more
 * only for a plan kept in pieces, or several stored copies); the core turns the rows back into
 * indicators (src/core/planExport.ts). Nothing is made up:
 * - a stored plan the add-in can use gives the plan-level facts (title, source, period, records);
 * - no stored plan at all (a table typed into Excel, or a workbook whose stored copy is gone) is a
 *   real case: the id and title come from the template's record of the plan it was written from
 *   (the pane's settings), else from the sheet and the table; the file then has no source document,
 *   and the result says so and where the name came from;
 * - a stored plan that cannot be used (unreadable, edited outside the add-in, from a newer version,
 *   several copies, or another plan than the table's) refuses the export with the store's own
 *   message, so the pane can offer the repair (repairStoredPlan.ts);
 * - a table that gives no valid plan is refused with the reasons, in staff words.
 */
import { planFromTemplate, type ExportSkip, type PlanIdentity } from "../core/planExport";
import { serializePlanFile, type PlanFileIssue } from "../core/planFile";
import type { Plan } from "../core/planSchema";
import type { StoreProblem } from "../core/workbookStore";

type Message = { zh: string; en: string };
import { otherGoalsResult, queueOtherGoalsRead } from "./readTemplate";
import { parseRangeAddress } from "./a1";
import { runRead } from "./excelRun";
import { parseState } from "./templateState";
import { finishPlanStoreRead, queuePlanStoreRead } from "./workbookPlanStore";

/** Where the file's title and id came from when the workbook keeps no stored plan. */
export type ExportOrigin =
  { kind: "stored" } | { kind: "templateRecord"; message: Message } | { kind: "sheet"; message: Message };

export interface ExportedPlan {
  ok: true;
  plan: Plan;
  /** The plan file's text, as serializePlanFile writes it. */
  text: string;
  /** A file name from the plan's id: zhangye-sti-14th-fyp.plan.json. */
  fileName: string;
  skipped: ExportSkip[];
  origin: ExportOrigin;
}

/**
 * Why no file was written: each row left out, and what the plan as read lacks; or `store`, the
 * stored plan the add-in cannot use (its message says which and why; a repair is offered).
 */
export interface RefusedExport {
  ok: false;
  skipped: ExportSkip[];
  issues: PlanFileIssue[];
  store?: StoreProblem | { kind: "otherPlan"; message: Message };
}

/** A plan code from a table or sheet name: what cannot be in a code becomes "-". */
function codeFrom(name: string): string {
  const code = name.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[^A-Za-z]+/, "");
  return code.slice(0, 64);
}

export async function exportWorkbookPlan(tableName: string): Promise<ExportedPlan | RefusedExport> {
  return runRead(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load(["values", "address"]);
    const sheet = table.worksheet.load("name");
    const q = queuePlanStoreRead(context);
    const otherRange = queueOtherGoalsRead(context, tableName);
    await context.sync();
    const other = otherGoalsResult(otherRange);
    const { read, settingsValue } = await finishPlanStoreRead(context, q);
    const settings = parseState(settingsValue);
    const firstSheetRow = parseRangeAddress(body.address).firstRow;
    const headers = header.values[0] ?? [];

    let stored: Plan | null = null;
    let identity: PlanIdentity | undefined;
    let origin: ExportOrigin = { kind: "stored" };
    if (read.kind === "ok") {
      const expected = settings?.state.plan.id;
      if (expected !== undefined && settings?.state.tableName === tableName && read.doc.plan.id !== expected) {
        const args = { stored: `${read.doc.plan.title.zh}（${read.doc.plan.id}）`, table: expected };
        return {
          ok: false,
          skipped: [],
          issues: [],
          store: {
            kind: "otherPlan",
            message: {
              zh: `工作簿中保存的规划是“${args.stored}”，而指标表是按规划 ${expected} 写入的；为免张冠李戴，未导出。可重新插入模板，或导入该表对应的规划文件。`,
              en: `The plan stored in this workbook is “${read.doc.plan.title.en}” (${read.doc.plan.id}), but the indicator table was written from plan ${expected}; nothing was exported, so as not to mix them up. Insert the template again, or import the table's plan file.`,
            },
          },
        };
      }
      stored = read.doc.plan;
    } else if (read.kind !== "none") {
      return { ok: false, skipped: [], issues: [], store: read };
    } else if (settings && settings.state.tableName === tableName) {
      const info = settings.legacyPlan ?? settings.state.plan;
      identity = info;
      origin = {
        kind: "templateRecord",
        message: {
          zh: `工作簿中没有保存规划（自定义 XML 部件），规划名称“${info.title.zh}”和代码 ${info.id} 取自插入模板时的记录；导出的文件${info.source ? "" : "没有来源文件（发布文件）信息，"}不含数据的来源和修订记录。`,
          en: `The workbook keeps no stored plan (custom XML part): the title “${info.title.en}” and code ${info.id} come from the record made when the template was inserted; the file has ${info.source ? "" : "no source document and "}no figure sources or revision records.`,
        },
      };
    } else {
      const id = codeFrom(tableName) || codeFrom(sheet.name);
      if (id !== "") {
        identity = { id, title: { zh: sheet.name, en: sheet.name } };
        origin = {
          kind: "sheet",
          message: {
            zh: `工作簿中没有保存规划，也没有插入模板的记录：规划名称取自工作表名“${sheet.name}”，代码取自表格名 ${tableName}（${id}）；导出的文件没有来源文件（发布文件）信息，规划期取自各行的基期年和目标年。`,
            en: `The workbook keeps no stored plan and no record of an inserted template: the title is the sheet's name “${sheet.name}”, the code comes from the table's name ${tableName} (${id}); the file has no source document, and the plan's period comes from the rows' baseline and target years.`,
          },
        };
      }
    }

    const result = planFromTemplate(stored, headers, body.values, {
      firstSheetRow,
      ...(identity ? { identity } : {}),
      otherGoals: other ? { headers: other.headers, rows: other.values, firstSheetRow: other.body.firstRow } : null,
    });
    if (!result.ok) return { ok: false, skipped: result.skipped, issues: result.issues };
    const slug = result.plan.id.replace(/[^A-Za-z0-9_.-]/g, "-");
    return {
      ok: true,
      plan: result.plan,
      text: serializePlanFile(result.plan),
      fileName: `${slug}.plan.json`,
      skipped: result.skipped,
      origin,
    };
  });
}
