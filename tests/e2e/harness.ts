/**
 * End-to-end harness: builds the preview page once, serves it on a free port, and drives Debian's Chromium
 * with playwright-core. Each test gets a fresh browser context (empty localStorage: a blank workbook).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startPreviewServer } from "../../dev/preview/server.mjs";
import { oncePerRun } from "../oncePerRun";
import { sharedPreviewDir } from "./previewRun";

export const projectDir = path.resolve(__dirname, "../..");
export const CHROMIUM = process.env.PLAN_TRACKER_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Preview {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

function runBuild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectDir, "dev/preview/build.mjs"), "--out", outDir], {
      cwd: projectDir,
      env: process.env,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`The preview build failed (exit ${code}):\n${output.slice(-6000)}`)),
    );
  });
}

/**
 * One preview build per test run, shared by every end-to-end file. Vitest runs files in separate workers, so
 * the first file to ask builds into a folder named after the run (PLAN_TRACKER_TEST_RUN, set by
 * tests/globalSetup.ts, which removes the folder at the end) and the others wait for its marker — twelve
 * files built the same page twelve times before, minutes of CI. Outside such a run each call builds its own.
 */
async function previewBuild(): Promise<{ dir: string; owned: boolean }> {
  const run = process.env.PLAN_TRACKER_TEST_RUN;
  if (!run) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-preview-"));
    try {
      await runBuild(dir);
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return { dir, owned: true };
  }
  const dir = sharedPreviewDir(run);
  await oncePerRun(dir, () => runBuild(dir));
  return { dir, owned: false };
}

/** Builds the preview (once per test run), serves it and starts Chromium. */
export async function startPreview(): Promise<Preview> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the end-to-end tests need Debian's chromium. ` +
        "Install it with `apt-get install -y chromium` (as root; CI's .ci/run does this), " +
        "or point PLAN_TRACKER_CHROMIUM at another Chromium binary.",
    );
  }
  const build = await previewBuild();
  const outDir = build.dir;
  const removeBuild = () => {
    if (build.owned) fs.rmSync(outDir, { recursive: true, force: true });
  };
  let server: Awaited<ReturnType<typeof startPreviewServer>> | null = null;
  let browser: Browser | null = null;
  try {
    server = await startPreviewServer({ dir: outDir, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await server?.close();
    removeBuild();
    throw error;
  }
  const running = { server, browser };
  return {
    url: server.url,
    browser,
    async close() {
      await running.browser.close();
      await running.server.close();
      removeBuild();
    },
  };
}

export interface PreviewPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors in the page (none is expected: tests/e2e/pageErrors.test.ts). */
  errors: string[];
}

/** A fresh browser context on the preview in English, with the pane loaded. */
export async function openPreview(preview: Preview, lang: "en-US" | "zh-CN" = "en-US"): Promise<PreviewPage> {
  const context = await preview.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
  await page.goto(`${preview.url}?lang=${lang}`);
  await waitForPane(page, lang);
  return { page, context, errors };
}

export interface PreviewSession {
  /** The running preview (from the file's beforeAll on), for a file that opens its pages itself. */
  readonly preview: Preview;
  /** A fresh page via openPreview; a page this session opened before and left open is closed first. */
  open(lang?: "en-US" | "zh-CN"): Promise<PreviewPage>;
  /** Takes a page the file opened itself (on `preview`), to be closed as open()'s pages are. */
  adopt(opened: PreviewPage): PreviewPage;
}

/**
 * The scaffolding every end-to-end file shared: registers a beforeAll that starts the preview (300 s, the
 * build may be this file's to do) and an afterAll that closes the page still open, then the preview. With
 * `closeAfterEach`, an afterEach also closes each test's page, so every test starts on a blank workbook.
 * Call it at the top level of the test file.
 */
export function usePreview(options: { closeAfterEach?: boolean } = {}): PreviewSession {
  let preview: Preview | undefined;
  let current: PreviewPage | null = null;
  const closeCurrent = async () => {
    const page = current;
    current = null;
    await page?.context.close();
  };
  beforeAll(async () => {
    preview = await startPreview();
  }, 300_000);
  if (options.closeAfterEach) afterEach(closeCurrent);
  afterAll(async () => {
    await closeCurrent();
    await preview?.close();
  });
  const session: PreviewSession = {
    get preview() {
      if (!preview) throw new Error("The preview is not started yet: use it inside a test or a later hook.");
      return preview;
    },
    async open(lang = "en-US") {
      await closeCurrent();
      current = await openPreview(session.preview, lang);
      return current;
    },
    adopt(opened) {
      current = opened;
      return opened;
    },
  };
  return session;
}

/** The pane has mounted (its main button is there). */
export async function waitForPane(page: Page, lang: "en-US" | "zh-CN" = "en-US"): Promise<void> {
  await page.getByRole("button", { name: lang === "en-US" ? "Insert template" : "插入模板" }).waitFor();
}

/** Saves what the page shows now as test-results/e2e/<name>.png (the flow's final state). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(projectDir, "test-results/e2e");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
