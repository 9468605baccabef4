/** The small fields the table import form repeats: a labelled select of choices, and a labelled text input. */
import { Field, Input, Select } from "@fluentui/react-components";
import { useImportStyles } from "./tableImportStyles";

export interface Choice<V extends string> {
  value: V;
  label: string;
}

export function ChoiceSelect<V extends string>(props: {
  label: string;
  value: V;
  options: ReadonlyArray<Choice<V>>;
  onChange: (value: V) => void;
  invalid?: boolean;
}) {
  const styles = useImportStyles();
  return (
    <Field label={props.label} size="small" validationState={props.invalid ? "error" : "none"}>
      <Select className={styles.control} value={props.value} onChange={(_e, d) => props.onChange(d.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: "decimal" | "numeric";
  invalid?: boolean;
  wide?: boolean;
}) {
  const styles = useImportStyles();
  return (
    <Field
      label={props.label}
      size="small"
      validationState={props.invalid ? "error" : "none"}
      {...(props.wide ? { className: styles.wide } : {})}
    >
      <Input
        className={styles.control}
        value={props.value}
        {...(props.inputMode ? { inputMode: props.inputMode } : {})}
        onChange={(_e, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
