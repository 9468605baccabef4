/**
 * The pane: the plan's state at the top (title, evaluation year, counts by status), the toolbar and the
 * notices under it, Validate's results, the charts and the indicators, the selected figure's records, and
 * the report and sharing panels loaded when opened. Every section reads the pane's store (store/) and
 * only renders; every workbook call goes through src/excel, every number comes from the core.
 */
import { MainActions } from "./pane/MainActions";
import { ChartsSection } from "./pane/ChartsSection";
import { EvaluationYearSection } from "./pane/EvaluationYearSection";
import { FindingsSection } from "./pane/FindingsSection";
import { HistoryArea } from "./pane/HistoryArea";
import { IndicatorsSection } from "./pane/IndicatorsSection";
import { IntegritySection } from "./pane/IntegritySection";
import { NoticeArea } from "./pane/NoticeArea";
import { OnDemandPanels } from "./pane/OnDemandPanels";
import { PaneHeader } from "./pane/PaneHeader";
import { usePaneStyles } from "./pane/paneStyles";
import { PlanStateMessages } from "./pane/PlanStateMessages";
import { StatusSection } from "./pane/StatusSection";
import { usePane } from "./store/useStore";
import { StoredPlanRepair } from "./travel/StoredPlanRepair";

export function App() {
  const styles = usePaneStyles();
  const lang = usePane((s) => s.lang);
  const busy = usePane((s) => s.busy !== null || s.plan.kind === "loading");
  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en-US"} aria-busy={busy}>
      <PaneHeader />
      <EvaluationYearSection />
      <IntegritySection />
      <StoredPlanRepair />
      <PlanStateMessages />
      <StatusSection />
      <MainActions />
      <NoticeArea />
      <FindingsSection />
      <ChartsSection />
      <IndicatorsSection />
      <HistoryArea />
      <OnDemandPanels />
    </main>
  );
}
