/**
 * Every sentence the add-in shows, in Chinese and English, keyed by a stable code.
 * Codes never change meaning once released: findings, cell errors and tests refer
 * to them. `{name}` placeholders are filled from the args passed to message().
 */

export type Lang = "zh" | "en";

type Entry = { readonly zh: string; readonly en: string };

export const catalogue = {
  // Maths that cannot be done (custom functions show these with #VALUE!/#NUM!/#DIV/0!).
  "math.notFinite": { zh: "输入不是有效数字。", en: "An input is not a valid number." },
  "math.yearsNotPositive": {
    zh: "剩余年数必须大于 0：目标年份须晚于当前数据年份。",
    en: "The number of years must be greater than 0: the target year must come after the data year.",
  },
  "math.growthFromNonPositive": {
    zh: "起点值为 0 或负数，无法计算年均增长率。",
    en: "An annual growth rate cannot be computed from a starting value of 0 or below.",
  },
  "math.targetNegative": {
    zh: "终点值为负数，无法计算年均增长率。",
    en: "An annual growth rate cannot be computed towards a negative value.",
  },
  "math.periodInvalid": {
    zh: "基期年份必须早于目标年份。",
    en: "The baseline year must come before the target year.",
  },
  "math.geometricNeedsPositive": {
    zh: "按几何（等比）路径测算时，基期值和目标值都必须大于 0。",
    en: "A geometric (constant-rate) path needs a baseline and a target above 0.",
  },
  "math.reductionTooLarge": {
    zh: "累计下降率已达到或超过 100%，无法再计算年均下降率。",
    en: "A cumulative reduction of 100% or more leaves no annual rate to compute.",
  },
  "math.overflow": { zh: "计算结果超出可表示的范围。", en: "The result is too large to represent." },

  // Reading what staff typed.
  "parse.blank": { zh: "未填写（视为缺数，不是错误）。", en: "Blank (treated as missing, not an error)." },
  "parse.excelError": {
    zh: "单元格是错误值 {value}，请先修正该单元格。",
    en: "The cell holds the error value {value}; correct that cell first.",
  },
  "parse.boolean": { zh: "逻辑值 TRUE/FALSE 不是数字。", en: "TRUE/FALSE is not a number." },
  "parse.notANumber": { zh: "“{text}”不是数字。", en: "“{text}” is not a number." },
  "parse.approximate": {
    zh: "“{text}”不是数字：请去掉“{words}”，只填写数字本身（{figure}）；约数或界限请在“说明”中注明。",
    en: "“{text}” is not a number: remove “{words}” and write the figure alone ({figure}); note an approximate figure or a bound in the Note column.",
  },
  "parse.hex": {
    zh: "“{text}”是十六进制等写法，请填写普通十进制数字。",
    en: "“{text}” is written in hexadecimal (or another base); enter an ordinary decimal number.",
  },
  "parse.chineseMultiplier": {
    zh: "“{text}”含“万”或“亿”：请按指标单位（{unit}）填写完整数字，不要带数量级。",
    en: "“{text}” uses 万 or 亿: enter the full number in the indicator's unit ({unit}) without a multiplier.",
  },
  "parse.thousandsSeparator": {
    zh: "“{text}”中的逗号位置不对：千位分隔符应每三位一个（如 12,345）；小数点请用“.”。",
    en: "The commas in “{text}” are misplaced: thousands separators go every three digits (12,345); use “.” for decimals.",
  },
  "parse.unitMismatch": {
    zh: "“{text}”带的单位与指标单位“{unit}”不一致。",
    en: "The unit in “{text}” differs from the indicator's unit “{unit}”.",
  },
  "parse.outOfRange": {
    zh: "数字太大，超出可计算范围。",
    en: "The number is too large to compute with.",
  },

  // Validation findings (pane list; each points at a cell).
  "validate.normalised": {
    zh: "“{text}”已按 {value} 读取（{fixes}）。建议改为纯数字。",
    en: "“{text}” was read as {value} ({fixes}). Consider entering the plain number.",
  },
  "validate.yearOutsidePlan": {
    zh: "{year} 年不在规划期（{from}—{to} 年）内，年份不可能。",
    en: "{year} is outside the plan period ({from}–{to}): impossible year.",
  },
  "validate.percentOutOfRange": {
    zh: "百分比指标的数值应在 0 到 100 之间，现为 {value}。",
    en: "A percentage must be between 0 and 100; found {value}.",
  },
  "validate.rateOutOfRange": {
    zh: "增速应大于 −100%，现为 {value}。",
    en: "A growth rate must be above −100%; found {value}.",
  },
  "validate.changeOutOfRange": {
    zh: "年度变化率应在 −100 到 100 之间，现为 {value}。",
    en: "A yearly rate of change must be between −100 and 100; found {value}.",
  },
  "validate.countInvalid": {
    zh: "个数类指标应为不小于 0 的整数，现为 {value}。",
    en: "A count must be a whole number of 0 or more; found {value}.",
  },
  "validate.rankInvalid": {
    zh: "位次应为不小于 1 的整数（1 为最好），现为 {value}。",
    en: "A rank must be a whole number of 1 or more (1 = best); found {value}.",
  },
  "validate.amountNegative": {
    zh: "金额或数量不能为负数，现为 {value}。",
    en: "An amount cannot be negative; found {value}.",
  },
  "validate.looksLikeFraction": {
    zh: "{value} 看起来是小数形式的百分比：是否应为 {suggested}？（本表百分比直接填写百分数，如 1.47 表示 1.47%）",
    en: "{value} looks like a fraction: {suggested}? (this table takes percentages as plain numbers, 1.47 for 1.47%)",
  },
  "validate.implausibleJump": {
    zh: "与 {prevYear} 年（{prev}）相比变化超过 {factor} 倍，请核对。",
    en: "More than a {factor}-fold change from {prevYear} ({prev}); please check.",
  },
  "validate.unknownIndicator": { zh: "找不到指标“{id}”。", en: "No indicator with the id “{id}”." },
  "validate.baselineMissing": {
    zh: "缺少基期值，无法计算完成进度。",
    en: "No baseline: completion progress cannot be computed.",
  },
  "validate.ceilingWithUpDirection": {
    zh: "目标为“不高于”，但指标方向为“越高越好”，请核对。",
    en: "The target is a ceiling (<=) but the indicator is marked higher-is-better; please check.",
  },

  // Why an evaluation has no status.
  "eval.noData": { zh: "尚无实际值。", en: "No actual value yet." },
  "eval.textTarget": {
    zh: "定性目标，不自动判断，请人工填写评估结论。",
    en: "Qualitative target: no computed status; enter a manual verdict.",
  },
  "eval.noBaseline": { zh: "缺少基期值，无法判断进度。", en: "No baseline, so progress cannot be judged." },
  "eval.notStarted": {
    zh: "评估年份 {year} 年不晚于基期年 {baseYear} 年：规划期尚未开始，不作评估。",
    en: "The year evaluated ({year}) is not after the baseline year ({baseYear}): the plan period has not started.",
  },
  "eval.missingYears": {
    zh: "缺少 {years} 年的数据：年均或累计值需要每一年的数据，请补齐。",
    en: "No figure for {years}: an average or a cumulative total needs every year's figure.",
  },
  "eval.rateBelowMinus100": {
    zh: "增长率 {value}% 低于 −100%，不可能。",
    en: "A growth rate of {value}% is below −100%: impossible.",
  },
  "eval.figuresNotGrowth": {
    zh: "年均增长目标的数据应填写各年增速或各年水平值，不能是逐年变化量。",
    en: "An average-growth target needs yearly growth rates or levels, not yearly changes.",
  },
  "eval.figuresNotCumulative": {
    zh: "按百分点或数量计的累计目标，数据应填写各年变化量或水平值，不能是增速。",
    en: "A cumulative rise or fall needs yearly changes or levels, not growth rates.",
  },
  "eval.referenceMissing": {
    zh: "参照指标“{id}”不在本规划中。",
    en: "The reference indicator “{id}” is not in this plan.",
  },
  "eval.referenceNoData": {
    zh: "参照指标“{name}”尚无 {year} 年数据，无法比较。",
    en: "The reference indicator “{name}” has no figure for {year} to compare with.",
  },
  "eval.attributeUnknown": {
    zh: "规划未注明指标属性，按预期性指标评估；如为约束性指标，落后于时间进度即为滞后。",
    en: "The plan does not state the attribute: judged as an expected (预期性) indicator; a binding one lags as soon as it is behind the time line.",
  },
  "eval.baselineYearAssumed": {
    zh: "规划未注明基期年份，按规划基期 {year} 年计算时间进度。",
    en: "The plan gives no baseline year: time progress is counted from the plan's base year {year}.",
  },
  "eval.unreadable": {
    zh: "单元格 {cell} 的“{text}”无法读取为数字，请先修正。",
    en: "Cell {cell} holds “{text}”, which cannot be read as a number; correct it first.",
  },

  // Status labels, in the officials' own words.
  "status.achievedEarly": { zh: "提前实现", en: "achieved early" },
  "status.achieved": { zh: "已完成", en: "achieved" },
  "status.ahead": { zh: "快于预期", en: "ahead" },
  "status.onTrack": { zh: "基本符合预期", en: "on track" },
  "status.lagging": { zh: "滞后", en: "lagging" },
  "status.missed": { zh: "未完成", en: "missed" },
  "status.stale": { zh: "数据滞后（{year}年）", en: "data stale ({year})" },
  "status.needsFix": { zh: "待修正（{column}：{text}）", en: "needs fix ({column}: {text})" },

  // Names of the safe fixes parseUserNumber applied.
  "fix.fullWidth": { zh: "全角字符", en: "full-width characters" },
  "fix.percentSign": { zh: "百分号", en: "percent sign" },
  "fix.thousandsSeparator": { zh: "千位分隔符", en: "thousands separators" },
  "fix.unitSuffix": { zh: "去掉单位", en: "unit removed" },
  "fix.ideographicPoint": { zh: "句号“。”作小数点", en: "“。” used as a decimal point" },
  "fix.unicodeMinus": { zh: "特殊负号", en: "non-ASCII minus sign" },
  "fix.fractionToPercent": { zh: "小数改为百分数", en: "fraction turned into a percentage" },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof catalogue;

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(catalogue, code);
}

