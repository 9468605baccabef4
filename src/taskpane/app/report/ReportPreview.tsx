/** The summary paragraph and the counts by verdict the report will carry (or why they cannot be made). */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Lang } from "../../../core/messages";
import { rt } from "./reportStrings";
import { useReportStyles } from "./reportStyles";
import type { ReportChoiceState } from "./useReportChoice";

export function ReportPreview(props: { lang: Lang; preview: ReportChoiceState["preview"] }) {
  const styles = useReportStyles();
  const { lang, preview } = props;
  if (preview.error !== null)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{preview.error}</MessageBarBody>
      </MessageBar>
    );
  const doc = preview.doc;
  return (
    <div aria-label={rt(lang, "preview")}>
      <h3 className={styles.sub}>{rt(lang, "preview")}</h3>
      {doc.rows.length === 0 ? <p className={styles.hint}>{rt(lang, "noIndicators")}</p> : null}
      {doc.summary.map((paragraph, i) => (
        <p key={i} className={styles.summary}>
          {paragraph}
        </p>
      ))}
      {doc.counts.length > 0 ? (
        <>
          <h3 className={styles.sub}>{rt(lang, "countsTitle")}</h3>
          <ul className={styles.counts}>
            {doc.counts.map((c) => (
              <li key={c.verdict}>{rt(lang, "countItem", { label: c.label, count: c.count })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
