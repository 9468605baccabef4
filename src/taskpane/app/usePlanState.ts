/**
 * The workbook's template as the pane knows it: located once, read in one sync, evaluated by the
 * core, and read again ~300 ms after the sheet stops changing (worksheet onChanged), so the
 * summary follows what staff type without a button.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { summarizePlan, type PlanSummary } from "../../core/indicatorEvaluation";
import { HostOperationError, toHostError } from "../../excel/excelRun";
import { locateTemplate, readTemplate, type TemplateSnapshot } from "../../excel/readTemplate";
import { planFromSnapshot, type SheetPlan } from "../../excel/sheetPlan";
import { watchSheet } from "../../excel/watchChanges";

export const CHANGE_DEBOUNCE_MS = 300;

export type PlanState =
  | { kind: "loading" }
  | { kind: "none" }
  | { kind: "error"; error: HostOperationError }
  | { kind: "ready"; snapshot: TemplateSnapshot; sheet: SheetPlan; summary: PlanSummary };

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

export function usePlanState(): { state: PlanState; reload: (tableName?: string) => Promise<void> } {
  const [state, setState] = useState<PlanState>({ kind: "loading" });
  const tableRef = useRef<string | null>(null);
  const watchedSheet = useRef<string | null>(null);
  const unwatch = useRef<(() => Promise<void>) | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  const load = useCallback(async (tableName?: string) => {
    try {
      if (tableName) tableRef.current = tableName;
      if (!tableRef.current) {
        const found = await locateTemplate();
        if (!found) {
          if (alive.current) setState({ kind: "none" });
          return;
        }
        tableRef.current = found.tableName;
      }
      const snapshot = await readTemplate(tableRef.current);
      if (!alive.current) return;
      setState({ kind: "ready", snapshot, ...evaluateSnapshot(snapshot) });
      if (watchedSheet.current !== snapshot.sheetName) {
        await unwatch.current?.();
        watchedSheet.current = snapshot.sheetName;
        const stop = await watchSheet(snapshot.sheetName, () => {
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void load(), CHANGE_DEBOUNCE_MS);
        });
        // Unmounted while registering: unregister at once rather than leave a handler behind.
        if (alive.current) unwatch.current = stop;
        else await stop();
      }
    } catch (err) {
      const error = toHostError(err);
      if (error.code === "templateNotFound") tableRef.current = null;
      if (alive.current) setState(error.code === "templateNotFound" ? { kind: "none" } : { kind: "error", error });
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
      void unwatch.current?.();
    };
  }, [load]);

  return { state, reload: load };
}
