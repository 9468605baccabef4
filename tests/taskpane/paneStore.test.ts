/**
 * The pane's store in node against the Excel stand-in: the plan state after Insert, the one operation lock
 * (an action started while a portable copy is being written is refused and does not run), the sheet
 * watched with a debounce (several edits, one re-read), notices, and the one failure reporter.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { highlightsOn } from "../../src/excel/highlights";
import { readTemplate } from "../../src/excel/readTemplate";
import { STATE_KEY } from "../../src/excel/templateState";
import { checkStoredPlan } from "../../src/taskpane/app/store/paneOpen";
import { insert } from "../../src/taskpane/app/store/insertAction";
import { createPaneStore, type PaneStore } from "../../src/taskpane/app/store/paneStore";
import { readyOf } from "../../src/taskpane/app/store/planState";
import { highlight, validate } from "../../src/taskpane/app/store/sheetActions";
import { writeSheet } from "../../src/taskpane/app/report/reportPanelActions";
import { portableCopy } from "../../src/taskpane/app/travel/travelPanelActions";
import { t } from "../../src/taskpane/app/i18n";
import { cellOf, seedPlan, useHost } from "../excel/helpers";

const host = useHost();
let store: PaneStore | null = null;

afterEach(async () => {
  await store?.stop();
  store = null;
  vi.restoreAllMocks();
});

async function started(debounceMs = 40, recordDelayMs?: number): Promise<PaneStore> {
  store = createPaneStore({ lang: "zh", plan: seedPlan, debounceMs, ...(recordDelayMs ? { recordDelayMs } : {}) });
  await store.start();
  return store;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to 3 s) until `ready()` holds; fails the test otherwise. */
async function until(ready: () => boolean): Promise<void> {
  for (let waited = 0; !ready(); waited += 20) {
    if (waited > 3000) throw new Error("timed out");
    await sleep(20);
  }
}

const HIGH_TECH_ROW = 6 + seedPlan.indicators.findIndex((i) => i.id === "HIGH_TECH_ENTERPRISES");

