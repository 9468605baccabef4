/**
 * Once per `vitest run`: names the run so the end-to-end files share one preview build
 * (tests/e2e/harness.ts) and the shell tests one production build (tests/shell/productionBuild.ts), and
 * removes both when the run ends. Workers inherit the variable.
 */
import fs from "node:fs";
import { sharedPreviewDir } from "./e2e/previewRun";
import { runMarkers } from "./oncePerRun";
import { sharedBuildDir } from "./shell/productionBuild";

export function setup(): () => void {
  const run = `${process.pid}-${Date.now()}`;
  process.env.PLAN_TRACKER_TEST_RUN = run;
  return () => {
    for (const target of [...runMarkers(sharedPreviewDir(run)), ...runMarkers(sharedBuildDir(run))])
      fs.rmSync(target, { recursive: true, force: true });
  };
}
