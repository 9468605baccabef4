/**
 * The indicators with their latest figure, gap, what each remaining year needs and status, binding
 * first (the core's order). Each row is a button that selects the indicator's row in the sheet.
 * All text is rendered as React text, never as HTML.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { message, type Lang } from "../../../core/messages";
import { needsFixColumn } from "../../../core/status";
import type { IndicatorEvaluation, PlanSummary } from "../../../core/indicatorEvaluation";
import type { Indicator } from "../../../core/planSchema";
import { gapFigure, latestFigure, neededFigure, neededTerm, type Figure } from "../figures";
import { t } from "../i18n";
import { indicatorNotes } from "../indicatorNotes";
import { STATUS_COLOURS, statusKeyOf, type StatusKey } from "../statusStyle";
import { statusName } from "./StatusCards";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    width: "100%",
    display: "block",
    textAlign: "left",
    height: "auto",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderLeftWidth: "4px",
    fontWeight: tokens.fontWeightRegular,
  },
  head: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  status: {
    flexShrink: 0,
    fontSize: tokens.fontSizeBase200,
    paddingLeft: "6px",
    paddingRight: "6px",
    borderRadius: tokens.borderRadiusMedium,
  },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(90px, 1fr))",
    gap: "2px 8px",
    marginTop: "4px",
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  notes: {
    display: "block",
    marginTop: "4px",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "normal",
  },
  note: { display: "block", "::before": { content: '"· "' } },
  binding: { fontSize: tokens.fontSizeBase100, color: tokens.colorPaletteRedForeground2, marginLeft: "6px" },
});

function FigureCell(props: { term: string; figure: Figure; termClass: string; lang: Lang }) {
  return (
    <span title={props.figure.reason}>
      <span className={props.termClass}>
        {props.term}
        {props.lang === "zh" ? "：" : ": "}
      </span>
      {props.figure.text}
    </span>
  );
}

export interface IndicatorRowView {
  indicator: Indicator;
  evaluation: IndicatorEvaluation;
}

/** A lead-unit filter: every unit, one unit by name, or the indicators without one (未注明). */
export type UnitFilter = { kind: "all" } | { kind: "unit"; unit: string } | { kind: "none" };

function unitMatches(ind: Indicator, unit: UnitFilter): boolean {
  if (unit.kind === "all") return true;
  if (unit.kind === "none") return !ind.leadUnit;
  return ind.leadUnit === unit.unit || (ind.coUnits ?? []).includes(unit.unit);
}

export function indicatorRows(
  summary: PlanSummary,
  indicators: readonly Indicator[],
  filter: StatusKey | null,
  unit: UnitFilter = { kind: "all" },
): IndicatorRowView[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return summary.evaluations
    .filter((e) => filter === null || statusKeyOf(e) === filter)
    .flatMap((evaluation) => {
      const indicator = byId.get(evaluation.indicatorId);
      return indicator && unitMatches(indicator, unit) ? [{ indicator, evaluation }] : [];
    });
}

/** Every unit named as lead or co-responsible, in the plan's order of first mention. */
export function unitsOf(indicators: readonly Indicator[]): string[] {
  const seen = new Set<string>();
  for (const ind of indicators) for (const u of [ind.leadUnit, ...(ind.coUnits ?? [])]) if (u) seen.add(u);
  return [...seen];
}

/** Rows grouped by lead unit (目标责任制), units in order of first appearance, 未注明 last. */
export function groupByLeadUnit(
  rows: readonly IndicatorRowView[],
): Array<{ unit: string | null; rows: IndicatorRowView[] }> {
  const groups = new Map<string | null, IndicatorRowView[]>();
  for (const r of rows) {
    const key = r.indicator.leadUnit ?? null;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const named = [...groups.entries()].filter(([u]) => u !== null);
  const none = groups.get(null);
  return [...named.map(([unit, list]) => ({ unit, rows: list })), ...(none ? [{ unit: null, rows: none }] : [])];
}

/** The status as the row shows it: the cell to fix, the verdict, or 暂无结论. */
function statusTextOf(evaluation: IndicatorEvaluation, lang: Lang): string {
  if (evaluation.needsFix)
    return message("status.needsFix", lang, {
      column: needsFixColumn(evaluation.needsFix.header, evaluation.needsFix.reference?.[lang]),
      text: evaluation.needsFix.text,
    });
  return evaluation.status ? evaluation.status.label[lang] : statusName("none", lang);
}

/** One indicator: a button that selects its row, with its status, latest figure, gap, need and notes. */
function IndicatorItem(props: { row: IndicatorRowView; lang: Lang; onSelect: (indicatorId: string) => void }) {
  const styles = useStyles();
  const { lang } = props;
  const { indicator, evaluation } = props.row;
  const colours = STATUS_COLOURS[statusKeyOf(evaluation)];
  const statusText = statusTextOf(evaluation, lang);
  const manual = evaluation.status?.source === "override" ? ` (${t(lang, "manualVerdict")})` : "";
  const name = indicator.name[lang];
  const notes = indicatorNotes(indicator, evaluation, lang);
  const figure = (term: string, value: Figure) => (
    <FigureCell lang={lang} termClass={styles.term} term={term} figure={value} />
  );
  return (
    <li>
      <Button
        className={styles.item}
        appearance="subtle"
        style={{ borderLeftColor: colours.border, borderLeftStyle: "solid" }}
        title={t(lang, "selectRowHint")}
        aria-label={`${name}: ${statusText}${manual}`}
        onClick={() => props.onSelect(indicator.id)}
      >
        <span className={styles.head}>
          <span className={styles.name}>
            {name}
            {evaluation.binding ? <span className={styles.binding}>{t(lang, "binding")}</span> : null}
          </span>
          <span className={styles.status} style={{ backgroundColor: colours.background, color: colours.foreground }}>
            {statusText}
            {manual}
          </span>
        </span>
        <span className={styles.figures}>
          {figure(t(lang, "latest"), latestFigure(indicator, evaluation, lang))}
          {figure(t(lang, "gap"), gapFigure(indicator, evaluation, lang))}
          {figure(t(lang, neededTerm(indicator, evaluation)), neededFigure(indicator, evaluation, lang))}
        </span>
        {/* A button holds phrasing content only: the notes are spans shown as lines. */}
        {notes.length > 0 ? (
          <span className={styles.notes}>
            {notes.map((n) => (
              <span key={n} className={styles.note}>
                {n}
              </span>
            ))}
          </span>
        ) : null}
      </Button>
    </li>
  );
}

export function IndicatorList(props: {
  rows: IndicatorRowView[];
  lang: Lang;
  onSelect: (indicatorId: string) => void;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t(props.lang, "indicators")}>
      {props.rows.map((row) => (
        <IndicatorItem key={row.indicator.id} row={row} lang={props.lang} onSelect={props.onSelect} />
      ))}
    </ul>
  );
}
