/**
 * The Word export (src/taskpane/app/report/word): the .docx is read back with readers that share no code with
 * the writer — JSZip to open the package, @xmldom/xmldom to parse its XML, mammoth for the text as Word
 * readers see it — and, where LibreOffice is installed, converted to PDF and text by a real word processor.
 * svgToPng runs in Debian's Chromium, as the pane would.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { DOMParser, type Document as XmlDocument, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import mammoth from "mammoth";
import { chromium, type Browser, type Page } from "playwright-core";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument, ReportRow } from "../../src/core/reportDocument";
import { loadWordReport } from "../../src/taskpane/app/report/word/loadWordReport";
import { svgToPng } from "../../src/taskpane/app/report/word/svgToPng";
import { sanitizeFileStem, wordReportFileName } from "../../src/taskpane/app/report/word/wordFileName";
import {
  buildWordReport,
  columnWidthsTwips,
  CONTENT_WIDTH_TWIPS,
  imageDisplaySize,
  xmlSafeText,
  type WordReportImage,
} from "../../src/taskpane/app/report/word/wordReport";
import { COLUMN_KEYS, reportDocument, row, tinyPng } from "./reportFixtures";

const projectDir = path.resolve(__dirname, "../..");
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const MAIN_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const OFFICE_DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const EMU_PER_PIXEL = 9525;

// ---- Reading a .docx back, independently of `docx`. ----

function parseXml(text: string, name: string): XmlDocument {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${name} is not well-formed XML: ${message}`);
    },
  }).parseFromString(text, "application/xml");
}

interface Docx {
  zip: JSZip;
  bytes: Uint8Array;
  xml(name: string): Promise<XmlDocument>;
  text(name: string): Promise<string>;
}

async function openDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`the package has no part ${name}`);
    return file.async("string");
  };
  return { zip, bytes, text, xml: async (name) => parseXml(await text(name), name) };
}

const children = (node: Element, ns: string, local: string): Element[] =>
  Array.from(node.childNodes).filter(
    (child): child is Element =>
      child.nodeType === 1 && (child as Element).namespaceURI === ns && (child as Element).localName === local,
  );
const child = (node: Element, ns: string, local: string): Element | undefined => children(node, ns, local)[0];
const all = (node: Element | XmlDocument, ns: string, local: string): Element[] =>
  Array.from(node.getElementsByTagNameNS(ns, local));
const wAttr = (node: Element | undefined, name: string): string | null => node?.getAttributeNS(W, name) ?? null;
/** An on/off property (w:b, w:tblHeader, w:cantSplit …) that is present and not switched off by w:val. */
const on = (node: Element | undefined): boolean =>
  node !== undefined && !["false", "0", "off"].includes(wAttr(node, "val") ?? "true");
/** How many of the element's `local` descendants are switched on. */
const countOn = (node: Element, local: string): number => all(node, W, local).filter(on).length;

/** A paragraph's text as a reader sees it: w:t text, w:tab as "\t", w:br as "\n". */
function paragraphText(paragraph: Element): string {
  let text = "";
  for (const run of all(paragraph, W, "r")) {
    for (const node of Array.from(run.childNodes)) {
      if (node.nodeType !== 1 || (node as Element).namespaceURI !== W) continue;
      const element = node as Element;
      if (element.localName === "t") text += element.textContent ?? "";
      else if (element.localName === "tab") text += "\t";
      else if (element.localName === "br") text += "\n";
    }
  }
  return text;
}

const cellText = (cell: Element) => children(cell, W, "p").map(paragraphText).join("\n");
const rowTexts = (tr: Element) => children(tr, W, "tc").map(cellText);

async function body(docx: Docx): Promise<Element> {
  const document = await docx.xml("word/document.xml");
  const found = child(document.documentElement!, W, "body");
  if (!found) throw new Error("word/document.xml has no w:body");
  return found;
}

/** The body's blocks in order: a paragraph as its text, a table as its rows' cell texts. */
async function blocks(docx: Docx): Promise<Array<{ p: string } | { table: string[][] }>> {
  const out: Array<{ p: string } | { table: string[][] }> = [];
  for (const node of Array.from((await body(docx)).childNodes)) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.localName === "p") out.push({ p: paragraphText(element) });
    else if (element.localName === "tbl") out.push({ table: children(element, W, "tr").map(rowTexts) });
  }
  return out;
}

