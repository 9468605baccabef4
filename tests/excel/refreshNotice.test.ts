/**
 * The refresh notice counts the figures it kept (issue #13 item 8): running Insert again never writes the
 * year columns, and its result says how many figures staff had entered there, which the pane's notice shows
 * ("已保留 N 个已填数据" / "kept N figures you entered", "1 figure" in the singular).
 */
import { describe, expect, it } from "vitest";
import { templateColumns, type ColumnKey } from "../../src/core/templateLayout";
import { columnLetters } from "../../src/excel/a1";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { t } from "../../src/taskpane/app/i18n";
import { seedPlan, useHost } from "./helpers";

const SHEET = "规划指标";
const columns = templateColumns(seedPlan);
const at = (key: ColumnKey, row: number) => `${columnLetters(columns.findIndex((c) => c.key === key))}${row}`;
const yearKeys = columns.filter((c) => c.year !== undefined).map((c) => c.key);

describe("refresh: the figures kept", () => {
  const host = useHost();

  /** Non-blank year cells of the table's indicator rows, as the sheet shows them. */
  function figuresOnSheet(): number {
    const wb = host.standin.workbook;
    let n = 0;
    for (let row = 6; row < 6 + seedPlan.indicators.length; row++)
      for (const key of yearKeys) if (wb.cell(SHEET, at(key, row)).text.trim() !== "") n++;
    return n;
  }

  it("counts every figure in the year columns, typed numbers and unreadable text alike, and keeps them", async () => {
    const first = await insertTemplate(seedPlan, "zh");
    expect(first.figuresKept).toBe(0); // a new sheet kept nothing
    const wb = host.standin.workbook;
    wb.setCellInput(SHEET, at("y2021", 7), "1.3");
    wb.setCellInput(SHEET, at("y2022", 12), "130");
    wb.setCellInput(SHEET, at("y2023", 9), "约38");
    const expected = figuresOnSheet();
    expect(expected).toBeGreaterThanOrEqual(3);
    const again = await insertTemplate(seedPlan, "zh");
    expect(again.figuresKept).toBe(expected);
    expect(figuresOnSheet()).toBe(expected);
    expect(wb.cell(SHEET, at("y2023", 9)).text).toBe("约38");

    const args = { sheet: again.sheetName, added: again.added, figures: again.figuresKept, kept: again.kept.length };
    expect(t("zh", "refreshed", args)).toContain(`已保留 ${expected} 个已填数据`);
    expect(t("en", "refreshed", args)).toContain(`kept ${expected} figures you entered`);
    expect(t("zh", "refreshed", args)).toBe(
      `已刷新工作表“${again.sheetName}”：新增 0 个指标，已保留 ${expected} 个已填数据。`,
    );
    expect(t("en", "refreshedKeptCells", { ...args, added: 1, figures: 1, kept: 1 })).toBe(
      `Refreshed “${again.sheetName}”: 1 indicator added; kept 1 figure you entered and 1 cell changed by hand.`,
    );
  });
});
