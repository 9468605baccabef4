/**
 * The pane's words for travelling with the workbook (auto-open, portable copy, import and export
 * of plans), zh-CN and en-US. Kept apart from i18n.ts so the two features change independently.
 */
import { fillTemplate, type Lang } from "../../../core/messages";

const strings = {
  sectionTitle: { zh: "共享与其他规划", en: "Sharing and other plans" },
  autoOpen: { zh: "随工作簿打开任务窗格", en: "Open the pane with this workbook" },
  autoOpenHint: {
    zh: "同事需已安装本加载项（单位集中部署）；未安装时 Excel 会忽略此设置。",
    en: "Colleagues need the add-in installed (central deployment); without it Excel ignores this.",
  },
  autoOpenUnavailable: { zh: "在此环境中不可用。", en: "Not available here." },
  autoOpenOn: { zh: "此工作簿将随打开显示任务窗格。", en: "The pane will open with this workbook." },
  autoOpenOff: { zh: "此工作簿打开时不再显示任务窗格。", en: "The pane will no longer open with this workbook." },

  portableTitle: { zh: "便携副本", en: "Portable copy" },
  portableHint: {
    zh: "为未安装加载项的人（其他单位、Office 2019、WPS）另建一张工作表：不含 PLAN 公式，不会显示 #NAME?。",
    en: "Adds a sheet for people without the add-in (other bureaus, Office 2019, WPS): no PLAN formulas, no #NAME?.",
  },
  portableNative: { zh: "Excel 自带公式（仍会自动计算）", en: "Native Excel formulas (still recalculates)" },
  portableValues: { zh: "仅数值（当前结果的快照）", en: "Values only (a snapshot of the results)" },
  portableWrite: { zh: "生成便携副本", en: "Write portable copy" },
  portableDone: {
    zh: "已生成工作表“{sheet}”：{translated} 个公式改为 Excel 公式，{frozen} 个改为数值。右键该工作表标签 → 移动或复制 → 新工作簿，即可单独发送。",
    en: "Wrote the sheet “{sheet}”: {translated} formulas became Excel formulas, {frozen} became values. Right-click its tab → Move or Copy → (new book) to send it on its own.",
  },
  portableUnreadable: {
    zh: "第 {rows} 行无法读取，其计算列已改为数值。",
    en: "Rows {rows} could not be read; their computed cells became values.",
  },

  exportTitle: { zh: "导出规划文件", en: "Export plan file" },
  exportDone: {
    zh: "已导出“{file}”（{count} 个指标，含已填写的实际值）。",
    en: "Exported “{file}” ({count} indicators, with the figures entered).",
  },
  exportSkipped: {
    zh: "第 {rows} 行缺少必要内容，未导出。",
    en: "Rows {rows} lack required cells and were not exported.",
  },

  importTitle: { zh: "使用其他规划", en: "Use another plan" },
  importFile: { zh: "选择规划文件（.json）", en: "Choose a plan file (.json)" },
  importPasteLabel: { zh: "或粘贴规划文件内容", en: "Or paste the plan file's text" },
  importPasteRead: { zh: "读取粘贴内容", en: "Read pasted text" },
  importFromSelection: { zh: "从所选表格生成规划", en: "Build plan from selected table" },
  importSelectionHint: {
    zh: "先在工作表中选中规划的指标表（类型、序号、指标（单位）、基期年、目标年、属性，以及“注: *为2019年数据”之类的注释行）。",
    en: "First select the plan's indicator table in a sheet (类型, 序号, 指标 (unit), base year, target year, 属性, and a note line such as “注: *为2019年数据”).",
  },
  importChosen: {
    zh: "已选用“{plan}”（{count} 个指标）：点击“插入模板”写入新工作表。",
    en: "Using “{plan}” ({count} indicators): choose “Insert template” to write it into a new sheet.",
  },
  importProblems: { zh: "规划文件有 {count} 处问题：", en: "The plan file has {count} problem(s):" },

  formTitle: { zh: "核对各指标", en: "Check each indicator" },
  formHint: {
    zh: "以下类别、方向和目标形式是根据单位和目标写法推测的，请逐项核对后再使用。",
    en: "Kind, direction and target form below are guesses from the units and target wording: check each before use.",
  },
  formPlanTitle: { zh: "规划名称", en: "Plan title" },
  formIssuer: { zh: "发布单位", en: "Issued by" },
  formIndicator: { zh: "指标", en: "Indicator" },
  formKind: { zh: "类别", en: "Kind" },
  formDirection: { zh: "方向", en: "Direction" },
  formTargetForm: { zh: "目标形式", en: "Target form" },
  formTargetValue: { zh: "目标值", en: "Target value" },
  formUse: { zh: "使用此规划", en: "Use this plan" },
  formCancel: { zh: "取消", en: "Cancel" },
  kind_percent: { zh: "百分比", en: "percent" },
  kind_count: { zh: "个数", en: "count" },
  kind_amount: { zh: "数量/金额", en: "amount" },
  kind_rank: { zh: "位次", en: "rank" },
  kind_index: { zh: "其他", en: "index" },
  dir_up: { zh: "越大越好", en: "higher is better" },
  dir_down: { zh: "越小越好", en: "lower is better" },
  form_atLeast: { zh: "达到（≥）", en: "at least (≥)" },
  form_atMost: { zh: "不超过（≤）", en: "at most (≤)" },
  form_about: { zh: "左右（≈）", en: "about (≈)" },
  form_reduction: { zh: "五年累计下降〔〕", en: "five-year cut 〔〕" },
  form_increase: { zh: "五年累计提高〔〕", en: "five-year rise 〔〕" },
  form_annualGrowth: { zh: "年均增长（%）", en: "average annual growth (%)" },
  form_text: { zh: "文字目标（人工判断）", en: "qualitative (manual verdict)" },

  storedProblem: { zh: "工作簿中保存的规划", en: "The plan stored in this workbook" },
  storedRestored: {
    zh: "已从工作簿中保存的规划恢复加载项状态。",
    en: "Restored the add-in's state from the plan stored in this workbook.",
  },
} as const;

export type TravelKey = keyof typeof strings;

/** Plain text with `{name}` placeholders filled in (React escapes it; never rendered as HTML). */
export function tt(lang: Lang, key: TravelKey, args?: Record<string, string | number>): string {
  return fillTemplate(strings[key][lang], args);
}
