/**
 * The toolbar: Insert template, Validate, highlight on/off, what Insert will change (and whether one Undo
 * takes it back), and which operation is running. Every control is disabled while any operation runs.
 * Insert's code (the template writer) is fetched the first time it is clicked, not when the pane opens.
 */
import { Button, Spinner } from "@fluentui/react-components";
import { highlightsOn } from "../../../excel/highlights";
import { HighlightControl } from "../components/HighlightControl";
import { t } from "../i18n";
import { insertHint } from "../insertHint";
import { operationLabel } from "../store/operations";
import { readyOf } from "../store/planState";
import { highlight, validate } from "../store/sheetActions";
import { usePane, usePaneStore } from "../store/useStore";
import { usePaneStyles } from "./paneStyles";
import { useOnDemand } from "./useOnDemand";

const loadInsert = () => import(/* webpackChunkName: "insert" */ "../store/insertAction");

export function MainActions() {
  const styles = usePaneStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const busy = usePane((s) => s.busy);
  const grouped = usePane((s) => s.undoGrouped);
  const chosenPlan = usePane((s) => s.chosenPlan);
  const insertCode = useOnDemand(store, "insert", loadInsert);
  return (
    <section className={styles.actions} aria-label={t(lang, "actions")}>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          onClick={() => void insertCode.run((code) => code.insert(store))}
          disabled={busy !== null || insertCode.loading}
        >
          {t(lang, "insertTemplate")}
        </Button>
        <Button onClick={() => void validate(store)} disabled={busy !== null || !ready}>
          {t(lang, "validate")}
        </Button>
      </div>
      <p className={styles.hint}>{insertHint(lang, grouped, ready?.snapshot.sheetName ?? null, chosenPlan)}</p>
      <HighlightControl
        lang={lang}
        checked={ready ? highlightsOn(ready.snapshot) : false}
        disabled={busy !== null || !ready}
        onChange={(on) => void highlight(store, on)}
      />
      {insertCode.loading ? (
        <Spinner size="tiny" label={t(lang, "panelLoading", { panel: operationLabel("insert", lang) })} />
      ) : null}
      {busy !== null && busy !== "selectCell" ? (
        <Spinner size="tiny" label={t(lang, "workingOn", { operation: operationLabel(busy, lang) })} />
      ) : null}
    </section>
  );
}
