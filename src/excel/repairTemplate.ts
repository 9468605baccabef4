/**
 * Repair the template: write back the add-in's own header cells and indicator ids where staff cleared,
 * renamed or copied over them (see src/core/templateIntegrity.ts for what counts as the add-in's own).
 *
 * Round trips: 2 whatever the size — one to read the table (header, body formulas and values), the
 * stored state and the plan, one to write. Only cells the add-in can show it wrote are written:
 * - a header cell where the add-in wrote that column's header (lined up between headers still there);
 * - an id cell that is blank, matched to a plan indicator the sheet lacks by the add-in's record of
 *   that row or by its name; or an id cell holding something else when the record proves the row was
 *   written as that indicator.
 * Everything else is left as it is and returned with the reason, for the pane to say.
 */
import type { Plan } from "../core/planSchema";
import {
  checkHeaders,
  isEarlierLayout,
  repairedHeaders,
  resolveRowIds,
  type HeaderCheck,
  type IdProblemKind,
} from "../core/templateIntegrity";
import { mapHeaders, otherGoalsColumns, templateColumns, type HeaderMap } from "../core/templateLayout";
import { readTemplateRow } from "../core/templateRow";
import { columnLetters, parseRangeAddress } from "./a1";
import { HostOperationError, runWrite } from "./excelRun";
import { rowHash, rowHashes, type WrittenRows } from "./ownedCells";
import { otherGoalsResult, queueOtherGoalsRead } from "./readTemplate";
import { asText } from "./templateContent";
import { queueStateRead, readStateResult } from "./templateState";

export interface RestoredHeader {
  address: string;
  /** What the cell held. */
  from: string;
  to: string;
}

export interface RestoredId {
  address: string;
  sheetRow: number;
  name: string;
  id: string;
  /** What the cell held ("" when blank). */
  from: string;
  by: "record" | "name";
}

export type RepairLeft =
  /** A template column the add-in cannot place: deleted, or among columns staff added. */
  | { kind: "header"; expected: string }
  | {
      kind: "id";
      sheetRow: number;
      name: string;
      address: string | null;
      problem: IdProblemKind;
      text: string;
      sameAsRow?: number;
      /**
       * unknown: no indicator of the plan could be told; notProven: matched by name, but the cell holds
       * text the add-in cannot show it wrote; noPlan: the workbook holds no plan to match against.
       */
      reason: "unknown" | "notProven" | "noPlan";
      /** notProven: the id the name points to. */
      suggested?: string;
    };

export interface RepairOutcome {
  headers: RestoredHeader[];
  ids: RestoredId[];
  left: RepairLeft[];
}

/**
 * Whether the add-in's record shows it wrote body row `row` as indicator `id`: the row's hash, with
 * `id` in its id cell, is one the add-in stored when it last wrote the table. `formulas`: the body as
 * Range.formulas reads it; `map`: the header map the cells are found by.
 */
export function writtenAs(
  written: WrittenRows,
  map: HeaderMap,
  formulas: readonly (readonly unknown[])[],
  firstRow: number,
): (row: number, id: string) => boolean {
  const hashes = rowHashes(written);
  const at = written.keys.map((k) => map[k]);
  if (hashes.size === 0 || at.some((i) => i === undefined)) return () => false;
  return (row, id) =>
    hashes.has(
      rowHash(
        id,
        written.keys.map((k, j) => (k === "id" ? id : formulas[row]?.[at[j]!])),
        firstRow + row,
      ),
    );
}

