/**
 * Every PLAN function, every argument position, every hostile input: a finite number, a label or a
 * CellError with a readable message in the workbook's language — never NaN, Infinity, -0 or a throw.
 * Checked on each spec's `compute`, before the last-resort guard (`evaluate`) that would turn a bug into
 * an error value: a throw or a NaN here is a bug the guard must not hide.
 * The Excel wrappers in functions.ts give the same answer, as a CustomFunctions.Error for errors.
 * And the row form: each cell of a template row replaced by each hostile input.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/messages";
import { parseUserNumber } from "../../src/core/numberParsing";
import { seedPlan } from "../../src/core/seedPlan";
import {
  buildHeaderRow,
  indicatorRowValues,
  templateColumns,
  WORKBOOK_LANGUAGE_SETTING,
} from "../../src/core/templateLayout";
import { readTemplateRow } from "../../src/core/templateRow";
import * as wrappers from "../../src/functions/functions";
import { isCellError, PLAN_FUNCTIONS, type CellResult, type PlanFunctionId } from "../../src/functions/planFunctions";
import { HOSTILE_INPUTS, LONG_TEXT, hasChinese, isReadableMessage } from "./hostileInputs";

/** The seed template's header and the R&D intensity row with two figures: PLAN.EVALUATE's ranges. */
const HEADER = buildHeaderRow(seedPlan, "zh");
const RD_ROW = (() => {
  const ind = seedPlan.indicators.find((i) => i.id === "RD_INTENSITY")!;
  const values = indicatorRowValues(
    seedPlan,
    { ...ind, actuals: { "2021": { value: 1.3 }, "2022": { value: 1.35 } } },
    "zh",
  );
  return templateColumns(seedPlan).map((c) => values[c.key] ?? "");
})();

/** A valid value-form call of each function; each position is replaced in turn. */
const VALID: Record<PlanFunctionId, unknown[]> = {
  EVALUATE: [[HEADER], [RD_ROW], "status", 2022, null],
  DATAYEAR: [[HEADER], [RD_ROW]],
  GAP: [1.2, 1.47, "up"],
  GROWTH: [1.2, 1.47, 5],
  STEP: [116, 150, 5],
  PROGRESS: [116, 133, 150, "up"],
  ELAPSED: [2020, 2025, 2023],
  EXPECTED: [116, 150, 2020, 2025, 2023, "linear"],
  STATUS: [116, 120, 150, 2020, 2025, 2023, "up", false, 0.1],
};

const ERRORS = new Set(["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"]);

/** PLAN.EVALUATE answers "" where a field does not apply (a blank cell in the template): that is sound too. */
function expectSound(result: CellResult, lang: Lang, what: string, blankAllowed = false): void {
  if (isCellError(result)) {
    expect(ERRORS.has(result.error), what).toBe(true);
    expect(isReadableMessage(result.message), `${what}: ${result.message.slice(0, 200)}`).toBe(true);
    if (lang === "zh") expect(hasChinese(result.message), what).toBe(true);
    return;
  }
  if (typeof result === "number") {
    expect(Number.isFinite(result), what).toBe(true);
    expect(Object.is(result, -0), what).toBe(false);
    return;
  }
  if (typeof result === "string") {
    if (!blankAllowed) expect(result.trim().length, what).toBeGreaterThan(0);
    return;
  }
  expect(typeof result, what).toBe("boolean");
}

describe("PLAN functions, value form: every position × every hostile input", () => {
  for (const spec of PLAN_FUNCTIONS) {
    it(`PLAN.${spec.id}`, () => {
      const valid = VALID[spec.id];
      expect(valid).toHaveLength(spec.parameters.length);
      for (let position = 0; position < valid.length; position++) {
        for (const h of HOSTILE_INPUTS) {
          const args = valid.slice();
          args[position] = h.value;
          for (const lang of ["zh", "en"] as const) {
            const what = `PLAN.${spec.id} arg ${position} = ${h.label} (${lang})`;
            let result: CellResult | undefined;
            expect(() => (result = spec.compute(args, { lang })), what).not.toThrow();
            expectSound(result!, lang, what, spec.id === "EVALUATE");
            // A required number that cannot be read is named in the message: staff see which argument.
            const param = spec.parameters[position]!;
            const parsed = parseUserNumber(h.value);
            const numeric = typeof valid[position] === "number" && !param.optional;
            if (numeric && !parsed.ok) {
              expect(isCellError(result), what).toBe(true);
              if (isCellError(result)) expect(result.message, what).toContain(param.name[lang]);
            }
          }
        }
      }
    });
  }
});

class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

