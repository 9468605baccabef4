/** Plans with figures for the report tests: the seed plan's 11 main indicators with made-up yearly figures. */
import { plan as planSchema, type Plan, type PlanInput } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";

/** Figures 2021–2023 (新产品销售收入占比 only to 2022, 综合科技进步水平 none): a mid-term picture. */
export const MIDTERM_FIGURES: Record<string, Record<string, number>> = {
  RD_INTENSITY: { "2021": 1.25, "2022": 1.31, "2023": 1.38 },
  ENTERPRISE_RD_SHARE: { "2021": 3.5, "2022": 3.7, "2023": 3.9 },
  RD_PERSONNEL_PER_10K: { "2021": 34, "2022": 37, "2023": 41 },
  HIGH_VALUE_PATENTS_PER_10K: { "2021": 0.3, "2022": 0.45, "2023": 0.6 },
  TECH_CONTRACT_TURNOVER: { "2021": 27, "2022": 30, "2023": 36 },
  HIGH_TECH_ENTERPRISES: { "2021": 120, "2022": 124, "2023": 128 },
  HIGH_TECH_REVENUE_SHARE: { "2021": 2.5, "2022": 2.7, "2023": 2.95 },
  NEW_PRODUCT_SALES_SHARE: { "2021": 28.4, "2022": 28.6 },
  PROVINCIAL_INCUBATORS: { "2021": 8, "2022": 9, "2023": 9 },
  PROVINCIAL_RD_PLATFORMS: { "2021": 23, "2022": 25, "2023": 27 },
};

/** The seed plan with `figures` by indicator id and year, and per-indicator changes. */
export function seedWith(
  figures: Record<string, Record<string, number>>,
  changes: Record<string, Partial<PlanInput["indicators"][number]>> = {},
): Plan {
  return planSchema.parse({
    ...seedPlan,
    indicators: seedPlan.indicators.map((ind) => ({
      ...ind,
      actuals: Object.fromEntries(Object.entries(figures[ind.id] ?? {}).map(([y, v]) => [y, { value: v }])),
      ...changes[ind.id],
    })),
  });
}

export { seedPlan };