async function theTable(docx: Docx): Promise<Element> {
  const tables = children(await body(docx), W, "tbl");
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

/** The rows the table must have: the header, then per row a category line when the category changes, then its cells. */
function expectedTableRows(doc: ReportDocument): string[][] {
  const rows: string[][] = [doc.columns.map((column) => column.header)];
  let category: string | null = null;
  for (const r of doc.rows) {
    if (r.category !== category) {
      category = r.category;
      if (category.trim() !== "") rows.push([category]);
    }
    rows.push(doc.columns.map((column) => r.cells[column.key]));
  }
  return rows;
}

/** Checks the package the way a strict reader does: content types, relationships, well-formed parts. */
async function expectValidPackage(docx: Docx): Promise<void> {
  const names = Object.keys(docx.zip.files).filter((name) => !docx.zip.files[name]!.dir);
  const types = (await docx.xml("[Content_Types].xml")).documentElement!;
  expect(types.namespaceURI).toBe(CT);
  const defaults = new Map(
    children(types, CT, "Default").map((d) => [
      d.getAttribute("Extension")!.toLowerCase(),
      d.getAttribute("ContentType")!,
    ]),
  );
  const overrides = new Map(
    children(types, CT, "Override").map((o) => [o.getAttribute("PartName")!, o.getAttribute("ContentType")!]),
  );
  for (const name of names) {
    if (name === "[Content_Types].xml") continue;
    const type = overrides.get(`/${name}`) ?? defaults.get(name.split(".").pop()!.toLowerCase());
    expect(type, `content type of ${name}`).toBeTruthy();
    if (name.endsWith(".xml") || name.endsWith(".rels")) await docx.xml(name); // well-formed
  }
  for (const part of overrides.keys()) expect(names, `override for a missing part ${part}`).toContain(part.slice(1));
  expect(overrides.get("/word/document.xml")).toBe(MAIN_DOCUMENT_TYPE);

  const packageRels = (await docx.xml("_rels/.rels")).documentElement!;
  const officeDocument = children(packageRels, REL, "Relationship").filter(
    (r) => r.getAttribute("Type") === OFFICE_DOCUMENT_REL,
  );
  expect(officeDocument.map((r) => r.getAttribute("Target")!.replace(/^\//, ""))).toEqual(["word/document.xml"]);

  for (const relsName of names.filter((name) => name.endsWith(".rels"))) {
    const base = path.posix.dirname(path.posix.dirname(relsName));
    const rels = children((await docx.xml(relsName)).documentElement!, REL, "Relationship");
    const ids = rels.map((r) => r.getAttribute("Id"));
    expect(new Set(ids).size, `duplicate relationship ids in ${relsName}`).toBe(ids.length);
    for (const rel of rels) {
      if (rel.getAttribute("TargetMode") === "External") continue;
      const target = rel.getAttribute("Target")!;
      const resolved = target.startsWith("/")
        ? target.slice(1)
        : path.posix.normalize(path.posix.join(base === "." ? "" : base, target));
      expect(names, `${relsName}: ${target}`).toContain(resolved);
    }
  }

  // Every relationship the main document uses exists; every drawing has its own id.
  const documentRelIds = new Set(
    children((await docx.xml("word/_rels/document.xml.rels")).documentElement!, REL, "Relationship").map((r) =>
      r.getAttribute("Id"),
    ),
  );
  const documentXml = await docx.text("word/document.xml");
  for (const [, id] of documentXml.matchAll(/r:(?:id|embed)="([^"]+)"/g))
    expect(documentRelIds, `r:id ${id}`).toContain(id);
  const drawingIds = all((await docx.xml("word/document.xml")).documentElement!, WP, "docPr").map((d) =>
    d.getAttribute("id"),
  );
  expect(new Set(drawingIds).size).toBe(drawingIds.length);
}

const mammothText = async (bytes: Uint8Array) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.split("\n").filter((line) => line !== "");

function image(title: string, width = 800, height = 400): WordReportImage {
  return { title, png: tinyPng(4, 2), width, height };
}

// ---- The document, Chinese. ----

describe("buildWordReport: a Chinese report with 9 rows, binding rows, categories, notes and a chart", () => {
  const doc = reportDocument("zh", 9);
  const chart = image("图1 主要指标完成进度与时间进度");
  let docx: Docx;
  beforeAll(async () => {
    docx = await openDocx(await buildWordReport(doc, [chart]));
  });

  it("is a valid OOXML package: content types for every part, every relationship resolves, every part well-formed", async () => {
    await expectValidPackage(docx);
  });

  it("is one A4 landscape section with print margins", async () => {
    const sections = all(await body(docx), W, "sectPr");
    expect(sections).toHaveLength(1);
    const size = child(sections[0]!, W, "pgSz")!;
    expect([wAttr(size, "w"), wAttr(size, "h"), wAttr(size, "orient")]).toEqual(["16838", "11906", "landscape"]);
    const margin = child(sections[0]!, W, "pgMar")!;
    expect(["top", "bottom", "left", "right"].map((side) => wAttr(margin, side))).toEqual([
      "1418",
      "1418",
      "1134",
      "1134",
    ]);
  });

  it("reads title, date, source, summary, counts, table, notes and chart title in that order", async () => {
    const read = await blocks(docx);
    const counts = "提前实现2项；快于预期2项；基本符合预期1项；滞后1项；未完成1项；数据未更新1项；无法判断1项";
    expect(read).toEqual([
      { p: "张掖市“十四五”科技创新规划主要指标2025年总结评估" },
      { p: "2026年11月30日" },
      { p: "《张掖市“十四五”科技创新规划》 张掖市科学技术局" },
      { p: "规划确定的9项主要指标中，多数指标达到或超过规划序时进度要求。" },
      { p: "其中，约束性指标进展总体符合预期，但仍有部分指标进展较缓，需要进一步加大工作力度。" },
      { p: counts },
      { table: expectedTableRows(doc) },
      { p: "注：" },
      { p: "完成进度 =（实际值 − 基期值）÷（目标值 − 基期值）。" },
      { p: "带*的指标基期年为2019年。" },
      { p: "图1 主要指标完成进度与时间进度" },
      { p: "" }, // the chart's paragraph
    ]);
  });

  it("indents summary paragraphs by two characters and sets Chinese fonts (黑体 title, 仿宋 text, 宋体 table) for Word and WPS", async () => {
    const paragraphs = children(await body(docx), W, "p");
    const summary = paragraphs.filter(
      (p) => paragraphText(p).startsWith("规划确定") || paragraphText(p).startsWith("其中"),
    );
    expect(summary).toHaveLength(2);
    for (const p of summary) {
      const indent = child(child(p, W, "pPr")!, W, "ind");
      expect(wAttr(indent, "firstLineChars")).toBe("200");
    }
    const fontsOf = (p: Element) => all(p, W, "rFonts").map((f) => [wAttr(f, "eastAsia"), wAttr(f, "hint")]);
    expect(fontsOf(paragraphs[0]!)).toEqual([["黑体", "eastAsia"]]);
    expect(countOn(paragraphs[0]!, "b")).toBe(0); // 黑体 is not set in bold
    expect(fontsOf(summary[0]!)).toEqual([["仿宋", "eastAsia"]]);
    const tableFonts = all(await theTable(docx), W, "rFonts").map((f) => wAttr(f, "eastAsia"));
    expect(new Set(tableFonts)).toEqual(new Set(["宋体"]));
    const styles = await docx.xml("word/styles.xml");
    const lang = all(styles.documentElement!, W, "lang")[0];
    expect([wAttr(lang, "val"), wAttr(lang, "eastAsia")]).toEqual(["zh-CN", "zh-CN"]);
  });

  it("has a header row repeated on every page, rows that cannot split, and column widths proportional to the columns'", async () => {
    const table = await theTable(docx);
    const rows = children(table, W, "tr");
    const rowProps = rows.map((tr) => child(tr, W, "trPr"));
    expect(rowProps.map((props) => on(child(props!, W, "tblHeader")))).toEqual(rows.map((_, i) => i === 0));
    expect(rowProps.every((props) => on(child(props!, W, "cantSplit")))).toBe(true);
    // Widths 4,22,6,6,8,8,8,7,7,8,10,16 of 110 over 14,570 twips, largest remainder.
    const grid = children(child(table, W, "tblGrid")!, W, "gridCol").map((col) => Number(wAttr(col, "w")));
    expect(grid).toEqual([530, 2914, 795, 795, 1060, 1060, 1060, 927, 927, 1059, 1324, 2119]);
    expect(wAttr(child(child(table, W, "tblPr")!, W, "tblLayout"), "type")).toBe("fixed");
    // A category line spans every column.
    const group = rows[1]!;
    expect(rowTexts(group)).toEqual(["创新能力"]);
    expect(wAttr(child(child(children(group, W, "tc")[0]!, W, "tcPr")!, W, "gridSpan"), "val")).toBe("12");
    // The category line stays with the row under it; indicator rows are not chained to the next.
    expect(rows.map((tr) => countOn(tr, "keepNext"))).toEqual(rows.map((tr) => (rowTexts(tr).length === 1 ? 1 : 0)));
  });

  it("sets binding rows' verdict in bold, and nothing else in the indicator rows", async () => {
    const rows = children(await theTable(docx), W, "tr");
    const verdictColumn = COLUMN_KEYS.indexOf("verdict");
    const byNumber = new Map(rows.map((tr) => [rowTexts(tr)[0], tr]));
    for (const r of doc.rows) {
      const cells = children(byNumber.get(r.cells.number)!, W, "tc");
      const boldCells = cells.map((cell) => countOn(cell, "b") > 0);
      expect(boldCells, `row ${r.cells.number} (binding ${r.binding})`).toEqual(
        cells.map((_, i) => r.binding && i === verdictColumn),
      );
    }
    expect(doc.rows.filter((r) => r.binding).map((r) => r.cells.number)).toEqual(["1", "4", "7"]);
  });

  it("embeds the chart as a PNG part, scaled to the page width", async () => {
    const media = Object.keys(docx.zip.files).filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(new Uint8Array(await docx.zip.file(media[0]!)!.async("uint8array"))).toEqual(chart.png);
    const rels = children((await docx.xml("word/_rels/document.xml.rels")).documentElement!, REL, "Relationship");
    const blip = all((await docx.xml("word/document.xml")).documentElement!, A, "blip")[0]!;
    const rel = rels.find((r) => r.getAttribute("Id") === blip.getAttributeNS(R, "embed"));
    expect(rel?.getAttribute("Type")).toBe(IMAGE_REL);
    expect(`word/${rel?.getAttribute("Target")}`).toBe(media[0]);
    // 14,570 twips = 971 px at 96 dpi wide; 800 × 400 keeps its 2:1 shape.
    const extent = all((await docx.xml("word/document.xml")).documentElement!, WP, "extent")[0]!;
    expect([extent.getAttribute("cx"), extent.getAttribute("cy")]).toEqual([
      String(971 * EMU_PER_PIXEL),
      String(485 * EMU_PER_PIXEL),
    ]);
    const docPr = all((await docx.xml("word/document.xml")).documentElement!, WP, "docPr")[0]!;
    expect(docPr.getAttribute("descr")).toBe(chart.title);
  });

  it("puts the title and date in the page header and “第 X 页 共 Y 页” in the footer", async () => {
    const header = (await docx.xml("word/header1.xml")).documentElement!;
    expect(all(header, W, "p").map(paragraphText)).toEqual([
      "张掖市“十四五”科技创新规划主要指标2025年总结评估\u30002026年11月30日",
    ]);
    const footer = (await docx.xml("word/footer1.xml")).documentElement!;
    expect(all(footer, W, "p").map(paragraphText)).toEqual(["第  页 共  页"]); // the numbers are fields
    expect(all(footer, W, "instrText").map((i) => i.textContent?.trim())).toEqual(["PAGE", "NUMPAGES"]);
    // The document's section uses that header and footer.
    const section = all(await body(docx), W, "sectPr")[0]!;
    expect(children(section, W, "headerReference").map((h) => wAttr(h, "type"))).toEqual(["default"]);
    expect(children(section, W, "footerReference").map((f) => wAttr(f, "type"))).toEqual(["default"]);
  });

  it("reads the same through mammoth: the summary paragraphs, every table cell, the notes", async () => {
    const lines = await mammothText(docx.bytes);
    expect(lines.slice(0, 5)).toEqual([doc.title, doc.dateText, doc.source, ...doc.summary]);
    const expectedCells = expectedTableRows(doc).flat();
    const tableStart = lines.indexOf("序号");
    expect(lines.slice(tableStart, tableStart + expectedCells.length)).toEqual(expectedCells);
    expect(lines.slice(-3)).toEqual([...doc.notes, "图1 主要指标完成进度与时间进度"]);
  });

  it("records the title in the document properties", async () => {
    const core = (await docx.xml("docProps/core.xml")).documentElement!;
    expect(all(core, "http://purl.org/dc/elements/1.1/", "title")[0]?.textContent).toBe(doc.title);
  });
});

// ---- English, and the sizes of a report. ----

describe("buildWordReport: English and the number of rows", () => {
  it("sets an English report in Times New Roman and Calibri, without the Chinese indent, with “Page X of Y”", async () => {
    const doc = reportDocument("en", 3);
    const docx = await openDocx(await buildWordReport(doc));
    await expectValidPackage(docx);
    const read = await blocks(docx);
    expect(read).toEqual([
      { p: doc.title },
      { p: "30 November 2026" },
      { p: doc.source },
      { p: doc.summary[0] },
      { p: doc.summary[1] },
      { p: "achieved: 1; ahead: 1; on track: 1; lagging: 0; missed: 0; stale: 0; not assessed: 0" },
      { table: expectedTableRows(doc) },
      { p: "Notes:" },
      ...doc.notes.map((p) => ({ p })),
    ]);
    const paragraphs = children(await body(docx), W, "p");
    const summary = paragraphs[3]!;
    expect(all(summary, W, "ind")).toHaveLength(0);
    expect(wAttr(all(summary, W, "rFonts")[0], "ascii")).toBe("Times New Roman");
    expect(
      new Set(all(await theTable(docx), W, "rFonts").map((f) => [wAttr(f, "ascii"), wAttr(f, "eastAsia")].join("/"))),
    ).toEqual(new Set(["Calibri/宋体"]));
    expect(countOn(paragraphs[0]!, "b")).toBe(1); // the English title is bold
    const footer = (await docx.xml("word/footer1.xml")).documentElement!;
    expect(all(footer, W, "p").map(paragraphText)).toEqual(["Page  of "]);
    const header = (await docx.xml("word/header1.xml")).documentElement!;
    expect(all(header, W, "p").map(paragraphText)).toEqual([`${doc.title} · 30 November 2026`]);
    expect(Object.keys(docx.zip.files).some((name) => name.startsWith("word/media/"))).toBe(false);
    const styles = await docx.xml("word/styles.xml");
    expect(wAttr(all(styles.documentElement!, W, "lang")[0], "val")).toBe("en-US");
  });

  it("with 0 rows: the table is only its header row, still marked to repeat", async () => {
    const doc = reportDocument("zh", 0, { notes: [] });
    const docx = await openDocx(await buildWordReport(doc));
    await expectValidPackage(docx);
    const rows = children(await theTable(docx), W, "tr");
    expect(rows.map(rowTexts)).toEqual([doc.columns.map((c) => c.header)]);
    expect(on(child(child(rows[0]!, W, "trPr")!, W, "tblHeader"))).toBe(true);
    // No notes: no "注：" line.
    expect((await blocks(docx)).at(-1)).toEqual({ table: [doc.columns.map((c) => c.header)] });
  });

  it("with 1 row: header, its category line, the row", async () => {
    const doc = reportDocument("zh", 1);
    const docx = await openDocx(await buildWordReport(doc));
    expect(children(await theTable(docx), W, "tr").map(rowTexts)).toEqual([
      [
        "序号",
        "指标",
        "属性",
        "单位",
        "基期值",
        "目标值",
        "实际值",
        "完成进度",
        "时间进度",
        "进度判断",
        "责任单位",
        "说明",
      ],
      ["创新能力"],
      [
        "1",
        "指标1：研发经费投入强度",
        "约束性",
        "%",
        "1.00",
        "2.00",
        "1.50",
        "50%",
        "100%",
        "提前实现",
        "市科技局1",
        "第1行说明",
      ],
    ]);
  });

  it("with 1,000 rows: every row's cells in order, a category line at each of the 143 changes, one header", async () => {
    const doc = reportDocument("zh", 1000);
    const started = performance.now();
    const bytes = await buildWordReport(doc);
    const elapsed = performance.now() - started;
    const docx = await openDocx(bytes);
    const rows = children(await theTable(docx), W, "tr");
    expect(rows).toHaveLength(1 + 1000 + 143);
    expect(rows.map(rowTexts)).toEqual(expectedTableRows(doc));
    expect(rows.filter((tr) => countOn(tr, "tblHeader") > 0)).toHaveLength(1);
    expect(rows.every((tr) => countOn(tr, "cantSplit") === 1)).toBe(true);
    expect(rows.at(-1) && rowTexts(rows.at(-1)!)[0]).toBe("1000");
    expect(elapsed).toBeLessThan(30_000); // catches a blow-up (a quadratic step), not a budget
    console.log(`1,000-row report: ${(bytes.length / 1024).toFixed(0)} kB, built in ${elapsed.toFixed(0)} ms`);
  }, 90_000);

  it("without a category (empty text) prints no category line; columns keep the report's order", async () => {
    const doc = reportDocument("en", 0, {
      columns: [
        { key: "name", header: "Indicator", width: 3 },
        { key: "verdict", header: "Verdict", width: 1 },
      ],
      rows: [row("en", 0, ""), row("en", 1, "")],
    });
    const docx = await openDocx(await buildWordReport(doc));
    const table = await theTable(docx);
    expect(children(table, W, "tr").map(rowTexts)).toEqual([
      ["Indicator", "Verdict"],
      ["Indicator 1: R&D intensity", "achieved"],
      ["Indicator 2: R&D intensity", "ahead"],
    ]);
    expect(children(child(table, W, "tblGrid")!, W, "gridCol").map((c) => wAttr(c, "w"))).toEqual(["10928", "3642"]);
  });
});

// ---- Text is data. ----

const HOSTILE = [
  "<w:t>injected</w:t>",
  "A & B &amp; C",
  "quote \" and apostrophe '",
  "{ PAGE } { NUMPAGES } {=1+1}",
  "=SUM(A1)",
  "+cmd|' /C calc'!A0",
  "CURRENT",
  "TOTAL_PAGES",
  "]]><!-- --><?xml version='1.0'?>",
  "emoji 📈🇨🇳👩‍🔬 and 𠮷",
  "line one\nline two\r\nline three",
  "tab\tseparated",
  "  leading and trailing spaces  ",
  "目标值≥2.5%，〔13.5〕，前3位",
];
const LONG = "很长的说明".repeat(2000) + "<&>";
/** Word has one kind of line break: "\r\n" and "\r" read back as "\n". */
const lines = (text: string) => text.replace(/\r\n|\r/g, "\n");

describe("buildWordReport: text from the plan and the user is written as literal text", () => {
  const hostileRows: ReportRow[] = HOSTILE.map((text, i) =>
    row("zh", i, HOSTILE[(i + 3) % HOSTILE.length]!, {
      cells: { ...row("zh", i, "").cells, name: text, analysis: i === 0 ? LONG : text, leadUnit: `单位${text}` },
    }),
  );
  const doc = reportDocument("zh", 0, {
    title: `报告 ${HOSTILE[0]} ${HOSTILE[3]}`,
    source: HOSTILE[1]!,
    dateText: HOSTILE[4]!,
    summary: [...HOSTILE, LONG],
    counts: [{ verdict: "lagging", label: "<滞后>", count: 2 }],
    rows: hostileRows,
    notes: HOSTILE,
  });
  let docx: Docx;
  beforeAll(async () => {
    docx = await openDocx(await buildWordReport(doc, [image(HOSTILE[0]!), image(HOSTILE[9]!, 300, 900)]));
  });

  it("comes back verbatim: every paragraph and every table cell", async () => {
    await expectValidPackage(docx);
    const paragraphs = (texts: string[]) => texts.map((p) => ({ p: lines(p) }));
    expect(await blocks(docx)).toEqual([
      ...paragraphs([doc.title, doc.dateText, doc.source, ...doc.summary, "<滞后>2项"]),
      { table: expectedTableRows(doc).map((cells) => cells.map(lines)) },
      ...paragraphs(["注：", ...doc.notes, HOSTILE[0]!, "", HOSTILE[9]!, ""]),
    ]);
  });

  it("adds no field, formula or markup of its own: the only fields are the footer's PAGE and NUMPAGES", async () => {
    for (const part of ["word/document.xml", "word/header1.xml"]) {
      const root = (await docx.xml(part)).documentElement!;
      for (const name of ["fldSimple", "instrText", "fldChar", "hyperlink", "object", "altChunk"]) {
        expect(all(root, W, name), `${name} in ${part}`).toHaveLength(0);
      }
    }
    const footer = (await docx.xml("word/footer1.xml")).documentElement!;
    expect(all(footer, W, "instrText").map((i) => i.textContent?.trim())).toEqual(["PAGE", "NUMPAGES"]);
    // The injected element is text, not an element: one w:t per run, its text the literal markup.
    const document = await docx.text("word/document.xml");
    expect(document).not.toContain("<w:t>injected</w:t>");
    expect(document).toContain("&lt;w:t&gt;injected&lt;/w:t&gt;");
  });

  it("keeps line breaks and tabs as breaks and tabs, and the header's text verbatim", async () => {
    const paragraphs = children(await body(docx), W, "p");
    const multiLine = paragraphs.find((p) => paragraphText(p) === "line one\nline two\nline three")!;
    expect(all(multiLine, W, "br")).toHaveLength(2);
    const tabbed = paragraphs.find((p) => paragraphText(p) === "tab\tseparated")!;
    expect(all(tabbed, W, "tab")).toHaveLength(1);
    const header = (await docx.xml("word/header1.xml")).documentElement!;
    expect(all(header, W, "p").map(paragraphText)).toEqual([`${doc.title}\u3000${doc.dateText}`]);
    const core = (await docx.xml("docProps/core.xml")).documentElement!;
    expect(all(core, "http://purl.org/dc/elements/1.1/", "title")[0]?.textContent).toBe(doc.title);
  });

  it("reads back verbatim through mammoth too (its raw text drops line breaks; its HTML keeps them)", async () => {
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) })).value;
    for (const hostile of HOSTILE.filter((h) => !/[\r\n]/.test(h))) expect(text, hostile).toContain(hostile.trim());
    expect(text).toContain(LONG);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx.bytes) })).value;
    expect(html).toContain("line one<br />line two<br />line three");
    expect(html).toContain("&lt;w:t&gt;injected&lt;/w:t&gt;");
  });

  it("drops characters XML cannot hold instead of writing a file Word refuses", async () => {
    const control = reportDocument("en", 1, {
      title: "bell\u0007 null\u0000 escape\u001b end",
      summary: ["lone \uD800 surrogate", "ok \uFFFF"],
    });
    const read = await openDocx(await buildWordReport(control));
    await expectValidPackage(read);
    const paragraphs = (await blocks(read)).filter((b): b is { p: string } => "p" in b).map((b) => b.p);
    expect(paragraphs.slice(0, 1)).toEqual(["bell null escape end"]);
    expect(paragraphs).toContain("lone \uFFFD surrogate");
    expect(paragraphs).toContain("ok ");
    expect(xmlSafeText("a\u0001b\tc\nd\u{1F4C8}\uDC00")).toBe("ab\tc\nd\u{1F4C8}\uFFFD");
  });
});

