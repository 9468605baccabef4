/** The pane's charts of the plan; picking an indicator selects it here and its row in the sheet. */
import { PlanCharts } from "../components/PlanCharts";
import { t } from "../i18n";
import { readyOf } from "../store/planState";
import { selectIndicator } from "../store/sheetActions";
import { usePane, usePaneStore } from "../store/useStore";
import { usePaneStyles } from "./paneStyles";

export function ChartsSection() {
  const styles = usePaneStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const selectedId = usePane((s) => s.selectedId);
  if (!ready) return null;
  return (
    <section>
      <h2 className={styles.sectionTitle}>{t(lang, "charts")}</h2>
      <PlanCharts
        lang={lang}
        plan={ready.sheet.plan}
        summary={ready.summary}
        selectedId={selectedId}
        onSelect={(id) => void selectIndicator(store, id)}
      />
    </section>
  );
}
