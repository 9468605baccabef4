/**
 * The plan's completion progress against time progress, one row per indicator: the label (with a
 * 约束 badge for binding indicators) above a bar coloured by status, a tick at time progress, and
 * the real percentage (the bar is clipped to 0–100 %). Rows are buttons when `onSelect` is given.
 * Cheap at 1,000 indicators: no per-row state, and only the first `limit` rows until "show all".
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { Lang } from "../../../core/messages";
import { barExtent, formatPercent, timeTickFraction } from "./chartGeometry";
import { TOKEN_PALETTE } from "./chartPalette";
import { chartText } from "./chartStrings";
import { useChartStyles } from "./chartStyles";
import { barLabel, progressSummary, progressTable } from "./chartText";
import type { ProgressChartProps, ProgressItem } from "./chartTypes";
import { ChartTable } from "./ChartTable";

/** Rows drawn before "show all". */
export const PROGRESS_ROWS_SHOWN = 50;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: "2px",
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    textAlign: "left",
    // Wider panes: label beside the bar instead of above it.
    "@media (min-width: 480px)": {
      gridTemplateColumns: "minmax(0, 38%) minmax(0, 1fr)",
      columnGap: tokens.spacingHorizontalS,
      alignItems: "center",
    },
  },
  selectable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  label: { overflowWrap: "anywhere" },
  badge: {
    display: "inline-block",
    marginLeft: tokens.spacingHorizontalXS,
    padding: "0 4px",
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    verticalAlign: "middle",
  },
  barLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  bar: { flexGrow: 1, minWidth: "40px", height: "14px", overflow: "visible" },
  value: { flexShrink: 0, minWidth: "4.5em", textAlign: "right", fontVariantNumeric: "tabular-nums" },
  legend: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  footer: { display: "flex", justifyContent: "flex-start" },
});

type Classes = ReturnType<typeof useStyles>;

const P = TOKEN_PALETTE;

/** One bar: track, progress clipped to the track, break mark (above 100 %) or arrow (below 0), time tick. */
function Bar(props: { item: ProgressItem; lang: Lang; className: string }) {
  const { item } = props;
  const extent = barExtent(item.progress);
  const tick = timeTickFraction(item.timeProgress);
  const fill = P.status[item.status];
  return (
    <svg className={props.className} role="img" aria-label={barLabel(item, props.lang)}>
      <rect x="0" y="2" width="100%" height="10" rx="2" style={{ fill: P.track, stroke: P.trackBorder }} />
      {extent.fraction ? (
        <rect x="0" y="2" width={`${extent.fraction * 100}%`} height="10" rx="2" style={{ fill }} />
      ) : null}
      {extent.clipped === "high" ? (
        <svg x="100%" overflow="visible">
          <path d="M-9 12 L-6 2 M-5 12 L-2 2" style={{ stroke: P.background, strokeWidth: 1.5, fill: "none" }} />
        </svg>
      ) : extent.clipped === "low" ? (
        <path d="M1 7 L6 3 L6 11 Z" style={{ fill }} />
      ) : null}
      {tick !== null ? (
        <line
          x1={`${tick * 100}%`}
          x2={`${tick * 100}%`}
          y1="0"
          y2="14"
          style={{ stroke: P.timeTick, strokeWidth: 2 }}
        />
      ) : null}
    </svg>
  );
}

function rowContent(item: ProgressItem, lang: Lang, classes: Classes): ReactNode {
  return (
    <>
      <span className={classes.label}>
        {item.label}
        {item.binding ? <span className={classes.badge}>{chartText(lang, "bindingBadge")}</span> : null}
      </span>
      <span className={classes.barLine}>
        <Bar item={item} lang={lang} className={classes.bar} />
        <span className={classes.value} aria-hidden="true">
          {formatPercent(item.progress, lang)}
        </span>
      </span>
    </>
  );
}

export function ProgressChart(props: ProgressChartProps & { limit?: number }) {
  const shared = useChartStyles();
  const classes = useStyles();
  const [showAll, setShowAll] = useState(false);
  const { lang, items, onSelect } = props;
  const limit = Math.max(1, props.limit ?? PROGRESS_ROWS_SHOWN);
  const shown = showAll || items.length <= limit ? items : items.slice(0, limit);
  const rowClass = onSelect ? `${classes.row} ${classes.selectable}` : classes.row;
  return (
    <figure className={shared.figure}>
      <figcaption className={shared.caption}>
        <span className={shared.title}>{chartText(lang, "progressTitle")}</span>
        <span className={`${shared.muted} ${classes.legend}`} aria-hidden="true">
          <svg width="10" height="14">
            <line x1="5" x2="5" y1="0" y2="14" style={{ stroke: P.timeTick, strokeWidth: 2 }} />
          </svg>
          {chartText(lang, "timeProgress")}
        </span>
        <span className={shared.muted}>
          {progressSummary(items, lang)}
          {shown.length < items.length ? chartText(lang, "shownOf", { shown: shown.length }) : null}
        </span>
      </figcaption>
      {items.length === 0 ? (
        <p className={shared.empty}>{chartText(lang, "noItems")}</p>
      ) : (
        <ul className={classes.list}>
          {shown.map((item) => (
            <li key={item.id}>
              {onSelect ? (
                <button type="button" className={rowClass} onClick={() => onSelect(item.id)}>
                  {rowContent(item, lang, classes)}
                </button>
              ) : (
                <div className={rowClass}>{rowContent(item, lang, classes)}</div>
              )}
            </li>
          ))}
        </ul>
      )}
      {items.length > limit ? (
        <div className={classes.footer}>
          <Button appearance="subtle" size="small" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {showAll
              ? chartText(lang, "showFirst", { count: limit })
              : chartText(lang, "showAll", { count: items.length })}
          </Button>
        </div>
      ) : null}
      {shown.length > 0 ? <ChartTable table={progressTable(shown, lang)} className={shared.visuallyHidden} /> : null}
    </figure>
  );
}
