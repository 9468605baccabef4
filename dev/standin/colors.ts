/** Excel reports colours as "#RRGGBB" upper-case; it accepts that form, "#RGB"-less hex and HTML colour names. */
const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  lightgreen: "#90EE90",
  pink: "#FFC0CB",
  purple: "#800080",
  lightblue: "#ADD8E6",
  darkgreen: "#006400",
  darkred: "#8B0000",
  lightyellow: "#FFFFE0",
  gold: "#FFD700",
  amber: "#FFBF00",
  navy: "#000080",
};

/** Normalises a colour as Excel stores it; null for an unrecognised one. */
export function normalizeColor(color: unknown): string | null {
  if (typeof color !== "string") return null;
  const text = color.trim();
  if (/^#[0-9a-f]{6}$/i.test(text)) return text.toUpperCase();
  if (/^[0-9a-f]{6}$/i.test(text)) return `#${text.toUpperCase()}`;
  return NAMED[text.toLowerCase()] ?? null;
}