// ---- Charts, widths, file names. ----

describe("buildWordReport: charts", () => {
  it("embeds each chart once with its own drawing id, a tall chart fitted to the page height", async () => {
    const charts = [image("图1", 800, 400), { ...image("图2", 300, 900), png: tinyPng(3, 9, [0, 0, 255]) }];
    const docx = await openDocx(await buildWordReport(reportDocument("zh", 2), charts));
    await expectValidPackage(docx);
    const media = Object.keys(docx.zip.files)
      .filter((name) => name.startsWith("word/media/"))
      .sort();
    expect(media).toHaveLength(2);
    const stored = await Promise.all(media.map((name) => docx.zip.file(name)!.async("uint8array")));
    expect(stored.map((bytes) => Buffer.from(bytes).toString("hex")).sort()).toEqual(
      charts.map((c) => Buffer.from(c.png).toString("hex")).sort(),
    );
    const extents = all((await docx.xml("word/document.xml")).documentElement!, WP, "extent").map((e) => [
      Number(e.getAttribute("cx")) / EMU_PER_PIXEL,
      Number(e.getAttribute("cy")) / EMU_PER_PIXEL,
    ]);
    // 9,070 twips of page height = 604.67 px, less 60 px for the title line: 544 px high, 181 px wide.
    expect(extents).toEqual([
      [971, 485],
      [181, 544],
    ]);
    // Charts start on a page of their own; each title stays with its chart.
    const titles = children(await body(docx), W, "p").filter((p) => ["图1", "图2"].includes(paragraphText(p)));
    expect(titles.map((p) => [countOn(p, "pageBreakBefore"), countOn(p, "keepNext")])).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });

  it("refuses what is not a PNG, or a chart without a size, with a clear error", async () => {
    const doc = reportDocument("zh", 1);
    const notPng = { title: "图", png: new TextEncoder().encode("<svg/>"), width: 10, height: 10 };
    await expect(buildWordReport(doc, [notPng])).rejects.toThrow('Word report image 1 ("图") is not a PNG file');
    const almostPng = tinyPng(2, 2);
    almostPng[7] = 0; // the signature's last byte
    await expect(buildWordReport(doc, [image("图"), { ...image("图2"), png: almostPng }])).rejects.toThrow(
      'Word report image 2 ("图2") is not a PNG file',
    );
    await expect(buildWordReport(doc, [image("图", 0, 10)])).rejects.toThrow(
      "needs a positive width and height, got 0 × 10",
    );
    await expect(buildWordReport(doc, [image("图", Number.NaN, 10)])).rejects.toThrow("positive width and height");
  });

  it("imageDisplaySize fills the 971 px page width, or the page height for tall charts", () => {
    expect(imageDisplaySize(800, 400)).toEqual({ width: 971, height: 485 });
    expect(imageDisplaySize(2000, 1000)).toEqual({ width: 971, height: 485 });
    expect(imageDisplaySize(100, 100)).toEqual({ width: 544, height: 544 });
  });
});

