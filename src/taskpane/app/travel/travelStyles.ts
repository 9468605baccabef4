/** The sharing panel's styles (Fluent tokens). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTravelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sub: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
