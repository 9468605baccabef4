/**
 * The record of the selected figure cell (数据来源与修订记录): the value, its release (快报/年报/修订),
 * source, entry date and note, the values it replaced with their dates (most recent first), and a
 * form to set release, source and note. One column, wrapping text: readable in a 320 px pane. All
 * plan and cell text is rendered as React text. A failure to save is shown in the panel.
 *
 * Mount it through HistorySection, or on its own with a view from figureCellView (selectedFigure.ts):
 *   <FigureHistoryPanel lang={lang} view={view} other={null} disabled={busy !== null}
 *                       onSave={(facts) => saveFacts(view, facts)} />
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { FigureFacts } from "../../../core/figureHistory";
import type { Lang } from "../../../core/messages";
import type { PreviousFigure, Release } from "../../../core/planSchema";
import { releases } from "../../../core/planVocabulary";
import { formatNumber } from "../figures";
import { ht, releaseWord } from "./historyStrings";
import type { FigureCellView } from "./selectedFigure";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export type SaveFactsResult = { ok: true; text: string } | { ok: false; text: string };

export interface FigureHistoryPanelProps {
  lang: Lang;
  /** The selected figure cell and its record (figureCellView), or null when no figure cell is selected. */
  view: FigureCellView | null;
  /** A selected table cell that is not a yearly figure (its address and column header), for the hint. */
  other?: { address: string; header: string } | null;
  disabled?: boolean;
  /** Saves the figure's release, source and note (setFigureRecord); resolves with the text to show. */
  onSave: (facts: FigureFacts) => Promise<SaveFactsResult>;
}

function dateOr(date: string | undefined, lang: Lang): string {
  return date ?? ht(lang, "dateUnknown");
}

function previousLine(p: PreviousFigure, lang: Lang): string {
  return ht(lang, "previousLine", {
    value: formatNumber(p.value, lang, 6),
    release: releaseWord(p.release, lang),
    entered: dateOr(p.enteredOn, lang),
    replaced: dateOr(p.replacedOn, lang),
  });
}

function stateLine(view: FigureCellView, lang: Lang): string | null {
  const recorded = view.record.current;
  const n = (v: number) => formatNumber(v, lang, 6);
  switch (view.state) {
    case "recorded":
      return null;
    case "pending":
      return recorded && view.sheetValue !== null
        ? ht(lang, "notRecordedYet", { value: n(view.sheetValue), recorded: n(recorded.value) })
        : ht(lang, "newNotRecordedYet", { value: n(view.sheetValue ?? 0) });
    case "cleared":
      return ht(lang, "clearedKept", { value: n(recorded!.value), entered: dateOr(recorded!.enteredOn, lang) });
    case "unreadable":
      return ht(lang, "unreadableCell", { text: view.cellText });
    case "rowBlocked":
      return ht(lang, "rowBlocked", {
        cell: [view.blockedBy?.address, view.blockedBy?.header].filter(Boolean).join(" "),
      });
    case "empty":
      return ht(lang, "noFigure");
  }
}

const NONE = "none";

