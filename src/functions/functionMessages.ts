/**
 * The sentences only the PLAN functions need (which argument is wrong, which cell of a template row),
 * zh + en, keyed by a stable code like the core catalogue they extend. The maths' own reasons
 * (growth from 0, years ≤ 0 …) come from src/core/messages.ts.
 */
import { fillTemplate, type Lang } from "../core/messages";

type Entry = { readonly zh: string; readonly en: string };

export const functionCatalogue = {
  "arg.missing": { zh: "缺少参数“{arg}”。", en: "The argument “{arg}” is missing." },
  "arg.missingOrRow": {
    zh: "缺少参数“{arg}”。只给一个参数时，它必须是指标模板中某个指标行的单元格。",
    en: "The argument “{arg}” is missing. With a single argument, it must be a cell in an indicator row of the template.",
  },
  "arg.invalid": { zh: "参数“{arg}”：{reason}", en: "Argument “{arg}”: {reason}" },
  "arg.direction": {
    zh: '参数“{arg}”应为 "up" 或 "down"（正向/逆向），“{text}”无法识别。',
    en: 'Argument “{arg}” must be "up" or "down" (正向/逆向); “{text}” is not recognised.',
  },
  "arg.binding": {
    zh: "参数“{arg}”应为 TRUE 或 FALSE（约束性/预期性），“{text}”无法识别。",
    en: "Argument “{arg}” must be TRUE or FALSE (约束性/预期性); “{text}” is not recognised.",
  },
  "arg.path": {
    zh: '参数“{arg}”应为 "linear" 或 "geometric"（线性/几何），“{text}”无法识别。',
    en: 'Argument “{arg}” must be "linear" or "geometric" (线性/几何); “{text}” is not recognised.',
  },
  "arg.year": {
    zh: "参数“{arg}”应为 1900 到 2200 之间的整数年份（如 2025），现为 {value}。",
    en: "Argument “{arg}” must be a whole year between 1900 and 2200 (such as 2025); it is {value}.",
  },
  "arg.range": {
    zh: "参数“{arg}”应{range}，现为 {value}。",
    en: "Argument “{arg}” must be {range}; it is {value}.",
  },
  internal: {
    zh: "PLAN.{id} 内部错误（{detail}）。请把这个单元格的公式和参数告诉加载项的维护人员。",
    en: "Internal error in PLAN.{id} ({detail}). Please tell the add-in's maintainers this cell's formula and arguments.",
  },
  "row.needsNewerExcel": {
    zh: "只给一个单元格时按指标模板的该行计算，这需要较新版本的 Excel（自定义函数运行时 1.3）。请补齐其余参数，或升级 Excel。",
    en: "A single cell as the argument reads that row of the template, which needs a newer Excel (custom functions runtime 1.3). Give the other arguments, or update Excel.",
  },
  "arg.tolerance": {
    zh: "参数“{arg}”应在 0 到 1 之间（0.1 表示 10%），现为 {value}。",
    en: "Argument “{arg}” must be between 0 and 1 (0.1 means 10%); it is {value}.",
  },
  "row.cellMissing": {
    zh: "指标“{indicator}”的“{column}”未填写。",
    en: "“{column}” is blank for the indicator “{indicator}”.",
  },
  "row.cellInvalid": {
    zh: "指标“{indicator}”的“{column}”无法读取：“{text}”。",
    en: "“{column}” of the indicator “{indicator}” cannot be read: “{text}”.",
  },
  "row.reason": { zh: "指标“{indicator}”：{reason}", en: "Indicator “{indicator}”: {reason}" },
  "row.growthNotApplicable": {
    zh: "年均需增长率不适用于位次类指标和累计（〔〕）目标，请看“每年需提高”。",
    en: "A required growth rate does not apply to ranks and cumulative (〔〕) targets; see the required annual step.",
  },
  "row.targetYearReached": {
    zh: "已有目标年份的数据，不再需要每年增长。",
    en: "The target year's figure is in; no further yearly change is needed.",
  },
  "row.targetMet": {
    zh: "目标已达到，不再需要增长。",
    en: "The target is met; no further change is needed.",
  },
  "row.readFailed": {
    zh: "无法读取该单元格所在的指标行（{detail}）。",
    en: "Could not read the indicator row of that cell ({detail}).",
  },
  "row.unnamed": { zh: "（未命名）", en: "(unnamed)" },
  "row.notTemplate": {
    zh: "参数“{arg}”应为指标模板的表头行，其中要有“指标”“目标值”“目标年”等列。",
    en: "Argument “{arg}” must be the template's header row, with the 指标 (indicator), 目标值 (target) and 目标年 (target year) columns.",
  },
  "row.empty": { zh: "参数“{arg}”所指的指标行是空的。", en: "The indicator row given as “{arg}” is empty." },
  "arg.field": {
    zh: "参数“{arg}”应为 status（状态）、gap（差距）、progress（完成进度）、elapsed（时间进度）、growth（年均需增长）、step（每年需提高）、value（实际值）或 dataYear（数据年份），“{text}”无法识别。",
    en: "Argument “{arg}” must be status, gap, progress, elapsed, growth, step, value or dataYear (状态, 差距 … also work); “{text}” is not recognised.",
  },
} as const satisfies Record<string, Entry>;

export type FunctionMessageCode = keyof typeof functionCatalogue;

export function functionMessage(code: FunctionMessageCode, lang: Lang, args?: Record<string, string | number>): string {
  return fillTemplate(functionCatalogue[code][lang], args);
}
