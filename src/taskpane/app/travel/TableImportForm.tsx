/**
 * Review a plan read from a selected table before it is used: every row shows the table's cells as
 * printed next to the proposed reading, and staff can change the target form (every form of plan
 * version 2, a relative target with its row, keep/reach, 约/左右), the figure form, the attribute
 * (预期性/约束性/未注明), the baseline and its year, or leave a row out. Cells the reader could not read
 * are highlighted with their text; "Use this plan" stays disabled, with the reasons listed, while a
 * target is unread, until staff choose a form or mark it a text target themselves. Plan and cell text is
 * rendered as text, never as HTML.
 */
import { Button, Checkbox, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Lang } from "../../../core/messages";
import type { PlanFileIssue } from "../../../core/planFile";
import {
  indicatorKinds,
  type Attribute,
  type Direction,
  type FigureForm,
  type IndicatorKind,
  type Plan,
} from "../../../core/planSchema";
import { planFromDrafts, type IndicatorDraft, type TableImportResult } from "../../../core/planTableImport";
import {
  applyChoices,
  confirmBlockers,
  describeTarget,
  FORM_CHOICES,
  rowChoiceOf,
  targetFrom,
  type FormChoice,
  type RowChoice,
  type TargetChoice,
} from "./targetForms";
import { tt, type TravelKey } from "./travelStrings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  period: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalXS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  excluded: { opacity: 0.6 },
  /** Inputs and selects fill their grid cell instead of their own minimum width (the pane is narrow). */
  control: { minWidth: 0, width: "100%" },
  wide: { gridColumn: "1 / -1" },
  name: { gridColumn: "1 / -1", margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  cells: {
    gridColumn: "1 / -1",
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  cellHeader: { color: tokens.colorNeutralForeground3, margin: 0 },
  cellText: { margin: 0, overflowWrap: "anywhere" },
  unread: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    outline: `1px solid ${tokens.colorPaletteRedBorder2}`,
  },
  doubt: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  reading: { gridColumn: "1 / -1", margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  note: {
    gridColumn: "1 / -1",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  problem: { gridColumn: "1 / -1", margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  blocking: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  issues: {
    margin: 0,
    paddingLeft: "1.2em",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground1,
  },
});

const ATTRIBUTES: ReadonlyArray<{ value: string; attribute: Attribute; key: TravelKey }> = [
  { value: "expected", attribute: "expected", key: "attr_expected" },
  { value: "binding", attribute: "binding", key: "attr_binding" },
  { value: "unknown", attribute: null, key: "attr_unknown" },
];
const FIGURES: readonly FigureForm[] = ["level", "rate", "change"];

export function TableImportForm(props: {
  lang: Lang;
  table: TableImportResult;
  onUse: (plan: Plan) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { lang, table } = props;
  const drafts = table.drafts;
  const [title, setTitle] = useState(table.title ?? (lang === "zh" ? "导入的规划" : "Imported plan"));
  const [issuer, setIssuer] = useState("—");
  const [baseYear, setBaseYear] = useState(String(table.baseYear));
  const [targetYear, setTargetYear] = useState(String(table.targetYear));
  const [choices, setChoices] = useState<RowChoice[]>(() => drafts.map(rowChoiceOf));
  const [issues, setIssues] = useState<PlanFileIssue[]>([]);

  const change = (i: number, patch: Partial<RowChoice>) =>
    setChoices((all) => all.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const changeTarget = (i: number, patch: Partial<TargetChoice>) =>
    setChoices((all) => all.map((c, k) => (k === i ? { ...c, target: { ...c.target, ...patch } } : c)));

  const blockers = useMemo(() => confirmBlockers(drafts, choices), [drafts, choices]);
  const names = useMemo(() => new Map(drafts.map((d) => [d.id, d.name])), [drafts]);
  const period = { baseYear: Number(baseYear), targetYear: Number(targetYear) };
  const periodOk =
    Number.isInteger(period.baseYear) && Number.isInteger(period.targetYear) && period.targetYear > period.baseYear;

  const use = () => {
    if (blockers.length > 0 || !periodOk) return;
    const result = planFromDrafts(applyChoices(drafts, choices), {
      id: "imported-plan",
      title,
      issuer,
      date: new Date().toISOString().slice(0, 10),
      ...period,
      note: table.tableNote,
    });
    if (result.ok) props.onUse(result.plan);
    else setIssues(result.issues);
  };

  return (
    <section className={styles.root} aria-label={tt(lang, "formTitle")}>
      <h3 className={styles.title}>{tt(lang, "formTitle")}</h3>
      <p className={styles.hint}>{tt(lang, "formHint")}</p>
      {table.warnings.map((w) => (
        <p key={w.en} className={styles.hint} role="note">
          {w[lang]}
        </p>
      ))}
      <Field label={tt(lang, "formPlanTitle")}>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field label={tt(lang, "formIssuer")}>
        <Input value={issuer} onChange={(_e, d) => setIssuer(d.value)} />
      </Field>
      <div className={styles.period}>
        <Field label={tt(lang, "formBaseYear")} size="small" validationState={periodOk ? "none" : "error"}>
          <Input
            className={styles.control}
            value={baseYear}
            inputMode="numeric"
            onChange={(_e, d) => setBaseYear(d.value)}
          />
        </Field>
        <Field label={tt(lang, "formTargetYear")} size="small" validationState={periodOk ? "none" : "error"}>
          <Input
            className={styles.control}
            value={targetYear}
            inputMode="numeric"
            onChange={(_e, d) => setTargetYear(d.value)}
          />
        </Field>
      </div>
      {table.tableNote ? (
        <p className={styles.hint}>
          {/^\s*(注|note)/i.test(table.tableNote) ? "" : `${tt(lang, "formTableNote")}：`}
          {table.tableNote}
        </p>
      ) : null}

      {drafts.map((d, i) => (
        <DraftRow
          key={d.id}
          lang={lang}
          draft={d}
          drafts={drafts}
          choice={choices[i]!}
          names={names}
          targetYear={Number.isInteger(period.targetYear) ? period.targetYear : table.targetYear}
          onChange={(patch) => change(i, patch)}
          onTarget={(patch) => changeTarget(i, patch)}
        />
      ))}

      <div role="status" aria-live="polite">
        {blockers.length > 0 ? (
          <>
            <p className={styles.hint}>{tt(lang, "formBlocked", { count: blockers.length })}</p>
            <ul className={styles.issues}>
              {blockers.slice(0, 20).map((b) => (
                <li key={b.en}>{b[lang]}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className={styles.hint}>{tt(lang, "formReady")}</p>
        )}
      </div>
      {issues.length > 0 ? (
        <ul className={styles.issues} role="alert">
          {issues.slice(0, 20).map((issue) => (
            <li key={`${issue.path}${issue.message.en}`}>{issue.message[lang]}</li>
          ))}
        </ul>
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={use} disabled={blockers.length > 0 || !periodOk}>
          {tt(lang, "formUse")}
        </Button>
        <Button onClick={props.onCancel}>{tt(lang, "formCancel")}</Button>
      </div>
    </section>
  );
}

function DraftRow(props: {
  lang: Lang;
  draft: IndicatorDraft;
  drafts: readonly IndicatorDraft[];
  choice: RowChoice;
  names: ReadonlyMap<string, string>;
  targetYear: number;
  onChange: (patch: Partial<RowChoice>) => void;
  onTarget: (patch: Partial<TargetChoice>) => void;
}) {
  const styles = useStyles();
  const { lang, draft: d, choice: c } = props;
  const t = c.target;
  const target = targetFrom(t);
  const problemFor = (text: string) => d.problems.find((p) => p.text !== "" && p.text === text);
  const label = `${d.number ?? d.sheetRow} ${d.name}`;
  const unread = t.form === "unread";

  return (
    <div
      className={c.excluded ? `${styles.row} ${styles.excluded}` : styles.row}
      role="group"
      aria-label={label}
      data-unread={unread ? "true" : undefined}
    >
      <p className={styles.name}>
        {d.number ? `${d.number}. ` : ""}
        {d.name}
        {d.unit ? `（${d.unit}）` : ""}
        {d.category ? ` · ${d.category}` : ""}
      </p>

      <dl className={styles.cells} aria-label={tt(lang, "formOriginal")}>
        {d.cells.map((cell) => {
          const p = problemFor(cell.text);
          const cls = p ? (p.blocking ? styles.unread : styles.doubt) : undefined;
          return (
            <div key={`${cell.column}-${cell.role}`} style={{ display: "contents" }}>
              <dt className={styles.cellHeader}>{cell.header || tt(lang, `role_${cell.role}` as TravelKey)}</dt>
              <dd className={styles.cellText}>
                {p ? (
                  <mark className={cls} title={p.message[lang]}>
                    {cell.text}
                  </mark>
                ) : (
                  cell.text
                )}
              </dd>
            </div>
          );
        })}
      </dl>

      <p className={styles.reading}>
        {tt(lang, "formReading")}：
        {unread ? (
          <mark className={styles.unread}>
            {tt(lang, "formUnread")}
            {d.targetText ? `：${d.targetText}` : ""}
          </mark>
        ) : (
          describeTarget(target, { lang, unit: d.unit, targetYear: props.targetYear, names: props.names })
        )}
      </p>
      {d.note ? (
        <p className={styles.note}>
          {tt(lang, "formNote")}：{d.note}
        </p>
      ) : null}
      {d.notes.map((n) => (
        <p key={n.en} className={styles.note}>
          {n[lang]}
        </p>
      ))}
      {d.problems.map((p) => {
        // Once staff have given the row a target, a target the reader could not read is no longer blocking.
        const open = p.blocking && target === null && !c.excluded;
        return (
          <p
            key={`${p.field}${p.message.en}`}
            className={`${styles.problem} ${open ? styles.blocking : styles.warning}`}
            role={open ? "alert" : undefined}
          >
            {open ? tt(lang, "formUnread") : p.blocking ? tt(lang, "formResolved") : tt(lang, "formCheck")}：
            {p.message[lang]}
          </p>
        );
      })}

      <Field label={tt(lang, "formTargetForm")} size="small" validationState={unread ? "error" : "none"}>
        <Select
          className={styles.control}
          value={t.form}
          onChange={(_e, v) => props.onTarget({ form: v.value as FormChoice })}
        >
          {unread ? <option value="unread">{tt(lang, "form_unread")}</option> : null}
          {FORM_CHOICES.map((f) => (
            <option key={f} value={f}>
              {tt(lang, `form_${f}` as TravelKey)}
            </option>
          ))}
        </Select>
      </Field>
      <TargetFields {...props} />

      <Field label={tt(lang, "formAttribute")} size="small">
        <Select
          className={styles.control}
          value={ATTRIBUTES.find((a) => a.attribute === c.attribute)!.value}
          onChange={(_e, v) => props.onChange({ attribute: ATTRIBUTES.find((a) => a.value === v.value)!.attribute })}
        >
          {ATTRIBUTES.map((a) => (
            <option key={a.value} value={a.value}>
              {tt(lang, a.key)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tt(lang, "formFigures")} size="small">
        <Select
          className={styles.control}
          value={c.figures}
          onChange={(_e, v) => props.onChange({ figures: v.value as FigureForm })}
        >
          {FIGURES.map((f) => (
            <option key={f} value={f}>
              {tt(lang, `fig_${f}` as TravelKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tt(lang, "formBaseline")} size="small">
        <Input
          className={styles.control}
          value={c.baseline}
          inputMode="decimal"
          onChange={(_e, v) => props.onChange({ baseline: v.value })}
        />
      </Field>
      <Field label={tt(lang, "formBaselineYear")} size="small">
        <Input
          className={styles.control}
          value={c.baselineYear}
          inputMode="numeric"
          onChange={(_e, v) => props.onChange({ baselineYear: v.value })}
        />
      </Field>
      <Field label={tt(lang, "formKind")} size="small">
        <Select
          className={styles.control}
          value={c.kind}
          onChange={(_e, v) => props.onChange({ kind: v.value as IndicatorKind })}
        >
          {indicatorKinds.map((k) => (
            <option key={k} value={k}>
              {tt(lang, `kind_${k}` as TravelKey)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tt(lang, "formDirection")} size="small">
        <Select
          className={styles.control}
          value={c.direction}
          onChange={(_e, v) => props.onChange({ direction: v.value as Direction })}
        >
          <option value="up">{tt(lang, "dir_up")}</option>
          <option value="down">{tt(lang, "dir_down")}</option>
        </Select>
      </Field>
      <Checkbox
        className={styles.wide}
        label={tt(lang, "formExclude")}
        checked={c.excluded}
        onChange={(_e, v) => props.onChange({ excluded: v.checked === true })}
      />
    </div>
  );
}

/** The fields of the chosen target form. */
function TargetFields(props: {
  lang: Lang;
  draft: IndicatorDraft;
  drafts: readonly IndicatorDraft[];
  choice: RowChoice;
  onTarget: (patch: Partial<TargetChoice>) => void;
}) {
  const styles = useStyles();
  const { lang } = props;
  const t = props.choice.target;
  const value = (
    <Field label={tt(lang, "formTargetValue")} size="small">
      <Input
        className={styles.control}
        value={t.value}
        inputMode="decimal"
        onChange={(_e, v) => props.onTarget({ value: v.value })}
      />
    </Field>
  );
  const bound = (
    <Field label={tt(lang, "formComparator")} size="small">
      <Select
        className={styles.control}
        value={t.comparator}
        onChange={(_e, v) => props.onTarget({ comparator: v.value as ">=" | "<=" })}
      >
        <option value=">=">{tt(lang, "cmp_atLeast")}</option>
        <option value="<=">{tt(lang, "cmp_atMost")}</option>
      </Select>
    </Field>
  );
  const approximate = (
    <Checkbox
      label={tt(lang, "formApproximate")}
      checked={t.approximate}
      onChange={(_e, v) => props.onTarget({ approximate: v.checked === true })}
    />
  );
  switch (t.form) {
    case "unread":
      return null;
    case "level":
      return (
        <>
          {value}
          {bound}
          <Field label={tt(lang, "formObligation")} size="small">
            <Select
              className={styles.control}
              value={t.obligation}
              onChange={(_e, v) => props.onTarget({ obligation: v.value as "reach" | "keep" })}
            >
              <option value="reach">{tt(lang, "obl_reach")}</option>
              <option value="keep">{tt(lang, "obl_keep")}</option>
            </Select>
          </Field>
          {approximate}
        </>
      );
    case "cumulative":
      return (
        <>
          {value}
          <Field label={tt(lang, "formMode")} size="small">
            <Select
              className={styles.control}
              value={t.mode}
              onChange={(_e, v) => props.onTarget({ mode: v.value as "reduction" | "increase" | "decrease" })}
            >
              <option value="reduction">{tt(lang, "mode_reduction")}</option>
              <option value="increase">{tt(lang, "mode_increase")}</option>
              <option value="decrease">{tt(lang, "mode_decrease")}</option>
            </Select>
          </Field>
          {approximate}
        </>
      );
    case "annualGrowth":
      return (
        <>
          {value}
          {bound}
          {approximate}
        </>
      );
    case "relative":
      return (
        <>
          <Field label={tt(lang, "formRelation")} size="small">
            <Select
              className={styles.control}
              value={t.relation}
              onChange={(_e, v) => props.onTarget({ relation: v.value as "above" | "inStep" })}
            >
              <option value="above">{tt(lang, "rel_above")}</option>
              <option value="inStep">{tt(lang, "rel_inStep")}</option>
            </Select>
          </Field>
          <Field label={tt(lang, "formReference")} size="small" validationState={t.reference === "" ? "error" : "none"}>
            <Select
              className={styles.control}
              value={t.reference}
              onChange={(_e, v) => props.onTarget({ reference: v.value })}
            >
              <option value="">{tt(lang, "formReferenceNone")}</option>
              {props.drafts
                .filter((o) => o.id !== props.draft.id)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.number ? `${o.number}. ` : ""}
                    {o.name}
                  </option>
                ))}
            </Select>
          </Field>
        </>
      );
    case "text":
      return (
        <Field label={tt(lang, "formText")} size="small" className={styles.wide}>
          <Input className={styles.control} value={t.text} onChange={(_e, v) => props.onTarget({ text: v.value })} />
        </Field>
      );
  }
}
