/**
 * decodeText: a plan file's bytes → text, whatever encoding planning staff's Notepad used, and a refusal
 * (never mojibake) when it cannot be told.
 *
 * The fixtures in fixtures/encodings/ were made from the UTF-8 originals (*.utf-8.txt) by glibc's iconv
 * (`iconv -f UTF-8 -t GBK|GB18030|UTF-16LE|UTF-16BE|BIG5|SHIFT_JIS`) and printf for the BOMs — an encoder
 * independent of the TextDecoder under test; fixtures/encodings/make-fixtures.sh regenerates them. The byte
 * checks below pin a few of their bytes to the values in the GB2312/GB18030 code charts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeText, type DecodedText } from "../../src/core/textDecoding";
import { tt } from "../../src/taskpane/app/travel/travelStrings";

const dir = join(__dirname, "fixtures/encodings");
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(dir, file)));
const textOf = (file: string) => readFileSync(join(dir, file), "utf8");
const hex = (s: string) => new Uint8Array(s.match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16)));

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function refusal(r: DecodedText) {
  if (r.ok) throw new Error(`expected a refusal, got ${r.encoding}: ${JSON.stringify(r.text.slice(0, 40))}`);
  return r;
}

const planText = textOf("plan.utf-8.txt");
const gb18030Text = textOf("plan-gb18030.utf-8.txt");

// Independent encoders for the properties: node's Buffer (UTF-8 and UTF-16LE), BE by swapping.
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, "utf16le"));
const utf16be = (s: string) => utf16le(s).map((_, i, a) => a[i % 2 === 0 ? i + 1 : i - 1]!);
const withPrefix = (prefix: number[], body: Uint8Array) => new Uint8Array([...prefix, ...body]);

describe("decodeText: the fixtures", () => {
  it("the originals carry the plan text the encodings must survive", () => {
    for (const marker of [
      "规上工业企业研发经费投入强度",
      "〔13.5〕",
      "≥",
      "张掖市",
      "“十四五”",
      "（",
      "：",
      "，",
      "\r\n",
    ]) {
      expect(planText).toContain(marker);
    }
    for (const marker of ["𠀀", "€", "¥", "规上工业企业研发经费投入强度"]) expect(gb18030Text).toContain(marker);
  });

  it("the fixtures hold the bytes the code charts give (so the encoder is not the decoder under test)", () => {
    const gbk = bytesOf("plan.gbk.txt");
    expect(contains(gbk, hex("d5c5 d2b4 cad0"))).toBe(true); // 张掖市
    expect(contains(gbk, hex("a1dd"))).toBe(true); // ≥
    expect(contains(gbk, hex("a1b2 3133 2e35 a1b3"))).toBe(true); // 〔13.5〕
    const gb18030 = bytesOf("plan-gb18030.gb18030.txt");
    expect(contains(gb18030, hex("95328236"))).toBe(true); // 𠀀 U+20000, a four-byte sequence
    expect(contains(gb18030, hex("81308436"))).toBe(true); // ¥ U+00A5, a four-byte sequence
    expect(contains(gb18030, hex("a2e3"))).toBe(true); // €
    expect([...bytesOf("plan.utf-8-bom.txt").subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x7b]);
    expect([...bytesOf("plan.utf-16le-bom.txt").subarray(0, 4)]).toEqual([0xff, 0xfe, 0x7b, 0x00]);
    expect([...bytesOf("plan.utf-16be-bom.txt").subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x7b]);
    expect([...bytesOf("plan.utf-16le.txt").subarray(0, 2)]).toEqual([0x7b, 0x00]);
    expect([...bytesOf("plan.utf-16be.txt").subarray(0, 2)]).toEqual([0x00, 0x7b]);
  });

  it.each([
    ["plan.utf-8.txt", planText, "utf-8"],
    ["plan.utf-8-bom.txt", planText, "utf-8-bom"],
    ["plan.utf-16le-bom.txt", planText, "utf-16le"],
    ["plan.utf-16be-bom.txt", planText, "utf-16be"],
    ["plan.utf-16le.txt", planText, "utf-16le"],
    ["plan.utf-16be.txt", planText, "utf-16be"],
    ["plan-gb18030.utf-8.txt", gb18030Text, "utf-8"],
    ["plan-traditional.utf-8.txt", textOf("plan-traditional.utf-8.txt"), "utf-8"],
    ["plan-japanese.utf-8.txt", textOf("plan-japanese.utf-8.txt"), "utf-8"],
  ] as const)("reads %s exactly as the original, without a note", (file, original, encoding) => {
    const r = decodeText(bytesOf(file));
    expect(r).toEqual({ ok: true, text: original, encoding });
  });

  it.each([
    ["plan.gbk.txt", planText],
    ["plan-gb18030.gb18030.txt", gb18030Text],
  ])("reads %s (Notepad's ANSI) exactly as the original, and says it was read as GBK/GB18030", (file, original) => {
    const r = decodeText(bytesOf(file));
    expect(r.ok && r.text).toBe(original);
    expect(r.ok && r.encoding).toBe("gb18030");
    expect(r.ok && r.note?.zh).toMatch(/GBK\/GB18030/);
    expect(r.ok && r.note?.en).toMatch(/read as ANSI \(GBK\/GB18030\)/);
  });

  it("reads the 3755 common GB2312 hanzi, as one GBK file, exactly as glibc does", () => {
    const lines = bytesOf("gb2312-hanzi.gb2312.txt");
    const level1 = lines.subarray(0, 3755 * 3); // two bytes and a newline per hanzi
    const expected = textOf("gb2312-hanzi.utf-8.txt").split("\n").slice(0, 3755).join("\n") + "\n";
    expect(decodeText(level1)).toMatchObject({ ok: true, text: expected, encoding: "gb18030" });
  });
});

describe("decodeText: what it refuses, and what it tells staff to do", () => {
  it.each(["plan-traditional.big5.txt", "plan-japanese.shift-jis.txt"])(
    "refuses %s instead of reading it as GBK, and says to save it as UTF-8",
    (file) => {
      // Precondition that makes this a real test: the GB18030 decoder itself accepts these bytes.
      expect(() => new TextDecoder("gb18030", { fatal: true }).decode(bytesOf(file))).not.toThrow();
      const r = refusal(decodeText(bytesOf(file)));
      expect(r.reason).toBe("unknownEncoding");
      expect(r.message.zh).toContain("另存为");
      expect(r.message.zh).toContain("“UTF-8”");
      expect(r.message.en).toContain("Save As");
      expect(r.message.en).toContain("“UTF-8”");
    },
  );

  it("refuses an Excel workbook picked by mistake and names the pane's button for tables", () => {
    for (const bytes of [bytesOf("workbook.xlsx"), hex("d0cf11e0a1b11ae1 0000")]) {
      const r = refusal(decodeText(bytes));
      expect(r.reason).toBe("workbook");
      expect(r.message.zh).toContain(`“${tt("zh", "importFromSelection")}”`);
      expect(r.message.en).toContain(`“${tt("en", "importFromSelection")}”`);
      expect(r.message.zh).toContain("不是规划文件");
    }
  });

  it("refuses random binary data", () => {
    expect(refusal(decodeText(bytesOf("random.bin"))).reason).toBe("binary");
    expect(refusal(decodeText(utf8("formatVersion\u0001\u0002"))).reason).toBe("binary");
    expect(refusal(decodeText(hex("7b 22 61 22 3a 00 00 00 00 00 31 7d 0d"))).reason).toBe("binary");
  });

  it("refuses random bytes that are all valid GB18030, which validity alone cannot tell from text", () => {
    const gbBytes = fc.array(fc.integer({ min: 0x81, max: 0xfe }), { minLength: 100, maxLength: 400 }).map((a) => {
      const even = a.length % 2 === 0 ? a : a.slice(1);
      return new Uint8Array(even);
    });
    fc.assert(
      fc.property(gbBytes, (bytes) => {
        expect(() => new TextDecoder("gb18030", { fatal: true }).decode(bytes)).not.toThrow();
        expect(decodeText(bytes).ok).toBe(false);
      }),
    );
  });

  it("refuses a file whose byte-order mark does not match its content", () => {
    const gbkAfterUtf8Bom = withPrefix([0xef, 0xbb, 0xbf], hex("d5c5 d2b4 cad0"));
    expect(refusal(decodeText(gbkAfterUtf8Bom)).reason).toBe("damaged");
    expect(refusal(decodeText(hex("fffe 7b00 22"))).reason).toBe("damaged"); // UTF-16 cut mid-character
    expect(refusal(decodeText(hex("fffe 00d8 4100"))).reason).toBe("damaged"); // a lone surrogate
  });

  describe("when the runtime has no GB18030 decoder", () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it("refuses a GBK file with its own message instead of guessing, and still reads UTF-8", () => {
      const Real = TextDecoder;
      vi.stubGlobal(
        "TextDecoder",
        class extends Real {
          constructor(label?: string, options?: TextDecoderOptions) {
            if (label && /gb/i.test(label)) throw new RangeError(`The "${label}" encoding is not supported`);
            super(label, options);
          }
        },
      );
      const r = refusal(decodeText(bytesOf("plan.gbk.txt")));
      expect(r.reason).toBe("decoderUnavailable");
      expect(r.message.zh).toContain("“UTF-8”");
      expect(decodeText(bytesOf("plan.utf-8.txt"))).toEqual({ ok: true, text: planText, encoding: "utf-8" });
      expect(decodeText(hex("cebb"))).toEqual({ ok: true, text: "λ", encoding: "utf-8" });
    });
  });
});

describe("decodeText: short text that is valid GBK and valid UTF-8 at once", () => {
  it("位 in GBK (CE BB) is also UTF-8 “λ”: read as 位, with the note", () => {
    expect(decodeText(hex("cebb"))).toMatchObject({ ok: true, text: "位", encoding: "gb18030" });
    expect(decodeText(hex("cebb"))).toHaveProperty("note");
    expect(decodeText(hex("cbae 2c 31 0d 0a"))).toMatchObject({ ok: true, text: "水,1\r\n", encoding: "gb18030" });
  });

  it("你好 in UTF-8 (E4 BD A0 E5 A5 BD) is also GB18030 “浣犲ソ”: read as 你好", () => {
    expect(new TextDecoder("gb18030", { fatal: true }).decode(hex("e4bda0 e5a5bd"))).toBe("浣犲ソ");
    expect(decodeText(hex("e4bda0 e5a5bd"))).toEqual({ ok: true, text: "你好", encoding: "utf-8" });
  });

  it("茅 in GBK (C3 A9) is also UTF-8 “é”, both plausible: refused, asking for UTF-8 with BOM", () => {
    for (const bytes of [hex("c3a9"), utf8("café"), utf8("10 °C")]) {
      const r = refusal(decodeText(bytes));
      expect(r.reason).toBe("ambiguous");
      expect(r.message.zh).toContain("“带有 BOM 的 UTF-8”");
      expect(r.message.en).toContain("“UTF-8 with BOM”");
    }
    expect(decodeText(withPrefix([0xef, 0xbb, 0xbf], utf8("café")))).toEqual({
      ok: true,
      text: "café",
      encoding: "utf-8-bom",
    });
  });

  it("洹板“ in GBK is also UTF-8 “䡰塰”, neither of them common text: refused", () => {
    expect(new TextDecoder("utf-8", { fatal: true }).decode(hex("e4a1b0 e5a1b0"))).toBe("䡰塰");
    expect(refusal(decodeText(hex("e4a1 b0e5 a1b0"))).reason).toBe("ambiguous");
  });

  it("every GB2312 hanzi alone in a GBK file is read right or refused, never read as something else", () => {
    const bytes = bytesOf("gb2312-hanzi.gb2312.txt");
    const expected = textOf("gb2312-hanzi.utf-8.txt").split("\n").slice(0, -1);
    expect(expected).toHaveLength(6763);
    const right: number[] = [];
    const refusedLevel1: number[] = [];
    expected.forEach((hanzi, i) => {
      const cell = bytes.subarray(3 * i, 3 * i + 2);
      const r = decodeText(cell);
      if (r.ok) {
        expect({ i, text: r.text, encoding: r.encoding }).toEqual({ i, text: hanzi, encoding: "gb18030" });
        right.push(i);
      } else if (i < 3755) refusedLevel1.push(cell[0]!);
    });
    // The 3755 level-1 hanzi are read, except the 62 whose two bytes are also UTF-8 for a Latin-1
    // letter or sign (C2/C3 xx: 茅 = é, 路 = ·), which are refused as ambiguous. A level-2 hanzi alone
    // is too little to go on and is refused.
    expect(refusedLevel1).toHaveLength(62);
    expect(new Set(refusedLevel1)).toEqual(new Set([0xc2, 0xc3]));
    expect(right).toHaveLength(3755 - 62);
    expect(right.every((i) => i < 3755)).toBe(true);
  });
});

describe("decodeText: UTF-16 without a byte-order mark", () => {
  it("reads CJK whose code units put NULs on the other side (一 is U+4E00) in the right byte order", () => {
    const text = "一丁七万丈三上下";
    expect(decodeText(utf16le(text))).toEqual({ ok: true, text, encoding: "utf-16le" });
    expect(decodeText(utf16be(text))).toEqual({ ok: true, text, encoding: "utf-16be" });
  });
});

// ---- properties ---------------------------------------------------------------------------------

const level1Hanzi = textOf("gb2312-hanzi.utf-8.txt").split("\n").slice(0, 3755);
const chinesePunctuation = [..."，。、；：？！“”‘’（）〔〕《》【】—…≥≤％＋－"];
const asciiText = fc.constantFrom(
  ..."\t\r\n !\"#%&'()*+,-./0123456789:;<>=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz{}~",
);

/** What a Chinese plan is written in: ASCII, the common hanzi, Chinese punctuation. */
const chinesePlanText = fc
  .array(fc.oneof(asciiText, fc.constantFrom(...level1Hanzi), fc.constantFrom(...chinesePunctuation)), {
    maxLength: 60,
  })
  .map((a) => a.join(""));

