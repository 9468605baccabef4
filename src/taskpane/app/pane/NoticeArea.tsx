/**
 * The notices of the pane's operations, at the top of what staff see: a sticky, polite live region under
 * the toolbar, so the result of an action taken at the bottom of a long 320 px pane is in view and read out.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { t } from "../i18n";
import { usePane, usePaneStore } from "../store/useStore";
import { usePaneStyles } from "./paneStyles";

export function NoticeArea() {
  const styles = usePaneStyles();
  const store = usePaneStore();
  const lang = usePane((s) => s.lang);
  const notices = usePane((s) => s.notices);
  return (
    <div className={styles.notices} role="region" aria-live="polite" aria-label={t(lang, "notices")}>
      {notices.map((n, i) => (
        <MessageBar key={`${i}:${n.text}`} intent={n.intent} layout="multiline">
          <MessageBarBody>
            {n.title ? <MessageBarTitle>{n.title}</MessageBarTitle> : null}
            {n.text}
            {n.details ? (
              <ul className={styles.details}>
                {n.details.slice(0, 20).map((d, j) => (
                  <li key={j}>{d}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={() => store.dismiss(i)}>
                {t(lang, "dismiss")}
              </Button>
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
