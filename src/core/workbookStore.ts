/**
 * The plan and the add-in's state as stored INSIDE the workbook, in one custom XML part
 * (namespace urn:plan-tracker:plan:v1), so whoever opens the file gets the same plan, statuses,
 * highlights and pane.
 *
 * Why a custom XML part and not only workbook settings: settings belong to one add-in id (a
 * colleague whose organisation deploys the add-in under another manifest id sees none of them) and
 * Microsoft points to custom XML parts for data beyond the settings' size or with a structure of
 * its own; a plan of 500 indicators with five years of figures is a few hundred kilobytes. The
 * small state the pane needs at once (which table, highlight rule ids) stays in settings as well,
 * and is restored from this part when it is missing.
 *
 * Pure: builds and reads the XML text. A checksum over the stored text tells a part edited outside
 * the add-in (by hand or by another tool) from one it wrote: such a part is reported and never
 * used or overwritten without the user asking. It detects accidents, it is not a signature.
 */
import { z } from "zod";
import { fillTemplate, type Lang } from "./messages";
import { parsePlanFile, serializePlanFile, type PlanFileIssue } from "./planFile";
import type { Plan } from "./planSchema";

export const PLAN_NAMESPACE = "urn:plan-tracker:plan:v1";
export const STORE_FORMAT_VERSION = 1;

export interface StoredState {
  /** The template's table, when one was inserted. */
  tableName: string | null;
  lang: Lang;
  highlightRuleIds: string[];
  /** Whether the pane should open with the workbook (Office.AutoShowTaskpaneWithDocument). */
  autoOpen: boolean;
}

export interface StoredWorkbook {
  plan: Plan;
  state: StoredState;
  /** ISO time of the last write. */
  savedAt: string;
}

type Message = { zh: string; en: string };

export type StoreRead =
  | { kind: "none" }
  | { kind: "ok"; doc: StoredWorkbook; migratedFrom: string | null }
  | { kind: "unreadable" | "tampered" | "newer"; message: Message; issues: PlanFileIssue[] };

const stateSchema = z.object({
  tableName: z.string().min(1).nullable().default(null),
  lang: z.enum(["zh", "en"]).default("zh"),
  highlightRuleIds: z.array(z.string()).default([]),
  autoOpen: z.boolean().default(true),
});

export const DEFAULT_STATE: StoredState = { tableName: null, lang: "zh", highlightRuleIds: [], autoOpen: true };

// ---------------------------------------------------------------------------------------------
// XML text

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** cyrb53: a fast 53-bit string hash, as 14 hex digits. Enough to notice an edit, not to resist one. */
export function checksum(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

function stateText(state: StoredState): string {
  return JSON.stringify({
    tableName: state.tableName,
    lang: state.lang,
    highlightRuleIds: state.highlightRuleIds,
    autoOpen: state.autoOpen,
  });
}

/** The part's XML: the state and the plan file v1 (serializePlanFile) as element text. */
export function storeXml(doc: StoredWorkbook): string {
  const state = stateText(doc.state);
  const plan = serializePlanFile(doc.plan);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<planTracker xmlns="${PLAN_NAMESPACE}" formatVersion="${STORE_FORMAT_VERSION}" savedAt="${escapeXml(doc.savedAt)}" checksum="${checksum(state + "\n" + plan)}">\n` +
    `<state>${escapeXml(state)}</state>\n` +
    `<plan>${escapeXml(plan)}</plan>\n` +
    `</planTracker>\n`
  );
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ""));
  }
  return out;
}

/** The text of the first <name> element (any prefix), CDATA included, or null. */
function elementText(xml: string, name: string): string | null {
  const m = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`).exec(xml);
  if (!m) return null;
  const body = m[1] ?? "";
  return body.replace(
    /<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g,
    (_all, cdata: string | undefined, plain: string | undefined) =>
      cdata !== undefined ? cdata : unescapeXml(plain ?? ""),
  );
}

const MESSAGES = {
  notXml: {
    zh: "工作簿中保存的规划数据无法读取（不是本加载项写入的格式）。工作簿未作任何更改；可重新导入规划文件。",
    en: "The plan stored in this workbook cannot be read (not in the format this add-in writes). Nothing was changed; you can import the plan file again.",
  },
  newer: {
    zh: "工作簿中的规划由更新版本的加载项保存（格式版本 {version}），请更新加载项。工作簿未作任何更改。",
    en: "The plan in this workbook was saved by a newer version of the add-in (format {version}); please update the add-in. Nothing was changed.",
  },
  tampered: {
    zh: "工作簿中保存的规划在加载项之外被修改过（校验值不符），为免算错已停止使用。工作簿未作任何更改；可重新导入规划文件替换它。",
    en: "The plan stored in this workbook was changed outside the add-in (its checksum does not match), so it is not used. Nothing was changed; import the plan file again to replace it.",
  },
  badState: {
    zh: "工作簿中保存的加载项状态无法读取。工作簿未作任何更改。",
    en: "The add-in's state stored in this workbook cannot be read. Nothing was changed.",
  },
  badPlan: {
    zh: "工作簿中保存的规划有误：{first}。工作簿未作任何更改。",
    en: "The plan stored in this workbook has errors: {first}. Nothing was changed.",
  },
} as const;

