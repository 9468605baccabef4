/** 目标责任制 in the pane: filter the indicators by responsible unit and group them by lead unit. */
import { describe, expect, it } from "vitest";
import { summarizePlan } from "../../src/core/indicatorEvaluation";
import { groupByLeadUnit, indicatorRows, unitsOf } from "../../src/taskpane/app/components/IndicatorList";
import { makePlan, seedRows } from "../core/fixtures";

const plan = makePlan([
  { ...seedRows.rdIntensity, leadUnit: "市科技局", coUnits: ["市统计局"] },
  { ...seedRows.hiTechFirms, leadUnit: "市工信局" },
  { ...seedRows.contracts, leadUnit: "市科技局" },
  seedRows.rank,
]);
const summary = summarizePlan(plan);

describe("responsibility in the pane", () => {
  it("lists every unit named as lead or co-responsible, once, in the plan's order", () => {
    expect(unitsOf(plan.indicators)).toEqual(["市科技局", "市统计局", "市工信局"]);
  });

  it("filters by a unit (lead or co-responsible), or by no lead unit stated", () => {
    const ids = (rows: ReturnType<typeof indicatorRows>) => rows.map((r) => r.indicator.id);
    expect(ids(indicatorRows(summary, plan.indicators, null, { kind: "unit", unit: "市科技局" }))).toEqual([
      "RD_INTENSITY",
      "TECH_CONTRACTS",
    ]);
    expect(ids(indicatorRows(summary, plan.indicators, null, { kind: "unit", unit: "市统计局" }))).toEqual([
      "RD_INTENSITY",
    ]);
    expect(ids(indicatorRows(summary, plan.indicators, null, { kind: "none" }))).toEqual(["TECH_PROGRESS_RANK"]);
    expect(indicatorRows(summary, plan.indicators, null)).toHaveLength(4);
  });

  it("groups by lead unit, units in order of first appearance and 未注明 last", () => {
    const groups = groupByLeadUnit(indicatorRows(summary, plan.indicators, null));
    expect(groups.map((g) => [g.unit, g.rows.map((r) => r.indicator.id)])).toEqual([
      ["市科技局", ["RD_INTENSITY", "TECH_CONTRACTS"]],
      ["市工信局", ["HIGH_TECH_FIRMS"]],
      [null, ["TECH_PROGRESS_RANK"]],
    ]);
  });
});
