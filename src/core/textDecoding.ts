/**
 * A chosen plan file's bytes → its text, in whatever encoding planning staff's Notepad wrote it:
 * UTF-8 (with or without BOM), UTF-16 (“Unicode”, with or without BOM) or GBK/GB18030 (“ANSI” on
 * Chinese Windows). When the encoding cannot be told with confidence the file is refused with a
 * message saying what to do, so garbled text (mojibake) is never imported without a word.
 *
 * Detection order:
 *  1. Excel workbooks (ZIP “PK\x03\x04”, or the older OLE .xls header) → refused: not a plan file.
 *  2. A BOM decides: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE (content must be valid).
 *  3. No BOM, NUL bytes mostly in one parity → UTF-16 without BOM (NUL in odd places → LE; the
 *     byte order whose reading looks more like text wins, and it must look like text).
 *  4. Any other NUL byte → refused: not a text file.
 *  5. Strict UTF-8. Pure ASCII, or bytes the GB18030 decoder rejects (any real UTF-8 plan: one run
 *     of an odd number of 3-byte characters is enough) → UTF-8. Short GBK text can be valid UTF-8
 *     too (18% of single common hanzi, 3% of pairs, 0.5% of triples; 茅 is C3 A9, UTF-8 “é”; 位 is
 *     CE BB, UTF-8 “λ”), so when both decoders accept the bytes, the reading that looks like text
 *     (chineseScore ≥ 0.9) is taken only if the other does not: “λ” → 位 (with the note), “你好”
 *     stays UTF-8 rather than “浣犲ソ”; “é” against 茅, both plausible → refused as ambiguous, as is
 *     a reading neither way (saving as “UTF-8 with BOM” removes the doubt).
 *  6. Strict GB18030 (a superset of GBK and GB2312), accepted only when the text looks like
 *     Chinese: no control characters or U+FFFD, and the non-ASCII characters mostly common
 *     hanzi and Chinese punctuation (chineseScore ≥ 0.8), with a note to the user. Big5,
 *     Shift-JIS, random bytes … score far lower and are refused. (Korean EUC-KR Hangul lands on
 *     common hanzi cells and cannot be told from GBK by its characters: it would read as
 *     nonsense hanzi, with the note.)
 *
 * Pure: only the TextDecoder global (Encoding Standard; in node, browsers and Office's web views).
 * How common a character is comes from the GB2312 layout itself (level-1 hanzi are the 3755 most
 * used ones), read through the same GB18030 decoder: no table is vendored.
 */

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** Why a file was refused; the message says it in staff's words. */
export type DecodeRefusalReason =
  "workbook" | "binary" | "damaged" | "unknownEncoding" | "ambiguous" | "decoderUnavailable";

type Bilingual = { zh: string; en: string };

export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; note?: Bilingual }
  | { ok: false; reason: DecodeRefusalReason; message: Bilingual };

const SAVE_AS_UTF8_ZH = "请用记事本打开该文件，点击“文件”→“另存为”，在“编码”中选择“UTF-8”，保存后重新导入。";
const SAVE_AS_UTF8_EN =
  "Open the file in Notepad, choose File → Save As, set Encoding to “UTF-8”, save, and import it again.";

