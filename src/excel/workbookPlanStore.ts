/**
 * The plan and the add-in's state inside the workbook: custom XML parts in the namespace
 * urn:plan-tracker:plan:v1 (see src/core/workbookStore.ts for the format and why custom XML parts).
 *
 * Round trips, whatever the number of indicators up to a plan part of 1 MB (about 1,500 indicators
 * with ten years of figures): reading costs 1 sync, saving 2 (read what is there, then write). A
 * larger plan is kept in pieces of at most 1 MB each, so that no request (nor response) passes Excel
 * on the web's 5 MB: reading then adds one sync per 4 MB of pieces, saving one sync per 4 MB of
 * pieces plus one to learn the new pieces' ids before the main part lists them — bounded by the
 * plan's size, never by its rows (10,000 indicators: about 7 MB, 3 more syncs each way).
 * Saving adds the new pieces first and switches the main part last, removing the old pieces in
 * that same request, so a save that fails half-way leaves the previous plan whole.
 *
 * A part that is unreadable, tampered with, written by a newer version, or one of several copies
 * (workbooks merged) is reported and left exactly as it is unless the user explicitly replaces it
 * (importing a plan file) or repairs it (repairStoredPlan.ts).
 */
import type { Plan } from "../core/planSchema";
import { WORKBOOK_LANGUAGE_SETTING } from "../core/templateLayout";
import {
  DEFAULT_STATE,
  duplicateRead,
  migrateSettingsState,
  partBytes,
  PLAN_CHUNK_NAMESPACE,
  PLAN_NAMESPACE,
  readStoreHead,
  storeLayout,
  type StoredCopy,
  type StoredState,
  type StoredWorkbook,
  type StoreRead,
} from "../core/workbookStore";
import { runRead, runWrite } from "./excelRun";
import { NOTHING_WRITTEN } from "./ownedCells";
import { RequestBatch } from "./requestBatch";
import { COMMAND_OVERHEAD, REQUEST_BUDGET } from "./requestBudget";
import {
  parseState,
  planInfo,
  queueHighlightIdsRead,
  queueStateWrite,
  STATE_KEY,
  storedHighlightIds,
} from "./templateState";

interface QueuedRead {
  scoped: Excel.CustomXmlPartScopedCollection;
  only: Excel.CustomXmlPart;
  xml: OfficeExtension.ClientResult<string>;
  /** Every piece part (ids only): a save removes those it does not list. */
  pieces: Excel.CustomXmlPartScopedCollection;
  legacy: Excel.Setting;
  /** The highlight rule ids' own setting: newer than the ids inside the legacy state when present. */
  highlightIds: Excel.Setting;
}

function queueRead(context: Excel.RequestContext): QueuedRead {
  const scoped = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE);
  scoped.load("items/id");
  const only = scoped.getOnlyItemOrNullObject();
  only.load("id");
  const xml = only.getXml();
  const pieces = context.workbook.customXmlParts.getByNamespace(PLAN_CHUNK_NAMESPACE);
  pieces.load("items/id");
  const legacy = context.workbook.settings.getItemOrNullObject(STATE_KEY);
  legacy.load("value");
  return { scoped, only, xml, pieces, legacy, highlightIds: queueHighlightIdsRead(context) };
}

/** One main part as read: its id, its text, its pieces' texts, and what it holds. */
export interface StoredPart {
  partId: string;
  xml: string;
  /** The texts of the pieces it lists, in order (null: the piece part is gone). */
  pieceXml: Array<string | null>;
  read: StoreRead;
}

export interface PlanStoreRead {
  read: StoreRead;
  /** The main part to overwrite: the one part there is (null when there is none, or several). */
  partId: string | null;
  /** Every main part in the workbook (several after workbooks were merged). */
  mainIds: string[];
  /** Every piece part in the workbook, listed by a main part or left over from a save that failed. */
  pieceIds: string[];
  /** Each main part as read, when there are several (what repairStoredPlan chooses from). */
  copies: StoredPart[];
  /** Whether the pane's state in workbook settings is there (false: restore it from the part). */
  settingsPresent: boolean;
  /** The pane's state setting as stored (for repairs): its value, or undefined when absent. */
  settingsValue: unknown;
}

