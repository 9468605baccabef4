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
import { evaluateSnapshot } from "../../src/taskpane/app/store/planState";
import { cellOf, seedPlan, useHost } from "./helpers";

const SHEET = "规划指标";
/** The indicators of the table (rows 6 …): the supplementary goals are in a block below it without yearly cells. */
const MAIN = seedPlan.indicators.filter((i) => !i.supplementary);

/** Figures typed into the sheet, by indicator id and year. */
const FIGURES: Record<string, Record<string, number>> = {
  TECH_PROGRESS_RANK: { "2021": 3, "2022": 4 },
  RD_INTENSITY: { "2021": 1.3, "2022": 1.35 },
  ENTERPRISE_RD_SHARE: { "2021": 3.5 },
  HIGH_TECH_ENTERPRISES: { "2021": 118, "2022": 140, "2023": 152 },
  TECH_CONTRACT_TURNOVER: { "2021": 26 },
  PROVINCIAL_INCUBATORS: { "2021": 8 },
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
    MAIN.forEach((ind, i) => {
      for (const [year, value] of Object.entries(FIGURES[ind.id] ?? {}))
        wb.setCellInput(SHEET, cellOf(seedPlan, `y${Number(year)}`, 6 + i), String(value));
    });
    await host.standin.whenIdle(); // C3 streams the evaluation year after the edits, as in Excel
    return tableName;
  }

  it("summary numbers read back from the sheet equal the core's for the same figures", async () => {
    const tableName = await typed();
    const { summary, sheet } = evaluateSnapshot(await readTemplate(tableName));
    const expected = summarizePlan(withFigures(seedPlan));
    expect(summary.dataYear).toBe(2023);
    expect(summary.evaluationYear).toBe(2023);
    // 5: the supplementary growth goal, which had a 2021 figure typed when it was in the table, has no yearly cell now.
    expect(summary.counts.stale).toBe(5);
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
    MAIN.forEach((ind, i) => {
      const e = byId.get(ind.id)!;
      const row = 6 + i;
      const at = (key: Parameters<typeof cellOf>[1]) => wb.cell(SHEET, cellOf(seedPlan, key, row));
      if (!e.latest) {
        expect(at("status").text).toBe("");
        return;
      }
      expect(at("latestYear").value).toBe(e.latest.year);
      if (e.gap?.ok) expect(at("gap").value as number).toBeCloseTo(e.gap.value, 9);
      if (e.requiredGrowth?.ok) expect(at("growth").value as number).toBeCloseTo(e.requiredGrowth.value, 9);
      if (e.timeProgress?.ok) expect(at("elapsed").value as number).toBeCloseTo(e.timeProgress.value, 9);
      if (e.progress?.ok) expect(at("progress").value as number).toBeCloseTo(e.progress.value, 9);
      if (e.status)
        expect(at("status").text).toBe(
          statusLabel(e.status.code, "zh", {
            year: e.evaluationYear,
            targetYear: seedPlan.targetYear,
            dataYear: e.latest.year,
          }),
        );
    });
  });

  it("a manual status in the sheet overrides the computed one, in the sheet and in the summary", async () => {
    const tableName = await typed();
    host.standin.workbook.setCellInput(SHEET, cellOf(seedPlan, "manualStatus", 7), "滞后");
    expect(host.standin.workbook.cell(SHEET, cellOf(seedPlan, "status", 7)).text).toBe("滞后");
    const { summary } = evaluateSnapshot(await readTemplate(tableName));
    const rd = summary.evaluations.find((e) => e.indicatorId === "RD_INTENSITY")!;
    expect(rd.status).toMatchObject({ code: "lagging", source: "override" });
  });
});

