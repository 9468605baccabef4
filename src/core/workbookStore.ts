/**
 * The plan and the add-in's state as stored INSIDE the workbook, in custom XML parts
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
 * Size: Excel on the web refuses a request over 5 MB, and a part is written in one request
 * (CustomXmlPart.setXml / add). A plan whose part fits PART_BUDGET (1 MB of request) is one part,
 * format 1, as earlier versions wrote it. A larger one (a few thousand indicators; 10,000 with ten
 * years of figures is about 7 MB) is cut into pieces of at most PART_BUDGET each, stored as parts of
 * their own (namespace urn:plan-tracker:plan-chunk:v1), and the main part, format 2, lists them by
 * id, in order, with each piece's size and checksum: every request that writes or reads them stays
 * under the limit (the host layer, workbookPlanStore.ts, groups them). The plan is kept as compact
 * JSON (a plan file's text without indentation) and quotes are not escaped in element text, which
 * halves the part.
 *
 * Characters XML 1.0 forbids (C0 controls other than tab, LF and CR, U+FFFE, U+FFFF, unpaired
 * surrogates) never reach the part: the plan and the state are JSON, whose text escapes the controls
 * and unpaired surrogates (\u0007), and U+FFFE/U+FFFF are escaped the same way here, so any text
 * staff type into a cell can be stored. Plan files carrying them are refused at import (planFile.ts).
 *
 * Pure: builds and reads the XML text. A checksum over the stored text tells a part edited outside
 * the add-in (by hand or by another tool) from one it wrote: such a part is reported and never
 * used or overwritten without the user asking. It detects accidents, it is not a signature.
 */
import { fillTemplate, type Lang } from "./messages";
import { parsePlanFile, serializePlanFile, type PlanFileIssue } from "./planFile";
import type { LocalizedText, Plan } from "./planSchema";
import * as z from "./planSchemaKit";

export const PLAN_NAMESPACE = "urn:plan-tracker:plan:v1";
/** The pieces of a plan too large for one part (format 2). */
export const PLAN_CHUNK_NAMESPACE = "urn:plan-tracker:plan-chunk:v1";
/** The newest format this version reads: 1 (one part) and 2 (a main part listing its pieces). */
export const STORE_FORMAT_VERSION = 2;
/** One part's request (the UTF-8 JSON of its XML text, as setXml/add sends it) is at most this. */
export const PART_BUDGET = 1024 * 1024;

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

/** One copy of the stored plan when the workbook holds several (workbooks merged, a part copied in). */
export interface StoredCopy {
  /** The main part's id. */
  partId: string;
  /** When it was saved ("" when the copy does not say). */
  savedAt: string;
  /** The plan it holds, when it can be read. */
  plan: { id: string; title: LocalizedText } | null;
  /** Why it cannot be used, when it cannot. */
  problem: Message | null;
}

export type StoreRead =
  | { kind: "none" }
  | { kind: "ok"; doc: StoredWorkbook; migratedFrom: string | null }
  | { kind: "unreadable" | "tampered" | "newer"; message: Message; issues: PlanFileIssue[] }
  | { kind: "duplicate"; message: Message; issues: PlanFileIssue[]; copies: StoredCopy[] };

/** A stored plan the add-in cannot use as it is. */
export type StoreProblem = Exclude<StoreRead, { kind: "ok" } | { kind: "none" }>;

const stateSchema = z.object({
  tableName: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  lang: z._default(z.enum(["zh", "en"]), "zh"),
  highlightRuleIds: z._default(z.array(z.string()), []),
  autoOpen: z._default(z.boolean(), true),
});

export const DEFAULT_STATE: StoredState = { tableName: null, lang: "zh", highlightRuleIds: [], autoOpen: true };

// ---------------------------------------------------------------------------------------------
// XML text

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Element text: only what XML requires (&, <, and > for "]]>"); quotes stay as they are. */
function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * JSON text with U+FFFE and U+FFFF written as JSON escapes (they can only be inside its strings):
 * JSON.stringify already escapes the other characters XML 1.0 forbids.
 */
