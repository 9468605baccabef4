/**
 * The worked examples of docs/formulas.md are tests: every ```json example block there is an
 * indicator, an evaluation year and the results the text works out by hand; this file evaluates
 * each with the core and compares, to the decimals the example writes.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../src/core/indicatorEvaluation";
import { plan as planSchema, type PlanInput } from "../../src/core/planSchema";
import type { Result } from "../../src/core/result";

type IndicatorInput = PlanInput["indicators"][number];

interface Example {
  title: string;
  indicator: Partial<IndicatorInput>;
  reference?: Partial<IndicatorInput> & { id: string };
  evaluationYear: number;
  expect: Record<string, number | string | boolean | null>;
}

const DOC = resolve(__dirname, "../../docs/formulas.md");

export function readExamples(text: string): Example[] {
  const out: Example[] = [];
  const re = /^### (.+)$|^```json example\n([\s\S]*?)^```/gm;
  let title = "";
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) title = m[1].trim();
    else out.push({ title, ...(JSON.parse(m[2]!) as Omit<Example, "title">) });
  }
  return out;
}

function base(id: string, over: Partial<IndicatorInput>): IndicatorInput {
  return {
    id,
    category: { zh: "类", en: "cat" },
    name: { zh: id, en: id },
    unit: { zh: "%", en: "%" },
    kind: "percent",
    direction: "up",
    baseline: null,
    baselineYear: 2020,
    attribute: "expected",
    target: { kind: "text", text: { zh: "—", en: "—" } },
    actuals: {},
    ...over,
  };
}

function actualsOf(values: unknown): Record<string, { value: number }> {
  return Object.fromEntries(Object.entries(values as Record<string, number>).map(([y, v]) => [y, { value: v }]));
}

function decimals(n: number): number {
  const s = String(n);
  return s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
}

function value(r: Result<number> | number | null | undefined): number | null {
  if (r === null || r === undefined) return null;
  if (typeof r === "number") return r;
  if (!r.ok) throw new Error(`a failure: ${r.code}`);
  return r.value;
}

const examples = readExamples(readFileSync(DOC, "utf8"));

describe("docs/formulas.md worked examples", () => {
  it("has the examples this test expects to run (the file was read)", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  for (const ex of examples) {
    it(ex.title, () => {
      const own = base("X", { ...ex.indicator, actuals: actualsOf(ex.indicator.actuals ?? {}) } as IndicatorInput);
      const indicators = [own];
      if (ex.reference)
        indicators.push(
          base(ex.reference.id, { ...ex.reference, actuals: actualsOf(ex.reference.actuals ?? {}) } as IndicatorInput),
        );
      const plan = planSchema.parse({
        formatVersion: 2,
        id: "example",
        title: { zh: "算例", en: "Example" },
        source: { document: { zh: "算例", en: "Example" }, issuer: { zh: "—", en: "—" }, date: "2021-01-01" },
        baseYear: 2020,
        targetYear: 2025,
        indicators,
      });
      const e = evaluateIndicator(plan, plan.indicators[0]!, { evaluationYear: ex.evaluationYear });
      for (const [key, want] of Object.entries(ex.expect)) {
        if (key === "status") expect(e.status?.label.zh ?? null, key).toBe(want);
        else if (key === "held") expect(e.held, key).toBe(want);
        else if (key === "yearlyMet") expect(e.yearly?.met ?? null, key).toBe(want);
        else {
          const got = value((e as unknown as Record<string, Result<number> | number | null>)[key]);
          if (want === null) expect(got, key).toBeNull();
          else {
            expect(got, key).not.toBeNull();
            expect(got!, key).toBeCloseTo(want as number, Math.max(decimals(want as number) - 1, 2));
          }
        }
      }
    });
  }
});
