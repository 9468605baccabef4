/**
 * Requirement sets checked (issue #13 item 6): every Office API member the add-in uses (src/, resolved through
 * the type checker) is mapped to its requirement set from the @types/office-js and
 * @types/custom-functions-runtime annotations; a member above what manifest.xml requires is used only behind
 * a check of that set (supportsSet / isSetSupported, see requirementSets.ts for what counts as a guard).
 * The fixtures prove the check reports what it must: an unguarded ExcelApi 1.20 member, a guard for too low
 * a version or another set, a guard only in the caller, a load() of a newer property.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  compareVersions,
  fixtureProgram,
  inventory,
  isCovered,
  manifestMinimums,
  readManifestMinimums,
  unguarded,
  type Inventory,
} from "./requirementSets";
import { sourceProgram } from "./sourceProgram";

const minimums = readManifestMinimums();

describe("the manifest's requirement sets", () => {
  it("are read from manifest.xml: ExcelApi, SharedRuntime and CustomFunctionsRuntime with their minimums", () => {
    expect(minimums.get("SharedRuntime")).toBe("1.1");
    expect(minimums.get("CustomFunctionsRuntime")).toBe("1.1");
    // The Excel API version every host with the shared runtime and custom functions in support has (Excel 2021).
    expect(minimums.get("ExcelApi")).toBe("1.14");
  });

  it("DefaultMinVersion applies to a set without MinVersion; a set not named is not guaranteed", () => {
    const read = manifestMinimums(
      '<Requirements><Sets DefaultMinVersion="1.3"><Set Name="ExcelApi"/><Set Name="X" MinVersion="1.7"/></Sets></Requirements>',
    );
    expect([...read]).toEqual([
      ["ExcelApi", "1.3"],
      ["X", "1.7"],
    ]);
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.2", "1.20")).toBeLessThan(0);
  });
});

describe("every Office member src/ uses", () => {
  let inv: Inventory;
  beforeAll(() => {
    const { checker, files } = sourceProgram();
    inv = inventory(checker, files);
  }, 180_000);

  it("is found, with its set (the search works: known members of each kind are there)", () => {
    const sets = (member: string) => [...new Set(inv.uses.filter((u) => u.member === member).map((u) => u.version))];
    expect(sets("Excel.Range.values")).toEqual(["1.1"]);
    expect(sets("Excel.Worksheet.onChanged")).toEqual(["1.7"]);
    expect(sets("Excel.RunOptions.mergeUndoGroup")).toEqual(["1.20"]); // an object-literal key
    expect(sets("Excel.PageLayout.zoom")).toEqual(["1.9"]);
    expect(sets("Excel.CustomXmlPart.id")).toEqual(["1.5"]); // named in a load("id") string
    expect(sets("Excel.TableRowCollection.add")).toEqual(["1.4"]); // several rows, no alwaysInsert
    expect(sets("CustomFunctions.Invocation.parameterAddresses")).toEqual(["1.3"]);
    expect(sets("CustomFunctions.Error")).toEqual(["1.2"]);
    // Through rowLookup.ts's local interfaces (RangeLike …), which its batch casts the request context to.
    const lookup = inv.uses.filter((u) => u.site.startsWith("src/functions/rowLookup.ts:")).map((u) => u.member);
    expect(lookup).toEqual(
      expect.arrayContaining([
        "Excel.Worksheet.getUsedRange",
        "Excel.Worksheet.getRangeByIndexes",
        "Excel.Range.rowIndex",
        "Excel.WorksheetCollection.getItem",
      ]),
    );
    expect(inv.unreadable, "load() arguments that could not be read").toEqual([]);
  });

  it("above the manifest's minimum, is used only behind a check of its set", () => {
    expect(unguarded(inv, minimums)).toEqual([]);
  });

  it("the guarded ones are what the code says: one-step undo (1.20) and the custom functions' 1.2 and 1.3", () => {
    const guarded = inv.uses.filter((u) => {
      const min = minimums.get(u.set);
      return min === undefined || compareVersions(u.version, min) > 0;
    });
    const names = [...new Set(guarded.map((u) => `${u.member} (${u.set} ${u.version})`))].sort();
    expect(names).toEqual([
      "CustomFunctions.Error (CustomFunctionsRuntime 1.2)",
      "CustomFunctions.Invocation.parameterAddresses (CustomFunctionsRuntime 1.3)",
      "Excel.RunOptions.mergeUndoGroup (ExcelApi 1.20)",
    ]);
    for (const u of guarded) expect(isCovered(u, minimums), u.site).toBe(true);
  });
});

describe("the check reports what it must (fixtures)", () => {
  let fixture: Inventory;
  const at = (file: string) => unguarded(fixture, minimums).filter((line) => line.includes(`src/${file}:`));
  beforeAll(() => {
    const { checker, files } = fixtureProgram({
      "__fixture__/unguarded.ts": `
        export function grouped() {
          return Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, async (context) => context.sync());
        }
        export function control(range: Excel.Range) {
          range.load("control");
          range.clearOrResetContents();
        }
        export function addresses(invocation: CustomFunctions.StreamingInvocation<number>) {
          return invocation.parameterAddresses;
        }`,
      "__fixture__/guarded.ts": `
        import { canGroupUndo, supportsSet } from "../excel/excelRun";
        export function grouped() {
          if (supportsSet("ExcelApi", "1.20")) return Excel.run({ mergeUndoGroup: true }, async (c) => c.sync());
          return Excel.run(async (c) => c.sync());
        }
        export function early(range: Excel.Range) {
          if (!supportsSet("ExcelApi", "1.18")) throw new Error("needs ExcelApi 1.18");
          range.clearOrResetContents();
        }
        export function viaHelper() {
          const group = canGroupUndo();
          return Excel.run(group ? { mergeUndoGroup: true } : {}, async (c) => c.sync());
        }
        export function addresses(invocation: CustomFunctions.StreamingInvocation<number>) {
          return supportsSet("CustomFunctionsRuntime", "1.3") ? invocation.parameterAddresses : undefined;
        }`,
      "__fixture__/mirror.ts": `
        interface CellLike { clearOrResetContents(): void; load(names: string): unknown; }
        interface BookLike { worksheets: { getActiveWorksheet(): { getRange(a: string): CellLike } } }
        export function mirrored(context: Excel.RequestContext) {
          const book = (context.workbook as unknown) as BookLike;
          const cell = book.worksheets.getActiveWorksheet().getRange("A1");
          cell.load("control");
          cell.clearOrResetContents();
        }`,
      "__fixture__/wrongGuard.ts": `
        import { supportsSet } from "../excel/excelRun";
        export function tooLow(range: Excel.Range) {
          if (supportsSet("ExcelApi", "1.17")) range.clearOrResetContents();
        }
        export function otherSet(range: Excel.Range) {
          if (supportsSet("WordApi", "1.20")) range.clearOrResetContents();
        }
        export function negated(range: Excel.Range) {
          if (!supportsSet("ExcelApi", "1.18")) range.clearOrResetContents();
        }
        function callee(range: Excel.Range) {
          range.clearOrResetContents();
        }
        export function guardedCaller(range: Excel.Range) {
          if (supportsSet("ExcelApi", "1.18")) callee(range);
        }`,
    });
    fixture = inventory(checker, files);
  }, 180_000);

  it("an unguarded ExcelApi 1.20 member, a 1.18 property in load() and method, a CustomFunctionsRuntime 1.3 member", () => {
    expect(at("__fixture__/unguarded.ts")).toEqual([
      "CustomFunctions.Invocation.parameterAddresses (CustomFunctionsRuntime 1.3) at src/__fixture__/unguarded.ts:10",
      "Excel.Range.clearOrResetContents (ExcelApi 1.18) at src/__fixture__/unguarded.ts:7",
      "Excel.Range.control (ExcelApi 1.18) at src/__fixture__/unguarded.ts:6",
      "Excel.RunOptions.mergeUndoGroup (ExcelApi 1.20) at src/__fixture__/unguarded.ts:3",
    ]);
  });

  it("not when guarded: an if, an early exit, a const from a guard function (canGroupUndo), a ?: branch", () => {
    expect(at("__fixture__/guarded.ts")).toEqual([]);
    expect(fixture.uses.filter((u) => u.site.includes("/guarded.ts") && u.version !== "1.1").length).toBe(4);
  });

  it("a member used through a local interface an Office object was cast to (a mirror, as rowLookup.ts does)", () => {
    expect(at("__fixture__/mirror.ts")).toEqual([
      "Excel.Range.clearOrResetContents (ExcelApi 1.18) at src/__fixture__/mirror.ts:8",
      "Excel.Range.control (ExcelApi 1.18) at src/__fixture__/mirror.ts:7",
    ]);
  });

  it("a guard for a lower version, another set, the negation, or only in the caller does not count", () => {
    const lines = at("__fixture__/wrongGuard.ts").map((l) => Number(l.replace(/.*:/, "")));
    expect(lines.sort((a, b) => a - b)).toEqual([4, 7, 10, 13]);
  });
});