/**
 * The pane's settings as a stored workbook, with the highlight ids from their own setting when it is
 * there. The settings hold the plan only in the earlier format; otherwise `plan` (the plan the
 * template was written from, when the caller has it) completes them, and without it they are "none".
 */
function settingsRead(q: QueuedRead, plan: Plan | null): StoreRead {
  const parsed = parseState(q.legacy.value);
  let read: StoreRead;
  if (parsed && parsed.legacyPlan === null) {
    if (plan === null || plan.id !== parsed.state.plan.id) return { kind: "none" };
    const { tableName, lang, highlightRuleIds } = parsed.state;
    const state = { ...DEFAULT_STATE, tableName, lang, highlightRuleIds };
    read = { kind: "ok", doc: { plan, state, savedAt: "" }, migratedFrom: null };
  } else read = migrateSettingsState(q.legacy.value);
  const ids = storedHighlightIds(q.highlightIds);
  if (read.kind !== "ok" || ids === null) return read;
  return { ...read, doc: { ...read.doc, state: { ...read.doc.state, highlightRuleIds: ids } } };
}

/**
 * Reads the pieces main parts list, each request's answer under the budget: one sync per 4 MB of
 * pieces. `heads` gives, per main part, its head; the result gives each one's read and piece texts.
 */
async function readPieces(
  context: Excel.RequestContext,
  heads: ReturnType<typeof readStoreHead>[],
): Promise<Array<{ read: StoreRead; pieceXml: Array<string | null> }>> {
  const texts = new Map<string, string | null>();
  let group: Array<{ id: string; part: Excel.CustomXmlPart; xml: OfficeExtension.ClientResult<string> }> = [];
  let bytes = 0;
  const flush = async () => {
    if (group.length === 0) return;
    await context.sync();
    for (const g of group) texts.set(g.id, g.part.isNullObject ? null : g.xml.value);
    group = [];
    bytes = 0;
  };
  for (const head of heads) {
    if (head.kind !== "split") continue;
    for (const ref of head.pieces) {
      if (texts.has(ref.id) || group.some((g) => g.id === ref.id)) continue;
      if (group.length > 0 && bytes + ref.bytes > REQUEST_BUDGET) await flush();
      const part = context.workbook.customXmlParts.getItemOrNullObject(ref.id);
      group.push({ id: ref.id, part, xml: part.getXml() });
      bytes += ref.bytes;
    }
  }
  await flush();
  return heads.map((h) => {
    if (h.kind === "complete") return { read: h.read, pieceXml: [] };
    const pieceXml = h.pieces.map((r) => texts.get(r.id) ?? null);
    return { read: h.assemble(pieceXml), pieceXml };
  });
}

/** After the sync: the part's content, or the settings-only state of earlier versions, migrated. */
async function finishRead(context: Excel.RequestContext, q: QueuedRead): Promise<PlanStoreRead> {
  const settingsPresent = !q.legacy.isNullObject;
  const base = {
    mainIds: q.scoped.items.map((p) => p.id),
    pieceIds: q.pieces.items.map((p) => p.id),
    settingsPresent,
    settingsValue: settingsPresent ? (q.legacy.value as unknown) : undefined,
  };
  if (base.mainIds.length > 1) {
    // Several copies (workbooks merged, a part copied in): each is read and described; none is picked.
    const texts = q.scoped.items.map((p) => ({ id: p.id, xml: p.getXml() }));
    await context.sync();
    const heads = texts.map((t) => readStoreHead(t.xml.value));
    const reads = await readPieces(context, heads);
    const copies: StoredPart[] = texts.map((t, i) => ({ partId: t.id, xml: t.xml.value, ...reads[i]! }));
    const described: StoredCopy[] = copies.map((c, i) => {
      const head = heads[i]!;
      const savedAt = c.read.kind === "ok" ? c.read.doc.savedAt : head.kind === "split" ? head.savedAt : "";
      return {
        partId: c.partId,
        savedAt,
        plan: c.read.kind === "ok" ? { id: c.read.doc.plan.id, title: c.read.doc.plan.title } : null,
        problem: c.read.kind === "ok" || c.read.kind === "none" ? null : c.read.message,
      };
    });
    return { ...base, read: duplicateRead(described), partId: null, copies };
  }
  if (!q.only.isNullObject) {
    const xml = q.xml.value;
    const [one] = await readPieces(context, [readStoreHead(xml)]);
    return { ...base, read: one!.read, partId: q.only.id, copies: [{ partId: q.only.id, xml, ...one! }] };
  }
  if (settingsPresent) return { ...base, read: settingsRead(q, null), partId: null, copies: [] };
  return { ...base, read: { kind: "none" }, partId: null, copies: [] };
}

