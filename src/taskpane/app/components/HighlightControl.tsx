/**
 * The highlight toggle and its legend. The swatches are the very colours the sheet's rules use;
 * the status words stay in the sheet's status column, so no one depends on colour alone.
 */
import { makeStyles, Switch, tokens } from "@fluentui/react-components";
import type { Lang } from "../../../core/messages";
import { HIGHLIGHT_COLOURS, type HighlightTone } from "../../../excel/highlights";
import { t, type StringKey } from "../i18n";

const useStyles = makeStyles({
  legend: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    fontSize: tokens.fontSizeBase200,
  },
  swatch: {
    display: "inline-block",
    minWidth: "2.2em",
    textAlign: "center",
    marginRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusSmall,
    paddingLeft: "4px",
    paddingRight: "4px",
  },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

const LEGEND: Array<{ tone: HighlightTone; label: StringKey; mark: string }> = [
  { tone: "red", label: "legendRed", mark: "!" },
  { tone: "amber", label: "legendAmber", mark: "~" },
  { tone: "green", label: "legendGreen", mark: "✓" },
];

export function HighlightControl(props: {
  lang: Lang;
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  const styles = useStyles();
  const { lang } = props;
  return (
    <div>
      <Switch
        label={t(lang, "highlightOffTrack")}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(_ev, data) => props.onChange(data.checked)}
      />
      <p className={styles.hint}>{t(lang, "highlightWillChange")}</p>
      <ul className={styles.legend} aria-label={t(lang, "highlightLegendTitle")}>
        {LEGEND.map((item) => {
          const colour = HIGHLIGHT_COLOURS[item.tone];
          return (
            <li key={item.tone}>
              <span
                className={styles.swatch}
                aria-hidden="true"
                style={{ backgroundColor: colour.fill, color: colour.font, fontWeight: colour.bold ? 700 : 400 }}
              >
                {item.mark}
              </span>
              {t(lang, item.label)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
