/**
 * The plan stored inside the workbook: written and read back unchanged, older formats migrated,
 * an edited or unreadable part reported in zh and en and never used.
 */
import { describe, expect, it } from "vitest";
import { serializePlanFile } from "../../src/core/planFile";
import { seedPlan } from "../../src/core/seedPlan";
import {
  checksum,
  DEFAULT_STATE,
  migrateSettingsState,
  PLAN_NAMESPACE,
  readStoreXml,
  storeXml,
  type StoredWorkbook,
} from "../../src/core/workbookStore";

const doc: StoredWorkbook = {
  plan: seedPlan,
  state: { tableName: "PlanIndicators", lang: "zh", highlightRuleIds: ["cf-1", "cf-2"], autoOpen: false },
  savedAt: "2026-11-30T02:00:00.000Z",
};

describe("workbook store", () => {
  it("round-trips the plan file and the state through the XML part, in its namespace", () => {
    const xml = storeXml(doc);
    expect(xml).toContain(`xmlns="${PLAN_NAMESPACE}"`);
    const read = readStoreXml(xml);
    expect(read.kind).toBe("ok");
    if (read.kind !== "ok") return;
    expect(read.migratedFrom).toBeNull();
    expect(serializePlanFile(read.doc.plan)).toBe(serializePlanFile(seedPlan));
    expect(read.doc.state).toEqual(doc.state);
    expect(read.doc.savedAt).toBe(doc.savedAt);
  });

  it("keeps text with XML's special characters (<, &, quotes, ]]>) intact", () => {
    const plan = {
      ...seedPlan,
      title: { zh: 'A&B <规划> "引号" ]]>', en: "R&D <plan> 'q'" },
    };
    const read = readStoreXml(storeXml({ ...doc, plan }));
    expect(read.kind === "ok" && read.doc.plan.title).toEqual(plan.title);
  });

  it("reports a part edited outside the add-in (checksum) in zh and en, and does not use it", () => {
    const xml = storeXml(doc).replace("1.47", "9.99");
    const read = readStoreXml(xml);
    expect(read.kind).toBe("tampered");
    if (read.kind !== "tampered") return;
    expect(read.message.zh).toMatch(/加载项之外被修改/);
    expect(read.message.en).toMatch(/changed outside the add-in/);
  });

  it("names the field and row of a stored plan that does not validate", () => {
    const plan = JSON.parse(serializePlanFile(seedPlan)) as { indicators: Array<{ kind: string }> };
    plan.indicators[2]!.kind = "ratio";
    const text = JSON.stringify(plan);
    const state = JSON.stringify(DEFAULT_STATE);
    const xml = `<planTracker xmlns="${PLAN_NAMESPACE}" formatVersion="1" checksum="${checksum(state + "\n" + text)}"><state>${state}</state><plan>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</plan></planTracker>`;
    const read = readStoreXml(xml);
    expect(read.kind).toBe("unreadable");
    if (read.kind !== "unreadable") return;
    expect(read.issues[0]?.row).toBe(3);
    expect(read.message.zh).toMatch(/第3行指标/);
    expect(read.message.en).toMatch(/Indicator 3 .*kind/);
  });

  it("says a newer format needs a newer add-in; says so for text that is not the part at all", () => {
    const newer = readStoreXml(storeXml(doc).replace('formatVersion="1"', 'formatVersion="3"'));
    expect(newer.kind).toBe("newer");
    expect(newer.kind === "newer" && newer.message.en).toMatch(/newer version/);
    expect(readStoreXml("<other/>").kind).toBe("unreadable");
    expect(readStoreXml("").kind).toBe("unreadable");
  });

  it("migrates a part from before versions and checksums, and a plan without formatVersion", () => {
    // Parts written before versions were numbered hold version 1 plans.
    const unversioned = {
      id: "old",
      title: { zh: "旧", en: "Old" },
      source: { document: { zh: "旧", en: "Old" }, issuer: { zh: "某局", en: "A bureau" }, date: "2021-12-30" },
      baseYear: 2020,
      targetYear: 2025,
      indicators: seedPlan.indicators.map((ind) => ({
        id: ind.id,
        category: ind.category,
        name: ind.name,
        unit: ind.unit,
        kind: ind.kind,
        direction: ind.direction,
        baseline: ind.baseline,
        baselineYear: ind.baselineYear ?? 2020,
        target:
          ind.target.kind === "level"
            ? { kind: "level", value: ind.target.value, comparator: ind.target.comparator }
            : ind.target.kind === "annualGrowth"
              ? { kind: "annualGrowth", value: ind.target.value }
              : ind.target,
        attribute: ind.attribute ?? "expected",
      })),
    };
    const xml = `<pt:planTracker xmlns:pt="${PLAN_NAMESPACE}"><pt:state>{"lang":"en"}</pt:state><pt:plan><![CDATA[${JSON.stringify(unversioned)}]]></pt:plan></pt:planTracker>`;
    const read = readStoreXml(xml);
    expect(read.kind).toBe("ok");
    if (read.kind !== "ok") return;
    expect(read.migratedFrom).toBe("unversioned part");
    expect(read.doc.state).toEqual({ ...DEFAULT_STATE, lang: "en" });
    expect(read.doc.plan.indicators).toHaveLength(seedPlan.indicators.length);
  });

  it("migrates the settings-only state of the first pane version (object or JSON text)", () => {
    const legacy = { version: 1, tableName: "PlanIndicators", lang: "en", plan: seedPlan, highlightRuleIds: ["x"] };
    for (const value of [legacy, JSON.stringify(legacy)]) {
      const read = migrateSettingsState(value);
      expect(read.kind).toBe("ok");
      if (read.kind !== "ok") continue;
      expect(read.migratedFrom).toBe("workbook settings");
      expect(read.doc.state).toEqual({
        tableName: "PlanIndicators",
        lang: "en",
        highlightRuleIds: ["x"],
        autoOpen: true,
      });
    }
    expect(migrateSettingsState("{not json").kind).toBe("unreadable");
    expect(migrateSettingsState({ version: 1 }).kind).toBe("unreadable");
  });
});
