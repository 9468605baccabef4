/**
 * The pane's start-up budget, on its own: `npx tsx scripts/bench/startupBench.ts` builds production once
 * (with webpack's stats and hidden source maps, in a temporary folder), loads taskpane.html in Chromium
 * (startup.ts) and prints the report section; exit code 1 when what the pane loads before it is usable is
 * over PANE_STARTUP_BUDGET_KB gzipped. `npm run bench` prints the same section (run.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildWithStats } from "../licenses.mjs";
import { measureBundles } from "./bundles";
import { measureStartup, type FetchedFile, type StartupReport } from "./startup";

/** Everything the pane loads before it is usable (functions, entry, start-up chunks), gzip -9. */
export const PANE_STARTUP_BUDGET_KB = 150;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export interface StartupSection {
  report: StartupReport;
  lines: string[];
  budget: { name: string; ok: boolean; detail: string };
}

/** What a file holds, by package, from its hidden source map (bundles.ts), as "react-dom 12.3 kB, …". */
type Attribution = Array<{ file: string; packages: Array<{ name: string; bytes: number }> }>;

function madeOf(attribution: Attribution, file: string): string {
  const packages = attribution.find((a) => a.file === file)?.packages ?? [];
  return packages.map((p) => `${p.name} ${kb(p.bytes)}`).join(", ");
}

/** The markdown section and the budget row for a build already on disk. */
export async function startupSection(outDir: string, stats: unknown): Promise<StartupSection> {
  const report = await measureStartup(outDir, { stats });
  const { attribution } = await measureBundles(outDir);
  const ok = report.startupGzip <= PANE_STARTUP_BUDGET_KB * 1024;
  const fileRow = (f: FetchedFile) =>
    `| ${f.file} | ${kb(f.bytes)} | ${kb(f.gzip)} | ${Math.round(f.startMs)} ms | ${madeOf(attribution, f.file) || "—"} |`;
  const lines = [
    "## Pane start-up (production taskpane.html in Chromium, gzip -9 of each response)",
    "",
    `The production build's taskpane.html served as built, with office.js stood in (scripts/bench/officeStandin.ts: the Excel stand-in, blank workbook; its ${kb(report.officeStandinBytes)} are Office's, not counted). ` +
      `The pane was interactive ("插入模板 / Insert template" enabled) ${Math.round(report.readyMs)} ms after navigation start; every JS and CSS response requested before then is counted. ` +
      `functions.js registered ${report.registered.length} PLAN functions.${report.pageErrors.length ? ` Page errors: ${report.pageErrors.join("; ")}.` : ""}`,
    "",
    "| fetched before the pane was usable | minified | gzipped | requested at | made of (source maps) |",
    "|---|---:|---:|---:|---|",
    ...report.startup.map(fileRow),
    `| **total** | ${kb(report.startup.reduce((s, f) => s + f.bytes, 0))} | **${kb(report.startupGzip)}** | | budget ${PANE_STARTUP_BUDGET_KB} kB ${ok ? "✅ pass" : "❌ FAIL"} |`,
    "",
  ];
  if (report.afterReady.length > 0)
    lines.push(
      `Requested after the pane was usable (not counted): ${report.afterReady.map((f) => `${f.file} ${kb(f.gzip)}`).join(", ")}.`,
      "",
    );
  lines.push(
    "On demand — in the build, not fetched at start-up; loaded when the feature is used:",
    "",
    "| chunk | loaded by (module → import) | minified | gzipped |",
    "|---|---|---:|---:|",
    ...report.onDemand.map(
      (c) =>
        `| ${c.file}${c.names.length ? ` (${c.names.join(", ")})` : ""} | ${c.loadedBy.join("; ") || "—"} | ${kb(c.bytes)} | ${kb(c.gzip)} |`,
    ),
    "",
  );
  const files = report.startup.map((f) => `${f.file} ${kb(f.gzip)}`).join(", ");
  return {
    report,
    lines,
    budget: {
      name: `Pane start-up ≤ ${PANE_STARTUP_BUDGET_KB} kB gzipped (everything fetched before it is usable, Chromium)`,
      ok,
      detail: `${kb(report.startupGzip)}: ${files}`,
    },
  };
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-bench-startup-"));
  try {
    const statsFile = path.join(tmp, "stats.json");
    process.stderr.write("production build…\n");
    await buildWithStats(path.join(tmp, "dist"), statsFile);
    process.stderr.write("taskpane.html in Chromium…\n");
    const section = await startupSection(path.join(tmp, "dist"), JSON.parse(fs.readFileSync(statsFile, "utf8")));
    console.log(
      [
        ...section.lines,
        `| ${section.budget.name} | ${section.budget.ok ? "✅ pass" : "❌ FAIL"} | ${section.budget.detail} |`,
      ].join("\n"),
    );
    if (!section.budget.ok) {
      console.error(`\nbudget missed: ${section.budget.name} (${section.budget.detail})`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1]?.replace(/\\/g, "/").endsWith("scripts/bench/startupBench.ts")) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  });
}
