/**
 * Units in English, as an English reader of a Chinese plan expects them: money with its currency code first and
 * the magnitude after it (亿元 → "CNY 100 million", the way official English versions and the IMF write it, not
 * "100 million yuan"), other measures by their usual English names. A unit not in the table stays as printed:
 * a Chinese unit is better than a wrong English one. Used where a plan's English unit is made (plan table import)
 * and checked against the seed plan's own English units by tests/core/unitWords.test.ts.
 */

/** Whole units, as printed in Chinese plan tables (after removing spaces). */
const UNITS: Readonly<Record<string, string>> = {
  "%": "%",
  "‰": "‰",
  元: "CNY",
  万元: "CNY 10,000",
  亿元: "CNY 100 million",
  万亿元: "CNY trillion",
  美元: "USD",
  亿美元: "USD 100 million",
  人: "persons",
  万人: "10,000 persons",
  人次: "person-times",
  万人次: "10,000 person-times",
  岁: "years",
  年: "years",
  吨: "tonnes",
  万吨: "10,000 tonnes",
  亿吨: "100 million tonnes",
  公里: "km",
  千米: "km",
  万公里: "10,000 km",
  平方公里: "km²",
  平方米: "m²",
  立方米: "m³",
  亿立方米: "100 million m³",
  千瓦: "kW",
  万千瓦: "10,000 kW",
  亿千瓦: "100 million kW",
  千瓦时: "kWh",
  亿千瓦时: "100 million kWh",
  个百分点: "percentage points",
  百分点: "percentage points",
  倍: "times",
  位: "rank",
};

/** Denominators of a per-unit ratio (万元/人 → "CNY 10,000 per person"). */
const PER: Readonly<Record<string, string>> = {
  人: "person",
  万人: "10,000 persons",
  户: "household",
  吨: "tonne",
  年: "year",
  平方米: "m²",
  亩: "mu",
  元: "CNY",
  万元: "CNY 10,000",
};

/** The English for a unit printed in Chinese; the unit as printed when the table does not know it. */
export function englishUnit(zh: string): string {
  const compact = zh.normalize("NFKC").replace(/\s+/g, "");
  const whole = UNITS[compact];
  if (whole !== undefined) return whole;
  const ratio = /^([^/]+)\/([^/]+)$/.exec(compact);
  if (ratio) {
    const top = UNITS[ratio[1]!];
    const bottom = PER[ratio[2]!];
    if (top !== undefined && bottom !== undefined) return `${top} per ${bottom}`;
  }
  return zh;
}
