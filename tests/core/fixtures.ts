/**
 * A small plan built from the seed table's figures (张掖市"十四五"科技创新体系主要指标) plus the
 * target forms the seed does not use (ceilings, 左右, 〔〕 reductions, 年均增长, text), so the core's
 * tests do not depend on the seed file's exact contents. Plan format version 2.
 */
import { plan, type Indicator, type Plan, type PlanInput } from "../../src/core/planSchema";

type IndicatorInput = PlanInput["indicators"][number];

export function indicator(over: Partial<IndicatorInput> & { id: string }): IndicatorInput {
  return {
    category: { zh: "投入指标", en: "Input indicators" },
    name: { zh: over.id, en: over.id },
    unit: { zh: "%", en: "%" },
    kind: "percent",
    direction: "up",
    baseline: 1.2,
    baselineYear: 2020,
    target: { kind: "level", value: 1.47, comparator: ">=", obligation: "reach" },
    attribute: "expected",
    actuals: {},
    ...over,
  };
}

export function makePlan(indicators: IndicatorInput[], years: { baseYear?: number; targetYear?: number } = {}): Plan {
  return plan.parse({
    formatVersion: 2,
    id: "test-plan",
    title: { zh: "测试规划", en: "Test plan" },
    source: { document: { zh: "测试", en: "Test" }, issuer: { zh: "测试", en: "Test" }, date: "2021-12-30" },
    baseYear: years.baseYear ?? 2020,
    targetYear: years.targetYear ?? 2025,
    indicators,
  });
}

/** The seed table's rows with the figures the hand calculations use. */
export const seedRows = {
  rank: indicator({
    id: "TECH_PROGRESS_RANK",
    kind: "rank",
    unit: { zh: "位", en: "rank" },
    direction: "down",
    baseline: 3,
    target: { kind: "level", value: 3, comparator: "<=", obligation: "keep" },
  }),
  rdIntensity: indicator({
    id: "RD_INTENSITY",
    baseline: 1.2,
    target: { kind: "level", value: 1.47, comparator: ">=", obligation: "reach" },
  }),
  enterpriseRd: indicator({
    id: "ENTERPRISE_RD_SHARE",
    baseline: 3.3,
    baselineYear: 2019,
    target: { kind: "level", value: 5.2, comparator: ">=", obligation: "reach" },
  }),
  patents: indicator({
    id: "HIGH_VALUE_PATENTS",
    kind: "index",
    unit: { zh: "件", en: "per 10,000 people" },
    baseline: 0.2,
    target: { kind: "level", value: 0.8, comparator: ">=", obligation: "reach" },
  }),
  hiTechFirms: indicator({
    id: "HIGH_TECH_FIRMS",
    kind: "count",
    unit: { zh: "家", en: "firms" },
    baseline: 116,
    target: { kind: "level", value: 150, comparator: ">=", obligation: "reach" },
  }),
  contracts: indicator({
    id: "TECH_CONTRACTS",
    kind: "amount",
    unit: { zh: "亿元", en: "100 million yuan" },
    baseline: 24.51,
    target: { kind: "level", value: 39, comparator: ">=", obligation: "reach" },
  }),
} satisfies Record<string, IndicatorInput>;

export function only(p: Plan, id: string): Indicator {
  const found = p.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

export function withActuals(
  row: IndicatorInput,
  actuals: Record<string, number>,
  extra: Partial<IndicatorInput> = {},
): IndicatorInput {
  return { ...row, ...extra, actuals: Object.fromEntries(Object.entries(actuals).map(([y, value]) => [y, { value }])) };
}