/** Any text: every code point but the control characters a text file never holds (and U+FFFE/U+FFFF). */
const anyCodePoint = fc
  .oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0xa0, max: 0xd7ff }),
    fc.integer({ min: 0x4e00, max: 0x9fff }),
    fc.integer({ min: 0xe000, max: 0xfffd }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
    fc.constantFrom(0x09, 0x0a, 0x0d),
  )
  .map((cp) => String.fromCodePoint(cp));
const anyText = fc.array(anyCodePoint, { maxLength: 40 }).map((a) => a.join(""));

describe("decodeText: properties", () => {
  it("any text round-trips through UTF-8 with BOM, UTF-16LE with BOM and UTF-16BE with BOM", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(decodeText(withPrefix([0xef, 0xbb, 0xbf], utf8(text)))).toEqual({
          ok: true,
          text,
          encoding: "utf-8-bom",
        });
        expect(decodeText(withPrefix([0xff, 0xfe], utf16le(text)))).toEqual({ ok: true, text, encoding: "utf-16le" });
        expect(decodeText(withPrefix([0xfe, 0xff], utf16be(text)))).toEqual({ ok: true, text, encoding: "utf-16be" });
      }),
      { numRuns: 500 },
    );
  });

  it("Chinese plan text round-trips through UTF-8 without BOM", () => {
    fc.assert(
      fc.property(chinesePlanText, (text) => {
        expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: "utf-8" });
      }),
      { numRuns: 2000 },
    );
  });

  it("any text in UTF-8 without BOM is read exactly, or refused, or read as GB18030 with the note: never silently changed", () => {
    fc.assert(
      fc.property(
        anyText.filter((t) => !t.startsWith("\uFEFF")), // a leading U+FEFF is a BOM by definition
        (text) => {
          const r = decodeText(utf8(text));
          if (r.ok && r.text !== text) {
            expect(r.encoding).toBe("gb18030");
            expect(r.note).toBeDefined();
          }
          if (r.ok && r.encoding !== "gb18030") expect(r).toEqual({ ok: true, text, encoding: "utf-8" });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a plan-like JSON file round-trips through UTF-16LE and UTF-16BE without BOM", () => {
    const record = fc.record({ name: chinesePlanText, unit: chinesePlanText, value: fc.double({ noNaN: true }) });
    fc.assert(
      fc.property(record, (r) => {
        const text = JSON.stringify(r, null, 2);
        expect(decodeText(utf16le(text))).toEqual({ ok: true, text, encoding: "utf-16le" });
        expect(decodeText(utf16be(text))).toEqual({ ok: true, text, encoding: "utf-16be" });
      }),
      { numRuns: 500 },
    );
  });
});
