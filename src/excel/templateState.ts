/**
 * What the add-in remembers inside the workbook settings (so it travels with the file), kept small
 * whatever the plan's size: which table is the template, in which language it was written, the
 * plan's id, title and years, a short hash per row of what the add-in wrote (so a later refresh
 * knows which cells are still its own, ownedCells.ts) and the ids of the conditional-format rules
 * it created (so it removes only those). The plan itself is kept once, in the workbook's custom XML
 * part (workbookPlanStore.ts); operations that need its texts read the part in their own sync.
 * Earlier versions kept the whole plan here (6 MB at 10,000 indicators, over Excel on the web's
 * 5 MB request limit): such a state is still read, and its plan used, until the next write.
 * The rule ids also have a setting of their own (HIGHLIGHTS_KEY), which wins when present.
 * These helpers only queue commands; the operation that calls them owns the sync.
 */
import * as z from "../core/planSchemaKit";
import { plan as planSchema, type Plan } from "../core/planSchema";
import type { Lang } from "../core/messages";
import type { ColumnKey } from "../core/templateLayout";
import { PLAN_NAMESPACE, readStoreXml } from "../core/workbookStore";
import { NOTHING_WRITTEN, type WrittenRows } from "./ownedCells";
import type { RequestBatch } from "./requestBatch";
import { COMMAND_OVERHEAD, jsonBytes } from "./requestBudget";

export const STATE_KEY = "PlanTracker.template";
/** The ids of the add-in's highlight rules (a JSON array of strings). */
export const HIGHLIGHTS_KEY = "PlanTracker.highlightRules";

const idsSchema = z.array(z.string());
const text = z.object({ zh: z.string(), en: z.string() });

const planInfoSchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: text,
  // Absent for a plan typed into Excel (plan files from the sheet never make one up).
  source: z.optional(z.object({ document: text, issuer: text, date: z.string() })),
  baseYear: z.number().check(z.int()),
  targetYear: z.number().check(z.int()),
});

/** The plan-wide facts the pane needs without reading the plan: a few hundred bytes. */
export type PlanInfo = z.infer<typeof planInfoSchema>;

const stateSchema = z.object({
  version: z.literal(2),
  tableName: z.string().check(z.minLength(1)),
  lang: z.enum(["zh", "en"]),
  plan: planInfoSchema,
  written: z._default(z.object({ keys: z.array(z.string()), rows: z.string() }), NOTHING_WRITTEN),
  highlightRuleIds: z._default(z.array(z.string()), []),
});

/** The earlier format, with the whole plan. */
const legacySchema = z.object({
  version: z.literal(1),
  tableName: z.string().check(z.minLength(1)),
  lang: z.enum(["zh", "en"]),
  plan: z.unknown(),
  highlightRuleIds: z._default(z.array(z.string()), []),
});

export interface TemplateState {
  version: 2;
  tableName: string;
  lang: Lang;
  plan: PlanInfo;
  written: WrittenRows;
  highlightRuleIds: string[];
}

export function planInfo(plan: Plan): PlanInfo {
  return {
    id: plan.id,
    title: plan.title,
    ...(plan.source
      ? { source: { document: plan.source.document, issuer: plan.source.issuer, date: plan.source.date } }
      : {}),
    baseYear: plan.baseYear,
    targetYear: plan.targetYear,
  };
}

/**
 * `plan`: the plan the template was written from, when it was read: the earlier format's own copy,
 * or the workbook's plan part when asked for and it holds the same plan (null otherwise).
 */
export type StateRead =
  { kind: "none" } | { kind: "invalid" } | { kind: "ok"; state: TemplateState; plan: Plan | null };

export interface StateSettings {
  state: Excel.Setting;
  highlights: Excel.Setting;
  part: { item: Excel.CustomXmlPart; xml: OfficeExtension.ClientResult<string> } | null;
}

/**
 * Queue a read of the stored state; call readStateResult after the sync. `withPlan` also reads the
 * plan part (as large as the plan): only for operations that show or compare the plan's texts.
 */
export function queueStateRead(context: Excel.RequestContext, withPlan = false): StateSettings {
  const state = context.workbook.settings.getItemOrNullObject(STATE_KEY);
  state.load("value");
  let part: StateSettings["part"] = null;
  if (withPlan) {
    const item = context.workbook.customXmlParts.getByNamespace(PLAN_NAMESPACE).getOnlyItemOrNullObject();
    item.load("id");
    part = { item, xml: item.getXml() };
  }
  return { state, highlights: queueHighlightIdsRead(context), part };
}

