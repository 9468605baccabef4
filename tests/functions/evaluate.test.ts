/**
 * PLAN.EVALUATE and PLAN.DATAYEAR, the functions the template's computed columns and its evaluation
 * year use, through the host-neutral specs: the same numbers as the core's evaluation, stale rows,
 * relative targets with the reference row, and — the point of one reader — the sheet and the pane
 * read every hostile input the same way.
 */
import { describe, expect, it } from "vitest";
import { evaluateIndicator, summarizePlan } from "../../src/core/indicatorEvaluation";
import type { Plan } from "../../src/core/planSchema";
import { readSheetRows } from "../../src/core/sheetRows";
import { planFunction, type CellResult } from "../../src/functions/planFunctions";
import { HOSTILE_INPUTS } from "../hardening/hostileInputs";
import { planWithFigures, templateGrid } from "./templateFixture";

const plan = planWithFigures();
const ctx = { lang: "zh" as const };

function evaluate(grid: unknown[][], rowIndex: number, field: string, year?: number, reference?: number): CellResult {
  const args: unknown[] = [
    [grid[0]],
    [grid[rowIndex]],
    field,
    year ?? null,
    reference !== undefined ? [grid[reference]] : null,
  ];
  return planFunction("EVALUATE").evaluate(args, ctx);
}

describe("PLAN.EVALUATE", () => {
  const grid = templateGrid(plan, "zh");

  it("gives the core's figures and status for every seed row at 2023 and at 2025", () => {
    for (const year of [2023, 2025]) {
      plan.indicators.forEach((ind, i) => {
        const ev = evaluateIndicator(plan, ind, { evaluationYear: year });
        const status = evaluate(grid, i + 1, "status", year);
        expect(status, `${ind.id} ${year}`).toBe(ev.status ? ev.status.label.zh : "");
        expect(evaluate(grid, i + 1, "dataYear", year)).toBe(ev.latest?.year ?? "");
        expect(evaluate(grid, i + 1, "value", year)).toBe(ev.latest?.value ?? "");
        const progress = evaluate(grid, i + 1, "progress", year);
        if (ev.progress?.ok && ev.latest) expect(progress).toBeCloseTo(ev.progress.value, 12);
        const elapsed = evaluate(grid, i + 1, "elapsed", year);
        if (ev.timeProgress?.ok) expect(elapsed).toBeCloseTo(ev.timeProgress.value, 12);
      });
    }
  });

  it("reads the field in Chinese too, and says which fields exist", () => {
    const rd = plan.indicators.findIndex((i) => i.id === "RD_INTENSITY") + 1;
    expect(evaluate(grid, rd, "状态", 2023)).toBe("基本符合预期");
    expect(evaluate(grid, rd, "STATUS", 2023)).toBe("基本符合预期");
    expect(evaluate(grid, rd, "colour", 2023)).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining("status"),
    });
  });

  it("a row last reported before the evaluation year is 数据滞后 with its data year", () => {
    const rd = plan.indicators.findIndex((i) => i.id === "RD_INTENSITY") + 1;
    expect(evaluate(grid, rd, "status", 2025)).toBe("数据滞后（2023年）");
    expect(evaluate(grid, rd, "dataYear", 2025)).toBe(2023);
    expect(evaluate(grid, rd, "elapsed", 2025)).toBe(1);
  });

  it("refuses a first argument that is not the template's header row", () => {
    const r = planFunction("EVALUATE").evaluate([[["a", "b"]], [grid[1]], "status", 2023, null], ctx);
    expect(r).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("表头行") });
  });

  it("evaluates a relative target from both rows: higher than GDP growth", () => {
    const two: Plan = {
      ...plan,
      indicators: [
        {
          ...plan.indicators[0]!,
          id: "GDP",
          kind: "percent",
          figures: "rate",
          baseline: 2.3,
          target: { kind: "text", text: { zh: "保持在合理区间", en: "reasonable" } },
          actuals: { "2021": { value: 8.1 }, "2022": { value: 3.0 } },
        },
        {
          ...plan.indicators[0]!,
          id: "PRODUCTIVITY",
          kind: "percent",
          figures: "rate",
          baseline: null,
          target: {
            kind: "relative",
            relation: "above",
            reference: "GDP",
            text: { zh: "高于GDP增长", en: "above GDP" },
          },
          actuals: { "2021": { value: 8.7 }, "2022": { value: 4.2 } },
        },
      ],
    };
    const g = templateGrid(two, "zh");
    expect(evaluate(g, 2, "status", 2022, 1)).toBe("基本符合预期");
    // Without the reference row the function cannot judge it, and says why.
    expect(evaluate(g, 2, "status", 2022)).toBe("");
    expect(evaluate(g, 2, "gap", 2022, 1)).toBeCloseTo(5.5192 - 6.4262, 3);
  });
});

