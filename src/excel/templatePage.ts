/**
 * The template's look on screen and on paper, queued on a fresh sheet (no sync of its own: it goes out with
 * the insert's write). Column widths fit what each column shows; the indicator columns (序号 … 指标) and the
 * rows down to the header stay in view while staff scroll (freezePanes.freezeAt); on paper: A4 landscape, the
 * printed columns at the scale templatePrint.ts works out, the header row repeated at the top of each page
 * and the indicator columns at the left of each page wider than one, the plan's title in the page header.
 *
 * The print area runs from A1 to the last computed column: the technical columns inside it are hidden, and
 * Excel does not print hidden columns, so they take no room on paper (one print area, not several: Excel
 * prints each area of a multi-area print area on pages of its own).
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout (setPrintArea,
 * setPrintTitleRows, setPrintTitleColumns, zoom), .../excel.worksheetfreezepanes#excel-excel-worksheetfreezepanes-freezeat-member-1
 */
import type { Lang } from "../core/messages";
import type { TemplateColumn } from "../core/templateLayout";
import { columnLetters } from "./a1";
import { INDICATOR_COLUMNS, TEMPLATE_MARGINS, templatePrint, type TemplatePrint } from "./templatePrint";

/** How the template was laid out for print: the scale and pages across, and the notice when it is wider than a page. */
export interface TemplatePrintSetup extends TemplatePrint {
  /** Why the print is more than one page wide (null when it is one page wide): shown in the footer and the pane. */
  note: { zh: string; en: string } | null;
}

/** Excel's header and footer codes start with "&": a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The wide-print note: what was done, in planning staff's words. */
export function widePrintNote(print: TemplatePrint): { zh: string; en: string } | null {
  if (print.pagesWide <= 1) return null;
  return {
    zh: `本表列数较多，按一页宽打印只能缩小到 ${print.fitScale}%，字太小；现按 ${print.pagesWide} 页宽、${print.scale}% 打印，每页左侧重复序号、类型、指标列。`,
    en: `This table is too wide for one page (it would print at ${print.fitScale}%, too small to read): it prints ${print.pagesWide} pages wide at ${print.scale}%, with the No., Category and Indicator columns repeated on each page.`,
  };
}

export interface TemplatePage {
  sheet: Excel.Worksheet;
  columns: readonly TemplateColumn[];
  /** Widths in points, one per column (templateColumnWidths). */
  widths: readonly number[];
  /** 1-based sheet rows: the header and the last body row. */
  headerRow: number;
  lastRow: number;
  title: string;
  lang: Lang;
}

/** Queues widths, freeze panes and page setup; returns the print set-up used. */
export function layoutTemplatePage(p: TemplatePage): TemplatePrintSetup {
  const { sheet, columns, widths } = p;
  columns.forEach((_c, i) => {
    sheet.getRange(`${columnLetters(i)}1`).format.columnWidth = widths[i]!;
  });
  const titles = columns.reduce((last, c, i) => (INDICATOR_COLUMNS.includes(c.key) ? i : last), -1);
  // Hidden technical columns are not printed: they take no width on paper.
  const printed = widths.filter((_w, i) => columns[i]!.role !== "technical");
  const print = templatePrint(printed, titles + 1);
  const titleLetter = columnLetters(Math.max(0, titles));
  sheet.freezePanes.freezeAt(`A1:${titleLetter}${p.headerRow}`);

  const page = sheet.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = "A4";
  page.leftMargin = TEMPLATE_MARGINS.left;
  page.rightMargin = TEMPLATE_MARGINS.right;
  page.topMargin = TEMPLATE_MARGINS.top;
  page.bottomMargin = TEMPLATE_MARGINS.bottom;
  page.headerMargin = TEMPLATE_MARGINS.header;
  page.footerMargin = TEMPLATE_MARGINS.footer;
  // A set scale, not "fit to 1 page wide": a column staff widen later moves to another page instead of
  // shrinking every figure below legibility.
  page.zoom = { scale: print.scale };
  page.setPrintTitleRows(`$${p.headerRow}:$${p.headerRow}`);
  if (titles >= 0) page.setPrintTitleColumns(`$A:$${titleLetter}`);
  page.setPrintArea(`A1:${columnLetters(columns.length - 1)}${Math.max(p.lastRow, p.headerRow)}`);
  const note = widePrintNote(print);
  const all = page.headersFooters.defaultForAllPages;
  // One header or footer holds at most 255 characters with its section codes.
  all.centerHeader = headerText(Array.from(p.title).slice(0, 120).join(""));
  all.centerFooter = p.lang === "zh" ? "第 &P 页，共 &N 页" : "Page &P of &N";
  if (note) all.leftFooter = headerText(note[p.lang]);
  return { ...print, note };
}