function xmlSafeJson(json: string): string {
  return json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
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
  return xmlSafeJson(
    JSON.stringify({
      tableName: state.tableName,
      lang: state.lang,
      highlightRuleIds: state.highlightRuleIds,
      autoOpen: state.autoOpen,
    }),
  );
}

/** The plan as stored: the plan file's text (keys in its order), without indentation. */
function planText(plan: Plan): string {
  return xmlSafeJson(JSON.stringify(JSON.parse(serializePlanFile(plan))));
}

const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8"?>\n`;

function singlePartXml(savedAt: string, state: string, plan: string): string {
  return (
    XML_DECLARATION +
    `<planTracker xmlns="${PLAN_NAMESPACE}" formatVersion="1" savedAt="${escapeXml(savedAt)}" checksum="${checksum(state + "\n" + plan)}">\n` +
    `<state>${escapeText(state)}</state>\n` +
    `<plan>${escapeText(plan)}</plan>\n` +
    `</planTracker>\n`
  );
}

/** The part's XML when the plan fits in one part (format 1): the state and the plan as element text. */
export function storeXml(doc: StoredWorkbook): string {
  return singlePartXml(doc.savedAt, stateText(doc.state), planText(doc.plan));
}

/** Bytes a string costs in a request: UTF-8 of its JSON text (a quote or backslash is escaped). */
function wireBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) bytes += charWireBytes(text, i);
  return bytes;
}

function charWireBytes(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 0x22 || code === 0x5c) return 2;
  if (code < 0x20) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) return 2; // half of a surrogate pair's 4 bytes
  if (code >= 0xdc00 && code <= 0xdfff) return 2;
  return 3;
}

/** What escapeText makes of one character, in request bytes. */
function escapedCharBytes(text: string, i: number): number {
  const c = text[i];
  if (c === "&") return 5;
  if (c === "<" || c === ">") return 4;
  return charWireBytes(text, i);
}