describe("Excel wrappers (functions.ts) on the same inputs", () => {
  const g = globalThis as Record<string, unknown>;
  beforeAll(() => {
    g.CustomFunctions = {
      Error: StubError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
      },
    };
    g.Office = {
      context: {
        document: { settings: { get: (k: string) => (k === WORKBOOK_LANGUAGE_SETTING ? "en" : null) } },
        requirements: { isSetSupported: () => true },
      },
    };
  });
  afterAll(() => {
    delete g.CustomFunctions;
    delete g.Office;
  });

  /**
   * Literal arguments: Excel passes no addresses, so no sheet is read. The streaming functions answer through
   * setResult — an error as the whole result (they may not throw) — which this turns back into a return or a throw.
   */
  function streamed(start: (inv: CustomFunctions.StreamingInvocation<unknown[][]>) => void): unknown {
    const results: unknown[] = [];
    const inv = {
      parameterAddresses: ["", "", "", "", "", "", "", "", ""],
      setResult: (v: unknown) => results.push(v),
    } as unknown as CustomFunctions.StreamingInvocation<unknown[][]>;
    start(inv);
    expect(results).toHaveLength(1); // the value form answers once, at once
    if (results[0] instanceof StubError) throw results[0];
    return results[0];
  }
  const call: Record<PlanFunctionId, (a: unknown[]) => unknown> = {
    GAP: (a) => streamed((inv) => wrappers.gap(a[0], a[1], a[2], inv)),
    GROWTH: (a) => streamed((inv) => wrappers.growth(a[0], a[1], a[2], inv)),
    STEP: (a) => streamed((inv) => wrappers.step(a[0], a[1], a[2], inv)),
    PROGRESS: (a) => streamed((inv) => wrappers.progress(a[0], a[1], a[2], a[3], inv)),
    ELAPSED: (a) => wrappers.elapsed(a[0], a[1], a[2]),
    EXPECTED: (a) => wrappers.expected(a[0], a[1], a[2], a[3], a[4], a[5]),
    STATUS: (a) => streamed((inv) => wrappers.status(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], inv)),
    EVALUATE: (a) => wrappers.evaluate(a[0] as never, a[1] as never, a[2], a[3], a[4] as never),
    DATAYEAR: (a) => streamed((inv) => wrappers.datayear(a[0] as never, a[1] as never, inv)),
  };

  for (const spec of PLAN_FUNCTIONS) {
    it(`PLAN.${spec.id}: the value, or a CustomFunctions.Error with the spec's code and message`, async () => {
      const valid = VALID[spec.id];
      for (let position = 0; position < valid.length; position++) {
        for (const h of HOSTILE_INPUTS) {
          const args = valid.slice();
          args[position] = h.value;
          const what = `PLAN.${spec.id} arg ${position} = ${h.label}`;
          const expected = spec.evaluate(args, { lang: "en" });
          let outcome: { value: unknown } | { thrown: unknown };
          try {
            const r = call[spec.id](args);
            outcome = { value: r instanceof Promise ? await r : r };
          } catch (error) {
            outcome = { thrown: error };
          }
          if (isCellError(expected)) {
            expect(outcome, what).toHaveProperty("thrown");
            const thrown = (outcome as { thrown: unknown }).thrown;
            expect(thrown, what).toBeInstanceOf(StubError);
            expect((thrown as StubError).code, what).toBe(expected.error);
            const withMessage = expected.error === "#VALUE!" || expected.error === "#N/A";
            expect((thrown as StubError).message, what).toBe(withMessage ? expected.message : undefined);
          } else {
            const value = (outcome as { value: unknown }).value;
            expect(Array.isArray(value) ? value : [[value]], what).toEqual([[expected]]);
          }
        }
      }
    });
  }
});

describe("PLAN functions, row form: each cell of a template row replaced by each hostile input", () => {
  const plan = {
    ...seedPlan,
    indicators: seedPlan.indicators.map((ind) =>
      ind.id === "RD_INTENSITY" ? { ...ind, actuals: { "2021": { value: 1.3 }, "2022": { value: 1.35 } } } : ind,
    ),
  };
  const ind = plan.indicators.find((i) => i.id === "RD_INTENSITY")!;
  const rowFunctions = PLAN_FUNCTIONS.filter((f) => f.rowForm);
  // The 100,000-character text goes through the value form above; here 2,000 characters keep the
  // 30 columns × 5 functions × 2 languages fast, with the same code paths.
  const ROW_INPUTS = HOSTILE_INPUTS.map((h) =>
    h.value === LONG_TEXT ? { ...h, value: LONG_TEXT.slice(49_000, 51_000) } : h,
  );

  it.each(["zh", "en"] as const)("%s template (the row form and PLAN.EVALUATE)", (lang) => {
    const headers = buildHeaderRow(plan, lang);
    const keys = templateColumns(plan).map((c) => c.key);
    const values = indicatorRowValues(plan, ind, lang);
    const cells: unknown[] = keys.map((k) => values[k] ?? "");
    expect(readTemplateRow(headers, cells)).not.toBeNull();
    for (let column = 0; column < cells.length; column++) {
      for (const h of ROW_INPUTS) {
        const hostile = cells.slice();
        hostile[column] = h.value;
        let row: ReturnType<typeof readTemplateRow> = null;
        expect(() => (row = readTemplateRow(headers, hostile))).not.toThrow();
        for (const spec of rowFunctions) {
          const what = `PLAN.${spec.id}(row) with ${headers[column]} = ${h.label}`;
          let result: CellResult | undefined;
          const found = row ? { row, evaluationYear: undefined, evaluationYearInvalid: null, reference: null } : null;
          expect(() => (result = spec.compute([1], { lang, rowAt: () => found })), what).not.toThrow();
          expectSound(result!, lang, what);
        }
        for (const field of ["status", "gap", "progress", "growth", "value", "dataYear"]) {
          const what = `PLAN.EVALUATE(…, "${field}") with ${headers[column]} = ${h.label}`;
          let result: CellResult | undefined;
          const evaluate = PLAN_FUNCTIONS.find((f) => f.id === "EVALUATE")!;
          expect(
            () => (result = evaluate.compute([[headers], [hostile], field, 2022, null], { lang })),
            what,
          ).not.toThrow();
          expectSound(result!, lang, what, true);
        }
      }
    }
  });
});
