// npm run licenses: the licence of every npm package whose code ends up in the production bundle.
// The list comes from webpack's own module list (stats) of a production build, each module's file
// mapped to the node_modules package that holds it, so a package that is installed but not bundled
// (HyperFormula, GPL-3.0, a dev-only tool of the preview and the tests) is not listed, and one that
// is bundled cannot be missed. Fails when a bundled package is not permissively licensed, has no
// licence, or is hyperformula.
//
//   node scripts/licenses.mjs                  build into a temporary folder, then check
//   node scripts/licenses.mjs --stats FILE     check the stats JSON of an existing build (webpack --json=FILE)
//   node scripts/licenses.mjs --json           print the result as JSON
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** SPDX ids accepted without review: permissive licences that ask for attribution at most. */
export const PERMISSIVE = new Set([
  "MIT",
  "MIT-0",
  "ISC",
  "0BSD",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "Unlicense",
  "CC0-1.0",
  "Zlib",
  "BlueOak-1.0.0",
  "Python-2.0",
]);

/** Packages that must never be bundled whatever their licence says. */
export const FORBIDDEN = new Map([
  ["hyperformula", "GPL-3.0 spreadsheet engine: a dev-only tool of the preview and the tests"],
]);

/**
 * The package a bundled file belongs to: the part after the LAST node_modules/ (nested installs
 * belong to the inner package), with the scope for @scope/name. Loader prefixes ("loader!file")
 * and queries ("file?x") are stripped. Null for the project's own files and webpack's runtime.
 */
export function packageOfModule(identifier) {
  if (typeof identifier !== "string" || identifier === "") return null;
  const file = identifier.split("!").pop().split("?")[0].replace(/\\/g, "/");
  const marker = "node_modules/";
  const at = file.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = file.slice(at + marker.length).split("/");
  if (rest[0]?.startsWith("@"))
    return rest.length >= 2 && rest[1]
      ? { name: `${rest[0]}/${rest[1]}`, dir: file.slice(0, at + marker.length) + `${rest[0]}/${rest[1]}` }
      : null;
  return rest[0] ? { name: rest[0], dir: file.slice(0, at + marker.length) + rest[0] } : null;
}

/** Every module webpack put in an emitted chunk, concatenated modules included (their inner list). */
function* bundledModules(stats) {
  const seen = new Set();
  function* walk(modules, inChunk) {
    for (const m of modules ?? []) {
      const chunks = Array.isArray(m.chunks) ? m.chunks : [];
      // A module inside a concatenated module has no chunks of its own; it is bundled if its parent is.
      const bundled = inChunk || chunks.length > 0;
      if (m.modules) yield* walk(m.modules, bundled);
      const id = m.nameForCondition ?? m.identifier ?? m.name;
      if (bundled && id && !seen.has(id)) {
        seen.add(id);
        yield id;
      }
    }
  }
  // The main compilation's modules; `children` are then plugin sub-compilations (html-webpack-plugin's
  // template), which run at build time and are not bundled. A multi-config build has only children.
  const roots = Array.isArray(stats.modules) ? [stats] : (stats.children ?? []);
  for (const s of roots) yield* walk(s.modules, false);
}

/** Bundled packages by name, with where webpack took them from (resolved against projectDir). */
export function packagesFromStats(stats, baseDir = projectDir) {
  const found = new Map();
  for (const id of bundledModules(stats)) {
    const pkg = packageOfModule(id);
    if (!pkg || found.has(pkg.name)) continue;
    const dir = path.isAbsolute(pkg.dir) ? pkg.dir : path.resolve(baseDir, pkg.dir);
    found.set(pkg.name, dir);
  }
  return found;
}

/** The licence of an installed package as SPDX text ("MIT", "(MIT OR Apache-2.0)"), or null. */
export function licenceOf(packageJson) {
  const { license, licenses } = packageJson ?? {};
  if (typeof license === "string" && license.trim() !== "") return license.trim();
  if (license && typeof license === "object" && typeof license.type === "string") return license.type;
  if (Array.isArray(licenses) && licenses.length > 0) {
    const types = licenses.map((l) => (typeof l === "string" ? l : l?.type)).filter(Boolean);
    if (types.length > 0) return types.length === 1 ? types[0] : `(${types.join(" OR ")})`;
  }
  return null;
}

