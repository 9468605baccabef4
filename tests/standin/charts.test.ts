/**
 * Charts: worksheet.charts, Chart, its title/legend/axes/data labels, series and their format.
 * Each test names the documented behaviour it checks; it fails if the stand-in stops behaving so.
 * Docs: https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.chart
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseries
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartseriescollection
 *       https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartaxis
 *       https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-charts
 */
import { describe, expect, it } from "vitest";
import { createStandin } from "../../dev/standin";
import { runError, useStandin } from "./setup";

const notLoaded = expect.objectContaining({ code: "PropertyNotLoaded" }) as never;

/** Years across, indicators down: the evaluation report's layout. */
async function writeTable(context: Excel.RequestContext): Promise<Excel.Worksheet> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.getRange("A1:D4").values = [
    ["", "2021", "2022", "2023"],
    ["R&D share", 1.2, 1.3, 1.41],
    ["Patents", 5, 6, 8],
    ["Firms", 116, 120, 133],
  ];
  return sheet;
}

async function dimensions(series: Excel.ChartSeries, context: Excel.RequestContext) {
  const categories = series.getDimensionValues(Excel.ChartSeriesDimension.categories);
  const values = series.getDimensionValues(Excel.ChartSeriesDimension.values);
  series.load("name");
  await context.sync();
  return { name: series.name, categories: categories.value, values: values.value };
}

describe("ChartCollection.add (excel.chartcollection#add: type, sourceData, seriesBy)", () => {
  it("builds one series per row (seriesBy Rows): first column names them, first row gives the categories", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const chart = sheet.charts.add(Excel.ChartType.lineMarkers, sheet.getRange("A1:D4"), Excel.ChartSeriesBy.rows);
      const series = chart.series.load("items/name");
      await context.sync();
      expect(series.items.map((s) => s.name)).toEqual(["R&D share", "Patents", "Firms"]);
      expect(await dimensions(chart.series.getItemAt(2), context)).toEqual({
        name: "Firms",
        categories: ["2021", "2022", "2023"],
        values: ["116", "120", "133"],
      });
    });
  });

  it("by columns the first row names the series and the first column gives the categories", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:D4"), "Columns");
      const count = chart.series.getCount();
      await context.sync();
      expect(count.value).toBe(3);
      expect(await dimensions(chart.series.getItemAt(0), context)).toEqual({
        name: "2021",
        categories: ["R&D share", "Patents", "Firms"],
        values: ["1.2", "5", "116"],
      });
    });
  });

  it("a numeric first column is plotted as a series, not used as categories (only text or a blank corner labels)", async () => {
    // Excel plots numbers as data unless the top-left cell is blank (peltiertech.com/prepare-your-data).
    useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B4").values = [
        ["Year", "Firms"],
        [2021, 116],
        [2022, 120],
        [2023, 133],
      ];
      const chart = sheet.charts.add("Line", sheet.getRange("A1:B4"), "Columns");
      chart.series.load("items/name");
      await context.sync();
      expect(chart.series.items.map((s) => s.name)).toEqual(["Year", "Firms"]);
      expect((await dimensions(chart.series.getItemAt(1), context)).categories).toEqual(["1", "2", "3"]);
      sheet.getRange("A1").values = [[""]]; // a blank corner: the years become categories
      const again = sheet.charts.add("Line", sheet.getRange("A1:B4"), "Columns");
      again.series.load("items/name");
      await context.sync();
      expect(again.series.items.map((s) => s.name)).toEqual(["Firms"]);
      expect((await dimensions(again.series.getItemAt(0), context)).categories).toEqual(["2021", "2022", "2023"]);
    });
  });

  it("seriesBy Auto guesses from the shape (desktop), or is Columns as in Excel on the web (excel.chartseriesby)", async () => {
    for (const [option, expected] of [
      [undefined, ["R&D share", "Patents", "Firms"]], // 4 × 4: not more rows than columns → by rows
      ["columns", ["2021", "2022", "2023"]],
    ] as const) {
      const standin = createStandin(option ? { chartAutoSeriesBy: option } : {});
      await standin.Excel.run(async (context: Excel.RequestContext) => {
        const sheet = await writeTable(context);
        const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:D4"));
        chart.series.load("items/name");
        await context.sync();
        expect(chart.series.items.map((s) => s.name)).toEqual(expected);
      });
    }
  });

  it("rejects a type that is not an Excel.ChartType with InvalidArgument, at sync", async () => {
    useStandin();
    for (const type of ["Columnar", "Invalid"]) {
      const error = await runError(async (context) => {
        const sheet = await writeTable(context);
        sheet.charts.add(type as Excel.ChartType, sheet.getRange("A1:D4"));
        await context.sync();
      });
      expect(error.code).toBe("InvalidArgument");
      expect(error.debugInfo.errorLocation).toBe("ChartCollection.add");
    }
  });

  it("names new charts Chart 1, Chart 2 …; getItem, getItemOrNullObject, getItemAt, count and getCount find them", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      sheet.charts.add("Line", sheet.getRange("A1:D2"), "Rows");
      sheet.charts.add("BarClustered", sheet.getRange("A1:D3"), "Rows");
      const charts = sheet.charts.load("items/name, count");
      const second = sheet.charts.getItem("Chart 2").load("chartType");
      const first = sheet.charts.getItemAt(0).load("name");
      const missing = sheet.charts.getItemOrNullObject("Chart 9");
      const count = sheet.charts.getCount();
      await context.sync();
      expect(charts.items.map((c) => c.name)).toEqual(["Chart 1", "Chart 2"]);
      expect([charts.count, count.value, second.chartType, first.name, missing.isNullObject]).toEqual([
        2,
        2,
        "BarClustered",
        "Chart 1",
        true,
      ]);
      const error = await runError(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().charts.getItem("Chart 9").load("name");
        await ctx.sync();
      });
      expect(error.code).toBe("ItemNotFound");
    });
  });

  it("properties read before load + sync throw PropertyNotLoaded; count too", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const chart = sheet.charts.add("Line", sheet.getRange("A1:D4"), "Rows");
      expect(() => chart.name).toThrowError(notLoaded);
      expect(() => chart.title.text).toThrowError(notLoaded);
      expect(() => sheet.charts.count).toThrowError(notLoaded);
      expect(() => chart.series.items).toThrowError(notLoaded);
      chart.load("name");
      await context.sync();
      expect(chart.name).toBe("Chart 1");
      expect(() => chart.top).toThrowError(notLoaded);
    });
  });
});

