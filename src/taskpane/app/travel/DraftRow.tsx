/**
 * One row of the table import form: the cells as printed beside the proposed reading, what could not be read
 * or needs checking, and the row's choices (target form and its fields, attribute, figure form, baseline,
 * kind, direction, leave out).
 */
import { Checkbox } from "@fluentui/react-components";
import type { Lang } from "../../../core/messages";
import { indicatorKinds, type Attribute, type FigureForm } from "../../../core/planSchema";
import type { IndicatorDraft } from "../../../core/planTableImport";
import { ChoiceSelect, TextInput } from "./ImportControls";
import { useImportStyles } from "./tableImportStyles";
import { TargetFields } from "./TargetFields";
import {
  describeTarget,
  FORM_CHOICES,
  targetFrom,
  type FormChoice,
  type RowChoice,
  type TargetChoice,
} from "./targetForms";
import { tt, type TravelKey } from "./travelStrings";

const ATTRIBUTES: ReadonlyArray<{ value: string; attribute: Attribute; key: TravelKey }> = [
  { value: "expected", attribute: "expected", key: "attr_expected" },
  { value: "binding", attribute: "binding", key: "attr_binding" },
  { value: "unknown", attribute: null, key: "attr_unknown" },
];
const FIGURES: readonly FigureForm[] = ["level", "rate", "change"];

export interface DraftRowProps {
  lang: Lang;
  draft: IndicatorDraft;
  drafts: readonly IndicatorDraft[];
  choice: RowChoice;
  names: ReadonlyMap<string, string>;
  targetYear: number;
  onChange: (patch: Partial<RowChoice>) => void;
  onTarget: (patch: Partial<TargetChoice>) => void;
}

export function DraftRow(props: DraftRowProps) {
  const styles = useImportStyles();
  const { lang, draft: d, choice: c } = props;
  const unread = c.target.form === "unread";
  return (
    <div
      className={c.excluded ? `${styles.row} ${styles.excluded}` : styles.row}
      role="group"
      aria-label={`${d.number ?? d.sheetRow} ${d.name}`}
      data-unread={unread ? "true" : undefined}
    >
      <p className={styles.name}>
        {d.number ? `${d.number}. ` : ""}
        {d.name}
        {d.unit ? `（${d.unit}）` : ""}
        {d.category ? ` · ${d.category}` : ""}
      </p>
      <PrintedCells lang={lang} draft={d} />
      <DraftReading {...props} />
      <ChoiceSelect
        label={tt(lang, "formTargetForm")}
        value={c.target.form}
        invalid={unread}
        options={[
          ...(unread ? [{ value: "unread" as FormChoice, label: tt(lang, "form_unread") }] : []),
          ...FORM_CHOICES.map((f) => ({ value: f, label: tt(lang, `form_${f}` as TravelKey) })),
        ]}
        onChange={(form) => props.onTarget({ form })}
      />
      <TargetFields {...props} />
      <RowFields {...props} />
    </div>
  );
}

/** The row's cells as printed, a cell that could not be read (or needs checking) marked with why. */
function PrintedCells(props: { lang: Lang; draft: IndicatorDraft }) {
  const styles = useImportStyles();
  const { lang, draft: d } = props;
  const problemFor = (text: string) => d.problems.find((p) => p.text !== "" && p.text === text);
  return (
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
  );
}

/** The proposed reading, the row's notes, and its problems (blocking until staff give the row a target). */
function DraftReading(props: DraftRowProps) {
  const styles = useImportStyles();
  const { lang, draft: d, choice: c } = props;
  const target = targetFrom(c.target);
  return (
    <>
      <p className={styles.reading}>
        {tt(lang, "formReading")}：
        {c.target.form === "unread" ? (
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
    </>
  );
}

/** The row's attribute, figure form, baseline and its year, kind, direction, and leaving it out. */
function RowFields(props: DraftRowProps) {
  const styles = useImportStyles();
  const { lang, choice: c, onChange } = props;
  return (
    <>
      <ChoiceSelect
        label={tt(lang, "formAttribute")}
        value={ATTRIBUTES.find((a) => a.attribute === c.attribute)!.value}
        options={ATTRIBUTES.map((a) => ({ value: a.value, label: tt(lang, a.key) }))}
        onChange={(v) => onChange({ attribute: ATTRIBUTES.find((a) => a.value === v)!.attribute })}
      />
      <ChoiceSelect
        label={tt(lang, "formFigures")}
        value={c.figures}
        options={FIGURES.map((f) => ({ value: f, label: tt(lang, `fig_${f}` as TravelKey) }))}
        onChange={(figures) => onChange({ figures })}
      />
      <TextInput
        label={tt(lang, "formBaseline")}
        value={c.baseline}
        inputMode="decimal"
        onChange={(baseline) => onChange({ baseline })}
      />
      <TextInput
        label={tt(lang, "formBaselineYear")}
        value={c.baselineYear}
        inputMode="numeric"
        onChange={(baselineYear) => onChange({ baselineYear })}
      />
      <ChoiceSelect
        label={tt(lang, "formKind")}
        value={c.kind}
        options={indicatorKinds.map((k) => ({ value: k, label: tt(lang, `kind_${k}` as TravelKey) }))}
        onChange={(kind) => onChange({ kind })}
      />
      <ChoiceSelect
        label={tt(lang, "formDirection")}
        value={c.direction}
        options={[
          { value: "up", label: tt(lang, "dir_up") },
          { value: "down", label: tt(lang, "dir_down") },
        ]}
        onChange={(direction) => onChange({ direction })}
      />
      <Checkbox
        className={styles.wide}
        label={tt(lang, "formExclude")}
        checked={c.excluded}
        onChange={(_e, v) => onChange({ excluded: v.checked === true })}
      />
    </>
  );
}
