/**
 * The pane's two charts from the one evaluation: the plan's completion progress against time
 * progress (the overview; a row selects its indicator), and the selected indicator's figures
 * against its planned path (src/core/indicatorPath.ts). Components only render.
 */
import type { PlanSummary } from "../../../core/indicatorEvaluation";
import { indicatorPath } from "../../../core/indicatorPath";
import type { Lang } from "../../../core/messages";
import type { Plan } from "../../../core/planSchema";
import { PathChart, ProgressChart, type ProgressItem } from "../charts";
import { formatNumber } from "../figures";
import { t } from "../i18n";
import { targetText } from "../indicatorNotes";
import { statusKeyOf } from "../statusStyle";

export function progressItems(summary: PlanSummary, plan: Plan, lang: Lang): ProgressItem[] {
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  return summary.evaluations
    .filter((e) => e.targetKind !== "text" || e.status !== null)
    .map((e) => ({
      id: e.indicatorId,
      label: byId.get(e.indicatorId)?.name[lang] ?? e.indicatorId,
      progress: e.progress?.ok ? e.progress.value : null,
      timeProgress: e.timeProgress?.ok ? e.timeProgress.value : null,
      status: statusKeyOf(e),
      binding: e.binding,
    }));
}

export function PlanCharts(props: {
  lang: Lang;
  plan: Plan;
  summary: PlanSummary;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { lang, plan, summary, selectedId, onSelect } = props;
  const selected = selectedId ? plan.indicators.find((i) => i.id === selectedId) : undefined;
  const evaluation = selected ? summary.evaluations.find((e) => e.indicatorId === selected.id) : undefined;
  const path = selected ? indicatorPath(plan, selected) : null;
  const unit =
    path?.measure === "averageGrowth"
      ? t(lang, "averageGrowthUnit")
      : path?.measure === "cumulative"
        ? `${t(lang, "cumulativeUnit")} ${selected!.unit[lang]}`
        : (selected?.unit[lang] ?? "");
  return (
    <>
      {selected && path && evaluation ? (
        <PathChart
          lang={lang}
          title={selected.name[lang]}
          unit={unit}
          points={path.points}
          target={path.target ? { ...path.target, label: targetText(evaluation.target.effective, lang) } : null}
          adjustedFrom={
            path.originalTarget
              ? { value: path.originalTarget.value, label: targetText(evaluation.target.original, lang) }
              : null
          }
          evaluationYear={summary.evaluationYear}
          lowerIsBetter={path.lowerIsBetter}
          formatValue={(v) => formatNumber(v, lang)}
        />
      ) : null}
      <ProgressChart lang={lang} items={progressItems(summary, plan, lang)} onSelect={onSelect} />
    </>
  );
}
