/**
 * Property tests for the target forms of plan model v2: bounds to keep, 年均 rates, 〔〕 totals typed
 * as levels, targets relative to another indicator, and the evaluation year. Each property states
 * what the rule means (docs/formulas.md) and would fail if the rule were broken: no guard turns an
 * outcome into a pass.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/core/indicatorEvaluation";
import { plan as planSchema, type Plan, type PlanInput } from "../../src/core/planSchema";

type IndicatorInput = PlanInput["indicators"][number];

function row(id: string, over: Partial<IndicatorInput>): IndicatorInput {
  return {
    id,
    category: { zh: "类", en: "cat" },
    name: { zh: id, en: id },
    unit: { zh: "%", en: "%" },
    kind: "index",
    direction: "up",
    baseline: null,
    baselineYear: 2020,
    attribute: "expected",
    target: { kind: "text", text: { zh: "—", en: "—" } },
    actuals: {},
    ...over,
  };
}

function planOf(...indicators: IndicatorInput[]): Plan {
  return planSchema.parse({
    formatVersion: 2,
    id: "p",
    title: { zh: "p", en: "p" },
    source: { document: { zh: "p", en: "p" }, issuer: { zh: "p", en: "p" }, date: "2021-01-01" },
    baseYear: 2020,
    targetYear: 2025,
    indicators,
  });
}

function yearly(values: readonly number[], from = 2021): Record<string, { value: number }> {
  return Object.fromEntries(values.map((v, i) => [String(from + i), { value: v }]));
}

/** Rates as statistics publish them: one decimal (no subnormal noise that no bulletin prints). */
const rate = fc.integer({ min: -300, max: 400 }).map((x) => x / 10);
const rates = (min: number, max: number) => fc.array(rate, { minLength: min, maxLength: max });
const binding = fc.boolean();

describe("bounds to keep (保持)", () => {
  it("held ⇔ 基本符合预期 while the period runs and 已完成 in the target year; breached ⇔ 滞后 / 未完成; never ahead or 提前实现", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom(">=" as const, "<=" as const),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 }),
        binding,
        (bound, comparator, figures, isBinding) => {
          const p = planOf(
            row("K", {
              kind: "percent",
              attribute: isBinding ? "binding" : "expected",
              target: { kind: "level", value: bound, comparator, obligation: "keep" },
              actuals: yearly(figures),
            }),
          );
          const year = 2020 + figures.length;
          const e = evaluateIndicator(p, p.indicators[0]!, { evaluationYear: year });
          const last = figures[figures.length - 1]!;
          const held =
            comparator === ">=" ? last >= bound - 1e-9 * Math.max(1, bound) : last <= bound + 1e-9 * Math.max(1, bound);
          expect(e.held).toBe(held);
          const expected = year >= 2025 ? (held ? "achieved" : "missed") : held ? "onTrack" : "lagging";
          expect(e.status?.code).toBe(expected);
          expect(e.status?.label.zh).not.toBe("提前实现");
          expect(e.progress).toBeNull();
        },
      ),
    );
  });

  it("no baseline is needed to judge a bound to keep", () => {
    const p = planOf(
      row("K", { target: { kind: "level", value: 5.5, comparator: "<=", obligation: "keep" }, actuals: yearly([5]) }),
    );
    expect(evaluateIndicator(p, p.indicators[0]!).status?.code).toBe("onTrack");
  });
});

