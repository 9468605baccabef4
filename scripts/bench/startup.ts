/**
 * What the pane really loads before staff can use it, measured in Chromium: the production
 * taskpane.html, served as built, with office.js stood in (officeStandin.ts, served at the CDN address
 * the page names) so the UI mounts as it does in Excel. Every JS and CSS response the page asked for
 * with nothing clicked is counted, gzip -9 of each body: before the pane became interactive (its
 * "插入模板 / Insert template" button enabled) and after, until the page settled — a chunk split off and
 * fetched a moment later at start-up is still waited for. functions.js, taskpane.js and every chunk
 * fetched at start-up, whatever webpack's configuration says it should be; in a blank workbook and in
 * one with the template (the history section then loads at start-up too). The stand-in office.js is Office's, not the add-in's,
 * and is left out. The build's other files are the on-demand chunks, listed with the import that
 * loads them (from webpack's stats).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Response } from "playwright-core";
import { startPreviewServer } from "../../dev/preview/server.mjs";
import { CHROMIUM, CHROMIUM_ARGS, STAMP_READY } from "./preview";

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const projectDir = path.resolve(__dirname, "../..");

export interface FetchedFile {
  /** Path under the build folder (functions.js, pane.1234abcd.js …). */
  file: string;
  bytes: number;
  gzip: number;
  /** When the page asked for it, ms after navigation start. */
  startMs: number;
}

export interface OnDemandChunk {
  file: string;
  bytes: number;
  gzip: number;
  /** webpack's chunk names (webpackChunkName), when it has any. */
  names: string[];
  /** Where it is imported from: "module → request" of each import() that loads it. */
  loadedBy: string[];
}

export interface StartupReport {
  /** ms from navigation start until the Insert button was enabled. */
  readyMs: number;
  /** JS and CSS the page asked for before it was interactive, in request order: the start-up set. */
  startup: FetchedFile[];
  startupGzip: number;
  /**
   * JS and CSS asked for after it was interactive with nothing clicked, until the page settled (with a
   * template: the history section, fetched once the template is read). Counted in `unpromptedGzip`.
   */
  afterReady: FetchedFile[];
  /** Everything the page fetched with no click (startup + afterReady), gzipped: what the budget counts. */
  unpromptedGzip: number;
  /** The workbook the pane opened. */
  workbook: StartupWorkbook;
  /** The build's JS and CSS the page did not fetch: loaded when a feature is used. */
  onDemand: OnDemandChunk[];
  /** The PLAN functions functions.js registered with the stand-in's CustomFunctions.associate. */
  registered: string[];
  /** Size of the stand-in served as office.js (not counted). */
  officeStandinBytes: number;
  /** Uncaught page errors (none expected). */
  pageErrors: string[];
}

const isCounted = (file: string) => /\.(m?js|css)$/i.test(file);
const gzip = (body: Buffer) => zlib.gzipSync(body, { level: 9 }).length;

