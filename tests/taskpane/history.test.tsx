/**
 * The pane's figure history and target adjustment (src/taskpane/app/history): the selected cell mapped
 * to {indicator, year} through the template's header map (watchSelection on the stand-in), what the
 * panel says for each state of a cell, the recorder's timing (debounced, one at a time, held by the
 * operations that write the plan part, failures kept), and the components rendered in both languages
 * with plan and cell text as text.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { recordSheetFigures } from "../../src/core/figureHistory";
import { plan as planSchema, type Plan } from "../../src/core/planSchema";
import type { AdjustTargetOutcome } from "../../src/excel/adjustTarget";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { readTemplate } from "../../src/excel/readTemplate";
import type { RecordFiguresOutcome } from "../../src/excel/recordFigures";
import { planFromSnapshot, type SheetPlan } from "../../src/excel/sheetPlan";
import { watchSelection } from "../../src/excel/watchSelection";
import { mirrorSettingsToPart } from "../../src/excel/workbookPlanStore";
import { createFigureRecorder, IDLE_RECORDING, type RecorderState } from "../../src/taskpane/app/store/figureRecorder";
import { FigureHistoryPanel } from "../../src/taskpane/app/history/FigureHistoryPanel";
import { HistorySection } from "../../src/taskpane/app/history/HistorySection";
import { releaseWord } from "../../src/taskpane/app/history/historyStrings";
import { figureCellView, selectedCellAt } from "../../src/taskpane/app/history/selectedFigure";
import { adjustedText, TargetAdjustmentForm } from "../../src/taskpane/app/history/TargetAdjustmentForm";
import { cellOf, seedPlan } from "../excel/helpers";

const render = (el: ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);
const ID = "HIGH_TECH_ENTERPRISES";
const ROW = 6 + seedPlan.indicators.findIndex((i) => i.id === ID);
const at = (key: Parameters<typeof cellOf>[1], row = ROW) => cellOf(seedPlan, key, row);

describe("the selected cell, on the stand-in", () => {
  let standin: Standin;
  let uninstall: () => void;
  beforeEach(() => {
    standin = createStandin({ displayLanguage: "zh-CN" });
    uninstall = installStandin(standin);
  });
  afterEach(() => uninstall());

  async function sheetAfter(): Promise<{ sheet: SheetPlan; sheetName: string; tableName: string }> {
    const r = await insertTemplate(seedPlan, "zh");
    await mirrorSettingsToPart({}, { plan: seedPlan });
    return { sheet: planFromSnapshot(await readTemplate(r.tableName)), sheetName: r.sheetName, tableName: r.tableName };
  }

  it("watchSelection reports where staff click on the template's sheet, and the header map turns it into {indicator, year}", async () => {
    const { sheet, sheetName } = await sheetAfter();
    standin.workbook.select(sheetName, at("y2023"));
    const seen: string[] = [];
    const watch = await watchSelection(sheetName, (a) => seen.push(a));
    expect(watch.initial).toBe(at("y2023"));
    standin.workbook.select(sheetName, `${at("y2022")}:${at("y2023")}`);
    standin.workbook.select(sheetName, at("target"));
    await standin.whenIdle();
    expect(seen).toEqual([`${at("y2022")}:${at("y2023")}`, at("target")]);
    expect(selectedCellAt(sheet, seen[0]!)).toMatchObject({
      address: at("y2022"),
      indicatorId: ID,
      columnKey: "y2022",
      header: "2022年",
      year: 2022,
    });
    expect(selectedCellAt(sheet, seen[1]!)).toMatchObject({ indicatorId: ID, columnKey: "target", year: null });
    expect(selectedCellAt(sheet, `'${sheetName}'!${at("y2021")}`)).toMatchObject({ year: 2021 });
    // Outside the table's rows or columns, whole rows and columns: no cell.
    expect(selectedCellAt(sheet, "A1")).toBeNull();
    expect(selectedCellAt(sheet, at("y2021", 6 + seedPlan.indicators.length))).toBeNull();
    expect(selectedCellAt(sheet, "5:5")).toBeNull();
    expect(selectedCellAt(sheet, null)).toBeNull();
    await watch.stop();
    standin.workbook.select(sheetName, at("y2021"));
    await standin.whenIdle();
    expect(seen).toHaveLength(2);
  });

  it("says whether the cell's value is recorded, waiting to be, cleared but kept, unreadable or empty", async () => {
    const { sheetName, tableName } = await sheetAfter();
    standin.workbook.setCellInput(sheetName, at("y2021"), "120");
    standin.workbook.setCellInput(sheetName, at("y2022"), "abc");
    const sheet1 = planFromSnapshot(await readTemplate(tableName));
    const recorded = recordSheetFigures(seedPlan, sheet1.plan, "2022-02-01").plan;
    const view = (sheet: SheetPlan, stored: Plan, key: Parameters<typeof cellOf>[1]) =>
      figureCellView(sheet, stored, selectedCellAt(sheet, at(key)));
    expect(view(sheet1, seedPlan, "y2021")?.state).toBe("pending");
    expect(view(sheet1, recorded, "y2021")).toMatchObject({ state: "recorded", sheetValue: 120, year: 2021 });
    expect(view(sheet1, recorded, "y2022")).toMatchObject({ state: "unreadable", cellText: "abc" });
    expect(view(sheet1, recorded, "y2023")?.state).toBe("empty");
    expect(view(sheet1, recorded, "target")).toBeNull();
    standin.workbook.clearCells(sheetName, at("y2021"));
    const sheet2 = planFromSnapshot(await readTemplate(tableName));
    expect(view(sheet2, recorded, "y2021")).toMatchObject({ state: "cleared", sheetValue: null });
    // A figure in a row whose target cannot be read waits for that cell, and the panel names it.
    standin.workbook.setCellInput(sheetName, at("target"), "很多");
    standin.workbook.setCellInput(sheetName, at("y2023"), "133");
    const sheet3 = planFromSnapshot(await readTemplate(tableName));
    const blocked = view(sheet3, recorded, "y2023");
    expect(blocked).toMatchObject({ state: "rowBlocked", blockedBy: { address: at("target"), header: "目标值" } });
    const html = render(<FigureHistoryPanel lang="zh" view={blocked} onSave={async () => ({ ok: true, text: "" })} />);
    expect(html).toContain(`本行的单元格 ${at("target")} 目标值 需先修正`);
  });
});

describe("the figure recorder", () => {
  function fakeTimers() {
    let pending: Array<{ fn: () => void; at: number; id: number }> = [];
    let now = 0;
    let next = 1;
    return {
      setTimer: (fn: () => void, ms: number) => {
        const id = next++;
        pending.push({ fn, at: now + ms, id });
        return id;
      },
      clearTimer: (id: unknown) => {
        pending = pending.filter((p) => p.id !== id);
      },
      advance(ms: number) {
        now += ms;
        const due = pending.filter((p) => p.at <= now);
        pending = pending.filter((p) => p.at > now);
        for (const p of due) p.fn();
      },
    };
  }
  const recorded = (n: number): RecordFiguresOutcome => ({
    kind: "recorded",
    saved: true,
    stored: { ...seedPlan, id: `p${n}` },
    changes: [],
    notInSheet: [],
    rowsNotInSheet: [],
    rowsNotStored: [],
  });
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it("records once after the sheet stops changing, one recording at a time, and waits while an operation holds it", async () => {
    const timers = fakeTimers();
    let calls = 0;
    let release: (() => void) | null = null;
    const states: RecorderState[] = [];
    const recorder = createFigureRecorder({
      record: () =>
        new Promise((resolve) => {
          calls++;
          const n = calls;
          release = () => resolve(recorded(n));
        }),
      onChange: (s) => states.push(s),
      delayMs: 1000,
      ...timers,
    });
    recorder.schedule();
    timers.advance(500);
    recorder.schedule(); // typing goes on: the delay restarts
    timers.advance(900);
    expect(calls).toBe(0);
    timers.advance(100);
    expect(calls).toBe(1);
    // Asked again while it runs: one more run afterwards, not two at once.
    recorder.schedule();
    timers.advance(1000);
    expect(calls).toBe(1);
    release!();
    await tick();
    expect(calls).toBe(2);
    release!();
    await tick();
    expect(recorder.state()).toMatchObject({ running: false, error: null, stored: { id: "p2" } });

    // An operation holds the recorder (the store's lock): a recording that falls due waits for it.
    let endHold = () => {};
    const held = recorder.exclusive(() => new Promise<void>((resolve) => (endHold = resolve)));
    recorder.schedule();
    timers.advance(1000);
    expect(calls).toBe(2);
    endHold();
    await held;
    expect(calls).toBe(3);
    release!();
    await tick();
    recorder.dispose();
    recorder.schedule();
    timers.advance(5000);
    expect(calls).toBe(3);
  });

  it("holds recordings while another operation rewrites the plan part, and keeps a failure to show", async () => {
    const timers = fakeTimers();
    const log: string[] = [];
    let fail = false;
    const recorder = createFigureRecorder({
      record: async () => {
        log.push("record");
        if (fail) throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
        return recorded(log.length);
      },
      onChange: () => undefined,
      delayMs: 10,
      ...timers,
    });
    const op = recorder.exclusive(async () => {
      log.push("op start");
      recorder.schedule();
      timers.advance(10); // due while held: waits
      await tick();
      log.push("op end");
      return 7;
    });
    expect(await op).toBe(7);
    await tick();
    expect(log).toEqual(["op start", "op end", "record"]);
    fail = true;
    await recorder.flush();
    expect(recorder.state().error?.code).toBe("cellEditMode");
    fail = false;
    await recorder.flush();
    expect(recorder.state().error).toBeNull();
  });
});

describe("history components", () => {
  const hostile = planSchema.parse({
    ...seedPlan,
    indicators: seedPlan.indicators.map((ind) =>
      ind.id === ID
        ? {
            ...ind,
            name: { zh: "<img src=x onerror=alert(1)>", en: "<b>bold</b>" },
            actuals: {
              "2021": {
                value: 123,
                release: "revised",
                source: "<script>x</script>",
                enteredOn: "2022-06-30",
                history: [
                  { value: 118, release: "preliminary", enteredOn: "2022-01-10", replacedOn: "2022-03-01" },
                  {
                    value: 120,
                    release: "annual",
                    source: "2021年统计年鉴",
                    enteredOn: "2022-03-01",
                    replacedOn: "2022-06-30",
                  },
                ],
              },
            },
          }
        : ind,
    ),
  });
  const ind = hostile.indicators.find((i) => i.id === ID)!;
  const view = {
    address: "M12",
    indicatorId: ID,
    indicator: ind,
    year: 2021,
    sheetValue: 123,
    cellText: "123",
    state: "recorded" as const,
    record: {
      indicatorId: ID,
      year: 2021,
      current: ind.actuals["2021"]!,
      previous: [...ind.actuals["2021"]!.history!].reverse(),
    },
  };
  const save = async () => ({ ok: true as const, text: "ok" });

  it("shows the value, its release, source and entry date, and the values it replaced with their dates, most recent first", () => {
    const zh = render(<FigureHistoryPanel lang="zh" view={view} onSave={save} />);
    expect(zh).toContain("数据来源与修订记录");
    expect(zh).toContain("M12 · &lt;img src=x onerror=alert(1)&gt; · 2021年");
    expect(zh).not.toContain("<img");
    expect(zh).not.toContain("<script>");
    expect(zh).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(zh).toContain("2022-06-30");
    const first = zh.indexOf("120（年报；录入 2022-03-01；2022-06-30 被替换）");
    const second = zh.indexOf("118（快报；录入 2022-01-10；2022-03-01 被替换）");
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(zh).toContain("来源：2021年统计年鉴");
    expect(zh).toContain("保存来源");
    const en = render(<FigureHistoryPanel lang="en" view={view} onSave={save} />);
    expect(en).toContain("120 (Annual (年报); entered 2022-03-01; replaced 2022-06-30)");
    expect(en).toContain("Save source");
    expect([releaseWord("preliminary", "zh"), releaseWord("annual", "zh"), releaseWord("revised", "zh")]).toEqual([
      "快报",
      "年报",
      "修订",
    ]);
  });

  it("says what a cell that is not recorded, cleared or not a figure holds", () => {
    const pending = render(
      <FigureHistoryPanel lang="zh" view={{ ...view, sheetValue: 125, state: "pending" }} onSave={save} />,
    );
    expect(pending).toContain("单元格中的 125 尚未记录，稍后自动记录；此前记录的数值为 123");
    const cleared = render(
      <FigureHistoryPanel lang="en" view={{ ...view, sheetValue: null, state: "cleared" }} onSave={save} />,
    );
    expect(cleared).toContain("The cell was cleared; the workbook keeps the last value recorded, 123 (2022-06-30)");
    const none = render(
      <FigureHistoryPanel lang="zh" view={null} other={{ address: "J12", header: "目标值" }} onSave={save} />,
    );
    expect(none).toContain("所选单元格 J12 不是年度数据单元格（目标值）");
  });

  it("the adjustment form shows the original target and the approved adjustments, in both languages", () => {
    const adjusted = {
      ...ind,
      targetAdjustments: [
        {
          target: { kind: "level" as const, value: 170, comparator: ">=" as const, obligation: "reach" as const },
          date: "2023-06-30",
          document: "张政办发〔2023〕12号",
          reason: "<i>中期评估</i>",
        },
      ],
    };
    const submit = async (): Promise<AdjustTargetOutcome> => ({ kind: "notFound", message: { zh: "", en: "" } });
    const zh = render(<TargetAdjustmentForm lang="zh" indicator={adjusted} onSubmit={submit} />);
    expect(zh).toContain("目标动态调整");
    expect(zh).toContain("原目标");
    expect(zh).toContain("150");
    expect(zh).toContain("170（2023-06-30，张政办发〔2023〕12号）：&lt;i&gt;中期评估&lt;/i&gt;");
    for (const label of ["调整后目标", "批准日期", "批准文号", "调整原因", "记录调整"]) expect(zh).toContain(label);
    const en = render(<TargetAdjustmentForm lang="en" indicator={adjusted} onSubmit={submit} />);
    for (const label of ["Adjusted target", "Approval date", "Document number", "Reason", "Record adjustment"])
      expect(en).toContain(label);
    // A qualitative target has no number to adjust: the form says so and stays disabled.
    const text = seedPlan.indicators.find((i) => i.target.kind === "text")!;
    const textForm = render(<TargetAdjustmentForm lang="zh" indicator={text} onSubmit={submit} />);
    expect(textForm).toContain("没有可调整的数值");
    expect(textForm).toMatch(/<button[^>]*disabled[^>]*>.*记录调整/s);
  });

  it("says what the adjustment did in staff's words", () => {
    const outcome: Extract<AdjustTargetOutcome, { kind: "adjusted" }> = {
      kind: "adjusted",
      address: "K12",
      cell: "written",
      stored: seedPlan,
      indicator: ind,
      adjustment: {
        target: { kind: "level", value: 170, comparator: ">=", obligation: "reach" },
        date: "2023-06-30",
        document: "张政办发〔2023〕12号",
        reason: "r",
      },
    };
    expect(adjustedText(outcome, "zh")).toBe(
      "已在 K12 写入调整后目标 170，并记录批准文号 张政办发〔2023〕12号；原目标 150 保留。状态按调整后目标计算。",
    );
    expect(adjustedText({ ...outcome, cell: "replaced", replaced: "165" }, "en")).toContain(
      "Replaced 165, typed by hand in K12",
    );
  });

  it("the section renders with no cell selected yet (hooks start after mount)", () => {
    const sheet = {
      plan: seedPlan,
      rowOf: new Map<string, number>(),
      headerMap: {},
      snapshot: {
        tableName: "T",
        sheetName: "S",
        body: { sheetName: "S", firstRow: 6, firstColumn: 0, rowCount: 0, columnCount: 0 },
        headers: [],
        values: [],
        valueTypes: [],
        stored: { kind: "none" as const },
        evaluationYearInput: "",
      },
    } as unknown as SheetPlan;
    const html = render(
      <HistorySection
        lang="zh"
        sheet={sheet}
        selection={null}
        selectionError={null}
        recording={IDLE_RECORDING}
        lock={async (_op, work) => ({ ran: true, value: await work() })}
        showStored={() => undefined}
      />,
    );
    expect(html).toContain("在指标表中选中某个年份的数据单元格");
    expect(html).toContain("在指标表中选中某个指标所在行的任一单元格");
  });
});
