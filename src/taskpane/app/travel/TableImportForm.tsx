/**
 * Review a plan read from a selected table before it is used: every row shows the table's cells as
 * printed next to the proposed reading, and staff can change the target form (every form of plan
 * version 2, a relative target with its row, keep/reach, 约/左右), the figure form, the attribute
 * (预期性/约束性/未注明), the baseline and its year, or leave a row out. Cells the reader could not read
 * are highlighted with their text; "Use this plan" stays disabled, with the reasons listed, while a
 * target is unread, until staff choose a form or mark it a text target themselves. Plan and cell text is
 * rendered as text, never as HTML.
 */
import { Button, Field, Input } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Lang } from "../../../core/messages";
import type { PlanFileIssue } from "../../../core/planFile";
import type { Plan } from "../../../core/planSchema";
import { planFromDrafts, type TableImportResult } from "../../../core/planTableImport";
import { DraftRow } from "./DraftRow";
import { TextInput } from "./ImportControls";
import { useImportStyles } from "./tableImportStyles";
import { applyChoices, confirmBlockers, rowChoiceOf, type RowChoice, type TargetChoice } from "./targetForms";
import { tt } from "./travelStrings";

export function TableImportForm(props: {
  lang: Lang;
  table: TableImportResult;
  onUse: (plan: Plan) => void;
  onCancel: () => void;
}) {
  const styles = useImportStyles();
  const { lang, table } = props;
  const drafts = table.drafts;
  const [head, setHead] = useState<PlanHead>(() => ({
    title: table.title ?? (lang === "zh" ? "导入的规划" : "Imported plan"),
    issuer: "—",
    baseYear: String(table.baseYear),
    targetYear: String(table.targetYear),
  }));
  const [choices, setChoices] = useState<RowChoice[]>(() => drafts.map(rowChoiceOf));
  const [issues, setIssues] = useState<PlanFileIssue[]>([]);

  const change = (i: number, patch: Partial<RowChoice>) =>
    setChoices((all) => all.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const changeTarget = (i: number, patch: Partial<TargetChoice>) =>
    setChoices((all) => all.map((c, k) => (k === i ? { ...c, target: { ...c.target, ...patch } } : c)));

  const blockers = useMemo(() => confirmBlockers(drafts, choices), [drafts, choices]);
  const names = useMemo(() => new Map(drafts.map((d) => [d.id, d.name])), [drafts]);
  const period = { baseYear: Number(head.baseYear), targetYear: Number(head.targetYear) };
  const periodOk =
    Number.isInteger(period.baseYear) && Number.isInteger(period.targetYear) && period.targetYear > period.baseYear;

  const use = () => {
    if (blockers.length > 0 || !periodOk) return;
    const result = planFromDrafts(applyChoices(drafts, choices), {
      id: "imported-plan",
      title: head.title,
      issuer: head.issuer,
      date: new Date().toISOString().slice(0, 10),
      ...period,
      note: table.tableNote,
    });
    if (result.ok) props.onUse(result.plan);
    else setIssues(result.issues);
  };

  return (
    <section className={styles.root} aria-label={tt(lang, "formTitle")}>
      <PlanHeadFields lang={lang} table={table} head={head} periodOk={periodOk} onChange={setHead} />
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
      <ConfirmFooter
        lang={lang}
        blockers={blockers}
        issues={issues}
        ready={blockers.length === 0 && periodOk}
        onUse={use}
        onCancel={props.onCancel}
      />
    </section>
  );
}

/** The plan's title, issuer and period as staff confirm them. */
interface PlanHead {
  title: string;
  issuer: string;
  baseYear: string;
  targetYear: string;
}

/** The form's heading, the reader's warnings, the plan's title, issuer and period, and the table's note. */
function PlanHeadFields(props: {
  lang: Lang;
  table: TableImportResult;
  head: PlanHead;
  periodOk: boolean;
  onChange: (head: PlanHead) => void;
}) {
  const styles = useImportStyles();
  const { lang, table, head, onChange } = props;
  const set = (patch: Partial<PlanHead>) => onChange({ ...head, ...patch });
  return (
    <>
      <h3 className={styles.title}>{tt(lang, "formTitle")}</h3>
      <p className={styles.hint}>{tt(lang, "formHint")}</p>
      {table.warnings.map((w) => (
        <p key={w.en} className={styles.hint} role="note">
          {w[lang]}
        </p>
      ))}
      <Field label={tt(lang, "formPlanTitle")}>
        <Input value={head.title} onChange={(_e, d) => set({ title: d.value })} />
      </Field>
      <Field label={tt(lang, "formIssuer")}>
        <Input value={head.issuer} onChange={(_e, d) => set({ issuer: d.value })} />
      </Field>
      <div className={styles.period}>
        <TextInput
          label={tt(lang, "formBaseYear")}
          value={head.baseYear}
          inputMode="numeric"
          invalid={!props.periodOk}
          onChange={(baseYear) => set({ baseYear })}
        />
        <TextInput
          label={tt(lang, "formTargetYear")}
          value={head.targetYear}
          inputMode="numeric"
          invalid={!props.periodOk}
          onChange={(targetYear) => set({ targetYear })}
        />
      </div>
      {table.tableNote ? (
        <p className={styles.hint}>
          {/^\s*(注|note)/i.test(table.tableNote) ? "" : `${tt(lang, "formTableNote")}：`}
          {table.tableNote}
        </p>
      ) : null}
    </>
  );
}

/** What is left to resolve before the plan can be used, the plan's own problems, and Use / Cancel. */
function ConfirmFooter(props: {
  lang: Lang;
  blockers: ReadonlyArray<{ zh: string; en: string }>;
  issues: readonly PlanFileIssue[];
  ready: boolean;
  onUse: () => void;
  onCancel: () => void;
}) {
  const styles = useImportStyles();
  const { lang, blockers, issues } = props;
  return (
    <>
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
        <Button appearance="primary" onClick={props.onUse} disabled={!props.ready}>
          {tt(lang, "formUse")}
        </Button>
        <Button onClick={props.onCancel}>{tt(lang, "formCancel")}</Button>
      </div>
    </>
  );
}
