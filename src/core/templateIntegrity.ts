/**
 * Does the template still hold what the add-in wrote where the add-in reads it? (pure)
 *
 * Header row. The add-in wrote one header row, known from what it stores (the plan's years and the
 * template's language → templateColumns). Staff may move, hide or add columns and rename a header to
 * the other language, and the template still reads; but a header cleared (Excel then shows Column7),
 * renamed to something the add-in does not know, or turned into another column's header leaves that
 * column unread, and every row with it (0 indicators). checkHeaders lines the header row up with the
 * one the add-in wrote: headers it still recognises, in the template's order, are anchors; between two
 * anchors, when as many unrecognised cells remain as template columns are missing there, each of those
 * cells is where the add-in wrote that missing header (it can be written back). Anything else — a
 * column deleted, or a gap holding columns staff added — is named but not repaired: the add-in cannot
 * tell which cell is its own. A recognised header out of order is a column staff moved: it still reads.
 *
 * Indicator ids. Each row's hidden 指标代码 says which indicator it is. A row whose id was cleared,
 * overwritten with something that is not an id, or copied from another row is matched back to the
 * plan's indicator it holds: first by the add-in's own record of what it wrote there (a hash per row
 * that includes the id, so trying each indicator the sheet lacks proves which one the row was
 * written as), then by the indicator's name when exactly one missing indicator has it. What cannot
 * be matched is reported, never guessed.
 */
import type { Lang } from "./messages";
import type { LocalizedText } from "./planSchema";
import { mapHeaders, normalizeHeader, type ColumnKey, type TemplateColumn } from "./templateLayout";

// ---------------------------------------------------------------------------------------------
// Header row

export interface HeaderRepair {
  /** 0-based column in the table. */
  index: number;
  key: ColumnKey;
  /** What the header cell holds now. */
  current: string;
  /** The header the add-in wrote there. */
  expected: string;
}

export interface HeaderCheck {
  /** Header cells that can be written back: each is where the add-in wrote that column's header. */
  repairs: HeaderRepair[];
  /** Template columns the add-in cannot place (the column was deleted, or staff added columns around it). */
  unplaced: Array<{ key: ColumnKey; expected: string }>;
}

export function headerText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** The columns only the current layout has: a table with none of them was laid out by an earlier version. */
const CURRENT_ONLY: readonly ColumnKey[] = ["revisedBaseline", "adjustedTarget", "obligation", "figures", "reference"];

/** A table laid out by an earlier version (Insert template moves it to the current layout): not checked here. */
export function isEarlierLayout(headers: readonly unknown[]): boolean {
  const map = mapHeaders(headers);
  return CURRENT_ONLY.every((k) => map[k] === undefined) && map.id !== undefined && map.target !== undefined;
}

/** Indexes of the longest run of `values` that strictly increases (one of them). */
function longestIncreasing(values: readonly number[]): number[] {
  const best: number[] = values.map(() => 1);
  const prev: number[] = values.map(() => -1);
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < i; j++)
      if (values[j]! < values[i]! && best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        prev[i] = j;
      }
  let end = -1;
  for (let i = 0; i < values.length; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  const out: number[] = [];
  for (let i = end; i >= 0; i = prev[i]!) out.unshift(i);
  return out;
}

/**
 * The header row as it is against the header row the add-in wrote (`expected`, in order, in `lang`).
 * Nothing to repair and nothing unplaced: the template reads as written.
 */
export function checkHeaders(
  headers: readonly unknown[],
  expected: readonly TemplateColumn[],
  lang: Lang,
): HeaderCheck {
  const map = mapHeaders(headers);
  const keyAt = new Map<number, ColumnKey>();
  for (const [key, index] of Object.entries(map) as Array<[ColumnKey, number]>) keyAt.set(index, key);
  const expectedAt = new Map<ColumnKey, number>(expected.map((c, i) => [c.key, i]));
  // Recognised headers of template columns, left to right, with where the template has them.
  const anchors: Array<{ pos: number; exp: number }> = [];
  headers.forEach((_h, pos) => {
    const key = keyAt.get(pos);
    const exp = key === undefined ? undefined : expectedAt.get(key);
    if (exp !== undefined) anchors.push({ pos, exp });
  });
  // The longest run of them in the template's order fences the row; a recognised header out of that
  // order is a column staff moved (it reads by its header): neither a fence nor a cell to write.
  const kept = longestIncreasing(anchors.map((a) => a.exp)).map((i) => anchors[i]!);
  const fences = [{ pos: -1, exp: -1 }, ...kept, { pos: headers.length, exp: expected.length }];
  const repairs: HeaderRepair[] = [];
  const unplaced: HeaderCheck["unplaced"] = [];
  for (let f = 0; f + 1 < fences.length; f++) {
    const a = fences[f]!;
    const b = fences[f + 1]!;
    // Template columns whose header is nowhere in the row, and cells whose header names no column.
    const missing = expected.slice(a.exp + 1, b.exp).filter((c) => map[c.key] === undefined);
    if (missing.length === 0) continue;
    const cells: number[] = [];
    for (let pos = a.pos + 1; pos < b.pos; pos++) if (!keyAt.has(pos)) cells.push(pos);
    if (cells.length === missing.length) {
      missing.forEach((column, j) => {
        const index = cells[j]!;
        repairs.push({ index, key: column.key, current: headerText(headers[index]), expected: column.header[lang] });
      });
    } else {
      for (const column of missing) unplaced.push({ key: column.key, expected: column.header[lang] });
    }
  }
  return { repairs, unplaced };
}

