/**
 * The evaluation report as a Word file (.docx) that opens in Word and WPS Writer, written with the `docx`
 * library from the one ReportDocument the sheet and the pane also render.
 *
 * Loaded lazily (see loadWordReport.ts): importing this module pulls in `docx`, which the pane only needs
 * when the user asks for the Word file.
 *
 * Every text from the plan, the sheet or the user goes in as a literal text run through `text:` (never as a
 * run child string, which `docx` would turn into a page-number field for "CURRENT" or "TOTAL_PAGES"), with
 * the characters XML 1.0 cannot hold dropped; the only fields in the file are the footer's page numbers.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import type { ReportColumn, ReportColumnKey, ReportDocument, ReportRow } from "../../../../core/reportDocument";

/** A chart for the Word file: a PNG and its size in pixels (only the aspect ratio matters; it is scaled to the page). */
export interface WordReportImage {
  title: string;
  png: Uint8Array;
  width: number;
  height: number;
}

// ---- Page: A4 landscape, in twentieths of a point (twips). ----

/** A4 is 210 × 297 mm. `docx` takes the portrait size and swaps it for landscape (w:pgSz w=16838 h=11906). */
const A4_SHORT_SIDE = 11906;
const A4_LONG_SIDE = 16838;
/** Margins for print: 25 mm top and bottom (room for the running header and the page number), 20 mm sides. */
const MARGIN = { top: 1418, bottom: 1418, left: 1134, right: 1134, header: 709, footer: 709 } as const;
/** The width the table and the charts fill. */
export const CONTENT_WIDTH_TWIPS = A4_LONG_SIDE - MARGIN.left - MARGIN.right;
const CONTENT_HEIGHT_TWIPS = A4_SHORT_SIDE - MARGIN.top - MARGIN.bottom;
/** `docx` sizes images in pixels at 96 to the inch; a twip is 1/1440 inch. */
const PIXELS_PER_TWIP = 96 / 1440;
/** Room left under a chart's title line (and a little slack so the chart never spills onto a page of its own). */
const IMAGE_TITLE_ALLOWANCE_PX = 60;

// ---- Type: fonts and sizes per language. ----

interface Fonts {
  ascii: string;
  hAnsi: string;
  cs: string;
  eastAsia: string;
  /** "eastAsia" makes Word and WPS set the characters both scripts share (“ ” ‘ ’ — …) in the Chinese font. */
  hint?: string;
}

interface Typography {
  /** w:lang for Latin text; East Asian text is always zh-CN. */
  language: string;
  titleFonts: Fonts;
  bodyFonts: Fonts;
  tableFonts: Fonts;
  /** Sizes in half-points, as w:sz takes them. */
  titleSize: number;
  titleBold: boolean;
  bodySize: number;
  sourceSize: number;
  tableSize: number;
  noteSize: number;
  headerSize: number;
  /** Body paragraphs: first-line indent (two characters in Chinese) and line spacing. */
  bodyParagraph: Pick<IParagraphOptions, "indent" | "spacing">;
  labels: {
    notes: string;
    counts: (label: string, count: number) => string;
    countSeparator: string;
    /** Between the title and the date in the running header. */
    headerSeparator: string;
    /** The footer: composed by the add-in, the only place with fields. */
    pageFooter: readonly (string | (typeof PageNumber)[keyof typeof PageNumber])[];
  };
}

const chineseFonts = (eastAsia: string, latin = "Times New Roman"): Fonts => ({
  ascii: latin,
  hAnsi: latin,
  cs: latin,
  eastAsia,
  hint: "eastAsia",
});

/**
 * Chinese: 黑体 (SimHei) title, 仿宋 (FangSong) body as official documents use (三号, 28 pt lines, first line
 * indented two characters), 宋体 (SimSun) in the table. Word and WPS on Chinese Windows know these names;
 * elsewhere they fall back to a Chinese font because w:eastAsia and w:lang eastAsia say the text is Chinese.
 */