function say(key: keyof typeof MESSAGES, args: Record<string, string> = {}): Message {
  return { zh: fillTemplate(MESSAGES[key].zh, args), en: fillTemplate(MESSAGES[key].en, args) };
}

function problem(kind: "unreadable" | "tampered" | "newer", message: Message, issues: PlanFileIssue[] = []): StoreRead {
  return { kind, message, issues };
}

/**
 * A plan as stored by an earlier writer: a plan object rather than file text, or a file without
 * formatVersion (written before versions were numbered), is read as version 1.
 */
function parseStoredPlan(raw: unknown): { plan: Plan; migrated: boolean } | { issues: PlanFileIssue[] } {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw.replace(/^\uFEFF/, ""));
    } catch {
      const r = parsePlanFile(raw);
      return r.ok ? { plan: r.plan, migrated: false } : { issues: r.issues };
    }
  }
  let migrated = typeof raw !== "string";
  if (typeof value === "object" && value !== null && !Array.isArray(value) && !("formatVersion" in value)) {
    value = { ...value, formatVersion: 1 };
    migrated = true;
  }
  const r = parsePlanFile(JSON.stringify(value));
  return r.ok ? { plan: r.plan, migrated } : { issues: r.issues };
}

function badPlan(issues: PlanFileIssue[]): StoreRead {
  const first = issues[0]?.message ?? { zh: "未知错误", en: "unknown error" };
  return {
    kind: "unreadable",
    message: { zh: say("badPlan", { first: first.zh }).zh, en: say("badPlan", { first: first.en }).en },
    issues,
  };
}

/** Reads the part's XML. Never throws: anything unusable comes back with a zh/en message. */
export function readStoreXml(xml: string): StoreRead {
  const root = /<(?:[\w.-]+:)?planTracker\b([^>]*)>/.exec(xml);
  if (!root) return problem("unreadable", say("notXml"));
  const attrs = attributes(root[1] ?? "");
  const versionText = attrs.get("formatVersion");
  const version = versionText === undefined ? null : Number(versionText);
  if (version !== null && version > STORE_FORMAT_VERSION)
    return problem("newer", say("newer", { version: String(version) }));
  if (version !== null && version !== STORE_FORMAT_VERSION) return problem("unreadable", say("notXml"));
  const stateRaw = elementText(xml, "state");
  const planRaw = elementText(xml, "plan");
  if (planRaw === null) return problem("unreadable", say("notXml"));
  const stored = attrs.get("checksum");
  // Parts written before checksums (and before format numbers) are read as they are, then rewritten.
  if (stored !== undefined && stored !== checksum((stateRaw ?? "") + "\n" + planRaw)) {
    return problem("tampered", say("tampered"));
  }
  let stateValue: unknown = {};
  if (stateRaw !== null && stateRaw.trim() !== "") {
    try {
      stateValue = JSON.parse(stateRaw);
    } catch {
      return problem("unreadable", say("badState"));
    }
  }
  const state = stateSchema.safeParse(stateValue);
  if (!state.success) return problem("unreadable", say("badState"));
  const plan = parseStoredPlan(planRaw);
  if ("issues" in plan) return badPlan(plan.issues);
  const migratedFrom =
    version === null
      ? "unversioned part"
      : stored === undefined
        ? "part without checksum"
        : plan.migrated
          ? "plan without formatVersion"
          : null;
  return {
    kind: "ok",
    doc: { plan: plan.plan, state: state.data, savedAt: attrs.get("savedAt") ?? "" },
    migratedFrom,
  };
}

/**
 * The state the first pane versions kept only in workbook settings ("PlanTracker.template":
 * { version: 1, tableName, lang, plan, highlightRuleIds }, as an object or JSON text), migrated.
 */
export function migrateSettingsState(value: unknown): StoreRead {
  let raw = value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return problem("unreadable", say("badState"));
    }
  }
  if (typeof raw !== "object" || raw === null || !("plan" in raw)) return problem("unreadable", say("badState"));
  const { plan: planValue, ...rest } = raw as Record<string, unknown>;
  const state = stateSchema.safeParse(rest);
  if (!state.success) return problem("unreadable", say("badState"));
  const plan = parseStoredPlan(planValue);
  if ("issues" in plan) return badPlan(plan.issues);
  return { kind: "ok", doc: { plan: plan.plan, state: state.data, savedAt: "" }, migratedFrom: "workbook settings" };
}
