/**
 * The Excel wrappers in functions.ts with a stub CustomFunctions global (Error + ErrorCode, as
 * custom-functions-runtime.js defines them) and a fake Excel (tests/functions/fakeExcel.ts): errors become
 * the right CustomFunctions.Error; the streaming functions answer through setResult (an error as the whole
 * result); the row form reads a sheet once for all its cells, then follows edits of the row — one read of
 * the changed row, a push only where the result changed, nothing for an edit outside the template.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WORKBOOK_LANGUAGE_SETTING } from "../../src/core/templateLayout";
import { setStreamHub, streamHub } from "../../src/functions/excelHost";
import { datayear, elapsed, expected, gap, growth, progress, status, step } from "../../src/functions/functions";
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

/** A streaming call as Excel makes it: the arguments' addresses ("" for a literal) and setResult. */
class Call {
  results: unknown[] = [];
  canceled = false;
  readonly invocation: CustomFunctions.StreamingInvocation<unknown[][]>;
  constructor(addresses: string[]) {
    this.invocation = {
      parameterAddresses: addresses,
      setResult: (value: unknown) => this.results.push(value),
    } as unknown as CustomFunctions.StreamingInvocation<unknown[][]>;
  }
  get last(): unknown {
    return this.results[this.results.length - 1];
  }
  /** Excel cancels the call (its formula edited or deleted, an argument changed). */
  cancel(): void {
    this.canceled = true;
    this.invocation.onCanceled?.();
  }
}

const calls: Call[] = [];
const inv = (...addresses: string[]) => {
  const c = new Call(addresses);
  calls.push(c);
  return c;
};

/** Waits until every call has its first result (the sheet's first read is asynchronous in Excel). */
async function settled(...cs: Call[]): Promise<void> {
  for (let i = 0; i < 200 && cs.some((c) => c.results.length === 0); i++) await new Promise((r) => setTimeout(r, 1));
  for (const c of cs) expect(c.results.length, "no result").toBeGreaterThan(0);
}

function useLanguage(lang: string | null, cfr = "1.3"): void {
  g.Office = {
    context: {
      document: { settings: { get: (key: string) => (key === WORKBOOK_LANGUAGE_SETTING ? lang : null) } },
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === "CustomFunctionsRuntime" ? Number(version.split(".")[1]) <= Number(cfr.split(".")[1]) : true,
      },
    },
  };
}

beforeEach(() => {
  g.CustomFunctions = { Error: StubError, ErrorCode };
  useLanguage(null);
  delete g.Excel;
  setStreamHub(null);
});
afterEach(() => {
  for (const c of calls.splice(0)) if (!c.canceled) c.cancel();
  delete g.CustomFunctions;
  delete g.Office;
  delete g.Excel;
});

