/**
 * What the add-in wrote, kept small (pure): one short hash per template row whose plan, computed
 * and technical cells all hold what the add-in wrote there. A refresh hashes each row as it reads
 * it; a row whose hash is in the set still holds only the add-in's cells, so all of them may be
 * replaced. That is what the whole previous plan was stored for, at 10 characters a row instead of
 * about 600 bytes an indicator. The indicator id is part of the hash, so sorting rows changes nothing.
 */
import { checksum } from "../core/workbookStore";
import type { ColumnKey } from "../core/templateLayout";

/** Hex digits kept of each row's hash: 40 bits, so a row staff changed passes for untouched about once in 10^12. */
export const ROW_HASH_LENGTH = 10;

/** The add-in's record of one write: which columns were hashed, in order, and the rows' hashes, concatenated. */
export interface WrittenRows {
  keys: ColumnKey[];
  rows: string;
}

export const NOTHING_WRITTEN: WrittenRows = { keys: [], rows: "" };

/** Formula text compared as Excel may give it back: spaces, case and TRUE()/TRUE spellings do not matter. */
export function normalizeFormula(f: string): string {
  return f
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/\b(TRUE|FALSE)\(\)/g, "$1");
}

/**
 * One cell as written or as read back through Range.formulas, in a form both give alike: numbers to
 * 12 digits, formulas normalised with the row's own number replaced (rows may move), text without
 * the text-prefix apostrophes, blanks as "".
 */
function cellText(v: unknown, row: number): string {
  if (typeof v === "number") return Number.isFinite(v) ? `n${Number(v.toPrecision(12))}` : "x";
  if (typeof v === "boolean") return `b${v}`;
  if (v === null || v === undefined) return "";
  const s = String(v);
  if (s.trim() === "") return "";
  if (s.startsWith("=")) return `f${normalizeFormula(s).replace(new RegExp(`(?<=[A-Z$])${row}(?![0-9])`, "g"), "#")}`;
  return `t${s.replace(/^'+/, "").trim()}`;
}

/** The hash of one row's owned cells (in `keys` order) at sheet row `row`. */
export function rowHash(id: string, cells: readonly unknown[], row: number): string {
  const text = [id, ...cells.map((c) => cellText(c, row))].join("\u0001");
  return checksum(text).slice(-ROW_HASH_LENGTH);
}

/** The set of row hashes a stored record holds. */
export function rowHashes(written: WrittenRows): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + ROW_HASH_LENGTH <= written.rows.length; i += ROW_HASH_LENGTH) {
    out.add(written.rows.slice(i, i + ROW_HASH_LENGTH));
  }
  return out;
}