describe("columnWidthsTwips", () => {
  it("splits the width in proportion, in whole twips that add up exactly", () => {
    expect(columnWidthsTwips([{ width: 1 }, { width: 1 }, { width: 1 }], 100)).toEqual([34, 33, 33]);
    expect(columnWidthsTwips([{ width: 3 }, { width: 1 }], CONTENT_WIDTH_TWIPS)).toEqual([10928, 3642]);
    expect(columnWidthsTwips([], 100)).toEqual([]);
  });

  it("counts a width that is not a positive number as 1", () => {
    expect(columnWidthsTwips([{ width: 0 }, { width: -5 }, { width: Number.NaN }, { width: 1 }], 400)).toEqual([
      100, 100, 100, 100,
    ]);
  });
});

describe("wordReportFileName", () => {
  const zh = reportDocument("zh", 0);
  it("names the file <plan title>-<year>年<kind>.docx", () => {
    expect(wordReportFileName(zh, "张掖市“十四五”科技创新规划")).toBe("张掖市“十四五”科技创新规划-2025年总结评估.docx");
    expect(wordReportFileName({ ...zh, kind: "midterm", evaluationYear: 2023 }, "规划")).toBe(
      "规划-2023年中期评估.docx",
    );
    expect(wordReportFileName({ ...zh, kind: "annual" }, "规划")).toBe("规划-2025年年度监测.docx");
    expect(wordReportFileName(reportDocument("en", 0), "Zhangye S&T plan")).toBe(
      "Zhangye S&T plan - 2025 final evaluation.docx",
    );
    expect(wordReportFileName(zh)).toBe("张掖市“十四五”科技创新规划主要指标2025年总结评估.docx");
  });

  it("makes any title safe for Windows, macOS and Linux file systems", () => {
    expect(wordReportFileName(zh, 'a<b>c:d"e/f\\g|h?i*j\u0001k')).toBe("a_b_c_d_e_f_g_h_i_j_k-2025年总结评估.docx");
    expect(wordReportFileName(zh, "  ..规划.. ")).toBe("规划-2025年总结评估.docx");
    expect(wordReportFileName(zh, "...")).toBe("评估报告-2025年总结评估.docx");
    expect(sanitizeFileStem("CON")).toBe("_CON");
    expect(sanitizeFileStem("lpt1.txt")).toBe("_lpt1.txt");
    expect(sanitizeFileStem("")).toBe("report");
    // Long titles are cut, the suffix kept, no surrogate pair split.
    const long = wordReportFileName(zh, "📈".repeat(200));
    expect(long).toBe(`${"📈".repeat(70)}-2025年总结评估.docx`);
    expect(Array.from(long.replace(/\.docx$/, ""))).toHaveLength(80);
  });
});