/**
 * For an operation that reads the plan part in its own first sync, beside other reads (recordFigures,
 * adjustTarget): queue the read, sync, then finishPlanStoreRead (more syncs only for a plan kept in
 * pieces, or when a merge of workbooks left several copies). The same rules as readWorkbookPlan: a
 * part the add-in cannot trust comes back as such, never as a plan.
 */
export type PlanStoreQuery = QueuedRead;
export const queuePlanStoreRead: (context: Excel.RequestContext) => PlanStoreQuery = queueRead;
export const finishPlanStoreRead: (context: Excel.RequestContext, q: PlanStoreQuery) => Promise<PlanStoreRead> =
  finishRead;

/**
 * Queues the write of `doc` over what `store` found (read in the same batch): the one main part is
 * replaced, or one is added; other main parts are removed (only callers replacing an untrusted store
 * at the user's request get here with several); every piece part the new main part does not list is
 * removed. A plan over 1 MB is written in pieces first (one sync per 4 MB, plus one for their ids);
 * the main part goes in the caller's final sync.
 */
export async function queuePlanStoreWrite(
  context: Excel.RequestContext,
  store: Pick<PlanStoreRead, "partId" | "mainIds" | "pieceIds">,
  doc: StoredWorkbook,
): Promise<void> {
  const layout = storeLayout(doc);
  const batch = new RequestBatch(context);
  let xml: string;
  let listed: string[] = [];
  if (layout.kind === "single") {
    xml = layout.xml;
    await batch.fit(layout.bytes + COMMAND_OVERHEAD);
  } else {
    const added: Excel.CustomXmlPart[] = [];
    for (const piece of layout.pieces) {
      await batch.fit(piece.bytes + COMMAND_OVERHEAD);
      const part = context.workbook.customXmlParts.add(piece.xml);
      part.load("id");
      added.push(part);
    }
    await context.sync();
    batch.synced();
    listed = added.map((p) => p.id);
    xml = layout.main(listed);
    await batch.fit(partBytes(xml) + COMMAND_OVERHEAD);
  }
  const parts = context.workbook.customXmlParts;
  if (store.partId !== null) parts.getItem(store.partId).setXml(xml);
  else parts.add(xml);
  for (const id of store.mainIds) if (id !== store.partId) parts.getItem(id).delete();
  for (const id of store.pieceIds) if (!listed.includes(id)) parts.getItem(id).delete();
}

/** What the workbook holds: 1 sync in the usual case. */
export async function readWorkbookPlan(): Promise<PlanStoreRead> {
  return runRead(async (context) => {
    const q = queueRead(context);
    await context.sync();
    return finishRead(context, q);
  });
}

export type SaveOutcome =
  | { saved: true; migratedFrom: string | null }
  | { saved: false; blocked: Exclude<StoreRead, { kind: "ok" } | { kind: "none" }> }
  | { saved: false; blocked: null };

/**
 * Stores the plan and state. `update` gets what the part holds now and what the pane's settings
 * hold (each or null) and returns what to store, or null to store nothing.
 * A stored part the add-in cannot trust is left alone unless `replace` is true (an explicit import).
 * `plan`: the plan the template was last written from (the settings keep only its id); without it,
 * the part's plan completes the settings when it is the same plan.
 */
type Stored = { plan: Plan; state: StoredState };

