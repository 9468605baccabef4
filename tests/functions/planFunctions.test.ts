/**
 * The value forms of the PLAN functions on valid, boundary and bad input: hand-worked values,
 * Excel's RRI (through HyperFormula) for GROWTH, and the exact error kind and message for each bad input.
 */
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { PLAN_FUNCTIONS, planFunction, type CellResult, type PlanFunctionId } from "../../src/functions/planFunctions";

const zh = { lang: "zh" as const };
const en = { lang: "en" as const };
const call = (id: PlanFunctionId, ...args: unknown[]): CellResult => planFunction(id).evaluate(args, zh);
const callEn = (id: PlanFunctionId, ...args: unknown[]): CellResult => planFunction(id).evaluate(args, en);

function num(result: CellResult): number {
  if (typeof result !== "number") throw new Error(`expected a number, got ${JSON.stringify(result)}`);
  return result;
}

describe("valid input, hand-worked", () => {
  it("GROWTH matches the worked examples", () => {
    expect(num(call("GROWTH", 1.2, 1.47, 5))).toBeCloseTo(0.041423, 6);
    expect(num(call("GROWTH", 0.2, 0.8, 5))).toBeCloseTo(0.319508, 6);
    expect(num(call("GROWTH", 3.3, 5.2, 6))).toBeCloseTo(0.078735, 6);
    expect(num(call("GROWTH", 116, 150, 5))).toBeCloseTo(Math.pow(150 / 116, 1 / 5) - 1, 12);
  });

  it("GROWTH equals Excel's RRI(years, current, target) as HyperFormula computes it", () => {
    const cases: Array<[number, number, number]> = [
      [1.2, 1.47, 5],
      [0.2, 0.8, 5],
      [3.3, 5.2, 6],
      [24.51, 39, 5],
      [8, 10, 3],
      [150, 116, 2],
      [1, 1, 4],
      [2.41, 3.29, 0.5],
    ];
    const hf = HyperFormula.buildFromArray(
      cases.map(([c, t, y]) => [`=RRI(${y},${c},${t})`]),
      { licenseKey: "gpl-v3" },
    );
    cases.forEach(([c, t, y], row) => {
      const rri = hf.getCellValue({ sheet: 0, col: 0, row });
      expect(typeof rri).toBe("number");
      // HyperFormula rounds its results to 10 decimal places (its precisionRounding).
      expect(num(call("GROWTH", c, t, y))).toBeCloseTo(rri as number, 9);
    });
    hf.destroy();
  });

  it("GAP: up is target − actual, down is actual − target", () => {
    expect(num(call("GAP", 1.2, 1.47))).toBeCloseTo(0.27, 12);
    expect(num(call("GAP", 1.2, 1.47, "up"))).toBeCloseTo(0.27, 12);
    expect(num(call("GAP", 5, 3, "down"))).toBe(2);
    expect(num(call("GAP", 5, 3, "逆向"))).toBe(2);
    expect(num(call("GAP", 5, 3, "向下"))).toBe(2);
    expect(num(call("GAP", 5, 3, "正向"))).toBe(-2);
    expect(num(call("GAP", 5, 3, "向上"))).toBe(-2);
    expect(num(call("GAP", 5, 3, "DOWN"))).toBe(2);
    expect(num(call("GAP", 5, 3, " Up "))).toBe(-2);
  });

  it("STEP is (target − current) / years", () => {
    expect(num(call("STEP", 116, 150, 5))).toBeCloseTo(6.8, 12);
    expect(num(call("STEP", 1.2, 1.47, 5))).toBeCloseTo(0.054, 12);
    expect(num(call("STEP", 10, 8, 4))).toBeCloseTo(-0.5, 12);
  });

  it("PROGRESS is (actual − baseline) / (target − baseline); target = baseline gives 1 while met, else 0", () => {
    expect(num(call("PROGRESS", 116, 133, 150))).toBeCloseTo(0.5, 12);
    expect(num(call("PROGRESS", 1.2, 1.335, 1.47))).toBeCloseTo(0.5, 12);
    expect(num(call("PROGRESS", 3, 3, 3, "down"))).toBe(1);
    expect(num(call("PROGRESS", 3, 4, 3, "down"))).toBe(0);
    expect(num(call("PROGRESS", 3, 2, 3, "down"))).toBe(1);
    expect(num(call("PROGRESS", 116, 100, 150))).toBeLessThan(0); // moved the wrong way: not clamped
  });

  it("ELAPSED is the share of the plan period passed, kept within 0..1", () => {
    expect(num(call("ELAPSED", 2020, 2025, 2023))).toBeCloseTo(0.6, 12);
    expect(num(call("ELAPSED", 2020, 2025, 2020))).toBe(0);
    expect(num(call("ELAPSED", 2020, 2025, 2025))).toBe(1);
    expect(num(call("ELAPSED", 2020, 2025, 2030))).toBe(1);
    expect(num(call("ELAPSED", 2020, 2025, 2010))).toBe(0);
    expect(num(call("ELAPSED", 2019, 2025, 2022))).toBeCloseTo(0.5, 12);
  });

  it("EXPECTED on the linear and the geometric path", () => {
    expect(num(call("EXPECTED", 116, 150, 2020, 2025, 2023))).toBeCloseTo(136.4, 12);
    expect(num(call("EXPECTED", 116, 150, 2020, 2025, 2023, "linear"))).toBeCloseTo(136.4, 12);
    expect(num(call("EXPECTED", 116, 150, 2020, 2025, 2023, "线性"))).toBeCloseTo(136.4, 12);
    const geometric = 116 * Math.pow(150 / 116, 3 / 5);
    expect(num(call("EXPECTED", 116, 150, 2020, 2025, 2023, "geometric"))).toBeCloseTo(geometric, 10);
    expect(num(call("EXPECTED", 116, 150, 2020, 2025, 2023, "几何"))).toBeCloseTo(geometric, 10);
    expect(num(call("EXPECTED", 116, 150, 2020, 2025, 2020))).toBe(116);
    expect(num(call("EXPECTED", 116, 150, 2020, 2025, 2025))).toBe(150);
  });

  it("STATUS labels in the workbook language", () => {
    // progress 4/34 = 0.12 against time 0.6: lagging
    expect(call("STATUS", 116, 120, 150, 2020, 2025, 2023)).toBe("滞后");
    expect(callEn("STATUS", 116, 120, 150, 2020, 2025, 2023)).toBe("lagging");
    // progress 0.6 = time: on track
    expect(call("STATUS", 116, 136.4, 150, 2020, 2025, 2023)).toBe("基本符合预期");
    expect(callEn("STATUS", 116, 136.4, 150, 2020, 2025, 2023)).toBe("on track");
    // 0.55 is within 0.1 for an expected indicator, but behind the line for a binding one
    expect(call("STATUS", 116, 134.7, 150, 2020, 2025, 2023)).toBe("基本符合预期");
    expect(call("STATUS", 116, 134.7, 150, 2020, 2025, 2023, null, true)).toBe("滞后");
    expect(call("STATUS", 116, 134.7, 150, 2020, 2025, 2023, null, "约束性")).toBe("滞后");
    expect(call("STATUS", 116, 134.7, 150, 2020, 2025, 2023, null, 1)).toBe("滞后");
    expect(call("STATUS", 116, 134.7, 150, 2020, 2025, 2023, null, "预期性")).toBe("基本符合预期");
    // ahead: 0.8 ≥ 0.6 + 0.1
    expect(call("STATUS", 116, 143.2, 150, 2020, 2025, 2023)).toBe("快于预期");
    expect(callEn("STATUS", 116, 143.2, 150, 2020, 2025, 2023)).toBe("ahead");
    // a narrower tolerance turns 0.55 into lagging
    expect(call("STATUS", 116, 134.7, 150, 2020, 2025, 2023, null, null, 0.02)).toBe("滞后");
    expect(call("STATUS", 116, 134.7, 150, 2020, 2025, 2023, null, null, "2%")).toBe("滞后");
    // achieved early, achieved in the target year, missed
    expect(call("STATUS", 116, 150, 150, 2020, 2025, 2023)).toBe("提前实现");
    expect(call("STATUS", 116, 151, 150, 2020, 2025, 2025)).toBe("已完成");
    expect(callEn("STATUS", 116, 151, 150, 2020, 2025, 2025)).toBe("achieved");
    expect(call("STATUS", 116, 149, 150, 2020, 2025, 2025)).toBe("未完成");
    expect(callEn("STATUS", 116, 149, 150, 2020, 2025, 2025)).toBe("missed");
    // a rank (lower is better): 3rd → 3rd is achieved while it holds
    expect(call("STATUS", 3, 3, 3, 2020, 2025, 2022, "down")).toBe("提前实现");
    expect(call("STATUS", 3, 4, 3, 2020, 2025, 2022, "逆向")).toBe("滞后");
  });
});