/** An SPDX expression is acceptable when every AND-term is permissive and some option of every OR is. */
export function isPermissive(expression) {
  if (typeof expression !== "string") return false;
  const text = expression.replace(/[()]/g, " ").trim();
  if (text === "") return false;
  return text
    .split(/\s+OR\s+/i)
    .some((option) => option.split(/\s+AND\s+/i).every((id) => PERMISSIVE.has(id.trim().replace(/\+$/, ""))));
}

/** The licence check: one row per bundled package, and the problems that fail it. */
export function checkLicences(stats, baseDir = projectDir) {
  const rows = [];
  const problems = [];
  for (const [name, dir] of [...packagesFromStats(stats, baseDir)].sort(([a], [b]) => a.localeCompare(b))) {
    let pkg = null;
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    } catch {
      // fall through: no readable package.json
    }
    const licence = licenceOf(pkg);
    const row = { name, version: pkg?.version ?? "?", licence: licence ?? "(none)" };
    rows.push(row);
    if (FORBIDDEN.has(name)) problems.push(`${name} is bundled: ${FORBIDDEN.get(name)}`);
    else if (!licence) problems.push(`${name}@${row.version} declares no licence`);
    else if (!isPermissive(licence)) problems.push(`${name}@${row.version} is ${licence}, not a permissive licence`);
  }
  // The pane bundles React, Fluent UI and zod: finding nothing means the stats were not read right.
  if (rows.length === 0) problems.push("no npm package found in the build's modules: is this webpack's stats JSON?");
  return { packages: rows, problems, ok: problems.length === 0 };
}

/**
 * Runs the production build (webpack, production mode) into outDir with webpack's stats JSON in statsFile;
 * resolves with webpack's exit code and what it printed, whatever the outcome (the caller decides).
 * `sourceMaps: "hidden"` also writes source maps without a sourceMappingURL (the bench's attribution).
 */
export function runProductionBuild(outDir, statsFile, { baseUrl, sourceMaps = "" }) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectDir, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", `--json=${statsFile}`],
      {
        cwd: projectDir,
        env: {
          ...process.env,
          PLAN_TRACKER_OUT_DIR: outDir,
          PLAN_TRACKER_BASE_URL: baseUrl,
          PLAN_TRACKER_OFFICE_JS: "",
          PLAN_TRACKER_SOURCE_MAPS: sourceMaps,
        },
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Runs the production build into outDir and writes webpack's stats JSON to statsFile; rejects when it fails. */
export async function buildWithStats(outDir, statsFile) {
  const { code, output } = await runProductionBuild(outDir, statsFile, {
    baseUrl: process.env.PLAN_TRACKER_BASE_URL || "https://plan-tracker.example.gov.cn/",
    // A temporary build: its hidden source maps let the bench attribute bundle bytes to packages.
    sourceMaps: "hidden",
  });
  if (code !== 0 || !fs.existsSync(statsFile))
    throw new Error(`the production build failed (exit ${code}):\n${output.slice(-4000)}`);
}

function argument(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  let statsFile = argument("--stats");
  let tmp = null;
  if (!statsFile) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-licences-"));
    statsFile = path.join(tmp, "stats.json");
    console.error("building the production bundle…");
    await buildWithStats(path.join(tmp, "dist"), statsFile);
  }
  try {
    const result = checkLicences(JSON.parse(fs.readFileSync(statsFile, "utf8")));
    if (process.argv.includes("--json")) console.log(JSON.stringify(result, null, 2));
    else {
      const width = Math.max(...result.packages.map((p) => `${p.name}@${p.version}`.length), 10);
      console.log(`Packages in the production bundle (${result.packages.length}):`);
      for (const p of result.packages) console.log(`  ${`${p.name}@${p.version}`.padEnd(width)}  ${p.licence}`);
      console.log("Not bundled: office.js is loaded from Microsoft's CDN at run time (Microsoft's licence terms).");
      if (result.ok) console.log("All bundled packages are permissively licensed.");
      else for (const p of result.problems) console.error(`LICENCE PROBLEM: ${p}`);
    }
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
