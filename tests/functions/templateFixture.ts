/** A seed-plan template as the pane inserts it, with a few figures typed in, as a grid of cells. */
import type { Indicator, Plan } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { buildHeaderRow, indicatorRowValues, templateColumns } from "../../src/core/templateLayout";
import { readTemplateRow, type TemplateRow } from "../../src/core/templateRow";
import type { Lang } from "../../src/core/messages";

/**
 * Figures typed for the test, all up to 2023 (the table's evaluation year): RD_INTENSITY on track,
 * HIGH_TECH_ENTERPRISES lagging, the rank slipping out of the bound it keeps, incubators reached early.
 */
export const typedActuals: Record<string, Record<string, number>> = {
  RD_INTENSITY: { "2021": 1.25, "2023": 1.38 },
  TECH_PROGRESS_RANK: { "2023": 4 },
  HIGH_TECH_ENTERPRISES: { "2023": 120 },
  HIGH_VALUE_PATENTS_PER_10K_GROWTH: { "2023": 0.35 },
  PROVINCIAL_INCUBATORS: { "2023": 10 },
};

export function planWithFigures(): Plan {
  return {
    ...seedPlan,
    indicators: seedPlan.indicators.map((ind): Indicator => {
      const typed = typedActuals[ind.id];
      return typed
        ? { ...ind, actuals: Object.fromEntries(Object.entries(typed).map(([y, value]) => [y, { value }])) }
        : ind;
    }),
  };
}

export function templateGrid(plan: Plan, lang: Lang): unknown[][] {
  const keys = templateColumns(plan).map((c) => c.key);
  return [
    buildHeaderRow(plan, lang),
    ...plan.indicators.map((ind) => {
      const values = indicatorRowValues(plan, ind, lang);
      return keys.map((k) => values[k] ?? "");
    }),
  ];
}

/** The TemplateRow of an indicator in the template grid. */
export function templateRowOf(plan: Plan, id: string, lang: Lang = "zh"): TemplateRow {
  const grid = templateGrid(plan, lang);
  const i = plan.indicators.findIndex((ind) => ind.id === id);
  const row = readTemplateRow(grid[0]!, grid[i + 1]!);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}
