/** The pane's heading: the plan's title, the year it is evaluated at (and whether that is automatic), the sheet. */
import { yearCell } from "../../../core/templateBlock";
import { t } from "../i18n";
import { readyOf } from "../store/planState";
import { usePane } from "../store/useStore";
import { usePaneStyles } from "./paneStyles";

export function PaneHeader() {
  const styles = usePaneStyles();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  if (!ready) return <h1 className={styles.title}>{t(lang, "appTitle")}</h1>;
  const automatic = ready.sheet.evaluationYearInvalid === null && yearCell(ready.snapshot.evaluationYearInput) === null;
  return (
    <header>
      <h1 className={styles.title}>{ready.sheet.plan.title[lang]}</h1>
      <p className={styles.sub}>
        {ready.summary.dataYear !== null
          ? t(lang, "evaluationYearNow", {
              year: ready.summary.evaluationYear,
              auto: automatic ? t(lang, "evaluationYearIsAuto") : "",
            })
          : t(lang, "noDataYear")}
        {" · "}
        {ready.snapshot.sheetName}
      </p>
    </header>
  );
}
