/**
 * The pane's words for travelling with the workbook (auto-open, portable copy, import and export
 * of plans), zh-CN and en-US. Kept apart from i18n.ts so the two features change independently.
 */
import { fillTemplate, type Lang } from "../../../core/messages";

const strings = {
  noTemplateYet: {
    zh: "本工作簿中还没有规划指标表：请先点击“插入模板”。",
    en: "This workbook has no plan indicator table yet: choose “Insert template” first.",
  },
  autoOpen: { zh: "随工作簿打开任务窗格", en: "Open the pane with this workbook" },
  autoOpenHint: {
    zh: "同事需已安装本加载项（单位集中部署）；未安装时 Excel 会忽略此设置。",
    en: "Colleagues need the add-in installed (central deployment); without it Excel ignores this.",
  },
  autoOpenUnavailable: { zh: "在此环境中不可用。", en: "Not available here." },
  autoOpenLoading: { zh: "正在读取此工作簿的设置……", en: "Reading this workbook's setting…" },
  autoOpenReadFailed: {
    zh: "未能读取此工作簿是否随打开显示任务窗格：{reason}",
    en: "Could not read whether this workbook opens the pane: {reason}",
  },
  autoOpenNotChanged: {
    zh: "未更改随工作簿打开任务窗格的设置：",
    en: "The setting to open the pane with this workbook was not changed:",
  },
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
    en: "Wrote the sheet “{sheet}”: {translated|formula|formulas} became Excel formulas, {frozen} became values. Right-click its tab → Move or Copy → (new book) to send it on its own.",
  },
  portableUnreadable: {
    zh: "第 {rows} 行无法读取，其计算列已改为数值。",
    en: "Rows {rows} could not be read; their computed cells became values.",
  },

  exportTitle: { zh: "导出规划文件", en: "Export plan file" },
  exportDone: {
    zh: "已导出“{file}”（{count} 个指标，含已填写的实际值）。",
    en: "Exported “{file}” ({count|indicator|indicators}, with the figures entered).",
  },
  exportStoreProblem: {
    zh: "未导出规划文件：工作簿中保存的规划无法使用，加载项不会另编一份。",
    en: "No plan file was exported: the plan stored in this workbook cannot be used, and the add-in does not make one up.",
  },
  exportRefused: {
    zh: "未导出规划文件：指标表读不出一份完整的规划。",
    en: "No plan file was exported: the indicator table does not give a complete plan.",
  },

  importTitle: { zh: "使用其他规划", en: "Use another plan" },
  importFile: { zh: "选择规划文件（.json）", en: "Choose a plan file (.json)" },
  importPasteLabel: { zh: "或粘贴规划文件内容", en: "Or paste the plan file's text" },
  importPasteRead: { zh: "读取粘贴内容", en: "Read pasted text" },
  importFromSelection: { zh: "从所选表格生成规划", en: "Build plan from selected table" },
  importSelectionHint: {
    zh: "先在工作表中选中规划的指标表，连同表头（可以是两行）和表下的注释行（如“注：①〔〕内为5年累计数。②带*的为2019年数据。”），按原表粘贴即可。",
    en: "First select the plan's indicator table in a sheet, with its header (one or two rows) and the note lines below it (such as 注：①〔〕内为5年累计数。②带*的为2019年数据。), pasted as printed.",
  },
  importChosen: {
    zh: "已选用“{plan}”（{count} 个指标）：点击“插入模板”写入新工作表。",
    en: "Using “{plan}” ({count|indicator|indicators}): choose “Insert template” to write it into a new sheet.",
  },
  importProblems: { zh: "规划文件有 {count} 处问题：", en: "The plan file has {count} problem(s):" },

  formTitle: { zh: "核对各指标", en: "Check each indicator" },
  formHint: {
    zh: "每行左边是原表内容，右边是建议的读法。请逐行核对目标形式、属性和基期值；读不出的单元格以原文标出，须先选择目标形式或标为文字目标，才能使用此规划。",
    en: "Each row shows the table's cells as printed and the proposed reading. Check the target form, attribute and baseline of each row; cells that could not be read are marked with their text and must be given a target form, or marked as a text target, before the plan can be used.",
  },
  formPlanTitle: { zh: "规划名称", en: "Plan title" },
  formIssuer: { zh: "发布单位", en: "Issued by" },
  formBaseYear: { zh: "基期年", en: "Base year" },
  formTargetYear: { zh: "目标年", en: "Target year" },
  formIndicator: { zh: "指标", en: "Indicator" },
  formOriginal: { zh: "原表内容", en: "As printed" },
  formReading: { zh: "建议读法", en: "Proposed reading" },
  formNote: { zh: "备注", en: "Note" },
  formTableNote: { zh: "表注", en: "Table note" },
  formKind: { zh: "指标类别", en: "Kind" },
  formDirection: { zh: "方向", en: "Direction" },
  formTargetForm: { zh: "目标形式", en: "Target form" },
  formTargetValue: { zh: "目标值", en: "Target value" },
  formComparator: { zh: "上下限", en: "Bound" },
  formObligation: { zh: "要求", en: "Requirement" },
  formApproximate: { zh: "约数（约/左右）", en: "approximate (约/左右)" },
  formMode: { zh: "累计方式", en: "Five-year total" },
  formRelation: { zh: "比较方式", en: "Comparison" },
  formReference: { zh: "对照指标", en: "Compared with" },
  formReferenceNone: { zh: "（请选择）", en: "(choose)" },
  formText: { zh: "文字目标", en: "Text target" },
  formAttribute: { zh: "属性", en: "Attribute" },
  formBaseline: { zh: "基期值（空 = 未知）", en: "Baseline (empty = unknown)" },
  formBaselineYear: { zh: "基期年（空 = 按规划基期年）", en: "Baseline year (empty = the plan's base year)" },
  formFigures: { zh: "各年数据填写形式", en: "Yearly figures are typed as" },
  formExclude: { zh: "不导入此行", en: "Leave this row out" },
  formUnread: { zh: "未读出", en: "Not read" },
  formCheck: { zh: "请核对", en: "Please check" },
  formResolved: { zh: "已按所选处理", en: "Resolved by your choice" },
  formBlocked: {
    zh: "还有 {count} 处需要先处理，才能使用此规划：",
    en: "{count} thing(s) to resolve before the plan can be used:",
  },
  formReady: { zh: "各行都已读出，可以使用此规划。", en: "Every row is read; the plan can be used." },
  formUse: { zh: "使用此规划", en: "Use this plan" },
  formCancel: { zh: "取消", en: "Cancel" },
  kind_percent: { zh: "百分比（差距按百分点）", en: "percent (gaps in percentage points)" },
  kind_count: { zh: "个数", en: "count" },
  kind_amount: { zh: "数量/金额", en: "amount" },
  kind_rank: { zh: "位次", en: "rank" },
  kind_index: { zh: "其他", en: "index" },
  dir_up: { zh: "正向（越大越好）", en: "higher is better (正向)" },
  dir_down: { zh: "逆向（越小越好）", en: "lower is better (逆向)" },
  form_unread: { zh: "未读出——请选择", en: "not read — choose" },
  form_level: { zh: "目标年水平值", en: "level in the target year" },
  form_cumulative: { zh: "五年累计〔 〕", en: "five-year total 〔 〕" },
  form_annualGrowth: { zh: "年均增长（%）", en: "average annual growth (年均, %)" },
  form_relative: { zh: "与其他指标比较", en: "relative to another indicator" },
  form_text: { zh: "文字目标（人工判断）", en: "text target (manual verdict)" },
  cmp_atLeast: { zh: "不低于（≥）", en: "at least (≥)" },
  cmp_atMost: { zh: "不高于（≤）", en: "at most (≤)" },
  obl_reach: { zh: "达到（提前达到为提前实现）", en: "reach (early = achieved early)" },
  obl_keep: { zh: "保持（期间须一直满足）", en: "keep (must hold through the period)" },
  mode_reduction: { zh: "累计降低（降低率，逐年复合）", en: "cut in % (yearly cuts compound)" },
  mode_increase: { zh: "累计提高（百分点或本单位）", en: "rise (in points or the unit)" },
  mode_decrease: { zh: "累计减少（百分点或本单位）", en: "fall (in points or the unit)" },
  rel_above: { zh: "高于", en: "above" },
  rel_inStep: { zh: "基本同步", en: "in step with" },
  attr_expected: { zh: "预期性", en: "预期性 (expected)" },
  attr_binding: { zh: "约束性", en: "约束性 (binding)" },
  attr_unknown: { zh: "未注明", en: "未注明 (not stated)" },
  fig_level: { zh: "水平值（当年的数值）", en: "the level (that year's value)" },
  fig_rate: { zh: "当年增速（%）", en: "that year's growth rate (%)" },
  fig_change: { zh: "当年变化量（降低率或增减量）", en: "that year's change (cut in %, or rise/fall)" },
  role_category: { zh: "类别", en: "category" },
  role_group: { zh: "分组", en: "group" },
  role_number: { zh: "序号", en: "number" },
  role_name: { zh: "指标", en: "indicator" },
  role_unit: { zh: "单位", en: "unit" },
  role_baseline: { zh: "基期值", en: "baseline" },
  role_targetYear: { zh: "目标年", en: "target year" },
  role_cumulative: { zh: "年均/累计", en: "年均/累计" },
  role_attribute: { zh: "属性", en: "attribute" },
  role_other: { zh: "其他列", en: "other column" },

  storedProblem: { zh: "工作簿中保存的规划", en: "The plan stored in this workbook" },
  repairButton: { zh: "修复", en: "Repair" },
  repairDone: { zh: "已修复：", en: "Repaired:" },
  repairBackup: {
    zh: "备份已下载为“{file}”。",
    en: "The backup was downloaded as “{file}”.",
  },
} as const;

export type TravelKey = keyof typeof strings;

/** Plain text with `{name}` placeholders filled in (React escapes it; never rendered as HTML). */
export function tt(lang: Lang, key: TravelKey, args?: Record<string, string | number>): string {
  return fillTemplate(strings[key][lang], args);
}
