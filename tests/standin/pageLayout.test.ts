/**
 * worksheet.pageLayout (ExcelApi 1.9), headers and footers, and the cell formats of a printed report
 * (merged title, borders, font size, vertical alignment).
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayoutzoomoptions
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.headerfootergroup
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.headerfooter
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeborder
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)
 */
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";
import { runError, useStandin } from "./setup";

const notLoaded = expect.objectContaining({ code: "PropertyNotLoaded" }) as never;

async function failsWith(change: (layout: Excel.PageLayout, sheet: Excel.Worksheet) => void): Promise<string> {
  const error = await runError(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    change(sheet.pageLayout, sheet);
    await context.sync();
  });
  return error.code;
}

describe("page setup (excel.pagelayout)", () => {
  it("a new sheet prints portrait on A4 at 100 % with Excel's Normal margins, in points", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getActiveWorksheet().pageLayout;
      expect(() => layout.orientation).toThrowError(notLoaded);
      layout.load(
        "orientation, paperSize, zoom, centerHorizontally, printGridlines, leftMargin, rightMargin, topMargin, bottomMargin, headerMargin, footerMargin",
      );
      await context.sync();
      expect(layout.toJSON()).toEqual({
        orientation: "Portrait",
        paperSize: "A4",
        zoom: { scale: 100 },
        centerHorizontally: false,
        printGridlines: false,
        leftMargin: 50.4, // 0.7 in
        rightMargin: 50.4,
        topMargin: 54, // 0.75 in
        bottomMargin: 54,
        headerMargin: 21.6, // 0.3 in
        footerMargin: 21.6,
      });
    });
  });

  it("orientation, paper size, centring, gridlines and margins round-trip; setPrintMargins converts units", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getActiveWorksheet().pageLayout;
      layout.orientation = Excel.PageOrientation.landscape;
      layout.paperSize = Excel.PaperType.letter;
      layout.centerHorizontally = true;
      layout.printGridlines = true;
      layout.leftMargin = 36;
      layout.footerMargin = 18;
      await context.sync();
      layout.setPrintMargins("Inches", { top: 1, bottom: 0.5 });
      layout.load(
        "orientation, paperSize, centerHorizontally, printGridlines, leftMargin, footerMargin, topMargin, bottomMargin",
      );
      await context.sync();
      expect(layout.toJSON()).toEqual({
        orientation: "Landscape",
        paperSize: "Letter",
        centerHorizontally: true,
        printGridlines: true,
        leftMargin: 36,
        footerMargin: 18,
        topMargin: 72,
        bottomMargin: 36,
      });
    });
  });

  it("rejects values outside the documented enums and a negative margin (InvalidArgument)", async () => {
    useStandin();
    expect(await failsWith((l) => (l.orientation = "Sideways" as Excel.PageOrientation))).toBe("InvalidArgument");
    expect(await failsWith((l) => (l.paperSize = "A7" as Excel.PaperType))).toBe("InvalidArgument");
    expect(await failsWith((l) => (l.leftMargin = -1))).toBe("InvalidArgument");
    expect(await failsWith((l) => l.setPrintMargins("Furlongs" as Excel.PrintMarginUnit, { top: 1 }))).toBe(
      "InvalidArgument",
    );
  });
});

describe("zoom (excel.pagelayoutzoomoptions: 'scale can be between 10 and 400')", () => {
  it.each([10, 55, 400])("accepts scale %i", async (scale) => {
    useStandin();
    await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getActiveWorksheet().pageLayout;
      layout.zoom = { scale };
      await context.sync();
      layout.load("zoom");
      await context.sync();
      expect(layout.zoom).toEqual({ scale });
    });
  });

  it.each([9, 401, 0, -5])("rejects scale %i with InvalidArgument", async (scale) => {
    useStandin();
    expect(await failsWith((l) => (l.zoom = { scale }))).toBe("InvalidArgument");
  });

  it("fit to pages: whole numbers of pages, 0 meaning automatic; negative or fractional pages are rejected", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getActiveWorksheet().pageLayout;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await context.sync();
      layout.load("zoom");
      await context.sync();
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    });
    expect(await failsWith((l) => (l.zoom = { horizontalFitToPages: -1 }))).toBe("InvalidArgument");
    expect(await failsWith((l) => (l.zoom = { verticalFitToPages: 1.5 }))).toBe("InvalidArgument");
    expect(await failsWith((l) => (l.zoom = {}))).toBe("InvalidArgument");
  });
});

