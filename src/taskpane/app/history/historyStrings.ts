/**
 * The pane's words for figure records (数据来源与修订记录) and target adjustments (目标动态调整), zh-CN
 * and en-US. Kept beside the components so the feature changes on its own; host errors come from
 * ../i18n.ts (err_*).
 */
import { fillTemplate, type Lang } from "../../../core/messages";
import type { Release } from "../../../core/planSchema";

const strings = {
  // Figure history.
  historyTitle: { zh: "数据来源与修订记录", en: "Figure source and revisions" },
  historyHint: {
    zh: "在指标表中选中某个年份的数据单元格，即可查看和填写它的来源、口径（快报/年报/修订）和修订记录。",
    en: "Select a year's figure cell in the indicator table to see and set its source, release (preliminary/annual/revised) and revisions.",
  },
  notFigureCell: {
    zh: "所选单元格 {address} 不是年度数据单元格（{column}）。",
    en: "The selected cell {address} is not a yearly figure ({column}).",
  },
  cellHeading: { zh: "{address} · {indicator} · {year}年", en: "{address} · {indicator} · {year}" },
  currentValue: { zh: "当前数值", en: "Current value" },
  release: { zh: "数据口径", en: "Release" },
  release_none: { zh: "未注明", en: "Not stated" },
  release_preliminary: { zh: "快报", en: "Preliminary (快报)" },
  release_annual: { zh: "年报", en: "Annual (年报)" },
  release_revised: { zh: "修订", en: "Revised (修订)" },
  source: { zh: "数据来源", en: "Source" },
  sourcePlaceholder: { zh: "如：2024年统计公报", en: "e.g. 2024 statistical communiqué" },
  enteredOn: { zh: "录入日期", en: "Entered on" },
  note: { zh: "备注", en: "Note" },
  notStated: { zh: "未注明", en: "not stated" },
  blankCell: { zh: "（空）", en: "(blank)" },
  notRecordedYet: {
    zh: "单元格中的 {value} 尚未记录，稍后自动记录；此前记录的数值为 {recorded}。",
    en: "{value} in the cell is not recorded yet (it will be shortly); the value recorded before is {recorded}.",
  },
  newNotRecordedYet: {
    zh: "单元格中的 {value} 尚未记录，稍后自动记录。",
    en: "{value} in the cell is not recorded yet; it will be shortly.",
  },
  clearedKept: {
    zh: "单元格已清空；工作簿仍保留最后记录的数值 {value}（{entered}），不会丢失。",
    en: "The cell was cleared; the workbook keeps the last value recorded, {value} ({entered}), so it is not lost.",
  },
  unreadableCell: {
    zh: "单元格内容“{text}”无法识别为数值，修正后才会记录。",
    en: "“{text}” in the cell is not a number it can read; it is recorded once fixed.",
  },
  rowBlocked: {
    zh: "本行的单元格 {cell} 需先修正，修正后才会读取和记录本行的数据。",
    en: "Cell {cell} of this row must be fixed first; the row's figures are read and recorded once it is.",
  },
  noFigure: { zh: "该单元格还没有数值。", en: "This cell has no figure yet." },
  previousTitle: { zh: "此前的数值（最近的在前）", en: "Previous values (most recent first)" },
  noPrevious: { zh: "没有修订记录。", en: "No revisions." },
  previousLine: {
    zh: "{value}（{release}；录入 {entered}；{replaced} 被替换）",
    en: "{value} ({release}; entered {entered}; replaced {replaced})",
  },
  previousSource: { zh: "来源：{source}", en: "Source: {source}" },
  previousNote: { zh: "备注：{note}", en: "Note: {note}" },
  dateUnknown: { zh: "日期不详", en: "date unknown" },
  save: { zh: "保存来源", en: "Save source" },
  saved: { zh: "已保存 {address} 的数据来源。", en: "Saved the source of {address}." },
  recordingProblem: { zh: "数据记录未保存", en: "Figure records not saved" },
  rowsNotStored: {
    zh: "以下行不在工作簿保存的规划中，其数据的来源和修订不作记录：{rows}。",
    en: "These rows are not in the plan stored in the workbook; their figures' sources and revisions are not recorded: {rows}.",
  },

  // Target adjustment.
  adjustTitle: { zh: "目标动态调整", en: "Target adjustment (动态调整)" },
  adjustFor: { zh: "指标：{indicator}", en: "Indicator: {indicator}" },
  adjustHint: {
    zh: "录入经批准的目标调整：原目标保留在“目标值”列，调整后的目标写入“调整后目标”列，状态按调整后目标计算；批准文号和原因随工作簿保存。",
    en: "Record an approved adjustment: the original stays in Target, the new value goes to Adjusted target and the status follows it; the document number and reason are saved with the workbook.",
  },
  adjustChooseRow: {
    zh: "在指标表中选中某个指标所在行的任一单元格，即可录入其目标调整。",
    en: "Select any cell of an indicator's row in the table to record an adjustment of its target.",
  },
  originalTarget: { zh: "原目标", en: "Original target" },
  adjustmentsSoFar: { zh: "已批准的调整", en: "Approved adjustments" },
  adjustmentLine: {
    zh: "{target}（{date}，{document}）：{reason}",
    en: "{target} ({date}, {document}): {reason}",
  },
  noAdjustments: { zh: "尚无调整。", en: "None yet." },
  newTarget: { zh: "调整后目标", en: "Adjusted target" },
  approvalDate: { zh: "批准日期", en: "Approval date" },
  document: { zh: "批准文号", en: "Document number (文号)" },
  documentPlaceholder: { zh: "如：张政办发〔2023〕12号", en: "e.g. 张政办发〔2023〕12号" },
  reason: { zh: "调整原因", en: "Reason" },
  submitAdjustment: { zh: "记录调整", en: "Record adjustment" },
  replaceAndRecord: { zh: "替换并记录", en: "Replace and record" },
  cancel: { zh: "取消", en: "Cancel" },
  adjusted: {
    zh: "已在 {address} 写入调整后目标 {target}，并记录批准文号 {document}；原目标 {original} 保留。状态按调整后目标计算。",
    en: "Wrote the adjusted target {target} in {address} and recorded document {document}; the original target {original} is kept. The status now follows the adjusted target.",
  },
  adjustedShown: {
    zh: "{address} 已显示调整后目标 {target}；已记录批准文号 {document}。",
    en: "{address} already shows the adjusted target {target}; document {document} recorded.",
  },
  adjustedReplaced: {
    zh: "已将 {address} 中手工填写的 {replaced} 替换为调整后目标 {target}，并记录批准文号 {document}。",
    en: "Replaced {replaced}, typed by hand in {address}, with the adjusted target {target}, and recorded document {document}.",
  },
  fixBeforeSaving: { zh: "请先修正以下内容：", en: "Please fix the following first:" },
} as const;

export type HistoryStringKey = keyof typeof strings;

/** The feature's text in `lang`, placeholders filled. Plain text only: React escapes it. */
export function ht(lang: Lang, key: HistoryStringKey, args?: Record<string, string | number>): string {
  return fillTemplate(strings[key][lang], args);
}

/** 快报 / 年报 / 修订, or 未注明. */
export function releaseWord(release: Release | null | undefined, lang: Lang): string {
  return ht(lang, release ? (`release_${release}` as const) : "release_none");
}
