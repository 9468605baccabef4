// What the pane loads before staff can use it, counted as the bench counts it: the production build (the test
// run's one build, productionBuild.ts, with webpack's stats) whose taskpane.html is loaded in
// Chromium with office.js stood in (scripts/bench/startup.ts); every JS and CSS response requested with
// nothing clicked — before the Insert button is enabled and after, until the page settles — is gzipped (-9)
// and added up, in a blank workbook and in one with the template (where the history section loads at once).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureStartup, type FetchedFile, type StartupReport } from "../../scripts/bench/startup";
import { PANE_STARTUP_BUDGET_KB } from "../../scripts/bench/startupBench";
import { productionBuild, removeBuild, type ProductionBuild } from "./productionBuild";

let build: ProductionBuild;
let outDir = "";

/**
 * The budget is PANE_STARTUP_BUDGET_KB (150 kB); `npm run bench` and scripts/bench/startupBench.ts fail
 * above it, and the pane does not meet it: 235 kB measured with the template in the workbook (210 kB in a
 * blank one; issue #13 item 7, down from 252 blank) — functions.js 29, React DOM + Fluent UI + zod/mini 115
 * (already 144 kB before any of the pane's own code), the pane's own code 66, and with a template the
 * history section's 24.5 kB, fetched at start-up: split off, but still waited for. The stack is fixed by the users (React and Fluent UI v9); running the pane on Preact
 * (preact/compat) measured 195 kB and was taken out again — a different UI runtime, which Fluent UI v9
 * does not support, is the users' decision, not a build setting (BENCHMARKS.md, "Pane start-up"). Until
 * then this ceiling, just above the measured set, keeps it from growing back; it comes down with every
 * part of the first view that is loaded on demand.
 */
const CEILING_KB = 238;

/**
 * Chunks of features used on demand: never fetched before the pane is usable (a blank workbook: no template
 * for the history section, nothing for the repair to offer, Insert and Validate not clicked yet).
 */
const ON_DEMAND = ["report", "travel", "word-report", "history", "repair", "insert", "findings"];

/** Modules that only those features use: in none of the chunks fetched at start-up. */
const LOADED_WHEN_USED = [
  "node_modules/docx/",
  "src/excel/insertTemplate.ts",
  "src/excel/repairStoredPlan.ts",
  "src/taskpane/app/history/HistorySection.tsx",
  "src/core/targetAdjustment.ts",
  "src/core/evaluationReport.ts",
  "src/excel/autoOpen.ts",
  "src/taskpane/app/components/ValidationPanel.tsx",
];

interface StatsModule {
  name?: string;
  /** The modules webpack concatenated into this one. */
  modules?: StatsModule[];
}

interface StatsChunk {
  files?: string[];
  names?: string[];
  modules?: StatsModule[];
}

/** Every module's name, those inside concatenated modules included. */
const moduleNames = (modules: StatsModule[]): string[] =>
  modules.flatMap((m) => [m.name ?? "", ...moduleNames(m.modules ?? [])]);

let report: StartupReport;
/** The same build opened on a workbook with the template and its stored plan. */
let withTemplate: StartupReport;
let chunks: StatsChunk[] = [];

const chunkOf = (file: string) => chunks.find((c) => (c.files ?? []).includes(file));

beforeAll(async () => {
  // The run's production build, as `npm run build` makes it, with webpack's stats: what is counted is what ships.
  build = await productionBuild();
  if (build.code !== 0) throw new Error(`the production build failed:\n${build.output.slice(-3000)}`);
  outDir = build.dir;
  const stats = JSON.parse(fs.readFileSync(build.statsFile, "utf8")) as { chunks?: StatsChunk[] };
  chunks = stats.chunks ?? [];
  report = await measureStartup(outDir, { stats });
  withTemplate = await measureStartup(outDir, { stats, workbook: "template" });
}, 600_000);

const gzipKb = (files: FetchedFile[]) => files.reduce((s, f) => s + f.gzip, 0) / 1024;

afterAll(() => {
  removeBuild(build);
});

describe("the pane's start-up set (production build in Chromium)", () => {
  it("mounts with office.js stood in and becomes usable; functions.js registers every PLAN function", () => {
    expect(report.pageErrors).toEqual([]);
    expect(report.readyMs).toBeGreaterThan(0);
    const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8")) as {
      functions: Array<{ id: string }>;
    };
    expect([...report.registered].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  it("counts functions.js, taskpane.js and the UI chunks the entry fetches, each a file of the build", () => {
    const files = report.startup.map((f) => f.file);
    expect(files.slice(0, 2)).toEqual(["functions.js", "taskpane.js"]);
    // The UI is not in the entry: at least one chunk is fetched after it, and it is counted.
    expect(files.length).toBeGreaterThan(2);
    for (const f of report.startup) {
      expect(fs.statSync(path.join(outDir, f.file)).size, f.file).toBe(f.bytes);
      expect(f.gzip, f.file).toBeGreaterThan(0);
    }
    expect(report.startupGzip).toBe(report.startup.reduce((s, f) => s + f.gzip, 0));
  });

  it("loads the report, the sharing panel, the Word export (docx), the history section, the repair and Insert's writer only when they are used", () => {
    const fetched = [...report.startup, ...report.afterReady].map((f) => f.file);
    for (const file of fetched) {
      const chunk = chunkOf(file);
      expect(chunk?.names ?? [], file).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/report|travel|history|repair|insert|findings/)]),
      );
      const modules = moduleNames(chunk?.modules ?? []);
      expect(
        modules.filter((m) => LOADED_WHEN_USED.some((part) => m.includes(part))),
        file,
      ).toEqual([]);
    }
    // The markers do find them: each is in the build, listed as on demand.
    const onDemandNames = report.onDemand.flatMap((c) => c.names);
    for (const name of ON_DEMAND) expect(onDemandNames, name).toContain(name);
  });

  it("counts what is fetched after the pane is usable with nothing clicked: with a template, the history section", () => {
    expect(withTemplate.pageErrors).toEqual([]);
    const fetched = [...withTemplate.startup, ...withTemplate.afterReady];
    expect(fetched.map((f) => chunkOf(f.file)?.names ?? []).flat()).toContain("history");
    expect(withTemplate.unpromptedGzip / 1024).toBeCloseTo(gzipKb(fetched), 6);
    expect(withTemplate.unpromptedGzip).toBeGreaterThan(report.unpromptedGzip);
  });

  it(`stays within ${CEILING_KB} kB gzipped with nothing clicked, in either workbook (budget ${PANE_STARTUP_BUDGET_KB} kB: the bench fails above it)`, () => {
    for (const r of [report, withTemplate]) {
      const all = [...r.startup, ...r.afterReady];
      const detail = `${r.workbook}: ${all.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} kB`).join(", ")}`;
      expect(r.unpromptedGzip / 1024, detail).toBeLessThanOrEqual(CEILING_KB);
    }
  });
});
