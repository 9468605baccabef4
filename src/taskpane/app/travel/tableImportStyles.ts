/** The table import form's styles (Fluent tokens): a two-column grid per row, fitted to a narrow pane. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useImportStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  period: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalXS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  excluded: { opacity: 0.6 },
  /** Inputs and selects fill their grid cell instead of their own minimum width (the pane is narrow). */
  control: { minWidth: 0, width: "100%" },
  wide: { gridColumn: "1 / -1" },
  name: { gridColumn: "1 / -1", margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  cells: {
    gridColumn: "1 / -1",
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  cellHeader: { color: tokens.colorNeutralForeground3, margin: 0 },
  cellText: { margin: 0, overflowWrap: "anywhere" },
  unread: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    outline: `1px solid ${tokens.colorPaletteRedBorder2}`,
  },
  doubt: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  reading: { gridColumn: "1 / -1", margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  note: {
    gridColumn: "1 / -1",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  problem: { gridColumn: "1 / -1", margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  blocking: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  issues: {
    margin: 0,
    paddingLeft: "1.2em",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground1,
  },
});
