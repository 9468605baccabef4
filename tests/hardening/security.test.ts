/**
 * Security checks on the source (no build needed; tests/shell/build.test.ts greps the built files):
 * the pane page's Content-Security-Policy, no X-Frame-Options anywhere Office would see it, no
 * dynamic code or HTML injection sinks in src/, and plan or cell text rendered only as text.
 * The rendering of cell text in a real browser is covered by the end-to-end suite (tests/e2e).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const projectDir = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(projectDir, file), "utf8");

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(path.join(projectDir, d), { withFileTypes: true })) {
      const rel = path.join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (pattern.test(entry.name)) out.push(rel);
    }
  };
  walk(dir);
  return out;
}

/** The directives of a CSP, as { name: [sources] }. */
export function parseCsp(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

describe("Content-Security-Policy of the task pane page", () => {
  const html = read("src/taskpane/taskpane.html");
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/gi)];
  const csp = parseCsp(metas[0]?.[1] ?? "");

  it("is there, once", () => {
    expect(metas).toHaveLength(1);
  });

  it("loads scripts only from the add-in itself and Office's CDN, and never evaluates strings", () => {
    expect(csp["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    for (const [directive, sources] of Object.entries(csp)) {
      expect(sources, directive).not.toContain("'unsafe-eval'");
      expect(sources, directive).not.toContain("'wasm-unsafe-eval'");
      expect(sources, directive).not.toContain("*");
      expect(
        sources.filter((s) => /^https?:$/.test(s)),
        directive,
      ).toEqual([]);
    }
    // data:/blob: are acceptable for images and fonts only, never where code or requests could come from.
    for (const directive of ["default-src", "script-src", "connect-src", "object-src", "frame-src", "worker-src"])
      expect(
        (csp[directive] ?? []).filter((s) => /^(data|blob):$/.test(s)),
        directive,
      ).toEqual([]);
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["object-src"]).toEqual(["'none'"]);
  });

  it("makes no other network access at run time (fetch, XHR, WebSocket go to the add-in's own origin only)", () => {
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
  });

  it("does not restrict framing: Office on the web shows the pane in an iframe (frame-ancestors is ignored in a meta CSP anyway)", () => {
    expect(csp["frame-ancestors"]).toBeUndefined();
  });
});

describe("no X-Frame-Options anywhere Office would receive it", () => {
  it("not in the page, the webpack dev server's headers, or any served or build file", async () => {
    const scanned = [
      "src/taskpane/taskpane.html",
      "webpack.config.js",
      "manifest.xml",
      ...filesUnder("src", /\.(ts|tsx|html)$/),
      ...filesUnder("scripts", /\.(c|m)?js$/),
    ];
    for (const file of scanned) expect(read(file), file).not.toMatch(/x-frame-options/i);
    // The dev server's headers as webpack will use them.
    process.env.PLAN_TRACKER_BASE_URL ||= "https://plan.example.test/";
    const makeConfig = (await import(path.join(projectDir, "webpack.config.js"))).default as (
      env: Record<string, unknown>,
      options: { mode: string },
    ) => Promise<{ devServer?: { headers?: Record<string, string> }; devtool?: string | false }>;
    for (const mode of ["development", "production"]) {
      const config = await makeConfig({}, { mode });
      const headers = Object.keys(config.devServer?.headers ?? {}).map((h) => h.toLowerCase());
      expect(headers, mode).not.toContain("x-frame-options");
      expect(headers, mode).not.toContain("content-security-policy"); // would override the page's own policy
      // eval-based source maps would need 'unsafe-eval'.
      expect(String(config.devtool ?? ""), mode).not.toMatch(/eval/);
    }
  });
});

describe("no dynamic code and no HTML injection sinks in src/", () => {
  const sources = filesUnder("src", /\.(ts|tsx)$/);
  const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const SINKS: Array<[string, RegExp]> = [
    ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
    ["innerHTML/outerHTML assignment", /\.(inner|outer)HTML\s*[+]?=/],
    ["insertAdjacentHTML", /insertAdjacentHTML\s*\(/],
    ["document.write", /document\.write(ln)?\s*\(/],
    ["createContextualFragment", /createContextualFragment\s*\(/],
    ["DOMParser", /new\s+DOMParser\s*\(/],
    ["eval", /(^|[^\w$.])eval\s*\(/],
    ["new Function", /new\s+Function\s*\(/],
    ["Function constructor", /(^|[^\w$.])Function\s*\(/],
    ["string timer", /set(Timeout|Interval)\s*\(\s*["'`]/],
    // eslint-disable-next-line no-script-url -- the pattern searched for, not a URL used
    ["javascript: URL", /javascript:/i],
  ];

  it("finds the files", () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(sources).toContain(path.join("src", "taskpane", "taskpane.ts"));
  });

  it.each(SINKS)("no %s", (_name, pattern) => {
    const hits = sources.filter((f) => pattern.test(stripComments(read(f))));
    expect(hits).toEqual([]);
  });

  it("the scan does find a sink when one is there", () => {
    const planted = stripComments('const a = 1; el.innerHTML = name; // comment\nconst f = new Function("x");');
    expect(SINKS.find(([n]) => n === "innerHTML/outerHTML assignment")![1].test(planted)).toBe(true);
    expect(SINKS.find(([n]) => n === "new Function")![1].test(planted)).toBe(true);
    expect(SINKS.find(([n]) => n === "eval")![1].test(stripComments("// eval(x) is not allowed"))).toBe(false);
  });
});

describe("cell text and plan text are rendered as text", () => {
  it("the pane's only direct DOM writes use textContent", () => {
    const domWrites = filesUnder("src", /\.(ts|tsx)$/).flatMap((f) =>
      [...read(f).matchAll(/\.(textContent|innerText|innerHTML|outerHTML)\s*=/g)].map((m) => `${f}: ${m[1]}`),
    );
    expect(domWrites.every((w) => w.endsWith("textContent") || w.endsWith("innerText"))).toBe(true);
  });

  it("React components put strings in the tree, not markup (no HTML string props)", () => {
    const components = filesUnder("src/taskpane", /\.tsx$/);
    expect(components.length).toBeGreaterThan(0);
    for (const f of components) {
      const code = read(f);
      expect(code, f).not.toMatch(/__html/);
      expect(code, f).not.toMatch(/\bsrcDoc\b|\bsrcdoc\b/);
    }
  });
});