describe("Chart properties (excel.chart, excel.charttitle, excel.chartlegend, excel.chartaxis)", () => {
  it("name can be set; names need not be unique and getItem returns the first of several (excel.chartcollection#getItem)", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const a = sheet.charts.add("Line", sheet.getRange("A1:D2"), "Rows");
      const b = sheet.charts.add("Line", sheet.getRange("A1:D3"), "Rows");
      a.name = "Progress";
      b.name = "Progress";
      const found = sheet.charts.getItem("Progress");
      const foundSeries = found.series.getCount();
      await context.sync();
      expect(foundSeries.value).toBe(1); // the first chart, with one series
      const blank = await runError(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().charts.getItemAt(0).name = "";
        await ctx.sync();
      });
      expect(blank.code).toBe("InvalidArgument");
    });
  });

  it("new charts: one series → its name is the title and no legend; several → 'Chart Title' and a legend at the bottom", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const one = sheet.charts.add("ColumnClustered", sheet.getRange("A1:D2"), "Rows");
      const many = sheet.charts.add("ColumnClustered", sheet.getRange("A1:D4"), "Rows");
      one.load("id, width, height");
      for (const c of [one, many]) {
        c.title.load("text, visible");
        c.legend.load("position, visible");
      }
      await context.sync();
      expect([one.title.text, one.title.visible, one.legend.visible]).toEqual(["R&D share", true, false]);
      expect([many.title.text, many.legend.visible, many.legend.position]).toEqual(["Chart Title", true, "Bottom"]);
      expect([one.width, one.height]).toEqual([360, 216]);
      expect(one.id).toMatch(/^\{[0-9A-F-]+\}$/);
    });
  });

  it("title, legend, axis titles, value axis bounds and number format, data labels round-trip", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const chart = sheet.charts.add("LineMarkers", sheet.getRange("A1:D4"), "Rows");
      chart.title.text = "Progress";
      chart.legend.position = Excel.ChartLegendPosition.right;
      chart.axes.categoryAxis.title.text = "Year";
      chart.axes.valueAxis.title.text = "Value";
      chart.axes.valueAxis.minimum = 0;
      chart.axes.valueAxis.maximum = 200;
      chart.axes.valueAxis.numberFormat = "0.0";
      chart.dataLabels.showValue = true;
      await context.sync();
      const same = sheet.charts.getItem("Chart 1");
      same.title.load("text, visible");
      same.legend.load("position");
      same.axes.categoryAxis.title.load("text, visible");
      same.axes.valueAxis.load("minimum, maximum, numberFormat");
      same.dataLabels.load("showValue");
      const series = same.series.load("items/hasDataLabels");
      await context.sync();
      expect([same.title.text, same.title.visible, same.legend.position]).toEqual(["Progress", true, "Right"]);
      expect([same.axes.categoryAxis.title.text, same.axes.categoryAxis.title.visible]).toEqual(["Year", true]);
      expect([same.axes.valueAxis.minimum, same.axes.valueAxis.maximum, same.axes.valueAxis.numberFormat]).toEqual([
        0,
        200,
        "0.0",
      ]);
      expect(same.dataLabels.showValue).toBe(true);
      expect(series.items.every((s) => s.hasDataLabels)).toBe(true);
    });
  });

  it("an automatic value axis still reads as a number (excel.chartaxis#minimum: 'The returned value is always a number')", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:D4"), "Rows");
      const axis = chart.axes.valueAxis.load("minimum, maximum, majorUnit");
      await context.sync();
      // values 1.2 … 133, all ≥ 0 and the smallest below 5/6 of the largest: the axis starts at zero
      expect(axis.minimum).toBe(0);
      expect(axis.maximum).toBeGreaterThanOrEqual(133 + (133 - 1.2) / 20);
      expect(axis.maximum % axis.majorUnit).toBeCloseTo(0);
      const automatic = axis.maximum;
      chart.axes.valueAxis.maximum = 50;
      chart.axes.valueAxis.maximum = ""; // back to automatic
      chart.axes.valueAxis.load("maximum");
      await context.sync();
      expect(chart.axes.valueAxis.maximum).toBe(automatic);
    });
  });

  it("the value axis number format is linked to the source cells until set (excel.chartaxis#linkNumberFormat)", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      sheet.getRange("B2:D2").numberFormat = [["0.00%", "0.00%", "0.00%"]];
      const chart = sheet.charts.add("Line", sheet.getRange("A1:D2"), "Rows");
      const axis = chart.axes.valueAxis.load("numberFormat, linkNumberFormat");
      await context.sync();
      expect([axis.numberFormat, axis.linkNumberFormat]).toEqual(["0.00%", true]);
      axis.numberFormat = "0%";
      axis.load("numberFormat, linkNumberFormat");
      await context.sync();
      expect([axis.numberFormat, axis.linkNumberFormat]).toEqual(["0%", false]);
      axis.linkNumberFormat = true;
      sheet.getRange("B2:D2").numberFormat = [["0.0", "0.0", "0.0"]];
      axis.load("numberFormat");
      await context.sync();
      expect(axis.numberFormat).toBe("0.0");
    });
  });

  it("rejects a bad legend position, marker style, axis bound and series name longer than 255 characters", async () => {
    useStandin();
    const cases: Array<(chart: Excel.Chart) => void> = [
      (c) => (c.legend.position = "Middle" as Excel.ChartLegendPosition),
      (c) => (c.series.getItemAt(0).markerStyle = "Hexagon" as Excel.ChartMarkerStyle),
      (c) => (c.axes.valueAxis.minimum = "low"),
      (c) => (c.series.getItemAt(0).name = "x".repeat(256)),
      (c) => (c.chartType = "Pie3" as Excel.ChartType),
    ];
    for (const change of cases) {
      const error = await runError(async (context) => {
        const sheet = await writeTable(context);
        const chart = sheet.charts.add("Line", sheet.getRange("A1:D4"), "Rows");
        change(chart);
        await context.sync();
      });
      expect(error.code).toBe("InvalidArgument");
    }
  });
});

