/**
 * How big one round trip may get (pure: no Excel calls). Excel on the web refuses a request over
 * 5 MB (RequestPayloadSizeLimitExceeded), so the host layer keeps each request under a 4 MB budget,
 * estimated as the UTF-8 length of the JSON of what is written (values, formulas, number formats,
 * texts) plus a fixed allowance per command. The rule every writer follows: an operation keeps its
 * constant round trips, and a large 2-D write is split into row blocks, each sent in its own sync,
 * only when the estimate passes the budget, so syncs grow with payload size beyond 4 MB, never per row.
 */

/** Under Excel on the web's 5 MB: the margin covers the small commands an operation does not count. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

/** What one command costs on top of its arguments (method name, object path, ids), rounded up. */
export const COMMAND_OVERHEAD = 200;

/** UTF-8 bytes of a string: Chinese text costs 3 bytes a character on the wire, not 1. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: 4 bytes for both halves
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The estimated size of a value sent to Excel: its JSON, in UTF-8 bytes. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8Length(json);
}

/**
 * Bytes each row adds to a write of parallel 2-D arrays (say number formats and formulas of the
 * same block): the JSON of the row in every array, and its separating comma.
 */
export function rowBytes(arrays: ReadonlyArray<ReadonlyArray<readonly unknown[]>>): number[] {
  const rows = Math.max(0, ...arrays.map((a) => a.length));
  const sizes: number[] = [];
  for (let r = 0; r < rows; r++) {
    let bytes = 0;
    for (const a of arrays) bytes += jsonBytes(a[r] ?? []) + 1;
    sizes.push(bytes);
  }
  return sizes;
}

export interface RowBlock {
  /** 0-based index of the block's first row within the write. */
  first: number;
  count: number;
}

/**
 * Consecutive blocks of rows, covering every row exactly once, each within `budget` bytes
 * (`sizes` from rowBytes). One block when everything fits. A single row larger than the budget
 * (not possible with the template's cells) still gets a block of its own.
 */
export function splitRows(sizes: readonly number[], budget: number): RowBlock[] {
  const blocks: RowBlock[] = [];
  let first = 0;
  let bytes = 0;
  sizes.forEach((size, r) => {
    if (r > first && bytes + size > budget) {
      blocks.push({ first, count: r - first });
      first = r;
      bytes = 0;
    }
    bytes += size;
  });
  if (sizes.length > first) blocks.push({ first, count: sizes.length - first });
  return blocks;
}

/** What a write of `arrays` (parallel 2-D arrays, one command each) costs as one request. */
export function writeBytes(sizes: readonly number[], arrays: number): number {
  return sizes.reduce((a, b) => a + b, 0) + arrays * (COMMAND_OVERHEAD + 2);
}
