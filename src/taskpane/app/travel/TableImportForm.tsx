/**
 * Confirm a plan built from a selected table: one row per indicator with its guessed kind,
 * direction, target form and value, each changeable, and the plan's title. "Use this plan" checks
 * the result with the plan schema; its messages name the field and the row.
 */
import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../../core/messages";
import type { PlanFileIssue } from "../../../core/planFile";
import { indicatorKinds, type Direction, type IndicatorKind, type Plan } from "../../../core/planSchema";
import { planFromDrafts, type IndicatorDraft } from "../../../core/planTableImport";
import { FORM_CHOICES, formOf, targetFrom, valueOf, type FormChoice } from "./targetForms";
import { tt, type TravelKey } from "./travelStrings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { gridColumn: "1 / -1", margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  note: { gridColumn: "1 / -1", margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  issues: {
    margin: 0,
    paddingLeft: "1.2em",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground1,
  },
});

interface Choice {
  kind: IndicatorKind;
  direction: Direction;
  form: FormChoice;
  value: string;
}

export function TableImportForm(props: {
  lang: Lang;
  drafts: IndicatorDraft[];
  period: { baseYear: number; targetYear: number };
  warnings: Array<{ zh: string; en: string }>;
  onUse: (plan: Plan) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { lang, drafts } = props;
  const [title, setTitle] = useState(lang === "zh" ? "导入的规划" : "Imported plan");
  const [issuer, setIssuer] = useState("—");
  const [choices, setChoices] = useState<Choice[]>(() =>
    drafts.map((d) => ({ kind: d.kind, direction: d.direction, form: formOf(d.target), value: valueOf(d.target) })),
  );
  const [issues, setIssues] = useState<PlanFileIssue[]>([]);

  const change = (i: number, patch: Partial<Choice>) =>
    setChoices((all) => all.map((c, k) => (k === i ? { ...c, ...patch } : c)));

  const use = () => {
    const problems: PlanFileIssue[] = [];
    const confirmed = drafts.map((d, i) => {
      const c = choices[i]!;
      const target = targetFrom(c.form, c.value, d.targetText);
      if (!target)
        problems.push({
          path: `indicators[${i}].target.value`,
          row: i + 1,
          message: {
            zh: `第${i + 1}行指标（${d.name}）的目标值应为数字`,
            en: `indicators[${i}] (${d.name}).target.value: expected a number`,
          },
        });
      return { ...d, kind: c.kind, direction: c.direction, target: target ?? d.target };
    });
    if (problems.length > 0) return setIssues(problems);
    const result = planFromDrafts(confirmed, {
      id: "imported-plan",
      title,
      issuer,
      date: new Date().toISOString().slice(0, 10),
      ...props.period,
    });
    if (result.ok) props.onUse(result.plan);
    else setIssues(result.issues);
  };

  return (
    <section className={styles.root} aria-label={tt(lang, "formTitle")}>
      <h3 className={styles.name}>{tt(lang, "formTitle")}</h3>
      <p className={styles.hint}>{tt(lang, "formHint")}</p>
      {props.warnings.map((w) => (
        <p key={w.en} className={styles.hint}>
          {w[lang]}
        </p>
      ))}
      <Field label={tt(lang, "formPlanTitle")}>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field label={tt(lang, "formIssuer")}>
        <Input value={issuer} onChange={(_e, d) => setIssuer(d.value)} />
      </Field>
      {drafts.map((d, i) => {
        const c = choices[i]!;
        return (
          <div key={d.id} className={styles.row} role="group" aria-label={`${d.number ?? i + 1} ${d.name}`}>
            <p className={styles.name}>
              {d.number ?? i + 1}. {d.name}
              {d.unit !== "—" ? ` (${d.unit})` : ""} · {d.targetText}
            </p>
            {d.notes.map((n) => (
              <p key={n.en} className={styles.note}>
                {n[lang]}
              </p>
            ))}
            <Field label={tt(lang, "formKind")} size="small">
              <Select value={c.kind} onChange={(_e, v) => change(i, { kind: v.value as IndicatorKind })}>
                {indicatorKinds.map((k) => (
                  <option key={k} value={k}>
                    {tt(lang, `kind_${k}` as TravelKey)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={tt(lang, "formDirection")} size="small">
              <Select value={c.direction} onChange={(_e, v) => change(i, { direction: v.value as Direction })}>
                <option value="up">{tt(lang, "dir_up")}</option>
                <option value="down">{tt(lang, "dir_down")}</option>
              </Select>
            </Field>
            <Field label={tt(lang, "formTargetForm")} size="small">
              <Select value={c.form} onChange={(_e, v) => change(i, { form: v.value as FormChoice })}>
                {FORM_CHOICES.map((f) => (
                  <option key={f} value={f}>
                    {tt(lang, `form_${f}` as TravelKey)}
                  </option>
                ))}
              </Select>
            </Field>
            {c.form !== "text" ? (
              <Field label={tt(lang, "formTargetValue")} size="small">
                <Input value={c.value} inputMode="decimal" onChange={(_e, v) => change(i, { value: v.value })} />
              </Field>
            ) : null}
          </div>
        );
      })}
      {issues.length > 0 ? (
        <ul className={styles.issues} role="alert">
          {issues.slice(0, 20).map((issue) => (
            <li key={`${issue.path}${issue.message.en}`}>{issue.message[lang]}</li>
          ))}
        </ul>
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={use}>
          {tt(lang, "formUse")}
        </Button>
        <Button onClick={props.onCancel}>{tt(lang, "formCancel")}</Button>
      </div>
    </section>
  );
}
