/**
 * Displayed text under number formats (Range.text).
 * Docs: https://support.microsoft.com/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5
 */
import { describe, expect, it } from "vitest";
import { formatValue } from "../../dev/standin/numberFormat";

describe("formatValue", () => {
  it.each([
    [0.041423126681, "General", "0.041423127"],
    [1234567, "General", "1234567"],
    [123456789012, "General", "1.23457E+11"],
    [-2.5, "General", "-2.5"],
    [2.345, "0.00", "2.35"],
    [-2.345, "0.00", "-2.35"],
    [1.005, "0.00", "1.01"],
    [7, "0", "7"],
    [1234567.891, "#,##0", "1,234,568"],
    [1234.5, "#,##0.00", "1,234.50"],
    [0.0414, "0.0%", "4.1%"],
    [0.0414231, "0.00%", "4.14%"],
    [1.47, '0.00"%"', "1.47%"],
    [12, '0"个"', "12个"],
    [-3, "0.00;[Red]-0.00", "-3.00"],
    [-3, "0.00;(0.00)", "(3.00)"],
    [0, '0.00;-0.00;"—"', "—"],
  ])("%s under %s shows %s", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  it("text, blanks, booleans and errors", () => {
    expect(formatValue("滞后", "0.00")).toBe("滞后");
    expect(formatValue("x", '@" km"')).toBe("x km");
    expect(formatValue("", "0.00%")).toBe("");
    expect(formatValue(true, "General")).toBe("TRUE");
    expect(formatValue(5, "@")).toBe("5");
  });
});