describe("print titles and print area (excel.pagelayout#setPrintTitleRows, #getPrintAreaOrNullObject)", () => {
  it("title rows round-trip as a Range, as a string or a Range argument; getPrintTitleRowsOrNullObject is null before", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const before = sheet.pageLayout.getPrintTitleRowsOrNullObject();
      await context.sync();
      expect(before.isNullObject).toBe(true);
      sheet.pageLayout.setPrintTitleRows("$3:$4");
      const titles = sheet.pageLayout.getPrintTitleRowsOrNullObject().load("address");
      await context.sync();
      expect(titles.address).toBe("Sheet1!3:4");
      sheet.pageLayout.setPrintTitleRows(sheet.getRange("A2").getEntireRow());
      const again = sheet.pageLayout.getPrintTitleRows().load("address");
      await context.sync();
      expect(again.address).toBe("Sheet1!2:2");
    });
  });

  it("title rows must span entire rows ('The range must span the entire row to be valid')", async () => {
    useStandin();
    expect(await failsWith((l) => l.setPrintTitleRows("A1:C1"))).toBe("InvalidArgument");
    expect(await failsWith((l) => l.getPrintTitleRows().load("address"))).toBe("ItemNotFound");
  });

  it("the print area is a RangeAreas; getPrintArea throws ItemNotFound when there is none ('If there is no print area, an ItemNotFound error will be thrown')", async () => {
    useStandin();
    expect(await failsWith((l) => l.getPrintArea().load("address"))).toBe("ItemNotFound");
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const none = sheet.pageLayout.getPrintAreaOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
      sheet.pageLayout.setPrintArea("A1:F20, H1:H5");
      const area = sheet.pageLayout.getPrintAreaOrNullObject().load("address, areaCount, cellCount");
      await context.sync();
      expect([area.address, area.areaCount, area.cellCount]).toEqual(["Sheet1!A1:F20, Sheet1!H1:H5", 2, 125]);
      sheet.pageLayout.setPrintArea(sheet.getRange("B2:C3"));
      const viaGet = sheet.pageLayout.getPrintArea().load("address, areaCount");
      await context.sync();
      expect([viaGet.address, viaGet.areaCount]).toEqual(["Sheet1!B2:C3", 1]);
    });
  });

  it("print titles and area follow a sheet rename and survive serialize()/deserialize", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.pageLayout.setPrintTitleRows("$1:$2");
      sheet.pageLayout.setPrintArea("A1:H40");
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = "第 &P 页，共 &N 页";
      sheet.name = "评估报告";
      await context.sync();
    });
    const copy = createStandin({ state: JSON.parse(JSON.stringify(standin.serialize())) });
    await copy.Excel.run(async (context: Excel.RequestContext) => {
      const layout = context.workbook.worksheets.getItem("评估报告").pageLayout;
      const titles = layout.getPrintTitleRows().load("address");
      const area = layout.getPrintArea().load("address");
      const footer = layout.headersFooters.defaultForAllPages.load("centerFooter");
      layout.load("zoom");
      await context.sync();
      expect([titles.address, area.address, footer.centerFooter]).toEqual([
        "评估报告!1:2",
        "评估报告!A1:H40",
        "第 &P 页，共 &N 页",
      ]);
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    });
  });
});

describe("headers and footers (excel.headerfootergroup, excel.headerfooter)", () => {
  it("texts are stored as given, Excel's & codes included; state and the four page kinds are separate", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const group = context.workbook.worksheets.getActiveWorksheet().pageLayout.headersFooters;
      const all = group.defaultForAllPages;
      all.leftHeader = '&"Microsoft YaHei,Bold"张掖市科技局';
      all.centerHeader = "十四五规划指标评估";
      all.rightHeader = "&D";
      all.leftFooter = "&F";
      all.centerFooter = "&P / &N";
      all.rightFooter = "";
      group.firstPage.centerHeader = "封面";
      group.state = Excel.HeaderFooterState.firstAndDefault;
      await context.sync();
      all.load();
      group.firstPage.load("centerHeader, centerFooter");
      group.load("state, useSheetMargins, useSheetScale");
      await context.sync();
      expect(all.toJSON()).toEqual({
        leftHeader: '&"Microsoft YaHei,Bold"张掖市科技局',
        centerHeader: "十四五规划指标评估",
        rightHeader: "&D",
        leftFooter: "&F",
        centerFooter: "&P / &N",
        rightFooter: "",
      });
      expect([group.firstPage.centerHeader, group.firstPage.centerFooter]).toEqual(["封面", ""]);
      expect([group.state, group.useSheetMargins, group.useSheetScale]).toEqual(["FirstAndDefault", true, true]);
    });
  });

  it("a header (its three sections with &L/&C/&R) is at most 255 characters; a bad state is InvalidArgument", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const all = context.workbook.worksheets.getActiveWorksheet().pageLayout.headersFooters.defaultForAllPages;
      all.centerHeader = "x".repeat(253); // "&C" + 253 = 255
      await context.sync();
    });
    expect(
      await failsWith((l) => (l.headersFooters.defaultForAllPages.leftHeader = "y")), // "&Ly" + 255 > 255
    ).toBe("InvalidArgument");
    expect(await failsWith((l) => (l.headersFooters.defaultForAllPages.centerFooter = "z".repeat(254)))).toBe(
      "InvalidArgument",
    );
    expect(await failsWith((l) => (l.headersFooters.state = "Everything" as Excel.HeaderFooterState))).toBe(
      "InvalidArgument",
    );
  });
});

