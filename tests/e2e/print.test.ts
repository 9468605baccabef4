// End-to-end, issue 13 item 8: the template as a new user prints it. Insert in the preview (Chinese), then
// read the sheet's page setup back through the Excel JS API the add-in uses: A4 landscape, a print scale of at
// least 70 % that is Excel's fit-to-width over the columns that print, the print area running over the table
// with only the technical columns (ids and codes) hidden — hidden columns are not printed —, the header row and
// the indicator columns repeated on each page and frozen on screen.
import { describe, expect, it } from "vitest";
import { seedPlan } from "../../src/core/seedPlan";
import { templateColumns } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import { saveScreenshot, usePreview } from "./harness";

const session = usePreview();

/** A4 landscape (841.89 pt) less the 0.25 in margins left and right the template sets. */
const PRINTABLE = 841.89 - 36;

interface PrintedSheet {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number };
  margins: number[];
  printArea: string;
  titleRows: string;
  titleColumns: string;
  frozen: string;
  headers: string[];
  hidden: boolean[];
  widths: number[];
  centerHeader: string;
}

describe("print: the inserted template on A4 landscape", () => {
  it("prints landscape on A4 at ≥ 70 %, technical columns out of print, header rows and indicator columns repeated and frozen", async () => {
    const { page, errors } = await session.open("zh-CN");
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("tab", { name: "规划指标", selected: true }).waitFor();

    const width = templateColumns(seedPlan).length;
    const sheet: PrintedSheet = await page.evaluate(async (count) => {
      return Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("规划指标");
        const layout = ws.pageLayout.load("orientation, paperSize, zoom, leftMargin, rightMargin");
        const area = ws.pageLayout.getPrintArea().load("address");
        const titleRows = ws.pageLayout.getPrintTitleRows().load("address");
        const titleColumns = ws.pageLayout.getPrintTitleColumns().load("address");
        const frozen = ws.freezePanes.getLocationOrNullObject().load("address");
        const header = ws
          .getRange("A5")
          .getResizedRange(0, count - 1)
          .load("values");
        const columns = Array.from({ length: count }, (_, i) => {
          const range = ws.getRange("A1").getOffsetRange(0, i);
          range.load("columnHidden");
          range.format.load("columnWidth");
          return range;
        });
        const all = ws.pageLayout.headersFooters.defaultForAllPages.load("centerHeader");
        await context.sync();
        return {
          orientation: layout.orientation,
          paperSize: layout.paperSize,
          zoom: layout.zoom,
          margins: [layout.leftMargin, layout.rightMargin],
          printArea: area.address,
          titleRows: titleRows.address,
          titleColumns: titleColumns.address,
          frozen: frozen.isNullObject ? "" : frozen.address,
          headers: (header.values[0] ?? []).map(String),
          hidden: columns.map((c) => c.columnHidden),
          widths: columns.map((c) => c.format.columnWidth),
          centerHeader: all.centerHeader,
        };
      });
    }, width);

    expect(sheet.orientation).toBe("Landscape");
    expect(sheet.paperSize).toBe("A4");
    expect(sheet.margins).toEqual([18, 18]);
    // The print area covers the whole table from A1 and the other goals' block below it (a blank row, its
    // caption and header, a row per supplementary goal); inside it only the technical columns are hidden.
    const main = seedPlan.indicators.filter((i) => !i.supplementary).length;
    const other = seedPlan.indicators.length - main;
    expect(sheet.printArea).toBe(`规划指标!A1:${columnLetters(width - 1)}${5 + main + 3 + other}`);
    const technical = new Set(
      templateColumns(seedPlan)
        .filter((c) => c.role === "technical")
        .map((c) => c.header.zh),
    );
    expect(technical.size).toBeGreaterThan(0);
    sheet.headers.forEach((h, i) => expect(sheet.hidden[i], h).toBe(technical.has(h)));
    // The scale: at least 70 %, and what Excel's fit-to-width gives for the columns that print.
    const printed = sheet.widths.filter((_w, i) => !sheet.hidden[i]).reduce((a, b) => a + b, 0);
    expect(sheet.zoom.scale).toBeGreaterThanOrEqual(70);
    expect(sheet.zoom.scale).toBe(Math.min(100, Math.floor((PRINTABLE * 100) / printed)));
    // Header row on every page, 序号 类型 指标 at the left of every page, and both frozen on screen.
    expect(sheet.titleRows).toBe("规划指标!5:5");
    expect(sheet.titleColumns).toBe("规划指标!A:C");
    expect(sheet.headers.slice(0, 3)).toEqual(["序号", "类型", "指标"]);
    expect(sheet.frozen).toBe("规划指标!A1:C5");
    expect(sheet.centerHeader).toBe(seedPlan.title.zh);
    await saveScreenshot(page, "print-template");
    expect(errors).toEqual([]);
  }, 180_000);
});
