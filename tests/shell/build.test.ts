// Checks what Office will load from the production build (the test run's one build: productionBuild.ts).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXml, structuralChecks } from "../../scripts/manifest-checks.mjs";
import { BUILD_BASE_URL as baseUrl, productionBuild, removeBuild, type ProductionBuild } from "./productionBuild";

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Array<{ name: string; description?: string }>;
}

const projectDir = path.resolve(__dirname, "../..");

let build: ProductionBuild;
let outDir = "";

const read = (file: string) => fs.readFileSync(path.join(outDir, file), "utf8");
const jsFiles = () => fs.readdirSync(outDir).filter((f) => f.endsWith(".js"));
const metadata = (file: string): FunctionMetadata[] => JSON.parse(read(file)).functions;
// Markers that only a bundled UI runtime contains: React DOM's.
// `Function` as a value: not a property (`.Function`), not part of a name, not `instanceof Function`, and not
// the word in an error message ("argument must be of type Function", in the Word library's EventEmitter).
const FUNCTION_CONSTRUCTOR = /.{0,30}(?<![.\w$"'`]|instanceof\s|of type )Function(?![\w$"'`])(?!\.prototype).{0,30}/;
const REACT_MARKERS = ["react-dom", "__SECRET_INTERNALS", "createRoot", "__CLIENT_INTERNALS"];

beforeAll(async () => {
  build = await productionBuild();
  outDir = build.dir;
}, 600_000); // a production build takes ~1 min alone, over 2 on a busy 2-core machine

afterAll(() => {
  removeBuild(build);
});

describe("production build", () => {
  it("succeeds", () => {
    expect(build.output).not.toMatch(/ERROR in/);
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it("emits functions.json and functions-zh-cn.json with the same functions and parameters", () => {
    const en = metadata("functions.json");
    const zh = metadata("functions-zh-cn.json");
    expect(en.map((f) => f.id)).toEqual(
      expect.arrayContaining(["GAP", "GROWTH", "STEP", "PROGRESS", "ELAPSED", "EXPECTED", "STATUS"]),
    );
    expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
    expect(zh.map((f) => f.parameters.length)).toEqual(en.map((f) => f.parameters.length));
    // The Chinese file is really Chinese, not a copy.
    expect(zh.every((f) => /[\u4e00-\u9fff]/.test(f.description ?? ""))).toBe(true);
    expect(JSON.stringify(zh)).not.toBe(JSON.stringify(en));
  });

  it("rewrites every localhost URL in the manifest to the production base URL", async () => {
    const source = fs.readFileSync(path.join(projectDir, "manifest.xml"), "utf8");
    const built = read("manifest.xml");
    expect(built).not.toContain("localhost");
    const count = (text: string, part: string) => text.split(part).length - 1;
    expect(count(built, baseUrl)).toBe(count(source, "https://localhost:3000/"));
    const problems = structuralChecks(await parseXml(built), projectDir);
    for (const [name, list] of Object.entries(problems)) expect(list, name).toEqual([]);
  });

  it("deploys no source maps: no *.map file in the output and no sourceMappingURL in any bundle", () => {
    const files = fs.readdirSync(outDir, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const file of jsFiles()) expect(read(file), file).not.toMatch(/sourceMappingURL/);
  });

  it("copies the icons", () => {
    for (const icon of ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "logo-filled.png"]) {
      expect(fs.existsSync(path.join(outDir, "assets", icon)), icon).toBe(true);
    }
  });

  it("loads office.js from the CDN, then functions.js, then taskpane.js, under a no-eval CSP", () => {
    const html = read("taskpane.html");
    // Attribute quotes may be dropped by webpack's HTML minimiser.
    const officeJs = html.search(/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    const functions = html.search(/src="?[^"\s>]*functions\.js/);
    const taskpane = html.search(/src="?[^"\s>]*taskpane\.js/);
    expect(officeJs).toBeGreaterThan(-1);
    expect(functions).toBeGreaterThan(officeJs);
    expect(taskpane).toBeGreaterThan(functions);
    const csp = html.match(/http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/)?.[1] ?? "";
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline scripts (the CSP would block them)
  });

  it("finds the Function constructor used as a value (the check below can fail)", () => {
    expect("const F=Function;new F(a)").toMatch(FUNCTION_CONSTRUCTOR);
    expect("x instanceof Function").not.toMatch(FUNCTION_CONSTRUCTOR);
    expect("must be of type Function. Received").not.toMatch(FUNCTION_CONSTRUCTOR);
  });

  it("contains no eval or Function constructor in any bundle (zod is jitless)", () => {
    const files = jsFiles();
    expect(files).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    for (const file of files) {
      const code = read(file);
      expect(code, file).not.toMatch(/\beval\s*\(/);
      expect(code, file).not.toMatch(/\bnew\s+Function\s*\(/);
      // The Function constructor used as a value at all (zod does `const F = Function; new F(...)`).
      expect(code.match(FUNCTION_CONSTRUCTOR)?.[0] ?? null, file).toBeNull();
    }
  });

  it("keeps the UI runtime (React's API) out of the functions and pane entries and in the lazily loaded chunks", () => {
    for (const entry of ["functions.js", "taskpane.js"]) {
      const code = read(entry);
      for (const marker of REACT_MARKERS) expect(code.includes(marker), `${entry} contains ${marker}`).toBe(false);
    }
    // The markers do detect the runtime: a lazy UI chunk contains it.
    const lazy = jsFiles().filter((f) => f !== "functions.js" && f !== "taskpane.js");
    expect(lazy.length).toBeGreaterThan(0);
    expect(lazy.some((f) => REACT_MARKERS.some((marker) => read(f).includes(marker)))).toBe(true);
  });

  it("bundles React DOM itself (the stack is React + Fluent UI v9), not a stand-in runtime such as Preact", () => {
    const code = jsFiles().map(read).join("\n");
    // react-dom's client names its internals; preact/compat would name only __SECRET_INTERNALS… and its own hooks.
    expect(code).toMatch(/__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE/);
    expect(code).not.toMatch(/preact\/compat|__PREACT_DEVTOOLS__/);
  });

  it("keeps zod out of functions.js: what loads on workbook open needs the maths, not the plan schema", () => {
    const code = read("functions.js");
    expect(code).not.toMatch(/ZodError|\$ZodType|invalid_type/);
    // The marker does detect zod: the pane's chunks, which validate plan files, contain it.
    expect(jsFiles().some((f) => /ZodError|\$ZodType/.test(read(f)))).toBe(true);
  });

  it("registers the functions with CustomFunctions.associate in functions.js", () => {
    const code = read("functions.js");
    for (const id of metadata("functions.json").map((f) => f.id)) {
      expect(code, id).toMatch(new RegExp(`associate\\(\\s*"${id}"`));
    }
  });
});
