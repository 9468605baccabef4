/** The parts of the target adjustment form: the adjustments so far, the fields, and the form's notice. */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Textarea,
} from "@fluentui/react-components";
import type { Lang } from "../../../core/messages";
import type { Indicator } from "../../../core/planSchema";
import type { AdjustmentField, AdjustmentInput } from "../../../core/targetAdjustment";
import { targetText } from "../indicatorNotes";
import { useAdjustmentStyles } from "./adjustmentStyles";
import { ht } from "./historyStrings";
import type { AdjustmentForm } from "./useAdjustmentForm";

/** The original target and each approved adjustment so far. */
export function AdjustmentsSoFar(props: { lang: Lang; indicator: Indicator }) {
  const styles = useAdjustmentStyles();
  const { lang, indicator } = props;
  const adjustments = indicator.targetAdjustments ?? [];
  return (
    <>
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
    </>
  );
}

/** The new value, approval date, 文号 and reason, each with its problem under it. */
export function AdjustmentFields(props: { lang: Lang; form: AdjustmentForm; disabled: boolean }) {
  const styles = useAdjustmentStyles();
  const { lang, form } = props;
  const off = props.disabled || form.busy || !form.numeric;
  const field = (key: keyof Omit<AdjustmentInput, "target">) => ({
    value: String(form.input[key] ?? ""),
    disabled: off,
    onChange: (_e: unknown, d: { value: string }) => form.edit(key, d.value),
  });
  const state = (key: AdjustmentField) =>
    form.problems[key] ? { validationState: "error" as const, validationMessage: form.problems[key] } : {};
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        form.record();
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
        <Button type="submit" size="small" appearance="primary" disabled={off}>
          {ht(lang, "submitAdjustment")}
        </Button>
      </div>
    </form>
  );
}

/** Why a text or relative target cannot be adjusted here, and the outcome of the last submit. */
export function AdjustmentNotices(props: { lang: Lang; form: AdjustmentForm }) {
  const { lang, form } = props;
  const { checked, notice } = form;
  return (
    <>
      {!form.numeric && !checked.ok && checked.problems[0] ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{checked.problems[0].message[lang]}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notice ? (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
          {notice.intent === "warning" ? (
            <MessageBarActions>
              <Button size="small" disabled={form.busy} onClick={() => form.confirm(notice.confirm)}>
                {ht(lang, "replaceAndRecord")}
              </Button>
              <Button size="small" appearance="transparent" onClick={form.dismiss}>
                {ht(lang, "cancel")}
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
    </>
  );
}
