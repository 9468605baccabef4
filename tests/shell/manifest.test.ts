// Structural tests of manifest.xml (Microsoft's validator is online only). The same checks run in
// `npm run validate`; the "catches" cases feed broken copies to prove each check can fail.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AUTO_SHOW_ID,
  LIMITS,
  checkAutoShow,
  checkElementOrder,
  checkHttps,
  checkIcons,
  checkNamespace,
  checkResids,
  checkSharedRuntime,
  checkStringLengths,
  checkZhCnOverrides,
  parseXml,
  pngSize,
  resources,
  structuralChecks,
  walk,
  type XmlNode,
} from "../../scripts/manifest-checks.mjs";

const projectDir = path.resolve(__dirname, "../..");
const manifestText = fs.readFileSync(path.join(projectDir, "manifest.xml"), "utf8");
/** Vendored with the repository (schemas/office-manifest/README.md): the check runs in any checkout, CI included. */
const xsd = path.join(projectDir, "schemas/office-manifest/OfficeAppManifestV1_1.xsd");
const hasXmllint = !spawnSync("xmllint", ["--version"]).error;

let root: XmlNode;
beforeAll(async () => {
  root = await parseXml(manifestText);
});

const all = (name: string) => walk(root).filter((n) => n.name === name);
const only = (name: string) => {
  const found = all(name);
  expect(found, `<${name}>`).toHaveLength(1);
  return found[0]!;
};
const childOf = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);

/** Parses a modified copy of the manifest; fails the test if the edit did not apply. */
async function mutated(from: string | RegExp, to: string): Promise<XmlNode> {
  const text = manifestText.replace(from, to);
  expect(text, `edit ${String(from)} applied`).not.toBe(manifestText);
  return parseXml(text);
}

