// End-to-end, issue 11: figures typed into the grid → the evaluation report sheet (summary, every
// indicator, native charts drawn by the preview) → the Word file downloaded and read back with an
// independent reader (mammoth for the text, JSZip for the table).
import fs from "node:fs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { seedPlan } from "../../src/core/seedPlan";
import { readCells, typeInto } from "./grid";
import { saveScreenshot, usePreview } from "./harness";
import { openPanel } from "./panels";
import { at, readTemplate } from "./template";

/** The 11 indicators of the main table (the report's rows), by English name. */
const MAIN = seedPlan.indicators.filter((i) => !i.supplementary).map((i) => i.name.en);

/** Figures typed as staff would, indicator → year → figure (2023 is the latest: a mid-term evaluation). */
const FIGURES: Record<string, Record<string, number>> = {
  "R&D expenditure as a share of GDP": { "2021": 1.25, "2022": 1.31, "2023": 1.36 },
  "Number of high-tech enterprises": { "2021": 118, "2022": 121, "2023": 122 },
  "Turnover of technology market contracts": { "2021": 28, "2022": 33, "2023": 36 },
  "R&D personnel per 10,000 employed persons": { "2021": 35, "2022": 38, "2023": 41 },
  "Overall level of scientific and technological progress": { "2022": 3 },
};

const session = usePreview();

function columnLetters(i: number): string {
  let n = i + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

describe("evaluation report: figures → report sheet with charts → Word file", () => {
  it("writes the report sheet with the summary and every indicator, draws its charts, and saves a Word file that reads back", async () => {
    const { page, errors } = await session.open("en-US");

    await page.getByRole("button", { name: "Insert template" }).click();
    await page.getByRole("tab", { name: "Plan indicators", selected: true }).waitFor();
    const map = await readTemplate(page);
    for (const [name, years] of Object.entries(FIGURES))
      for (const [year, value] of Object.entries(years)) await typeInto(page, at(map, name, year), String(value));
    // The pane evaluates at 2023, the latest year with figures; the rank, last reported in 2022, is stale.
    await page.getByText("Evaluated at 2023 (latest data year)").waitFor();

    await openPanel(page, "Evaluation report");
    await page.getByRole("button", { name: "Evaluation report", exact: true }).click();
    await page.getByRole("tab", { name: "2023 mid-term evaluation", selected: true }).waitFor({ timeout: 60_000 });

    // The sheet: the summary paragraph and every indicator of the main table.
    const addresses: string[] = [];
    for (let row = 1; row <= 8 + MAIN.length + 12; row++)
      for (let col = 0; col < 12; col++) addresses.push(`${columnLetters(col)}${row}`);
    const texts = [...(await readCells(page, addresses)).values()];
    const summary = texts.find((x) => x.startsWith("Of the 11 main indicators"));
    expect(summary, "the summary paragraph on the sheet").toBeDefined();
    expect(summary).toContain("lagging");
    for (const name of MAIN) expect(texts, name).toContain(name);
    // The last figure typed (the rank, just before the click) is in the report: it reads the sheet as it is now.
    expect(texts).toContain("data stale (2022)");

    // The native charts, drawn by the preview from the sheet's cells.
    const progress = page.locator('[data-chart-name="PlanTrackerProgress"]');
    await progress.waitFor();
    const series = JSON.parse((await progress.getAttribute("data-series")) ?? "[]") as Array<{ values: unknown[] }>;
    expect(series).toHaveLength(2);
    expect(series[0]!.values).toHaveLength(MAIN.length);
    await page.locator('[data-chart-name="PlanTrackerPath"]').waitFor();
    await saveScreenshot(page, "report-sheet");

    // The Word file: downloaded and read back by readers independent of the library that wrote it.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Word report" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/2023 mid-term evaluation\.docx$/);
    const bytes = fs.readFileSync((await file.path())!);
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text).toContain(summary!.slice(0, 60));
    for (const name of MAIN) expect(text, name).toContain(name);
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    const rows = xml.match(/<w:tr[ >]/g) ?? [];
    // The header row, a category line per group, one row per indicator.
    expect(rows.length).toBeGreaterThanOrEqual(1 + MAIN.length);
    expect(xml).toContain("<w:tblHeader/>");
    expect(errors).toEqual([]);
  }, 300_000);
});
