/**
 * Column letters as Excel names them, past Z: the one helper the host layer and the tests use
 * (src/excel/a1.ts). Letter sums like String.fromCharCode(65 + i) give "[" for the 27th column.
 */
import { describe, expect, it } from "vitest";
import { columnIndex, columnLetters, parseRangeAddress } from "../../src/excel/a1";

describe("column letters", () => {
  it("A…Z, then AA, AZ, BA, ZZ, AAA and Excel's last column XFD, both ways", () => {
    const cases: Array<[number, string]> = [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [51, "AZ"],
      [52, "BA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16383, "XFD"],
    ];
    for (const [index, letters] of cases) {
      expect(columnLetters(index), String(index)).toBe(letters);
      expect(columnIndex(letters), letters).toBe(index);
      expect(columnIndex(letters.toLowerCase()), letters).toBe(index);
    }
    for (let i = 0; i < 20000; i += 7) expect(columnIndex(columnLetters(i))).toBe(i);
  });

  it("an address past Z splits into its first row and column", () => {
    expect(parseRangeAddress("'Plan indicators'!AB6:AF16")).toMatchObject({
      sheetName: "Plan indicators",
      firstRow: 6,
      firstColumn: 27,
    });
  });
});
