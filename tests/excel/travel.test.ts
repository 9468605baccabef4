/**
 * The plan travels with the workbook: stored in a custom XML part on insert, read back when the
 * pane opens (also by a colleague whose add-in has no settings in the file), migrated from the
 * settings-only state, left alone when tampered with; the auto-open tag and startup behaviour;
 * export with the figures entered; and the template, functions, validation, highlights, summary,
 * export and portable copy at 1 and at 500 indicators with every target form.
 */
import { describe, expect, it } from "vitest";
import { serializePlanFile } from "../../src/core/planFile";
import { plan as planSchema } from "../../src/core/planSchema";
import { validatePlanData } from "../../src/core/validation";
import { PLAN_NAMESPACE } from "../../src/core/workbookStore";
import { AUTO_OPEN_SETTING, readAutoOpen, setAutoOpen } from "../../src/excel/autoOpen";
import { exportWorkbookPlan } from "../../src/excel/exportPlan";
import { applyHighlights } from "../../src/excel/highlights";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { writePortableCopy } from "../../src/excel/portableCopy";
import { readTemplate } from "../../src/excel/readTemplate";
import { STATE_KEY } from "../../src/excel/templateState";
import {
  mirrorSettingsToPart,
  readWorkbookPlan,
  restoreSettingsFromPart,
  saveWorkbookPlan,
} from "../../src/excel/workbookPlanStore";
import { publishWorkbookLanguage } from "../../src/excel/workbookLanguageSetting";
import { evaluateSnapshot } from "../../src/taskpane/app/store/planState";
import { cellOf, measure, seedPlan, useHost } from "./helpers";
import { randomPlan } from "./travelPlans";

/** A template cell by column key (from the layout) and sheet row. */
const at = (key: Parameters<typeof cellOf>[1], row: number) => cellOf(seedPlan, key, row);

async function xmlParts(): Promise<string[]> {
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE);
    parts.load("items");
    await context.sync();
    const texts = parts.items.map((p) => p.getXml());
    await context.sync();
    return texts.map((t) => t.value);
  });
}

async function setSetting(key: string, value: unknown | undefined): Promise<void> {
  await Excel.run(async (context) => {
    if (value === undefined) context.workbook.settings.getItem(key).delete();
    else context.workbook.settings.add(key, value);
    await context.sync();
  });
}

describe("the plan in the workbook", () => {
  const host = useHost();

  it("is written on insert (mirror) and read back in one sync, whatever the plan's size", async () => {
    const inserted = await insertTemplate(seedPlan, "zh");
    // The settings keep no plan: the pane passes the plan it inserted (afterInsert).
    const saved = await mirrorSettingsToPart({}, { plan: seedPlan });
    expect(saved).toEqual({ saved: true, migratedFrom: null });
    const small = await measure(host.standin, () => readWorkbookPlan());
    expect(small.syncs).toBe(1);
    expect(small.result.read.kind).toBe("ok");
    if (small.result.read.kind !== "ok") return;
    expect(serializePlanFile(small.result.read.doc.plan)).toBe(serializePlanFile(seedPlan));
    expect(small.result.read.doc.state).toMatchObject({ tableName: inserted.tableName, lang: "zh", autoOpen: true });

    host.standin.reset();
    const big = randomPlan(3, 500);
    await insertTemplate(big, "zh");
    const write = await measure(host.standin, () => mirrorSettingsToPart({}, { plan: big }));
    const large = await measure(host.standin, () => readWorkbookPlan());
    expect(write.syncs).toBe(2);
    expect(large.syncs).toBe(1);
    expect(large.result.read.kind === "ok" && large.result.read.doc.plan.indicators).toHaveLength(500);
  }, 60_000);

  it("keeps highlight ids and the auto-open preference; a later mirror keeps the preference", async () => {
    const inserted = await insertTemplate(seedPlan, "en");
    const ids = await applyHighlights(await readTemplate(inserted.tableName));
    await mirrorSettingsToPart({ autoOpen: false }, { plan: seedPlan });
    await mirrorSettingsToPart();
    const { read } = await readWorkbookPlan();
    expect(read.kind === "ok" && read.doc.state).toEqual({
      tableName: inserted.tableName,
      lang: "en",
      highlightRuleIds: ids,
      autoOpen: false,
    });
    expect(await xmlParts()).toHaveLength(1);
  });

  it("gives a colleague without the pane's settings the same plan, statuses and highlights", async () => {
    const inserted = await insertTemplate(seedPlan, "zh");
    await applyHighlights(await readTemplate(inserted.tableName));
    await mirrorSettingsToPart({}, { plan: seedPlan });
    const before = evaluateSnapshot(await readTemplate(inserted.tableName)).summary;
    // Another add-in id sees none of this add-in's settings: only the XML part is there.
    await setSetting(STATE_KEY, undefined);
    expect(await restoreSettingsFromPart()).toBe("restored");
    expect(await restoreSettingsFromPart()).toBe("present");
    const after = evaluateSnapshot(await readTemplate(inserted.tableName));
    expect(after.summary.counts).toEqual(before.counts);
    const stored = after.sheet.snapshot.stored;
    expect(stored.kind === "ok" && stored.state.highlightRuleIds).toHaveLength(3);
  });

  it("migrates the settings-only state of earlier versions when nothing else is stored", async () => {
    const { tableName } = await insertTemplate(seedPlan, "zh");
    // Earlier versions kept the whole plan in this one setting.
    await setSetting(STATE_KEY, JSON.stringify({ version: 1, tableName, lang: "zh", plan: seedPlan }));
    const { read, partId, settingsPresent } = await readWorkbookPlan();
    expect({ kind: read.kind, partId, settingsPresent }).toEqual({ kind: "ok", partId: null, settingsPresent: true });
    expect(read.kind === "ok" && read.migratedFrom).toBe("workbook settings");
  });

  it("leaves a tampered part exactly as it is, says why in zh and en, and replaces it only when asked", async () => {
    await insertTemplate(seedPlan, "zh");
    await mirrorSettingsToPart({}, { plan: seedPlan });
    const [xml] = await xmlParts();
    const edited = xml!.replace("1.47", "2.5");
    expect(edited).not.toBe(xml);
    await Excel.run(async (context) => {
      const part = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE).getOnlyItem();
      part.setXml(edited);
      await context.sync();
    });
    const { read } = await readWorkbookPlan();
    expect(read.kind).toBe("tampered");
    const blocked = await mirrorSettingsToPart();
    expect(blocked.saved).toBe(false);
    expect(!blocked.saved && blocked.blocked?.message.zh).toMatch(/加载项之外被修改/);
    expect(await xmlParts()).toEqual([edited]);
    const replaced = await saveWorkbookPlan((_c, inSettings) => inSettings, { replace: true, plan: seedPlan });
    expect(replaced.saved).toBe(true);
    expect((await readWorkbookPlan()).read.kind).toBe("ok");
  });
});