describe("every target form of the plan model", () => {
  const host = useHost();

  it("sheet and pane show the core's status for every v2 target form, and nothing before data", async () => {
    const base = seedPlan.indicators[1]!;
    const plan = planSchema.parse({
      ...seedPlan,
      id: "forms",
      indicators: [
        {
          ...base,
          id: "APPROX",
          target: { kind: "level", value: 1.47, comparator: ">=", obligation: "reach", approximate: true, band: 0.05 },
        },
        {
          ...base,
          id: "CUT",
          kind: "percent",
          figures: "change",
          baseline: null,
          target: { kind: "cumulative", value: 13.5, mode: "reduction" },
          attribute: "binding",
        },
        {
          ...base,
          id: "CAGR",
          kind: "percent",
          figures: "rate",
          baseline: null,
          target: { kind: "annualGrowth", value: 7, comparator: ">=" },
        },
        { ...base, id: "TEXT", target: { kind: "text", text: { zh: "明显提升", en: "rise markedly" } } },
        {
          ...base,
          id: "KEEP",
          kind: "percent",
          direction: "down",
          baseline: 5.2,
          target: { kind: "level", value: 5.5, comparator: "<=", obligation: "keep" },
          attribute: null,
        },
        {
          ...base,
          id: "LIFE",
          kind: "amount",
          figures: "level",
          baseline: 77.3,
          baselineYear: 2019,
          target: { kind: "cumulative", value: 1, mode: "increase" },
        },
        {
          ...base,
          id: "PRODUCTIVITY",
          kind: "percent",
          figures: "rate",
          baseline: null,
          target: { kind: "relative", relation: "above", reference: "CAGR", text: { zh: "高于研发增长", en: "above" } },
        },
      ],
    });
    const { tableName } = await insertTemplate(plan, "zh");
    const wb = host.standin.workbook;
    const at = (key: Parameters<typeof cellOf>[1], row: number) => cellOf(plan, key, row);
    for (let row = 6; row < 6 + plan.indicators.length; row++) {
      for (const key of ["gap", "growth", "step", "progress", "status"] as const)
        expect(wb.cell(SHEET, at(key, row)).text).toBe("");
    }
    const typed: Record<string, Record<string, number>> = {
      APPROX: { "2021": 1.3, "2022": 1.44 },
      CUT: { "2021": 2.7, "2022": 0.1 },
      CAGR: { "2021": 14.6, "2022": 10.1 },
      TEXT: { "2021": 2 },
      KEEP: { "2021": 5.1, "2022": 5.6 },
      LIFE: { "2021": 78.2, "2022": 78.4 },
      PRODUCTIVITY: { "2021": 15, "2022": 11 },
    };
    plan.indicators.forEach((ind, i) => {
      for (const [year, value] of Object.entries(typed[ind.id] ?? {}))
        wb.setCellInput(SHEET, at(`y${Number(year)}`, 6 + i), String(value));
    });
    wb.setCellInput(SHEET, at("manualStatus", 9), "基本符合预期");
    const { summary } = evaluateSnapshot(await readTemplate(tableName));
    const expected = summarizePlan(
      planSchema.parse({
        ...plan,
        indicators: plan.indicators.map((ind) => ({
          ...ind,
          actuals: Object.fromEntries(Object.entries(typed[ind.id] ?? {}).map(([y, value]) => [y, { value }])),
          ...(ind.id === "TEXT" ? { override: { status: "onTrack", note: "—" } } : {}),
        })),
      }),
    );
    expect(summary.evaluationYear).toBe(2022);
    expect(summary.counts).toEqual(expected.counts);
    expect(expected.evaluations.filter((e) => e.status !== null)).toHaveLength(plan.indicators.length);
    expect(Object.fromEntries(expected.evaluations.map((e) => [e.indicatorId, e.status?.label.zh]))).toEqual({
      APPROX: "提前实现",
      CUT: "滞后",
      CAGR: "快于预期",
      TEXT: "基本符合预期",
      KEEP: "滞后",
      LIFE: "提前实现",
      PRODUCTIVITY: "基本符合预期",
    });
    plan.indicators.forEach((ind, i) => {
      const e = expected.evaluations.find((x) => x.indicatorId === ind.id)!;
      const shown = wb.cell(SHEET, at("status", 6 + i));
      expect(shown.valueType, ind.id).not.toBe("Error");
      expect(shown.text, ind.id).toBe(e.status!.label.zh);
    });
  });
});
