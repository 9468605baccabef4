/**
 * Report documents built by hand for the Word export's tests (no evaluation code involved), and a tiny PNG
 * built byte by byte, so a test can say exactly what the .docx must contain.
 */
import { deflateSync } from "node:zlib";
import type {
  ReportColumn,
  ReportColumnKey,
  ReportCount,
  ReportDocument,
  ReportRow,
  ReportVerdict,
} from "../../src/core/reportDocument";

const ZH_HEADERS: Record<ReportColumnKey, string> = {
  number: "序号",
  name: "指标",
  attribute: "属性",
  unit: "单位",
  baseline: "基期值",
  target: "目标值",
  actual: "实际值",
  progress: "完成进度",
  timeProgress: "时间进度",
  verdict: "进度判断",
  leadUnit: "责任单位",
  analysis: "说明",
};

const EN_HEADERS: Record<ReportColumnKey, string> = {
  number: "No.",
  name: "Indicator",
  attribute: "Type",
  unit: "Unit",
  baseline: "Baseline",
  target: "Target",
  actual: "Actual",
  progress: "Progress",
  timeProgress: "Time progress",
  verdict: "Verdict",
  leadUnit: "Lead unit",
  analysis: "Analysis",
};

const WIDTHS: Record<ReportColumnKey, number> = {
  number: 4,
  name: 22,
  attribute: 6,
  unit: 6,
  baseline: 8,
  target: 8,
  actual: 8,
  progress: 7,
  timeProgress: 7,
  verdict: 8,
  leadUnit: 10,
  analysis: 16,
};

export const COLUMN_KEYS: ReportColumnKey[] = [
  "number",
  "name",
  "attribute",
  "unit",
  "baseline",
  "target",
  "actual",
  "progress",
  "timeProgress",
  "verdict",
  "leadUnit",
  "analysis",
];

export function columns(lang: "zh" | "en", keys: ReportColumnKey[] = COLUMN_KEYS): ReportColumn[] {
  const headers = lang === "zh" ? ZH_HEADERS : EN_HEADERS;
  return keys.map((key) => ({ key, header: headers[key], width: WIDTHS[key] }));
}

const ZH_VERDICTS: Record<ReportVerdict, string> = {
  achieved: "提前实现",
  ahead: "快于预期",
  onTrack: "基本符合预期",
  lagging: "滞后",
  missed: "未完成",
  stale: "数据未更新",
  none: "无法判断",
};

const EN_VERDICTS: Record<ReportVerdict, string> = {
  achieved: "achieved",
  ahead: "ahead",
  onTrack: "on track",
  lagging: "lagging",
  missed: "missed",
  stale: "stale",
  none: "not assessed",
};

const VERDICT_CYCLE: ReportVerdict[] = ["achieved", "ahead", "onTrack", "lagging", "missed", "stale", "none"];

/** Row i: every cell's text says which row and column it is, so a row out of place shows. */
export function row(lang: "zh" | "en", i: number, category: string, overrides: Partial<ReportRow> = {}): ReportRow {
  const verdict = overrides.verdict ?? VERDICT_CYCLE[i % VERDICT_CYCLE.length]!;
  const binding = overrides.binding ?? i % 3 === 0;
  const zh = lang === "zh";
  const cells: Record<ReportColumnKey, string> = {
    number: String(i + 1),
    name: zh ? `指标${i + 1}：研发经费投入强度` : `Indicator ${i + 1}: R&D intensity`,
    attribute: binding ? (zh ? "约束性" : "binding") : zh ? "预期性" : "anticipatory",
    unit: "%",
    baseline: (1 + i / 100).toFixed(2),
    target: (2 + i / 100).toFixed(2),
    actual: (1.5 + i / 100).toFixed(2),
    progress: `${50 + (i % 50)}%`,
    timeProgress: "100%",
    verdict: (zh ? ZH_VERDICTS : EN_VERDICTS)[verdict],
    leadUnit: zh ? `市科技局${i + 1}` : `Bureau ${i + 1}`,
    analysis: zh ? `第${i + 1}行说明` : `Row ${i + 1} analysis`,
    ...overrides.cells,
  };
  return { indicatorId: `ind-${i + 1}`, category, verdict, binding, ...overrides, cells };
}

function counts(lang: "zh" | "en", rows: ReportRow[]): ReportCount[] {
  const labels = lang === "zh" ? ZH_VERDICTS : EN_VERDICTS;
  return VERDICT_CYCLE.map((verdict) => ({
    verdict,
    label: labels[verdict],
    count: rows.filter((r) => r.verdict === verdict).length,
  }));
}

/** A report with `n` rows in groups of 7 per category. */
export function reportDocument(lang: "zh" | "en", n: number, overrides: Partial<ReportDocument> = {}): ReportDocument {
  const zh = lang === "zh";
  const categories = zh ? ["创新能力", "创新投入", "创新产出", "创新环境"] : ["Capacity", "Input", "Output", "Setting"];
  const rows = Array.from({ length: n }, (_, i) => row(lang, i, categories[Math.floor(i / 7) % categories.length]!));
  const base: ReportDocument = {
    lang,
    kind: "final",
    evaluationYear: 2025,
    title: zh
      ? "张掖市“十四五”科技创新规划主要指标2025年总结评估"
      : "Zhangye 14th Five-Year Plan for Science and Technology Innovation: 2025 Summary Evaluation",
    source: zh
      ? "《张掖市“十四五”科技创新规划》 张掖市科学技术局"
      : "Zhangye 14th Five-Year Plan for Science and Technology Innovation, Zhangye Science and Technology Bureau",
    generatedOn: "2026-11-30",
    dateText: zh ? "2026年11月30日" : "30 November 2026",
    summary: zh
      ? [
          `规划确定的${n}项主要指标中，多数指标达到或超过规划序时进度要求。`,
          "其中，约束性指标进展总体符合预期，但仍有部分指标进展较缓，需要进一步加大工作力度。",
        ]
      : [
          `Of the plan's ${n} main indicators, most met or exceeded the time-based progress requirement.`,
          "Binding indicators are broadly on track, but some indicators are progressing slowly.",
        ],
    counts: counts(lang, rows),
    columns: columns(lang),
    rows,
    notes: zh
      ? ["完成进度 =（实际值 − 基期值）÷（目标值 − 基期值）。", "带*的指标基期年为2019年。"]
      : ["Progress = (actual − baseline) ÷ (target − baseline).", "Indicators marked * have 2019 baselines."],
    progressChart: rows.map((r) => ({
      indicatorId: r.indicatorId,
      label: r.cells.name,
      progress: 0.5,
      timeProgress: 1,
      verdict: r.verdict,
    })),
  };
  return { ...base, ...overrides };
}

// ---- A tiny valid PNG, built from its chunks (CRC-32 per the PNG spec). ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, "latin1"), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A width × height PNG, 8-bit RGB, every pixel the given colour. */
export function tinyPng(width: number, height: number, rgb: [number, number, number] = [200, 30, 30]): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, no filter, no interlace
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const start = y * (1 + width * 3);
    raw[start] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(rgb, start + 1 + x * 3);
  }
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array())];
  return new Uint8Array(Buffer.concat(parts));
}
