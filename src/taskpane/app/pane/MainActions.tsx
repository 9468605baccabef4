/**
 * The toolbar: Insert template, Validate, highlight on/off, what Insert will change (and whether one Undo
 * takes it back), and which operation is running. Every control is disabled while any operation runs.
 */
import { Button, Spinner } from "@fluentui/react-components";
import { highlightsOn } from "../../../excel/highlights";
import { HighlightControl } from "../components/HighlightControl";
import { t } from "../i18n";
import { insertHint } from "../insertHint";
import { insert } from "../store/insertAction";
import { operationLabel } from "../store/operations";
import { readyOf } from "../store/planState";
import { highlight, validate } from "../store/sheetActions";
import { usePane, usePaneStore } from "../store/useStore";
import { usePaneStyles } from "./paneStyles";

export function MainActions() {
  const styles = usePaneStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const busy = usePane((s) => s.busy);
  const grouped = usePane((s) => s.undoGrouped);
  const chosenPlan = usePane((s) => s.chosenPlan);
  return (
    <section className={styles.actions} aria-label={t(lang, "actions")}>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void insert(store)} disabled={busy !== null}>
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
      {busy !== null && busy !== "selectCell" ? (
        <Spinner size="tiny" label={t(lang, "workingOn", { operation: operationLabel(busy, lang) })} />
      ) : null}
    </section>
  );
}
