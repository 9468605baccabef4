/**
 * Every sentence the pane shows, zh-CN and en-US, in one table. Cell and finding messages come
 * from the core's catalogue (src/core/messages.ts); this table holds only the pane's own words.
 * The three main buttons' names are part of the pane's contract with the end-to-end tests.
 */
import { fillTemplate, type Lang } from "../../core/messages";

const strings = {
  staleStatus: { zh: "数据滞后", en: "Data stale" },
  noteStale: {
    zh: "最新数据为 {dataYear} 年，评估年份为 {year} 年：待 {year} 年数据发布后评估。",
    en: "The latest figure is for {dataYear}; the year evaluated is {year}: judged once the {year} figure is published.",
  },
  noteRevisedBaseline: {
    zh: "基期值已修订：规划值 {published}，修订为 {revised}（{reason}），进度按修订值计算。",
    en: "Baseline revised: {published} as published, {revised} now ({reason}); progress uses the revision.",
  },
  noteAdjustedTarget: {
    zh: "目标已调整：原目标 {original}，调整为 {adjusted}（{document}），状态按调整后目标判断。",
    en: "Target adjusted: {original} originally, {adjusted} now ({document}); the status uses the adjusted target.",
  },
  noteYearlyMet: { zh: "{year} 年度目标 {target}：已完成。", en: "{year} target {target}: met." },
  noteYearlyMissed: { zh: "{year} 年度目标 {target}：未完成。", en: "{year} target {target}: not met." },
  noteYearlyNoFigure: { zh: "{year} 年度目标 {target}：尚无数据。", en: "{year} target {target}: no figure yet." },
  noteLeadUnit: { zh: "牵头单位：{unit}", en: "Lead unit: {unit}" },
  notStated: { zh: "未注明", en: "not stated" },
  relaid: {
    zh: "原指标表由旧版本生成。已在新工作表“{sheet}”中按新格式写入，并带过 {count} 个已填写的单元格；原工作表“{old}”保持原样。",
    en: "The indicator table was laid out by an earlier version. It is now on the new sheet “{sheet}” in the current layout, with the {count|cell|cells} entered there carried over; the sheet “{old}” is left as it was.",
  },
  relaidNotInPlan: {
    zh: "这些指标不在当前规划中，其数据仍在原工作表：{ids}",
    en: "These indicators are not in the current plan; their figures stay on the earlier sheet: {ids}",
  },
  unitFilter: { zh: "责任单位", en: "Responsible unit" },
  allUnits: { zh: "全部单位", en: "All units" },
  noUnit: { zh: "未注明牵头单位", en: "No lead unit stated" },
  groupByUnit: { zh: "按牵头单位分组", en: "Group by lead unit" },
  averageGrowthUnit: { zh: "年均增长 %", en: "average growth, %" },
  cumulativeUnit: { zh: "累计", en: "cumulative" },
  charts: { zh: "进度图", en: "Charts" },
  planNotStored: {
    zh: "模板已插入，但规划未能保存到工作簿中（{reason}）：同事打开此工作簿时可能看不到规划。请再点一次“插入模板”。",
    en: "The template is in, but the plan could not be saved inside the workbook ({reason}): colleagues may not get it. Choose “Insert template” again.",
  },
  languageNotStored: {
    zh: "工作簿的状态用语语言未能保存（{reason}）：在其他语言的 Excel 中重算时，状态可能显示为该语言。",
    en: "The workbook's status-word language could not be saved ({reason}): recalculated in another language's Excel, statuses may show in that language.",
  },
  highlightNotStored: {
    zh: "标色规则已更新，但未能随规划保存到工作簿中（{reason}）。",
    en: "The highlight rules changed, but could not be saved with the plan in the workbook ({reason}).",
  },
  evaluationYear: { zh: "评估年份", en: "Evaluation year" },
  evaluationYearAuto: { zh: "自动（最新数据年份 {year}）", en: "Automatic (latest data year, {year})" },
  evaluationYearAutoNone: { zh: "自动（尚无数据）", en: "Automatic (no figures yet)" },
  evaluationYearNow: {
    zh: "按 {year} 年评估{auto}",
    en: "Evaluated at {year}{auto}",
  },
  evaluationYearIsAuto: { zh: "（最新数据年份）", en: " (latest data year)" },
  evaluationYearInvalid: {
    zh: "单元格 {cell} 中的“{text}”不是年份，工作表中的计算列会显示错误。请改为年份或清空。",
    en: "“{text}” in cell {cell} is not a year: the sheet's computed columns show errors. Enter a year or clear it.",
  },
  evaluationYearSet: { zh: "评估年份已设为 {year}。", en: "The evaluation year is now {year}." },
  evaluationYearCleared: {
    zh: "评估年份改为自动（最新数据年份）。",
    en: "The evaluation year is automatic again (the latest data year).",
  },
  needsFixStatus: { zh: "待修正", en: "Needs fix" },
  appTitle: { zh: "规划指标监测", en: "Plan Tracker" },
  insertTemplate: { zh: "插入模板", en: "Insert template" },
  validate: { zh: "校验数据", en: "Validate" },
  highlightOffTrack: { zh: "标出滞后指标", en: "Highlight off-track" },
  working: { zh: "正在处理…", en: "Working…" },
  actions: { zh: "操作", en: "Actions" },
  notices: { zh: "操作结果", en: "Results" },
  panelOpen: { zh: "打开“{panel}”", en: "Open “{panel}”" },
  panelClose: { zh: "收起“{panel}”", en: "Close “{panel}”" },
  panelLoading: { zh: "正在载入“{panel}”…", en: "Loading “{panel}”…" },
  panelFailed: {
    zh: "“{panel}”未能载入（{detail}）。请关闭任务窗格后重新打开。",
    en: "“{panel}” could not be loaded ({detail}). Close the pane and open it again.",
  },
  historyPanel: { zh: "数据记录与目标调整", en: "Figure records and target adjustments" },
  reportPanel: { zh: "评估报告", en: "Evaluation report" },
  travelPanel: { zh: "共享与其他规划", en: "Sharing and other plans" },

  // The check of the stored plan when the pane opens (store/paneOpen.ts).
  storedRepaired: {
    zh: "工作簿中保存的加载项状态（设置 PlanTracker.template）已损坏，已按工作簿中保存的规划（完好）重写。之后刷新指标表时，凡与模板不同的单元格都按工作人员填写的处理。",
    en: "The add-in's state saved in this workbook (setting PlanTracker.template) was damaged; it was written again from the stored plan, which is intact. The next refresh treats every cell that differs from the template as typed by staff.",
  },
  storedRestored: {
    zh: "已从工作簿中保存的规划恢复加载项状态。",
    en: "Restored the add-in's state from the plan stored in this workbook.",
  },
  storeNotChecked: {
    zh: "任务窗格没有在 Excel 中运行：无从检查工作簿中保存的规划。",
    en: "The pane is not running inside Excel: there is no stored plan to check.",
  },

  // Insert.
  insertWillCreate: {
    zh: "将新建工作表“{sheet}”，写入“{plan}”的 {count} 个指标。",
    en: "Adds a new sheet “{sheet}” with the {count|indicator|indicators} of “{plan}”.",
  },
  insertWillRefresh: {
    zh: "将刷新工作表“{sheet}”中的规划列和计算列；已填写的数值和改动过的单元格一律保留。",
    en: "Refreshes the plan and computed columns of “{sheet}”; every figure entered and every cell changed by hand is kept.",
  },
  // One-step undo is promised only where Excel groups the change (ExcelApi 1.20, canGroupUndo()).
  undoGrouped: { zh: "完成后可用一次“撤销”整体还原。", en: "One Undo reverts the whole change." },
  undoNotGroupedCreate: {
    zh: "此版本的 Excel 不能把这次修改合并为一步撤销，无法一次还原；如不需要，可删除工作表“{sheet}”。",
    en: "This version of Excel cannot make the change one undo step, so it cannot be undone in one go; to take it back, delete the sheet “{sheet}”.",
  },
  undoNotGroupedRefresh: {
    zh: "此版本的 Excel 不能把这次修改合并为一步撤销，无法一次还原：如需保留刷新前的样子，请先保存工作簿副本。",
    en: "This version of Excel cannot make the change one undo step, so it cannot be undone in one go: to keep the sheet as it is now, save a copy of the workbook first.",
  },
  inserted: {
    zh: "已插入工作表“{sheet}”（{count} 个指标）。",
    en: "Inserted the sheet “{sheet}” ({count|indicator|indicators}).",
  },
  targetYearNotPlan: {
    zh: "目标年为 {year}，与规划目标年 {plan} 不同：本行的 PLAN 函数按 {year} 年计算，任务窗格、评估报告和导出的规划按 {plan} 年计算。主要指标的目标年即规划目标年，请改回 {plan}；目标本身的调整请用“目标动态调整”记录。",
    en: "The target year is {year}, not the plan's {plan}: this row's PLAN functions evaluate toward {year}, the pane, the report and the exported plan toward {plan}. A main indicator's target year is the plan's: set it back to {plan}, and record a change of the target itself as a target adjustment.",
  },
  insertedWithOtherGoals: {
    zh: "已插入工作表“{sheet}”（{count} 个主要指标，表下另列 {other} 个其他目标）。",
    en: "Inserted the sheet “{sheet}” ({count|main indicator|main indicators}, and {other|other goal|other goals} listed below the table).",
  },
  otherGoalFigures: {
    zh: "“其他目标”中有 {count} 个数据随规划保存在工作簿中（任务窗格和导出的规划文件里都有），但工作表上不显示：其他目标不设逐年填写的单元格。",
    en: "Figures for the other goals kept with the plan in the workbook (the pane and the exported plan file have them) but not shown on the sheet, which has no yearly cells for these goals: {count}.",
  },
  refreshed: {
    zh: "已刷新工作表“{sheet}”：新增 {added} 个指标，已保留 {figures} 个已填数据。",
    en: "Refreshed “{sheet}”: {added|indicator|indicators} added; kept {figures|figure|figures} you entered.",
  },
  // The same, when cells of the plan's own columns were changed by hand and kept (listed below the notice).
  refreshedKeptCells: {
    zh: "已刷新工作表“{sheet}”：新增 {added} 个指标，已保留 {figures} 个已填数据；另有 {kept} 个手工改动的单元格保持原样。",
    en: "Refreshed “{sheet}”: {added|indicator|indicators} added; kept {figures|figure|figures} you entered and {kept|cell|cells} changed by hand.",
  },
  keptCellsTitle: {
    zh: "这些单元格与规划不同，已按原样保留：",
    en: "These cells differ from the plan and were kept as they are:",
  },

  // State of the plan.
  noTemplate: {
    zh: "本工作簿中还没有规划指标表。点击“插入模板”开始。",
    en: "This workbook has no plan indicator table yet. Choose “Insert template” to start.",
  },
  dataYear: { zh: "数据年份：{year} 年", en: "Data year: {year}" },
  noDataYear: { zh: "尚未填写实际值", en: "No actual values entered yet" },
  statusCounts: { zh: "各状态指标数", en: "Indicators by status" },
  noStatus: { zh: "暂无结论", en: "No verdict" },
  showAll: { zh: "显示全部", en: "Show all" },
  filteredBy: { zh: "仅显示：{status}", en: "Showing only: {status}" },
  indicators: { zh: "指标", en: "Indicators" },
  binding: { zh: "约束性", en: "binding" },
  latest: { zh: "最新值", en: "Latest" },
  gap: { zh: "差距", en: "Gap" },
  requiredGrowth: { zh: "年均需增长", en: "Growth needed / yr" },
  requiredStep: { zh: "每年需提高", en: "Needed / yr" },
  requiredPlaces: { zh: "每年需前进", en: "Places to gain / yr" },
  status: { zh: "状态", en: "Status" },
  percentPoints: { zh: "个百分点", en: "pp" },
  selectRowHint: { zh: "选中工作表中的这一行", en: "Select this row in the sheet" },
  manualVerdict: { zh: "人工判断", en: "manual" },

  // Validate.
  findingsTitle: { zh: "校验结果", en: "Validation results" },
  noFindings: { zh: "未发现问题（{count} 个指标）。", en: "No problems found ({count|indicator|indicators})." },
  findingsSummary: {
    zh: "{errors} 个错误，{warnings} 个警告。",
    en: "{errors|error|errors}, {warnings|warning|warnings}.",
  },
  severityError: { zh: "错误", en: "Error" },
  severityWarning: { zh: "警告", en: "Warning" },
  inYear: { zh: "{year} 年", en: "{year}" },
  goToCell: { zh: "转到单元格 {cell}", en: "Go to cell {cell}" },
  fixesAvailable: { zh: "可以安全修正 {count} 个单元格：", en: "{count|cell|cells} can be fixed safely:" },
  previewFixes: { zh: "预览修正", en: "Preview fixes" },
  applyFixes: { zh: "应用修正", en: "Apply fixes" },
  cancel: { zh: "取消", en: "Cancel" },
  fixesApplied: {
    zh: "已修正 {applied} 个单元格。",
    en: "Fixed {applied|cell|cells}.",
  },
  fixesSkipped: {
    zh: "{skipped} 个单元格在预览后被改动过，未作修改，请重新校验。",
    en: "{skipped|cell|cells} changed after the preview and were left alone; validate again.",
  },
  unknownStatusWord: {
    zh: "“{text}”不是状态用语（提前实现、已完成、快于预期、基本符合预期、滞后、未完成），未作为人工状态采用。",
    en: "“{text}” is not a status word (achieved early, achieved, ahead, on track, lagging, missed); it is not used as a manual status.",
  },
  cell: { zh: "单元格", en: "Cell" },
  before: { zh: "原值", en: "Before" },
  after: { zh: "修正为", en: "After" },

  // Highlight.
  highlightLegendTitle: { zh: "图例", en: "Legend" },
  legendRed: { zh: "滞后、未完成、待修正", en: "Lagging, missed, or a cell to fix" },
  legendAmber: { zh: "基本符合预期，但落后于时间进度", en: "On track but behind the time line" },
  legendGreen: { zh: "已完成、提前实现", en: "Achieved, achieved early" },
  highlightOn: { zh: "已按状态标出各行（随数据自动更新）。", en: "Rows are marked by status (they follow edits)." },
  highlightOff: { zh: "已去除本加载项添加的标色规则。", en: "Removed the highlight rules this add-in added." },
  highlightWillChange: {
    zh: "将为指标表的数据行添加 3 条条件格式规则；关闭时只删除这 3 条。",
    en: "Adds 3 conditional-format rules to the table's data rows; turning it off removes only those 3.",
  },

  // Errors.
  errorTitle: { zh: "操作未完成", en: "The operation did not complete" },
  errorTitleOf: { zh: "操作未完成：{operation}", en: "The operation did not complete: {operation}" },
  workingOn: { zh: "正在处理：{operation}…", en: "Working: {operation}…" },
  refusedBusy: {
    zh: "“{running}”尚未完成，“{operation}”未执行。请等它完成后再试。",
    en: "“{running}” is still running, so “{operation}” did not start. Try again once it has finished.",
  },
  dismiss: { zh: "关闭", en: "Dismiss" },
  err_notInExcel: {
    zh: "未连接到 Excel：请在 Excel 中打开此加载项。",
    en: "Not connected to Excel: open this add-in inside Excel.",
  },
  err_cellEditMode: {
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  err_templateNotFound: {
    zh: "找不到规划指标表（可能已被删除或改名）。请点击“插入模板”重新插入。",
    en: "The plan indicator table cannot be found (it may have been deleted or renamed). Choose “Insert template” to insert it again.",
  },
  err_payloadTooLarge: {
    zh: "数据量超过 Excel 单次传输的上限，请减少指标数后重试。",
    en: "The data is larger than Excel accepts in one request; try with fewer indicators.",
  },
  err_undoNotSupported: {
    zh: "此版本的 Excel 无法将修改合并为一步撤销，操作已取消。",
    en: "This version of Excel cannot group the change into one undo step; nothing was changed.",
  },
  err_templateChanged: {
    zh: "指标表的列与本加载项的模板不一致（列被删除、改名或移动），未作任何更改。",
    en: "The indicator table's columns no longer match the template (a column was deleted, renamed or moved); nothing was changed.",
  },
  err_otherGoalsBelow: {
    zh: "规划新增了主要指标，指标表要向下增加行，“其他目标”部分需随之下移，但它下方的行中有内容，未作任何更改。请清空或移走“其他目标”部分下方几行中的内容后再插入模板。",
    en: "The plan has new main indicators: the indicator table needs more rows and the other goals' block must move down, but the rows below that block hold something; nothing was changed. Clear or move what is in the rows below the other goals' block, then insert the template again.",
  },
  err_stateInvalid: {
    zh: "工作簿中保存的规划数据无法读取（可能被改动过），未作任何更改。",
    en: "The plan saved in this workbook cannot be read (it may have been altered); nothing was changed.",
  },
  err_planTooLong: {
    zh: "规划期 {detail} 年超过本加载项支持的最长 15 年（如“十四五”规划及 2035 年远景目标：2020—2035 年），未插入模板，工作簿未作任何更改。请核对规划的基期年和目标年。",
    en: "The plan period {detail} is longer than the 15 years the add-in supports (e.g. a five-year plan with its 2035 vision: 2020–2035); no template was inserted and nothing in the workbook changed. Check the plan's base year and target year.",
  },
  err_unknown: { zh: "出现意外错误：{detail}", en: "Unexpected error: {detail}" },
} as const;

export type StringKey = keyof typeof strings;

/** The pane's text in `lang`, with `{name}` placeholders filled in. Plain text only: React escapes it. */
export function t(lang: Lang, key: StringKey, args?: Record<string, string | number>): string {
  return fillTemplate(strings[key][lang], args);
}

export function hasString(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(strings, key);
}
