/**
 * Bundle sizes from a production build: what taskpane.html loads up front (its own <script> tags,
 * not Office's CDN), what the functions need when a workbook opens (functions.js), and the UI chunks
 * the pane loads lazily after Office.onReady; each gzipped at level 9. Also the structural budget:
 * functions.js has no React and comes before taskpane.js, which imports the UI lazily.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface BundleFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  /** Scripts taskpane.html loads itself, in page order. */
  initial: BundleFile[];
  /** The functions entry (all the functions need on workbook open, besides Office's runtime). */
  functions: BundleFile;
  /** Chunks loaded by dynamic import (the React/Fluent UI). */
  lazy: BundleFile[];
  checks: {
    functionsHasNoReact: boolean;
    taskpaneEntryHasNoReact: boolean;
    functionsBeforeTaskpane: boolean;
    registersAllFunctions: boolean;
    uiLoadedLazily: boolean;
    officeJsFromCdn: boolean;
  };
  /** Minified bytes of each JS file by package (project source included), from the source maps. */
  attribution: Array<{ file: string; packages: Array<{ name: string; bytes: number }> }>;
}

/** Markers only a bundled UI runtime contains (the same as tests/shell/build.test.ts): React DOM's. */
const REACT_MARKERS = ["react-dom", "__SECRET_INTERNALS", "createRoot", "__CLIENT_INTERNALS"];

function sized(dir: string, file: string): BundleFile {
  const content = fs.readFileSync(path.join(dir, file));
  return { file, bytes: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
}

/** The src of every <script> in the page, in order (attribute quotes may be minified away). */
export function scriptSources(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b[^>]*?\bsrc=("([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push(m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

function packageName(source: string): string {
  const at = source.lastIndexOf("node_modules/");
  if (at < 0) return "project";
  const parts = source.slice(at + "node_modules/".length).split("/");
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? "?");
}

interface Mapping {
  generatedLine: number;
  generatedColumn: number;
  source: string | null;
}
type SourceMapLib = { SourceMapConsumer: new (map: unknown) => { eachMapping(cb: (m: Mapping) => void): void } };

/** Bytes of the minified file per package, from its source map (webpack emits one per file). */
function attribute(dir: string, file: string, lib: SourceMapLib): Array<{ name: string; bytes: number }> {
  const mapFile = path.join(dir, `${file}.map`);
  if (!fs.existsSync(mapFile)) return [];
  const lines = fs.readFileSync(path.join(dir, file), "utf8").split("\n");
  const mappings: Mapping[] = [];
  new lib.SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, "utf8"))).eachMapping((m) => mappings.push(m));
  const bytes = new Map<string, number>();
  mappings.forEach((m, k) => {
    const next = mappings[k + 1];
    const end =
      next && next.generatedLine === m.generatedLine ? next.generatedColumn : (lines[m.generatedLine - 1] ?? "").length;
    const name = packageName(m.source ?? "");
    bytes.set(name, (bytes.get(name) ?? 0) + Math.max(0, end - m.generatedColumn));
  });
  return [...bytes]
    .map(([name, n]) => ({ name, bytes: n }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
}

/** source-map-js comes with webpack's toolchain; without it the attribution is left out. */
async function sourceMapLib(): Promise<SourceMapLib | null> {
  try {
    return (await import("source-map-js")) as unknown as SourceMapLib;
  } catch {
    return null;
  }
}

export async function measureBundles(outDir: string): Promise<BundleReport> {
  const html = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
  const sources = scriptSources(html);
  const local = sources.filter((s) => !/^https?:/i.test(s)).map((s) => s.replace(/^\.?\//, ""));
  const initial = local.map((f) => sized(outDir, f));
  const js = fs.readdirSync(outDir).filter((f) => f.endsWith(".js"));
  const lazy = js.filter((f) => !local.includes(f)).map((f) => sized(outDir, f));
  const read = (f: string) => fs.readFileSync(path.join(outDir, f), "utf8");
  const functionsCode = read("functions.js");
  const taskpaneCode = read("taskpane.js");
  const metadata = JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> };
  const fi = local.indexOf("functions.js");
  const ti = local.indexOf("taskpane.js");
  return {
    initial,
    functions: sized(outDir, "functions.js"),
    lazy,
    checks: {
      functionsHasNoReact: REACT_MARKERS.every((m) => !functionsCode.includes(m)),
      taskpaneEntryHasNoReact: REACT_MARKERS.every((m) => !taskpaneCode.includes(m)),
      functionsBeforeTaskpane: fi >= 0 && ti > fi,
      registersAllFunctions: metadata.functions.every((f) =>
        new RegExp(`associate\\(\\s*"${f.id}"`).test(functionsCode),
      ),
      // The entry loads its UI with a dynamic import (webpack's chunk loader), and some lazy chunk holds the runtime.
      uiLoadedLazily: lazy.some((f) => REACT_MARKERS.some((m) => read(f.file).includes(m))),
      officeJsFromCdn: sources.some((s) => s.startsWith("https://appsforoffice.microsoft.com/")),
    },
    attribution: await (async () => {
      const lib = await sourceMapLib();
      return lib ? js.map((file) => ({ file, packages: attribute(outDir, file, lib) })) : [];
    })(),
  };
}