/** Numbers in messages: whole numbers as they are, others to at most 4 decimals (no float noise like 0.30000000000000004). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(4)));
}

/** "1 warning", "2 warnings", "0 warnings": English counts agree with their noun (Chinese needs no plural). */
export function countOf(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/**
 * Fills `{name}` placeholders: numbers as formatNumber writes them, a placeholder with no argument left as it is.
 * `{name|one|many}` is a count with its noun in the right number (countOf): "{count|warning|warnings}" gives
 * "1 warning" and "3 warnings", so no English sentence says "1 warnings".
 * Every message table of the add-in (core, functions, pane) fills its templates through this one function.
 */
export function fillTemplate(template: string, args?: Record<string, string | number>): string {
  if (!args) return template;
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, many?: string) => {
      const v = args[name];
      if (v === undefined) return whole;
      if (one !== undefined && many !== undefined) {
        const n = typeof v === "number" ? v : Number(v);
        return Number.isFinite(n) ? countOf(n, one, many) : `${v} ${many}`;
      }
      return typeof v === "number" ? formatNumber(v) : v;
    },
  );
}

export function message(code: MessageCode, lang: Lang, args?: Record<string, string | number>): string {
  return fillTemplate(catalogue[code][lang], args);
}

/** Both languages at once, for findings and cell messages that may be shown in either. */
export function messagePair(code: MessageCode, args?: Record<string, string | number>): { zh: string; en: string } {
  return { zh: message(code, "zh", args), en: message(code, "en", args) };
}

/** Office display language → our language: any Chinese locale (zh, zh-CN, zh-TW, zh_Hans…) is zh, everything else en. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^zh(\b|[-_])/i.test(locale.trim()) ? "zh" : "en";
}
