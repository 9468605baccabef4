// `npm start`: serve the add-in on https://localhost:3000 (development build, in memory) and sideload it.
//  - Windows / macOS: office-addin-debugging starts the dev server and sideloads manifest.xml into desktop Excel.
//  - Linux (and anywhere office-addin-debugging cannot sideload): serve only, never fail, and print how to
//    sideload into Excel on the web; also start the offline preview when package.json has a "preview" script.
// `npm stop` ends what this started (scripts/stop.mjs).
import { spawn } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const port = Number(process.env.npm_package_config_dev_server_port || pkg.config?.dev_server_port || 3000);
const previewPort = 3001;
const pidFile = path.join(root, "node_modules", ".cache", "plan-tracker", "start.json");
const webpackCli = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
const sideloadPlatforms = new Set(["win32", "darwin"]);

function log(message) {
  console.log(`[plan-tracker] ${message}`);
}

/** Resolves true once https://localhost:<port>/taskpane.html answers 200 (self-signed certificates accepted). */
function waitForServer(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const req = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve(true);
        else retry();
      });
      req.on("error", retry);
      req.on("timeout", () => req.destroy());
    };
    const retry = () => (Date.now() > deadline ? resolve(false) : setTimeout(attempt, 1000));
    attempt();
  });
}

function sideloadWithOfficeDebugging() {
  const app = pkg.config?.app_to_debug || "excel";
  const appType = pkg.config?.app_type_to_debug || "desktop";
  const devServer = `node "${webpackCli}" serve --mode development`;
  log(`sideloading manifest.xml into ${app} (${appType}) with office-addin-debugging`);
  const child = spawn(
    "npx",
    [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      appType,
      "--app",
      app,
      "--dev-server",
      devServer,
      "--dev-server-port",
      String(port),
    ],
    { cwd: root, stdio: "inherit", shell: process.platform === "win32" },
  );
  child.on("exit", (code) => {
    if (code !== 0) {
      log("office-addin-debugging could not sideload; the add-in can still be sideloaded by hand (see README).");
    }
    process.exit(code ?? 0);
  });
}

function printLinuxHelp(previewStarted) {
  const lines = [
    "",
    `Plan Tracker is served at https://localhost:${port}/taskpane.html`,
    `Automatic sideloading needs desktop Excel (Windows or macOS); it is not available on ${process.platform}.`,
    "Sideload into Excel on the web instead:",
    "  1. Open a workbook at https://www.office.com (or your organisation's Office on the web).",
    "  2. Home → Add-ins → More add-ins → My add-ins → Upload My Add-in.",
    `  3. Choose ${path.join(root, "manifest.xml")} and select Upload.`,
    `  The browser must trust the dev certificate: open https://localhost:${port}/taskpane.html once and accept it.`,
  ];
  if (previewStarted) {
    lines.push(`Offline preview (Excel stand-in, no Office needed): http://localhost:${previewPort}/`);
  }
  lines.push("Stop with Ctrl+C or `npm stop`.", "");
  console.log(lines.join("\n"));
}

async function serveOnly() {
  const children = [];
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    stdio: "inherit",
  });
  children.push(server);
  let previewStarted = false;
  if (pkg.scripts?.preview) {
    const preview = spawn("npm", ["run", "preview"], { cwd: root, stdio: "inherit" });
    children.push(preview);
    previewStarted = true;
  }
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, JSON.stringify({ pid: process.pid, children: children.map((c) => c.pid) }));

  let stopping = false;
  const stopAll = (code) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    try {
      fs.unlinkSync(pidFile);
    } catch {
      // already removed by `npm stop`
    }
    process.exit(code);
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
  server.on("exit", (code) => {
    if (!stopping) log(`dev server exited (${code ?? "signal"})`);
    stopAll(code ?? 0);
  });

  const ready = await waitForServer(`https://localhost:${port}/taskpane.html`, 180000);
  if (ready) printLinuxHelp(previewStarted);
  else log(`the dev server did not answer on https://localhost:${port}/ within 3 minutes; see its output above.`);
}

if (sideloadPlatforms.has(process.platform) && !process.env.PLAN_TRACKER_NO_SIDELOAD) {
  sideloadWithOfficeDebugging();
} else {
  await serveOnly();
}
