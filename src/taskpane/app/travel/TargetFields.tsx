/** The fields of a row's chosen target form (level, five-year total, annual growth, relative, text). */
import { Checkbox } from "@fluentui/react-components";
import type { Lang } from "../../../core/messages";
import type { IndicatorDraft } from "../../../core/planTableImport";
import { ChoiceSelect, TextInput } from "./ImportControls";
import type { RowChoice, TargetChoice } from "./targetForms";
import { tt, type TravelKey } from "./travelStrings";

export interface TargetFieldsProps {
  lang: Lang;
  draft: IndicatorDraft;
  drafts: readonly IndicatorDraft[];
  choice: RowChoice;
  onTarget: (patch: Partial<TargetChoice>) => void;
}

/** Choices labelled by their travel-string keys (`${prefix}${value}`). */
function choices<V extends string>(lang: Lang, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: tt(lang, `${prefix}${value}` as TravelKey) }));
}

export function TargetFields(props: TargetFieldsProps) {
  const { lang, onTarget } = props;
  const t = props.choice.target;
  const value = (
    <TextInput
      label={tt(lang, "formTargetValue")}
      value={t.value}
      inputMode="decimal"
      onChange={(v) => onTarget({ value: v })}
    />
  );
  const bound = (
    <ChoiceSelect
      label={tt(lang, "formComparator")}
      value={t.comparator}
      options={[
        { value: ">=", label: tt(lang, "cmp_atLeast") },
        { value: "<=", label: tt(lang, "cmp_atMost") },
      ]}
      onChange={(v) => onTarget({ comparator: v })}
    />
  );
  const approximate = (
    <Checkbox
      label={tt(lang, "formApproximate")}
      checked={t.approximate}
      onChange={(_e, v) => onTarget({ approximate: v.checked === true })}
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
          <ChoiceSelect
            label={tt(lang, "formObligation")}
            value={t.obligation}
            options={choices(lang, "obl_", ["reach", "keep"] as const)}
            onChange={(v) => onTarget({ obligation: v })}
          />
          {approximate}
        </>
      );
    case "cumulative":
      return (
        <>
          {value}
          <ChoiceSelect
            label={tt(lang, "formMode")}
            value={t.mode}
            options={choices(lang, "mode_", ["reduction", "increase", "decrease"] as const)}
            onChange={(v) => onTarget({ mode: v })}
          />
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
      return <RelativeFields {...props} />;
    case "text":
      return <TextInput label={tt(lang, "formText")} value={t.text} wide onChange={(v) => onTarget({ text: v })} />;
  }
}

/** A target relative to another row: above it or in step with it, and which row. */
function RelativeFields(props: TargetFieldsProps) {
  const { lang, onTarget } = props;
  const t = props.choice.target;
  const others = props.drafts
    .filter((o) => o.id !== props.draft.id)
    .map((o) => ({ value: o.id, label: `${o.number ? `${o.number}. ` : ""}${o.name}` }));
  return (
    <>
      <ChoiceSelect
        label={tt(lang, "formRelation")}
        value={t.relation}
        options={choices(lang, "rel_", ["above", "inStep"] as const)}
        onChange={(v) => onTarget({ relation: v })}
      />
      <ChoiceSelect
        label={tt(lang, "formReference")}
        value={t.reference}
        invalid={t.reference === ""}
        options={[{ value: "", label: tt(lang, "formReferenceNone") }, ...others]}
        onChange={(v) => onTarget({ reference: v })}
      />
    </>
  );
}