describe("PLAN.DATAYEAR", () => {
  it("is the latest year with a figure that can be read: a stray entry does not move the whole table", () => {
    const grid = templateGrid(plan, "zh");
    const body = grid.slice(1);
    expect(planFunction("DATAYEAR").evaluate([[grid[0]], body], ctx)).toBe(2023);
    const y2024 = (grid[0] as string[]).indexOf("2024年");
    const rd = plan.indicators.findIndex((i) => i.id === "RD_INTENSITY");
    const stray = body.map((r, i) => (i === rd ? r.map((c, j) => (j === y2024 ? "目标5%" : c)) : r));
    expect(planFunction("DATAYEAR").evaluate([[grid[0]], stray], ctx)).toBe(2023);
    const typed = body.map((r, i) => (i === rd ? r.map((c, j) => (j === y2024 ? 1.4 : c)) : r));
    expect(planFunction("DATAYEAR").evaluate([[grid[0]], typed], ctx)).toBe(2024);
  });
  it("is #N/A before the first figure", () => {
    const empty = templateGrid({ ...plan, indicators: plan.indicators.map((i) => ({ ...i, actuals: {} })) }, "zh");
    expect(planFunction("DATAYEAR").evaluate([[empty[0]], empty.slice(1)], ctx)).toMatchObject({ error: "#N/A" });
  });
});

describe("one reading: the sheet (PLAN.EVALUATE) and the pane (sheetRows + summarizePlan) agree on every hostile input", () => {
  const grid = templateGrid(plan, "zh");
  const headers = grid[0] as string[];
  const y2023 = headers.indexOf("2023年");
  const targets = ["RD_INTENSITY", "HIGH_TECH_ENTERPRISES"].map(
    (id) => plan.indicators.findIndex((i) => i.id === id) + 1,
  );

  for (const input of HOSTILE_INPUTS) {
    it(input.label, () => {
      for (const r of targets) {
        const body = grid
          .slice(1)
          .map((row, i) => (i + 1 === r ? row.map((c, j) => (j === y2023 ? input.value : c)) : row));
        // The pane: every row read by the one reader, blocked rows not evaluated.
        const readings = readSheetRows(plan, headers, body);
        const blocked = new Map(
          readings
            .filter((x) => x.blocked)
            .map((x) => [x.indicator.id, { header: x.blocked!.header, text: x.blocked!.text }]),
        );
        const sheetPlan: Plan = { ...plan, indicators: readings.map((x) => x.indicator) };
        const summary = summarizePlan(sheetPlan, { evaluationYear: 2023, blocked });
        const id = plan.indicators[r - 1]!.id;
        const pane = summary.evaluations.find((e) => e.indicatorId === id)!;
        const paneStatus = pane.needsFix
          ? `待修正（${pane.needsFix.header}：${pane.needsFix.text}）`
          : (pane.status?.label.zh ?? "");
        // The sheet: PLAN.EVALUATE over the same row.
        const sheet = planFunction("EVALUATE").evaluate([[headers], [body[r - 1]], "status", 2023, null], ctx);
        expect(sheet, `${id}: ${input.label}`).toBe(paneStatus);
        const value = planFunction("EVALUATE").evaluate([[headers], [body[r - 1]], "value", 2023, null], ctx);
        if (pane.needsFix) expect(typeof value === "object" || value === "").toBe(true);
        else expect(value).toBe(pane.latest?.value ?? "");
      }
    });
  }
});
