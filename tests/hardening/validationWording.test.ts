/**
 * Validation wording that fits the input (issue #13 item 8). A figure typed as 约38 is "not a number: remove 约
 * and write the figure alone", never "cannot be negative"; ３．１％ is read as 3.1 and the warning names the
 * full-width characters, never "must be 0–100". Excel's data-validation alert is one fixed text whatever was
 * typed, so it says first to write the figure alone, half-width, then the range.
 */
import { describe, expect, it } from "vitest";
import { message } from "../../src/core/messages";
import { parseUserNumber } from "../../src/core/numberParsing";
import type { Indicator } from "../../src/core/planSchema";
import { seedPlan } from "../../src/core/seedPlan";
import { validateEntry } from "../../src/core/validation";
import { manualStatusRule, yearCellRule } from "../../src/excel/inputValidation";

const byId = (id: string) => seedPlan.indicators.find((i) => i.id === id)!;
/** One indicator of each kind that gets a rule: percent, count, rank, amount (亿元). */
const KINDS = ["RD_INTENSITY", "HIGH_TECH_ENTERPRISES", "TECH_PROGRESS_RANK", "TECH_CONTRACT_TURNOVER"].map(byId);
/** A cumulative (〔〕) reduction target: its year cells take that year's rate. */
const CUMULATIVE: Indicator = {
  ...byId("RD_INTENSITY"),
  id: "ENERGY_INTENSITY_DOWN",
  figures: "change",
  target: { kind: "cumulative", mode: "reduction", value: 13.5 } as Indicator["target"],
};
/** Words that claim a range when the entry was not a number at all. */
const RANGE_ONLY =
  /负数|negative|0 到 100|0–100|between 0 and 100|不小于 0 的整数，现为|whole number of 0 or more; found/;

describe("a hedged figure (约38, 38左右, 超过38, ≥5.5) is not a number, and the message says what to write", () => {
  it.each(["约38", "38左右", "约 38 左右", "超过38", "38以上", "≥38", "~38", "38多"])("%s", (typed) => {
    for (const ind of KINDS) {
      const { value, findings } = validateEntry(seedPlan, ind, 2023, typed);
      expect(value, `${ind.id} ${typed}`).toBeNull();
      expect(findings, `${ind.id} ${typed}`).toHaveLength(1);
      const f = findings[0]!;
      expect(f).toMatchObject({ severity: "error", code: "parse.approximate", field: "actual", year: 2023 });
      expect(f.message.zh).toContain(`“${typed}”不是数字`);
      expect(f.message.zh).toMatch(/请去掉“[^”]+”/);
      expect(f.message.zh).toContain("只填写数字本身（38）");
      expect(f.message.en).toContain(`“${typed}” is not a number: remove`);
      expect(f.message.en).toContain("write the figure alone (38)");
      expect(f.message.zh + f.message.en).not.toMatch(RANGE_ONLY);
    }
  });

  it("names the word to remove: 约, and 约 with 左右", () => {
    expect(message("parse.approximate", "en", { text: "约38", ...argsOf("约38") })).toBe(
      "“约38” is not a number: remove “约” and write the figure alone (38); note an approximate figure or a bound in the Note column.",
    );
    expect(argsOf("约 38 左右")).toEqual({ text: "约 38 左右", words: "约”“左右", figure: "38" });
  });

  it("leaves other text to the messages it had: 12万 is a multiplier, 约 alone and 约x are not numbers", () => {
    expect(parseUserNumber("12万")).toMatchObject({ code: "parse.chineseMultiplier" });
    expect(parseUserNumber("约")).toMatchObject({ code: "parse.notANumber" });
    expect(parseUserNumber("约x")).toMatchObject({ code: "parse.notANumber" });
    expect(parseUserNumber("116家", { unit: "家" })).toMatchObject({ ok: true, value: 116 });
  });
});

function argsOf(text: string): Record<string, string | number> {
  const parsed = parseUserNumber(text);
  if (parsed.ok) throw new Error(`${text} was read`);
  return parsed.args ?? {};
}

describe("３．１％ is full-width characters, not a figure out of range", () => {
  it("in a percent indicator: read as 3.1, one warning naming the full-width characters and the % sign", () => {
    const { value, findings } = validateEntry(seedPlan, byId("RD_INTENSITY"), 2023, "３．１％");
    expect(value).toBe(3.1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", code: "validate.normalised", fix: { value: 3.1 } });
    expect(findings[0]!.message.zh).toContain("全角字符");
    expect(findings[0]!.message.en).toContain("full-width characters");
    expect(findings[0]!.message.zh + findings[0]!.message.en).not.toMatch(RANGE_ONLY);
  });
});

describe("Excel's data-validation alerts and prompts", () => {
  const rules = (lang: "zh" | "en") => [...KINDS, CUMULATIVE].map((ind) => [ind.id, yearCellRule(ind, lang)!] as const);

  it("every alert says to write the figure alone, without 约, in half-width characters, before any range", () => {
    for (const [id, rule] of rules("zh")) {
      const alert = rule.alert.message;
      expect(alert, id).toMatch(/^请只填写/);
      expect(alert, id).toContain("“约”");
      expect(alert, id).toContain("全角");
      expect(alert, id).not.toMatch(/^(数值不能为负数|百分比应在|个数应为|位次应为|年度变化率应在)/);
    }
    for (const [id, rule] of rules("en")) {
      const alert = rule.alert.message;
      expect(alert, id).toMatch(/^Enter the (figure|percentage|place) alone|^Enter a whole number of 0 or more alone/);
      expect(alert, id).toContain("约");
      expect(alert, id).toMatch(/half-width/);
      expect(alert, id).not.toMatch(/cannot be negative|should be between/);
    }
  });

  it("fits Excel's limits: title 32, alert 225, input message 255 characters (the seed's every indicator, both languages)", () => {
    for (const lang of ["zh", "en"] as const) {
      const all = [...seedPlan.indicators, CUMULATIVE].map((ind) => yearCellRule(ind, lang));
      for (const rule of [...all, manualStatusRule(lang)]) {
        if (!rule) continue;
        expect(rule.prompt.title.length, rule.prompt.title).toBeLessThanOrEqual(32);
        expect(rule.alert.title.length, rule.alert.title).toBeLessThanOrEqual(32);
        expect(rule.prompt.message.length, rule.prompt.message).toBeLessThanOrEqual(255);
        expect(rule.alert.message.length, rule.alert.message).toBeLessThanOrEqual(225);
      }
    }
  });
});
