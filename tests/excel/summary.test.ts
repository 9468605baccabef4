/**
 * The pane's numbers and the sheet's formulas both come from the core: the summary read back from
 * the sheet equals the core's evaluation of the same figures, and so do the computed columns.
 */
import { describe, expect, it } from "vitest";
import { summarizePlan } from "../../src/core/indicatorEvaluation";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import { statusLabel } from "../../src/core/status";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import { evaluateSnapshot } from "../../src/taskpane/app/usePlanState";
import { seedPlan, useHost } from "./helpers";

const SHEET = "规划指标";

/** Figures typed into the sheet, by indicator id and year. */
const FIGURES: Record<string, Record<string, number>> = {
  TECH_PROGRESS_RANK: { "2021": 3, "2022": 4 },
  RD_INTENSITY: { "2021": 1.3, "2022": 1.35 },
  ENTERPRISE_RD_SHARE: { "2021": 3.5 },
  HIGH_TECH_ENTERPRISES: { "2021": 118, "2022": 140, "2023": 152 },
  TECH_CONTRACT_TURNOVER: { "2021": 26 },
  PROVINCIAL_INCUBATORS: { "2021": 8 },
  HIGH_VALUE_PATENTS_PER_10K_GROWTH: { "2021": 0.3 },
};

function withFigures(plan: Plan): Plan {
  return planSchema.parse({
    ...plan,
    indicators: plan.indicators.map((ind) => ({
      ...ind,
      actuals: Object.fromEntries(Object.entries(FIGURES[ind.id] ?? {}).map(([y, value]) => [y, { value }])),
    })),
  });
}

describe("the state of the plan", () => {
  const host = useHost();

  async function typed() {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    const wb = host.standin.workbook;
    const columnOfYear: Record<string, string> = { "2021": "J", "2022": "K", "2023": "L", "2024": "M", "2025": "N" };
    seedPlan.indicators.forEach((ind, i) => {
      for (const [year, value] of Object.entries(FIGURES[ind.id] ?? {}))
        wb.setCellInput(SHEET, `${columnOfYear[year]}${6 + i}`, String(value));
    });
    return tableName;
  }

  it("summary numbers read back from the sheet equal the core's for the same figures", async () => {
    const tableName = await typed();
    const { summary, sheet } = evaluateSnapshot(await readTemplate(tableName));
    const expected = summarizePlan(withFigures(seedPlan));
    expect(summary.dataYear).toBe(2023);
    expect(summary.counts).toEqual(expected.counts);
    expect(summary.evaluations.map((e) => e.indicatorId)).toEqual(expected.evaluations.map((e) => e.indicatorId));
    summary.evaluations.forEach((e, i) => {
      const x = expected.evaluations[i]!;
      expect({
        id: e.indicatorId,
        latest: e.latest,
        gap: e.gap,
        growth: e.requiredGrowth,
        step: e.requiredStep,
        status: e.status?.code ?? null,
      }).toEqual({
        id: x.indicatorId,
        latest: x.latest,
        gap: x.gap,
        growth: x.requiredGrowth,
        step: x.requiredStep,
        status: x.status?.code ?? null,
      });
    });
    expect(sheet.plan.indicators.map((i) => i.id)).toEqual(seedPlan.indicators.map((i) => i.id));
  });

  it("the sheet's computed columns show the core's gap, growth, progress, time progress and status", async () => {
    await typed();
    const wb = host.standin.workbook;
    const expected = summarizePlan(withFigures(seedPlan));
    const byId = new Map(expected.evaluations.map((e) => [e.indicatorId, e]));
    seedPlan.indicators.forEach((ind, i) => {
      const e = byId.get(ind.id)!;
      const row = 6 + i;
      if (!e.latest) {
        expect(wb.cell(SHEET, `V${row}`).text).toBe("");
        return;
      }
      expect(wb.cell(SHEET, `O${row}`).value).toBe(e.latest.year);
      if (e.gap?.ok) expect(wb.cell(SHEET, `Q${row}`).value as number).toBeCloseTo(e.gap.value, 9);
      if (e.requiredGrowth?.ok)
        expect(wb.cell(SHEET, `R${row}`).value as number).toBeCloseTo(e.requiredGrowth.value, 9);
      if (e.timeProgress?.ok) expect(wb.cell(SHEET, `U${row}`).value as number).toBeCloseTo(e.timeProgress.value, 9);
      if (e.progress?.ok && ind.target.kind === "level")
        expect(wb.cell(SHEET, `T${row}`).value as number).toBeCloseTo(e.progress.value, 9);
      if (e.status)
        expect(wb.cell(SHEET, `V${row}`).text).toBe(
          statusLabel(e.status.code, "zh", { year: e.latest.year, targetYear: seedPlan.targetYear }),
        );
    });
  });

  it("a manual status in the sheet overrides the computed one, in the sheet and in the summary", async () => {
    const tableName = await typed();
    host.standin.workbook.setCellInput(SHEET, "W7", "滞后");
    expect(host.standin.workbook.cell(SHEET, "V7").text).toBe("滞后");
    const { summary } = evaluateSnapshot(await readTemplate(tableName));
    const rd = summary.evaluations.find((e) => e.indicatorId === "RD_INTENSITY")!;
    expect(rd.status).toMatchObject({ code: "lagging", source: "override" });
  });
});