describe("manifest.xml", () => {
  it("passes every structural check", () => {
    const results = structuralChecks(root, projectDir);
    expect(Object.keys(results)).toHaveLength(10);
    for (const [name, problems] of Object.entries(results)) expect(problems, name).toEqual([]);
  });

  it("is an Excel TaskPaneApp with a fixed GUID, version 1.0.0.0 and zh-CN names", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(only("Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(only("Version").text).toBe("1.0.0.0");
    const displayName = childOf(root, "DisplayName")!;
    expect(displayName.attrs.DefaultValue).toBe("Plan Tracker");
    expect(displayName.children.find((o) => o.attrs.Locale === "zh-CN")?.attrs.Value).toBe("规划指标监测");
    const description = childOf(root, "Description")!;
    expect(description.children.find((o) => o.attrs.Locale === "zh-CN")?.attrs.Value).toMatch(/[\u4e00-\u9fff]/);
    expect(only("Permissions").text).toBe("ReadWriteDocument");
  });

  it("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.1", () => {
    const sets = Object.fromEntries(all("Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(sets).toMatchObject({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" });
  });

  it("has one long-lived runtime shared by the functions page, the function file and the pane", () => {
    const runtime = only("Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const resid = runtime.attrs.resid!;
    const customFunctions = all("ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    expect(childOf(childOf(customFunctions, "Page")!, "SourceLocation")?.attrs.resid).toBe(resid);
    expect(only("FunctionFile").attrs.resid).toBe(resid);
    const action = all("Action").find((a) => a.attrs["xsi:type"] === "ShowTaskpane")!;
    expect(childOf(action, "SourceLocation")?.attrs.resid).toBe(resid);
    expect(childOf(action, "TaskpaneId")?.text).toBe(AUTO_SHOW_ID);
    expect(resources(root)["bt:Urls"][resid]?.value).toBe("https://localhost:3000/taskpane.html");
  });

  it("registers the functions in the PLAN namespace with Chinese metadata for zh-CN", () => {
    const tables = resources(root);
    expect(tables["bt:ShortStrings"][only("Namespace").attrs.resid!]?.value).toBe("PLAN");
    const customFunctions = all("ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    const script = childOf(childOf(customFunctions, "Script")!, "SourceLocation")!.attrs.resid!;
    const metadata = childOf(childOf(customFunctions, "Metadata")!, "SourceLocation")!.attrs.resid!;
    expect(tables["bt:Urls"][script]?.value).toBe("https://localhost:3000/functions.js");
    expect(tables["bt:Urls"][metadata]).toEqual({
      value: "https://localhost:3000/functions.json",
      overrides: { "zh-CN": "https://localhost:3000/functions-zh-cn.json" },
    });
  });

  it("puts a Plan Tracker group with an open-pane button on the Home tab, labelled in Chinese too", () => {
    const tab = only("OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const strings = resources(root)["bt:ShortStrings"];
    const group = only("Group");
    expect(strings[childOf(group, "Label")!.attrs.resid!]).toEqual({
      value: "Plan Tracker",
      overrides: { "zh-CN": "规划指标监测" },
    });
    const button = only("Control");
    expect(button.attrs["xsi:type"]).toBe("Button");
    expect(strings[childOf(button, "Label")!.attrs.resid!]?.overrides["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("keeps every resid within 32 characters and defined", () => {
    const used = walk(root)
      .map((n) => n.attrs.resid)
      .filter((r): r is string => r !== undefined);
    expect(used.length).toBeGreaterThan(10);
    const tables = resources(root);
    for (const resid of used) {
      expect(resid.length, resid).toBeLessThanOrEqual(LIMITS.resid);
      expect(
        Object.values(tables).some((t) => t[resid]),
        `${resid} defined`,
      ).toBe(true);
    }
  });

  it("uses https for every URL", () => {
    const urls = walk(root).flatMap((n) =>
      Object.entries(n.attrs).filter(([k, v]) => !k.startsWith("xmlns") && /^[a-z]+:\/\//.test(v)),
    );
    expect(urls.length).toBeGreaterThan(8);
    for (const [, url] of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
  });

  it("ships real icons at the sizes Office asks for", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const file = path.join(projectDir, `assets/icon-${size}.png`);
      expect(pngSize(file), file).toEqual({ width: size, height: size });
      // Artwork, not a blank: a drawn icon compresses far worse than a flat square.
      expect(fs.statSync(file).size, file).toBeGreaterThan(size * 8);
    }
    expect(pngSize(path.join(projectDir, "assets/logo-filled.png"))).toEqual({ width: 300, height: 300 });
    expect(fs.existsSync(path.join(projectDir, "assets/icon.svg"))).toBe(true);
  });

  it("validates against the offline XSDs with xmllint (schemas/office-manifest/)", () => {
    expect(fs.existsSync(xsd), xsd).toBe(true);
    // `npm test` installs xmllint on Debian CI (scripts/ensure-chromium.mjs); elsewhere it says what to install.
    expect(hasXmllint, "xmllint not found: sudo apt-get install -y libxml2-utils").toBe(true);
    const run = spawnSync("xmllint", ["--noout", "--schema", xsd, path.join(projectDir, "manifest.xml")], {
      encoding: "utf8",
    });
    expect(run.stderr).toContain("validates");
    expect(run.status).toBe(0);
  });

  it("the XSD check fails a manifest the schemas refuse (a lifetime that does not exist, an element out of place)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-xsd-"));
    try {
      for (const [from, to] of [
        ['lifetime="long"', 'lifetime="forever"'],
        ["<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"],
      ] as const) {
        const file = path.join(dir, "manifest.xml");
        const text = manifestText.replace(from, to);
        expect(text, from).not.toBe(manifestText);
        fs.writeFileSync(file, text);
        const run = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
        expect(run.status, `${to}: ${run.stderr}`).not.toBe(0);
        expect(run.stderr).toContain("fails to validate");
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the manifest checks catch", () => {
  it("a short-lived runtime", async () => {
    expect(checkSharedRuntime(await mutated('lifetime="long"', 'lifetime="short"'))).toEqual([
      '<Runtime> lifetime is "short", must be "long"',
    ]);
  });

  it("a function file that does not use the runtime's resid", async () => {
    const broken = await mutated(
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Functions.Script.Url"/>',
    );
    expect(checkSharedRuntime(broken).join()).toContain("<FunctionFile>");
  });

  it("a resid that is too long or undefined", async () => {
    const long = "Functions.Metadata.Url.Localised.Extra";
    const broken = await mutated(/"Functions\.Metadata\.Url"/g, `"${long}"`);
    expect(checkResids(broken).join("\n")).toContain(`"${long}"`);
    const undefinedResid = await mutated('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>');
    expect(checkResids(undefinedResid)).toEqual(['resid "Group.Missing" on <Label> is not defined in Resources']);
  });

  it("a resid pointing at the wrong kind of resource", async () => {
    const broken = await mutated('<Label resid="Group.Label"/>', '<Label resid="OpenPane.Tooltip"/>');
    expect(checkResids(broken).join()).toContain("should be in bt:ShortStrings");
  });

  it("strings over Office's length limits", async () => {
    const broken = await mutated('DefaultValue="Plan Tracker is ready"', `DefaultValue="${"x".repeat(126)}"`);
    expect(checkStringLengths(broken).join()).toContain("GetStarted.Title");
  });

  it("a namespace other than PLAN", async () => {
    expect(checkNamespace(await mutated('DefaultValue="PLAN"', 'DefaultValue="CONTOSO"'))).toEqual([
      'namespace is "CONTOSO", expected "PLAN"',
    ]);
  });

  it("a plain http URL", async () => {
    const broken = await mutated('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"');
    expect(checkHttps(broken)).toEqual(["bt:Url DefaultValue is not https: http://localhost:3000/functions.js"]);
  });

  it("a task pane that does not auto-open", async () => {
    expect(checkAutoShow(await mutated(AUTO_SHOW_ID, "ButtonId1"))).toHaveLength(1);
  });

  it("a missing zh-CN override", async () => {
    const broken = await mutated('<bt:Override Locale="zh-CN" Value="规划指标监测"/>', "");
    expect(checkZhCnOverrides(broken).join()).toContain("group PlanTracker.Group label");
    const noMetadata = await mutated(/<bt:Override Locale="zh-CN" Value="https:[^"]*functions-zh-cn.json"\/>/, "");
    expect(checkZhCnOverrides(noMetadata).join()).toContain("custom functions metadata URL");
  });

  it("elements out of XSD order", async () => {
    const support = '  <SupportUrl DefaultValue="https://localhost:3000/assets/support.html"/>\n';
    const broken = await mutated(support, "");
    const reordered = await parseXml(manifestText.replace(support, "").replace("  <IconUrl", `${support}  <IconUrl`));
    expect(checkElementOrder(broken)).toEqual([]);
    expect(checkElementOrder(reordered).join()).toContain("<IconUrl> must come before <SupportUrl>");
  });

  it("an icon of the wrong size or missing", async () => {
    const wrongSize = await mutated(
      'DefaultValue="https://localhost:3000/assets/icon-16.png"',
      'DefaultValue="https://localhost:3000/assets/icon-32.png"',
    );
    expect(checkIcons(wrongSize, projectDir).join()).toContain("is 32x32, expected 16x16");
    const missing = await mutated("assets/icon-80.png", "assets/icon-81.png");
    expect(checkIcons(missing, projectDir).join()).toContain("assets/icon-81.png does not exist");
  });
});
