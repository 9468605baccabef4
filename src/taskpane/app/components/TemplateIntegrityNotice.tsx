/**
 * The template no longer matches what the add-in wrote (a header cleared or renamed, an indicator's id
 * cleared or copied): says which cells, and offers the repair. Renders only; the words come from
 * integrityView.ts and the repair from the pane.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/** How many problems are listed; the rest are counted ("… and 12 more" is in Validate's list). */
const SHOWN = 12;

export function TemplateIntegrityNotice(props: {
  title: string;
  problems: string[];
  /** The repair button's label and what it will change, or null when nothing can be repaired. */
  repair: { label: string; hint: string } | null;
  disabled: boolean;
  onRepair: () => void;
}) {
  const styles = useStyles();
  const rest = props.problems.length - SHOWN;
  return (
    <MessageBar intent="error" layout="multiline" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <ul className={styles.list}>
          {props.problems.slice(0, SHOWN).map((p) => (
            <li key={p}>{p}</li>
          ))}
          {rest > 0 ? <li>… (+{rest})</li> : null}
        </ul>
        {props.repair ? <p className={styles.hint}>{props.repair.hint}</p> : null}
      </MessageBarBody>
      {props.repair ? (
        <MessageBarActions>
          <Button size="small" appearance="primary" disabled={props.disabled} onClick={props.onRepair}>
            {props.repair.label}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
