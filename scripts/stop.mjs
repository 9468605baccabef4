// `npm stop`: ends what `npm start` started.
//  - Windows / macOS: office-addin-debugging stop (unregisters the sideloaded add-in and stops its dev server).
//  - elsewhere: ends the serve-only session recorded by scripts/start.mjs in its pid file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = path.join(root, "node_modules", ".cache", "plan-tracker", "start.json");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (["win32", "darwin"].includes(process.platform) && !process.env.PLAN_TRACKER_NO_SIDELOAD) {
  const run = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(run.status ?? 0);
}

if (!fs.existsSync(pidFile)) {
  console.log("[plan-tracker] nothing to stop: no dev server started by `npm start` is recorded.");
  process.exit(0);
}
const { pid, children = [] } = JSON.parse(fs.readFileSync(pidFile, "utf8"));
// The start script stops its own children on SIGTERM; the children are signalled too in case it is gone.
for (const target of [pid, ...children]) {
  if (Number.isInteger(target) && alive(target)) process.kill(target, "SIGTERM");
}
fs.rmSync(pidFile, { force: true });
console.log(`[plan-tracker] stopped the dev server (pid ${pid}).`);