// ---- Laziness. ----

describe("loadWordReport", () => {
  it("loads the module that builds the file", async () => {
    const module = await loadWordReport();
    expect(typeof module.buildWordReport).toBe("function");
    const bytes = await module.buildWordReport(reportDocument("zh", 1));
    expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
  });

  it("is the only way the pane reaches docx: nothing imports wordReport or docx statically", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|tsx)$/.test(entry.name)) {
          const source = fs.readFileSync(file, "utf8");
          const relative = path.relative(projectDir, file);
          const staticImports = [...source.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)].map(
            (m) => m[1],
          );
          if (relative !== path.join("src/taskpane/app/report/word/wordReport.ts") && staticImports.includes("docx"))
            offenders.push(`${relative} imports docx`);
          if (staticImports.some((spec) => /(^|\/)wordReport$/.test(spec!)))
            offenders.push(`${relative} imports wordReport`);
        }
      }
    };
    walk(path.join(projectDir, "src"));
    expect(offenders).toEqual([]);
    const loader = fs.readFileSync(path.join(projectDir, "src/taskpane/app/report/word/loadWordReport.ts"), "utf8");
    expect(loader).toContain('import(/* webpackChunkName: "word-report" */ "./wordReport")');
  });
});

// ---- svgToPng, in a real browser. ----

