/**
 * Every PLAN function, every argument position, every hostile input: a finite number, a label or a
 * CellError with a readable message in the workbook's language — never NaN, Infinity, -0 or a throw.
 * Checked on each spec's `compute`, before the last-resort guard (`evaluate`) that would turn a bug into
 * an error value: a throw or a NaN here is a bug the guard must not hide.
 * The Excel wrappers in functions.ts give the same answer, as a CustomFunctions.Error for errors.
 * And the row form: each cell of a template row replaced by each hostile input.
 * The catch-all (issue #13 item 2): neither the specs' last-resort guard nor excelHost.ts's catch ever fires
 * for these inputs — through every wrapper, value form and row form (a template in the stand-in, read through
 * the wrappers' own stream hub) — and it does fire, logged and localized zh and en, when a spec throws.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
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
import { insertTemplate } from "../../src/excel/insertTemplate";
import { publishWorkbookLanguage } from "../../src/excel/workbookLanguageSetting";
import { setStreamHub, streamHub, type PlanInvocation } from "../../src/functions/excelHost";
import { functionMessage } from "../../src/functions/functionMessages";
import * as wrappers from "../../src/functions/functions";
import {
  isCellError,
  planFunction,
  PLAN_FUNCTIONS,
  type CellResult,
  type PlanFunctionId,
} from "../../src/functions/planFunctions";
import { planWithFigures } from "../functions/templateFixture";
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
        document: { settings: { get: (k: string) => (k === WORKBOOK_LANGUAGE_SETTING ? workbookLang : null) } },
        requirements: { isSetSupported: () => true },
      },
    };
  });
  afterAll(() => {
    delete g.CustomFunctions;
    delete g.Office;
  });
  let workbookLang: Lang = "en";
  let logged: MockInstance<typeof console.error>;
  beforeEach(() => {
    workbookLang = "en";
    logged = vi.spyOn(console, "error").mockImplementation(() => undefined); // silent: the tests read the calls
  });
  afterEach(() => logged.mockRestore());

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
      // The catch-all never fired: nothing logged (the guard and excelHost.ts log when they catch).
      expect(logged).not.toHaveBeenCalled();
    });
  }

  it.each(["zh", "en"] as const)(
    "the catch-all never fires, %s workbook: no internal-error message for any input",
    async (lang) => {
      workbookLang = lang;
      for (const spec of PLAN_FUNCTIONS) {
        const valid = VALID[spec.id];
        for (let position = 0; position < valid.length; position++) {
          for (const h of HOSTILE_INPUTS) {
            const args = valid.slice();
            args[position] = h.value;
            let outcome: unknown;
            try {
              const r = call[spec.id](args);
              outcome = r instanceof Promise ? await r : r;
            } catch (error) {
              outcome = error;
            }
            const message = outcome instanceof StubError ? (outcome.message ?? "") : "";
            expect(isInternal(message), `PLAN.${spec.id} arg ${position} = ${h.label}: ${message}`).toBe(false);
          }
        }
      }
      expect(logged).not.toHaveBeenCalled();
    },
  );

  describe("and it fires, localized, when a spec throws (so the checks above can fail)", () => {
    afterEach(() => vi.restoreAllMocks());

    /** What Excel gets from a wrapper called with valid arguments: its result, or what it threw. */
    const outcomeOf = async (id: PlanFunctionId): Promise<unknown> => {
      try {
        const r = call[id](VALID[id]);
        return r instanceof Promise ? await r : r;
      } catch (error) {
        return error;
      }
    };

    it.each(["zh", "en"] as const)(
      "a bug inside compute (the spec's guard), %s: every wrapper, #VALUE! with the internal message",
      async (lang) => {
        workbookLang = lang;
        for (const spec of PLAN_FUNCTIONS) {
          vi.spyOn(planFunction(spec.id), "compute").mockImplementation(() => {
            throw new Error("boom");
          });
          const outcome = await outcomeOf(spec.id);
          expect(outcome, `PLAN.${spec.id}`).toEqual(new StubError("#VALUE!", internalMessage(lang, spec.id, "boom")));
        }
        expect(logged).toHaveBeenCalledTimes(PLAN_FUNCTIONS.length);
      },
    );

    it.each(["zh", "en"] as const)(
      "a bug outside the guard (evaluate itself throws), %s: excelHost.ts's catch-all, value and streaming wrappers",
      async (lang) => {
        workbookLang = lang;
        for (const spec of PLAN_FUNCTIONS) {
          vi.spyOn(planFunction(spec.id), "evaluate").mockImplementation(() => {
            throw new TypeError("evaluate broke");
          });
          const outcome = await outcomeOf(spec.id);
          expect(outcome, `PLAN.${spec.id}`).toEqual(
            new StubError("#VALUE!", internalMessage(lang, spec.id, "evaluate broke")),
          );
        }
        expect(logged).toHaveBeenCalledTimes(PLAN_FUNCTIONS.length);
      },
    );
  });
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

  it.each(["zh", "en"] as const)(
    "%s template (the row form and PLAN.EVALUATE)",
    (lang) => {
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
    },
    120_000,
  ); // 30 columns × 40 inputs × 11 evaluations × 2 languages: slow on a loaded 2-core machine
});

