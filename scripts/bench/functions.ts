/**
 * PLAN functions, value forms: calls per second of each spec's evaluate (what the stand-in and the
 * wrappers run) and of the Excel wrappers in functions.ts (with a stub CustomFunctions and Office, as
 * in Excel), and HyperFormula's RRI over the same inputs as PLAN.GROWTH, with the results compared.
 */
import { HyperFormula } from "hyperformula";
import * as wrappers from "../../src/functions/functions";
import { PLAN_FUNCTIONS, type PlanFunctionId } from "../../src/functions/planFunctions";
import { seedPlan } from "../../src/core/seedPlan";
import {
  buildHeaderRow,
  indicatorRowValues,
  templateColumns,
  WORKBOOK_LANGUAGE_SETTING,
} from "../../src/core/templateLayout";
import { asyncBatchRate, batchRate, calibrate, callsPerSecond, summarise, type Sampled } from "./timing";
import { performance } from "node:perf_hooks";
import { CUSTOM_FUNCTIONS_ERROR_CODES, CustomFunctionsError } from "../../dev/standin/customFunctions";

/** A seed template header and a few of its rows with figures, for PLAN.EVALUATE and PLAN.DATAYEAR. */
const HEADER = buildHeaderRow(seedPlan, "zh");
const ROWS = seedPlan.indicators.slice(0, 4).map((ind, i) => {
  const values = indicatorRowValues(
    seedPlan,
    {
      ...ind,
      actuals: { "2021": { value: (ind.baseline ?? 1) * (1 + i / 10) }, "2022": { value: (ind.baseline ?? 1) * 1.1 } },
    },
    "zh",
  );
  return templateColumns(seedPlan).map((c) => values[c.key] ?? "");
});

/** Value-form arguments, a few variants per function so no call is a constant. */
export const VALUE_FORM_INPUTS: Record<PlanFunctionId, unknown[][]> = {
  EVALUATE: ROWS.map((row, i) => [[HEADER], [row], ["status", "gap", "progress", "growth"][i], 2022, null]),
  DATAYEAR: [[[HEADER], ROWS]],
  GAP: [
    [1.2, 1.47, null],
    [133, 150, "up"],
    [4, 3, "down"],
    [0.9, 1.47, null],
  ],
  GROWTH: [
    [1.2, 1.47, 5],
    [116, 150, 4],
    [26.5, 40, 3],
    [8, 12, 2],
  ],
  STEP: [
    [116, 150, 5],
    [1.2, 1.47, 4],
    [26.5, 40, 3],
    [8, 12, 2],
  ],
  PROGRESS: [
    [116, 133, 150, null],
    [1.2, 1.35, 1.47, "up"],
    [5, 4, 3, "down"],
    [20, 22, 30, null],
  ],
  ELAPSED: [
    [2020, 2025, 2023],
    [2020, 2025, 2021],
    [2019, 2025, 2024],
    [2015, 2025, 2020],
  ],
  EXPECTED: [
    [116, 150, 2020, 2025, 2023, null],
    [1.2, 1.47, 2020, 2025, 2022, "geometric"],
    [20, 30, 2015, 2025, 2020, "linear"],
    [8, 12, 2020, 2025, 2024, null],
  ],
  STATUS: [
    [116, 120, 150, 2020, 2025, 2023, null, null, null],
    [1.2, 1.35, 1.47, 2020, 2025, 2022, "up", true, null],
    [5, 4, 3, 2020, 2025, 2023, "down", false, 0.1],
    [20, 29, 30, 2020, 2025, 2024, null, null, null],
  ],
};

