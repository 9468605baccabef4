/**
 * Property tests: whatever arrives (numbers of any size, text, booleans, null, error values, arrays,
 * objects), no PLAN function returns NaN or Infinity or throws; it returns a finite number, a label or a CellError.
 * Checked on each spec's `compute` — the function itself, before the last-resort guard (`evaluate`) that would
 * turn a thrown bug or a NaN into an error value and so let these properties pass on a bug.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { PLAN_FUNCTIONS, guard, isCellError, type CellResult } from "../../src/functions/planFunctions";
import { planWithFigures, templateRowOf } from "./templateFixture";

const anyArg = fc.oneof(
  fc.double(),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: 1890, max: 2210 }),
  fc.constantFrom(0, -0, 1, -1, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN),
  fc.string(),
  fc.constantFrom(
    "１．４７",
    "1.47%",
    "",
    " ",
    "#N/A",
    "#DIV/0!",
    "up",
    "down",
    "逆向",
    "约束性",
    "geometric",
    "1e400",
    "0x10",
    "12万",
    "1,234",
  ),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.array(fc.double(), { maxLength: 2 }), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);

function wellFormed(r: CellResult): boolean {
  if (typeof r === "number") return Number.isFinite(r);
  if (typeof r === "string" || typeof r === "boolean") return true;
  return (
    isCellError(r) &&
    ["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"].includes(r.error) &&
    typeof r.message === "string" &&
    r.message.length > 0
  );
}

describe("no NaN, no Infinity, no exception", () => {
  for (const spec of PLAN_FUNCTIONS) {
    it(`${spec.id} on arbitrary arguments`, () => {
      fc.assert(
        fc.property(
          fc.array(anyArg, { minLength: 0, maxLength: spec.parameters.length + 1 }),
          fc.constantFrom("zh" as const, "en" as const),
          (args, lang) => {
            const r = spec.compute(args, { lang });
            expect(wellFormed(r), JSON.stringify(r)).toBe(true);
          },
        ),
        { numRuns: 400 },
      );
    });

    it(`${spec.id} on finite numbers in plausible ranges`, () => {
      const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
      const year = fc.integer({ min: 1900, max: 2200 });
      const kinds = spec.parameters.map((p) =>
        /year/.test(p.name.en) ? year : p.name.en === "years" ? fc.double({ noNaN: true, min: -10, max: 50 }) : value,
      );
      fc.assert(
        fc.property(fc.tuple(...(kinds as [typeof value])), (args) => {
          expect(wellFormed(spec.compute(args, { lang: "zh" }))).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  it("the row form on rows with arbitrary numbers", () => {
    const base = templateRowOf(planWithFigures(), "RD_INTENSITY");
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
    fc.assert(
      fc.property(
        value,
        value,
        value,
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1900, max: 2200 }),
        fc.constantFrom("up" as const, "down" as const),
        (baseline, target, latest, baseYear, targetYear, direction) => {
          const row = {
            ...base,
            baseline,
            target,
            baselineYear: baseYear,
            targetYear,
            direction,
            actuals: latest === null ? [] : [{ year: Math.min(2200, baseYear + 1), value: latest }],
            latest: latest === null ? null : { year: Math.min(2200, baseYear + 1), value: latest },
          };
          for (const spec of PLAN_FUNCTIONS.filter((s) => s.rowForm)) {
            const found = { row, evaluationYear: undefined, evaluationYearInvalid: null, reference: null };
            const r = spec.compute(["B5"], { lang: "zh", rowAt: () => found });
            expect(wellFormed(r), `${spec.id} ${JSON.stringify(r)}`).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the guard around compute", () => {
  it("turns a bug (a throw, a NaN) into an error value that says so, and logs it — never silently", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const thrown = guard("GAP", { lang: "en" }, () => {
        throw new TypeError("x.map is not a function");
      });
      expect(thrown).toEqual({
        error: "#VALUE!",
        message: expect.stringMatching(/^Internal error in PLAN\.GAP \(x\.map is not a function\)/),
      });
      expect(guard("GAP", { lang: "zh" }, () => Number.NaN)).toMatchObject({
        error: "#NUM!",
        message: expect.stringContaining("PLAN.GAP 内部错误（NaN）"),
      });
      expect(errors).toHaveBeenCalledTimes(2);
      // What compute answers passes through unchanged.
      expect(guard("GAP", { lang: "en" }, () => 0.27)).toBe(0.27);
      expect(guard("GAP", { lang: "en" }, () => ({ error: "#N/A", message: "m" }))).toEqual({
        error: "#N/A",
        message: "m",
      });
    } finally {
      errors.mockRestore();
    }
  });
});
