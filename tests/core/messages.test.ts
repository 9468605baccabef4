import { describe, expect, it } from "vitest";
import {
  catalogue,
  countOf,
  fillTemplate,
  formatNumber,
  langFromLocale,
  message,
  type MessageCode,
} from "../../src/core/messages";

describe("message catalogue", () => {
  it("every code has a Chinese and an English sentence, with the same placeholders", () => {
    for (const [code, entry] of Object.entries(catalogue)) {
      expect(entry.zh.trim(), code).not.toBe("");
      expect(entry.en.trim(), code).not.toBe("");
      const names = (s: string) => [...s.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]).sort();
      expect(names(entry.zh), code).toEqual(names(entry.en));
    }
  });
  it("Chinese messages are written in Chinese", () => {
    for (const [code, entry] of Object.entries(catalogue)) {
      if (code.startsWith("status.") || code.startsWith("fix.") || /\p{Script=Han}/u.test(entry.zh)) continue;
      throw new Error(`${code} has no Chinese text`);
    }
  });
  it("fills placeholders, formats numbers without float noise, leaves unknown ones", () => {
    expect(message("parse.notANumber", "zh", { text: "abc" })).toBe("“abc”不是数字。");
    expect(message("validate.percentOutOfRange", "en", { value: 0.1 + 0.2 })).toBe(
      "A percentage must be between 0 and 100; found 0.3.",
    );
    expect(message("parse.notANumber" as MessageCode, "en")).toBe("“{text}” is not a number.");
  });
  it("formatNumber keeps whole numbers and rounds to 4 decimals", () => {
    expect(formatNumber(116)).toBe("116");
    expect(formatNumber(0.0147)).toBe("0.0147");
    expect(formatNumber(2.85885426)).toBe("2.8589");
  });
  it("langFromLocale: any Chinese locale is zh, everything else en", () => {
    expect(["zh-CN", "zh-TW", "zh", "ZH-cn", "zh_Hans"].map(langFromLocale)).toEqual(["zh", "zh", "zh", "zh", "zh"]);
    expect(["en-US", "fr-FR", "", null, undefined, "zhx"].map(langFromLocale)).toEqual([
      "en",
      "en",
      "en",
      "en",
      "en",
      "en",
    ]);
  });
});

describe("fillTemplate (every message table fills through it)", () => {
  it("writes numbers as formatNumber does and leaves a placeholder without an argument as it is", () => {
    expect(fillTemplate("{a} / {b} / {c}", { a: 0.123456789, b: "二" })).toBe("0.1235 / 二 / {c}");
    expect(fillTemplate("no args {x}")).toBe("no args {x}");
  });
  it("{n|one|many} writes the count with its noun in the right number: 1 warning, 2 warnings, 0 warnings", () => {
    const t = "{n|warning|warnings}";
    expect([1, 2, 0, 1.5].map((n) => fillTemplate(t, { n }))).toEqual([
      "1 warning",
      "2 warnings",
      "0 warnings",
      "1.5 warnings",
    ]);
    expect(fillTemplate(t, { n: "1" })).toBe("1 warning");
    expect(fillTemplate(t, {})).toBe(t);
    expect(countOf(1, "figure", "figures")).toBe("1 figure");
  });
});
