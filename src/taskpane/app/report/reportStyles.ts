/** The report panel's styles (Fluent tokens). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useReportStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sub: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  summary: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  counts: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
});
