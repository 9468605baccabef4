// Structural checks of manifest.xml that need no internet (Microsoft's validator is an online service).
// Used by `npm run validate` and by tests/shell/manifest.test.ts. Each check returns a list of problems
// (empty = fine), so a test can show exactly what is wrong and can feed a broken manifest to prove it fails.
import fs from "node:fs";
import path from "node:path";
import xml2js from "xml2js";

export const LIMITS = { resid: 32, shortString: 125, longString: 250, namespace: 32 };
export const AUTO_SHOW_ID = "Office.AutoShowTaskpaneWithDocument";
export const NAMESPACE = "PLAN";

/** Element order the XSD requires (only the sequences this manifest uses). */
const ORDER = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "AllowSnapshot",
    "VersionOverrides",
  ],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
};

/**
 * @typedef {{ name: string, attrs: Record<string, string>, children: XmlNode[], text: string }} XmlNode
 */

/** Parses XML text into a small ordered tree of { name, attrs, children, text }. */
export async function parseXml(text) {
  const parsed = await xml2js.parseStringPromise(text, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
    charkey: "_",
  });
  const [rootName] = Object.keys(parsed);
  const toNode = (name, raw) => ({
    name,
    attrs: { ...(raw.$ ?? {}) },
    children: (raw.$$ ?? []).map((child) => toNode(child["#name"], child)),
    text: typeof raw === "string" ? raw : (raw._ ?? "").trim(),
  });
  return toNode(rootName, parsed[rootName]);
}

/** Every node in document order. */
export function walk(node, visit = []) {
  visit.push(node);
  for (const child of node.children) walk(child, visit);
  return visit;
}

const named = (root, name) => walk(root).filter((n) => n.name === name);
const child = (node, name) => node?.children.find((c) => c.name === name);
const childText = (node, name) => child(node, name)?.text ?? "";

/** Resource tables: id -> { value, overrides: { locale: value } } for each bt: kind. */
export function resources(root) {
  const tables = { "bt:Images": {}, "bt:Urls": {}, "bt:ShortStrings": {}, "bt:LongStrings": {} };
  const res = named(root, "Resources")[0];
  for (const table of res?.children ?? []) {
    const entries = tables[table.name];
    if (!entries) continue;
    for (const entry of table.children) {
      const overrides = {};
      for (const o of entry.children.filter((c) => c.name === "bt:Override")) overrides[o.attrs.Locale] = o.attrs.Value;
      entries[entry.attrs.id] = { value: entry.attrs.DefaultValue ?? "", overrides };
    }
  }
  return tables;
}

/** Which resource table a resid on a given element must resolve to. */
function expectedTable(node, parent) {
  if (node.name === "bt:Image") return "bt:Images";
  if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(node.name)) return "bt:Urls";
  if (node.name === "Namespace" || node.name === "Label") return "bt:ShortStrings";
  if (node.name === "Title")
    return parent?.name === "Supertip" || parent?.name === "GetStarted" ? "bt:ShortStrings" : null;
  if (node.name === "Description") return "bt:LongStrings";
  return null;
}

/** [node, parent] pairs for every element carrying a resid attribute. */
function residUses(root) {
  const uses = [];
  const visit = (node, parent) => {
    if (node.attrs.resid !== undefined) uses.push([node, parent]);
    for (const c of node.children) visit(c, node);
  };
  visit(root, null);
  return uses;
}

export function checkResids(root) {
  const problems = [];
  const tables = resources(root);
  for (const [kind, entries] of Object.entries(tables)) {
    for (const id of Object.keys(entries)) {
      if (id.length > LIMITS.resid)
        problems.push(`${kind} id "${id}" is ${id.length} characters (max ${LIMITS.resid})`);
    }
  }
  for (const [node, parent] of residUses(root)) {
    const id = node.attrs.resid;
    if (id.length > LIMITS.resid) problems.push(`resid "${id}" on <${node.name}> is longer than ${LIMITS.resid}`);
    const table = expectedTable(node, parent);
    const definedIn = Object.keys(tables).filter((k) => tables[k][id]);
    if (definedIn.length === 0) problems.push(`resid "${id}" on <${node.name}> is not defined in Resources`);
    else if (table && !definedIn.includes(table)) {
      problems.push(`resid "${id}" on <${node.name}> should be in ${table}, found in ${definedIn.join(", ")}`);
    }
  }
  return problems;
}

