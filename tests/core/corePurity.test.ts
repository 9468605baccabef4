/** The core must run in node, the custom-functions runtime and the pane: no Office, Excel, React, Fluent or DOM. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const coreDir = join(__dirname, "../../src/core");
const files = readdirSync(coreDir).filter((f) => f.endsWith(".ts"));

function code(text: string): string {
  // Comments may mention Excel and the DOM; only code counts.
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");
}

describe("src/core is pure", () => {
  it("has the core's files", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "result.ts",
        "messages.ts",
        "numberParsing.ts",
        "indicatorMath.ts",
        "status.ts",
        "indicatorEvaluation.ts",
        "validation.ts",
        "planSchema.ts",
      ]),
    );
  });
  it.each(files)("%s imports no host or UI library and touches no DOM global", (file) => {
    const text = code(readFileSync(join(coreDir, file), "utf8"));
    const imports = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)["']([^"']+)["']/g)].map(
      (m) => m[1] ?? "",
    );
    for (const spec of imports) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(/office|excel|react|@fluentui|^dom$|jsdom/i);
    }
    expect(text).not.toMatch(
      /\b(window|document|navigator|localStorage|sessionStorage|Office|Excel|CustomFunctions|HTMLElement)\s*[.[(]/,
    );
  });
});