/** Decodes an 8-bit RGB or RGBA PNG (what canvases write) into rows of [r, g, b, a] pixels. */
function decodePng(png: Uint8Array): { width: number; height: number; pixel(x: number, y: number): number[] } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = Buffer.from(png.subarray(offset + 4, offset + 8)).toString("latin1");
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      expect(data[8]).toBe(8); // bit depth
      channels = { 2: 3, 6: 4 }[data[9]!] ?? 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, Math.floor((left + up) / 2), paeth()][filter]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => Array.from(pixels.subarray(y * stride + x * channels, y * stride + x * channels + 3)),
  };
}

describe("svgToPng", () => {
  it("fails clearly outside a browser and for sizes browsers cannot draw", async () => {
    await expect(svgToPng("<svg/>", 10, 10)).rejects.toThrow("svgToPng needs a browser (Image and canvas)");
    await expect(svgToPng("<svg/>", 0, 10)).rejects.toThrow(RangeError);
    await expect(svgToPng("<svg/>", 10, Number.POSITIVE_INFINITY)).rejects.toThrow("at least 1 × 1 pixels");
    await expect(svgToPng("<svg/>", 9000, 10)).rejects.toThrow("larger than browsers draw");
    await expect(svgToPng("<svg/>", 5000, 5000)).rejects.toThrow("larger than browsers draw");
  });
});