describe("the pane opens for colleagues", () => {
  const host = useHost();

  it("tags the document through saved settings and sets the shared runtime to load; off removes both", async () => {
    expect(await readAutoOpen()).toBe(false);
    const on = await setAutoOpen(true);
    expect(on).toEqual({ autoOpen: true, startup: "load" });
    expect(await readAutoOpen()).toBe(true);
    // Saved into the document, where Excel's own settings see it too.
    const stored = await Excel.run(async (context) => {
      const s = context.workbook.settings.getItem(AUTO_OPEN_SETTING).load("value");
      await context.sync();
      return s.value;
    });
    expect(stored).toBe(true);
    expect(await Office.addin.getStartupBehavior()).toBe(Office.StartupBehavior.load);
    const off = await setAutoOpen(false);
    expect(off).toEqual({ autoOpen: false, startup: "none" });
    expect(await readAutoOpen()).toBe(false);
    expect(await Office.addin.getStartupBehavior()).toBe(Office.StartupBehavior.none);
  });

  it("does not write back stale settings over the template's state", async () => {
    const inserted = await insertTemplate(seedPlan, "zh");
    await setAutoOpen(true);
    const snapshot = await readTemplate(inserted.tableName);
    expect(snapshot.stored.kind).toBe("ok");
    void host;
  });
});

describe("export and any plan, at 1 and at 500 indicators with every target form", () => {
  const host = useHost();

  it("exports the seed plan with the figures typed into the sheet", async () => {
    const inserted = await insertTemplate(seedPlan, "zh");
    await mirrorSettingsToPart({}, { plan: seedPlan });
    host.standin.workbook.setCellInput(inserted.sheetName, at("y2021", 7), "1.3");
    host.standin.workbook.setCellInput(inserted.sheetName, at("y2022", 7), "1.35");
    const exported = await exportWorkbookPlan(inserted.tableName);
    if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
    expect(exported.fileName).toBe(`${seedPlan.id}.plan.json`);
    expect(exported.skipped).toEqual([]);
    const rd = exported.plan.indicators.find((i) => i.id === "RD_INTENSITY")!;
    expect(rd.actuals).toEqual({ "2021": { value: 1.3 }, "2022": { value: 1.35 } });
    // Everything else is the plan as it was: names in both languages, targets, notes.
    const strip = (p: typeof seedPlan) => ({ ...p, indicators: p.indicators.map((i) => ({ ...i, actuals: {} })) });
    expect(strip(exported.plan)).toEqual(strip(seedPlan));
  });

  for (const count of [1, 500]) {
    it(`${count} indicator(s): insert, functions, validation, highlights, summary, export and copy`, async () => {
      const plan = randomPlan(100 + count, count);
      if (count === 1) expect(plan.indicators[0]!.target.kind).toBe("level");
      const inserted = await insertTemplate(plan, "zh");
      await mirrorSettingsToPart({}, { plan }); // as the pane does after every insert (afterInsert)
      await publishWorkbookLanguage("zh");
      expect(inserted.indicatorCount).toBe(count);
      const snapshot = await readTemplate(inserted.tableName);
      const { sheet, summary } = evaluateSnapshot(snapshot);
      expect(sheet.plan.indicators).toHaveLength(count);
      expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(count);
      // The figures staff entered are valid: no errors from validation.
      expect(validatePlanData(sheet.plan).filter((f) => f.severity === "error")).toEqual([]);
      const ids = await applyHighlights(snapshot);
      expect(ids).toHaveLength(3);
      // Every computed status cell is a label, blank or the manual verdict: no #NAME?/#VALUE!.
      const wb = host.standin.workbook;
      const statusColumn = snapshot.headers.indexOf("状态");
      for (let r = 0; r < count; r++)
        expect(wb.cellAt(inserted.sheetName, 5 + r, statusColumn).valueType).not.toBe("Error");
      const exported = await exportWorkbookPlan(inserted.tableName);
      if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
      expect(exported.skipped).toEqual([]);
      const back = planSchema.parse(JSON.parse(exported.text));
      expect(back.indicators.map((i) => [i.id, i.target, i.baseline, i.baselineYear, i.actuals])).toEqual(
        plan.indicators.map((i) => [i.id, i.target, i.baseline, i.baselineYear, i.actuals]),
      );
      const copy = await writePortableCopy(inserted.tableName, "native");
      expect(copy.unreadableRows).toEqual([]);
    }, 120_000);
  }
});