describe("every target form of the plan model", () => {
  const host = useHost();

  it("shows the core's status for 左右, 〔〕 reduction, 年均 and text targets, and nothing before data", async () => {
    const base = seedPlan.indicators[1]!;
    const plan = planSchema.parse({
      ...seedPlan,
      id: "forms",
      indicators: [
        { ...base, id: "APPROX", target: { kind: "level", value: 1.47, comparator: "~", tolerance: 0.05 } },
        {
          ...base,
          id: "CUT",
          kind: "percent",
          baseline: null,
          target: { kind: "cumulative", value: 13.5, mode: "reduction" },
          attribute: "binding",
        },
        {
          ...base,
          id: "CAGR",
          kind: "amount",
          unit: { zh: "亿元", en: "100m yuan" },
          baseline: 100,
          target: { kind: "annualGrowth", value: 7 },
        },
        { ...base, id: "TEXT", target: { kind: "text", text: { zh: "明显提升", en: "rise markedly" } } },
      ],
    });
    const { tableName } = await insertTemplate(plan, "zh");
    const wb = host.standin.workbook;
    for (let row = 6; row <= 9; row++) {
      for (const col of ["Q", "R", "S", "T", "U", "V"]) expect(wb.cell(SHEET, `${col}${row}`).text).toBe("");
    }
    wb.setCellInput(SHEET, "J6", "1.3");
    wb.setCellInput(SHEET, "K6", "1.44");
    wb.setCellInput(SHEET, "J7", "2.7");
    wb.setCellInput(SHEET, "K7", "0.1");
    wb.setCellInput(SHEET, "J8", "104");
    wb.setCellInput(SHEET, "J9", "2");
    wb.setCellInput(SHEET, "W9", "基本符合预期");
    const { summary } = evaluateSnapshot(await readTemplate(tableName));
    const expected = summarizePlan(
      planSchema.parse({
        ...plan,
        indicators: plan.indicators.map((ind) => ({
          ...ind,
          actuals: {
            APPROX: { "2021": { value: 1.3 }, "2022": { value: 1.44 } },
            CUT: { "2021": { value: 2.7 }, "2022": { value: 0.1 } },
            CAGR: { "2021": { value: 104 } },
            TEXT: { "2021": { value: 2 } },
          }[ind.id],
          ...(ind.id === "TEXT" ? { override: { status: "onTrack", note: "—" } } : {}),
        })),
      }),
    );
    expect(summary.counts).toEqual(expected.counts);
    expect(expected.evaluations.filter((e) => e.status !== null)).toHaveLength(4);
    plan.indicators.forEach((ind, i) => {
      const e = expected.evaluations.find((x) => x.indicatorId === ind.id)!;
      const shown = wb.cell(SHEET, `V${6 + i}`);
      expect(shown.valueType).not.toBe("Error");
      if (e.status) expect(shown.text).toBe(e.status.label.zh);
    });
  });
});
