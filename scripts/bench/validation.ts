/**
 * Validation cost: plans of 11, 1,000 and 10,000 indicators × 10 years of figures. Reading the plan
 * file (JSON + schema), checking it (validatePlanData on its stored figures), and checking what a
 * sheet holds (validatePlanData with every figure as a raw entry, the pane's Validate path).
 */
import { parsePlanFile } from "../../src/core/planFile";
import { validatePlanData } from "../../src/core/validation";
import { syntheticPlan, syntheticPlanInput } from "./plans";
import { sampleMs, type Sampled } from "./timing";

export interface ValidationTiming {
  indicators: number;
  figures: number;
  parseMs: Sampled;
  validateMs: Sampled;
  validateEntriesMs: Sampled;
  findings: number;
}

export function benchValidation(sizes: readonly number[] = [11, 1000, 10000]): ValidationTiming[] {
  return sizes.map((count) => {
    const text = JSON.stringify(syntheticPlanInput(count));
    const parsed = parsePlanFile(text);
    if (!parsed.ok) throw new Error(`synthetic plan of ${count} does not parse: ${parsed.issues[0]?.message.en}`);
    const plan = syntheticPlan(count);
    // The sheet's view: every figure as the cell gives it, plan figures cleared so entries take their place.
    const entries = plan.indicators.flatMap((ind) =>
      Object.entries(ind.actuals).map(([year, a]) => ({ indicatorId: ind.id, year: Number(year), raw: a.value })),
    );
    const bare = { ...plan, indicators: plan.indicators.map((ind) => ({ ...ind, actuals: {} })) };
    const rounds = count >= 10000 ? 3 : 9;
    const findings = validatePlanData(plan).length;
    return {
      indicators: count,
      figures: entries.length,
      parseMs: sampleMs(() => parsePlanFile(text), rounds),
      validateMs: sampleMs(() => validatePlanData(plan), rounds),
      validateEntriesMs: sampleMs(() => validatePlanData(bare, entries), rounds),
      findings,
    };
  });
}