const ZH: Typography = {
  language: "zh-CN",
  titleFonts: chineseFonts("黑体", "SimHei"),
  bodyFonts: chineseFonts("仿宋"),
  tableFonts: chineseFonts("宋体"),
  titleSize: 44, // 二号 22 pt
  titleBold: false,
  bodySize: 32, // 三号 16 pt
  sourceSize: 24, // 小四 12 pt
  tableSize: 21, // 五号 10.5 pt
  noteSize: 18, // 小五 9 pt
  headerSize: 18,
  bodyParagraph: {
    indent: { firstLineChars: 200, firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  },
  labels: {
    notes: "注：",
    counts: (label, count) => `${label}${count}项`,
    countSeparator: "；",
    headerSeparator: "\u3000",
    pageFooter: ["第 ", PageNumber.CURRENT, " 页 共 ", PageNumber.TOTAL_PAGES, " 页"],
  },
};

/** English: Times New Roman for the title and the text, Calibri in the table; Chinese names still get 宋体. */
const EN: Typography = {
  language: "en-US",
  titleFonts: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "宋体" },
  bodyFonts: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "宋体" },
  tableFonts: { ascii: "Calibri", hAnsi: "Calibri", cs: "Calibri", eastAsia: "宋体" },
  titleSize: 36,
  titleBold: true,
  bodySize: 24,
  sourceSize: 20,
  tableSize: 20,
  noteSize: 18,
  headerSize: 18,
  bodyParagraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 120 } },
  labels: {
    notes: "Notes:",
    counts: (label, count) => `${label}: ${count}`,
    countSeparator: "; ",
    headerSeparator: " · ",
    pageFooter: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
  },
};

// ---- Text as data. ----

/**
 * The text with what XML 1.0 cannot hold removed (C0 controls other than tab, line feed and carriage return;
 * U+FFFE, U+FFFF) and unpaired surrogates replaced by U+FFFD. Everything else, markup characters included,
 * stays as it is: `docx` escapes it.
 */
export function xmlSafeText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else out += "\uFFFD";
    } else if (code >= 0xdc00 && code <= 0xdfff) out += "\uFFFD";
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff)
      continue;
    else out += text[i]!;
  }
  return out;
}

type RunStyle = Omit<IRunOptions, "text" | "children" | "break">;

/** Literal text runs: line breaks become w:br, tabs w:tab; nothing in the text is interpreted. */
function textRuns(text: string, style: RunStyle): TextRun[] {
  const runs: TextRun[] = [];
  xmlSafeText(text)
    .split(/\r\n|\r|\n/)
    .forEach((line, lineIndex) => {
      line.split("\t").forEach((part, partIndex) => {
        const lineBreak = lineIndex > 0 && partIndex === 0 ? { break: 1 } : {};
        if (partIndex > 0) runs.push(new TextRun({ ...style, children: [new Tab()] }));
        runs.push(new TextRun({ ...style, ...lineBreak, text: part }));
      });
    });
  return runs;
}

// ---- The table. ----

/** Columns that hold prose, aligned left; the others (numbers, codes, verdicts) are centred. */
const LEFT_ALIGNED: ReadonlySet<ReportColumnKey> = new Set(["name", "leadUnit", "analysis"]);

/**
 * Integer twip widths proportional to the columns' relative widths that add up to exactly `total`
 * (largest remainder). A width that is not a positive number counts as 1.
 */