function FactsForm(props: {
  lang: Lang;
  view: FigureCellView;
  disabled: boolean;
  onSave: FigureHistoryPanelProps["onSave"];
  onResult: (result: SaveFactsResult | null) => void;
}) {
  const { lang, view, disabled, onSave, onResult } = props;
  const styles = useStyles();
  const current = view.record.current;
  const [release, setRelease] = useState<string>(current?.release ?? NONE);
  const [source, setSource] = useState(current?.source ?? "");
  const [note, setNote] = useState(current?.note ?? "");
  const [saving, setSaving] = useState(false);
  // Release and source describe the recorded figure: a cell without one (blank, unreadable) has nothing to describe.
  const canSave = view.sheetValue !== null;

  async function save(): Promise<void> {
    setSaving(true);
    onResult(null);
    try {
      onResult(await onSave({ release: release === NONE ? null : (release as Release), source, note }));
    } catch (err) {
      onResult({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={ht(lang, "release")} size="small">
        <Select size="small" value={release} disabled={disabled || !canSave} onChange={(_e, d) => setRelease(d.value)}>
          <option value={NONE}>{ht(lang, "release_none")}</option>
          {releases.map((r) => (
            <option key={r} value={r}>
              {releaseWord(r, lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={ht(lang, "source")} size="small">
        <Input
          size="small"
          value={source}
          placeholder={ht(lang, "sourcePlaceholder")}
          disabled={disabled || !canSave}
          onChange={(_e, d) => setSource(d.value)}
        />
      </Field>
      <Field label={ht(lang, "note")} size="small">
        <Textarea
          size="small"
          value={note}
          resize="vertical"
          disabled={disabled || !canSave}
          onChange={(_e, d) => setNote(d.value)}
        />
      </Field>
      <div>
        <Button type="submit" size="small" appearance="primary" disabled={disabled || saving || !canSave}>
          {ht(lang, "save")}
        </Button>
      </div>
    </form>
  );
}

/**
 * The last save's message is kept for the cell it was about (the form restarts when the record changes):
 * it is about the figure in the cell, and goes when staff type another one there.
 */
export function FigureHistoryPanel(props: FigureHistoryPanelProps) {
  const { lang, view, other, disabled = false, onSave } = props;
  const styles = useStyles();
  const [saved, setSaved] = useState<{ cell: string; result: SaveFactsResult } | null>(null);
  const title = <h3 className={styles.title}>{ht(lang, "historyTitle")}</h3>;
  if (!view) {
    return (
      <section className={styles.root} aria-label={ht(lang, "historyTitle")}>
        {title}
        <p className={styles.hint}>
          {other ? ht(lang, "notFigureCell", { address: other.address, column: other.header }) + " " : ""}
          {ht(lang, "historyHint")}
        </p>
      </section>
    );
  }
  const cellKey = `${view.address}|${view.year}|${view.sheetValue ?? ""}`;
  const result = saved !== null && saved.cell === cellKey ? saved.result : null;
  const current = view.record.current;
  const shown = view.sheetValue ?? current?.value ?? null;
  const state = stateLine(view, lang);
  const unit = view.indicator.unit[lang];
  return (
    <section className={styles.root} aria-label={ht(lang, "historyTitle")}>
      {title}
      <p className={styles.heading}>
        {ht(lang, "cellHeading", { address: view.address, indicator: view.indicator.name[lang], year: view.year })}
      </p>
      <dl className={styles.facts}>
        <dt className={styles.term}>{ht(lang, "currentValue")}</dt>
        <dd className={styles.value}>
          {shown === null
            ? ht(lang, "blankCell")
            : `${formatNumber(shown, lang, 6)}${unit && unit !== "—" ? ` ${unit}` : ""}`}
        </dd>
        <dt className={styles.term}>{ht(lang, "release")}</dt>
        <dd className={styles.value}>{releaseWord(current?.release, lang)}</dd>
        <dt className={styles.term}>{ht(lang, "source")}</dt>
        <dd className={styles.value}>{current?.source ?? ht(lang, "notStated")}</dd>
        <dt className={styles.term}>{ht(lang, "enteredOn")}</dt>
        <dd className={styles.value}>{current?.enteredOn ?? ht(lang, "notStated")}</dd>
        {current?.note ? (
          <>
            <dt className={styles.term}>{ht(lang, "note")}</dt>
            <dd className={styles.value}>{current.note}</dd>
          </>
        ) : null}
      </dl>
      {state ? <p className={styles.hint}>{state}</p> : null}
      <h4 className={styles.heading}>{ht(lang, "previousTitle")}</h4>
      {view.record.previous.length === 0 ? (
        <p className={styles.hint}>{ht(lang, "noPrevious")}</p>
      ) : (
        <ol className={styles.list}>
          {view.record.previous.map((p, i) => (
            <li key={`${i}-${p.value}-${p.replacedOn ?? ""}`}>
              {previousLine(p, lang)}
              {p.source ? ` ${ht(lang, "previousSource", { source: p.source })}` : ""}
              {p.note ? ` ${ht(lang, "previousNote", { note: p.note })}` : ""}
            </li>
          ))}
        </ol>
      )}
      <FactsForm
        key={`${view.address}|${view.year}|${current?.value ?? ""}|${current?.enteredOn ?? ""}`}
        lang={lang}
        view={view}
        disabled={disabled}
        onSave={onSave}
        onResult={(r) => setSaved(r ? { cell: cellKey, result: r } : null)}
      />
      {result ? (
        <MessageBar intent={result.ok ? "success" : "error"} layout="multiline">
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
