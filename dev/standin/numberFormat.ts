/**
 * The text Excel displays for a value under a number format (Range.text).
 * Covers what the add-in writes: General, "0", "0.00", "#,##0", "#,##0.00", "0.0%", "0.00%", "@",
 * literal text in quotes or after a backslash (`0.00"%"`, `0"个"`), up to four ";" sections
 * (positive;negative;zero;text), [colour] tags and `_x` padding. Date/time codes are not interpreted:
 * such cells show General text (documented limit; the add-in stores years as plain integers).
 */

export type CellScalar = number | string | boolean;

/** Rounds half away from zero at `decimals` places, in decimal (not binary) terms as Excel does. */
function roundDecimal(value: number, decimals: number): number {
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
  return Math.sign(value) * rounded;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function exponential(value: number, significant: number): string {
  const [mantissa, exp] = value.toExponential(significant).split("e");
  const trimmed = mantissa!.includes(".") ? mantissa!.replace(/0+$/, "").replace(/\.$/, "") : mantissa!;
  const n = Number(exp);
  return `${trimmed}E${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
}

/** Excel's General format in a standard-width column: at most 11 characters. */
export function formatGeneral(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11) return exponential(value, 5);
  if (Number.isInteger(value)) return String(value);
  for (let decimals = 10; decimals >= 0; decimals--) {
    const text = roundDecimal(value, decimals)
      .toFixed(decimals)
      .replace(/\.?0+$/, "");
    if (text.length <= 11) {
      if (/^-?0$/.test(text)) break; // everything rounded away: use scientific notation
      return text;
    }
  }
  return exponential(value, 5);
}

/** Splits on ";" outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

interface Piece {
  literal?: string;
  numeric?: string;
}

/** Tokenises one section into literal text and the numeric placeholder run (0 # ? , .). */
function tokenize(section: string): { pieces: Piece[]; percent: boolean; text: boolean } {
  const pieces: Piece[] = [];
  let percent = false;
  let text = false;
  const pushLiteral = (s: string) => {
    const last = pieces[pieces.length - 1];
    if (last?.literal !== undefined) last.literal += s;
    else pieces.push({ literal: s });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      pushLiteral(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      pushLiteral(section[i + 1] ?? "");
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end; // [Red], [$-804]: colour and locale tags show nothing
    } else if (ch === "_") {
      pushLiteral(" ");
      i++;
    } else if (ch === "*") {
      i++; // fill character: nothing to fill in plain text
    } else if (ch === "%") {
      percent = true;
      pushLiteral("%");
    } else if (ch === "@") {
      text = true;
      pieces.push({ literal: "\u0000" });
    } else if ("0#?,.".includes(ch)) {
      const last = pieces[pieces.length - 1];
      if (last?.numeric !== undefined) last.numeric += ch;
      else pieces.push({ numeric: ch });
    } else pushLiteral(ch);
  }
  return { pieces, percent, text };
}

function formatNumberPattern(value: number, pattern: string): string {
  const point = pattern.indexOf(".");
  const intPart = point < 0 ? pattern : pattern.slice(0, point);
  const fracPart = point < 0 ? "" : pattern.slice(point + 1).replace(/,/g, "");
  // Trailing commas scale by 1,000 each (#,##0, shows thousands).
  let scaled = value;
  const trailingCommas = /,+$/.exec(intPart)?.[0].length ?? 0;
  scaled /= Math.pow(1000, trailingCommas);
  const thousands = intPart.replace(/,+$/, "").includes(",");
  const decimals = fracPart.length;
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const fixed = roundDecimal(Math.abs(scaled), decimals).toFixed(decimals);
  let [digits, frac = ""] = fixed.split(".");
  if (digits === "0" && minInt === 0) digits = "";
  digits = digits!.padStart(minInt, "0");
  if (thousands) digits = groupThousands(digits);
  // Optional (#) decimals drop trailing zeros down to the required (0) ones.
  while (frac.length > minFrac && frac.endsWith("0")) frac = frac.slice(0, -1);
  return frac.length > 0 ? `${digits}.${frac}` : point >= 0 && decimals > 0 && minFrac === 0 ? `${digits}.` : digits;
}

/** The displayed text of a cell value under a number format. Errors and booleans show as Excel shows them. */
export function formatValue(value: CellScalar | null, numberFormat: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const format = numberFormat.trim() === "" ? "General" : numberFormat;
  const parts = sections(format);
  if (typeof value === "string") {
    const textSection = parts.length >= 4 ? parts[3]! : parts.find((p) => p.includes("@"));
    if (!textSection) return value;
    const { pieces } = tokenize(textSection);
    return pieces
      .map((p) => (p.literal !== undefined ? p.literal.replace("\u0000", value) : (p.numeric ?? "")))
      .join("");
  }
  if (!Number.isFinite(value)) return "#NUM!";
  let section = parts[0]!;
  let magnitude = value;
  let sign = value < 0 ? "-" : "";
  if (value < 0 && parts.length >= 2) {
    section = parts[1]!;
    magnitude = -value;
    sign = "";
  } else if (value === 0 && parts.length >= 3) section = parts[2]!;
  if (/^general$/i.test(section.trim()) || section.trim() === "") return sign + formatGeneral(Math.abs(magnitude));
  const { pieces, percent, text } = tokenize(section);
  if (text && !pieces.some((p) => p.numeric !== undefined)) return formatGeneral(value); // "@" shows numbers as General
  const scaled = percent ? Math.abs(magnitude) * 100 : Math.abs(magnitude);
  let out = "";
  let numberDone = false;
  for (const piece of pieces) {
    if (piece.numeric !== undefined) {
      if (!numberDone) out += formatNumberPattern(scaled, piece.numeric);
      numberDone = true;
    } else out += (piece.literal ?? "").replace("\u0000", "");
  }
  // "-0.00" for a negative that rounds to zero shows as "0.00" only in Excel's newer builds; keep the sign when digits remain.
  const shown = /[1-9]/.test(out) ? sign + out : out;
  return shown;
}
