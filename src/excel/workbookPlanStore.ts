/**
 * The plan and the add-in's state inside the workbook: one custom XML part in the namespace
 * urn:plan-tracker:plan:v1 (see src/core/workbookStore.ts for the format and why a custom XML part).
 *
 * Round trips: reading costs 1 sync (2 when a merge of workbooks left several parts);
 * saving costs 2 (read what is there, then write), whatever the size of the plan.
 * A part that is unreadable, tampered with or written by a newer version is reported and left
 * exactly as it is unless the user explicitly replaces it (importing a plan file).
 */
import type { Plan } from "../core/planSchema";
import { WORKBOOK_LANGUAGE_SETTING } from "../core/templateLayout";
import {
  DEFAULT_STATE,
  migrateSettingsState,
  PLAN_NAMESPACE,
  readStoreXml,
  storeXml,
  type StoredState,
  type StoreRead,
} from "../core/workbookStore";
import { runRead, runWrite } from "./excelRun";
import { NOTHING_WRITTEN } from "./ownedCells";
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
  count: OfficeExtension.ClientResult<number>;
  only: Excel.CustomXmlPart;
  xml: OfficeExtension.ClientResult<string>;
  legacy: Excel.Setting;
  /** The highlight rule ids' own setting: newer than the ids inside the legacy state when present. */
  highlightIds: Excel.Setting;
}

function queueRead(context: Excel.RequestContext): QueuedRead {
  const scoped = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE);
  const count = scoped.getCount();
  const only = scoped.getOnlyItemOrNullObject();
  only.load("id");
  const xml = only.getXml();
  const legacy = context.workbook.settings.getItemOrNullObject(STATE_KEY);
  legacy.load("value");
  return { scoped, count, only, xml, legacy, highlightIds: queueHighlightIdsRead(context) };
}

export interface PlanStoreRead {
  read: StoreRead;
  /** The part to overwrite, when there is exactly one. */
  partId: string | null;
  /** Whether the pane's state in workbook settings is there (false: restore it from the part). */
  settingsPresent: boolean;
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

/** After the sync: the part's content, or the settings-only state of earlier versions, migrated. */
async function finishRead(context: Excel.RequestContext, q: QueuedRead): Promise<PlanStoreRead> {
  const settingsPresent = !q.legacy.isNullObject;
  if (q.count.value > 1) {
    // Several parts (workbooks merged, or a copy pasted in): the most recently saved readable one wins.
    q.scoped.load("items/id");
    await context.sync();
    const texts = q.scoped.items.map((p) => ({ id: p.id, xml: p.getXml() }));
    await context.sync();
    const reads = texts
      .map((t) => ({ id: t.id, read: readStoreXml(t.xml.value) }))
      .filter((r): r is { id: string; read: Extract<StoreRead, { kind: "ok" }> } => r.read.kind === "ok")
      .sort((a, b) => (a.read.doc.savedAt < b.read.doc.savedAt ? 1 : -1));
    const best = reads[0];
    if (best) return { read: best.read, partId: best.id, settingsPresent };
    return { read: readStoreXml(texts[0]?.xml.value ?? ""), partId: null, settingsPresent };
  }
  if (!q.only.isNullObject) {
    return { read: readStoreXml(q.xml.value), partId: q.only.id, settingsPresent };
  }
  if (settingsPresent) return { read: settingsRead(q, null), partId: null, settingsPresent };
  return { read: { kind: "none" }, partId: null, settingsPresent };
}

/**
 * For an operation that reads the plan part in its own first sync, beside other reads (recordFigures,
 * adjustTarget): queue the read, sync, then finishPlanStoreRead (1 more sync pair only when a merge of
 * workbooks left several parts). The same rules as readWorkbookPlan: a part the add-in cannot trust
 * comes back as such, never as a plan.
 */
export type PlanStoreQuery = QueuedRead;
export const queuePlanStoreRead: (context: Excel.RequestContext) => PlanStoreQuery = queueRead;
export const finishPlanStoreRead: (context: Excel.RequestContext, q: PlanStoreQuery) => Promise<PlanStoreRead> =
  finishRead;

/**
 * Queues the write of the plan part's XML (storeXml, with its checksum), replacing part `partId` or
 * adding one when null; the caller syncs. Only for a part read as "ok" (or none) in the same batch.
 */
export function queuePlanStoreWrite(context: Excel.RequestContext, partId: string | null, xml: string): void {
  if (partId !== null) context.workbook.customXmlParts.getItem(partId).setXml(xml);
  else context.workbook.customXmlParts.add(xml);
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
    const { read, partId } = await finishRead(context, q);
    if (read.kind !== "ok" && read.kind !== "none" && !options.replace) return { saved: false, blocked: read };
    const settings = q.legacy.isNullObject
      ? null
      : settingsRead(q, options.plan ?? (read.kind === "ok" ? read.doc.plan : null));
    const next = update(
      read.kind === "ok" ? { plan: read.doc.plan, state: read.doc.state } : null,
      settings?.kind === "ok" ? { plan: settings.doc.plan, state: settings.doc.state } : null,
    );
    if (next === null) return { saved: false, blocked: null };
    const xml = storeXml({ ...next, savedAt: (options.now ?? (() => new Date()))().toISOString() });
    if (partId !== null) context.workbook.customXmlParts.getItem(partId).setXml(xml);
    else context.workbook.customXmlParts.add(xml);
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

/**
 * When the workbook carries the plan part but not the pane's settings (opened by a colleague whose
 * add-in has another id, or settings lost), writes the settings back from the part so the pane and
 * PLAN.STATUS find the template. 2 syncs; does nothing when the settings are there.
 */
export async function restoreSettingsFromPart(): Promise<"restored" | "present" | "nothing"> {
  return runWrite(async (context) => {
    const q = queueRead(context);
    await context.sync();
    const { read, settingsPresent } = await finishRead(context, q);
    if (settingsPresent) return "present";
    if (read.kind !== "ok" || read.doc.state.tableName === null) return "nothing";
    const { plan, state } = read.doc;
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
    await context.sync();
    return "restored";
  });
}
