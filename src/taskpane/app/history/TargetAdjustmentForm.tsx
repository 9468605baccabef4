/**
 * Record an approved target adjustment (目标动态调整): shows the original target and the adjustments
 * approved so far, and takes the new value, the approval date, the document number (文号) and the
 * reason. Checked by the core as staff fill it in (each problem under its field, in staff's words);
 * on submit the host writes 调整后目标 and stores the record. When staff typed their own value in
 * 调整后目标 the pane says so and replaces it only when they confirm. Every failure is shown.
 *
 * Mount it for the indicator the sheet reads (SheetPlan.plan's, so adjustments typed in the sheet and
 * records from the stored plan are both there):
 *   <TargetAdjustmentForm lang={lang} indicator={indicator} disabled={busy !== null}
 *     onSubmit={(input, overwrite) => adjustTarget(tableName, indicator.id, input, { overwrite })}
 *     onAdjusted={() => void reload()} />
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Lang } from "../../../core/messages";
import type { Indicator } from "../../../core/planSchema";
import {
  checkAdjustment,
  type AdjustmentField,
  type AdjustmentInput,
  type AdjustmentProblem,
} from "../../../core/targetAdjustment";
import type { AdjustTargetOutcome } from "../../../excel/adjustTarget";
import { failureText } from "../hostErrorText";
import { targetText } from "../indicatorNotes";
import { ht } from "./historyStrings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  list: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface TargetAdjustmentFormProps {
  lang: Lang;
  /** The indicator as the sheet reads it (SheetPlan.plan's): its original target and approved adjustments. */
  indicator: Indicator;
  disabled?: boolean;
  /** Records the adjustment: adjustTarget(tableName, indicator.id, input, { overwrite }). */
  onSubmit: (input: AdjustmentInput, overwrite: boolean) => Promise<AdjustTargetOutcome>;
  /** Called after the cell and the record were written (reload the sheet then). */
  onAdjusted?: (outcome: Extract<AdjustTargetOutcome, { kind: "adjusted" }>) => void;
}

type Notice =
  { intent: "success" | "error"; text: string } | { intent: "warning"; text: string; confirm: AdjustmentInput };

const EMPTY: AdjustmentInput = { value: "", date: "", document: "", reason: "" };

/** What staff wrote when the adjustment is recorded: the outcome in their words. */
export function adjustedText(outcome: Extract<AdjustTargetOutcome, { kind: "adjusted" }>, lang: Lang): string {
  const args = {
    address: outcome.address,
    target: targetText(outcome.adjustment.target, lang),
    original: targetText(outcome.indicator.target, lang),
    document: outcome.adjustment.document ?? "",
    replaced: outcome.replaced ?? "",
  };
  return ht(
    lang,
    outcome.cell === "shown" ? "adjustedShown" : outcome.cell === "replaced" ? "adjustedReplaced" : "adjusted",
    args,
  );
}

function problemsByField(problems: readonly AdjustmentProblem[], lang: Lang): Partial<Record<AdjustmentField, string>> {
  const out: Partial<Record<AdjustmentField, string>> = {};
  for (const p of problems) out[p.field] = out[p.field] ? `${out[p.field]} ${p.message[lang]}` : p.message[lang];
  return out;
}

