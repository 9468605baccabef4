/** The pane's status colours (Fluent palette tokens, which have dark-theme values) and their order. */
import { tokens } from "@fluentui/react-components";
import type { StatusCode } from "../../core/planSchema";

export type StatusKey = StatusCode | "none";

/** Worst first: the cards read as a warning list. */
export const STATUS_ORDER: readonly StatusKey[] = ["missed", "lagging", "onTrack", "ahead", "achieved", "none"];

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
  none: {
    background: tokens.colorNeutralBackground3,
    foreground: tokens.colorNeutralForeground2,
    border: tokens.colorNeutralStroke1,
  },
};