export function columnWidthsTwips(columns: readonly Pick<ReportColumn, "width">[], total: number): number[] {
  if (columns.length === 0) return [];
  const weights = columns.map((column) => (Number.isFinite(column.width) && column.width > 0 ? column.width : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const widths = exact.map(Math.floor);
  let left = total - widths.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    widths[index]! += 1;
    left -= 1;
  }
  return widths;
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const TABLE_BORDERS = {
  top: CELL_BORDER,
  bottom: CELL_BORDER,
  left: CELL_BORDER,
  right: CELL_BORDER,
  insideHorizontal: CELL_BORDER,
  insideVertical: CELL_BORDER,
} as const;
const CELL_MARGINS = { top: 30, bottom: 30, left: 80, right: 80 } as const;
const HEADER_FILL = "D9D9D9";
const GROUP_FILL = "F2F2F2";

function cellParagraph(text: string, style: RunStyle, alignment: IParagraphOptions["alignment"], keepNext = false) {
  return new Paragraph({
    alignment,
    ...(keepNext ? { keepNext: true } : {}),
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: { firstLine: 0, firstLineChars: 0 },
    children: textRuns(text, style),
  });
}

type TableCellOptions = ConstructorParameters<typeof TableCell>[0];

function tableCell(width: number, paragraph: Paragraph, extra: Partial<TableCellOptions> = {}): TableCell {
  return new TableCell({
    children: [paragraph],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...extra,
  });
}

function reportTable(doc: ReportDocument, type: Typography): Table | null {
  const columns = doc.columns;
  if (columns.length === 0) return null;
  const widths = columnWidthsTwips(columns, CONTENT_WIDTH_TWIPS);
  const cellStyle: RunStyle = { font: type.tableFonts, size: type.tableSize };

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, index) =>
      tableCell(widths[index]!, cellParagraph(column.header, { ...cellStyle, bold: true }, AlignmentType.CENTER), {
        shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL },
      }),
    ),
  });

  const rows: TableRow[] = [header];
  let category: string | null = null;
  for (const row of doc.rows) {
    if (row.category !== category) {
      category = row.category;
      if (category.trim() !== "") rows.push(groupRow(category, cellStyle, columns.length));
    }
    rows.push(indicatorRow(row, columns, widths, cellStyle));
  }

  return new Table({
    rows,
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    alignment: AlignmentType.CENTER,
  });
}

/** The category line above a group of rows: one cell across the table, kept with the row under it. */
function groupRow(category: string, cellStyle: RunStyle, span: number): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      tableCell(CONTENT_WIDTH_TWIPS, cellParagraph(category, { ...cellStyle, bold: true }, AlignmentType.LEFT, true), {
        columnSpan: span,
        shading: { type: ShadingType.CLEAR, color: "auto", fill: GROUP_FILL },
      }),
    ],
  });
}

/** An indicator's row: its cells in the report's column order; a binding (约束性) indicator's verdict in bold. */
function indicatorRow(
  row: ReportRow,
  columns: readonly ReportColumn[],
  widths: number[],
  cellStyle: RunStyle,
): TableRow {
  return new TableRow({
    cantSplit: true,
    children: columns.map((column, index) => {
      const bold = row.binding && column.key === "verdict";
      const alignment = LEFT_ALIGNED.has(column.key) ? AlignmentType.LEFT : AlignmentType.CENTER;
      const text = row.cells[column.key] ?? "";
      return tableCell(widths[index]!, cellParagraph(text, bold ? { ...cellStyle, bold: true } : cellStyle, alignment));
    }),
  });
}

// ---- Charts. ----

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function checkImage(image: WordReportImage, index: number): void {
  const where = `Word report image ${index + 1} ("${image.title}")`;
  const png: Uint8Array | undefined = ArrayBuffer.isView(image.png) ? image.png : undefined;
  if (!png || png.length < PNG_SIGNATURE.length || !PNG_SIGNATURE.every((byte, i) => png[i] === byte)) {
    throw new Error(`${where} is not a PNG file (it does not start with the PNG signature)`);
  }
  if (!(Number.isFinite(image.width) && image.width > 0 && Number.isFinite(image.height) && image.height > 0)) {
    throw new Error(`${where} needs a positive width and height, got ${image.width} × ${image.height}`);
  }
}