const MESSAGES: Record<DecodeRefusalReason, Bilingual> = {
  workbook: {
    zh: "这个文件是 Excel 工作簿（或其他压缩包、Office 文件），不是规划文件。请在 Excel 中打开它，选中指标表格，再点击“从所选表格生成规划”。",
    en: "This file is an Excel workbook (or another zip or Office file), not a plan file. Open it in Excel, select the indicator table and use “Build plan from selected table”.",
  },
  binary: {
    zh: "这个文件不是文本文件（含有二进制内容），不能作为规划文件读取。请选择导出的 .json 规划文件；如果是表格，请在 Excel 中打开后使用“从所选表格生成规划”。",
    en: "This file is not a text file (it contains binary data), so it cannot be read as a plan file. Choose an exported .json plan file; for a table, open it in Excel and use “Build plan from selected table”.",
  },
  damaged: {
    zh: `文件开头标明了编码（BOM），但内容不符合该编码，文件可能已损坏或不完整，未导入。${SAVE_AS_UTF8_ZH}`,
    en: `The file starts with an encoding mark (BOM) but its content does not match that encoding; it may be damaged or cut short, so nothing was imported. ${SAVE_AS_UTF8_EN}`,
  },
  unknownEncoding: {
    zh: `无法识别这个文件的文字编码（可能是繁体 Big5、日文 Shift-JIS 等编码，或文件已损坏）。为避免出现乱码，未导入。${SAVE_AS_UTF8_ZH}`,
    en: `The file's text encoding could not be recognised (it may be Big5, Shift-JIS or another encoding, or the file is damaged). Nothing was imported, to avoid garbled text. ${SAVE_AS_UTF8_EN}`,
  },
  ambiguous: {
    zh: "无法确定这个文件是 UTF-8 还是 ANSI（GBK）编码（文件中的文字太少或不常见，两种读法都有可能），为避免出现乱码，未导入。请用记事本打开该文件，确认文字显示正确后，点击“文件”→“另存为”，在“编码”中选择“带有 BOM 的 UTF-8”，保存后重新导入。",
    en: "It cannot be told whether this file is UTF-8 or ANSI (GBK): it has too little or too unusual text to tell them apart, so nothing was imported, to avoid garbled text. Open the file in Notepad, check the text looks right, choose File → Save As, set Encoding to “UTF-8 with BOM”, save, and import it again.",
  },
  decoderUnavailable: {
    zh: `这个文件不是 UTF-8 编码，而当前 Excel 环境无法读取 ANSI（GBK/GB18030）编码的文件。${SAVE_AS_UTF8_ZH}`,
    en: `This file is not UTF-8, and this Excel environment cannot read ANSI (GBK/GB18030) files. ${SAVE_AS_UTF8_EN}`,
  },
};

const GB18030_NOTE: Bilingual = {
  zh: "此文件按 ANSI（GBK/GB18030）编码读取。请核对导入的中文是否正确；今后保存时，建议在记事本“另存为”的“编码”中选择“UTF-8”。",
  en: "This file was read as ANSI (GBK/GB18030). Check that the Chinese text came through correctly; next time, choose Encoding “UTF-8” in Notepad's Save As.",
};

/**
 * chineseScore a GB18030 reading needs when the bytes are not UTF-8. Real GBK plans score 0.99–1;
 * Shift-JIS read as GBK 0.5, Big5 0.2, Korean hanja in EUC-KR 0.67, random bytes about 0.6.
 */
const GB_ACCEPT_SCORE = 0.8;
/**
 * When the bytes are valid UTF-8 and GB18030 alike, a reading counts as text from this score. Higher
 * than GB_ACCEPT_SCORE because a UTF-8 Chinese text read as GB18030 can reach 0.83.
 */
const PLAUSIBLE_SCORE = 0.9;
/** Share of ASCII or Chinese-text characters a UTF-16 reading without BOM needs (the wrong byte order has few). */
const UTF16_PLAUSIBLE_SHARE = 0.9;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (isWorkbook(bytes)) return refuse("workbook");

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return fromUnicode(bytes.subarray(3), "utf-8", "utf-8-bom");
  if (startsWith(bytes, [0xff, 0xfe])) return fromUnicode(bytes.subarray(2), "utf-16le", "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return fromUnicode(bytes.subarray(2), "utf-16be", "utf-16be");

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return fromUtf16WithoutBom(bytes, utf16);
  if (bytes.includes(0)) return refuse("binary");

  const utf8 = decodeStrict("utf-8", bytes);
  if (utf8 === UNAVAILABLE) return refuse("decoderUnavailable");
  if (typeof utf8 === "string") {
    if (!isText(utf8)) return refuse("binary");
    if (isAscii(bytes)) return { ok: true, text: utf8, encoding: "utf-8" };
    const gb = decodeStrict("gb18030", bytes);
    if (typeof gb !== "string" || !isText(gb) || gb.includes("\uFFFD"))
      return { ok: true, text: utf8, encoding: "utf-8" };
    // Valid both ways (see the header): take the reading that looks like text only when the other does not.
    const utf8Plausible = chineseScore(utf8) >= PLAUSIBLE_SCORE;
    const gbPlausible = chineseScore(gb) >= PLAUSIBLE_SCORE;
    if (utf8Plausible && !gbPlausible) return { ok: true, text: utf8, encoding: "utf-8" };
    if (gbPlausible && !utf8Plausible) return { ok: true, text: gb, encoding: "gb18030", note: GB18030_NOTE };
    return refuse("ambiguous");
  }

  const gb = decodeStrict("gb18030", bytes);
  if (gb === UNAVAILABLE) return refuse("decoderUnavailable");
  if (typeof gb !== "string" || !looksLikeChinese(gb)) return refuse("unknownEncoding");
  return { ok: true, text: gb, encoding: "gb18030", note: GB18030_NOTE };
}

