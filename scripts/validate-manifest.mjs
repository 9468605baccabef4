// Offline manifest validation: `npm run validate [-- path/to/manifest.xml]`.
//  1. The project's structural checks (scripts/manifest-checks.mjs, the same ones tests/shell runs).
//  2. xmllint against the offline XSDs in schemas/office-manifest/ (Microsoft's 2020 schemas plus <Runtimes>,
//     vendored with their licence: schemas/office-manifest/README.md). Missing xmllint is a failure, with how to
//     install it (Debian/Ubuntu: apt-get install libxml2-utils), not a silent skip.
// Microsoft's own validator is online only: `npm run validate:online`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseXml, structuralChecks } from "./manifest-checks.mjs";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifestPath = path.resolve(projectDir, process.argv[2] ?? "manifest.xml");
const schemaDir = path.resolve(projectDir, process.env.PLAN_TRACKER_MANIFEST_XSD_DIR ?? "schemas/office-manifest");
const schema = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");

let failed = false;
console.log(`Validating ${path.relative(process.cwd(), manifestPath) || manifestPath}`);

let root;
try {
  root = await parseXml(fs.readFileSync(manifestPath, "utf8"));
} catch (error) {
  console.error(`  ✗ not well-formed XML: ${error.message}`);
  process.exit(1);
}

for (const [name, problems] of Object.entries(structuralChecks(root, projectDir))) {
  if (problems.length === 0) {
    console.log(`  ✓ ${name}`);
  } else {
    failed = true;
    console.log(`  ✗ ${name}`);
    for (const problem of problems) console.log(`      - ${problem}`);
  }
}

const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
if (!fs.existsSync(schema)) {
  failed = true;
  console.log(`  ✗ XSD: no schemas at ${schemaDir} (they are part of the repository: schemas/office-manifest/)`);
} else if (xmllint.error) {
  failed = true;
  console.log("  ✗ XSD: xmllint not found (Debian/Ubuntu: sudo apt-get install -y libxml2-utils)");
} else {
  const run = spawnSync("xmllint", ["--noout", "--schema", schema, manifestPath], { encoding: "utf8" });
  if (run.status === 0) {
    console.log(`  ✓ XSD (xmllint, ${path.relative(projectDir, schema)})`);
  } else {
    failed = true;
    console.log(`  ✗ XSD (xmllint, ${path.relative(projectDir, schema)})`);
    // These are Microsoft's 2020 schemas plus <Runtimes>; newer manifest elements may be valid yet fail here.
    for (const line of (run.stderr || run.stdout).trim().split("\n")) console.log(`      ${line}`);
  }
}

console.log(failed ? "Manifest has problems." : "Manifest OK.");
process.exit(failed ? 1 : 0);