describe("年均 rates", () => {
  it("the realised rate is the geometric mean of (1 + rᵢ), and rate figures and the levels they imply give the same verdict", () => {
    fc.assert(
      fc.property(
        rates(1, 5),
        fc.integer({ min: -50, max: 200 }).map((x) => x / 10),
        binding,
        (rs, g, isBinding) => {
          const attribute = isBinding ? "binding" : "expected";
          const target = { kind: "annualGrowth" as const, value: g, comparator: ">=" as const };
          const byRate = planOf(row("R", { figures: "rate", attribute, target, actuals: yearly(rs) }));
          const levels: number[] = [];
          let level = 100;
          for (const r of rs) levels.push((level *= 1 + r / 100));
          const byLevel = planOf(
            row("R", { figures: "level", baseline: 100, attribute, target, actuals: yearly(levels) }),
          );
          const a = evaluateIndicator(byRate, byRate.indicators[0]!);
          const b = evaluateIndicator(byLevel, byLevel.indicators[0]!);
          const mean =
            Math.pow(
              rs.reduce((prod, r) => prod * (1 + r / 100), 1),
              1 / rs.length,
            ) - 1;
          expect(a.realisedGrowth?.ok && a.realisedGrowth.value).toBeCloseTo(mean, 9);
          expect(b.realisedGrowth?.ok && b.realisedGrowth.value).toBeCloseTo(mean, 9);
          expect(a.status?.code).toBe(b.status?.code);
        },
      ),
    );
  });

  it("binding: on schedule exactly when the realised rate reaches the target rate; never 提前实现 before the target year", () => {
    fc.assert(
      fc.property(rates(1, 4), fc.double({ min: 0.5, max: 15, noNaN: true }), (rs, g) => {
        const p = planOf(
          row("R", {
            figures: "rate",
            attribute: "binding",
            target: { kind: "annualGrowth", value: g, comparator: ">=" },
            actuals: yearly(rs),
          }),
        );
        const e = evaluateIndicator(p, p.indicators[0]!);
        const realised = (e.realisedGrowth?.ok ? e.realisedGrowth.value : NaN) * 100;
        // Away from the boundary (the 1e-9 slack), lagging ⇔ below the target rate.
        if (Math.abs(realised - g) > 1e-6) expect(e.status?.code === "lagging").toBe(realised < g);
        expect(e.status?.code).not.toBe("achieved");
      }),
    );
  });

  it("a missing year in a rate series is named, never skipped", () => {
    const p = planOf(
      row("R", {
        figures: "rate",
        target: { kind: "annualGrowth", value: 7, comparator: ">=" },
        actuals: { "2021": { value: 8 }, "2023": { value: 9 } },
      }),
    );
    const e = evaluateIndicator(p, p.indicators[0]!);
    expect(e.status).toBeNull();
    expect(e.statusReason).toBe("eval.missingYears");
    expect(e.statusReasonArgs).toEqual({ years: "2022" });
  });
});

describe("〔〕 totals typed as levels", () => {
  it("an increase from levels is latest − baseline, and equals the same path typed as yearly changes", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 90, noNaN: true }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        (base, steps, total) => {
          const levels: number[] = [];
          let level = base;
          for (const s of steps) levels.push((level += s));
          const target = { kind: "cumulative" as const, value: total, mode: "increase" as const };
          const lv = planOf(row("C", { figures: "level", baseline: base, target, actuals: yearly(levels) }));
          const ch = planOf(row("C", { figures: "change", target, actuals: yearly(steps) }));
          const a = evaluateIndicator(lv, lv.indicators[0]!);
          const b = evaluateIndicator(ch, ch.indicators[0]!);
          expect(a.measured!).toBeCloseTo(levels[levels.length - 1]! - base, 9);
          expect(a.measured!).toBeCloseTo(b.measured!, 9);
          expect(a.status?.code).toBe(b.status?.code);
        },
      ),
    );
  });

  it("a reduction from levels, (1 − A/B)·100, equals the yearly cuts compounded", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.array(fc.double({ min: -5, max: 8, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (base, cuts) => {
          const levels: number[] = [];
          let level = base;
          for (const c of cuts) levels.push((level *= 1 - c / 100));
          const target = { kind: "cumulative" as const, value: 13.5, mode: "reduction" as const };
          const lv = planOf(row("C", { figures: "level", baseline: base, target, actuals: yearly(levels) }));
          const ch = planOf(row("C", { figures: "change", target, actuals: yearly(cuts) }));
          const a = evaluateIndicator(lv, lv.indicators[0]!);
          const b = evaluateIndicator(ch, ch.indicators[0]!);
          expect(a.measured!).toBeCloseTo(b.measured!, 8);
          expect(a.status?.code).toBe(b.status?.code);
        },
      ),
    );
  });
});

describe("targets relative to another indicator", () => {
  it("above holds exactly when the own average growth is at least the reference's, over the same years", () => {
    fc.assert(
      fc.property(rates(1, 4), rates(4, 4), (own, theirs) => {
        const ref = theirs.slice(0, own.length);
        const p = planOf(
          row("OWN", {
            figures: "rate",
            target: { kind: "relative", relation: "above", reference: "REF", text: { zh: "高于", en: "above" } },
            actuals: yearly(own),
          }),
          row("REF", { figures: "rate", actuals: yearly(ref) }),
        );
        const e = evaluateIndicator(p, p.indicators[0]!);
        const mean = (rs: number[]) =>
          Math.pow(
            rs.reduce((x, r) => x * (1 + r / 100), 1),
            1 / rs.length,
          ) - 1;
        const diff = mean(own) - mean(ref);
        if (Math.abs(diff) > 1e-9) expect(e.held).toBe(diff > 0);
        expect(e.status?.code).toBe(
          e.held
            ? own.length + 2020 >= 2025
              ? "achieved"
              : "onTrack"
            : own.length + 2020 >= 2025
              ? "missed"
              : "lagging",
        );
      }),
    );
  });

  it("in step with a band of 0 is the same as above; a wider band never turns held into lagging", () => {
    fc.assert(
      fc.property(rates(2, 2), rates(2, 2), fc.double({ min: 0, max: 3, noNaN: true }), (own, ref, band) => {
        const make = (relation: "above" | "inStep", b?: number) =>
          planOf(
            row("OWN", {
              figures: "rate",
              target: {
                kind: "relative",
                relation,
                reference: "REF",
                text: { zh: "同步", en: "in step" },
                ...(b !== undefined ? { band: b } : {}),
              },
              actuals: yearly(own),
            }),
            row("REF", { figures: "rate", actuals: yearly(ref) }),
          );
        const above = make("above");
        const inStep0 = make("inStep", 0);
        const inStepWide = make("inStep", band);
        const heldAbove = evaluateIndicator(above, above.indicators[0]!).held;
        expect(evaluateIndicator(inStep0, inStep0.indicators[0]!).held).toBe(heldAbove);
        if (heldAbove) expect(evaluateIndicator(inStepWide, inStepWide.indicators[0]!).held).toBe(true);
      }),
    );
  });
});

