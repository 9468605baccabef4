/** The target adjustment form's styles (Fluent tokens). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useAdjustmentStyles = makeStyles({
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
