/**
 * The plan file exported from the template (planFromTemplate): nothing made up (a plan typed into
 * Excel has no source document), every left-out cell named by its sheet row, and a table that gives
 * no valid plan refused with the reasons instead of a file.
 */
import { describe, expect, it } from "vitest";
import { describeExportSkip, planFromTemplate } from "../../src/core/planExport";
import { parsePlanFile, serializePlanFile } from "../../src/core/planFile";
import { seedPlan } from "../../src/core/seedPlan";
import { templateColumns } from "../../src/core/templateLayout";
import { planWithFigures, templateGrid } from "../functions/templateFixture";

/** The template's header and body as the sheet holds them; the body starts at sheet row 6. */
function sheet(lang: "zh" | "en" = "zh") {
  const [header, ...body] = templateGrid(planWithFigures(), lang);
  return { header: header!, body: body.map((r) => [...r]) };
}

const column = (key: string) => templateColumns(seedPlan).findIndex((c) => c.key === key);

/** Who the plan is without a stored plan: the sheet it is on, as exportPlan.ts takes it (never made up). */
const fromSheet = { id: "PlanIndicators", title: { zh: "规划指标", en: "规划指标" } };

describe("planFromTemplate", () => {
  it("without a stored plan: no source document is made up, and the file reads back", () => {
    const { header, body } = sheet();
    const r = planFromTemplate(null, header, body, { firstSheetRow: 6, identity: fromSheet });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.plan.source).toBeUndefined();
    const text = serializePlanFile(r.plan);
    expect(text).not.toContain("1970");
    expect(text).not.toContain('"source"');
    const back = parsePlanFile(text);
    expect(back.ok && back.plan.indicators.map((i) => i.id)).toEqual(seedPlan.indicators.map((i) => i.id));
  });

  it("without a stored plan nor anything real to name it by: refused, no title or code made up", () => {
    const { header, body } = sheet();
    const r = planFromTemplate(null, header, body, { firstSheetRow: 6 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message.zh).toMatch(/不会编造规划名称/);
    expect(JSON.stringify(r)).not.toMatch(/exported-plan|Plan indicators/);
    const named = planFromTemplate(null, header, body, { firstSheetRow: 6, identity: fromSheet });
    expect(named.ok && { id: named.plan.id, title: named.plan.title }).toEqual(fromSheet);
  });

  it("with the stored plan: its source is kept as it was", () => {
    const { header, body } = sheet();
    const r = planFromTemplate(seedPlan, header, body, { firstSheetRow: 6 });
    expect(r.ok && r.plan.source).toEqual(seedPlan.source);
  });

  it("rows without an id are named by their sheet row, as the pane names them", () => {
    const { header, body } = sheet();
    body[2]![column("id")] = "";
    const r = planFromTemplate(null, header, body, { firstSheetRow: 6, identity: fromSheet });
    expect(r.ok && r.plan.indicators[2]!.id).toBe("ROW8");
  });

  it("names each left-out cell by sheet row, indicator, column and what it held", () => {
    const { header, body } = sheet();
    body[1]![column("target")] = "约";
    body[0]![column("y2022")] = "—";
    const r = planFromTemplate(seedPlan, header, body, { firstSheetRow: 6 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.plan.indicators).toHaveLength(seedPlan.indicators.length - 1);
    const texts = r.skipped.map((s) => describeExportSkip(s, "zh"));
    const first = seedPlan.indicators[0]!.name.zh;
    const second = seedPlan.indicators[1]!.name.zh;
    expect(texts).toContain(`第6行“${first}”2022年：“—”无法读取为数字，该年数据未导出。`);
    expect(texts.some((t) => t.startsWith(`第7行“${second}”的“目标值”为“约”`) && t.endsWith("本行未导出。"))).toBe(
      true,
    );
    const en = r.skipped.map((s) => describeExportSkip(s, "en"));
    expect(en.some((t) => t.startsWith(`Row 7 “${seedPlan.indicators[1]!.name.en}”`))).toBe(true);
  });

  it("refuses a table with no readable row, saying why", () => {
    const { header, body } = sheet();
    for (const row of body) row[column("targetYear")] = 1800;
    const r = planFromTemplate(seedPlan, header, body, { firstSheetRow: 6 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.message.zh).toContain("没有一行指标可以导出");
    expect(r.skipped.map((s) => s.sheetRow)).toEqual(seedPlan.indicators.map((_, i) => 6 + i));
    expect(r.skipped.every((s) => describeExportSkip(s, "zh").includes("的“目标年”为“1800”"))).toBe(true);
    expect(planFromTemplate(seedPlan, header, [], { firstSheetRow: 6 })).toMatchObject({
      ok: false,
      issues: [{ message: { zh: "指标表中没有指标行。" } }],
    });
  });

  it("refuses a plan the schema rejects, naming the sheet row", () => {
    const { header, body } = sheet();
    // A row may run past the plan (2026), but its baseline year cannot be the plan's target year.
    body[3]![column("baselineYear")] = 2025;
    body[3]![column("targetYear")] = 2026;
    const r = planFromTemplate(seedPlan, header, body, { firstSheetRow: 6 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.message.zh)).toEqual([expect.stringMatching(/^第9行指标“.+”（.+）的 /)]);
    expect(r.issues[0]!.message.en).toMatch(/^Row 9, indicator/);
  });

  it("leaves out a relative row whose reference was left out, saying so, instead of refusing the file", () => {
    const plan = planWithFigures();
    const [ref, rel] = plan.indicators;
    const withRelative = {
      ...plan,
      indicators: plan.indicators.map((ind) =>
        ind.id === rel!.id
          ? {
              ...ind,
              target: {
                kind: "relative" as const,
                relation: "above" as const,
                reference: ref!.id,
                text: { zh: "高于参照", en: "above the reference" },
              },
            }
          : ind,
      ),
    };
    const [header, ...rows] = templateGrid(withRelative, "zh");
    const body = rows.map((r) => [...r]);
    body[0]![column("target")] = "约";
    const r = planFromTemplate(withRelative, header!, body, { firstSheetRow: 6 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.plan.indicators.map((i) => i.id)).not.toContain(rel!.id);
    expect(r.skipped.map((s) => [s.sheetRow, s.reason])).toEqual([
      [6, "invalid"],
      [7, "reference"],
    ]);
    expect(describeExportSkip(r.skipped[1]!, "zh")).toBe(
      `第7行“${rel!.name.zh}”与“${ref!.name.zh}”对照，而“${ref!.name.zh}”未导出，本行也未导出。`,
    );
  });
});
