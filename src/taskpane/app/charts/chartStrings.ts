/** The charts' own words, zh-CN and en-US. Plain text: React and the SVG builders escape it. */
import { fillTemplate, type Lang } from "../../../core/messages";

const strings = {
  // Path chart.
  noFigures: { zh: "暂无实际数据", en: "No figures yet" },
  actual: { zh: "实际值", en: "Actual" },
  planned: { zh: "规划路径", en: "Planned path" },
  target: { zh: "目标", en: "Target" },
  originalTarget: { zh: "原目标", en: "Original target" },
  originalTargetShort: { zh: "原", en: "orig." },
  evaluationYear: { zh: "评估年份 {year}", en: "Evaluation year {year}" },
  evaluationYearHeader: { zh: "评估年份", en: "Evaluation year" },
  year: { zh: "年份", en: "Year" },
  yearValue: { zh: "{year}年", en: "{year}" },
  targetInYear: { zh: "{year}年目标", en: "Target {year}" },
  vintage: { zh: "数据口径", en: "Source" },
  noFigure: { zh: "无数据", en: "no figure" },
  unit: { zh: "单位：{unit}", en: "Unit: {unit}" },
  tableCaption: { zh: "{title}（{unit}）各年数据", en: "{title} ({unit}) by year" },
  summaryTitle: { zh: "{title}（{unit}）。", en: "{title} ({unit})." },
  summaryActualRange: {
    zh: "实际值：{firstYear}年 {first}，{lastYear}年 {last}。",
    en: "Actual: {first} in {firstYear}, {last} in {lastYear}.",
  },
  summaryActualOne: { zh: "实际值：{year}年 {value}。", en: "Actual: {value} in {year}." },
  summaryNoActual: { zh: "暂无实际数据。", en: "No figures yet." },
  summaryTarget: { zh: "{year}年目标 {label}。", en: "Target {label} in {year}." },
  summaryAdjusted: { zh: "目标经批准调整，原目标 {label}。", en: "Target adjusted; the original target was {label}." },
  summaryMissing: { zh: "缺少 {years} 年数据。", en: "No figure for {years}." },
  summaryInverted: { zh: "数值越小越好（纵轴倒置）。", en: "Lower is better (axis inverted)." },
  listSeparator: { zh: "、", en: ", " },

  // Progress chart.
  progressTitle: { zh: "完成进度与时间进度", en: "Progress vs time" },
  progress: { zh: "完成进度", en: "Progress" },
  timeProgress: { zh: "时间进度", en: "Time progress" },
  indicator: { zh: "指标", en: "Indicator" },
  status: { zh: "状态", en: "Status" },
  bindingBadge: { zh: "约束", en: "binding" },
  withBinding: { zh: "{label}（约束性）", en: "{label} (binding)" },
  barLabel: { zh: "完成进度 {progress}，时间进度 {time}，{status}", en: "progress {progress}, time {time}, {status}" },
  noItems: { zh: "暂无指标", en: "No indicators" },
  showAll: { zh: "显示全部 {count} 个指标", en: "Show all {count|indicator|indicators}" },
  showFirst: { zh: "只显示前 {count} 个", en: "Show the first {count} only" },
  progressSummary: {
    zh: "{count} 个指标，其中 {behind} 个完成进度落后于时间进度，{missing} 个暂无完成进度。",
    en: "{count|indicator|indicators}: {behind} behind time progress, {missing} without progress.",
  },
  shownOf: { zh: "（显示前 {shown} 个）", en: " (first {shown} shown)" },
} as const;

export type ChartStringKey = keyof typeof strings;

export function chartText(lang: Lang, key: ChartStringKey, args?: Record<string, string | number>): string {
  return fillTemplate(strings[key][lang], args);
}
