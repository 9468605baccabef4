/**
 * The year the plan is evaluated at: automatic (the latest year with figures) or one staff choose.
 * The choice is the template's own cell B3, so the sheet's formulas and the pane always agree.
 */
import { Field, Select } from "@fluentui/react-components";
import type { Lang } from "../../../core/messages";
import { t } from "../i18n";

export interface EvaluationYearControlProps {
  lang: Lang;
  /** The plan's years (the year after the base year … the target year). */
  years: readonly number[];
  /** The year typed in B3, or null when automatic. */
  chosen: number | null;
  /** The latest year anything is entered (what automatic means now), or null before any figure. */
  latest: number | null;
  disabled: boolean;
  onChange: (year: number | null) => void;
}

const AUTO = "auto";

export function EvaluationYearControl(props: EvaluationYearControlProps) {
  const { lang, years, chosen, latest, disabled, onChange } = props;
  const options = chosen !== null && !years.includes(chosen) ? [...years, chosen].sort((a, b) => a - b) : years;
  return (
    <Field label={t(lang, "evaluationYear")} size="small">
      <Select
        size="small"
        value={chosen === null ? AUTO : String(chosen)}
        disabled={disabled}
        onChange={(_e, data) => onChange(data.value === AUTO ? null : Number(data.value))}
      >
        <option value={AUTO}>
          {latest === null ? t(lang, "evaluationYearAutoNone") : t(lang, "evaluationYearAuto", { year: latest })}
        </option>
        {options.map((y) => (
          <option key={y} value={String(y)}>
            {lang === "zh" ? `${y}年` : String(y)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
