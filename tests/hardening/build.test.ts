/**
 * Issue #12 item 11 — what a production build ships. The base URL staff's IT gives (PLAN_TRACKER_BASE_URL)
 * goes into the manifest XML-escaped and checked (an "&" in it made the manifest invalid); a production build
 * without it stops with a message saying what to set, instead of warning and shipping a placeholder or
 * localhost (a localhost build is only made when asked for: npm run build:localhost); and no source maps
 * are deployed (dist/ held *.map files and every bundle named them with sourceMappingURL). The whole build
 * runs in tests/shell/build.test.ts, which also checks the built files for maps.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { allUrls, parseXml } from "../../scripts/manifest-checks.mjs";

const projectDir = path.resolve(__dirname, "../..");
const DEV = "https://localhost:3000/";

interface BuildConfig {
  devtool?: string | false;
  plugins: Array<{ patterns?: Array<{ from: string; transform?: (content: Buffer) => unknown }> }>;
}
type MakeConfig = ((env: Record<string, unknown>, options: { mode: string }) => Promise<BuildConfig>) & {
  checkedManifest: (content: string, baseUrl: string) => Promise<string>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build config is CommonJS
const makeConfig = require(path.join(projectDir, "webpack.config.js")) as MakeConfig;

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["PLAN_TRACKER_BASE_URL", "PLAN_TRACKER_SOURCE_MAPS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

/** The manifest as the production build writes it, through the build's own copy transform. */
async function builtManifest(env: Record<string, unknown> = {}): Promise<string> {
  const config = await makeConfig(env, { mode: "production" });
  const pattern = config.plugins
    .flatMap((p) => p.patterns ?? [])
    .find((p) => p.from === "manifest*.xml" && p.transform !== undefined);
  expect(pattern).toBeDefined();
  return String(await pattern!.transform!(fs.readFileSync(path.join(projectDir, "manifest.xml"))));
}

describe("the production manifest's base URL", () => {
  it("is XML-escaped: a base URL with & and ' gives a well-formed manifest whose every URL is on it", async () => {
    const base = "https://addins.example.gov.cn/plan&tracker/it's/";
    process.env.PLAN_TRACKER_BASE_URL = base;
    const xml = await builtManifest();
    expect(xml).toContain("https://addins.example.gov.cn/plan&amp;tracker/it&apos;s/taskpane.html");
    const urls = allUrls(await parseXml(xml));
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.value.startsWith(base), u.value).toBe(true);
    expect(xml).not.toContain(DEV);
  });

  it("is normalised: a trailing slash is added", async () => {
    process.env.PLAN_TRACKER_BASE_URL = "https://addins.example.gov.cn/plan-tracker";
    const urls = allUrls(await parseXml(await builtManifest()));
    expect(urls.map((u) => u.value)).toContain("https://addins.example.gov.cn/plan-tracker/taskpane.html");
  });

  it.each([
    ["http://addins.example.gov.cn/", /https:\/\//],
    ["https://addins.example.gov.cn/?v=2", /query/],
    ["https://addins.example.gov.cn/#top", /fragment/],
    ["https://it:secret@addins.example.gov.cn/", /user name or password/],
    ["https://addins.example.gov.cn/plan tracker/", /space/],
    ["addins.example.gov.cn", /not a valid URL/],
  ])("refuses %s, saying why in Chinese and English", async (value, why) => {
    process.env.PLAN_TRACKER_BASE_URL = value;
    const error = await makeConfig({}, { mode: "production" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(why);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toContain("PLAN_TRACKER_BASE_URL");
  });

  it("stops a production build that has none, saying what to set; localhost only when asked for", async () => {
    delete process.env.PLAN_TRACKER_BASE_URL;
    const error = await makeConfig({}, { mode: "production" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/未设置 PLAN_TRACKER_BASE_URL/);
    expect((error as Error).message).toMatch(/PLAN_TRACKER_BASE_URL is not set/);
    expect((error as Error).message).toContain("npm run build:localhost");
    // Asked for: the production build keeps localhost (for testing), and says nothing is wrong.
    expect(await builtManifest({ localhost: true })).toContain(`${DEV}taskpane.html`);
    // A development build never needs it.
    await expect(makeConfig({}, { mode: "development" })).resolves.toBeDefined();
    const scripts = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")).scripts;
    expect(scripts["build:localhost"]).toBe("webpack --mode production --env localhost");
  });
});

describe("source maps", () => {
  it("a production build writes none into dist/; hidden ones (no sourceMappingURL) only when asked for", async () => {
    process.env.PLAN_TRACKER_BASE_URL = "https://addins.example.gov.cn/plan-tracker/";
    delete process.env.PLAN_TRACKER_SOURCE_MAPS;
    expect((await makeConfig({}, { mode: "production" })).devtool).toBe(false);
    process.env.PLAN_TRACKER_SOURCE_MAPS = "hidden";
    expect((await makeConfig({}, { mode: "production" })).devtool).toBe("hidden-source-map");
    expect((await makeConfig({}, { mode: "development" })).devtool).toBe("source-map");
  });
});