const CHROMIUM = process.env.PLAN_TRACKER_CHROMIUM || "/usr/bin/chromium";

describe("svgToPng in Chromium", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium, or set PLAN_TRACKER_CHROMIUM)`,
      );
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    const source = fs.readFileSync(path.join(projectDir, "src/taskpane/app/report/word/svgToPng.ts"), "utf8");
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    }).outputText;
    await page.addScriptTag({
      content: `(() => { const exports = {}; ${js}; window.svgToPng = exports.svgToPng; })();`,
    });
    const download = ts.transpileModule(
      fs.readFileSync(path.join(projectDir, "src/taskpane/app/report/word/downloadBytes.ts"), "utf8"),
      { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } },
    ).outputText;
    await page.addScriptTag({
      content: `(() => { const exports = {}; ${download}; window.downloadBytes = exports.downloadBytes; })();`,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const run = (svg: string, width: number, height: number) =>
    page.evaluate(
      async ([svg, width, height]) => {
        try {
          const bytes: Uint8Array = await (window as any).svgToPng(svg, width, height);
          return { bytes: Array.from(bytes) };
        } catch (error) {
          return { error: `${(error as Error).name}: ${(error as Error).message}` };
        }
      },
      [svg, width, height] as const,
    );

  it("draws the SVG at the size asked, on white, as PNG", async () => {
    // Left half red, right half left transparent (white in the PNG); Chinese text must not break it.
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><rect x="0" y="0" width="2" height="2" fill="#ff0000"/>' +
      '<text x="3" y="1" font-size="0.1">进度 &lt;&amp;&gt;</text></svg>';
    const result = await run(svg, 40, 20);
    expect(result.error).toBeUndefined();
    const png = decodePng(new Uint8Array(result.bytes!));
    expect([png.width, png.height]).toEqual([40, 20]);
    expect(png.pixel(0, 0)).toEqual([255, 0, 0]);
    expect(png.pixel(10, 19)).toEqual([255, 0, 0]);
    expect(png.pixel(39, 0)).toEqual([255, 255, 255]);
    // And it goes into the Word file as a chart.
    const docx = await openDocx(
      await buildWordReport(reportDocument("zh", 1), [
        { title: "图", png: new Uint8Array(result.bytes!), width: 40, height: 20 },
      ]),
    );
    await expectValidPackage(docx);
  });

  it("downloadBytes saves the .docx byte for byte under its name", async () => {
    const bytes = await buildWordReport(reportDocument("zh", 2), [image("图1")]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.evaluate(
        ([data, name]) =>
          (window as any).downloadBytes(
            name,
            new Uint8Array(data),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          ),
        [Array.from(bytes), "张掖市“十四五”科技创新规划-2025年总结评估.docx"] as const,
      ),
    ]);
    expect(download.suggestedFilename()).toBe("张掖市“十四五”科技创新规划-2025年总结评估.docx");
    const saved = fs.readFileSync(await download.path());
    expect(Buffer.compare(saved, Buffer.from(bytes))).toBe(0);
  });

  it("rejects with a clear error when the browser cannot render the SVG", async () => {
    expect((await run("<svg><rect width='1' height='1'/></svg>", 10, 10)).error).toBe(
      'Error: svgToPng: the browser could not render the SVG as an image (is it well-formed, with xmlns="http://www.w3.org/2000/svg" on its root element?)',
    );
    expect((await run("not an svg", 10, 10)).error).toContain("could not render the SVG");
    expect((await run('<svg xmlns="http://www.w3.org/2000/svg"><rect', 10, 10)).error).toContain(
      "could not render the SVG",
    );
  });
});

// ---- A real word processor, where one is installed. ----

const SOFFICE = (() => {
  const found = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
})();

describe.skipIf(!SOFFICE)("LibreOffice opens the file (skipped only when soffice is not installed)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-word-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const convert = (files: string[], to: string) =>
    execFileSync(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        dir,
        ...files,
      ],
      { timeout: 120_000, stdio: "pipe" },
    );

  it("converts the Chinese and English reports to PDF, and reads the hostile text back", async () => {
    const zhFile = path.join(dir, "zh.docx");
    const enFile = path.join(dir, "en.docx");
    const hostileFile = path.join(dir, "hostile.docx");
    fs.writeFileSync(zhFile, await buildWordReport(reportDocument("zh", 40), [image("图1 进度")]));
    fs.writeFileSync(enFile, await buildWordReport(reportDocument("en", 5)));
    const hostile = reportDocument("en", 0, { summary: HOSTILE.filter((h) => !/[\r\n\t]/.test(h)) });
    fs.writeFileSync(hostileFile, await buildWordReport(hostile));
    convert([zhFile, enFile], "pdf");
    for (const name of ["zh.pdf", "en.pdf"]) {
      const pdf = fs.readFileSync(path.join(dir, name));
      expect(pdf.subarray(0, 5).toString("latin1"), name).toBe("%PDF-");
      // 40 rows in 6 groups do not fit one landscape page: the PDF has several pages.
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length, name).toBeGreaterThanOrEqual(name === "zh.pdf" ? 3 : 1);
    }
    convert([hostileFile], "txt:Text (encoded):UTF8");
    const text = fs.readFileSync(path.join(dir, "hostile.txt"), "utf8");
    for (const line of hostile.summary) expect(text, line).toContain(line);
  }, 180_000);
});