describe("value form", () => {
  it("answers at once: numbers and labels (a 1×1 array for the streaming functions)", () => {
    const c = [inv("", "", ""), inv("", "", ""), inv(), inv(), inv()];
    growth(1.2, 1.47, 5, c[0]!.invocation);
    gap("１．２", "1.47", null, c[1]!.invocation);
    step(116, 150, 5, c[2]!.invocation);
    progress(116, 133, 150, null, c[3]!.invocation);
    status(116, 120, 150, 2020, 2025, 2023, null, null, null, c[4]!.invocation);
    expect(c.map((x) => x.results)).toEqual([
      [[[expect.closeTo(0.0414231, 6)]]],
      [[[expect.closeTo(0.27, 12)]]],
      [[[expect.closeTo(6.8, 12)]]],
      [[[0.5]]],
      [[["滞后"]]],
    ]);
    expect(elapsed(2020, 2025, 2023)).toBeCloseTo(0.6, 12);
    expect(expected(116, 150, 2020, 2025, 2023, null)).toBeCloseTo(136.4, 12);
  });

  it("sets CustomFunctions.Error with the message for #VALUE! and #N/A as the whole result; value functions throw it", () => {
    const a = inv();
    gap("abc", 1.47, null, a.invocation);
    expect(a.results).toEqual([new StubError("#VALUE!", "参数“实际值”：“abc”不是数字。")]);
    const b = inv();
    gap(1.2, null, "up", b.invocation);
    expect(b.results).toEqual([new StubError("#N/A", "缺少参数“目标值”。")]);
    expect(() => elapsed(2020, 2025, "later")).toThrow(StubError);
    expect(() => expected(116, 150, 2020, 2025, 2023, "curvy")).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: '参数“路径”应为 "linear" 或 "geometric"（线性/几何），“curvy”无法识别。',
      }),
    );
  });

  it("on a CustomFunctionsRuntime 1.1 host (no CustomFunctions.Error) a plain Error, which Excel shows as #VALUE!", () => {
    useLanguage(null, "1.1");
    g.CustomFunctions = { associate: () => undefined };
    expect(() => elapsed(2020, 2025, "later")).toThrow(/#VALUE!/);
    expect(() => elapsed(2020, 2025, "later")).not.toThrow(StubError);
  });

  it("#NUM! and #DIV/0! without a message (Excel shows messages only for #VALUE! and #N/A)", () => {
    const a = inv();
    growth(0, 1.47, 5, a.invocation);
    expect(a.results).toEqual([new StubError("#NUM!")]);
    expect(() => elapsed(2025, 2020, 2023)).toThrow(expect.objectContaining({ code: "#NUM!", message: undefined }));
    const b = inv();
    gap(1, "#DIV/0!", null, b.invocation);
    expect(b.results).toEqual([new StubError("#DIV/0!")]);
  });

  it("answers in the workbook's language from the document settings, Chinese when unset", () => {
    const run = () => {
      const c = inv();
      status(116, 120, 150, 2020, 2025, 2023, null, null, null, c.invocation);
      return c.last;
    };
    useLanguage("en");
    expect(run()).toEqual([["lagging"]]);
    const c = inv();
    gap("abc", 1, null, c.invocation);
    expect(c.last).toEqual(new StubError("#VALUE!", "Argument “actual”: “abc” is not a number."));
    useLanguage("zh-CN");
    expect(run()).toEqual([["滞后"]]);
    useLanguage(null);
    expect(run()).toEqual([["滞后"]]);
  });

  it("never calls Excel when the single argument is a literal, not a reference", () => {
    const book = new FakeWorkbook({ Sheet1: [] });
    g.Excel = { run: book.run };
    const c = inv("", "", "");
    gap(5, null, null, c.invocation);
    expect(c.last).toMatchObject({ code: "#N/A" });
    expect(book.runs).toBe(0);
  });
});