export async function repairTemplate(tableName: string): Promise<RepairOutcome> {
  return runWrite(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load(["address", "formulas", "values"]);
    const sheet = table.worksheet.load("name");
    const setting = queueStateRead(context, true);
    const otherRange = queueOtherGoalsRead(context, tableName);
    await context.sync();

    const stored = readStateResult(setting);
    if (stored.kind === "invalid") throw new HostOperationError("stateInvalid");
    if (stored.kind === "none") throw new HostOperationError("templateNotFound");
    const { state } = stored;
    const plan: Plan | null = stored.plan;
    const block = parseRangeAddress(body.address);
    const headerRow = block.firstRow - 1;
    const headers = header.values[0] ?? [];
    const check: HeaderCheck | null = isEarlierLayout(headers)
      ? null
      : checkHeaders(headers, templateColumns(state.plan), state.lang);
    const outcome: RepairOutcome = { headers: [], ids: [], left: [] };

    for (const r of check?.repairs ?? []) {
      const address = `${columnLetters(block.firstColumn + r.index)}${headerRow}`;
      const cell = sheet.getRange(address);
      cell.numberFormat = [["@"]];
      cell.values = [[r.expected]];
      outcome.headers.push({ address, from: r.current, to: r.expected });
    }
    for (const u of check?.unplaced ?? []) outcome.left.push({ kind: "header", expected: u.expected });
    // The other goals' block below the table: its own header, checked and written back the same way.
    const other = otherGoalsResult(otherRange);
    const otherCheck = other ? checkHeaders(other.headers, otherGoalsColumns(state.plan), state.lang) : null;
    for (const r of otherCheck?.repairs ?? []) {
      const address = `${columnLetters(other!.body.firstColumn + r.index)}${other!.body.firstRow - 1}`;
      const cell = sheet.getRange(address);
      cell.numberFormat = [["@"]];
      cell.values = [[r.expected]];
      outcome.headers.push({ address, from: r.current, to: r.expected });
    }
    for (const u of otherCheck?.unplaced ?? []) outcome.left.push({ kind: "header", expected: u.expected });

    const fixed = check ? repairedHeaders(headers, check) : headers;
    const map = mapHeaders(fixed);
    const rows = body.values.map((cells) => {
      const row = readTemplateRow(fixed, cells);
      return row ? { id: row.id, name: row.name } : null;
    });
    const resolved = resolveRowIds(
      rows,
      plan?.indicators ?? [],
      writtenAs(state.written, map, body.formulas, block.firstRow),
    );
    const idColumn = map.id === undefined ? null : columnLetters(block.firstColumn + map.id);
    // Consecutive id cells to write go in one range write (a whole column cleared is one command).
    const writes: Array<{ row: number; id: string }> = [];
    resolved.forEach((result, r) => {
      const problem = result.problem;
      if (!problem) return;
      const sheetRow = block.firstRow + r;
      const name = rows[r]?.name ?? "";
      const address = idColumn === null ? null : `${idColumn}${sheetRow}`;
      const restored = problem.restored;
      if (restored && address !== null && (problem.text === "" || restored.by === "record")) {
        writes.push({ row: r, id: restored.id });
        outcome.ids.push({ address, sheetRow, name, id: restored.id, from: problem.text, by: restored.by });
        return;
      }
      outcome.left.push({
        kind: "id",
        sheetRow,
        name,
        address,
        problem: problem.kind,
        text: problem.text,
        ...(problem.sameAs !== undefined ? { sameAsRow: block.firstRow + problem.sameAs } : {}),
        reason: restored ? "notProven" : plan === null ? "noPlan" : "unknown",
        ...(restored ? { suggested: restored.id } : {}),
      });
    });
    for (let i = 0; i < writes.length;) {
      let j = i;
      while (j + 1 < writes.length && writes[j + 1]!.row === writes[j]!.row + 1) j++;
      const first = block.firstRow + writes[i]!.row;
      const last = block.firstRow + writes[j]!.row;
      sheet.getRange(`${idColumn}${first}:${idColumn}${last}`).formulas = writes
        .slice(i, j + 1)
        .map((w) => [asText(w.id)]);
      i = j + 1;
    }
    if (outcome.headers.length + outcome.ids.length > 0) await context.sync();
    return outcome;
  });
}
