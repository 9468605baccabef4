/**
 * The pane: the plan's state at the top (title, evaluation year, counts by status), the toolbar and the
 * notices under it, Validate's results, the charts and the indicators, the selected figure's records (loaded
 * once there is a template), and the report and sharing panels loaded when opened. Every section reads the
 * pane's store (store/) and only renders; every workbook call goes through src/excel, every number comes
 * from the core.
 */
import { MainActions } from "./pane/MainActions";
import { ChartsSection } from "./pane/ChartsSection";
import { EvaluationYearSection } from "./pane/EvaluationYearSection";
import { FindingsSection } from "./pane/FindingsSection";
import { HistoryOnDemand } from "./pane/HistoryOnDemand";
import { IndicatorsSection } from "./pane/IndicatorsSection";
import { IntegritySection } from "./pane/IntegritySection";
import { NoticeArea } from "./pane/NoticeArea";
import { OnDemandPanels } from "./pane/OnDemandPanels";
import { PaneHeader } from "./pane/PaneHeader";
import { usePaneStyles } from "./pane/paneStyles";
import { PlanStateMessages } from "./pane/PlanStateMessages";
import { RepairOnDemand } from "./pane/RepairOnDemand";
import { StatusSection } from "./pane/StatusSection";
import { usePane } from "./store/useStore";

export function App() {
  const styles = usePaneStyles();
  const lang = usePane((s) => s.lang);
  const busy = usePane((s) => s.busy !== null || s.plan.kind === "loading");
  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en-US"} aria-busy={busy}>
      <PaneHeader />
      <EvaluationYearSection />
      <IntegritySection />
      <RepairOnDemand />
      <PlanStateMessages />
      <StatusSection />
      <MainActions />
      <NoticeArea />
      <FindingsSection />
      <ChartsSection />
      <IndicatorsSection />
      <HistoryOnDemand />
      <OnDemandPanels />
    </main>
  );
}