/** The catch-all's message ("PLAN.X 内部错误（…）" / "Internal error in PLAN.X (…)"), as functionMessages.ts words it. */
function internalMessage(lang: Lang, id: string, detail: string): string {
  return functionMessage("internal", lang, { id, detail });
}

/** Whether a message is the catch-all's, in either language, whatever the function and detail. */
function isInternal(message: string): boolean {
  return (["zh", "en"] as const).some((lang) => {
    const [head, rest] = internalMessage(lang, "\u0000", "\u0001").split("\u0000") as [string, string];
    const middle = rest.split("\u0001")[0]!;
    return message.startsWith(head) && message.includes(middle);
  });
}

describe("the catch-all never fires for the row form: the wrappers over a template in the stand-in", () => {
  const g = globalThis as Record<string, unknown>;
  let standin: Standin;
  let uninstall: () => void;
  let logged: MockInstance<typeof console.error>;
  beforeEach(() => {
    standin = createStandin({ displayLanguage: "zh-CN" });
    uninstall = installStandin(standin);
    g.CustomFunctions = {
      Error: StubError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    };
    setStreamHub(null); // the wrappers' own hub, over Excel (here the stand-in) through excelRun.ts
    logged = vi.spyOn(console, "error").mockImplementation(() => undefined); // silent: the tests read the calls
  });
  afterEach(() => {
    logged.mockRestore();
    setStreamHub(null);
    uninstall();
    delete g.CustomFunctions;
  });

  // Typed as staff type them (the value form above covers what cannot be typed: objects, NaN, 100,000 characters).
  const TYPED = HOSTILE_INPUTS.filter((h) => h.typed !== null);

  it.each(["zh", "en"] as const)(
    "%s template: every cell of an indicator row typed over with each input, five row-form wrappers following it",
    async (lang) => {
      const plan = planWithFigures();
      const { sheetName } = await insertTemplate(plan, lang);
      await publishWorkbookLanguage(lang); // as the pane does after an insert: the functions read it from there
      await standin.whenIdle();
      const table = standin.workbook.tables(sheetName)[0]!;
      const [first, last] = table.address.replace(/\$/g, "").split(":") as [string, string];
      const header = standin.workbook.cell(sheetName, first);
      const width = standin.workbook.cell(sheetName, last).col - header.col + 1;
      const name = plan.indicators.find((i) => i.id === "RD_INTENSITY")!.name[lang];
      let row = header.row + 1;
      while (standin.workbook.cellAt(sheetName, row, header.col + 2).value !== name) row++;
      const cellAddress = (col: number) => standin.workbook.cellAt(sheetName, row, col).address;
      const reference = `'${sheetName}'!${cellAddress(header.col + 2)}`;

      // One streaming call per row-capable wrapper, as Excel makes it for =PLAN.X(C<row>).
      const results: Record<string, unknown[]> = {};
      const stops: Array<() => void> = [];
      const start = {
        GAP: (inv: PlanInvocation) => wrappers.gap(name, null, null, inv),
        GROWTH: (inv: PlanInvocation) => wrappers.growth(name, null, null, inv),
        STEP: (inv: PlanInvocation) => wrappers.step(name, null, null, inv),
        PROGRESS: (inv: PlanInvocation) => wrappers.progress(name, null, null, null, inv),
        STATUS: (inv: PlanInvocation) => wrappers.status(name, null, null, null, null, null, null, null, null, inv),
      };
      for (const [id, begin] of Object.entries(start)) {
        const pushed: unknown[] = (results[id] = []);
        const inv = {
          parameterAddresses: [reference, "", "", "", "", "", "", "", ""],
          setResult: (v: unknown) => pushed.push(v),
        } as unknown as PlanInvocation;
        begin(inv);
        stops.push(() => inv.onCanceled?.());
      }
      await standin.whenIdle();
      await streamHub().idle();
      for (const [id, pushed] of Object.entries(results))
        expect(pushed.length, `PLAN.${id} answered`).toBeGreaterThan(0);

      const shown = () =>
        Array.from({ length: width }, (_, c) => standin.workbook.cellAt(sheetName, row, header.col + c));
      const original = shown().map((v) => v.input);
      let edits = 0;
      for (let c = 0; c < width; c++) {
        for (const h of TYPED) {
          standin.workbook.setCellInput(sheetName, cellAddress(header.col + c), h.typed!);
          await standin.whenIdle();
          await streamHub().idle();
          edits++;
          // The template's own computed cells (PLAN.EVALUATE in the stand-in) show no internal error either.
          for (const v of shown()) {
            expect(isInternal(v.valueType === "Error" ? String(v.errorMessage ?? "") : ""), `${v.address}`).toBe(false);
          }
        }
        standin.workbook.setCellInput(sheetName, cellAddress(header.col + c), original[c]!);
      }
      await standin.whenIdle();
      await streamHub().idle();
      stops.forEach((stop) => stop());

      expect(edits).toBe(width * TYPED.length);
      for (const [id, pushed] of Object.entries(results)) {
        expect(pushed.length, `PLAN.${id} followed the row`).toBeGreaterThan(1);
        for (const value of pushed) {
          const message = value instanceof StubError ? (value.message ?? "") : "";
          expect(isInternal(message), `PLAN.${id}: ${message}`).toBe(false);
          // Excel shows a message only for #VALUE! and #N/A; those are in the workbook's language.
          if (lang === "zh" && message !== "") expect(hasChinese(message), message).toBe(true);
          if (!(value instanceof StubError))
            expect(Array.isArray(value) && value.length === 1, `PLAN.${id}`).toBe(true);
        }
      }
      expect(logged).not.toHaveBeenCalled();
    },
    300_000,
  );

  it("a bug in the spec shows in the row-form cell as the internal message, in the workbook's language", async () => {
    const plan = planWithFigures();
    const { sheetName } = await insertTemplate(plan, "en");
    await publishWorkbookLanguage("en");
    await standin.whenIdle();
    const spy = vi.spyOn(planFunction("GAP"), "compute").mockImplementation(() => {
      throw new Error("boom");
    });
    try {
      const table = standin.workbook.tables(sheetName)[0]!;
      const header = standin.workbook.cell(sheetName, table.address.replace(/\$/g, "").split(":")[0]!);
      const pushed: unknown[] = [];
      const inv = {
        parameterAddresses: [
          `'${sheetName}'!${standin.workbook.cellAt(sheetName, header.row + 1, header.col + 2).address}`,
          "",
          "",
        ],
        setResult: (v: unknown) => pushed.push(v),
      } as unknown as PlanInvocation;
      wrappers.gap("x", null, null, inv);
      await standin.whenIdle();
      await streamHub().idle();
      inv.onCanceled?.();
      expect(pushed).toEqual([new StubError("#VALUE!", internalMessage("en", "GAP", "boom"))]);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