describe("report cell formats (excel.range#merge, excel.rangeformat, excel.rangefont, excel.rangeborder)", () => {
  it("merge keeps the upper-left value (VBA Range.Merge remarks); across merges each row; unmerge splits", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:C2").values = [
        ["Title", "lost", "lost"],
        ["a", "b", "c"],
      ];
      sheet.getRange("A1:C1").merge();
      sheet.getRange("A3:C4").merge(true);
      const areas = sheet.getRange("A1:C4").getMergedAreasOrNullObject().load("address, areaCount");
      const values = sheet.getRange("A1:C1").load("values");
      await context.sync();
      expect(values.values).toEqual([["Title", "", ""]]);
      expect([areas.address, areas.areaCount]).toEqual(["Sheet1!A1:C1, Sheet1!A3:C3, Sheet1!A4:C4", 3]);
      sheet.getRange("A1:C3").unmerge();
      const left = sheet.getRange("A1:C4").getMergedAreasOrNullObject().load("address");
      const none = sheet.getRange("E5").getMergedAreasOrNullObject();
      await context.sync();
      expect([left.address, none.isNullObject]).toEqual(["Sheet1!A4:C4", true]);
    });
    expect(standin.workbook.merges("Sheet1")).toEqual([{ row: 3, col: 0, rows: 1, cols: 3 }]);
  });

  it("font size and name, vertical alignment, wrap and row height round-trip; bad values are InvalidArgument", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      range.format.font.size = 16;
      range.format.font.name = "Microsoft YaHei";
      range.format.font.bold = true;
      range.format.font.color = "#1F4E79";
      range.format.verticalAlignment = Excel.VerticalAlignment.center;
      range.format.horizontalAlignment = Excel.HorizontalAlignment.center;
      range.format.wrapText = true;
      range.format.rowHeight = 32;
      await context.sync();
      const read = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      read.format.load("verticalAlignment, horizontalAlignment, wrapText, rowHeight");
      read.format.font.load("size, name, bold, color");
      const plain = context.workbook.worksheets.getActiveWorksheet().getRange("C1").format.load("verticalAlignment");
      plain.font.load("size, name");
      await context.sync();
      expect(read.format.toJSON()).toEqual({
        verticalAlignment: "Center",
        horizontalAlignment: "Center",
        wrapText: true,
        rowHeight: 32,
        font: { size: 16, name: "Microsoft YaHei", bold: true, color: "#1F4E79" },
      });
      expect([plain.verticalAlignment, plain.font.size, plain.font.name]).toEqual(["Bottom", 11, "Calibri"]);
    });
    expect(await failsWith((_l, s) => (s.getRange("A1").format.font.size = 0))).toBe("InvalidArgument");
    expect(
      await failsWith((_l, s) => (s.getRange("A1").format.verticalAlignment = "Middle" as Excel.VerticalAlignment)),
    ).toBe("InvalidArgument");
  });

  it("borders: EdgeBottom on a header row, InsideHorizontal between rows; a shared edge reads from both cells", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const header = sheet.getRange("A1:C1");
      const bottom = header.format.borders.getItem(Excel.BorderIndex.edgeBottom);
      bottom.style = Excel.BorderLineStyle.continuous;
      bottom.weight = Excel.BorderWeight.medium;
      bottom.color = "#000000";
      sheet.getRange("A2:C4").format.borders.getItem("InsideHorizontal").color = "#BFBFBF";
      await context.sync();
      const readBottom = header.format.borders.getItem("EdgeBottom").load("style, weight, color, sideIndex");
      const belowTop = sheet.getRange("B2").format.borders.getItem("EdgeTop").load("style, weight");
      const inside = sheet.getRange("A2:C4").format.borders.getItem("InsideHorizontal").load("style, color");
      const untouched = sheet.getRange("E5").format.borders.getItem("EdgeLeft").load("style");
      const mixed = sheet.getRange("A1:A2").format.borders.getItem("EdgeBottom").load("style");
      await context.sync();
      expect(readBottom.toJSON()).toEqual({
        style: "Continuous",
        weight: "Medium",
        color: "#000000",
        sideIndex: "EdgeBottom",
      });
      expect([belowTop.style, belowTop.weight]).toEqual(["Continuous", "Medium"]);
      expect([inside.style, inside.color]).toEqual(["Continuous", "#BFBFBF"]); // a colour alone draws a line
      expect([untouched.style, mixed.style]).toEqual(["None", "Continuous"]);
      sheet.getRange("B2").format.borders.getItem("EdgeTop").style = "None"; // removes the shared line
      const gone = sheet.getRange("B1").format.borders.getItem("EdgeBottom").load("style");
      await context.sync();
      expect(gone.style).toBe("None");
    });
    expect(standin.workbook.cell("Sheet1", "A1").borders.bottom).toEqual({
      style: "Continuous",
      weight: "Medium",
      color: "#000000",
    });
    expect(
      await failsWith((_l, s) => (s.getRange("A1").format.borders.getItem("EdgeMiddle" as never).style = "Continuous")),
    ).toBe("InvalidArgument");
    expect(
      await failsWith(
        (_l, s) => (s.getRange("A1").format.borders.getItem("EdgeTop").style = "Wavy" as Excel.BorderLineStyle),
      ),
    ).toBe("InvalidArgument");
  });

  it("freezePanes.freezeRows keeps the header in view (excel.worksheetfreezepanes#freezeRows)", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().freezePanes.freezeRows(2);
      await context.sync();
    });
    expect(standin.workbook.sheets()[0]!.freeze).toEqual({ rows: 2, cols: 0 });
  });
});