export function checkStringLengths(root) {
  const problems = [];
  const tables = resources(root);
  const limit = (kind, max) => {
    for (const [id, { value, overrides }] of Object.entries(tables[kind])) {
      for (const [where, text] of [["default", value], ...Object.entries(overrides)]) {
        if ([...text].length > max)
          problems.push(`${kind} "${id}" (${where}) is ${[...text].length} characters (max ${max})`);
      }
    }
  };
  limit("bt:ShortStrings", LIMITS.shortString);
  limit("bt:LongStrings", LIMITS.longString);
  for (const [name, max] of [
    ["DisplayName", LIMITS.shortString],
    ["Description", LIMITS.longString],
  ]) {
    const node = child(root, name);
    for (const text of [node?.attrs.DefaultValue ?? "", ...(node?.children ?? []).map((o) => o.attrs.Value ?? "")]) {
      if ([...text].length > max) problems.push(`${name} "${text.slice(0, 20)}…" is longer than ${max}`);
    }
  }
  return problems;
}

export function checkSharedRuntime(root) {
  const problems = [];
  const runtimes = named(root, "Runtime");
  if (runtimes.length !== 1) return [`expected exactly one <Runtime>, found ${runtimes.length}`];
  const runtime = runtimes[0];
  if (runtime.attrs.lifetime !== "long")
    problems.push(`<Runtime> lifetime is "${runtime.attrs.lifetime}", must be "long"`);
  const resid = runtime.attrs.resid;
  const cf = named(root, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
  if (!cf) problems.push("no CustomFunctions extension point");
  const pageResid = child(child(cf, "Page"), "SourceLocation")?.attrs.resid;
  if (pageResid !== resid) problems.push(`CustomFunctions <Page> uses "${pageResid}", runtime uses "${resid}"`);
  const functionFiles = named(root, "FunctionFile");
  if (functionFiles.length === 0) problems.push("no <FunctionFile>");
  for (const f of functionFiles) {
    if (f.attrs.resid !== resid) problems.push(`<FunctionFile> uses "${f.attrs.resid}", runtime uses "${resid}"`);
  }
  const showTaskpane = named(root, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
  if (showTaskpane.length === 0) problems.push("no ShowTaskpane action");
  for (const action of showTaskpane) {
    const used = child(action, "SourceLocation")?.attrs.resid;
    if (used !== resid) problems.push(`ShowTaskpane SourceLocation uses "${used}", runtime uses "${resid}"`);
  }
  const sets = Object.fromEntries(named(root, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]));
  for (const name of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (!sets[name]) problems.push(`requirement set ${name} is missing`);
  }
  return problems;
}

export function checkNamespace(root) {
  const ns = named(root, "Namespace")[0];
  if (!ns) return ["no <Namespace>"];
  const entry = resources(root)["bt:ShortStrings"][ns.attrs.resid];
  if (!entry) return [`namespace resid "${ns.attrs.resid}" not defined`];
  const problems = [];
  if (entry.value !== NAMESPACE) problems.push(`namespace is "${entry.value}", expected "${NAMESPACE}"`);
  if (entry.value.length > LIMITS.namespace) problems.push(`namespace longer than ${LIMITS.namespace}`);
  return problems;
}

/** Every URL-valued attribute in the manifest. */
export function allUrls(root) {
  const urls = [];
  for (const node of walk(root)) {
    for (const [attr, value] of Object.entries(node.attrs)) {
      if (attr === "xmlns" || attr.startsWith("xmlns:")) continue; // namespace names, not fetched
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push({ element: node.name, attr, value });
    }
  }
  for (const entry of Object.values(resources(root)["bt:Urls"])) {
    if (!entry.value) urls.push({ element: "bt:Url", attr: "DefaultValue", value: "(empty)" });
  }
  return urls;
}

export function checkHttps(root) {
  return allUrls(root)
    .filter((u) => !u.value.startsWith("https://"))
    .map((u) => `${u.element} ${u.attr} is not https: ${u.value}`);
}

export function checkAutoShow(root) {
  const ids = named(root, "TaskpaneId").map((n) => n.text);
  return ids.includes(AUTO_SHOW_ID)
    ? []
    : [`no ShowTaskpane action with TaskpaneId ${AUTO_SHOW_ID} (found: ${ids.join(", ") || "none"})`];
}

export function checkZhCnOverrides(root) {
  const problems = [];
  const hasOverride = (node) => (node?.children ?? []).some((c) => c.name === "Override" && c.attrs.Locale === "zh-CN");
  if (!hasOverride(child(root, "DisplayName"))) problems.push("DisplayName has no zh-CN override");
  if (!hasOverride(child(root, "Description"))) problems.push("Description has no zh-CN override");
  const tables = resources(root);
  const needZh = (resid, what) => {
    const entry = tables["bt:ShortStrings"][resid] ?? tables["bt:LongStrings"][resid] ?? tables["bt:Urls"][resid];
    if (!entry?.overrides["zh-CN"]) problems.push(`${what} (${resid}) has no zh-CN override`);
  };
  for (const group of named(root, "Group")) needZh(child(group, "Label")?.attrs.resid, `group ${group.attrs.id} label`);
  for (const control of named(root, "Control"))
    needZh(child(control, "Label")?.attrs.resid, `button ${control.attrs.id} label`);
  const cf = named(root, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
  const metadataResid = child(child(cf, "Metadata"), "SourceLocation")?.attrs.resid;
  needZh(metadataResid, "custom functions metadata URL");
  const zhUrl = tables["bt:Urls"][metadataResid]?.overrides["zh-CN"] ?? "";
  if (zhUrl && !zhUrl.endsWith("/functions-zh-cn.json"))
    problems.push(`zh-CN metadata URL should end with functions-zh-cn.json: ${zhUrl}`);
  return problems;
}

export function checkElementOrder(root) {
  const problems = [];
  for (const node of walk(root)) {
    const order = ORDER[node.name];
    if (!order) continue;
    const positions = node.children.map((c) => order.indexOf(c.name));
    node.children.forEach((c, i) => {
      if (positions[i] === -1) problems.push(`<${c.name}> is not expected inside <${node.name}>`);
    });
    for (let i = 1; i < positions.length; i++) {
      if (positions[i] !== -1 && positions[i] < positions[i - 1]) {
        problems.push(
          `<${node.children[i].name}> must come before <${node.children[i - 1].name}> inside <${node.name}>`,
        );
      }
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
export function pngSize(file) {
  const buf = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (
    buf.length < 24 ||
    buf.subarray(0, 8).toString("hex") !== signature ||
    buf.subarray(12, 16).toString() !== "IHDR"
  ) {
    return null;
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Icons the manifest references: { url, size } where size is the square size Office expects. */
export function iconReferences(root) {
  const tables = resources(root);
  const refs = [];
  const icon = child(root, "IconUrl")?.attrs.DefaultValue;
  const hiRes = child(root, "HighResolutionIconUrl")?.attrs.DefaultValue;
  if (icon) refs.push({ url: icon, size: 32, what: "IconUrl" });
  if (hiRes) refs.push({ url: hiRes, size: 64, what: "HighResolutionIconUrl" });
  for (const use of named(root, "bt:Image").filter((n) => n.attrs.resid)) {
    const entry = tables["bt:Images"][use.attrs.resid];
    if (entry) refs.push({ url: entry.value, size: Number(use.attrs.size), what: `bt:Image ${use.attrs.resid}` });
  }
  return refs;
}

/** Each referenced icon exists under assets/ (by URL path) and has the pixel size Office expects. */
export function checkIcons(root, projectDir) {
  const problems = [];
  for (const ref of iconReferences(root)) {
    let pathname;
    try {
      pathname = new URL(ref.url).pathname;
    } catch {
      problems.push(`${ref.what}: not a URL: ${ref.url}`);
      continue;
    }
    const match = pathname.match(/\/(assets\/[^/]+\.png)$/);
    if (!match) {
      problems.push(`${ref.what}: ${ref.url} is not a PNG under assets/`);
      continue;
    }
    const file = path.join(projectDir, match[1]);
    if (!fs.existsSync(file)) {
      problems.push(`${ref.what}: ${match[1]} does not exist`);
      continue;
    }
    const size = pngSize(file);
    if (!size) problems.push(`${ref.what}: ${match[1]} is not a PNG`);
    else if (size.width !== ref.size || size.height !== ref.size) {
      problems.push(`${ref.what}: ${match[1]} is ${size.width}x${size.height}, expected ${ref.size}x${ref.size}`);
    }
  }
  return problems;
}

export function checkIdentity(root) {
  const problems = [];
  if (root.name !== "OfficeApp") problems.push(`root element is <${root.name}>, expected <OfficeApp>`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp")
    problems.push(`xsi:type is "${root.attrs["xsi:type"]}", expected TaskPaneApp`);
  const id = childText(root, "Id");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`<Id> "${id}" is not a GUID`);
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(childText(root, "Version"))) problems.push("<Version> must look like 1.0.0.0");
  const hosts = named(child(root, "Hosts") ?? { children: [] }, "Host").map((h) => h.attrs.Name);
  if (hosts.join() !== "Workbook") problems.push(`<Hosts> should be Workbook only, found ${hosts.join(", ")}`);
  if (childText(root, "Permissions") !== "ReadWriteDocument")
    problems.push("<Permissions> should be ReadWriteDocument");
  return problems;
}

/** All structural checks by name; `projectDir` locates assets/ for the icon check. */
export function structuralChecks(root, projectDir) {
  return {
    identity: checkIdentity(root),
    "element order": checkElementOrder(root),
    "resids defined and short": checkResids(root),
    "string lengths": checkStringLengths(root),
    "shared runtime": checkSharedRuntime(root),
    "PLAN namespace": checkNamespace(root),
    "https URLs": checkHttps(root),
    "auto-open task pane": checkAutoShow(root),
    "zh-CN overrides": checkZhCnOverrides(root),
    icons: checkIcons(root, projectDir),
  };
}