/** The size, in pixels at 96 dpi, at which a chart fills the page width without running past the page's height. */
export function imageDisplaySize(width: number, height: number): { width: number; height: number } {
  const maxWidth = CONTENT_WIDTH_TWIPS * PIXELS_PER_TWIP;
  const maxHeight = CONTENT_HEIGHT_TWIPS * PIXELS_PER_TWIP - IMAGE_TITLE_ALLOWANCE_PX;
  const scale = Math.min(maxWidth / width, maxHeight / height);
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

function imageParagraphs(images: readonly WordReportImage[], type: Typography): Paragraph[] {
  return images.flatMap((image, index) => {
    const size = imageDisplaySize(image.width, image.height);
    const title = xmlSafeText(image.title);
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        pageBreakBefore: index === 0,
        spacing: { before: index === 0 ? 0 : 240, after: 120 },
        children: textRuns(image.title, { font: type.titleFonts, size: type.bodySize, bold: true }),
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: "png",
            data: image.png,
            transformation: size,
            altText: { name: `chart-${index + 1}`, title, description: title },
          }),
        ],
      }),
    ];
  });
}

// ---- The document. ----

/**
 * The report as a .docx file: A4 landscape; title, date, source, summary, counts, the indicator table (header
 * row repeated on every page, rows kept whole, a line per category, binding rows' verdict in bold), the notes,
 * then the charts scaled to the page width. Running header: title and date; footer: page X of Y.
 */
export async function buildWordReport(
  doc: ReportDocument,
  images: readonly WordReportImage[] = [],
): Promise<Uint8Array> {
  images.forEach(checkImage);
  const type = doc.lang === "zh" ? ZH : EN;
  const body: RunStyle = { font: type.bodyFonts, size: type.bodySize };

  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240 },
      // 黑体 is heavy enough as it is; the English title is set in bold.
      children: textRuns(doc.title, {
        font: type.titleFonts,
        size: type.titleSize,
        ...(type.titleBold ? { bold: true } : {}),
      }),
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: textRuns(doc.dateText, body) }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240 },
      children: textRuns(doc.source, { font: type.bodyFonts, size: type.sourceSize }),
    }),
    ...doc.summary.map(
      (paragraph) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          ...type.bodyParagraph,
          children: textRuns(paragraph, body),
        }),
    ),
  ];

  if (doc.counts.length > 0) {
    const countsText = doc.counts
      .map((count) => type.labels.counts(count.label, count.count))
      .join(type.labels.countSeparator);
    children.push(
      new Paragraph({
        ...type.bodyParagraph,
        spacing: { ...type.bodyParagraph.spacing, after: 240 },
        children: textRuns(countsText, body),
      }),
    );
  }

  const table = reportTable(doc, type);
  if (table) children.push(table);

  if (doc.notes.length > 0) {
    const note: RunStyle = { font: type.bodyFonts, size: type.noteSize };
    const noteSpacing = { before: 0, after: 0, line: 300, lineRule: LineRuleType.AUTO };
    children.push(
      new Paragraph({
        spacing: { ...noteSpacing, before: 160 },
        children: textRuns(type.labels.notes, { ...note, bold: true }),
      }),
      ...doc.notes.map((text) => new Paragraph({ spacing: noteSpacing, children: textRuns(text, note) })),
    );
  }

  children.push(...imageParagraphs(images, type));

  const document = new Document({
    title: xmlSafeText(doc.title),
    subject: xmlSafeText(doc.source),
    creator: "Plan Tracker",
    lastModifiedBy: "Plan Tracker",
    styles: {
      default: {
        document: {
          run: { font: type.bodyFonts, size: type.bodySize, language: { value: type.language, eastAsia: "zh-CN" } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT_SIDE, height: A4_LONG_SIDE, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: "000000", space: 1 } },
                children: textRuns(`${doc.title}${type.labels.headerSeparator}${doc.dateText}`, {
                  font: type.bodyFonts,
                  size: type.headerSize,
                }),
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ font: type.bodyFonts, size: type.headerSize, children: type.labels.pageFooter }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });

  return Packer.pack(document, "uint8array");
}
