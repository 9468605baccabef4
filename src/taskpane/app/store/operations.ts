/**
 * The pane's operations by name, and what staff call each one (zh, en). The name is the key of the one
 * operation lock (paneStore.ts run) and of the failure reporter (reportFailure.ts): the spinner says
 * which operation is running, a failure says which operation did not complete, and the log names it.
 */
import type { Lang } from "../../../core/messages";

const labels = {
  insert: { zh: "插入模板", en: "Insert template" },
  validate: { zh: "校验数据", en: "Validate" },
  fixes: { zh: "应用修正", en: "Apply fixes" },
  highlight: { zh: "标出滞后指标", en: "Highlight off-track" },
  templateRepair: { zh: "恢复表头和指标代码", en: "Restore headers and indicator codes" },
  evaluationYear: { zh: "设置评估年份", en: "Set the evaluation year" },
  selectCell: { zh: "转到单元格", en: "Go to the cell" },
  portableCopy: { zh: "生成便携副本", en: "Write portable copy" },
  exportPlan: { zh: "导出规划文件", en: "Export plan file" },
  autoOpen: { zh: "随工作簿打开任务窗格", en: "Open the pane with this workbook" },
  storedRepair: { zh: "修复保存的规划", en: "Repair the stored plan" },
  importFile: { zh: "读取规划文件", en: "Read the plan file" },
  importSelection: { zh: "从所选表格生成规划", en: "Plan from the selected table" },
  reportSheet: { zh: "生成评估报告", en: "Evaluation report" },
  wordReport: { zh: "Word 报告", en: "Word report" },
  figureFacts: { zh: "保存数据来源", en: "Save the figure's record" },
  targetAdjustment: { zh: "记录目标调整", en: "Record the target adjustment" },
  // Not started by staff: reading the sheet and the check when the pane opens. They take no lock but
  // their failures are reported by name like the others.
  readSheet: { zh: "读取指标表", en: "Read the indicator table" },
  recordFigures: { zh: "记录已填数据", en: "Record the figures entered" },
  readSelection: { zh: "读取所选单元格", en: "Read the selected cell" },
  paneOpen: { zh: "检查工作簿中保存的规划", en: "Check the plan stored in the workbook" },
} as const satisfies Record<string, { zh: string; en: string }>;

export type OperationName = keyof typeof labels;

export function operationLabel(op: OperationName, lang: Lang): string {
  return labels[op][lang];
}

export const OPERATION_NAMES = Object.keys(labels) as OperationName[];

/**
 * The log line of a failure, named by its operation: the store's reporter writes it for every failure it
 * shows, and so do the places that show a failure beside their own control (a form, the recorder).
 */
export function logFailure(op: OperationName, err: unknown): void {
  console.error(`Plan Tracker: ${labels[op].en} (${op}) failed`, err);
}
