/** The evaluation year: the pane's choice of B3, and a warning when B3 holds something that is not a year. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { yearCell } from "../../../core/templateBlock";
import { planYears } from "../../../core/templateLayout";
import { EvaluationYearControl } from "../components/EvaluationYearControl";
import { t } from "../i18n";
import { chooseEvaluationYear } from "../store/sheetActions";
import { readyOf } from "../store/planState";
import { usePane, usePaneStore } from "../store/useStore";

export function EvaluationYearSection() {
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  const busy = usePane((s) => s.busy !== null);
  if (!ready) return null;
  const invalid = ready.sheet.evaluationYearInvalid;
  return (
    <>
      <EvaluationYearControl
        lang={lang}
        years={planYears(ready.sheet.plan)}
        chosen={yearCell(ready.snapshot.evaluationYearInput)}
        latest={ready.summary.dataYear}
        disabled={busy}
        onChange={(year) => void chooseEvaluationYear(store, year)}
      />
      {invalid ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t(lang, "evaluationYearInvalid", { cell: invalid.address, text: invalid.text })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
