/**
 * Property tests (fast-check, fixed seed so every run checks the same cases): arbitrary unicode text,
 * numbers including -0, 1e308 and subnormals, booleans, blanks and error objects through the parser,
 * every PLAN function in every position, validation and plan files. Invariants only: never a throw,
 * never NaN/Infinity/-0 out, a readable message whenever something is refused. The PLAN functions are
 * checked on each spec's `compute`, before the guard (`evaluate`) that turns any bug into an error value.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMessageCode, message } from "../../src/core/messages";
import { parseUserNumber } from "../../src/core/numberParsing";
import { parsePlanFile, serializePlanFile } from "../../src/core/planFile";
import { seedPlan } from "../../src/core/seedPlan";
import { validateEntry, validatePlanData } from "../../src/core/validation";
import { isCellError, PLAN_FUNCTIONS } from "../../src/functions/planFunctions";
import { isReadableMessage, nonFinitePaths } from "./hostileInputs";

const SEED = 20260701;
const RUNS = { seed: SEED, numRuns: 300 };

const edgeNumbers = fc.constantFrom(
  -0,
  0,
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  Number.MAX_SAFE_INTEGER,
  2020,
  2025,
  1.47,
);
const number = fc.oneof(fc.double(), edgeNumbers, fc.integer({ min: -5000, max: 5000 }));
/** Text as staff type it: any unicode, digits mixed with the characters the parser treats specially. */
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .array(fc.constantFrom(..."0123456789０１２３４５６７８９.,。，%％−－-+eE 家万亿#N/A".split("")), { maxLength: 16 })
    .map((cs) => cs.join("")),
  number.map((n) => String(n)),
);
const cellValue = fc.oneof(
  number,
  text,
  fc.boolean(),
  fc.constantFrom(null, undefined, "", { error: "#N/A" }, { code: "#DIV/0!" }, [[1]]),
);

describe("parseUserNumber", () => {
  it("never throws; a number out is finite and never -0; a refusal has a readable message", () => {
    fc.assert(
      fc.property(cellValue, fc.boolean(), fc.constantFrom(undefined, "%", "家", "亿元"), (value, percent, unit) => {
        const parsed = parseUserNumber(value, { percent, ...(unit ? { unit } : {}) });
        if (parsed.ok) {
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(Object.is(parsed.value, -0)).toBe(false);
        } else {
          expect(isMessageCode(parsed.code)).toBe(true);
          expect(isReadableMessage(message(parsed.code, "zh", parsed.args))).toBe(true);
          expect(isReadableMessage(message(parsed.code, "en", parsed.args))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("reads back every finite number written the way JavaScript prints it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), edgeNumbers), (n) => {
        const parsed = parseUserNumber(String(n));
        expect(parsed).toEqual({ ok: true, value: n === 0 ? 0 : n, fixes: [] });
      }),
      RUNS,
    );
  });
});

describe("PLAN functions: any value in any position", () => {
  for (const spec of PLAN_FUNCTIONS) {
    it(`PLAN.${spec.id}`, () => {
      fc.assert(
        fc.property(
          fc.array(cellValue, { minLength: spec.parameters.length, maxLength: spec.parameters.length }),
          fc.constantFrom("zh" as const, "en" as const),
          (args, lang) => {
            const result = spec.compute(args, { lang });
            if (isCellError(result)) {
              expect(["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"]).toContain(result.error);
              expect(isReadableMessage(result.message), result.message.slice(0, 200)).toBe(true);
            } else if (typeof result === "number") {
              expect(Number.isFinite(result)).toBe(true);
              expect(Object.is(result, -0)).toBe(false);
            } else {
              expect(typeof result === "string" ? result.trim().length > 0 : typeof result === "boolean").toBe(true);
            }
          },
        ),
        RUNS,
      );
    });
  }

  it("value forms of numeric arguments: mostly valid numbers, so the maths (not just the refusals) is exercised", () => {
    const years = fc.integer({ min: 1900, max: 2200 });
    fc.assert(
      fc.property(number, number, number, years, years, years, (a, b, c, y0, y1, y2) => {
        for (const spec of PLAN_FUNCTIONS) {
          const args =
            spec.id === "ELAPSED"
              ? [y0, y1, y2]
              : spec.id === "EXPECTED"
                ? [a, b, y0, y1, y2, null]
                : spec.id === "STATUS"
                  ? [a, b, c, y0, y1, y2, null, null, null]
                  : [a, b, c, null];
          const result = spec.compute(args.slice(0, spec.parameters.length), { lang: "en" });
          if (typeof result === "number") {
            expect(Number.isFinite(result)).toBe(true);
            expect(Object.is(result, -0)).toBe(false);
          }
          if (isCellError(result)) expect(isReadableMessage(result.message)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe("validation", () => {
  const indicators = seedPlan.indicators;
  it("validateEntry: any value, any year of the period (and around it), any indicator", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: indicators.length - 1 }),
        fc.integer({ min: 1990, max: 2040 }),
        cellValue,
        (i, year, raw) => {
          const { value, findings } = validateEntry(seedPlan, indicators[i]!, year, raw);
          expect(value === null || Number.isFinite(value)).toBe(true);
          for (const f of findings) {
            expect(isReadableMessage(f.message.zh)).toBe(true);
            expect(isReadableMessage(f.message.en)).toBe(true);
          }
          expect(nonFinitePaths(findings.map((f) => ({ ...f, message: null })))).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it("validatePlanData: a sheet of arbitrary entries", () => {
    const entry = fc.record({
      indicatorId: fc.oneof(fc.constantFrom(...indicators.map((i) => i.id)), fc.string({ maxLength: 8 })),
      year: fc.integer({ min: 2015, max: 2030 }),
      raw: cellValue,
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const findings = validatePlanData(seedPlan, entries);
        for (const f of findings) expect(isReadableMessage(f.message.zh) && isReadableMessage(f.message.en)).toBe(true);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe("plan files", () => {
  const seedJson = JSON.parse(serializePlanFile(seedPlan)) as Record<string, unknown>;
  it("any text is either a plan or a list of readable issues", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), fc.json()), (t) => {
        const result = parsePlanFile(t);
        if (!result.ok)
          for (const issue of result.issues)
            expect(isReadableMessage(issue.message.zh) && isReadableMessage(issue.message.en)).toBe(true);
      }),
      RUNS,
    );
  });

  it("the seed plan with one field replaced by anything JSON can hold", () => {
    const fields = ["title", "baseYear", "targetYear", "id", "formatVersion", "indicators", "source"];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const result = parsePlanFile(JSON.stringify({ ...seedJson, [field]: value }));
        if (result.ok) expect(nonFinitePaths(result.plan)).toEqual([]);
        else for (const issue of result.issues) expect(isReadableMessage(issue.message.en)).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