export function TargetAdjustmentForm(props: TargetAdjustmentFormProps) {
  const { lang, indicator, disabled = false, onSubmit, onAdjusted } = props;
  const styles = useStyles();
  const [input, setInput] = useState<AdjustmentInput>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  // The form's own check, the same as the host's: shown once staff try to record.
  const adjustments = indicator.targetAdjustments ?? [];
  // A value typed in 调整后目标 by hand (no 文号) is not an approval: checked against the approved ones.
  const approved = adjustments.filter((a) => a.document !== undefined);
  const checked = checkAdjustment({ ...indicator, targetAdjustments: approved }, input);
  const problems = touched && !checked.ok ? problemsByField(checked.problems, lang) : {};
  const numeric = indicator.target.kind !== "text" && indicator.target.kind !== "relative";

  async function submit(values: AdjustmentInput, overwrite: boolean): Promise<void> {
    setBusy(true);
    setNotice(null);
    try {
      const outcome = await onSubmit(values, overwrite);
      switch (outcome.kind) {
        case "adjusted":
          setNotice({ intent: "success", text: adjustedText(outcome, lang) });
          setInput(EMPTY);
          setTouched(false);
          onAdjusted?.(outcome);
          break;
        case "cellChanged":
          setNotice({ intent: "warning", text: outcome.message[lang], confirm: values });
          break;
        case "invalid":
          setTouched(true);
          setNotice({
            intent: "error",
            text: [ht(lang, "fixBeforeSaving"), ...outcome.problems.map((p) => p.message[lang])].join(" "),
          });
          break;
        case "notFound":
          setNotice({ intent: "error", text: outcome.message[lang] });
          break;
        case "blocked":
          setNotice({ intent: "error", text: outcome.block.message[lang] });
          break;
      }
    } catch (err) {
      // Shown here, beside the form that failed, and logged with the operation's name.
      console.error("Plan Tracker: Record the target adjustment (targetAdjustment) failed", err);
      setNotice({ intent: "error", text: failureText(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Omit<AdjustmentInput, "target">) => ({
    value: String(input[key] ?? ""),
    disabled: disabled || busy || !numeric,
    onChange: (_e: unknown, d: { value: string }) => setInput((prev) => ({ ...prev, [key]: d.value })),
  });
  const state = (key: AdjustmentField) =>
    problems[key] ? { validationState: "error" as const, validationMessage: problems[key] } : {};

  return (
    <section className={styles.root} aria-label={ht(lang, "adjustTitle")}>
      <h3 className={styles.title}>{ht(lang, "adjustTitle")}</h3>
      <p className={styles.text}>{ht(lang, "adjustFor", { indicator: indicator.name[lang] })}</p>
      <p className={styles.text}>
        {ht(lang, "originalTarget")}
        {lang === "zh" ? "：" : ": "}
        {targetText(indicator.target, lang)}
      </p>
      <p className={styles.text}>{ht(lang, "adjustmentsSoFar")}</p>
      {adjustments.length === 0 ? (
        <p className={styles.hint}>{ht(lang, "noAdjustments")}</p>
      ) : (
        <ol className={styles.list}>
          {adjustments.map((a, i) => (
            <li key={i}>
              {ht(lang, "adjustmentLine", {
                target: targetText(a.target, lang),
                date: a.date ?? ht(lang, "notStated"),
                document: a.document ?? ht(lang, "notStated"),
                reason: a.reason ?? ht(lang, "notStated"),
              })}
            </li>
          ))}
        </ol>
      )}
      <p className={styles.hint}>{ht(lang, "adjustHint")}</p>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (checked.ok) void submit(input, false);
        }}
      >
        <Field label={ht(lang, "newTarget")} size="small" required {...state("value")}>
          <Input size="small" inputMode="decimal" {...field("value")} />
        </Field>
        <Field label={ht(lang, "approvalDate")} size="small" required {...state("date")}>
          <Input size="small" placeholder="2023-06-30" {...field("date")} />
        </Field>
        <Field label={ht(lang, "document")} size="small" required {...state("document")}>
          <Input size="small" placeholder={ht(lang, "documentPlaceholder")} {...field("document")} />
        </Field>
        <Field label={ht(lang, "reason")} size="small" required {...state("reason")}>
          <Textarea size="small" resize="vertical" {...field("reason")} />
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" size="small" appearance="primary" disabled={disabled || busy || !numeric}>
            {ht(lang, "submitAdjustment")}
          </Button>
        </div>
      </form>
      {!numeric && !checked.ok && checked.problems[0] ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{checked.problems[0].message[lang]}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notice ? (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
          {notice.intent === "warning" ? (
            <MessageBarActions>
              <Button size="small" disabled={busy} onClick={() => void submit(notice.confirm, true)}>
                {ht(lang, "replaceAndRecord")}
              </Button>
              <Button size="small" appearance="transparent" onClick={() => setNotice(null)}>
                {ht(lang, "cancel")}
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
    </section>
  );
}
