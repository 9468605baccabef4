/**
 * Validate's results: errors and warnings with their cells, and the safe fixes behind a preview. The list's
 * code (ValidationPanel) is fetched the first time there are results to show, not when the pane opens;
 * meanwhile its place says it is loading, and a chunk that cannot be fetched is said there (LoadedPanel).
 */
import { lazy } from "react";
import { t } from "../i18n";
import { readyOf } from "../store/planState";
import { fixCells, goToCell } from "../store/sheetActions";
import { usePane, usePaneStore } from "../store/useStore";
import { LoadedPanel } from "./PanelBoundary";
import { usePaneStyles } from "./paneStyles";

const ValidationPanel = lazy(() =>
  import(/* webpackChunkName: "findings" */ "../components/ValidationPanel").then((m) => ({
    default: m.ValidationPanel,
  })),
);

export function FindingsSection() {
  const styles = usePaneStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const findings = usePane((s) => s.findings);
  const busy = usePane((s) => s.busy !== null);
  if (!findings || !ready) return null;
  const panel = t(lang, "findingsTitle");
  return (
    <section>
      <h2 className={styles.sectionTitle}>{panel}</h2>
      <LoadedPanel lang={lang} panel={panel}>
        <ValidationPanel
          findings={findings}
          indicatorCount={ready.sheet.plan.indicators.length}
          lang={lang}
          busy={busy}
          onSelectCell={(address) => void goToCell(store, address)}
          onApplyFixes={(fixes) => void fixCells(store, fixes)}
        />
      </LoadedPanel>
    </section>
  );
}