const WRAPPER_OF: Record<PlanFunctionId, (args: unknown[]) => unknown> = {
  GAP: (a) => wrappers.gap(a[0], a[1], a[2], INVOCATION),
  GROWTH: (a) => wrappers.growth(a[0], a[1], a[2], INVOCATION),
  STEP: (a) => wrappers.step(a[0], a[1], a[2], INVOCATION),
  PROGRESS: (a) => wrappers.progress(a[0], a[1], a[2], a[3], INVOCATION),
  ELAPSED: (a) => wrappers.elapsed(a[0], a[1], a[2]),
  EXPECTED: (a) => wrappers.expected(a[0], a[1], a[2], a[3], a[4], a[5]),
  STATUS: (a) => wrappers.status(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], INVOCATION),
  EVALUATE: (a) => wrappers.evaluate(a[0] as never, a[1] as never, a[2], a[3], a[4] as never),
  DATAYEAR: (a) => wrappers.datayear(a[0] as never, a[1] as never, INVOCATION),
};

/**
 * What Excel passes with literal arguments: no addresses, so no row lookup. The streaming functions' value
 * form answers at once through setResult (kept in `lastResult`, so the call is not optimised away).
 */
let lastResult: unknown = null;
const INVOCATION = {
  parameterAddresses: ["", "", "", "", "", "", "", "", ""],
  setResult: (value: unknown) => {
    lastResult = value;
  },
} as unknown as CustomFunctions.StreamingInvocation<unknown[][]>;

/** The globals Excel's shared runtime provides, reduced to what the wrappers read. */
export function installExcelGlobals(): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = { CustomFunctions: g.CustomFunctions, Office: g.Office };
  g.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: CUSTOM_FUNCTIONS_ERROR_CODES,
  };
  g.Office = {
    context: {
      document: { settings: { get: (k: string) => (k === WORKBOOK_LANGUAGE_SETTING ? "zh" : null) } },
      requirements: { isSetSupported: () => true },
    },
  };
  return () => {
    g.CustomFunctions = before.CustomFunctions;
    g.Office = before.Office;
  };
}

export interface FunctionRate {
  id: PlanFunctionId;
  /** spec.evaluate(args, { lang }) per second. */
  evaluatePerSecond: Sampled;
  /** The Excel wrapper in functions.ts per second (row-capable ones return a promise; awaited in batches). */
  wrapperPerSecond: Sampled;
  wrapperAsync: boolean;
}

export interface RriComparison {
  /** PLAN.GROWTH evaluate calls per second on the RRI inputs. */
  growthPerSecond: Sampled;
  /** HyperFormula RRI cells recalculated per second (a sheet of N RRI formulas, inputs changed in one batch). */
  rriRecalcPerSecond: Sampled;
  /** HyperFormula calculateFormula("=RRI(…)") per second (parse + evaluate, as a formula typed once). */
  rriFormulaPerSecond: Sampled;
  cells: number;
  /** Largest |PLAN.GROWTH − RRI| over the inputs. */
  maxAbsDifference: number;
}

const ROUNDS = 7;

/**
 * Rounds are interleaved (round 1 of every function, then round 2 …) so a burst of load from another
 * process hits all functions alike instead of ruining one function's figure.
 */
export async function benchFunctions(): Promise<{ rates: FunctionRate[]; rri: RriComparison }> {
  const restore = installExcelGlobals();
  try {
    warmUp();
    const ctx = { lang: "zh" as const };
    const plans = PLAN_FUNCTIONS.map((spec) => {
      const inputs = VALUE_FORM_INPUTS[spec.id];
      const n = inputs.length;
      const evaluate = (i: number) => spec.evaluate(inputs[i % n]!, ctx);
      const wrap = WRAPPER_OF[spec.id];
      const wrapper = (i: number) => wrap(inputs[i % n]!);
      const wrapperAsync = wrap(inputs[0]!) instanceof Promise;
      return {
        spec,
        evaluate,
        wrapper,
        wrapperAsync,
        evaluateBatch: calibrate(evaluate),
        wrapperBatch: wrapperAsync ? 20000 : calibrate(wrapper),
        evaluateRates: [] as number[],
        wrapperRates: [] as number[],
      };
    });
    for (let round = 0; round < ROUNDS; round++) {
      for (const p of plans) {
        p.evaluateRates.push(batchRate(p.evaluate, p.evaluateBatch));
        p.wrapperRates.push(
          p.wrapperAsync
            ? await asyncBatchRate((i) => p.wrapper(i) as Promise<unknown>, p.wrapperBatch)
            : batchRate(p.wrapper, p.wrapperBatch),
        );
      }
    }
    const rates: FunctionRate[] = plans.map((p) => ({
      id: p.spec.id,
      evaluatePerSecond: summarise(p.evaluateRates, "higher"),
      wrapperPerSecond: summarise(p.wrapperRates, "higher"),
      wrapperAsync: p.wrapperAsync,
    }));
    return { rates, rri: compareWithRri() };
  } finally {
    restore();
  }
}

