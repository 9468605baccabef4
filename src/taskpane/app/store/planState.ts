/**
 * The workbook's template as the pane knows it: located once, read in one sync, evaluated by the core.
 */
import { summarizePlan, type PlanSummary } from "../../../core/indicatorEvaluation";
import type { HostOperationError } from "../../../excel/excelRun";
import type { TemplateSnapshot } from "../../../excel/readTemplate";
import { planFromSnapshot, type SheetPlan } from "../../../excel/sheetPlan";

export type PlanState =
  | { kind: "loading" }
  | { kind: "none" }
  | { kind: "error"; error: HostOperationError }
  | { kind: "ready"; snapshot: TemplateSnapshot; sheet: SheetPlan; summary: PlanSummary };

export type ReadyPlan = Extract<PlanState, { kind: "ready" }>;

export function evaluateSnapshot(snapshot: TemplateSnapshot): { sheet: SheetPlan; summary: PlanSummary } {
  const sheet = planFromSnapshot(snapshot);
  return {
    sheet,
    summary: summarizePlan(sheet.plan, {
      ...(sheet.evaluationYear !== null ? { evaluationYear: sheet.evaluationYear } : {}),
      blocked: sheet.blocked,
    }),
  };
}

export function readyOf(plan: PlanState): ReadyPlan | null {
  return plan.kind === "ready" ? plan : null;
}
