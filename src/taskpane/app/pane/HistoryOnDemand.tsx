/**
 * The selected figure's records and the target adjustment form (HistoryArea), fetched only once the pane
 * has a template to record in (React.lazy, its own chunk): a pane opened on a workbook without one never
 * loads that code, nor what only it uses (the target adjustment rules and the report builder they check
 * against). While the chunk arrives its place says what is loading; a chunk that cannot be fetched is said
 * there (PanelBoundary) and the rest of the pane keeps working.
 */
import { lazy } from "react";
import { t } from "../i18n";
import { readyOf } from "../store/planState";
import { usePane } from "../store/useStore";
import { LoadedPanel } from "./PanelBoundary";

const HistoryArea = lazy(() =>
  import(/* webpackChunkName: "history" */ "./HistoryArea").then((m) => ({ default: m.HistoryArea })),
);

export function HistoryOnDemand() {
  const lang = usePane((s) => s.lang);
  const hasTemplate = usePane((s) => readyOf(s.plan) !== null);
  if (!hasTemplate) return null;
  const panel = t(lang, "historyPanel");
  return (
    <LoadedPanel lang={lang} panel={panel}>
      <HistoryArea />
    </LoadedPanel>
  );
}
