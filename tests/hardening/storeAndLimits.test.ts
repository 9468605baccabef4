/**
 * Issue #12, items 4, 7, 9, 10 and 12: what the add-in keeps in the workbook when it is damaged,
 * duplicated or large, and the limits Excel itself enforces.
 *
 * - item 4: Export never writes a made-up plan. Two stored copies, or an unreadable one, refuse the
 *   export saying which and why, with the repair offered; a workbook with no stored plan at all
 *   exports under a name taken from something real (the template's record, else the sheet), and says so.
 * - item 7: a damaged template setting with the stored plan intact is recovered from the plan (and the
 *   buttons work again); Repair recovers the other way round and from several copies, handing back
 *   every copy it removes.
 * - item 9: a plan of 10,000 indicators (14 MB in one part before) is stored in requests under 5 MB
 *   and read back whole; characters XML 1.0 forbids are refused at import (row and field named) and
 *   never make the part malformed when they come from the sheet.
 * - item 10: no silent catch anywhere in src/ (a scan of the syntax tree).
 * - item 12: the stand-in refuses a request over 5 MB (UTF-8) and a cell over 32,767 characters as
 *   Excel does.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createStandin, installStandin, type Standin } from "../../dev/standin";
import { parsePlanFile, serializePlanFile } from "../../src/core/planFile";
import { plan as planSchema } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { DEFAULT_STATE, PLAN_CHUNK_NAMESPACE, PLAN_NAMESPACE } from "../../src/core/workbookStore";
import { exportWorkbookPlan } from "../../src/excel/exportPlan";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { locateTemplate, readTemplate } from "../../src/excel/readTemplate";
import { proposeRepair, repairStoredPlan } from "../../src/excel/repairStoredPlan";
import { STATE_KEY } from "../../src/excel/templateState";
import {
  mirrorSettingsToPart,
  readWorkbookPlan,
  restoreSettingsFromPart,
  saveWorkbookPlan,
} from "../../src/excel/workbookPlanStore";
import { syntheticPlan } from "../../scripts/bench/plans";
import { useHost } from "../excel/helpers";

const FIVE_MB = 5 * 1024 * 1024;

async function parts(namespace = PLAN_NAMESPACE): Promise<Array<{ id: string; xml: string }>> {
  return Excel.run(async (context) => {
    const scoped = context.workbook.customXmlParts.getByNamespace(namespace);
    scoped.load("items/id");
    await context.sync();
    const texts = scoped.items.map((p) => ({ id: p.id, xml: p.getXml() }));
    await context.sync();
    return texts.map((t) => ({ id: t.id, xml: t.xml.value }));
  });
}

async function addPart(xml: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.customXmlParts.add(xml);
    await context.sync();
  });
}

async function setPart(id: string, xml: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.customXmlParts.getItem(id).setXml(xml);
    await context.sync();
  });
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await Excel.run(async (context) => {
    if (value === undefined) context.workbook.settings.getItem(key).delete();
    else context.workbook.settings.add(key, value);
    await context.sync();
  });
}

/** The seed plan's template, stored as the pane stores it after an insert. */
async function insertedSeed(): Promise<{ tableName: string; sheetName: string }> {
  const inserted = await insertTemplate(seedPlan, "zh");
  const saved = await mirrorSettingsToPart({}, { plan: seedPlan });
  expect(saved.saved).toBe(true);
  return inserted;
}

const MADE_UP = /exported-plan|Plan indicators/;

