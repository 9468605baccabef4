/** While the template is read, when there is none, and when it could not be read (the host's reason). */
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { hostErrorText } from "../hostErrorText";
import { t } from "../i18n";
import { usePane } from "../store/useStore";
import { usePaneStyles } from "./paneStyles";

export function PlanStateMessages() {
  const styles = usePaneStyles();
  const lang = usePane((s) => s.lang);
  const plan = usePane((s) => s.plan);
  switch (plan.kind) {
    case "loading":
      return <Spinner size="tiny" label={t(lang, "working")} />;
    case "none":
      return <p className={styles.sub}>{t(lang, "noTemplate")}</p>;
    case "error":
      return (
        <MessageBar intent="error">
          <MessageBarBody>{hostErrorText(plan.error, lang)}</MessageBarBody>
        </MessageBar>
      );
    case "ready":
      return null;
  }
}