function refuse(reason: DecodeRefusalReason): DecodedText {
  return { ok: false, reason, message: MESSAGES[reason] };
}

function fromUnicode(
  rest: Uint8Array,
  label: "utf-8" | "utf-16le" | "utf-16be",
  encoding: TextEncodingName,
): DecodedText {
  const text = decodeStrict(label, rest);
  if (text === UNAVAILABLE) return refuse("decoderUnavailable");
  if (text === INVALID) return refuse("damaged");
  if (!isText(text)) return refuse("binary");
  return { ok: true, text, encoding };
}

/**
 * The NULs say UTF-16, and mostly which byte order; but CJK characters such as 一 (U+4E00) put NULs
 * on the other side. Both byte orders are read and the one that looks more like text wins.
 */
function fromUtf16WithoutBom(bytes: Uint8Array, likely: "utf-16le" | "utf-16be"): DecodedText {
  let best: { text: string; encoding: "utf-16le" | "utf-16be"; share: number } | null = null;
  for (const encoding of [likely, likely === "utf-16le" ? "utf-16be" : "utf-16le"] as const) {
    const text = decodeStrict(encoding, bytes);
    if (text === UNAVAILABLE) return refuse("decoderUnavailable");
    if (text === INVALID || !isText(text) || text.includes("\uFFFD")) continue;
    const share = textLikeShare(text);
    if (!best || share > best.share) best = { text, encoding, share };
  }
  if (!best) return refuse("binary");
  if (best.share < UTF16_PLAUSIBLE_SHARE) return refuse("unknownEncoding");
  return { ok: true, text: best.text, encoding: best.encoding };
}

// ---- bytes -------------------------------------------------------------------------------------

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": .xlsx (and .docx, .zip)
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // the older .xls (and .doc)

function isWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, OLE);
}

function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((b) => b < 0x80);
}

/**
 * UTF-16 without a BOM: every ASCII character (JSON's braces, quotes and keys, a table's commas)
 * carries a NUL byte, after it in little-endian, before it in big-endian. UTF-8 and GBK text has no
 * NUL at all; CJK characters rarely have one (一 is U+4E00), so one parity must clearly dominate.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const units = bytes.length / 2;
  if (oddNuls >= units / 8 && oddNuls >= 4 * evenNuls) return "utf-16le";
  if (evenNuls >= units / 8 && evenNuls >= 4 * oddNuls) return "utf-16be";
  return null;
}

const INVALID = Symbol("invalid");
const UNAVAILABLE = Symbol("unavailable");

/** The text, INVALID when the bytes are not that encoding, UNAVAILABLE when this runtime lacks the decoder. */
function decodeStrict(
  label: "utf-8" | "utf-16le" | "utf-16be" | "gb18030",
  bytes: Uint8Array,
): string | typeof INVALID | typeof UNAVAILABLE {
  let decoder: TextDecoder;
  try {
    // ignoreBOM keeps a U+FEFF that is part of the text; the BOM itself was checked and cut off already.
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    return UNAVAILABLE; // no TextDecoder, or a build without this encoding (node built with small-icu)
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return INVALID;
  }
}