/** Bundles officeStandin.ts (the Excel stand-in and HyperFormula) into one classic script. */
export async function buildOfficeStandin(outFile: string): Promise<void> {
  const esbuild = (await import("esbuild")) as typeof import("esbuild");
  await esbuild.build({
    entryPoints: [path.join(__dirname, "officeStandin.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    minify: true,
    outfile: outFile,
    logLevel: "warning",
    absWorkingDir: projectDir,
  });
}

interface StatsChunk {
  files?: string[];
  auxiliaryFiles?: string[];
  names?: string[];
  origins?: Array<{ moduleName?: string; request?: string }>;
}

/** The chunks of webpack's stats (a multi-compiler stats object has them under children). */
function statsChunks(stats: unknown): StatsChunk[] {
  const s = stats as { chunks?: StatsChunk[]; children?: Array<{ chunks?: StatsChunk[] }> };
  return s.chunks ?? (s.children ?? []).flatMap((c) => c.chunks ?? []);
}

/** The build's JS/CSS files the page did not fetch, with the imports that load them. */
export function onDemandChunks(outDir: string, fetched: Set<string>, stats: unknown | null): OnDemandChunk[] {
  const chunks = stats ? statsChunks(stats) : [];
  const files = fs
    .readdirSync(outDir, { recursive: true })
    .map((f) => String(f).split(path.sep).join("/"))
    .filter((f) => isCounted(f) && !f.startsWith("office-js/") && !fetched.has(f));
  return files
    .map((file) => {
      const body = fs.readFileSync(path.join(outDir, file));
      const owners = chunks.filter((c) => (c.files ?? []).includes(file));
      const names = [...new Set(owners.flatMap((c) => c.names ?? []))];
      const loadedBy = [
        ...new Set(
          owners.flatMap((c) =>
            (c.origins ?? [])
              .filter((o) => o.moduleName && o.request)
              .map((o) => `${o.moduleName!.replace(/^\.\//, "")} → ${o.request}`),
          ),
        ),
      ];
      return { file, bytes: body.length, gzip: gzip(body), names, loadedBy };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** The workbook the pane opens: blank (first use) or with the seed plan's template (staff's weekly case). */
export type StartupWorkbook = "blank" | "template";

/**
 * Loads outDir/taskpane.html in Chromium and measures the start-up set. `settleMs`: how long to keep
 * listening after the pane is interactive, then until the network is idle; what arrives then, with
 * nothing clicked, is fetched at start-up too (afterReady) and counted in `unpromptedGzip`.
 */
export async function measureStartup(
  outDir: string,
  options: { stats?: unknown; settleMs?: number; lang?: "zh-CN" | "en-US"; workbook?: StartupWorkbook } = {},
): Promise<StartupReport> {
  const workbook = options.workbook ?? "blank";
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-office-standin-"));
  const standinFile = path.join(tmp, "office.js");
  const server = await startPreviewServer({ dir: outDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    await buildOfficeStandin(standinFile);
    const standin = fs.readFileSync(standinFile);
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // Nothing leaves the machine: office.js is the stand-in, anything else not on the local server fails.
    await page.route(
      (url) => !url.href.startsWith(server.url),
      (route) =>
        route.request().url() === OFFICE_JS_CDN
          ? route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: standin })
          : route.abort("blockedbyclient"),
    );
    const bodies = new Map<string, Promise<Buffer | null>>();
    page.on("response", (response: Response) => {
      if (response.url().startsWith(server.url))
        bodies.set(
          response.url(),
          response.body().catch(() => null),
        );
    });
    await page.addInitScript(STAMP_READY);
    await page.goto(`${server.url}taskpane.html?lang=${options.lang ?? "zh-CN"}&workbook=${workbook}`);
    await page.waitForFunction(() => (window as unknown as { __paneReady?: number }).__paneReady !== undefined, null, {
      timeout: 60_000,
    });
    await page.waitForTimeout(options.settleMs ?? 1500);
    await page.waitForLoadState("networkidle");
    const timeline = await page.evaluate(() => ({
      ready: (window as unknown as { __paneReady: number }).__paneReady,
      resources: performance.getEntriesByType("resource").map((e) => ({ url: e.name, start: e.startTime })),
      registered: [
        ...((window as unknown as { __associatedFunctions?: Map<string, unknown> }).__associatedFunctions?.keys() ??
          []),
      ],
    }));
    await context.close();

    const startup: FetchedFile[] = [];
    const afterReady: FetchedFile[] = [];
    for (const r of timeline.resources) {
      if (!r.url.startsWith(server.url)) continue;
      const file = decodeURIComponent(new URL(r.url).pathname.replace(/^\//, ""));
      if (!isCounted(file)) continue;
      const body = (await bodies.get(r.url)) ?? null;
      if (body === null) throw new Error(`no response body recorded for ${file}`);
      const entry = { file, bytes: body.length, gzip: gzip(body), startMs: r.start };
      (r.start < timeline.ready ? startup : afterReady).push(entry);
    }
    const fetched = new Set([...startup, ...afterReady].map((f) => f.file));
    return {
      readyMs: timeline.ready,
      startup,
      startupGzip: startup.reduce((s, f) => s + f.gzip, 0),
      afterReady,
      unpromptedGzip: [...startup, ...afterReady].reduce((s, f) => s + f.gzip, 0),
      workbook,
      onDemand: onDemandChunks(outDir, fetched, options.stats ?? null),
      registered: timeline.registered,
      officeStandinBytes: standin.length,
      pageErrors,
    };
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
