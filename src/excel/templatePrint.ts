/**
 * How the template prints (pure: no Excel calls). Staff print the indicator table to hand it round or file
 * it, so it must be legible on A4 landscape: each column is as wide as what it shows (long names and units
 * wrap instead of widening the page), the hidden technical columns take no room (Excel does not print hidden
 * columns), and the print scale is worked out the way Excel works out "fit to 1 page wide": the printable
 * width (paper less the margins set here) over the summed widths of the printed columns.
 *
 * When that scale would fall below MIN_TEMPLATE_SCALE (a long plan: fifteen year columns), the table is
 * printed more than one page wide at a legible scale instead, with the indicator columns (序号 … 指标) repeated
 * at the left of every page; the sheet's footer and the insert result say so — never a silent shrink.
 *
 * Widths are estimates of what Excel shows (CJK characters a full em, digits about half an em), at the
 * sheet's default 11 pt font. Excel's page setup: https://learn.microsoft.com/office/vba/api/excel.pagesetup.zoom
 * ("a percentage (between 10 and 400 percent) by which Microsoft Excel will scale the worksheet for printing").
 */
import type { Lang } from "../core/messages";
import type { ColumnKey, TemplateColumn } from "../core/templateLayout";

/** A4 landscape: 297 mm × 210 mm in points. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
/** Excel's "Narrow" margins: 0.25 in left and right, 0.75 in top and bottom, 0.3 in for header and footer. */
export const TEMPLATE_MARGINS = { left: 18, right: 18, top: 54, bottom: 54, header: 21.6, footer: 21.6 };
export const TEMPLATE_PRINTABLE_WIDTH = A4_LANDSCAPE.width - TEMPLATE_MARGINS.left - TEMPLATE_MARGINS.right;
/** Below this the printed figures (11 pt type) are smaller than 7.7 pt: too small to read at arm's length. */
export const MIN_TEMPLATE_SCALE = 70;
/** The columns that say which indicator a row is: frozen on screen, repeated at the left of every printed page. */
export const INDICATOR_COLUMNS: readonly ColumnKey[] = ["number", "category", "name"];

const FONT_SIZE = 11;
/** Excel's cell padding and the gridline, in points, plus a little for its rounding of widths to pixels. */
const PADDING = 5;
const TECHNICAL_WIDTH = 70;

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

