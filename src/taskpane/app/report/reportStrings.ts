/**
 * The pane's words for the evaluation report (评估报告), zh-CN and en-US. Kept beside the panel so the
 * feature changes on its own; error messages from the host layer come from ../i18n.ts (err_*).
 */
import { fillTemplate, type Lang } from "../../../core/messages";

const strings = {
  year: { zh: "评估年份", en: "Evaluation year" },
  kind: { zh: "评估类型", en: "Kind of evaluation" },
  kind_annual: { zh: "年度监测", en: "Annual monitoring" },
  kind_midterm: { zh: "中期评估", en: "Mid-term evaluation" },
  kind_final: { zh: "总结评估", en: "Final evaluation" },
  pathIndicator: { zh: "图2 指标", en: "Figure 2 indicator" },
  pathAuto: {
    zh: "自动（首个滞后的约束性指标，否则首个有数据的指标）",
    en: "Automatic (the first binding indicator that lags, else the first with figures)",
  },
  generate: { zh: "生成评估报告", en: "Evaluation report" },
  word: { zh: "Word 报告", en: "Word report" },
  willWrite: {
    zh: "将在工作表“{sheet}”写入评估报告（已有同年同类报告时替换）；各指标已填写的“原因分析及下一步措施”按指标保留，其他人工填写的单元格不会被覆盖。",
    en: "Writes the report on the sheet “{sheet}” (replacing a report of the same kind and year); the “Reasons and next steps” typed for each indicator are kept, and no other cell typed by hand is overwritten.",
  },
  noPlan: {
    zh: "请先插入规划指标模板并填写实际值，再生成评估报告。",
    en: "Insert the plan's template and enter figures first, then write the report.",
  },
  preview: { zh: "报告摘要预览", en: "Summary preview" },
  countsTitle: { zh: "评估结论统计", en: "Verdicts" },
  countItem: { zh: "{label} {count} 项", en: "{label}: {count}" },
  noIndicators: { zh: "没有可评估的指标。", en: "There are no indicators to report." },

  written: {
    zh: "已生成工作表“{sheet}”（{count} 个指标）。",
    en: "Wrote the sheet “{sheet}” ({count|indicator|indicators}).",
  },
  replaced: {
    zh: "已更新工作表“{sheet}”中的评估报告（{count} 个指标），保留了 {kept} 条原因分析。",
    en: "Updated the report on “{sheet}” ({count|indicator|indicators}); {kept|reasons-and-next-steps text|reasons-and-next-steps texts} kept.",
  },
  layoutChanged: {
    zh: "原有报告工作表的结构已被手工改动，为免覆盖，报告写在了新工作表“{sheet}”。",
    en: "The previous report's sheet was rearranged by hand; to overwrite nothing, the report went on a new sheet “{sheet}”.",
  },
  keptCellsTitle: {
    zh: "这些单元格不是本加载项写入的，已按原样保留（报告中相应位置可能被遮挡）：",
    en: "These cells were not written by the add-in and were kept as they are (they may cover part of the report):",
  },
  droppedTitle: {
    zh: "以下指标已不在报告中，其原因分析未写入，请另行保存：",
    en: "These indicators are no longer in the report; their texts were not written, keep them elsewhere:",
  },
  wordDone: { zh: "已生成 Word 文件“{file}”。", en: "Saved the Word file “{file}”." },
  wordNoAnalysis: {
    zh: "未能读取报告工作表中的原因分析（{reason}），Word 报告中该列为空。",
    en: "The reasons and next steps could not be read from the report sheet ({reason}); that column is empty in the Word file.",
  },
  wordNoImages: {
    zh: "图表未能转为图片（{reason}），Word 报告不含图表。",
    en: "The charts could not be turned into pictures ({reason}); the Word file has no charts.",
  },
  chartsTrimmed: { zh: "（前 {count} 项）", en: " (first {count})" },
  progressChartTitle: {
    zh: "图1 各指标完成进度与时间进度",
    en: "Figure 1. Progress against time progress by indicator",
  },
  pathChartTitle: { zh: "图2 {name}：实际值与规划路径", en: "Figure 2. {name}: actual and planned path" },
} as const;

export type ReportStringKey = keyof typeof strings;

/** The report panel's text in `lang`, placeholders filled in. Plain text only: React escapes it. */
export function rt(lang: Lang, key: ReportStringKey, args?: Record<string, string | number>): string {
  return fillTemplate(strings[key][lang], args);
}
