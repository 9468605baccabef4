/** The pane's status colours (Fluent palette tokens, which have dark-theme values) and their order. */
import { tokens } from "@fluentui/react-components";
import type { IndicatorEvaluation } from "../../core/indicatorEvaluation";
import type { StatusCode } from "../../core/planSchema";

/** What a row shows: a verdict, stale data (数据滞后), a cell to fix (待修正), or nothing yet. */
export type StatusKey = StatusCode | "stale" | "needsFix" | "none";

/** Worst first: the cards read as a warning list. */
export const STATUS_ORDER: readonly StatusKey[] = [
  "needsFix",
  "missed",
  "lagging",
  "stale",
  "onTrack",
  "ahead",
  "achieved",
  "none",
];

export function statusKeyOf(ev: IndicatorEvaluation): StatusKey {
  return ev.needsFix ? "needsFix" : (ev.status?.code ?? "none");
}

export const STATUS_COLOURS: Record<StatusKey, { background: string; foreground: string; border: string }> = {
  missed: {
    background: tokens.colorPaletteDarkRedBackground2,
    foreground: tokens.colorPaletteDarkRedForeground2,
    border: tokens.colorPaletteDarkRedBorderActive,
  },
  lagging: {
    background: tokens.colorPaletteRedBackground2,
    foreground: tokens.colorPaletteRedForeground2,
    border: tokens.colorPaletteRedBorder2,
  },
  onTrack: {
    background: tokens.colorPaletteMarigoldBackground2,
    foreground: tokens.colorPaletteMarigoldForeground2,
    border: tokens.colorPaletteMarigoldBorder2,
  },
  ahead: {
    background: tokens.colorPaletteTealBackground2,
    foreground: tokens.colorPaletteTealForeground2,
    border: tokens.colorPaletteTealBorderActive,
  },
  achieved: {
    background: tokens.colorPaletteGreenBackground2,
    foreground: tokens.colorPaletteGreenForeground2,
    border: tokens.colorPaletteGreenBorder2,
  },
  stale: {
    background: tokens.colorPaletteLavenderBackground2,
    foreground: tokens.colorPaletteLavenderForeground2,
    border: tokens.colorPaletteLavenderBorderActive,
  },
  needsFix: {
    background: tokens.colorPaletteDarkOrangeBackground2,
    foreground: tokens.colorPaletteDarkOrangeForeground2,
    border: tokens.colorPaletteDarkOrangeBorderActive,
  },
  none: {
    background: tokens.colorNeutralBackground3,
    foreground: tokens.colorNeutralForeground2,
    border: tokens.colorNeutralStroke1,
  },
};