describe("the pane store", () => {
  it("holds the plan state: none before Insert, the template's plan and summary after, with a notice", async () => {
    const s = await started();
    expect(s.getState().plan.kind).toBe("none");
    expect(await insert(s)).toBe("done");
    const ready = readyOf(s.getState().plan);
    expect(ready?.sheet.plan.indicators).toHaveLength(seedPlan.indicators.length);
    expect(ready?.snapshot.sheetName).toBe("规划指标");
    expect(s.getState().busy).toBeNull();
    expect(s.getState().notices).toEqual([
      expect.objectContaining({
        intent: "success",
        text: "已插入工作表“规划指标”（11 个主要指标，表下另列 4 个其他目标）。",
      }),
    ]);
  });

  it("runs one operation at a time: while a portable copy is written, Insert, Validate, highlight and the report are refused and never run", async () => {
    const s = await started();
    await insert(s);
    const sheetsBefore = host.standin.workbook.sheets().map((x) => x.name);
    // Staff are typing in a cell: the copy's batch waits for them (delayForCellEdit), so it stays in progress.
    host.standin.workbook.setCellEditMode(true);
    const copy = portableCopy(s, "native");
    expect(s.getState().busy).toBe("portableCopy");

    const refused = await Promise.all([
      insert(s),
      validate(s),
      highlight(s, true),
      writeSheet(s, { year: 2023, kind: "midterm", pathIndicatorId: null }),
    ]);
    expect(refused).toEqual(["refused", "refused", "refused", "refused"]);
    expect(s.getState().busy).toBe("portableCopy");
    expect(s.getState().notices[0]?.text).toContain("“生成便携副本”尚未完成");

    host.standin.workbook.setCellEditMode(false);
    expect(await copy).toBe("done");
    expect(s.getState().busy).toBeNull();
    // The copy was written, and nothing else: no refreshed template, no highlight rules, no report sheet.
    const sheetsAfter = host.standin.workbook.sheets().map((x) => x.name);
    expect(sheetsAfter).toEqual([...sheetsBefore, "规划指标（便携）"]);
    expect(highlightsOn(await readTemplate(readyOf(s.getState().plan)!.snapshot.tableName))).toBe(false);
    expect(s.getState().findings).toBeNull();
    expect(s.getState().notices[0]?.text).toMatch(/^已生成工作表“规划指标（便携）”/);
    // Free again: the next action runs.
    expect(await validate(s)).toBe("done");
    expect(s.getState().findings).not.toBeNull();
  });

  it("reads the sheet again once after several quick edits (debounced), with the last edit in it", async () => {
    const s = await started(60);
    await insert(s);
    const ready = readyOf(s.getState().plan)!;
    let reads = 0;
    s.subscribe((now, before) => {
      if (now.plan !== before.plan) reads++;
    });
    const row = 6 + seedPlan.indicators.findIndex((i) => i.id === "HIGH_TECH_ENTERPRISES");
    for (const value of ["120", "125", "130", "133", "140"])
      host.standin.workbook.setCellInput(ready.snapshot.sheetName, cellOf(seedPlan, "y2021", row), value);
    await host.standin.whenIdle();
    await sleep(250);
    expect(reads).toBe(1);
    const after = readyOf(s.getState().plan)!;
    const figure = after.sheet.plan.indicators.find((i) => i.id === "HIGH_TECH_ENTERPRISES")!.actuals["2021"];
    expect(figure?.value).toBe(140);
  });

  it("reports a failure once, in the notice area with the operation's name, and logs it", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const s = await started();
    await insert(s);
    // The workbook is replaced behind the pane's back (another file opened): its table is gone.
    host.standin.reset();
    expect(await validate(s)).toBe("failed");
    expect(s.getState().notices).toEqual([
      {
        intent: "error",
        title: "操作未完成：校验数据",
        text: t("zh", "err_templateNotFound"),
      },
    ]);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toContain("Validate (validate) failed");
    expect(s.getState().busy).toBeNull();
    s.dismiss(0);
    expect(s.getState().notices).toEqual([]);
  });

  it("follows the cell staff select on the template's sheet, and stops following when the pane closes", async () => {
    const s = await started();
    await insert(s);
    const sheetName = readyOf(s.getState().plan)!.snapshot.sheetName;
    const cell = cellOf(seedPlan, "y2021", HIGH_TECH_ROW);
    host.standin.workbook.select(sheetName, cell);
    await host.standin.whenIdle();
    await until(() => s.getState().selection !== null);
    expect(s.getState().selection).toEqual({ sheet: sheetName, address: cell });
    expect(s.getState().selectionError).toBeNull();
    await s.stop();
    host.standin.workbook.select(sheetName, cellOf(seedPlan, "y2022", HIGH_TECH_ROW));
    await host.standin.whenIdle();
    await sleep(50);
    expect(s.getState().selection).toEqual({ sheet: sheetName, address: cell });
  });

  it("records the figures staff enter in the background, never beside an operation: one that falls due under the lock waits for it", async () => {
    const s = await started(20, 30);
    await insert(s);
    // The first recording, after the insert released the lock.
    await until(() => s.getState().recording.stored !== null && !s.getState().recording.running);
    const recorded = () =>
      s.getState().recording.stored?.indicators.find((i) => i.id === "HIGH_TECH_ENTERPRISES")?.actuals["2021"]?.value;
    expect(recorded()).toBeUndefined();

    let finish = () => {};
    const op = s.exclusive("validate", () => new Promise<void>((resolve) => (finish = resolve)));
    const sheetName = readyOf(s.getState().plan)!.snapshot.sheetName;
    host.standin.workbook.setCellInput(sheetName, cellOf(seedPlan, "y2021", HIGH_TECH_ROW), "140");
    await host.standin.whenIdle();
    // The sheet is read again (the summary follows) but the recording waits for the operation.
    await until(() => readyOf(s.getState().plan)!.sheet.plan.indicators.some((i) => i.actuals["2021"]?.value === 140));
    await sleep(200);
    expect(s.getState().recording.running).toBe(false);
    expect(recorded()).toBeUndefined();

    finish();
    expect(await op).toEqual({ ran: true, value: undefined });
    await until(() => recorded() === 140);
    expect(s.getState().recording.error).toBeNull();
  });

  it("checks the stored plan when the pane opens, without the sharing panel: a damaged setting is restored and the plan shown", async () => {
    const first = await started();
    await insert(first);
    const tableName = readyOf(first.getState().plan)!.snapshot.tableName;
    await first.stop();
    await Excel.run(async (context) => {
      context.workbook.settings.add(STATE_KEY, '{"version":2,"tableName":');
      await context.sync();
    });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The pane opens again: the setting cannot be read, so the plan cannot be located yet.
    const s = await started();
    expect(s.getState().plan.kind).toBe("error");
    await checkStoredPlan(s);
    expect(s.getState().notices).toEqual([{ intent: "info", text: t("zh", "storedRepaired") }]);
    expect(readyOf(s.getState().plan)?.snapshot.tableName).toBe(tableName);
    expect(s.getState().repair).toBeNull();
  });
});
