/**
 * The charts' colours, defined once as Fluent tokens. In the pane they stay tokens (CSS variables
 * that follow the light or dark theme); for standalone SVG (PNG pictures in the Word report) the
 * same tokens are resolved to explicit colours from Fluent's light or dark theme, so the markup
 * depends on no CSS variable. Status colours are the pane's own (STATUS_COLOURS).
 */
import { tokens, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { STATUS_COLOURS, STATUS_ORDER, type StatusKey } from "../statusStyle";

export interface ChartPalette {
  /** Painted behind standalone SVG only; the pane's charts are transparent. */
  background: string;
  text: string;
  mutedText: string;
  grid: string;
  axis: string;
  actual: string;
  planned: string;
  target: string;
  adjusted: string;
  evaluation: string;
  track: string;
  trackBorder: string;
  timeTick: string;
  badgeBackground: string;
  badgeText: string;
  /** Progress-bar fill per status. */
  status: Record<StatusKey, string>;
}

export type ColourRole = Exclude<keyof ChartPalette, "status">;
/** A colour in a drawing: a palette role, a status fill, or nothing. */
export type Paint = ColourRole | `status.${StatusKey}` | "none";

/** Status fills: the status's strong (border) colour; "none" a neutral that shows on the track. */
const statusTokens = Object.fromEntries(
  STATUS_ORDER.map((k) => [k, k === "none" ? tokens.colorNeutralStrokeAccessible : STATUS_COLOURS[k].border]),
) as Record<StatusKey, string>;

/** The palette as Fluent tokens: what the React charts use (CSS variables with light and dark values). */
export const TOKEN_PALETTE: ChartPalette = {
  background: tokens.colorNeutralBackground1,
  text: tokens.colorNeutralForeground1,
  mutedText: tokens.colorNeutralForeground3,
  grid: tokens.colorNeutralStroke2,
  axis: tokens.colorNeutralStrokeAccessible,
  actual: tokens.colorBrandForeground1,
  planned: tokens.colorNeutralForeground3,
  target: tokens.colorPaletteDarkOrangeForeground1,
  adjusted: tokens.colorNeutralForeground3,
  evaluation: tokens.colorPaletteBerryForeground1,
  track: tokens.colorNeutralBackground3,
  trackBorder: tokens.colorNeutralStroke1,
  timeTick: tokens.colorNeutralForeground1,
  badgeBackground: tokens.colorPaletteRedBackground2,
  badgeText: tokens.colorPaletteRedForeground2,
  status: statusTokens,
};

const TOKEN_REF = /^var\(--([A-Za-z0-9]+)\)$/;

/** A token's value in `theme` ("var(--colorNeutralForeground1)" → "#242424"); other strings unchanged. */
export function resolveToken(value: string, theme: Theme): string {
  const m = TOKEN_REF.exec(value);
  if (!m) return value;
  const resolved = (theme as unknown as Record<string, unknown>)[m[1]!];
  if (typeof resolved !== "string") throw new Error(`Chart colour token ${m[1]} has no value in the theme`);
  return resolved;
}

/** The token palette with every colour resolved against `theme`: explicit colours, no CSS variables. */
export function chartPalette(theme: Theme): ChartPalette {
  const { status, ...roles } = TOKEN_PALETTE;
  const resolvedRoles = Object.fromEntries(
    Object.entries(roles).map(([role, value]) => [role, resolveToken(value, theme)]),
  ) as Omit<ChartPalette, "status">;
  const resolvedStatus = Object.fromEntries(
    Object.entries(status).map(([k, value]) => [k, resolveToken(value, theme)]),
  ) as Record<StatusKey, string>;
  return { ...resolvedRoles, status: resolvedStatus };
}

export const LIGHT_PALETTE: ChartPalette = chartPalette(webLightTheme);
export const DARK_PALETTE: ChartPalette = chartPalette(webDarkTheme);

/** The colour a paint stands for in `palette` ("none" stays "none"). */
export function paintColour(paint: Paint, palette: ChartPalette): string {
  if (paint === "none") return "none";
  if (paint.startsWith("status.")) return palette.status[paint.slice(7) as StatusKey];
  return palette[paint as ColourRole];
}

/** Fonts of standalone SVG: CJK fonts of Windows, macOS and Linux first, so Chinese never turns into boxes. */
export const CHART_FONT_FAMILY =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Segoe UI', sans-serif";