/** Queue a read of the highlight rule ids' own setting; call storedHighlightIds after the sync. */
export function queueHighlightIdsRead(context: Excel.RequestContext): Excel.Setting {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_KEY);
  setting.load("value");
  return setting;
}

/**
 * The ids in their own setting, or null when it is missing or unreadable: then the state's ids count,
 * which every write of the state stores beside them (queueStateText) — a recovery, not a loss; a state
 * that cannot be read either is reported ("invalid", readStateResult) and offered a repair.
 */
export function storedHighlightIds(setting: Excel.Setting): string[] | null {
  if (setting.isNullObject) return null;
  let raw: unknown = setting.value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return null; // not JSON: unreadable, as documented above
    }
  }
  const ids = idsSchema.safeParse(raw);
  return ids.success ? ids.data : null;
}

/** The plan in the part, when the part is there, trusted, and holds the plan `id`. */
function partPlan(part: StateSettings["part"], id: string): Plan | null {
  if (!part || part.item.isNullObject) return null;
  // A ClientResult has no load(): its value is there after the sync.
  const read = readStoreXml(part.xml.value);
  return read.kind === "ok" && read.doc.plan.id === id ? read.doc.plan : null;
}

/** A stored value (object or JSON text) as a state; the earlier format is migrated. Null when unusable. */
export function parseState(value: unknown): { state: TemplateState; legacyPlan: Plan | null } | null {
  let raw: unknown = value;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      // Not JSON: unusable. readStateResult reports it ("invalid" → stateInvalid), the pane restores
      // it from the stored plan when that is intact, or offers the repair (repairStoredPlan.ts).
      return null;
    }
  }
  const current = stateSchema.safeParse(raw);
  if (current.success) {
    const written = { keys: current.data.written.keys as ColumnKey[], rows: current.data.written.rows };
    return { state: { ...current.data, version: 2, written }, legacyPlan: null };
  }
  const legacy = legacySchema.safeParse(raw);
  if (!legacy.success) return null;
  const plan = planSchema.safeParse(legacy.data.plan);
  if (!plan.success) return null;
  const { tableName, lang, highlightRuleIds } = legacy.data;
  return {
    state: { version: 2, tableName, lang, plan: planInfo(plan.data), written: NOTHING_WRITTEN, highlightRuleIds },
    legacyPlan: plan.data,
  };
}

/** A stored state that does not parse (edited by hand, written by another version) is reported, never trusted. */
export function readStateResult(settings: StateSettings): StateRead {
  const setting = settings.state;
  if (setting.isNullObject) return { kind: "none" };
  const parsed = parseState(setting.value);
  if (!parsed) return { kind: "invalid" };
  const ids = storedHighlightIds(settings.highlights) ?? parsed.state.highlightRuleIds;
  return {
    kind: "ok",
    state: { ...parsed.state, highlightRuleIds: ids },
    plan: parsed.legacyPlan ?? partPlan(settings.part, parsed.state.plan.id),
  };
}

/**
 * Stored as a JSON string: its size is what it looks like, and every host round-trips strings the
 * same way. The ids' own setting is written with it, so the two always agree.
 */
export function queueStateWrite(context: Excel.RequestContext, state: TemplateState): void {
  queueStateText(context, JSON.stringify(state), state.highlightRuleIds);
}

function queueStateText(context: Excel.RequestContext, text: string, ids: readonly string[]): void {
  context.workbook.settings.add(STATE_KEY, text);
  queueHighlightIdsWrite(context, ids);
}

/** queueStateWrite within a request budget (a few kB: ten characters a row). */
export async function writeState(
  batch: RequestBatch,
  context: Excel.RequestContext,
  state: TemplateState,
): Promise<void> {
  const text = JSON.stringify(state);
  await batch.fit(jsonBytes(text) + jsonBytes(JSON.stringify(state.highlightRuleIds)) + 2 * COMMAND_OVERHEAD);
  queueStateText(context, text, state.highlightRuleIds);
}

/** Only the highlight rule ids: a few hundred bytes whatever the size of the plan. */
export function queueHighlightIdsWrite(context: Excel.RequestContext, ids: readonly string[]): void {
  context.workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify(ids));
}