describe("arguments typed as text", () => {
  it("full-width digits and percent signs are read by the core", () => {
    expect(num(call("GROWTH", "１．２", "１．４７", "５"))).toBeCloseTo(0.041423, 6);
    expect(num(call("GAP", "1.2%", "1.47%"))).toBeCloseTo(0.0027, 12);
    expect(num(call("STEP", "116家", "150", 5))).toBeCloseTo(6.8, 12);
    expect(num(call("ELAPSED", "2020", "２０２５", "2023"))).toBeCloseTo(0.6, 12);
    expect(num(call("GAP", "1,200", "1,470"))).toBe(270);
  });
});

describe("boundaries", () => {
  it("GROWTH: target 0 is −100 %, equal values 0, fractional years as RRI allows", () => {
    expect(num(call("GROWTH", 5, 0, 5))).toBe(-1);
    expect(num(call("GROWTH", 5, 5, 5))).toBe(0);
    expect(num(call("GROWTH", 1, 2, 0.5))).toBeCloseTo(3, 12);
  });
  it("the largest and smallest doubles give numbers or #NUM!, never Infinity", () => {
    const r1 = call("GROWTH", Number.MIN_VALUE, Number.MAX_VALUE, 1);
    expect(r1).toMatchObject({ error: "#NUM!" });
    const r2 = call("STEP", -Number.MAX_VALUE, Number.MAX_VALUE, 1);
    expect(r2).toMatchObject({ error: "#NUM!" });
    expect(num(call("GAP", Number.MAX_VALUE, Number.MAX_VALUE))).toBe(0);
    expect(num(call("PROGRESS", -Number.MAX_VALUE, 0, Number.MAX_VALUE))).toBeCloseTo(0.5, 12);
  });
  it("years at the edge of the accepted range", () => {
    expect(num(call("ELAPSED", 1900, 2200, 2050))).toBeCloseTo(0.5, 12);
    expect(call("ELAPSED", 1899, 2200, 2050)).toMatchObject({ error: "#NUM!" });
    expect(call("ELAPSED", 1900, 2201, 2050)).toMatchObject({ error: "#NUM!" });
  });
});

