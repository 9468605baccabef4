/**
 * Issue #12 item 8 — a plan period the add-in cannot write is refused before anything is written. The
 * template has one input column per year and the portable copy's native formulas check each year's cell:
 * a plan spanning ~135 years left a partial sheet, and past 64 years the latest-readable-year formula nested
 * more functions than Excel allows (64). Now:
 * - the plan schema takes at most MAX_PLAN_YEARS (15: a five-year plan with its 2035 vision) and a plan file
 *   that spans more is refused with the reason in staff's words, Chinese and English;
 * - Insert refuses such a plan however it arrives, with no round trip to Excel, leaving the workbook as it was;
 * - a portable copy of the longest plan taken writes no formula past Excel's limits (8,192 characters, 64
 *   nested functions): a formula that would is listed as a value, and no formula nests one level per year.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { EXCEL_FORMULA_LENGTH, EXCEL_NESTED_FUNCTIONS, functionNesting } from "../../dev/standin/formulaEngine";
import { parsePlanFile, serializePlanFile } from "../../src/core/planFile";
import { MAX_PLAN_YEARS, type Plan } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { HostOperationError } from "../../src/excel/excelRun";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { writePortableCopy } from "../../src/excel/portableCopy";
import { t } from "../../src/taskpane/app/i18n";
import { buildCase } from "../core/nativeFormulas.plans";

let standin: Standin;
let uninstall: () => void;
beforeEach(() => {
  standin = createStandin({ displayLanguage: "zh-CN" });
  uninstall = installStandin(standin);
});
afterEach(() => uninstall());

/** The seed plan's file text over another period (indicators' own years moved inside it). */
function planFileOver(baseYear: number, targetYear: number): string {
  const plan = {
    ...seedPlan,
    baseYear,
    targetYear,
    indicators: seedPlan.indicators.map((ind) => ({ ...ind, baselineYear: null, actuals: {} })),
  };
  return serializePlanFile(plan as Plan);
}

describe("the plan schema bounds the plan period", () => {
  it(`takes ${MAX_PLAN_YEARS} years (2020–2035) and refuses more, in staff's words`, () => {
    expect(MAX_PLAN_YEARS).toBe(15);
    expect(parsePlanFile(planFileOver(2020, 2035)).ok).toBe(true);
    for (const [base, target] of [
      [2020, 2036],
      [1950, 2085],
    ] as const) {
      const result = parsePlanFile(planFileOver(base, target));
      expect(result.ok, `${base}–${target}`).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toHaveLength(1);
      const issue = result.issues[0]!;
      expect(issue.path).toBe("targetYear");
      expect(issue.message.zh).toContain(`规划期 ${base}—${target} 年共 ${target - base} 年`);
      expect(issue.message.zh).toContain(`最长支持 ${MAX_PLAN_YEARS} 年`);
      expect(issue.message.en).toContain(`at most ${MAX_PLAN_YEARS} years`);
    }
  });
});

describe("Insert refuses a period it cannot write, before writing anything", () => {
  it("a 135-year plan that bypassed the schema: planTooLong, no round trip, the workbook unchanged", async () => {
    const plan = { ...seedPlan, baseYear: 1950, targetYear: 2085 } as Plan;
    const before = standin.serialize();
    const syncs = standin.syncCount;
    const error = await insertTemplate(plan, "zh").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostOperationError);
    expect((error as HostOperationError).code).toBe("planTooLong");
    expect(standin.syncCount).toBe(syncs);
    expect(standin.serialize()).toEqual(before);
    // What the pane says, in Chinese first and in English, with the same bound as the schema.
    const zh = t("zh", "err_planTooLong", { detail: (error as HostOperationError).detail });
    const en = t("en", "err_planTooLong", { detail: (error as HostOperationError).detail });
    expect(zh).toContain("1950–2085");
    expect(zh).toContain(`最长 ${MAX_PLAN_YEARS} 年`);
    expect(zh).toContain("未作任何更改");
    expect(en).toContain(`${MAX_PLAN_YEARS} years`);
  });
});

describe(`the portable copy of a ${MAX_PLAN_YEARS}-year plan stays within Excel's limits`, () => {
  it("every formula within 8,192 characters and 64 nested functions; the helper does not nest per year", async () => {
    // Every target form, relative targets whose reference row is checked too (the deepest formulas).
    const { plan } = buildCase(
      7,
      ["relativeAbove", "relativeInStep"],
      { baseYear: 2020, targetYear: 2035 },
      "zh",
      "mid",
    );
    const { tableName } = await insertTemplate(plan, "zh");
    const copy = await writePortableCopy(tableName, "native");
    const wb = standin.workbook;
    const { rows, cols } = wb.extent(copy.sheetName);
    const formulas: string[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const input = wb.cellAt(copy.sheetName, r, c).input;
        if (typeof input === "string" && input.startsWith("=")) formulas.push(input);
      }
    expect(copy.translated).toBeGreaterThan(0);
    expect(formulas.length).toBe(copy.translated + plan.indicators.length); // + one helper cell a row
    for (const f of formulas) {
      expect(f.length).toBeLessThanOrEqual(EXCEL_FORMULA_LENGTH);
      expect(functionNesting(f), f.slice(0, 80)).toBeLessThanOrEqual(EXCEL_NESTED_FUNCTIONS);
    }
    // The helper column (each row's latest readable year): a flat MAX, a few levels deep whatever the years.
    const helpers = formulas.filter((f) => f.startsWith("=MAX(0,"));
    expect(helpers).toHaveLength(plan.indicators.length);
    for (const f of helpers) expect(functionNesting(f)).toBeLessThanOrEqual(5);
    // Nothing nests a level per year any more: this plan's relative rows (whose status checks every year of the
    // row and of its reference row) are native too, where nesting a level per year they passed 64 levels.
    expect(copy.valueCells).toEqual([]);
  });
});