describe("print title columns and hidden columns (excel.pagelayout#setPrintTitleColumns, excel.range#columnHidden)", () => {
  it("title columns round-trip; they must span entire columns ('The range must span the entire column to be valid')", async () => {
    useStandin();
    expect(await failsWith((l) => l.getPrintTitleColumns().load("address"))).toBe("ItemNotFound");
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const before = sheet.pageLayout.getPrintTitleColumnsOrNullObject();
      await context.sync();
      expect(before.isNullObject).toBe(true);
      sheet.pageLayout.setPrintTitleColumns("$A:$C");
      const titles = sheet.pageLayout.getPrintTitleColumns().load("address");
      await context.sync();
      expect(titles.address).toBe("Sheet1!A:C");
      sheet.pageLayout.setPrintTitleColumns(sheet.getRange("B1").getEntireColumn());
      const again = sheet.pageLayout.getPrintTitleColumnsOrNullObject().load("address");
      await context.sync();
      expect(again.address).toBe("Sheet1!B:B");
    });
    expect(await failsWith((l) => l.setPrintTitleColumns("A1:C5"))).toBe("InvalidArgument");
    expect(await failsWith((l) => l.setPrintTitleColumns("$1:$2"))).toBe("InvalidArgument");
  });

  it("columnHidden hides and shows whole columns; reads true (all hidden), false (none) or null (some); kept by serialize()", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("C:E").columnHidden = true;
      const all = sheet.getRange("C1:E1").load("columnHidden");
      const none = sheet.getRange("A1:B9").load("columnHidden");
      const some = sheet.getRange("B2:C2").load("columnHidden");
      await context.sync();
      expect([all.columnHidden, none.columnHidden, some.columnHidden]).toEqual([true, false, null]);
      sheet.getRange("D1").columnHidden = false;
      const after = sheet.getRange("C1:E1").load("columnHidden");
      await context.sync();
      expect(after.columnHidden).toBeNull();
    });
    expect([2, 3, 4].map((c) => standin.workbook.columnHidden("Sheet1", c))).toEqual([true, false, true]);
    const copy = createStandin({ state: JSON.parse(JSON.stringify(standin.serialize())) });
    expect(copy.workbook.columnHidden("Sheet1", 4)).toBe(true);
    expect(await failsWith((_l, s) => (s.getRange("A1").columnHidden = "yes" as unknown as boolean))).toBe(
      "InvalidArgument",
    );
  });
});
