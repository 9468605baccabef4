/**
 * The evaluation report (评估报告), loaded only when staff open it: choose the year and the kind (defaulting
 * from the sheet's evaluation year), see the summary and counts the report will carry, then write the
 * report sheet (生成评估报告) or save the same report as a Word file (Word 报告). The actions take the pane's
 * operation lock and report in the pane's notice area (reportPanelActions.ts). Text is rendered as text.
 */
import { Button } from "@fluentui/react-components";
import { reportSheetBaseName } from "../../../core/evaluationReport";
import type { Lang } from "../../../core/messages";
import type { ReadyPlan } from "../store/planState";
import { readyOf } from "../store/planState";
import { usePane, usePaneStore } from "../store/useStore";
import { ReportChoices } from "./ReportChoices";
import { saveWord, writeSheet } from "./reportPanelActions";
import { ReportPreview } from "./ReportPreview";
import { rt } from "./reportStrings";
import { useReportStyles } from "./reportStyles";
import { useReportChoice } from "./useReportChoice";

export function ReportPanel() {
  const styles = useReportStyles();
  const lang = usePane((s) => s.lang);
  const ready = usePane((s) => readyOf(s.plan));
  if (!ready) return <p className={styles.hint}>{rt(lang, "noPlan")}</p>;
  return <ReportForm lang={lang} ready={ready} />;
}

function ReportForm(props: { lang: Lang; ready: ReadyPlan }) {
  const styles = useReportStyles();
  const store = usePaneStore();
  const busy = usePane((s) => s.busy !== null);
  const { lang, ready } = props;
  const choice = useReportChoice(lang, ready.sheet.plan, ready.sheet.blocked, ready.summary.evaluationYear);
  const picked = { year: choice.year, kind: choice.kind, pathIndicatorId: choice.pathId || null };
  return (
    <div className={styles.root} aria-busy={busy}>
      <ReportChoices lang={lang} choice={choice} disabled={busy} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void writeSheet(store, picked)} disabled={busy}>
          {rt(lang, "generate")}
        </Button>
        <Button onClick={() => void saveWord(store, picked)} disabled={busy}>
          {rt(lang, "word")}
        </Button>
      </div>
      <p className={styles.hint}>
        {rt(lang, "willWrite", { sheet: reportSheetBaseName(choice.kind, choice.year, lang) })}
      </p>
      <ReportPreview lang={lang} preview={choice.preview} />
    </div>
  );
}