function charEm(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[.,:;'!|il]/.test(ch)) return 0.27;
  if (ch === " ") return 0.25;
  if (/[%@MW]/.test(ch)) return 0.85;
  if (/[A-Z]/.test(ch)) return 0.62;
  return 0.5;
}

/** Points a text takes on one line at the sheet's font size. */
export function textPoints(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * FONT_SIZE;
}

/**
 * The width (points, padding included) that shows `text` in at most `lines` lines when the cell wraps: Excel
 * breaks between CJK characters and at spaces, never inside a Latin word or a number.
 */
export function wrappedWidth(text: string, lines: number): number {
  const words = text.split(/(?<=[\s\u3000-\u303f\uff0c\uff1b\uff1a\u3001])|(?=[\u2e80-\u9fff])|(?<=[\u2e80-\u9fff])/u);
  const longest = Math.max(0, ...words.map((w) => textPoints(w.trim())));
  return Math.ceil(Math.max(longest, textPoints(text.trim()) / Math.max(1, lines)) + PADDING);
}

/** A number as a number format the template writes shows it ("0.00", "0.0%", `"前"0"位"`, `"年均增长 "0.0"%"`, General). */
export function formattedText(value: number, format: string): string {
  if (format === "General" || format === "@" || format === "") return String(Number(value.toPrecision(10)));
  let out = "";
  let placeholder = false;
  const parts = format.match(/"[^"]*"|[0#]+(?:\.[0#]+)?%?|./g) ?? [];
  for (const part of parts) {
    if (part.startsWith('"')) out += part.slice(1, -1);
    else if (/^[0#]/.test(part)) {
      if (placeholder) continue;
      placeholder = true;
      const percent = part.endsWith("%");
      const decimals = (part.split(".")[1] ?? "").replace("%", "").length;
      out += `${(percent ? value * 100 : value).toFixed(decimals)}${percent ? "%" : ""}`;
    } else out += part;
  }
  return out;
}

/** What a cell the add-in writes shows: the text of a text cell, a number as its format shows it, "" for a formula. */
function shown(content: unknown, format: string): string {
  if (typeof content === "number") return formattedText(content, format);
  if (typeof content !== "string" || content === "" || content.startsWith("=")) return "";
  return content.startsWith("'") ? content.slice(1) : content;
}

/** How a column's cells are laid out in print: lines they may wrap to (1: numbers, which never wrap) and bounds. */
interface Fit {
  lines: number;
  min: number;
  max: number;
}

const FITS: Partial<Record<ColumnKey, Fit>> = {
  number: { lines: 1, min: 24, max: 40 },
  category: { lines: 3, min: 30, max: 60 },
  name: { lines: 3, min: 72, max: 132 },
  unit: { lines: 2, min: 30, max: 48 },
  // 约束性 on one line (a wrapped 约束/性 reads badly); English words may take two.
  attribute: { lines: 1, min: 30, max: 60 },
  manualStatus: { lines: 2, min: 36, max: 48 },
  manualNote: { lines: 4, min: 52, max: 52 },
  leadUnit: { lines: 3, min: 40, max: 72 },
  coUnits: { lines: 3, min: 40, max: 72 },
  status: { lines: 3, min: 44, max: 60 },
};
/** Text targets (明显提升, 高于GDP增长) wrap in the target column; numbers there never do. */
const TEXT_TARGET: Fit = { lines: 6, min: 36, max: 60 };
const NUMBER: Fit = { lines: 1, min: 28, max: 96 };
/** The header row wraps too: two lines at most. */
const HEADER_LINES = 2;

/** What a computed or input column can show besides the plan's own cells: its widest words and numbers. */
function ownTexts(column: TemplateColumn, lang: Lang, targetYear: number): { texts: string[]; numbers: string[] } {
  switch (column.key) {
    case "manualStatus":
      return { texts: lang === "zh" ? ["提前实现", "基本符合预期"] : ["achieved", "on track"], numbers: [] };
    case "status":
      return {
        texts:
          lang === "zh" ? ["基本符合预期", `数据滞后（${targetYear}年）`] : ["on track", `data stale (${targetYear})`],
        numbers: [],
      };
    case "latestYear":
      return { texts: [], numbers: [String(targetYear)] };
    case "growth":
      return { texts: [], numbers: ["-10.0%"] };
    case "progress":
    case "elapsed":
      return { texts: [], numbers: ["100.0%"] };
    default:
      return { texts: [], numbers: [] };
  }
}

/** Columns whose figures are typed or computed later: sized from the row's baseline and target. */
const FIGURE_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(["latest", "gap", "step", "revisedBaseline"]);

export interface TemplateContent {
  columns: readonly TemplateColumn[];
  header: readonly string[];
  /** Rows as written (formulas, numbers, '-prefixed text) and their number formats. */
  rows: ReadonlyArray<ReadonlyArray<unknown>>;
  formats: ReadonlyArray<ReadonlyArray<string>>;
  lang: Lang;
  targetYear: number;
  /** Text the title block puts in column A (the 评估年份 label, A3), wrapped on two lines. */
  firstColumnLabel?: string;
  /** The other goals' rows below the table, in the same columns: their names, units and targets count too. */
  otherGoals?: { rows: ReadonlyArray<ReadonlyArray<unknown>>; formats: ReadonlyArray<ReadonlyArray<string>> } | null;
}

/**
 * Each column's width in points for the template's content. Text wraps within the column's bounds; a number
 * never wraps (Excel shows #### when it does not fit), so the widest number sets a floor. Figures not typed
 * yet (the year columns, the computed value and gap) are sized from the row's baseline and target as the
 * column's format shows them, ten times larger for growth.
 */
export function templateColumnWidths(content: TemplateContent): number[] {
  const other = content.otherGoals;
  const t = other
    ? { ...content, rows: [...content.rows, ...other.rows], formats: [...content.formats, ...other.formats] }
    : content;
  const at = new Map(t.columns.map((c, i) => [c.key, i]));
  const numberAt = (key: ColumnKey, r: number): number | null => {
    const i = at.get(key);
    const v = i === undefined ? undefined : t.rows[r]?.[i];
    return typeof v === "number" ? v : null;
  };
  return t.columns.map((column, i) => {
    if (column.role === "technical") return TECHNICAL_WIDTH;
    const header = wrappedWidth(t.header[i] ?? "", HEADER_LINES);
    const { texts, numbers } = ownTexts(column, t.lang, t.targetYear);
    const isTarget = column.key === "target" || column.key === "adjustedTarget";
    const fit = FITS[column.key] ?? (isTarget ? TEXT_TARGET : NUMBER);
    t.rows.forEach((row, r) => {
      const format = t.formats[r]?.[i] ?? "General";
      const own = shown(row[i], format);
      if (own !== "") {
        (typeof row[i] === "number" ? numbers : texts).push(own);
        return;
      }
      if (column.year === undefined && !FIGURE_COLUMNS.has(column.key)) return;
      for (const v of [numberAt("baseline", r), numberAt("target", r)])
        if (v !== null) numbers.push(formattedText(v * 10 * (column.key === "gap" ? -1 : 1), format));
    });
    const text = Math.min(fit.max, Math.max(0, ...texts.map((x) => wrappedWidth(x, fit.lines))));
    const number = Math.max(0, ...numbers.map((x) => wrappedWidth(x, 1)));
    const label = i === 0 && t.firstColumnLabel ? wrappedWidth(t.firstColumnLabel, 2) : 0;
    return Math.max(text, number, header, label, fit.min);
  });
}

export interface TemplatePrint {
  /** The print scale (whole %): what Excel's "fit to 1 page wide" gives, or the scale of a print more pages wide. */
  scale: number;
  /** Pages across: 1, or more for a plan too wide to fit one page at MIN_TEMPLATE_SCALE. */
  pagesWide: number;
  /** Points of the printed columns at 100 %. */
  printedWidth: number;
  /** The fit-to-one-page-wide scale, even when it was too small to use. */
  fitScale: number;
}

/** Pages across that columns of `widths` fill at `scale`, the first `titles` repeated on each page (Excel breaks between columns). */
export function pagesAcross(widths: readonly number[], titles: number, scale: number): number {
  const room = (TEMPLATE_PRINTABLE_WIDTH * 100) / scale;
  const titleWidth = widths.slice(0, titles).reduce((a, b) => a + b, 0);
  let pages = 1;
  let used = titleWidth;
  for (const w of widths.slice(titles)) {
    if (used + w > room && used > titleWidth) {
      pages++;
      used = titleWidth;
    }
    used += w;
  }
  return pages;
}

/**
 * The print scale for the printed columns' widths (hidden ones left out by the caller), `titles` of them
 * repeated at the left of each page. One page wide when that is legible; otherwise the fewest pages across
 * at MIN_TEMPLATE_SCALE, then the largest scale (≤ 100 %) that still fits them.
 */
export function templatePrint(printedWidths: readonly number[], titles: number): TemplatePrint {
  const printedWidth = printedWidths.reduce((a, b) => a + b, 0);
  const fitScale = printedWidth <= 0 ? 100 : Math.min(100, Math.floor((TEMPLATE_PRINTABLE_WIDTH * 100) / printedWidth));
  if (fitScale >= MIN_TEMPLATE_SCALE) return { scale: fitScale, pagesWide: 1, printedWidth, fitScale };
  const pagesWide = pagesAcross(printedWidths, titles, MIN_TEMPLATE_SCALE);
  let scale = MIN_TEMPLATE_SCALE;
  while (scale < 100 && pagesAcross(printedWidths, titles, scale + 1) <= pagesWide) scale++;
  return { scale, pagesWide, printedWidth, fitScale };
}
