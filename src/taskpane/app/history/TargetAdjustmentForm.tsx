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
import type { Lang } from "../../../core/messages";
import type { Indicator } from "../../../core/planSchema";
import type { AdjustmentInput } from "../../../core/targetAdjustment";
import type { AdjustTargetOutcome } from "../../../excel/adjustTarget";
import { AdjustmentFields, AdjustmentNotices, AdjustmentsSoFar } from "./AdjustmentParts";
import { useAdjustmentStyles } from "./adjustmentStyles";
import { ht } from "./historyStrings";
import { useAdjustmentForm } from "./useAdjustmentForm";

export { adjustedText } from "./useAdjustmentForm";

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

export function TargetAdjustmentForm(props: TargetAdjustmentFormProps) {
  const { lang, indicator, disabled = false } = props;
  const styles = useAdjustmentStyles();
  const form = useAdjustmentForm({ lang, indicator, onSubmit: props.onSubmit, onAdjusted: props.onAdjusted });
  return (
    <section className={styles.root} aria-label={ht(lang, "adjustTitle")}>
      <h3 className={styles.title}>{ht(lang, "adjustTitle")}</h3>
      <AdjustmentsSoFar lang={lang} indicator={indicator} />
      <p className={styles.hint}>{ht(lang, "adjustHint")}</p>
      <AdjustmentFields lang={lang} form={form} disabled={disabled} />
      <AdjustmentNotices lang={lang} form={form} />
    </section>
  );
}
