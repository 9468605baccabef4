// End-to-end, issue 10: the national 14th FYP main-indicator table as printed (seeds/tables/cn-14th-fyp) pasted
// into a sheet → "Build plan from selected table" → every numeric target read (the 年均/累计 column too) →
// inserted → the published 2021–2022 figures typed as the statistics print them → the statuses at 2022 equal
// the mid-term evaluation's published verdicts wherever the rules and the evaluation agree (the documented
// exceptions are in tests/core/realTables.test.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCells, selectedAddress, typeInto } from "./grid";
import { projectDir, saveScreenshot, usePreview } from "./harness";
import { openPanel } from "./panels";
import { at, column, readTemplate } from "./template";

const DIR = path.join(projectDir, "seeds/tables/cn-14th-fyp");
const TABLE = fs
  .readFileSync(path.join(DIR, "table.tsv"), "utf8")
  .replace(/\r\n/g, "\n")
  .split("\n")
  .filter((l) => l !== "")
  .map((l) => l.split("\t"));
const FIGURES = JSON.parse(fs.readFileSync(path.join(DIR, "figures.json"), "utf8")) as {
  indicators: Array<{ row: number; figures: Record<string, { value: number | null }> }>;
};
const VERDICTS = JSON.parse(fs.readFileSync(path.join(DIR, "verdicts.json"), "utf8")) as {
  verdicts: Array<{ row: number; verdict: string }>;
};

/** The rows whose published verdict the rules reproduce from the 2021–2022 figures (row 1, GDP, is typed for the relative rows). */
const AGREE = [2, 3, 4, 5, 7, 10, 14, 15, 16, 17, 20];
const TYPED = [1, ...AGREE];

/** The indicator's name as the template shows it: the printed name without its number and unit. */
function nameOf(row: number): string {
  return TABLE[row]![1]!.replace(/^\d+\./, "").replace(/（[^（）]*）$/, "");
}

const session = usePreview();

describe("an official table typed as printed", () => {
  it("is built into a plan with every target, inserted, and the published figures give the published verdicts", async () => {
    const { page, errors } = await session.open("zh-CN");
    // The table as staff paste it into a sheet: every cell as printed, the note line under it.
    const width = Math.max(...TABLE.map((r) => r.length));
    await page.evaluate(
      async ({ rows, width }) => {
        await Excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getActiveWorksheet();
          const grid = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
          const range = sheet.getRangeByIndexes(0, 0, grid.length, width);
          range.numberFormat = grid.map((r) => r.map(() => "@"));
          range.values = grid;
          await context.sync();
        });
      },
      { rows: TABLE, width },
    );
    // Select the table as a person would: the block's address in the name box.
    const block = `A1:F${TABLE.length}`;
    const nameBox = page.getByRole("textbox", { name: "名称框" });
    await nameBox.fill(block);
    await nameBox.press("Enter");
    await expect.poll(() => selectedAddress(page)).toBe(block);
    await openPanel(page, "共享与其他规划");
    await page.getByRole("button", { name: "从所选表格生成规划" }).click();
    await page.getByRole("button", { name: "使用此规划" }).click();
    await page.getByText("已选用", { exact: false }).waitFor();
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("tab", { name: "规划指标", selected: true }).waitFor();

    const map = await readTemplate(page, "指标");
    // Every printed row is in the template, and every numeric target with it — the 年均/累计 column's too.
    for (let row = 1; row <= 20; row++) expect(map.rows.has(nameOf(row)), nameOf(row)).toBe(true);
    const targets = await readCells(
      page,
      Array.from({ length: 20 }, (_, k) => at(map, nameOf(k + 1), "目标值")),
    );
    const shown = [...targets.values()];
    // 17 numeric targets (>7 with its clause read as 年均增长 7), one qualitative and two relative ones.
    expect(shown.filter((x) => /\d/.test(x))).toHaveLength(17);
    expect(shown).toContain("年均增长 7.0%");
    expect(shown).toContain("〔13.5〕");
    expect(shown).toContain("〔18〕");
    expect(shown).toContain("高于GDP增长");
    expect(shown).toContain("与GDP增长基本同步");

    // The published figures, as the statistical bulletins print them (rates as rates, levels as levels, yearly cuts as cuts).
    for (const row of TYPED) {
      const figures = FIGURES.indicators.find((f) => f.row === row)!.figures;
      for (const year of ["2021", "2022"]) {
        const v = figures[year]?.value;
        if (typeof v === "number") await typeInto(page, at(map, nameOf(row), `${year}年`), String(v));
      }
    }
    expect(await readCells(page, ["C3"])).toEqual(new Map([["C3", "2022"]]));
    const status = column(map, "状态");
    const statuses = await readCells(
      page,
      AGREE.map((row) => `${status}${map.rows.get(nameOf(row))}`),
    );
    for (const [i, row] of AGREE.entries()) {
      const published = VERDICTS.verdicts.find((v) => v.row === row)!.verdict;
      expect([...statuses.values()][i], `${row} ${nameOf(row)}`).toBe(published);
    }
    await saveScreenshot(page, "official-table");
    expect(errors).toEqual([]);
  }, 600_000);
});
