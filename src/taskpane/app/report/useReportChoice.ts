/**
 * The report panel's choice: the year and the kind (年度监测 / 中期评估 / 总结评估) and the indicator of
 * figure 2. Until staff choose (or when a choice no longer fits the plan) the defaults apply: the sheet's
 * evaluation year, and the kind that year calls for. Also the preview of the summary for that choice.
 */
import { useMemo, useState } from "react";
import { pathChartChoices } from "../../../core/evaluationReport";
import { summarizePlan } from "../../../core/indicatorEvaluation";
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import type { EvaluationKind } from "../../../core/reportDocument";
import { failureText } from "../hostErrorText";
import { defaultEvaluationKind, initialReportYear, paneReport, reportYearChoices } from "./reportActions";

type Blocked = ReadonlyMap<string, { header: string; text: string }>;

export function useReportChoice(lang: Lang, plan: Plan, blocked: Blocked, evaluationYear: number | null) {
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [chosenKind, setChosenKind] = useState<{ year: number; kind: EvaluationKind } | null>(null);
  const [pathId, setPathId] = useState("");
  const years = useMemo(() => reportYearChoices(plan), [plan]);
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : initialReportYear(plan, evaluationYear);
  const kind = chosenKind !== null && chosenKind.year === year ? chosenKind.kind : defaultEvaluationKind(plan, year);
  const preview = useMemo(() => {
    try {
      return { doc: paneReport(plan, { year, kind, lang, blocked }), error: null };
    } catch (err) {
      return { doc: null, error: failureText(err, lang) };
    }
  }, [plan, year, kind, lang, blocked]);
  const pathChoices = useMemo(
    () => pathChartChoices(plan, summarizePlan(plan, { evaluationYear: year, blocked })),
    [plan, year, blocked],
  );
  return {
    years,
    year,
    kind,
    pathId,
    preview,
    pathChoices,
    chooseYear: (value: string) => {
      const y = Number(value);
      if (Number.isInteger(y)) setChosenYear(y);
    },
    chooseKind: (k: EvaluationKind) => setChosenKind({ year, kind: k }),
    choosePath: setPathId,
  };
}

export type ReportChoiceState = ReturnType<typeof useReportChoice>;