describe("the evaluation year", () => {
  it("figures after the evaluation year never change the verdict, and an older latest figure is stale", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 2, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 2021, max: 2025 }),
        (figures, year) => {
          const make = (values: number[]) =>
            planOf(
              row("L", {
                kind: "percent",
                baseline: 1.2,
                target: { kind: "level", value: 1.47, comparator: ">=", obligation: "reach" },
                actuals: yearly(values),
              }),
            );
          const upTo = figures.slice(0, Math.max(0, year - 2020));
          const all = make(figures);
          const cut = make(upTo.length > 0 ? upTo : [figures[0]!]);
          const a = evaluateIndicator(all, all.indicators[0]!, { evaluationYear: year });
          const lastYear = 2020 + figures.length;
          if (upTo.length > 0) {
            const b = evaluateIndicator(cut, cut.indicators[0]!, { evaluationYear: year });
            expect(a.status?.code).toBe(b.status?.code);
          }
          expect(a.stale).toBe(upTo.length > 0 && Math.min(lastYear, year) < year);
          if (a.stale) expect(a.status?.label.zh).toBe(`数据滞后（${a.latest!.year}年）`);
        },
      ),
    );
  });
});

describe("period starts and references (fixes found by mirroring the rules in native formulas)", () => {
  it("a relative target from levels compares each row's own average, whatever its baseline year", () => {
    const p = planOf(
      row("OWN", {
        figures: "level",
        baseline: 100,
        baselineYear: 2019,
        target: { kind: "relative", relation: "above", reference: "REF", text: { zh: "高于", en: "above" } },
        actuals: { "2022": { value: 121 } },
      }),
      row("REF", { figures: "rate", actuals: yearly([10, 10]) }),
    );
    const e = evaluateIndicator(p, p.indicators[0]!);
    // 100 (2019) → 121 (2022): (1.21)^(1/3) − 1 = 6.56 %, below the reference's 10 %.
    expect(e.realisedGrowth?.ok && e.realisedGrowth.value).toBeCloseTo(Math.cbrt(1.21) - 1, 12);
    expect(e.held).toBe(false);
    expect(e.status?.code).toBe("lagging");
  });

  it("yearly changes with a baseline before the plan's base year start at the plan's period (no 2020 column to type in)", () => {
    const p = planOf(
      row("CUT", {
        figures: "change",
        baselineYear: 2019,
        target: { kind: "cumulative", value: 13.5, mode: "reduction" },
        actuals: yearly([2.7, 3]),
      }),
    );
    const e = evaluateIndicator(p, p.indicators[0]!);
    expect(e.status).not.toBeNull();
    expect(e.timeProgress?.ok && e.timeProgress.value).toBeCloseTo(0.4, 12);
  });

  it("a row whose reference row has a cell to fix is itself to fix, naming the reference", () => {
    const p = planOf(
      row("OWN", {
        figures: "rate",
        target: { kind: "relative", relation: "above", reference: "REF", text: { zh: "高于", en: "above" } },
        actuals: yearly([8]),
      }),
      row("REF", { name: { zh: "GDP增长", en: "GDP growth" }, figures: "rate", actuals: yearly([7]) }),
    );
    const e = evaluateIndicator(p, p.indicators[0]!, {
      blocked: new Map([["REF", { header: "2022年", text: "约5" }]]),
    });
    expect(e.status).toBeNull();
    expect(e.needsFix).toEqual({ header: "2022年", text: "约5", reference: { zh: "GDP增长", en: "GDP growth" } });
  });
});
