/**
 * The Excel wrappers in functions.ts with a stub CustomFunctions global (Error + ErrorCode, as
 * custom-functions-runtime.js defines them) and a fake Excel.run: errors become the right
 * CustomFunctions.Error, and N row-form calls in one tick cost one Excel.run and one sync.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setRowReader } from "../../src/functions/excelHost";
import { elapsed, expected, gap, growth, progress, status, step } from "../../src/functions/functions";
import { WORKBOOK_LANGUAGE_SETTING } from "../../src/core/templateLayout";
import { FakeWorkbook, cellIndex, columnLetter } from "./fakeExcel";
import { planWithFigures, templateGrid } from "./templateFixture";

class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
};

const g = globalThis as Record<string, unknown>;

/** What Excel hands a function: the address of each argument ("" for a literal value). */
const inv = (...addresses: string[]) => ({ parameterAddresses: addresses }) as unknown as CustomFunctions.Invocation;

function useLanguage(lang: string | null): void {
  g.Office = {
    context: { document: { settings: { get: (key: string) => (key === WORKBOOK_LANGUAGE_SETTING ? lang : null) } } },
  };
}

beforeEach(() => {
  g.CustomFunctions = { Error: StubError, ErrorCode };
  delete g.Office;
  delete g.Excel;
  setRowReader(null);
});
afterEach(() => {
  delete g.CustomFunctions;
  delete g.Office;
  delete g.Excel;
});

describe("value form", () => {
  it("returns numbers and labels (a 1×1 array for row-capable functions)", async () => {
    expect(await growth(1.2, 1.47, 5, inv("", "", ""))).toEqual([[expect.closeTo(0.0414231, 6)]]);
    expect(await gap("１．２", "1.47", null, inv("", "", ""))).toEqual([[expect.closeTo(0.27, 12)]]);
    expect(await step(116, 150, 5, inv())).toEqual([[expect.closeTo(6.8, 12)]]);
    expect(await progress(116, 133, 150, null, inv())).toEqual([[0.5]]);
    expect(await status(116, 120, 150, 2020, 2025, 2023, null, null, null, inv())).toEqual([["滞后"]]);
    expect(elapsed(2020, 2025, 2023)).toBeCloseTo(0.6, 12);
    expect(expected(116, 150, 2020, 2025, 2023, null)).toBeCloseTo(136.4, 12);
  });

  it("throws CustomFunctions.Error with the message for #VALUE! and #N/A", async () => {
    await expect(gap("abc", 1.47, null, inv())).rejects.toEqual(
      new StubError("#VALUE!", "参数“实际值”：“abc”不是数字。"),
    );
    await expect(gap(1.2, null, "up", inv())).rejects.toEqual(new StubError("#N/A", "缺少参数“目标值”。"));
    expect(() => elapsed(2020, 2025, "later")).toThrow(StubError);
    expect(() => expected(116, 150, 2020, 2025, 2023, "curvy")).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: '参数“路径”应为 "linear" 或 "geometric"（线性/几何），“curvy”无法识别。',
      }),
    );
  });

  it("throws a plain Error (#VALUE! in Excel) on a CustomFunctionsRuntime 1.1 host without CustomFunctions.Error", () => {
    g.CustomFunctions = { associate: () => undefined };
    expect(() => elapsed(2020, 2025, "later")).toThrow(/#VALUE!/);
    expect(() => elapsed(2020, 2025, "later")).not.toThrow(StubError);
  });

  it("throws #NUM! and #DIV/0! without a message (Excel shows messages only for #VALUE! and #N/A)", async () => {
    await expect(growth(0, 1.47, 5, inv())).rejects.toEqual(new StubError("#NUM!"));
    expect(() => elapsed(2025, 2020, 2023)).toThrow(expect.objectContaining({ code: "#NUM!", message: undefined }));
    await expect(gap(1, "#DIV/0!", null, inv())).rejects.toEqual(new StubError("#DIV/0!"));
  });

  it("answers in the workbook's language from the document settings, Chinese when unset", async () => {
    useLanguage("en");
    expect(await status(116, 120, 150, 2020, 2025, 2023, null, null, null, inv())).toEqual([["lagging"]]);
    await expect(gap("abc", 1, null, inv())).rejects.toEqual(
      new StubError("#VALUE!", "Argument “actual”: “abc” is not a number."),
    );
    useLanguage("zh-CN");
    expect(await status(116, 120, 150, 2020, 2025, 2023, null, null, null, inv())).toEqual([["滞后"]]);
    useLanguage(null);
    expect(await status(116, 120, 150, 2020, 2025, 2023, null, null, null, inv())).toEqual([["滞后"]]);
  });

  it("never calls Excel when the single argument is a literal, not a reference", async () => {
    const book = new FakeWorkbook({ Sheet1: [] });
    g.Excel = { run: book.run };
    await expect(gap(5, null, null, inv("", "", ""))).rejects.toMatchObject({ code: "#N/A" });
    expect(book.runs).toBe(0);
  });
});