describe("row form through a fake Excel", () => {
  const plan = planWithFigures();
  const SHEET = "规划 指标";
  /** The template at B3 of sheet "规划 指标" (a title above, a blank row between), as the pane inserts it. */
  function workbook(lang: "zh" | "en" = "zh"): FakeWorkbook {
    const grid: unknown[][] = [["", "张掖市“十四五”科技创新规划"], []];
    for (const row of templateGrid(plan, lang)) grid.push(["", ...row]);
    grid.push([], ["", "注：*为2019年数据"]);
    const book = new FakeWorkbook({ [SHEET]: grid, Other: [["x"]] });
    g.Excel = { run: book.run };
    return book;
  }
  const rowOf = (id: string) => 4 + plan.indicators.findIndex((i) => i.id === id);
  const rowAddress = (id: string, col = "C") => `'${SHEET}'!${col}${rowOf(id)}`;
  /** Column letter of a header in the fake sheet (the template starts in column B). */
  const columnOf = (book: FakeWorkbook, header: string) => columnLetter(book.sheets[SHEET]![2]!.indexOf(header));

  it("=PLAN.GAP(C5) reads the row of C5: one read of the sheet for all its cells", async () => {
    const book = workbook();
    const a = inv(rowAddress("RD_INTENSITY"));
    gap(1.2, null, null, a.invocation);
    const b = inv(rowAddress("RD_INTENSITY", "B"));
    status("x", null, null, null, null, null, null, null, null, b.invocation);
    await settled(a, b);
    expect(a.results).toEqual([[[expect.closeTo(0.09, 12)]]]);
    expect(b.results).toEqual([[["基本符合预期"]]]);
    expect(book.syncs).toBe(2); // one to register the change handler, one to read the sheet
  });

  it("every row-form cell of a sheet shares one read: 5 functions × every indicator", async () => {
    const book = workbook();
    const cs = plan.indicators.flatMap((ind) => {
      const a = rowAddress(ind.id);
      const five = [inv(a), inv(a), inv(a), inv(a), inv(a)];
      gap(null, null, null, five[0]!.invocation);
      growth(null, null, null, five[1]!.invocation);
      step(null, null, null, five[2]!.invocation);
      progress(null, null, null, null, five[3]!.invocation);
      status(null, null, null, null, null, null, null, null, null, five[4]!.invocation);
      return five;
    });
    await settled(...cs);
    expect(book.syncs).toBe(2);
    const rd = plan.indicators.findIndex((i) => i.id === "RD_INTENSITY");
    expect(cs[rd * 5]!.last).toEqual([[expect.closeTo(0.09, 12)]]);
    const lagging = plan.indicators.findIndex((i) => i.id === "HIGH_TECH_ENTERPRISES");
    expect(cs[lagging * 5 + 4]!.last).toEqual([["滞后"]]);
  });

  it("1,000 indicator rows × 5 row functions: still one read", async () => {
    const big = {
      ...plan,
      indicators: Array.from({ length: 1000 }, (_, i) => ({
        ...plan.indicators[6]!,
        id: `IND_${i}`,
        // Below the target (150) in every row: a met target has no required growth (an error, see rowForm.test.ts).
        actuals: { "2023": { value: 116 + (i % 30) } },
      })),
    };
    const book = new FakeWorkbook({ Sheet1: templateGrid(big, "zh") });
    g.Excel = { run: book.run };
    const cs = big.indicators.flatMap((_, i) => {
      const a = `Sheet1!C${i + 2}`;
      const five = [inv(a), inv(a), inv(a), inv(a), inv(a)];
      gap(null, null, null, five[0]!.invocation);
      growth(null, null, null, five[1]!.invocation);
      step(null, null, null, five[2]!.invocation);
      progress(null, null, null, null, five[3]!.invocation);
      status(null, null, null, null, null, null, null, null, null, five[4]!.invocation);
      return five;
    });
    await settled(...cs);
    expect(book.syncs).toBe(2);
    expect(cs[0]!.last).toEqual([[34]]); // 150 − 116
    expect(cs[5 * 29]!.last).toEqual([[150 - 145]]);
  });

  it("follows edits of its row: one read of the changed row, a push only where the result changed", async () => {
    const book = workbook();
    const lagging = inv(rowAddress("HIGH_TECH_ENTERPRISES"));
    status(null, null, null, null, null, null, null, null, null, lagging.invocation);
    const other = inv(rowAddress("RD_INTENSITY"));
    status(null, null, null, null, null, null, null, null, null, other.invocation);
    await settled(lagging, other);
    expect(lagging.results).toEqual([[["滞后"]]]);
    const syncs = book.syncs;
    // staff correct 2023's figure, 120 → 135, in the 2023年 column of that row (progress 19/34 at time 0.6)
    await book.edit(SHEET, `${columnOf(book, "2023年")}${rowOf("HIGH_TECH_ENTERPRISES")}`, 135);
    await streamHub().idle();
    expect(lagging.results).toEqual([[["滞后"]], [["基本符合预期"]]]);
    expect(other.results).toHaveLength(1); // RD_INTENSITY's row did not change: not even evaluated again
    expect(streamHub().stats).toMatchObject({ blockReads: 1, recomputed: 1, pushes: 1 });
    expect(book.syncs - syncs).toBe(1); // one read of the changed row
    await book.edit(SHEET, `${columnOf(book, "人工状态")}${rowOf("HIGH_TECH_ENTERPRISES")}`, "快于预期");
    await streamHub().idle();
    expect(lagging.last).toEqual([["快于预期"]]);
  });

  it("an edit outside every template of the sheet, or on another sheet, reads nothing and pushes nothing", async () => {
    const book = workbook();
    const c = inv(rowAddress("RD_INTENSITY"));
    gap(null, null, null, c.invocation);
    await settled(c);
    const syncs = book.syncs;
    await book.edit(SHEET, "AZ200", "a note far away");
    await book.edit(SHEET, `${columnLetter(60)}5`, "right of the table");
    await book.edit("Other", "A1", "y");
    await streamHub().idle();
    expect(book.syncs).toBe(syncs);
    expect(c.results).toHaveLength(1);
    expect(streamHub().stats).toMatchObject({ blockReads: 0, recomputed: 0, pushes: 0 });
  });

  it("a new evaluation year (B3 typed) reaches every row-form cell of the template", async () => {
    const book = workbook();
    const cs = plan.indicators.map((ind) => {
      const c = inv(rowAddress(ind.id));
      status(null, null, null, null, null, null, null, null, null, c.invocation);
      return c;
    });
    await settled(...cs);
    const rd = cs[plan.indicators.findIndex((i) => i.id === "RD_INTENSITY")]!;
    expect(rd.last).toEqual([["基本符合预期"]]);
    // No title block label in this fake sheet: add one, as the template has, and type 2025 next to it.
    await book.edit(SHEET, "B2", "评估年份");
    await book.edit(SHEET, "C2", 2025);
    await streamHub().idle();
    expect(rd.last).toEqual([["数据滞后（2023年）"]]);
  });

  it("reads English templates and moved columns", async () => {
    const book = workbook("en");
    const grid = book.sheets[SHEET]!;
    // swap the Target and Baseline columns, headers and all
    const header = grid[2]!;
    const [t, b] = [header.indexOf("Target"), header.indexOf("Baseline")];
    for (const row of grid.slice(2, 2 + 1 + plan.indicators.length)) [row[t], row[b]] = [row[b], row[t]];
    useLanguage("en");
    const a = inv(rowAddress("RD_INTENSITY"));
    gap(null, null, null, a.invocation);
    const s = inv(rowAddress("HIGH_TECH_ENTERPRISES"));
    status(null, null, null, null, null, null, null, null, null, s.invocation);
    await settled(a, s);
    expect(a.last).toEqual([[expect.closeTo(0.09, 12)]]);
    expect(s.last).toEqual([["lagging"]]);
  });

  it("outside the template (title, header, right of the table, the note below, another sheet) the single argument is a value: #N/A asking for the other arguments", async () => {
    workbook();
    const outside = [
      "'规划 指标'!B1",
      "'规划 指标'!B3",
      `'规划 指标'!${columnLetter(60)}5`,
      `'规划 指标'!B${5 + plan.indicators.length}`,
      "Other!A1",
    ];
    const cs = outside.map((a) => {
      const c = inv(a);
      gap(1, null, null, c.invocation);
      return c;
    });
    await settled(...cs);
    for (const c of cs) expect(c.last).toMatchObject({ code: "#N/A", message: expect.stringContaining("模板") });
  });

  it("a sheet Excel cannot find gives #N/A saying why", async () => {
    workbook();
    const c = inv("Missing!B5");
    gap(1, null, null, c.invocation);
    await settled(c);
    expect(c.last).toMatchObject({ code: "#N/A", message: expect.stringContaining("Missing") });
  });

  it("PLAN.DATAYEAR with the header row alone: the latest year, pushed again only when it changes", async () => {
    const book = workbook();
    const header = `'${SHEET}'!$B$3:$${columnLetter(book.sheets[SHEET]![2]!.length - 1)}$3`;
    const c = inv(header, "");
    datayear([book.sheets[SHEET]![2]!], null as never, c.invocation);
    await settled(c);
    expect(c.results).toEqual([[[2023]]]);
    const r = rowOf("HIGH_TECH_ENTERPRISES");
    await book.edit(SHEET, `${columnOf(book, "2023年")}${r}`, 130); // the same year: nothing pushed
    await streamHub().idle();
    expect(c.results).toHaveLength(1);
    await book.edit(SHEET, `${columnOf(book, "2024年")}${r}`, 135); // a 2024 figure: the year moves
    await streamHub().idle();
    expect(c.results).toEqual([[[2023]], [[2024]]]);
  });

  it("canceled by Excel (formula edited or deleted): the change handler goes with the last cell of the sheet", async () => {
    const book = workbook();
    const a = inv(rowAddress("RD_INTENSITY"));
    gap(null, null, null, a.invocation);
    const b = inv(rowAddress("HIGH_TECH_ENTERPRISES"));
    gap(null, null, null, b.invocation);
    await settled(a, b);
    expect(book.handlers[SHEET]).toHaveLength(1);
    a.cancel();
    expect(book.handlers[SHEET]).toHaveLength(1);
    b.cancel();
    await new Promise((r) => setTimeout(r, 5));
    expect(book.handlers[SHEET]).toHaveLength(0);
    expect(streamHub().size).toBe(0);
  });

  it("on an Excel without parameter addresses (CustomFunctionsRuntime 1.2) a single argument says a newer Excel is needed", () => {
    useLanguage(null, "1.2");
    workbook();
    const c = inv(rowAddress("RD_INTENSITY"));
    gap(null, null, null, c.invocation);
    expect(c.last).toMatchObject({ code: "#N/A", message: expect.stringContaining("1.3") });
  });

  it("knows a cell by its address (cellIndex is the fake's own helper)", () => {
    expect(cellIndex("AB12")).toEqual([11, 27]);
  });
});
