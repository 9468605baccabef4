/**
 * The target adjustment form's state and its one action: what staff typed, the core's check of it (shown
 * once they try to record), and the submit with its outcome in their words — a value typed by hand in
 * 调整后目标 is replaced only when they confirm. TargetAdjustmentForm only renders this.
 */
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
import { logFailure } from "../store/operations";
import { targetText } from "../indicatorNotes";
import { ht } from "./historyStrings";

export type AdjustmentNotice =
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

/** The outcome of a submit as the form's notice (and whether the entries are cleared). */
function noticeOf(outcome: AdjustTargetOutcome, values: AdjustmentInput, lang: Lang): AdjustmentNotice {
  switch (outcome.kind) {
    case "adjusted":
      return { intent: "success", text: adjustedText(outcome, lang) };
    case "cellChanged":
      return { intent: "warning", text: outcome.message[lang], confirm: values };
    case "invalid":
      return {
        intent: "error",
        text: [ht(lang, "fixBeforeSaving"), ...outcome.problems.map((p) => p.message[lang])].join(" "),
      };
    case "notFound":
      return { intent: "error", text: outcome.message[lang] };
    case "blocked":
      return { intent: "error", text: outcome.block.message[lang] };
  }
}

export interface AdjustmentFormOptions {
  lang: Lang;
  indicator: Indicator;
  onSubmit: (input: AdjustmentInput, overwrite: boolean) => Promise<AdjustTargetOutcome>;
  onAdjusted?: ((outcome: Extract<AdjustTargetOutcome, { kind: "adjusted" }>) => void) | undefined;
}

export function useAdjustmentForm({ lang, indicator, onSubmit, onAdjusted }: AdjustmentFormOptions) {
  const [input, setInput] = useState<AdjustmentInput>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<AdjustmentNotice | null>(null);

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
      setNotice(noticeOf(outcome, values, lang));
      if (outcome.kind === "invalid") setTouched(true);
      if (outcome.kind === "adjusted") {
        setInput(EMPTY);
        setTouched(false);
        onAdjusted?.(outcome);
      }
    } catch (err) {
      // Shown here, beside the form that failed, and logged with the operation's name.
      logFailure("targetAdjustment", err);
      setNotice({ intent: "error", text: failureText(err, lang) });
    } finally {
      setBusy(false);
    }
  }

  return {
    input,
    edit: (key: keyof Omit<AdjustmentInput, "target">, value: string) =>
      setInput((prev) => ({ ...prev, [key]: value })),
    problems,
    checked,
    numeric,
    busy,
    notice,
    dismiss: () => setNotice(null),
    /** The form's submit: marks every field checked, and records only what passes the check. */
    record: () => {
      setTouched(true);
      if (checked.ok) void submit(input, false);
    },
    /** Replaces the value staff typed in 调整后目标 by hand, as they confirmed. */
    confirm: (values: AdjustmentInput) => void submit(values, true),
  };
}

export type AdjustmentForm = ReturnType<typeof useAdjustmentForm>;