/** Cuts `text` into pieces of at most `budget` request bytes once escaped, never inside a surrogate pair. */
function cutPieces(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const cost = escapedCharBytes(text, i) + (pair ? escapedCharBytes(text, i + 1) : 0);
    if (bytes + cost > budget && i > start) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += cost;
    if (pair) i++;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** A piece of a plan as stored in the main part's list. */
export interface PieceRef {
  id: string;
  /** 1-based. */
  index: number;
  /** The piece part's request size in bytes (its XML as sent): reads are grouped by it. */
  bytes: number;
  checksum: string;
}

/**
 * How to store a plan: one part, or pieces plus a main part that lists them. The pieces' ids are
 * known only once Excel has added them: `main(ids)` writes the main part then.
 */
export type StoreLayout =
  | { kind: "single"; xml: string; bytes: number }
  | { kind: "split"; pieces: Array<{ xml: string; bytes: number }>; main: (ids: readonly string[]) => string };

/** Bytes the add-in counts for an XML text sent to Excel (its UTF-8 JSON). */
export function partBytes(xml: string): number {
  return wireBytes(xml);
}

export function storeLayout(doc: StoredWorkbook, budget: number = PART_BUDGET): StoreLayout {
  const state = stateText(doc.state);
  const plan = planText(doc.plan);
  const single = singlePartXml(doc.savedAt, state, plan);
  const singleBytes = wireBytes(single);
  if (singleBytes <= budget) return { kind: "single", xml: single, bytes: singleBytes };
  const sum = checksum(state + "\n" + plan);
  const overhead = 400; // the piece part's declaration, root element and attributes
  const texts = cutPieces(plan, budget - overhead);
  const pieces = texts.map((text, i) => {
    const xml =
      XML_DECLARATION +
      `<planPiece xmlns="${PLAN_CHUNK_NAMESPACE}" index="${i + 1}" of="${texts.length}" plan="${sum}">` +
      `${escapeText(text)}</planPiece>\n`;
    return { xml, bytes: wireBytes(xml) };
  });
  return {
    kind: "split",
    pieces,
    main: (ids) => {
      if (ids.length !== pieces.length) throw new Error("one id per piece");
      const list = texts
        .map(
          (text, i) =>
            `<piece id="${escapeXml(ids[i]!)}" index="${i + 1}" bytes="${pieces[i]!.bytes}" checksum="${checksum(text)}"/>`,
        )
        .join("\n");
      return (
        XML_DECLARATION +
        `<planTracker xmlns="${PLAN_NAMESPACE}" formatVersion="2" savedAt="${escapeXml(doc.savedAt)}" checksum="${sum}" pieces="${texts.length}">\n` +
        `<state>${escapeText(state)}</state>\n` +
        `<planPieces>\n${list}\n</planPieces>\n` +
        `</planTracker>\n`
      );
    },
  };
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
  pieceMissing: {
    zh: "工作簿中保存的规划分 {count} 部分存放，其中第 {index} 部分不见了（可能被其他工具删除）。工作簿未作任何更改；可用“修复”按指标表重建保存的规划，或重新导入规划文件。",
    en: "The plan stored in this workbook is kept in {count|part|parts} and part {index} is missing (another tool may have removed it). Nothing was changed; use Repair to rebuild it from the indicator table, or import the plan file again.",
  },
  pieceTampered: {
    zh: "工作簿中保存的规划分 {count} 部分存放，其中第 {index} 部分在加载项之外被修改过（校验值不符），为免算错已停止使用。工作簿未作任何更改；可用“修复”按指标表重建，或重新导入规划文件。",
    en: "The plan stored in this workbook is kept in {count|part|parts} and part {index} was changed outside the add-in (its checksum does not match), so it is not used. Nothing was changed; use Repair to rebuild it from the indicator table, or import the plan file again.",
  },
  duplicate: {
    zh: "工作簿中保存了 {count} 份规划（{copies}），可能是合并了两个工作簿或复制了其中的部件。加载项不会自行选用其中一份，工作簿未作任何更改；可用“修复”保留与指标表一致、最近保存的一份，其余的先下载备份再删除。",
    en: "This workbook holds {count} stored plans ({copies}), perhaps from merging two workbooks or copying a part in. The add-in does not pick one by itself and nothing was changed; use Repair to keep the one that matches the indicator table and was saved last, the others downloaded as a backup first, then removed.",
  },
} as const;

function say(key: keyof typeof MESSAGES, args: Record<string, string> = {}): Message {
  return { zh: fillTemplate(MESSAGES[key].zh, args), en: fillTemplate(MESSAGES[key].en, args) };
}

function problem(kind: "unreadable" | "tampered" | "newer", message: Message, issues: PlanFileIssue[] = []): StoreRead {
  return { kind, message, issues };
}

/** Several stored copies: described one by one (when saved, which plan, or why it cannot be read). */
export function duplicateRead(copies: StoredCopy[]): StoreRead {
  const describe = (lang: "zh" | "en") =>
    copies
      .map((c, i) => {
        const when = c.savedAt
          ? c.savedAt.slice(0, 16).replace("T", " ")
          : lang === "zh"
            ? "保存时间不详"
            : "no save time";
        const what = c.plan ? `“${c.plan.title[lang]}”（${c.plan.id}）` : lang === "zh" ? "无法读取" : "unreadable";
        return lang === "zh" ? `第${i + 1}份：${when}，${what}` : `copy ${i + 1}: ${when}, ${what}`;
      })
      .join(lang === "zh" ? "；" : "; ");
  const args = (lang: "zh" | "en") => ({ count: String(copies.length), copies: describe(lang) });
  return {
    kind: "duplicate",
    message: {
      zh: fillTemplate(MESSAGES.duplicate.zh, args("zh")),
      en: fillTemplate(MESSAGES.duplicate.en, args("en")),
    },
    issues: [],
    copies,
  };
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
      const r = parsePlanFile(raw, { stored: true });
      return r.ok ? { plan: r.plan, migrated: false } : { issues: r.issues };
    }
  }
  let migrated = typeof raw !== "string";
  if (typeof value === "object" && value !== null && !Array.isArray(value) && !("formatVersion" in value)) {
    value = { ...value, formatVersion: 1 };
    migrated = true;
  }
  const r = parsePlanFile(JSON.stringify(value), { stored: true });
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