// ---- text --------------------------------------------------------------------------------------

/** No control characters but tab, CR and LF (binary data and wrongly decoded bytes show up as these). */
function isText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return false;
    if (c === 0xfffe || c === 0xffff) return false;
  }
  return true;
}

function looksLikeChinese(text: string): boolean {
  return isText(text) && !text.includes("\uFFFD") && chineseScore(text) >= GB_ACCEPT_SCORE;
}

function isCjkIdeograph(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/**
 * How much the non-ASCII characters look like a Chinese plan's text, from 0 to 1 (1 for pure ASCII).
 * Each counts 1 when common (GB2312 level-1 hanzi, GB2312 rows 1–3: Chinese punctuation, ≥, ①,
 * full-width forms; Latin-1), ½ when possible but rarer (level-2 and other hanzi, pinyin letters,
 * other punctuation and symbols), 0 otherwise (kana, Greek, Cyrillic, Hangul, private use, …).
 */
function chineseScore(text: string): number {
  let count = 0;
  let sum = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) continue;
    count++;
    sum += characterWeight(cp);
  }
  return count === 0 ? 1 : sum / count;
}

function characterWeight(cp: number): number {
  if (cp >= 0xa0 && cp <= 0xff) return 1;
  if (cp === 0x20ac) return 0.5; // €: GB18030's addition to row 2, and the single byte 0x80, a UTF-8 continuation byte
  const gb2312 = commonCharacters().get(cp);
  if (gb2312 !== undefined) return gb2312;
  const possible =
    isCjkIdeograph(cp) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x2000 && cp <= 0x27bf);
  return possible ? 0.5 : 0;
}

/** Share of all characters that are ASCII or could be in a Chinese plan (weight above 0 in chineseScore). */
function textLikeShare(text: string): number {
  let count = 0;
  let textLike = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    count++;
    if (cp < 0x80 || characterWeight(cp) > 0) textLike++;
  }
  return count === 0 ? 1 : textLike / count;
}

let commonCache: Map<number, number> | null = null;

/** GB2312 cells by weight, read through the GB18030 decoder (empty if the runtime has none). */
function commonCharacters(): Map<number, number> {
  if (commonCache) return commonCache;
  const map = new Map<number, number>();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder("gb18030", { fatal: true });
  } catch {
    return map; // not cached: a runtime without the decoder only scores with the ranges in characterWeight
  }
  const rows: Array<[first: number, last: number, weight: number]> = [
    [0xa1, 0xa3, 1], // punctuation and symbols, numerals, full-width ASCII
    [0xa8, 0xa8, 0.5], // pinyin letters with tone marks, zhuyin
    [0xb0, 0xd7, 1], // level-1 hanzi: the 3755 most used
    [0xd8, 0xf7, 0.5], // level-2 hanzi
  ];
  const cell = (lead: number, trail: number): number | null => {
    try {
      return decoder.decode(new Uint8Array([lead, trail])).codePointAt(0) ?? null;
    } catch {
      return null;
    }
  };
  for (const [first, last, weight] of rows) {
    for (let lead = first; lead <= last; lead++) {
      // One call per row of 94 cells; cell by cell only if a decoder rejects or merges a cell.
      const row = new Uint8Array(94 * 2);
      for (let i = 0; i < 94; i++) row.set([lead, 0xa1 + i], 2 * i);
      let cps: Array<number | null>;
      try {
        cps = Array.from(decoder.decode(row), (ch) => ch.codePointAt(0) ?? null);
      } catch {
        cps = [];
      }
      if (cps.length !== 94) cps = Array.from({ length: 94 }, (_, i) => cell(lead, 0xa1 + i));
      for (const cp of cps) {
        if (cp === null || (cp >= 0xe000 && cp <= 0xf8ff)) continue; // unassigned cells decode to private use
        if (!map.has(cp)) map.set(cp, weight);
      }
    }
  }
  commonCache = map;
  return map;
}
