/** Validate's results: errors and warnings with their cells, and the safe fixes behind a preview. */
import { t } from "../i18n";
import { ValidationPanel } from "../components/ValidationPanel";
import { readyOf } from "../store/planState";
import { fixCells, goToCell } from "../store/sheetActions";
import { usePane, usePaneStore } from "../store/useStore";
import { usePaneStyles } from "./paneStyles";

export function FindingsSection() {
  const styles = usePaneStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const findings = usePane((s) => s.findings);
  const busy = usePane((s) => s.busy !== null);
  if (!findings || !ready) return null;
  return (
    <section>
      <h2 className={styles.sectionTitle}>{t(lang, "findingsTitle")}</h2>
      <ValidationPanel
        findings={findings}
        indicatorCount={ready.sheet.plan.indicators.length}
        lang={lang}
        busy={busy}
        onSelectCell={(address) => void goToCell(store, address)}
        onApplyFixes={(fixes) => void fixCells(store, fixes)}
      />
    </section>
  );
}
