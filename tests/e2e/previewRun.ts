import os from "node:os";
import path from "node:path";

/** Where a test run's shared preview build goes (its markers: ../oncePerRun.ts). */
export function sharedPreviewDir(run: string): string {
  return path.join(os.tmpdir(), `plan-tracker-preview-run-${run}`);
}