describe("row form through a fake Excel.run", () => {
  const plan = planWithFigures();
  /** The template at B3 of sheet "规划 指标" (a title above, a blank row between), as the pane inserts it. */
  function workbook(lang: "zh" | "en" = "zh"): FakeWorkbook {
    const grid: unknown[][] = [["", "张掖市“十四五”科技创新规划"], []];
    for (const row of templateGrid(plan, lang)) grid.push(["", ...row]);
    grid.push([], ["", "注：*为2019年数据"]);
    const book = new FakeWorkbook({ "规划 指标": grid, Other: [["x"]] });
    g.Excel = { run: book.run };
    return book;
  }
  const rowAddress = (id: string, col = "C") =>
    `'规划 指标'!${col}${4 + plan.indicators.findIndex((i) => i.id === id)}`;

  it("=PLAN.GAP(C5) reads the row of C5", async () => {
    const book = workbook();
    expect(await gap(1.2, null, null, inv(rowAddress("RD_INTENSITY")))).toEqual([[expect.closeTo(0.09, 12)]]);
    expect(
      await status("x", null, null, null, null, null, null, null, null, inv(rowAddress("RD_INTENSITY", "B"))),
    ).toEqual([["基本符合预期"]]);
    expect(book.syncs).toBe(2);
  });

  it("N row-form calls in one tick share one Excel.run and one context.sync", async () => {
    const book = workbook();
    const calls = plan.indicators.flatMap((ind) => {
      const a = rowAddress(ind.id);
      return [
        gap(null, null, null, inv(a)),
        growth(null, null, null, inv(a)),
        step(null, null, null, inv(a)),
        progress(null, null, null, null, inv(a)),
        status(null, null, null, null, null, null, null, null, null, inv(a)),
      ];
    });
    const results = await Promise.allSettled(calls);
    expect(results).toHaveLength(plan.indicators.length * 5);
    expect(book.runs).toBe(1);
    expect(book.syncs).toBe(1);
    const rd = plan.indicators.findIndex((i) => i.id === "RD_INTENSITY");
    expect(results[rd * 5]).toEqual({ status: "fulfilled", value: [[expect.closeTo(0.09, 12)]] });
    const lagging = plan.indicators.findIndex((i) => i.id === "HIGH_TECH_ENTERPRISES");
    expect(results[lagging * 5 + 4]).toEqual({ status: "fulfilled", value: [["滞后"]] });
  });

  it("1,000 indicator rows × 5 row functions: still one Excel.run and one sync", async () => {
    const big = {
      ...plan,
      indicators: Array.from({ length: 1000 }, (_, i) => ({
        ...plan.indicators[6]!,
        id: `IND_${i}`,
        // Below the target (150) in every row: a met target has no required growth (an error, see rowForm.test.ts).
        actuals: { "2023": { value: 116 + (i % 30) } },
      })),
    };
    const grid = templateGrid(big, "zh");
    const book = new FakeWorkbook({ Sheet1: grid });
    g.Excel = { run: book.run };
    const calls = big.indicators.flatMap((_, i) => {
      const a = `Sheet1!C${i + 2}`;
      return [
        gap(null, null, null, inv(a)),
        growth(null, null, null, inv(a)),
        step(null, null, null, inv(a)),
        progress(null, null, null, null, inv(a)),
        status(null, null, null, null, null, null, null, null, null, inv(a)),
      ];
    });
    const results = await Promise.all(calls);
    expect(book.runs).toBe(1);
    expect(book.syncs).toBe(1);
    expect(results[0]).toEqual([[34]]); // 150 − 116
    expect(results[5 * 29]).toEqual([[150 - 145]]);
  });

  it("follows edits of other cells of the row on the next calculation", async () => {
    const book = workbook();
    const address = rowAddress("HIGH_TECH_ENTERPRISES");
    expect(await status(null, null, null, null, null, null, null, null, null, inv(address))).toEqual([["滞后"]]);
    // staff type 2024's figure, 140, into the 2024年 column of that row
    const [r] = cellIndex(address.split("!")[1]!);
    const grid = book.sheets["规划 指标"]!;
    const header = grid[2]!;
    grid[r]![header.indexOf("2024年")] = 140;
    expect(await status(null, null, null, null, null, null, null, null, null, inv(address))).toEqual([
      ["基本符合预期"],
    ]);
    grid[r]![header.indexOf("人工状态")] = "快于预期";
    expect(await status(null, null, null, null, null, null, null, null, null, inv(address))).toEqual([["快于预期"]]);
    expect(book.syncs).toBe(3);
  });

  it("reads English templates and moved columns", async () => {
    const book = workbook("en");
    const grid = book.sheets["规划 指标"]!;
    // swap the Target and Baseline columns, headers and all
    const header = grid[2]!;
    const [t, b] = [header.indexOf("Target"), header.indexOf("Baseline")];
    for (const row of grid.slice(2, 2 + 1 + plan.indicators.length)) [row[t], row[b]] = [row[b], row[t]];
    useLanguage("en");
    expect(await gap(null, null, null, inv(rowAddress("RD_INTENSITY")))).toEqual([[expect.closeTo(0.09, 12)]]);
    expect(
      await status(null, null, null, null, null, null, null, null, null, inv(rowAddress("HIGH_TECH_ENTERPRISES"))),
    ).toEqual([["lagging"]]);
  });

  it("outside the template (title, header, right of the table, the note below, another sheet) the single argument is a value: #N/A asking for the other arguments", async () => {
    const book = workbook();
    const outside = [
      "'规划 指标'!B1",
      "'规划 指标'!B3",
      `'规划 指标'!${columnLetter(60)}5`,
      `'规划 指标'!B${5 + plan.indicators.length}`,
      "Other!A1",
    ];
    const results = await Promise.allSettled(outside.map((a) => gap(1, null, null, inv(a))));
    for (const r of results) {
      expect(r).toMatchObject({
        status: "rejected",
        reason: { code: "#N/A", message: expect.stringContaining("模板") },
      });
    }
    expect(book.syncs).toBe(1);
  });

  it("a sheet Excel cannot find gives #N/A saying the row could not be read", async () => {
    workbook();
    await expect(gap(1, null, null, inv("Missing!B5"))).rejects.toMatchObject({
      code: "#N/A",
      message: expect.stringContaining("无法读取"),
    });
  });
});
