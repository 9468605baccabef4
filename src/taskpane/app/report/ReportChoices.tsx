/** The report's year, kind and figure-2 indicator. */
import { Field, Select } from "@fluentui/react-components";
import { EVALUATION_KINDS } from "../../../core/evaluationReport";
import type { Lang } from "../../../core/messages";
import type { EvaluationKind } from "../../../core/reportDocument";
import { rt } from "./reportStrings";
import { useReportStyles } from "./reportStyles";
import type { ReportChoiceState } from "./useReportChoice";

export function ReportChoices(props: { lang: Lang; choice: ReportChoiceState; disabled: boolean }) {
  const styles = useReportStyles();
  const { lang, choice, disabled } = props;
  return (
    <>
      <div className={styles.row}>
        <Field label={rt(lang, "year")}>
          <Select value={String(choice.year)} onChange={(_e, d) => choice.chooseYear(d.value)} disabled={disabled}>
            {choice.years.map((y) => (
              <option key={y} value={String(y)}>
                {lang === "zh" ? `${y}年` : String(y)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={rt(lang, "kind")}>
          <Select
            value={choice.kind}
            onChange={(_e, d) => choice.chooseKind(d.value as EvaluationKind)}
            disabled={disabled}
          >
            {EVALUATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {rt(lang, `kind_${k}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={rt(lang, "pathIndicator")}>
        <Select value={choice.pathId} onChange={(_e, d) => choice.choosePath(d.value)} disabled={disabled}>
          <option value="">{rt(lang, "pathAuto")}</option>
          {choice.pathChoices.map((ind) => (
            <option key={ind.id} value={ind.id}>
              {ind.name[lang]}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}
