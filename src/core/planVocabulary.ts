/**
 * The plan format's fixed word lists, kept free of zod so that code which only needs the words (the
 * custom functions loaded on workbook open) does not pull the schema library into its bundle.
 * planSchema.ts builds its enums from these and re-exports them.
 */
/**
 * The longest plan period (targetYear − baseYear) the add-in takes: a five-year plan with its 2035
 * vision, 2020–2035. The template has one input column per year and the portable copy's native formulas
 * check each year's cell; a longer "plan" is far more likely a typing slip (1925 for 2025) than a plan.
 */
export const MAX_PLAN_YEARS = 15;

export const indicatorKinds = ["percent", "count", "amount", "rank", "index"] as const;
export const statusCodes = ["achieved", "ahead", "onTrack", "lagging", "missed"] as const;

/**
 * How an indicator's yearly figures are published:
 * level  — the indicator's own value (城镇化率 64.72 %, 人均预期寿命 78.2 岁);
 * rate   — that year's growth over the previous year, in % (GDP 增长 8.1);
 * change — that year's change: for a 〔〕 reduction the year's cut in % (能耗降低 2.7), otherwise the
 *          year's rise or fall in the indicator's unit (百分点 for shares).
 */
export const figureForms = ["level", "rate", "change"] as const;

/**
 * reach — 达到/提高到: the target is to be attained; attaining it early is 提前实现.
 * keep  — 保持/控制在/不低于/不高于/以内/以上: the bound must hold through the period; holding it is
 *         基本符合预期 while the period runs and 已完成 in the target year.
 */
export const obligations = ["reach", "keep"] as const;

/** ≥ the value must be at least the target; ≤ at most. */
export const comparators = [">=", "<="] as const;

/**
 * 〔〕 totals and "提高 N 个百分点": reduction — a relative cut in %, yearly cuts compound; increase /
 * decrease — a rise or fall in the indicator's unit (百分点 for shares), yearly changes add up.
 */
export const cumulativeModes = ["reduction", "increase", "decrease"] as const;

/** Targets relative to another indicator: above — 高于 (not below it); inStep — 基本同步 (not behind by more than the band). */
export const relations = ["above", "inStep"] as const;

/** Which release a figure comes from: 快报 (preliminary), 年报/统计年鉴 (annual), 修订 (revised). */
export const releases = ["preliminary", "annual", "revised"] as const;

/** 年度监测 / 中期评估 / 总结评估. */
export const evaluationKinds = ["annual", "midterm", "final"] as const;
