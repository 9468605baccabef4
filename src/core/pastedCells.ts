/**
 * Cells of a table pasted into Excel, as the table printed them. Excel stores a typed or pasted
 * "7%" as the number 0.07 with a percent format (Range.values gives 0.07, Range.numberFormat "0%"),
 * but the published table meant "7%": a 年均增长 of 7, not 0.07. Reading the number back with its
 * percent sign gives the table parser what was printed. Other cells pass through unchanged (their
 * values, not their shown text, which can be "####" in a narrow column or rounded by the format).
 */

/** Whether an Excel number format shows the value as a percentage (a % outside quotes and escapes). */
export function isPercentFormat(format: string): boolean {
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "\\") i++;
    else if (ch === "[") {
      const end = format.indexOf("]", i);
      i = end === -1 ? format.length : end; // [Red], [>=100], [$-804]: not digits
    } else if (ch === "%") return true;
  }
  return false;
}

/** The number as it reads in percent (0.07 → "7%", 0.0725 → "7.25%"), without float noise. */
function percentText(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}

/** The pasted table's cells, percent-formatted numbers read as the percentages they show. */
export function asPrinted(
  values: readonly (readonly unknown[])[],
  formats: readonly (readonly unknown[])[],
): unknown[][] {
  return values.map((row, r) =>
    row.map((value, c) => {
      const format = formats[r]?.[c];
      return typeof value === "number" && typeof format === "string" && isPercentFormat(format)
        ? percentText(value)
        : value;
    }),
  );
}
