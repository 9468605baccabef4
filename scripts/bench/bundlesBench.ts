/**
 * The bundle part of `npm run bench` on its own: one production build, its files (Bundles) and what the
 * pane fetches before it is usable in Chromium (Pane start-up), printed as BENCHMARKS.md's two sections.
 * Exits 1 above the start-up budget, as the full bench does.
 *   npx tsx scripts/bench/bundlesBench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildWithStats } from "../licenses.mjs";
import { measureBundles } from "./bundles";
import { startupSection } from "./startupBench";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-bundles-"));
  try {
    const dist = path.join(tmp, "dist");
    const statsFile = path.join(tmp, "stats.json");
    process.stderr.write("production build…\n");
    await buildWithStats(dist, statsFile);
    const stats = JSON.parse(fs.readFileSync(statsFile, "utf8"));
    const bundles = await measureBundles(dist);
    process.stderr.write("taskpane.html in Chromium…\n");
    const startup = await startupSection(dist, stats);
    type File = { file: string; bytes: number; gzip: number };
    const row = (what: string, files: File[]) =>
      `| ${what} | ${files.map((f) => f.file).join(", ")} | ${kb(files.reduce((s, f) => s + f.bytes, 0))} | ${kb(files.reduce((s, f) => s + f.gzip, 0))} |`;
    const lines = [
      "## Bundles (production build, gzip -9)",
      "",
      "| what | files | minified | gzipped |",
      "|---|---|---:|---:|",
      row("pane, loaded up front by taskpane.html", bundles.initial),
      row("functions on workbook open", [bundles.functions]),
      row("chunks loaded after Office.onReady (at start-up and on demand: see Pane start-up)", bundles.lazy),
      row("every JS file of the build", [...bundles.initial, ...bundles.lazy]),
      "",
      "What the minified files are made of (bytes attributed through the source maps):",
      "",
      ...bundles.attribution.map((a) => `- ${a.file}: ${a.packages.map((p) => `${p.name} ${kb(p.bytes)}`).join(", ")}`),
      "",
      ...startup.lines,
      "",
      `| ${startup.budget.name} | ${startup.budget.ok ? "✅ pass" : "❌ FAIL"} | ${startup.budget.detail} |`,
    ];
    console.log(lines.join("\n"));
    return startup.budget.ok ? 0 : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
