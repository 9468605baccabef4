/** The hostile-input table through parseUserNumber, in a plain, a percent and a unit (家) context. */
import { describe, expect, it } from "vitest";
import { isMessageCode, message } from "../../src/core/messages";
import { parseUserNumber, type ParseOptions } from "../../src/core/numberParsing";
import { HOSTILE_INPUTS, hasChinese, isReadableMessage, type Expectation } from "./hostileInputs";

const CONTEXTS: Array<{ name: "plain" | "percent" | "unit"; opts: ParseOptions }> = [
  { name: "plain", opts: {} },
  { name: "percent", opts: { percent: true, unit: "%" } },
  { name: "unit", opts: { unit: "家" } },
];

describe.each(CONTEXTS)("parseUserNumber, $name context", ({ name, opts }) => {
  it.each(HOSTILE_INPUTS.map((h) => [h.label, h] as const))("%s", (_label, h) => {
    const expected: Expectation = h[name] ?? h.plain;
    const parsed = parseUserNumber(h.value, opts);
    if ("value" in expected) {
      expect(parsed).toMatchObject({ ok: true });
      if (!parsed.ok) return;
      expect(parsed.value).toBeCloseTo(expected.value, 12);
      expect(Number.isFinite(parsed.value)).toBe(true);
      expect(Object.is(parsed.value, -0)).toBe(false);
    } else {
      expect(parsed).toMatchObject({ ok: false, reason: expected.refused });
      if (parsed.ok) return;
      expect(isMessageCode(parsed.code)).toBe(true);
      const zh = message(parsed.code, "zh", parsed.args);
      const en = message(parsed.code, "en", parsed.args);
      expect(isReadableMessage(zh), zh.slice(0, 200)).toBe(true);
      expect(isReadableMessage(en), en.slice(0, 200)).toBe(true);
      expect(hasChinese(zh)).toBe(true);
      expect(zh).not.toBe(en);
    }
  });
});

describe("parseUserNumber never throws on hostile objects", () => {
  it("a value whose getters or toString throw", () => {
    const trap = {
      get error(): string {
        throw new Error("getter");
      },
      toString(): string {
        throw new Error("toString");
      },
    };
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error("proxy");
        },
      },
    );
    for (const value of [trap, proxy, Symbol("s"), () => 1, 10n ** 400n]) {
      const parsed = parseUserNumber(value);
      expect(parsed.ok).toBe(false);
    }
  });
});
