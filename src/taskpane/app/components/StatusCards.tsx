/** Counts by status as coloured cards; each card is a toggle button that filters the indicator list. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../../core/messages";
import { statusLabel } from "../../../core/status";
import type { PlanSummary } from "../../../core/indicatorEvaluation";
import { t } from "../i18n";
import { STATUS_COLOURS, STATUS_ORDER, type StatusKey } from "../statusStyle";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(88px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    minWidth: 0,
    height: "auto",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderLeftWidth: "4px",
  },
  count: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  label: { fontSize: tokens.fontSizeBase200, textAlign: "left" },
});

export function statusName(key: StatusKey, lang: Lang): string {
  if (key === "none") return t(lang, "noStatus");
  if (key === "stale") return t(lang, "staleStatus");
  if (key === "needsFix") return t(lang, "needsFixStatus");
  return statusLabel(key, lang);
}

export function StatusCards(props: {
  summary: PlanSummary;
  lang: Lang;
  filter: StatusKey | null;
  onFilter: (k: StatusKey | null) => void;
}) {
  const styles = useStyles();
  const { summary, lang, filter, onFilter } = props;
  return (
    <div className={styles.grid} role="group" aria-label={t(lang, "statusCounts")}>
      {STATUS_ORDER.filter((k) => summary.counts[k] > 0 || (k !== "none" && k !== "stale" && k !== "needsFix")).map(
        (key) => {
          const colours = STATUS_COLOURS[key];
          const count = summary.counts[key];
          const name = statusName(key, lang);
          return (
            <Button
              key={key}
              className={styles.card}
              appearance="secondary"
              aria-pressed={filter === key}
              aria-label={`${name}: ${count}`}
              disabled={count === 0}
              onClick={() => onFilter(filter === key ? null : key)}
              style={{
                backgroundColor: colours.background,
                color: colours.foreground,
                borderLeftColor: colours.border,
                outline: filter === key ? `2px solid ${colours.border}` : undefined,
              }}
            >
              <span className={styles.count}>{count}</span>
              <span className={styles.label}>{name}</span>
            </Button>
          );
        },
      )}
    </div>
  );
}