describe("setPosition (excel.chart#setPosition: start cell, end cell covered fully)", () => {
  it("computes top/left from the start cell and width/height to the end cell's bottom-right, in points", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      sheet.getRange("B:B").format.columnWidth = 100; // points
      sheet.getRange("3:3").format.rowHeight = 30;
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:D4"), "Rows");
      chart.setPosition("B2", "C5");
      chart.load("top, left, width, height");
      await context.sync();
      // top of row 2 = 15; left of B = 48; width B+C = 100 + 48; height rows 2..5 = 15 + 30 + 15 + 15
      expect([chart.top, chart.left, chart.width, chart.height]).toEqual([15, 48, 148, 75]);
      chart.setPosition(sheet.getRange("A3"));
      chart.load("top, left, width, height");
      await context.sync();
      expect([chart.top, chart.left, chart.width, chart.height]).toEqual([30, 0, 148, 75]); // size kept
    });
  });

  it("fails with InvalidArgument when the end cell is above or left of the start", async () => {
    useStandin();
    const error = await runError(async (context) => {
      const sheet = await writeTable(context);
      sheet.charts.add("Line", sheet.getRange("A1:D4"), "Rows").setPosition("C5", "B2");
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("series (excel.chartseriescollection, excel.chartseries)", () => {
  it("plotted values follow the cells: a cell edit changes getDimensionValues without touching the chart", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      sheet.charts.add("Line", sheet.getRange("A1:D4"), "Rows");
      await context.sync();
    });
    standin.workbook.setCellInput("Sheet1", "D4", "150");
    standin.workbook.setCellInput("Sheet1", "A4", "High-tech firms");
    await Excel.run(async (context) => {
      const series = context.workbook.worksheets.getActiveWorksheet().charts.getItem("Chart 1").series.getItemAt(2);
      expect(await dimensions(series, context)).toEqual({
        name: "High-tech firms",
        categories: ["2021", "2022", "2023"],
        values: ["116", "120", "150"],
      });
    });
    expect(standin.workbook.charts("Sheet1")[0]!.series[2]!.values).toEqual([116, 120, 150]);
  });

  it("formulas are plotted by their result and recalculate", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:C2").formulas = [
        ["", "a", "b"],
        ["x", 2, "=B2*10"],
      ];
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:C2"), "Rows");
      await context.sync();
    });
    standin.workbook.setCellInput("Sheet1", "B2", "3");
    expect(standin.workbook.charts("Sheet1")[0]!.series[0]!.values).toEqual([3, 30]);
  });

  it("add(name, index), setValues, setXAxisValues (ExcelApi 1.7) and delete", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      sheet.getRange("F1:F3").values = [[7], [8], [9]];
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:D2"), "Rows");
      const added = chart.series.add("Targets", 0);
      added.setValues(sheet.getRange("F1:F3"));
      added.setXAxisValues(sheet.getRange("B1:D1"));
      const names = chart.series.load("items/name");
      await context.sync();
      expect(names.items.map((s) => s.name)).toEqual(["Targets", "R&D share"]);
      expect(await dimensions(chart.series.getItemAt(0), context)).toEqual({
        name: "Targets",
        categories: ["2021", "2022", "2023"],
        values: ["7", "8", "9"],
      });
      chart.series.getItemAt(1).delete();
      const count = chart.series.getCount();
      await context.sync();
      expect(count.value).toBe(1);
      const twoD = await runError(async (ctx) => {
        ctx.workbook.worksheets
          .getActiveWorksheet()
          .charts.getItemAt(0)
          .series.getItemAt(0)
          .setValues(ctx.workbook.worksheets.getActiveWorksheet().getRange("B2:D3"));
        await ctx.sync();
      });
      expect(twoD.code).toBe("InvalidArgument");
    });
  });

  it("series name, chartType, markerStyle, hasDataLabels, fill and line colour", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const chart = sheet.charts.add("Line", sheet.getRange("A1:D3"), "Rows");
      const s = chart.series.getItemAt(0);
      s.load("markerStyle");
      await context.sync();
      expect(s.markerStyle).toBe("None"); // a Line chart has no markers; LineMarkers has
      s.name = "R&D intensity";
      s.chartType = "ColumnClustered";
      s.markerStyle = Excel.ChartMarkerStyle.circle;
      s.hasDataLabels = true;
      s.format.fill.setSolidColor("#C00000");
      s.format.line.color = "orange";
      const fill = s.format.fill.getSolidColor();
      const other = chart.series.getItemAt(1).format.fill.getSolidColor();
      s.load("name, chartType, markerStyle, hasDataLabels");
      s.format.line.load("color");
      await context.sync();
      expect([s.name, s.chartType, s.markerStyle, s.hasDataLabels, s.format.line.color]).toEqual([
        "R&D intensity",
        "ColumnClustered",
        "Circle",
        true,
        "#FFA500",
      ]);
      expect([fill.value, other.value]).toEqual(["#C00000", "#ED7D31"]); // the second theme colour
      const bad = await runError(async (ctx) => {
        ctx.workbook.worksheets
          .getActiveWorksheet()
          .charts.getItemAt(0)
          .series.getItemAt(0)
          .format.fill.setSolidColor("nope");
        await ctx.sync();
      });
      expect(bad.code).toBe("InvalidArgument");
    });
    const view = standin.workbook.charts("Sheet1")[0]!;
    expect(view.series[0]).toMatchObject({ name: "R&D intensity", color: "#C00000", hasDataLabels: true });
  });

  it("getDimensionValues: a result is ValueNotLoaded until sync; an unknown dimension is InvalidArgument", async () => {
    useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const chart = sheet.charts.add("Line", sheet.getRange("A1:D4"), "Rows");
      const values = chart.series.getItemAt(0).getDimensionValues("Values");
      expect(() => values.value).toThrowError(expect.objectContaining({ code: "ValueNotLoaded" }) as never);
      await context.sync();
      expect(values.value).toEqual(["1.2", "1.3", "1.41"]);
    });
    const error = await runError(async (context) => {
      context.workbook.worksheets
        .getActiveWorksheet()
        .charts.getItemAt(0)
        .series.getItemAt(0)
        .getDimensionValues("Heights" as Excel.ChartSeriesDimension);
      await context.sync();
    });
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("chart lifetime, worksheet and round trips", () => {
  it("delete() removes the chart; deleting the sheet deletes its charts; chart.worksheet is its sheet", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const other = context.workbook.worksheets.add("Report");
      other.getRange("A1:B2").values = [
        ["", "v"],
        ["a", 1],
      ];
      const a = other.charts.add("ColumnClustered", other.getRange("A1:B2"), "Columns");
      other.charts.add("Line", other.getRange("A1:B2"), "Columns");
      const home = a.worksheet.load("name");
      await context.sync();
      expect(home.name).toBe("Report");
      a.delete();
      const count = other.charts.getCount();
      await context.sync();
      expect(count.value).toBe(1);
    });
    expect(standin.workbook.charts("Report").map((c) => c.name)).toEqual(["Chart 2"]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Report").delete();
      await context.sync();
    });
    expect(standin.serialize().charts).toEqual([]);
  });

  it("chart commands count in lastRun: round trips, commands and request bytes", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      await writeTable(context);
      await context.sync();
    });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const chart = sheet.charts.add("LineMarkers", sheet.getRange("A1:D4"), "Rows");
      chart.title.text = "A title long enough to be seen in the request size";
      chart.setPosition("F2", "L20");
      await context.sync();
    });
    expect(standin.lastRun).toMatchObject({ syncs: 1, commands: 3 });
    expect(standin.lastRun!.requestBytes).toBeGreaterThan("A title long enough to be seen in the request size".length);
  });

  it("serialize() / deserialize keep charts, their series references and settings", async () => {
    const standin = useStandin();
    await Excel.run(async (context) => {
      const sheet = await writeTable(context);
      const chart = sheet.charts.add("LineMarkers", sheet.getRange("A1:D4"), "Rows");
      chart.name = "Progress";
      chart.title.text = "规划指标进度";
      chart.axes.valueAxis.maximum = 150;
      chart.series.getItemAt(0).format.fill.setSolidColor("#00B050");
      chart.setPosition("F2", "L20");
      await context.sync();
    });
    const saved = JSON.parse(JSON.stringify(standin.serialize()));
    const copy = createStandin({ state: saved });
    expect(copy.workbook.charts("Sheet1")).toEqual(standin.workbook.charts("Sheet1"));
    copy.workbook.setCellInput("Sheet1", "B2", "9");
    expect(copy.workbook.charts("Sheet1")[0]!.series[0]!.values).toEqual([9, 1.3, 1.41]); // still linked to cells
    await copy.Excel.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("Line", sheet.getRange("A1:D2"), "Rows"); // numbering continues after a reload
      const names = sheet.charts.load("items/name");
      await context.sync();
      expect(names.items.map((c) => c.name)).toEqual(["Progress", "Chart 2"]);
    });
  });
});