type Bad = { id: PlanFunctionId; args: unknown[]; error: string; names: RegExp };

describe("bad input: the exact error and a message naming the argument", () => {
  const bad: Bad[] = [
    // wrong types → #VALUE!
    { id: "GAP", args: ["abc", 1.47], error: "#VALUE!", names: /实际值/ },
    { id: "GAP", args: [1.2, "一点四七"], error: "#VALUE!", names: /目标值/ },
    { id: "GAP", args: [true, 1.47], error: "#VALUE!", names: /实际值.*TRUE\/FALSE/ },
    { id: "GAP", args: [1.2, false], error: "#VALUE!", names: /目标值/ },
    { id: "GAP", args: [1.2, 1.47, "sideways"], error: "#VALUE!", names: /方向.*sideways/ },
    { id: "GAP", args: [1.2, 1.47, 5], error: "#VALUE!", names: /方向/ },
    { id: "GAP", args: [1.2, 1.47, true], error: "#VALUE!", names: /方向/ },
    { id: "GROWTH", args: [1.2, 1.47, "五年"], error: "#VALUE!", names: /年数/ },
    { id: "GROWTH", args: [[[1]], 1.47, 5], error: "#VALUE!", names: /当前值/ },
    { id: "GROWTH", args: [{}, 1.47, 5], error: "#VALUE!", names: /当前值/ },
    { id: "GROWTH", args: ["0x10", 1.47, 5], error: "#VALUE!", names: /当前值/ },
    { id: "GROWTH", args: ["12万", 1.47, 5], error: "#VALUE!", names: /当前值/ },
    { id: "STEP", args: ["1,2", 1.47, 5], error: "#VALUE!", names: /当前值/ },
    { id: "EXPECTED", args: [116, 150, 2020, 2025, 2023, "curvy"], error: "#VALUE!", names: /路径.*curvy/ },
    { id: "STATUS", args: [116, 120, 150, 2020, 2025, 2023, null, "maybe"], error: "#VALUE!", names: /约束性.*maybe/ },
    { id: "STATUS", args: [116, 120, 150, 2020, 2025, 2023, null, 2], error: "#VALUE!", names: /约束性/ },
    { id: "STATUS", args: [116, 120, 150, 2020, 2025, 2023, null, null, "wide"], error: "#VALUE!", names: /容差/ },
    { id: "ELAPSED", args: ["二〇二〇", 2025, 2023], error: "#VALUE!", names: /基期年/ },
    // error values typed or passed in → the same error
    { id: "GAP", args: ["#N/A", 1.47], error: "#N/A", names: /实际值.*#N\/A/ },
    { id: "GAP", args: [1.2, "#DIV/0!"], error: "#DIV/0!", names: /目标值/ },
    { id: "GAP", args: [1.2, { error: "#N/A" }], error: "#N/A", names: /目标值/ },
    // missing values → #N/A
    { id: "GAP", args: [null, 1.47], error: "#N/A", names: /实际值/ },
    { id: "GAP", args: ["", 1.47], error: "#N/A", names: /实际值/ },
    { id: "GAP", args: ["   ", 1.47], error: "#N/A", names: /实际值/ },
    { id: "GAP", args: [1.2, null, "up"], error: "#N/A", names: /目标值/ },
    { id: "GROWTH", args: [1.2], error: "#N/A", names: /目标值.*模板/ },
    { id: "PROGRESS", args: [116, 133], error: "#N/A", names: /目标值/ },
    { id: "ELAPSED", args: [2020, 2025], error: "#N/A", names: /年份/ },
    { id: "EXPECTED", args: [116, 150, 2020, null, 2023], error: "#N/A", names: /目标年/ },
    { id: "STATUS", args: [116, 120, 150, 2020, 2025], error: "#N/A", names: /年份/ },
    // impossible maths → #NUM!
    { id: "GROWTH", args: [0, 1.47, 5], error: "#NUM!", names: /0/ },
    { id: "GROWTH", args: [-1, 1.47, 5], error: "#NUM!", names: /0/ },
    { id: "GROWTH", args: [1.2, -1.47, 5], error: "#NUM!", names: /负/ },
    { id: "GROWTH", args: [1.2, 1.47, 0], error: "#NUM!", names: /年数/ },
    { id: "GROWTH", args: [1.2, 1.47, -5], error: "#NUM!", names: /年数/ },
    { id: "STEP", args: [1.2, 1.47, -5], error: "#NUM!", names: /年数/ },
    { id: "GROWTH", args: [1.2, 1.47, "1e400"], error: "#NUM!", names: /当前值|年数|范围/ },
    { id: "ELAPSED", args: [2025, 2025, 2023], error: "#NUM!", names: /基期年份/ },
    { id: "ELAPSED", args: [2026, 2025, 2023], error: "#NUM!", names: /基期年份/ },
    { id: "ELAPSED", args: [-2020, 2025, 2023], error: "#NUM!", names: /基期年/ },
    { id: "ELAPSED", args: [2020.5, 2025, 2023], error: "#NUM!", names: /基期年/ },
    { id: "EXPECTED", args: [0, 150, 2020, 2025, 2023, "geometric"], error: "#NUM!", names: /几何/ },
    { id: "STATUS", args: [116, 120, 150, 2025, 2020, 2023], error: "#NUM!", names: /基期年份/ },
    { id: "STATUS", args: [116, 120, 150, 2020, 2025, 2023, null, null, 2], error: "#NUM!", names: /容差/ },
    { id: "STATUS", args: [116, 120, 150, 2020, 2025, 2023, null, null, -0.1], error: "#NUM!", names: /容差/ },
  ];
  for (const b of bad) {
    it(`${b.id}(${b.args.map((a) => JSON.stringify(a)).join(", ")}) → ${b.error}`, () => {
      const r = call(b.id, ...b.args);
      expect(r).toMatchObject({ error: b.error });
      expect((r as { message: string }).message).toMatch(b.names);
    });
  }

  it("English messages name the argument in English", () => {
    expect(callEn("GAP", "abc", 1)).toEqual({ error: "#VALUE!", message: "Argument “actual”: “abc” is not a number." });
    expect(callEn("GAP", 1, null, "up")).toEqual({ error: "#N/A", message: "The argument “target” is missing." });
    expect(callEn("ELAPSED", 2020, 2025, 12)).toMatchObject({
      error: "#NUM!",
      message: expect.stringContaining("“year”"),
    });
  });

  it("the #NUM! for GROWTH from 0 says why in both languages", () => {
    expect(call("GROWTH", 0, 1, 5)).toEqual({ error: "#NUM!", message: "起点值为 0 或负数，无法计算年均增长率。" });
    expect(callEn("GROWTH", 0, 1, 5)).toMatchObject({ message: expect.stringContaining("starting value of 0") });
  });
});

describe("specs", () => {
  it("every function has zh/en names and descriptions, and every parameter too", () => {
    expect(PLAN_FUNCTIONS.map((f) => f.id)).toEqual([
      "GAP",
      "GROWTH",
      "STEP",
      "PROGRESS",
      "ELAPSED",
      "EXPECTED",
      "STATUS",
      "EVALUATE",
      "DATAYEAR",
    ]);
    for (const f of PLAN_FUNCTIONS) {
      for (const text of [f.name, f.description, ...f.parameters.flatMap((p) => [p.name, p.description])]) {
        expect(text.zh.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
      // An optional parameter is never followed by a required one.
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
    expect(PLAN_FUNCTIONS.filter((f) => f.rowForm).map((f) => f.id)).toEqual([
      "GAP",
      "GROWTH",
      "STEP",
      "PROGRESS",
      "STATUS",
    ]);
  });

  it("each spec's own example gives the result it documents (value functions; EVALUATE and DATAYEAR take ranges, see evaluate.test.ts)", () => {
    for (const f of PLAN_FUNCTIONS.filter((s) => s.id !== "EVALUATE" && s.id !== "DATAYEAR")) {
      const m = /^=PLAN\.(\w+)\((.*)\)$/.exec(f.example.formula);
      expect(m?.[1]).toBe(f.id);
      const args = (m?.[2] ?? "").split(",").map((s) => Number(s.trim()));
      const r = f.evaluate(args, zh);
      const shown = typeof r === "number" ? r : String(r);
      const expected = f.example.result.split(" ")[0]!;
      if (typeof shown === "number") expect(shown).toBeCloseTo(Number(expected), 4);
      else expect(shown).toBe(expected);
    }
  });

  it("evaluate works detached from its spec object (hosts may pass it around)", () => {
    const { evaluate } = planFunction("GAP");
    expect(evaluate([1, 3], zh)).toBe(2);
  });
});