/** What a main part holds: a complete plan (format 1, or earlier), or the list of its pieces (format 2). */
export type StoreHead =
  | { kind: "complete"; read: StoreRead }
  | {
      kind: "split";
      savedAt: string;
      pieces: PieceRef[];
      /** The plan read from the pieces' XML, in the list's order (null: the piece part is gone). */
      assemble: (pieceXml: ReadonlyArray<string | null>) => StoreRead;
    };

/** Reads one main part's XML. Never throws: anything unusable comes back with a zh/en message. */
export function readStoreHead(xml: string): StoreHead {
  const complete = (read: StoreRead): StoreHead => ({ kind: "complete", read });
  const root = /<(?:[\w.-]+:)?planTracker\b([^>]*)>/.exec(xml);
  if (!root) return complete(problem("unreadable", say("notXml")));
  const attrs = attributes(root[1] ?? "");
  const versionText = attrs.get("formatVersion");
  const version = versionText === undefined ? null : Number(versionText);
  if (version !== null && version > STORE_FORMAT_VERSION)
    return complete(problem("newer", say("newer", { version: String(version) })));
  if (version !== null && version !== 1 && version !== 2) return complete(problem("unreadable", say("notXml")));
  const stateRaw = elementText(xml, "state");
  const stored = attrs.get("checksum");
  const savedAt = attrs.get("savedAt") ?? "";
  if (version === 2) {
    const listed = elementText(xml, "planPieces") === null ? null : pieceRefs(xml);
    if (listed === null || listed.length === 0 || stored === undefined)
      return complete(problem("unreadable", say("notXml")));
    return {
      kind: "split",
      savedAt,
      pieces: listed,
      assemble: (pieceXml) => {
        const count = String(listed.length);
        const texts: string[] = [];
        for (const [i, ref] of listed.entries()) {
          const piece = pieceXml[i];
          const text = piece === null || piece === undefined ? null : pieceText(piece, ref.index);
          if (text === null) return problem("unreadable", say("pieceMissing", { count, index: String(ref.index) }));
          if (checksum(text) !== ref.checksum)
            return problem("tampered", say("pieceTampered", { count, index: String(ref.index) }));
          texts.push(text);
        }
        return finishRead(stateRaw, texts.join(""), stored, version, savedAt);
      },
    };
  }
  const planRaw = elementText(xml, "plan");
  if (planRaw === null) return complete(problem("unreadable", say("notXml")));
  return complete(finishRead(stateRaw, planRaw, stored, version, savedAt));
}

/** The pieces a format-2 main part lists, in order; null when the list is not the add-in's. */
function pieceRefs(xml: string): PieceRef[] | null {
  const refs: PieceRef[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?piece\b([^>]*)\/?>/g)) {
    const a = attributes(m[1] ?? "");
    const id = a.get("id");
    const index = Number(a.get("index"));
    const bytes = Number(a.get("bytes"));
    const sum = a.get("checksum");
    if (!id || !Number.isInteger(index) || !Number.isFinite(bytes) || !sum) return null;
    refs.push({ id, index, bytes, checksum: sum });
  }
  return refs.every((r, i) => r.index === i + 1) ? refs : null;
}

/** A piece part's text, when it is the piece `index` of a plan. */
function pieceText(xml: string, index: number): string | null {
  const root = /<(?:[\w.-]+:)?planPiece\b([^>]*)>/.exec(xml);
  if (!root || Number(attributes(root[1] ?? "").get("index")) !== index) return null;
  return elementText(xml, "planPiece");
}

function finishRead(
  stateRaw: string | null,
  planRaw: string,
  stored: string | undefined,
  version: number | null,
  savedAt: string,
): StoreRead {
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
  return { kind: "ok", doc: { plan: plan.plan, state: state.data, savedAt }, migratedFrom };
}

/**
 * Reads a main part's XML that holds the whole plan (format 1). A format-2 part, whose plan is in
 * pieces read by the host layer, comes back as "none" here: there is no plan to use without them.
 */
export function readStoreXml(xml: string): StoreRead {
  const head = readStoreHead(xml);
  return head.kind === "complete" ? head.read : { kind: "none" };
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