export async function saveWorkbookPlan(
  update: (current: Stored | null, inSettings: Stored | null) => Stored | null,
  options: { replace?: boolean; now?: () => Date; plan?: Plan } = {},
): Promise<SaveOutcome> {
  return runWrite(async (context) => {
    const q = queueRead(context);
    await context.sync();
    const found = await finishRead(context, q);
    const { read } = found;
    if (read.kind !== "ok" && read.kind !== "none" && !options.replace) return { saved: false, blocked: read };
    const settings = q.legacy.isNullObject
      ? null
      : settingsRead(q, options.plan ?? (read.kind === "ok" ? read.doc.plan : null));
    const next = update(
      read.kind === "ok" ? { plan: read.doc.plan, state: read.doc.state } : null,
      settings?.kind === "ok" ? { plan: settings.doc.plan, state: settings.doc.state } : null,
    );
    if (next === null) return { saved: false, blocked: null };
    const savedAt = (options.now ?? (() => new Date()))().toISOString();
    // Several copies replaced at the user's request: the first is overwritten, the others removed.
    const partId = found.partId ?? found.mainIds[0] ?? null;
    await queuePlanStoreWrite(context, { ...found, partId }, { ...next, savedAt });
    await context.sync();
    return { saved: true, migratedFrom: read.kind === "ok" ? read.migratedFrom : null };
  });
}

/**
 * Copies the pane's state (template table, language, highlight rule ids, kept in workbook settings
 * by insert and highlight) into the part, with the plan (`options.plan`: after an insert, the plan
 * just written; otherwise the part's own), keeping the part's own preferences (auto-open) unless
 * `patch` changes them. Called after insert, highlight on/off and the auto-open switch.
 */
export async function mirrorSettingsToPart(
  patch: Partial<StoredState> = {},
  options: {
    replace?: boolean;
    plan?: Plan;
    /**
     * Keeps what only the stored plan knows when `plan` replaces it (figure histories, adjustment
     * records): called with the part's plan and `plan` when the part holds a plan, e.g.
     * carryFigureRecords from src/core/figureHistory.ts after the template is inserted again.
     */
    carry?: (stored: Plan, next: Plan) => Plan;
  } = {},
): Promise<SaveOutcome> {
  return saveWorkbookPlan((current, inSettings) => {
    const base = inSettings ?? current;
    if (!base) return null;
    const autoOpen = current?.state.autoOpen ?? DEFAULT_STATE.autoOpen;
    const next = options.plan && options.carry && current ? options.carry(current.plan, options.plan) : options.plan;
    return { plan: next ?? base.plan, state: { ...base.state, autoOpen, ...patch } };
  }, options);
}

/** Queues the pane's settings as the part's state says (what the add-in wrote is not known from it). */
export function queueSettingsFromPart(context: Excel.RequestContext, doc: StoredWorkbook): void {
  const { plan, state } = doc;
  // What the add-in wrote is not known here: the next refresh treats every changed cell as staff's.
  queueStateWrite(context, {
    version: 2,
    tableName: state.tableName!,
    lang: state.lang,
    plan: planInfo(plan),
    written: NOTHING_WRITTEN,
    highlightRuleIds: state.highlightRuleIds,
  });
  context.workbook.settings.add(WORKBOOK_LANGUAGE_SETTING, state.lang);
}

/**
 * When the workbook carries the plan part but not the pane's settings (opened by a colleague whose
 * add-in has another id, or settings lost), writes the settings back from the part so the pane and
 * PLAN.STATUS find the template; "repaired" when the settings were there but could not be read (the
 * part is intact: the settings are written again from it). 2 syncs; does nothing ("present") when
 * the settings are there and readable.
 */
export async function restoreSettingsFromPart(): Promise<"restored" | "repaired" | "present" | "nothing"> {
  return runWrite(async (context) => {
    const q = queueRead(context);
    await context.sync();
    const { read, settingsPresent, settingsValue } = await finishRead(context, q);
    const readable = settingsPresent && parseState(settingsValue) !== null;
    if (readable) return "present";
    if (read.kind !== "ok" || read.doc.state.tableName === null) return "nothing";
    queueSettingsFromPart(context, read.doc);
    await context.sync();
    return settingsPresent ? "repaired" : "restored";
  });
}
