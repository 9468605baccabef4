// End-to-end: a chart made through the stand-in's Excel API in the preview page is drawn as SVG over the grid,
// findable by its name, and follows the cells it plots when a person edits one. The test drives the grid
// only, so it waits for the grid and the stand-in (window.planTrackerPreview), not for the task pane.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { goTo, typeInto } from "./grid";
import { saveScreenshot, usePreview, type PreviewPage } from "./harness";

const TEST_TIMEOUT = 120_000;

const session = usePreview({ closeAfterEach: true });

/** office.js itself raises this outside Office (its mapping script redefines Office.context); harmless. */
const KNOWN_OFFICE_JS_ERRORS = [/Cannot redefine property: context/];

/** A fresh browser context (a blank workbook) on the preview, once its grid and stand-in are up. */
async function openGrid(): Promise<PreviewPage> {
  const context = await session.preview.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => {
    if (!KNOWN_OFFICE_JS_ERRORS.some((known) => known.test(error.message))) errors.push(error.stack ?? error.message);
  });
  await page.goto(`${session.preview.url}?lang=en-US`);
  await page.waitForFunction(() => "planTrackerPreview" in window && typeof Excel !== "undefined");
  await page.locator('.pv-viewport [data-address="A1"]').waitFor();
  return { page, context, errors };
}

interface SeriesData {
  name: string;
  values: Array<number | null>;
  categories: string[];
}

/** Runs Excel API code in the page against the stand-in (window.Excel is the stand-in's namespace). */
async function makeCharts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:D4").values = [
        ["", "2021", "2022", "2023"],
        ["R&D share", 1.2, 1.3, 1.41],
        ["Patents", 5, 6, 8],
        ["Firms", 116, 120, 133],
      ];
      const progress = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange("A1:D4"), "Rows");
      progress.name = "Progress";
      progress.title.text = "Indicators by year";
      progress.axes.valueAxis.title.text = "Value";
      progress.setPosition("F2", "M18");
      const trend = sheet.charts.add(Excel.ChartType.lineMarkers, sheet.getRange("A1:D2"), "Rows");
      trend.name = "Trend";
      trend.dataLabels.showValue = true;
      trend.setPosition("A20", "E34");
      await context.sync();
    });
  });
}

function chart(page: Page, name: string) {
  return page.locator(`svg[data-chart-name="${name}"]`);
}

async function seriesOf(page: Page, name: string): Promise<SeriesData[]> {
  return JSON.parse((await chart(page, name).getAttribute("data-series")) ?? "[]") as SeriesData[];
}

describe("charts in the preview", () => {
  it(
    "a chart added through the Excel API is drawn as SVG at its cells, and redraws when a plotted cell changes",
    async () => {
      const { page, errors } = session.adopt(await openGrid());
      await makeCharts(page);

      const progress = chart(page, "Progress");
      await progress.waitFor();
      await expect.poll(() => progress.getAttribute("aria-label")).toContain("Indicators by year");
      expect(await progress.locator("title").textContent()).toContain("R&D share");
      expect(await seriesOf(page, "Progress")).toEqual([
        { name: "R&D share", values: [1.2, 1.3, 1.41], categories: ["2021", "2022", "2023"] },
        { name: "Patents", values: [5, 6, 8], categories: ["2021", "2022", "2023"] },
        { name: "Firms", values: [116, 120, 133], categories: ["2021", "2022", "2023"] },
      ]);
      // Three series × three categories of columns, the category labels and the title are drawn.
      expect(await progress.locator(".pv-chart-series rect").count()).toBe(9);
      expect(await progress.locator(".pv-chart-category").allTextContents()).toEqual(["2021", "2022", "2023"]);
      expect(await progress.locator(".pv-chart-title").textContent()).toBe("Indicators by year");

      // setPosition("F2", "M18"): the chart's top-left corner is the top-left corner of F2.
      const f2 = await page.locator('.pv-viewport [data-address="F2"]').boundingBox();
      const box = await progress.boundingBox();
      expect(f2 && box).toBeTruthy();
      expect(Math.abs(box!.x - f2!.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(box!.y - f2!.y)).toBeLessThanOrEqual(2);

      // The line chart has one series, its markers and its data labels.
      const trend = chart(page, "Trend");
      expect(await trend.getAttribute("data-chart-type")).toBe("LineMarkers");
      expect(await trend.locator(".pv-chart-marker").count()).toBe(3);

      // A person types a new figure into a plotted cell: the SVG follows.
      await typeInto(page, "D4", "150");
      await goTo(page, "A1");
      await expect.poll(async () => (await seriesOf(page, "Progress"))[2]!.values).toEqual([116, 120, 150]);
      await typeInto(page, "A2", "R&D intensity");
      await goTo(page, "A1");
      await expect.poll(async () => (await seriesOf(page, "Trend"))[0]!.name).toBe("R&D intensity");
      expect(await chart(page, "Trend").locator("text", { hasText: "1.41" }).count()).toBe(1); // a data label

      await saveScreenshot(page, "charts");
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "a deleted chart disappears, and charts come back after a reload (the workbook is saved with them)",
    async () => {
      const { page, errors } = session.adopt(await openGrid());
      await makeCharts(page);
      await chart(page, "Trend").waitFor();
      await page.evaluate(async () => {
        await Excel.run(async (context) => {
          context.workbook.worksheets.getActiveWorksheet().charts.getItem("Trend").delete();
          await context.sync();
        });
      });
      await expect.poll(() => chart(page, "Trend").count()).toBe(0);
      await expect.poll(() => page.getByText(/saved in this browser/).count()).toBeGreaterThan(0);
      await page.reload();
      await page.waitForFunction(() => "planTrackerPreview" in window);
      await chart(page, "Progress").waitFor();
      expect(await chart(page, "Trend").count()).toBe(0);
      expect((await seriesOf(page, "Progress")).map((s) => s.name)).toEqual(["R&D share", "Patents", "Firms"]);
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