describe("item 4: Export never writes a made-up plan", () => {
  const host = useHost();

  it("two stored copies, or one that cannot be read: refused with which and why, and the repair offered", async () => {
    const { tableName } = await insertedSeed();
    const [only] = await parts();
    // A second copy, as merging two workbooks leaves it: the same format, saved at another time.
    await addPart(only!.xml.replace(/savedAt="[^"]*"/, 'savedAt="2020-01-01T00:00:00.000Z"'));
    const twice = await exportWorkbookPlan(tableName);
    expect(twice.ok).toBe(false);
    if (twice.ok) return;
    expect(JSON.stringify(twice)).not.toMatch(MADE_UP);
    expect(twice.store?.kind).toBe("duplicate");
    expect(twice.store?.message.zh).toMatch(/保存了 2 份规划.*第1份.*第2份.*2020-01-01/);
    expect(twice.store?.message.en).toMatch(/holds 2 stored plans/);
    expect(proposeRepair(await readWorkbookPlan()).kind).toBe("keepCopy");

    // One copy whose text is not the add-in's any more.
    host.standin.reset();
    const again = await insertedSeed();
    const [part] = await parts();
    await setPart(part!.id, part!.xml.replace("<plan>", "<plan>{broken"));
    const broken = await exportWorkbookPlan(again.tableName);
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(JSON.stringify(broken)).not.toMatch(MADE_UP);
    expect(["unreadable", "tampered"]).toContain(broken.store?.kind);
    expect(broken.store?.message.zh).toMatch(/工作簿中保存的规划/);
    expect(proposeRepair(await readWorkbookPlan()).kind).toBe("rebuildFromTable");
  });

  it("no stored plan at all: named from the template's record, else the sheet, and the result says so", async () => {
    const { tableName, sheetName } = await insertTemplate(seedPlan, "zh");
    // Inserted, but the plan was never stored (as when the store failed): the template's record names it.
    const fromRecord = await exportWorkbookPlan(tableName);
    if (!fromRecord.ok) throw new Error(JSON.stringify(fromRecord));
    expect(fromRecord.plan.id).toBe(seedPlan.id);
    expect(fromRecord.plan.title).toEqual(seedPlan.title);
    expect(fromRecord.origin.kind).toBe("templateRecord");
    expect(fromRecord.origin.kind !== "stored" && fromRecord.origin.message.zh).toMatch(
      /没有保存规划.*插入模板时的记录/,
    );

    // A table typed into Excel: no record either. The sheet and table name it; no source document.
    await setSetting(STATE_KEY, undefined);
    const fromSheet = await exportWorkbookPlan(tableName);
    if (!fromSheet.ok) throw new Error(JSON.stringify(fromSheet));
    expect(fromSheet.plan.title).toEqual({ zh: sheetName, en: sheetName });
    expect(fromSheet.plan.id).toBe(tableName);
    expect(fromSheet.plan.source).toBeUndefined();
    expect(fromSheet.text).not.toMatch(MADE_UP);
    expect(fromSheet.origin.kind !== "stored" && fromSheet.origin.message.zh).toMatch(/没有来源文件/);
  });
});

describe("item 7: a damaged copy is recovered from the intact one", () => {
  const host = useHost();

  it("a corrupted template setting with the plan part intact: recovered, and the buttons work again", async () => {
    const { tableName } = await insertedSeed();
    await setSetting(STATE_KEY, '{"version":2,"tableName":');
    await expect(locateTemplate()).rejects.toMatchObject({ code: "stateInvalid" });
    expect(await restoreSettingsFromPart()).toBe("repaired");
    expect(await locateTemplate()).toEqual({ tableName });
    const snapshot = await readTemplate(tableName);
    expect(snapshot.stored.kind).toBe("ok");
    expect(await restoreSettingsFromPart()).toBe("present");
  });

  it("Repair: the table's newest copy kept, a damaged part rebuilt from the table; every copy removed handed back", async () => {
    const { tableName } = await insertedSeed();
    const [only] = await parts();
    await addPart(only!.xml.replace(/savedAt="[^"]*"/, 'savedAt="2020-01-01T00:00:00.000Z"'));
    const kept = await repairStoredPlan({ now: () => new Date("2026-12-01T08:00:00Z") });
    expect(kept.kind === "repaired" && kept.repair).toBe("keepCopy");
    if (kept.kind !== "repaired") return;
    expect(kept.backups).toHaveLength(1);
    expect(parsePlanFile(kept.backups[0]!.text).ok).toBe(true); // the removed copy, as an importable plan file
    expect(await parts()).toHaveLength(1);
    expect((await readWorkbookPlan()).read.kind).toBe("ok");

    // Edited outside the add-in: rebuilt from the table (title and code from the template's record).
    const [part] = await parts();
    const edited = part!.xml.replace("1.47", "9.99");
    await setPart(part!.id, edited);
    expect((await readWorkbookPlan()).read.kind).toBe("tampered");
    const rebuilt = await repairStoredPlan();
    expect(rebuilt.kind === "repaired" && rebuilt.repair).toBe("rebuildFromTable");
    if (rebuilt.kind !== "repaired") return;
    expect(rebuilt.backups.map((b) => b.text)).toEqual([edited]);
    const { read } = await readWorkbookPlan();
    expect(read.kind === "ok" && read.doc.plan.id).toBe(seedPlan.id);
    expect(read.kind === "ok" && read.doc.plan.indicators).toHaveLength(seedPlan.indicators.length);
    expect(read.kind === "ok" && read.doc.state.tableName).toBe(tableName);

    // Nothing intact: the unreadable setting (and no part) is handed back and removed; Insert works again.
    host.standin.reset();
    await insertTemplate(seedPlan, "zh");
    await setSetting(STATE_KEY, "{not json");
    await expect(insertTemplate(seedPlan, "zh")).rejects.toMatchObject({ code: "stateInvalid" });
    const reset = await repairStoredPlan();
    expect(reset.kind === "repaired" && reset.repair).toBe("resetState");
    expect(reset.kind === "repaired" && reset.backups.map((b) => b.text)).toEqual(["{not json"]);
    const fresh = await insertTemplate(seedPlan, "zh");
    expect(fresh.created).toBe(true);
  });
});

describe("item 9: the plan part stays under the request limit and well formed", () => {
  const host = useHost();

  it("10,000 indicators with ten years of figures: every request under 5 MB, read back whole", async () => {
    // 14 MB in one part, one request, before; about 7 MB of pieces now.
    const big = syntheticPlan(10_000);
    const state = { ...DEFAULT_STATE, tableName: "PlanIndicators" };
    const mark = host.standin.stats.mark();
    const saved = await saveWorkbookPlan(() => ({ plan: big, state }), { plan: big });
    expect(saved.saved).toBe(true);
    const written = host.standin.stats.since(mark);
    expect(written.errorCode).toBeNull();
    expect(written.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(written.requestBytes).toBeGreaterThan(FIVE_MB); // it is that large: several requests
    // Syncs bounded by the size (one per 4 MB of pieces, plus the read and the ids), not by the rows.
    expect(written.syncs).toBeLessThanOrEqual(2 + Math.ceil(written.requestBytes / (4 * 1024 * 1024)) + 1);
    expect((await parts(PLAN_CHUNK_NAMESPACE)).length).toBeGreaterThan(1);

    const { read } = await readWorkbookPlan();
    expect(read.kind).toBe("ok");
    expect(read.kind === "ok" && serializePlanFile(read.doc.plan)).toBe(serializePlanFile(big));

    // Saved again smaller: one part, the pieces removed.
    const small = syntheticPlan(20);
    await saveWorkbookPlan(() => ({ plan: small, state }), { plan: small });
    expect(await parts(PLAN_CHUNK_NAMESPACE)).toHaveLength(0);
    expect(await parts()).toHaveLength(1);
  }, 120_000);

  it("characters XML 1.0 forbids: refused at import naming row and field; from the sheet, stored safely", () => {
    const file = JSON.parse(serializePlanFile(seedPlan)) as { indicators: Array<{ name: { zh: string } }> };
    file.indicators[2]!.name.zh = "研发\u0007投入\uFFFF";
    const refused = parsePlanFile(JSON.stringify(file));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues[0]!.row).toBe(3);
    expect(refused.issues[0]!.message.zh).toMatch(/第3行指标.*指标名称 › 中文.*U\+0007（控制字符）/);
    expect(refused.issues[0]!.message.en).toMatch(/Indicator 3 .*name\.zh.*U\+0007/);
  });

  it("text from the sheet with such characters is stored as a well-formed part and read back as typed", async () => {
    const odd = planSchema.parse({
      ...seedPlan,
      indicators: seedPlan.indicators.map((ind, i) =>
        i === 0 ? { ...ind, name: { zh: "研发\u0007投入\uFFFE\uFFFF", en: "R&D \u0001 <x>" } } : ind,
      ),
    });
    const state = { ...DEFAULT_STATE, tableName: "PlanIndicators" };
    const saved = await saveWorkbookPlan(() => ({ plan: odd, state }), { plan: odd });
    expect(saved.saved).toBe(true);
    const [part] = await parts();
    const forbidden = [0x1, 0x7, 0xfffe, 0xffff].map((c) => String.fromCharCode(c));
    expect(forbidden.filter((c) => part!.xml.includes(c))).toEqual([]);
    const { read } = await readWorkbookPlan();
    expect(read.kind === "ok" && read.doc.plan.indicators[0]!.name).toEqual(odd.indicators[0]!.name);
  });
});

// ---------------------------------------------------------------------------------------------
// item 10

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory()
        ? sourceFiles(path.join(dir, d.name))
        : /\.tsx?$/.test(d.name) && !d.name.endsWith(".d.ts")
          ? [path.join(dir, d.name)]
          : [],
    );
}

