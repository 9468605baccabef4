/**
 * The pane follows Office's theme: Fluent's dark or light theme by Office's body colour, with
 * Office's own background and text colours on top. Outside Office: Fluent's light theme.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

const HEX = /^#?([0-9a-f]{6})$/i;

/** Relative luminance of a #RRGGBB colour (0 black … 1 white), or null when it is not one. */
export function luminance(colour: string | undefined): number | null {
  const m = colour ? HEX.exec(colour.trim()) : null;
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

function withHash(colour: string): string {
  return colour.startsWith("#") ? colour : `#${colour}`;
}

/**
 * Office's theme, or null outside Office or on a host that does not report one (Excel on the web
 * and older desktops): the pane then uses Fluent's light theme. Feature detection, nothing caught.
 */
export function officeTheme(): Office.OfficeTheme | null {
  return typeof Office !== "undefined" ? (Office.context?.officeTheme ?? null) : null;
}

export function paneTheme(theme: Office.OfficeTheme | null = officeTheme()): Theme {
  if (!theme) return webLightTheme;
  const bodyLum = luminance(theme.bodyBackgroundColor);
  const dark = typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : bodyLum !== null && bodyLum < 0.4;
  const base = dark ? webDarkTheme : webLightTheme;
  const background =
    theme.bodyBackgroundColor && HEX.test(theme.bodyBackgroundColor) ? withHash(theme.bodyBackgroundColor) : null;
  const foreground =
    theme.bodyForegroundColor && HEX.test(theme.bodyForegroundColor) ? withHash(theme.bodyForegroundColor) : null;
  return {
    ...base,
    ...(background ? { colorNeutralBackground1: background } : {}),
    ...(foreground ? { colorNeutralForeground1: foreground } : {}),
  };
}
