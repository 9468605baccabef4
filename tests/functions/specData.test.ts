/**
 * The parameter specs are data the functions obey, not comments: every parameter has a kind; a default
 * stated as a value is what leaving the argument out gives; a range is enforced (#NUM! naming the argument
 * just outside each bound, accepted just inside). Change a default or a bound in planFunctions.ts and the
 * function, the generated wrappers and the README change with it.
 */
import { describe, expect, it } from "vitest";
import { PLAN_FUNCTIONS, isCellError, type PlanFunctionId } from "../../src/functions/planFunctions";
import { planWithFigures, templateGrid } from "./templateFixture";

const grid = templateGrid(planWithFigures(), "zh");
const rdRow = grid[1 + planWithFigures().indicators.findIndex((i) => i.id === "RD_INTENSITY")]!;

/** A valid call of each function, every optional argument given. */
const VALID: Record<PlanFunctionId, unknown[]> = {
  GAP: [1.2, 1.47, "up"],
  GROWTH: [1.2, 1.47, 5],
  STEP: [116, 150, 5],
  PROGRESS: [116, 133, 150, "up"],
  ELAPSED: [2020, 2025, 2023],
  EXPECTED: [116, 150, 2020, 2025, 2023, "geometric"],
  STATUS: [116, 131.3, 150, 2020, 2025, 2023, "up", false, 0.2], // progress 0.45 at time 0.6
  EVALUATE: [[grid[0]], [rdRow], "progress", 2023, null],
  DATAYEAR: [[grid[0]], grid.slice(1)],
};

const zh = { lang: "zh" as const };

describe("parameter specs", () => {
  it("every parameter has a kind; ranges are matrices, numbers have no word list; optional ones say what omitting means", () => {
    for (const spec of PLAN_FUNCTIONS) {
      for (const p of spec.parameters) {
        expect(p.kind, `${spec.id}.${p.name.en}`).toMatch(/^(number|year|direction|binding|path|share|field|range)$/);
        if (p.optional) expect(p.default, `${spec.id}.${p.name.en} has no default`).toBeDefined();
        if (p.kind === "year") expect(p.range).toEqual({ integer: true, min: 1900, max: 2200 });
      }
    }
  });

  it("a default stated as a value is what leaving the argument out gives", () => {
    let checked = 0;
    for (const spec of PLAN_FUNCTIONS) {
      spec.parameters.forEach((p, i) => {
        if (!p.default || !("value" in p.default)) return;
        const given = VALID[spec.id].slice();
        given[i] = p.default.value;
        const omitted = VALID[spec.id].slice();
        omitted[i] = null;
        const what = `${spec.id}.${p.name.en} default ${String(p.default.value)}`;
        expect(spec.compute(omitted, zh), what).toEqual(spec.compute(given, zh));
        // …and differs from another value, so the comparison means something.
        const other = { direction: "down", binding: !p.default.value, path: "geometric", share: 0.35 }[
          p.kind as "direction" | "binding" | "path" | "share"
        ];
        if (other !== undefined && spec.id !== "GAP") {
          const changed = VALID[spec.id].slice();
          changed[i] = other;
          expect(spec.compute(changed, zh), `${what} vs ${String(other)}`).not.toEqual(spec.compute(given, zh));
        }
        checked++;
      });
    }
    expect(checked).toBeGreaterThanOrEqual(4); // GAP.direction, EXPECTED.path, STATUS.binding, STATUS.tolerance
  });

  it("a range is enforced: just outside each bound is #NUM! naming the argument, just inside is accepted", () => {
    let checked = 0;
    for (const spec of PLAN_FUNCTIONS) {
      spec.parameters.forEach((p, i) => {
        const r = p.range;
        if (!r) return;
        const outside: number[] = [];
        const inside: number[] = [];
        if (r.min !== undefined) outside.push(r.min - (r.integer ? 1 : 1e-9));
        if (r.max !== undefined) outside.push(r.max + (r.integer ? 1 : 1e-9));
        if (r.greaterThan !== undefined) {
          outside.push(r.greaterThan);
          inside.push(r.greaterThan + 0.5);
        }
        if (r.lessThan !== undefined) outside.push(r.lessThan);
        if (r.integer) outside.push((VALID[spec.id][i] as number) + 0.5);
        for (const value of outside) {
          const args = VALID[spec.id].slice();
          args[i] = value;
          const result = spec.compute(args, zh);
          expect(result, `${spec.id}.${p.name.en} = ${value}`).toMatchObject({ error: "#NUM!" });
          if (isCellError(result)) expect(result.message).toContain(p.name.zh);
          checked++;
        }
        for (const value of inside) {
          const args = VALID[spec.id].slice();
          args[i] = value;
          expect(isCellError(spec.compute(args, zh)), `${spec.id}.${p.name.en} = ${value}`).toBe(false);
        }
      });
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