export function headersMatch(check: HeaderCheck): boolean {
  return check.repairs.length === 0 && check.unplaced.length === 0;
}

/** `headers` with the repairs applied: what the header row will read once they are written back. */
export function repairedHeaders(headers: readonly unknown[], check: HeaderCheck): unknown[] {
  const out = [...headers];
  for (const r of check.repairs) out[r.index] = r.expected;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Indicator ids

/** An indicator id as the plan file allows it (what the add-in writes in the id column). */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export type IdProblemKind = "missing" | "invalid" | "duplicate";

export interface IdProblem {
  kind: IdProblemKind;
  /** What the id cell holds ("" when blank). */
  text: string;
  /** duplicate: the 0-based row that keeps the id. */
  sameAs?: number;
  /** The id the row was matched to, and how; null when it cannot be told. */
  restored: { id: string; by: "record" | "name" } | null;
}

/** How many (row, indicator) pairs are tried against the record before only same-name pairs are (≈ 0.1 s). */
export const PROOF_BUDGET = 20_000;

export interface RowIdInput {
  /** The id cell's text, trimmed ("" or null when blank). */
  id: string | null;
  /** The name cell's text, trimmed. */
  name: string | null;
}

export interface RowIdResult {
  /** The indicator the row holds, or null when it cannot be told (or the row is blank). */
  id: string | null;
  problem: IdProblem | null;
}

export function sameName(name: string | null, names: LocalizedText): boolean {
  if (name === null) return false;
  const n = normalizeHeader(name);
  return n !== "" && (n === normalizeHeader(names.zh) || n === normalizeHeader(names.en));
}

/**
 * Which indicator each row is (null entries: rows that are not indicator rows). `stored`: the plan's
 * indicators the template was written from; `proves(row, id)`: whether the add-in's record shows it
 * wrote row `row` as indicator `id` (leave out when the record cannot be read).
 */
export function resolveRowIds(
  rows: ReadonlyArray<RowIdInput | null>,
  stored: ReadonlyArray<{ id: string; name: LocalizedText }>,
  proves: (row: number, id: string) => boolean = () => false,
): RowIdResult[] {
  const out: RowIdResult[] = rows.map(() => ({ id: null, problem: null }));
  const nameOf = new Map(stored.map((s) => [s.id, s.name]));
  const byId = new Map<string, number[]>();
  const damaged: number[] = [];
  rows.forEach((row, r) => {
    if (!row) return;
    const text = row.id?.trim() ?? "";
    if (text === "") {
      out[r] = { id: null, problem: { kind: "missing", text: "", restored: null } };
      damaged.push(r);
    } else if (!ID_PATTERN.test(text)) {
      out[r] = { id: null, problem: { kind: "invalid", text, restored: null } };
      damaged.push(r);
    } else byId.set(text, [...(byId.get(text) ?? []), r]);
  });
  const taken = new Set<string>();
  for (const [id, at] of byId) {
    taken.add(id);
    let owner = at[0]!;
    if (at.length > 1) {
      // The row the record proves, else the one with the indicator's name, else the first.
      const proven = at.filter((r) => proves(r, id));
      const named = at.filter((r) => sameName(rows[r]!.name, nameOf.get(id) ?? { zh: "", en: "" }));
      owner = proven.length === 1 ? proven[0]! : named.length === 1 ? named[0]! : at[0]!;
    }
    for (const r of at) {
      if (r === owner) out[r] = { id, problem: null };
      else {
        out[r] = { id: null, problem: { kind: "duplicate", text: id, sameAs: owner, restored: null } };
        damaged.push(r);
      }
    }
  }
  damaged.sort((a, b) => a - b);
  const free = () => stored.filter((s) => !taken.has(s.id));
  /** Free indicators by name (either language), for rows matched by their name. */
  const byName = () => {
    const index = new Map<string, string[]>();
    for (const s of free())
      for (const n of new Set([normalizeHeader(s.name.zh), normalizeHeader(s.name.en)]))
        if (n !== "") index.set(n, [...(index.get(n) ?? []), s.id]);
    return index;
  };
  // Each candidate must be claimed by one row only: two rows that both prove (or name) it are left as they are.
  const claim = (candidatesOf: (r: number) => string[], by: "record" | "name") => {
    const claims = new Map<string, number[]>();
    for (const r of damaged) {
      if (out[r]!.id !== null) continue;
      const hits = candidatesOf(r);
      if (hits.length === 1) claims.set(hits[0]!, [...(claims.get(hits[0]!) ?? []), r]);
    }
    for (const [id, at] of claims) {
      if (at.length !== 1) continue;
      const r = at[0]!;
      out[r] = { id, problem: { ...out[r]!.problem!, restored: { id, by } } };
      taken.add(id);
    }
  };
  const named = (index: Map<string, string[]>, r: number) => index.get(normalizeHeader(rows[r]!.name ?? "")) ?? [];
  // Each proof hashes a row: past PROOF_BUDGET tries, only indicators with the row's name are tried (a
  // row the record proves still holds the name the add-in wrote, unless the plan renamed it since).
  const everyFree = free().map((s) => s.id);
  const wide = damaged.length * everyFree.length <= PROOF_BUDGET;
  const namesBefore = byName();
  claim((r) => (wide ? everyFree : named(namesBefore, r)).filter((id) => proves(r, id)), "record");
  const namesAfter = byName();
  claim((r) => named(namesAfter, r), "name");
  return out;
}
