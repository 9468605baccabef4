/**
 * One production build per test run, shared by the files that check what ships (build.test.ts: what Office
 * loads; startupBudget.test.ts: what the pane fetches in Chromium). Each built its own before, two production
 * builds of a minute or more each on CI's two cores. Like the end-to-end files' preview build
 * (tests/e2e/harness.ts): within a `vitest run` (PLAN_TRACKER_TEST_RUN, set by tests/globalSetup.ts, which
 * removes the build at the end) the first file to ask builds and the others wait for its marker; outside a
 * run each call builds its own. The build is `npm run build`'s: production mode, a base URL, no source maps,
 * with webpack's stats beside it (chunk names and modules, for the start-up test).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runProductionBuild } from "../../scripts/licenses.mjs";
import { oncePerRun } from "../oncePerRun";

export const BUILD_BASE_URL = "https://plan.example.test/";

export interface ProductionBuild {
  /** The build's output folder. */
  dir: string;
  /** webpack's stats (JSON), outside `dir`. */
  statsFile: string;
  /** webpack's exit code and what it printed. */
  code: number | null;
  output: string;
  /** Whether this call made the build (and its caller removes it). */
  owned: boolean;
}

/** Where a test run's shared production build goes (its markers: oncePerRun.ts). */
export function sharedBuildDir(run: string): string {
  return path.join(os.tmpdir(), `plan-tracker-production-run-${run}`);
}

/** `npm run build`'s build (no source maps), with webpack's stats. */
const runWebpack = (dir: string, statsFile: string) => runProductionBuild(dir, statsFile, { baseUrl: BUILD_BASE_URL });

/** The run's production build (built by the first caller, waited for by the others). */
export async function productionBuild(): Promise<ProductionBuild> {
  const run = process.env.PLAN_TRACKER_TEST_RUN;
  if (!run) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-build-"));
    const dir = path.join(tmp, "dist");
    const statsFile = path.join(tmp, "stats.json");
    return { dir, statsFile, ...(await runWebpack(dir, statsFile)), owned: true };
  }
  const base = sharedBuildDir(run);
  const dir = path.join(base, "dist");
  const statsFile = path.join(base, "stats.json");
  // The builder's folder exists before webpack writes into it (oncePerRun makes it).
  const built = await oncePerRun(base, () => runWebpack(dir, statsFile));
  return { dir, statsFile, ...built, owned: false };
}

/** Removes a build its caller made (a shared one is removed by tests/globalSetup.ts when the run ends). */
export function removeBuild(build: ProductionBuild | undefined): void {
  if (build?.owned) fs.rmSync(path.dirname(build.dir), { recursive: true, force: true });
}
