/**
 * scripts/licenses.mjs: from webpack's stats (module identifiers as webpack writes them: loader
 * prefixes, concatenated modules, nested and scoped packages, plugin child compilations) to the
 * bundled packages and their licences; hyperformula or a copyleft licence fails the check.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkLicences, isPermissive, licenceOf, packageOfModule, packagesFromStats } from "../../scripts/licenses.mjs";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "plan-tracker-licences-test-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function installFake(name: string, pkg: Record<string, unknown>, under = root): string {
  const dir = path.join(under, "node_modules", ...name.split("/"));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", ...pkg }));
  return dir;
}

const nm = (p: string) => path.join(root, "node_modules", p);
const TS_LOADER = `${nm("ts-loader/index.js")}??ruleSet[1].rules[0].use!`;

/** A stats file shaped like webpack 5's (only the fields the script reads). */
function stats(extra: unknown[] = []) {
  return {
    modules: [
      {
        // A concatenated module: the project's entry plus zod, which has no chunks of its own inside.
        identifier: `${TS_LOADER}${root}/src/functions/functions.ts|abc`,
        nameForCondition: `${root}/src/functions/functions.ts`,
        chunks: [906],
        modules: [
          {
            identifier: `${TS_LOADER}${root}/src/core/planSchema.ts`,
            nameForCondition: `${root}/src/core/planSchema.ts`,
            chunks: [],
          },
          {
            identifier: `${root}/scripts/webpack/zod-jitless-loader.cjs!${nm("zod/v4/core/util.js")}`,
            nameForCondition: nm("zod/v4/core/util.js"),
            chunks: [],
          },
        ],
      },
      { identifier: nm("react-dom/cjs/react-dom-client.production.js"), chunks: [214] },
      { identifier: nm("@fluentui/react-button/lib/index.js"), chunks: [214] },
      // A nested install belongs to the inner package.
      { identifier: nm("@fluentui/react-button/node_modules/keyborg/dist/index.js?x=1"), chunks: [214] },
      { identifier: "webpack/runtime/load script", chunks: [926] },
      // Resolved but tree-shaken away entirely: in no chunk, not bundled.
      { identifier: nm("unused-lib/index.js"), chunks: [] },
      ...extra,
    ],
    // html-webpack-plugin's template compilation: runs at build time, never bundled.
    children: [{ modules: [{ identifier: nm("lodash/lodash.js"), chunks: ["HtmlWebpackPlugin_0"] }] }],
  };
}

installFake("zod", { license: "MIT" });
installFake("react-dom", { license: "MIT" });
installFake("@fluentui/react-button", { license: "MIT" });
installFake("keyborg", { license: "MIT" }, nm("@fluentui/react-button"));
installFake("unused-lib", { license: "GPL-3.0" });
installFake("lodash", { license: "MIT" });
installFake("hyperformula", { license: "GPL-3.0-only" });
installFake("copyleft", { license: "AGPL-3.0" });
installFake("dual", { license: "(MIT OR GPL-2.0)" });
installFake("old-style", { licenses: [{ type: "BSD-3-Clause" }] });
installFake("no-licence", {});

describe("packageOfModule", () => {
  it("maps files to the innermost package, with scopes; project files and webpack's runtime to none", () => {
    expect(packageOfModule(`${TS_LOADER}/x/node_modules/@a/b/lib/c.js?q`)?.name).toBe("@a/b");
    expect(packageOfModule("/x/node_modules/a/node_modules/b/i.js")?.name).toBe("b");
    expect(packageOfModule("C:\\x\\node_modules\\react\\index.js")?.name).toBe("react");
    expect(packageOfModule("/x/src/core/planSchema.ts")).toBeNull();
    expect(packageOfModule("webpack/runtime/load script")).toBeNull();
    expect(packageOfModule(undefined)).toBeNull();
  });
});

describe("packagesFromStats", () => {
  it("lists the packages of bundled modules only, inner modules of concatenations included", () => {
    expect([...packagesFromStats(stats(), root).keys()].sort()).toEqual(
      ["@fluentui/react-button", "keyborg", "react-dom", "zod"].sort(),
    );
    expect(packagesFromStats(stats(), root).get("keyborg")).toBe(
      path.join(nm("@fluentui/react-button"), "node_modules/keyborg"),
    );
  });
});

describe("licences", () => {
  it("reads the licence field in its three historical shapes", () => {
    expect(licenceOf({ license: "MIT" })).toBe("MIT");
    expect(licenceOf({ license: { type: "ISC" } })).toBe("ISC");
    expect(licenceOf({ licenses: [{ type: "MIT" }, { type: "Apache-2.0" }] })).toBe("(MIT OR Apache-2.0)");
    expect(licenceOf({})).toBeNull();
  });

  it("accepts permissive SPDX expressions only", () => {
    for (const ok of [
      "MIT",
      "ISC",
      "0BSD",
      "BSD-2-Clause",
      "BSD-3-Clause",
      "Apache-2.0",
      "(MIT OR GPL-2.0)",
      "MIT AND ISC",
    ])
      expect(isPermissive(ok), ok).toBe(true);
    for (const bad of [
      "GPL-3.0",
      "GPL-3.0-only",
      "AGPL-3.0",
      "LGPL-2.1",
      "MIT AND GPL-3.0",
      "SEE LICENSE IN LICENSE",
      "UNLICENSED",
      "",
      null,
    ])
      expect(isPermissive(bad), String(bad)).toBe(false);
  });

  it("passes a bundle of permissive packages", () => {
    const result = checkLicences(stats(), root);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.packages.map((p) => p.licence)).toEqual(["MIT", "MIT", "MIT", "MIT"]);
  });

  it("fails when hyperformula, a copyleft or an unlicensed package is bundled", () => {
    const bundled = (name: string) => ({ identifier: nm(`${name}/index.js`), chunks: [214] });
    const result = checkLicences(
      stats([
        bundled("hyperformula"),
        bundled("copyleft"),
        bundled("no-licence"),
        bundled("dual"),
        bundled("old-style"),
      ]),
      root,
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      "copyleft@1.0.0 is AGPL-3.0, not a permissive licence",
      expect.stringMatching(/^hyperformula is bundled/),
      "no-licence@1.0.0 declares no licence",
    ]);
  });

  it("fails on stats it cannot read anything from", () => {
    expect(checkLicences({ modules: [] }, root).ok).toBe(false);
  });
});