/** A handler that only gives up: returns nothing, null, undefined, an empty object/array, a constant. */
function swallows(handler: ts.Expression | undefined): boolean {
  if (!handler || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) return false;
  const body = handler.body;
  if (ts.isBlock(body)) return body.statements.length === 0; // {} or only comments
  let e: ts.Expression = body;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return (
    e.kind === ts.SyntaxKind.NullKeyword ||
    e.kind === ts.SyntaxKind.TrueKeyword ||
    e.kind === ts.SyntaxKind.FalseKeyword ||
    (ts.isIdentifier(e) && e.text === "undefined") ||
    ts.isVoidExpression(e) ||
    ts.isLiteralExpression(e) ||
    (ts.isObjectLiteralExpression(e) && e.properties.length === 0) ||
    (ts.isArrayLiteralExpression(e) && e.elements.length === 0)
  );
}

/** Every silent catch in the files: `catch {}` (empty or comments only), `.catch(() => null)` and kin, `.then(ok, () => null)`. */
function silentCatches(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const source = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.Latest,
      true,
      file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const where = (node: ts.Node) =>
      `${path.relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isCatchClause(node) && node.block.statements.length === 0)
        found.push(`${where(node)} catch with an empty body`);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        if (method === "catch" && swallows(node.arguments[0])) found.push(`${where(node)} .catch that only gives up`);
        if (method === "then" && swallows(node.arguments[1]))
          found.push(`${where(node)} .then rejection handler that only gives up`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("item 10: no silent catch in src/", () => {
  it("finds none (an empty catch, or a .catch/.then handler that only returns null, undefined or {})", () => {
    expect(silentCatches(sourceFiles(path.resolve(__dirname, "../../src")))).toEqual([]);
  });

  it("finds each form it looks for (so it can fail)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catches-"));
    const file = path.join(dir, "bad.ts");
    fs.writeFileSync(
      file,
      [
        "try { f(); } catch {}",
        "try { f(); } catch (e) { /* ignore */ }",
        "p.catch(() => null);",
        "p.catch(() => undefined);",
        "p.catch(() => {});",
        "p.catch((_e) => void 0);",
        "p.catch(() => ({}));",
        "p.then((v) => v, () => null);",
        "try { f(); } catch (e) { report(e); }",
        "p.catch((e) => report(e));",
      ].join("\n"),
    );
    try {
      expect(silentCatches([file]).map((s) => Number(/:(\d+) /.exec(s)?.[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// item 12

async function inStandin<T>(standin: Standin, work: () => Promise<T>): Promise<T> {
  const uninstall = installStandin(standin);
  try {
    return await work();
  } finally {
    uninstall();
  }
}

describe("item 12: the stand-in refuses what Excel refuses", () => {
  it("a request over 5 MB (UTF-8, as sent) fails with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    // 100 cells of 20,000 Chinese characters: 2,000,000 characters, 6 MB as UTF-8.
    const cells = Array.from({ length: 100 }, () => ["规".repeat(20_000)]);
    const web = createStandin();
    const error = await inStandin(web, () =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["before"]];
        await context.sync();
        sheet.getRange("A2:A101").values = cells;
        sheet.getRange("A1").values = [["after"]];
        await context.sync();
      }).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(error).toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
      message:
        "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
    });
    expect(web.workbook.cell("Sheet1", "A1").text).toBe("before");
    expect(web.workbook.cell("Sheet1", "A2").text).toBe("");
    expect(web.lastRun!.largestRequestBytes).toBeGreaterThan(FIVE_MB);

    // Half of it goes through; the desktop (no limit) takes all of it.
    await inStandin(web, () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2:A51").values = cells.slice(0, 50);
        await context.sync();
      }),
    );
    expect(web.workbook.cell("Sheet1", "A51").text).toHaveLength(20_000);
    const desktop = createStandin({ requestPayloadLimit: null });
    await inStandin(desktop, () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2:A101").values = cells;
        await context.sync();
      }),
    );
    expect(desktop.workbook.cell("Sheet1", "A101").text).toHaveLength(20_000);
  });

  it("a cell of more than 32,767 characters is refused; 32,767 are kept", async () => {
    const standin = createStandin();
    const error = await inStandin(standin, async () => {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x".repeat(32_767)]];
        await context.sync();
      });
      return Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [["x".repeat(32_768)]];
        await context.sync();
      }).then(
        () => null,
        (e: unknown) => e,
      );
    });
    expect(error).toMatchObject({ code: "InvalidArgument" });
    expect(standin.workbook.cell("Sheet1", "A1").text).toHaveLength(32_767);
    expect(standin.workbook.cell("Sheet1", "B1").text).toBe("");
  });

  it("a custom XML part with a character XML 1.0 forbids is refused", async () => {
    const standin = createStandin();
    const error = await inStandin(standin, () =>
      Excel.run(async (context) => {
        context.workbook.customXmlParts.add(`<a xmlns="urn:x">bell\u0007</a>`);
        await context.sync();
      }).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });
});