/**
 * A workbook uses all seven functions, so the JIT sees them all before any is timed: each is measured
 * in the state a recalculating workbook is in, not in a state tuned to it alone.
 */
function warmUp(ms = 600): void {
  const ctx = { lang: "zh" as const };
  const until = performance.now() + ms;
  let sink = 0;
  while (performance.now() < until) {
    for (const spec of PLAN_FUNCTIONS) {
      for (const args of VALUE_FORM_INPUTS[spec.id]) if (spec.evaluate(args, ctx) !== undefined) sink++;
      for (const args of VALUE_FORM_INPUTS[spec.id]) void WRAPPER_OF[spec.id](args);
    }
  }
  if (sink < 0 || lastResult === sink) console.log(sink, lastResult);
}

/** Deterministic RRI inputs: years 1..10, current 0.5..500, target around it. */
function rriInputs(count: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i < count; i++) {
    const years = (i % 10) + 1;
    const current = 0.5 + ((i * 37) % 1000) / 2;
    const target = current * (0.8 + ((i * 13) % 100) / 100);
    out.push([years, current, target]);
  }
  return out;
}

function compareWithRri(cells = 20000): RriComparison {
  const growth = PLAN_FUNCTIONS.find((f) => f.id === "GROWTH")!;
  const inputs = rriInputs(cells);
  const ctx = { lang: "zh" as const };
  const growthPerSecond = callsPerSecond((i) => {
    const [years, current, target] = inputs[i % cells]!;
    return growth.evaluate([current, target, years], ctx);
  });

  const hf = HyperFormula.buildFromArray(
    inputs.map(([y, c, t], r) => [y, c, t, `=RRI(A${r + 1},B${r + 1},C${r + 1})`]),
    { licenseKey: "gpl-v3" },
  );
  try {
    const sheet = 0;
    let maxAbsDifference = 0;
    inputs.forEach(([years, current, target], r) => {
      const rri = hf.getCellValue({ sheet, row: r, col: 3 });
      const plan = growth.evaluate([current, target, years], ctx);
      if (typeof rri === "number" && typeof plan === "number")
        maxAbsDifference = Math.max(maxAbsDifference, Math.abs(rri - plan));
      else maxAbsDifference = Number.POSITIVE_INFINITY; // one of them failed where the other did not
    });
    // Recalculation: change every "years" input in one batch, so all N RRI cells are recomputed.
    const recalcRates: number[] = [];
    for (let round = 0; round < 5; round++) {
      const column = inputs.map(([y]) => [((y + round) % 10) + 1]);
      const t0 = performance.now();
      hf.setCellContents({ sheet, row: 0, col: 0 }, column);
      recalcRates.push((cells * 1000) / (performance.now() - t0));
    }
    const formulaRate = callsPerSecond(
      (i) => {
        const [years, current, target] = inputs[i % cells]!;
        return hf.calculateFormula(`=RRI(${years},${current},${target})`, sheet);
      },
      5,
      150,
    );
    return {
      growthPerSecond,
      rriRecalcPerSecond: summarise(recalcRates, "higher"),
      rriFormulaPerSecond: formulaRate,
      cells,
      maxAbsDifference,
    };
  } finally {
    hf.destroy();
  }
}
