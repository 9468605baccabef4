/**
 * The pane's hand-drawn charts: the pure geometry (round ticks, gaps, inverted rank axis, clipping,
 * year labels), the components rendered to HTML (no DOM needed, as in components.test.tsx), the
 * standalone SVG builders (explicit palette colours, escaped text, well-formed XML) and the cost of
 * a 1,000-indicator progress chart counted in DOM nodes rather than milliseconds.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import fc from "fast-check";
import { createRequire } from "node:module";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  barExtent,
  formatPercent,
  formatTick,
  niceTicks,
  pathGeometry,
  progressLayout,
  segments,
  textWidth,
  timeTickFraction,
  yearLabels,
  linearScale,
  type PathGeometry,
} from "../../src/taskpane/app/charts/chartGeometry";
import { pathChartScene } from "../../src/taskpane/app/charts/chartScene";
import {
  DARK_PALETTE,
  LIGHT_PALETTE,
  PROGRESS_ROWS_SHOWN,
  PathChart,
  ProgressChart,
  TOKEN_PALETTE,
  chartPalette,
  escapeXml,
  pathChartSvg,
  progressChartSvg,
  type PathChartProps,
  type ProgressItem,
} from "../../src/taskpane/app/charts";
import { STATUS_ORDER } from "../../src/taskpane/app/statusStyle";

const require = createRequire(import.meta.url);
const { parseStringPromise } = require("xml2js") as {
  parseStringPromise: (xml: string, opts?: Record<string, unknown>) => Promise<unknown>;
};

const render = (el: ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

/** The part of the rendered HTML between the first <tag …> and its closing tag. */
function section(html: string, tag: string): string {
  const start = html.indexOf(`<${tag}`);
  const end = html.indexOf(`</${tag}>`, start);
  expect(start, `<${tag}> rendered`).toBeGreaterThanOrEqual(0);
  return html.slice(start, end + tag.length + 3);
}

const countTags = (html: string, tag?: string) =>
  (html.match(tag ? new RegExp(`<${tag}[\\s>]`, "g") : /<[a-zA-Z]/g) ?? []).length;

/** Text as React and the SVG builders escape it. */
const htmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** R&D spending intensity: 2022 missing, 2024 and 2025 not yet reported, an adjusted target. */
const rd: PathChartProps = {
  lang: "zh",
  title: "研发经费投入强度",
  unit: "%",
  points: [
    { year: 2020, actual: 1.2, planned: 1.2 },
    { year: 2021, actual: 1.28, planned: 1.25, vintage: "统计公报" },
    { year: 2022, actual: null, planned: 1.31 },
    { year: 2023, actual: 1.41, planned: 1.36, vintage: "修订" },
    { year: 2024, actual: null, planned: 1.42 },
    { year: 2025, actual: null, planned: 1.47 },
  ],
  target: { year: 2025, value: 1.47, label: "≥1.47" },
  adjustedFrom: { value: 1.6, label: "≥1.6" },
  evaluationYear: 2023,
  formatValue: (v) => `${v.toFixed(2)}%`,
};

const frame = { width: 300, height: 200, reserveTop: 18, reserveBottom: 32 };

function geometry(props: Partial<PathChartProps>): PathGeometry {
  const g = pathGeometry({ ...rd, ...props }, frame);
  expect(g).not.toBeNull();
  return g!;
}

function item(i: number, overrides: Partial<ProgressItem> = {}): ProgressItem {
  return {
    id: `ind-${i}`,
    label: `指标 ${i}`,
    progress: (i % 13) / 10,
    timeProgress: 0.6,
    status: STATUS_ORDER[i % STATUS_ORDER.length]!,
    binding: i % 3 === 0,
    ...overrides,
  };
}

describe("chart geometry: ticks", () => {
  it("picks round steps whose ticks cover the data, for any range", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 3, max: 8 }),
        (a, b, maxTicks) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const t = niceTicks(lo, hi, { maxTicks });
          const tol = t.step * 1e-6;
          expect(t.values.length).toBeGreaterThanOrEqual(2);
          expect(t.values.length).toBeLessThanOrEqual(maxTicks);
          expect(t.values[0]!).toBeLessThanOrEqual(lo + tol);
          expect(t.values.at(-1)!).toBeGreaterThanOrEqual(hi - tol);
          const mantissa = t.step / 10 ** Math.floor(Math.log10(t.step));
          expect([1, 2, 2.5, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
          for (let i = 0; i < t.values.length; i++) {
            const v = t.values[i]!;
            expect(Math.abs(v / t.step - Math.round(v / t.step))).toBeLessThan(1e-6);
            if (i > 0) expect(v).toBeGreaterThan(t.values[i - 1]!);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("gives examples their expected ticks: fractions, negatives, equal values, zero", () => {
    expect(niceTicks(0.8, 9.3).values).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(1.2, 1.6).values).toEqual([1.2, 1.3, 1.4, 1.5, 1.6]);
    expect(niceTicks(-17, -3).values).toEqual([-20, -15, -10, -5, 0]);
    expect(niceTicks(-12, 30).values).toEqual([-20, 0, 20, 40]);
    const equal = niceTicks(4, 4);
    expect(equal.min).toBeLessThan(4);
    expect(equal.max).toBeGreaterThan(4);
    expect(equal.min).toBeGreaterThanOrEqual(0); // a band around a positive value never dips below zero
    expect(niceTicks(0, 0).values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-3, -3).max).toBeLessThanOrEqual(0);
    expect(niceTicks(0.1 + 0.2, 0.3).values.every((v) => String(v).length < 8)).toBe(true); // no float noise
  });

  it("prints ticks with the step's decimals and the language's grouping", () => {
    const t = niceTicks(0, 12000);
    expect(t.values.map((v) => formatTick(v, t.decimals, "en"))).toEqual(["0", "5,000", "10,000", "15,000"]);
    const f = niceTicks(0.8, 9.3);
    expect(f.values.map((v) => formatTick(v, f.decimals, "zh"))).toEqual(["0.0", "2.5", "5.0", "7.5", "10.0"]);
  });

  it("ranks: whole-number ticks starting at rank 1 and an inverted axis (rank 1 at the top)", () => {
    const ranks = niceTicks(1, 30, { integer: true, floor: 1 });
    expect(ranks.values[0]).toBe(1);
    expect(ranks.values.every(Number.isInteger)).toBe(true);
    expect(niceTicks(2, 5, { integer: true, maxTicks: 8 }).values).toEqual([2, 3, 4, 5]);

    const points = [9, 8, 7, 5].map((actual, i) => ({ year: 2020 + i, actual, planned: null }));
    const rankProps = { points, target: { year: 2025, value: 3, label: "前3位" }, adjustedFrom: null };
    const inverted = geometry({ ...rankProps, lowerIsBetter: true });
    const y = (year: number) => inverted.actualMarkers.find((p) => p.year === year)!.y;
    expect(y(2023)).toBeLessThan(y(2020)); // rank 5 drawn above rank 9
    expect(inverted.target!.y).toBeLessThan(y(2023)); // the target, rank 3, higher still
    expect(inverted.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
    const topTick = inverted.yTicks.reduce((a, b) => (a.y < b.y ? a : b));
    expect(topTick.value).toBe(Math.min(...inverted.yTicks.map((t) => t.value)));

    const intensity = geometry({
      points: [0.52, 0.49, 0.47].map((actual, i) => ({ year: 2021 + i, actual, planned: null })),
      target: { year: 2025, value: 0.45, label: "0.45" },
      adjustedFrom: null,
      lowerIsBetter: true,
    });
    expect(intensity.ticks.step).toBeLessThan(1); // lower-is-better but not a rank: fractional ticks
    expect(intensity.target!.y).toBeLessThan(intensity.actualMarkers[0]!.y);

    const upright = geometry({ ...rankProps, lowerIsBetter: false });
    const yu = (year: number) => upright.actualMarkers.find((p) => p.year === year)!.y;
    expect(yu(2023)).toBeGreaterThan(yu(2020));
  });
});

describe("chart geometry: lines and labels", () => {
  it("breaks lines at a null and at a year missing from the data, never bridging a gap", () => {
    const runs = segments([
      { year: 2020, value: 1 },
      { year: 2021, value: 2 },
      { year: 2022, value: null },
      { year: 2023, value: 4 },
      { year: 2024, value: Number.NaN },
      { year: 2026, value: 7 },
      { year: 2027, value: 8 },
      { year: 2029, value: 10 }, // 2028 is not in the data at all
      { year: 2019, value: 0.5 }, // out of order on purpose
    ]);
    expect(runs.map((r) => r.map((p) => p.year))).toEqual([[2019, 2020, 2021], [2023], [2026, 2027], [2029]]);
    expect(runs.flat().map((p) => p.value)).toEqual([0.5, 1, 2, 4, 7, 8, 10]);
  });

  it("draws a marker for every actual figure and a line only between adjacent years with figures", () => {
    const g = geometry({});
    expect(g.actualMarkers.map((p) => p.year)).toEqual([2020, 2021, 2023]);
    expect(g.actualLines.map((run) => run.map((p) => p.year))).toEqual([[2020, 2021]]);
    const x2022 = linearScale(g.firstYear, g.lastYear, g.plot.left, g.plot.right)(2022);
    for (const run of g.actualLines) {
      const xs = run.map((p) => p.x);
      expect(Math.min(...xs) < x2022 && Math.max(...xs) > x2022).toBe(false);
    }
    expect(g.plannedLines).toHaveLength(1);
    expect(g.plannedLines[0]!.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(g.target?.x).toBe(g.plannedLines[0]!.at(-1)!.x);
    expect(g.adjustedFrom!.y).toBeLessThan(g.target!.y); // 1.6 above 1.47
    expect(g.evaluation?.year).toBe(2023);
    for (const tick of g.yTicks) expect(tick.y).toBeGreaterThanOrEqual(g.plot.top - 0.05);
    for (const p of [...g.actualMarkers, g.target!, g.adjustedFrom!]) {
      expect(p.y).toBeGreaterThanOrEqual(g.plot.top - 0.05);
      expect(p.y).toBeLessThanOrEqual(g.plot.bottom + 0.05);
    }
  });

  it("handles a single figure, all-equal figures, negatives and no figures at all", () => {
    const single = geometry({
      points: [{ year: 2021, actual: 4, planned: null }],
      target: null,
      evaluationYear: undefined,
    });
    expect(single.actualLines).toEqual([]);
    expect(single.actualMarkers).toHaveLength(1);
    expect(single.actualMarkers[0]!.x).toBeCloseTo((single.plot.left + single.plot.right) / 2, 0);
    expect(single.xLabels.map((l) => l.year)).toEqual([2021]);
    expect(single.ticks.min).toBeLessThan(4);
    expect(single.ticks.max).toBeGreaterThan(4);

    const flat = geometry({
      points: [2020, 2021, 2022].map((year) => ({ year, actual: 7, planned: null })),
      target: null,
    });
    expect(new Set(flat.actualMarkers.map((p) => p.y)).size).toBe(1);
    expect(flat.ticks.min).toBeLessThan(7);

    const negative = geometry({
      points: [-5, -3.5, -1].map((actual, i) => ({ year: 2021 + i, actual, planned: null })),
      target: { year: 2025, value: 2, label: "2" },
    });
    expect(negative.ticks.min).toBeLessThanOrEqual(-5);
    expect(negative.ticks.max).toBeGreaterThanOrEqual(2);

    expect(pathGeometry({ ...rd, points: [] }, frame)).toBeNull();
    expect(pathGeometry({ ...rd, points: [{ year: 2021, actual: null, planned: null }] }, frame)).toBeNull();
    const plannedOnly = geometry({ points: rd.points.map((p) => ({ ...p, actual: null })) });
    expect(plannedOnly.hasActual).toBe(false);
    expect(plannedOnly.actualMarkers).toEqual([]);
  });

  it("labels years without collisions at 320 px, always showing the target year", () => {
    for (const [first, last] of [
      [2021, 2025],
      [2016, 2025],
      [2011, 2025],
      [2000, 2025],
      [1950, 2025],
    ] as const) {
      const points = [];
      for (let year = first; year <= last; year++) points.push({ year, actual: year - first, planned: null });
      const g = geometry({ points, target: { year: last, value: 1, label: "1" }, adjustedFrom: null });
      const labels = g.xLabels;
      expect(labels.some((l) => l.year === last)).toBe(true);
      const half = textWidth("2025", g.fontSize - 1) / 2;
      for (let i = 1; i < labels.length; i++) {
        expect(labels[i]!.x - labels[i - 1]!.x, `${first}–${last}`).toBeGreaterThan(2 * half + 4);
      }
      for (const l of labels) {
        expect(l.x + half).toBeLessThanOrEqual(frame.width);
        expect(l.x - half).toBeGreaterThanOrEqual(0);
      }
    }
    const xOf = linearScale(2000, 2025, 0, 100);
    // Every 10th year fits; 2020 is too close to the target year 2025 and gives way.
    expect(yearLabels(2000, 2025, xOf, 30, [2025])).toEqual([2000, 2010, 2025]);
    expect(yearLabels(2021, 2025, linearScale(2021, 2025, 0, 300), 30)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

describe("chart geometry: progress bars", () => {
  it("clips bars to 0–100 % but keeps the real percentage for printing", () => {
    expect(barExtent(1.32)).toEqual({ fraction: 1, clipped: "high" });
    expect(barExtent(-0.08)).toEqual({ fraction: 0, clipped: "low" });
    expect(barExtent(0.5)).toEqual({ fraction: 0.5, clipped: null });
    expect(barExtent(null)).toEqual({ fraction: null, clipped: null });
    expect(barExtent(Number.POSITIVE_INFINITY)).toEqual({ fraction: null, clipped: null });
    expect(timeTickFraction(1.2)).toBe(1);
    expect(timeTickFraction(null)).toBeNull();
    expect([1.32, -0.08, 0.5, null, -0.0001].map((v) => formatPercent(v, "en"))).toEqual([
      "132%",
      "-8%",
      "50%",
      "—",
      "0%",
    ]);

    const items = [item(0, { progress: 1.32 }), item(1, { progress: -0.08 }), item(2, { progress: 0.25 })];
    for (const width of [320, 640]) {
      const layout = progressLayout(items, { width, top: 0, badgeText: "约束" });
      expect(layout.stacked).toBe(width < 480);
      const [over, under, quarter] = layout.rows;
      expect(over!.barWidth).toBe(over!.trackWidth);
      expect(over!.clipped).toBe("high");
      expect(under!.barWidth).toBe(0);
      expect(under!.clipped).toBe("low");
      expect(quarter!.barWidth).toBeCloseTo(quarter!.trackWidth / 4, 0);
      for (const row of layout.rows) {
        expect(row.trackX + row.trackWidth).toBeLessThanOrEqual(width);
        expect(row.tickX! - row.trackX).toBeCloseTo(0.6 * row.trackWidth, 0);
      }
      if (layout.stacked) expect(over!.labelY).toBeLessThan(over!.trackY); // label on top of the bar
    }
  });
});

describe("path chart component", () => {
  it("is a figure with a caption, an img-role SVG with a summary, and every value in a hidden table", () => {
    const html = render(<PathChart {...rd} />);
    expect(html).toContain("<figure");
    expect(section(html, "figcaption")).toContain("研发经费投入强度");
    const svg = section(html, "svg");
    expect(svg).toContain('role="img"');
    const label = /aria-label="([^"]*)"/.exec(svg)![1]!;
    expect(label).toContain("1.20%");
    expect(label).toContain("1.41%");
    expect(label).toContain("≥1.47");
    expect(label).toContain("原目标 ≥1.6");
    expect(label).toContain("缺少 2022 年数据");
    expect(svg).toContain("var(--"); // pane colours are theme tokens

    const table = section(html, "table");
    for (const p of rd.points) {
      expect(table).toContain(`${p.year}年`);
      if (p.actual !== null) expect(table).toContain(rd.formatValue(p.actual));
      if (p.planned !== null) expect(table).toContain(rd.formatValue(p.planned));
    }
    expect(table).toContain("无数据"); // 2022, 2024, 2025
    expect(table).toContain("≥1.47");
    expect(table).toContain("≥1.6");
    expect(table).toContain("统计公报");
    expect(countTags(table, "tr")).toBe(1 + rd.points.length + 3); // header, years, target, original, evaluation year
  });

  it("says so when there are no figures, in both languages, instead of drawing an empty chart", () => {
    const zh = render(<PathChart {...rd} points={[]} />);
    expect(zh).toContain("暂无实际数据");
    expect(zh).not.toContain("<svg");
    const en = render(<PathChart {...rd} lang="en" points={[]} />);
    expect(en).toContain("No figures yet");
    const plannedOnly = render(<PathChart {...rd} points={rd.points.map((p) => ({ ...p, actual: null }))} />);
    expect(section(plannedOnly, "svg")).toContain("暂无实际数据");
  });
});

describe("progress chart component", () => {
  const items = [
    item(0, { label: "R&D 经费", progress: 1.32, status: "ahead", binding: true }),
    item(1, { label: "专利", progress: -0.08, status: "missed", binding: false }),
    item(2, { label: "技术合同", progress: null, timeProgress: null, status: "none", binding: false }),
  ];

  it("prints real percentages, marks binding rows and puts every value in the hidden table", () => {
    const html = render(<ProgressChart lang="zh" items={items} />);
    expect(section(html, "figcaption")).toContain("完成进度与时间进度");
    expect(section(html, "figcaption")).toContain("3 个指标");
    expect(html).toContain("132%");
    expect(html).toContain("-8%");
    expect(html).toContain(">—<"); // no progress: a dash, the reason is the caller's to give
    expect(countTags(html, "svg")).toBeGreaterThanOrEqual(3);
    expect(html).toContain('aria-label="完成进度 132%，时间进度 60%，快于预期"');
    expect(html).toContain('aria-label="完成进度 无数据，时间进度 无数据，暂无结论"');
    expect(html.match(/>约束</g)).toHaveLength(1);
    const table = section(html, "table");
    expect(countTags(table, "tr")).toBe(1 + items.length);
    expect(table).toContain("R&amp;D 经费（约束性）");
    for (const text of ["132%", "-8%", "60%", "快于预期", "未完成", "暂无结论"]) expect(table).toContain(text);
  });

  it("rows are keyboard-focusable buttons only when selecting is possible", () => {
    const selectable = render(<ProgressChart lang="en" items={items} onSelect={() => undefined} />);
    expect(countTags(section(selectable, "ul"), "button")).toBe(items.length);
    expect(selectable).toContain('<button type="button"');
    expect(selectable).toContain("binding");
    const plain = render(<ProgressChart lang="en" items={items} />);
    expect(countTags(section(plain, "ul"), "button")).toBe(0);
    expect(render(<ProgressChart lang="en" items={[]} />)).toContain("No indicators");
  });

  it("renders 1,000 indicators with a bounded number of DOM nodes and a show-all toggle", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => item(i));
    const started = performance.now();
    const thousand = render(<ProgressChart lang="zh" items={many(1000)} onSelect={() => undefined} />);
    const elapsed = performance.now() - started;
    const hundred = render(<ProgressChart lang="zh" items={many(100)} onSelect={() => undefined} />);
    const fifty = render(<ProgressChart lang="zh" items={many(PROGRESS_ROWS_SHOWN)} onSelect={() => undefined} />);
    expect(countTags(section(thousand, "ul"), "li")).toBe(PROGRESS_ROWS_SHOWN);
    expect(countTags(section(thousand, "table"), "tr")).toBe(PROGRESS_ROWS_SHOWN + 1);
    // Only the toggle and the summary's counts differ between 100 and 1,000 indicators.
    expect(Math.abs(countTags(thousand) - countTags(hundred))).toBeLessThanOrEqual(2);
    expect(countTags(thousand)).toBeLessThan(countTags(fifty) + 10);
    expect(countTags(thousand)).toBeLessThan(1500);
    expect(thousand).toContain("显示全部 1000 个指标");
    expect(thousand).toContain('aria-expanded="false"');
    expect(fifty).not.toContain("显示全部");
    expect(elapsed).toBeGreaterThan(0); // measured, not asserted: timing depends on the machine
  });
});

describe("standalone SVG for pictures", () => {
  const progressItems = [item(0, { progress: 1.32 }), item(1, { progress: -0.08 }), item(2, { progress: null })];

  it("uses explicit palette colours: light and dark differ, no CSS variables", () => {
    const hex = /^#[0-9a-f]{6}$/i;
    for (const palette of [LIGHT_PALETTE, DARK_PALETTE]) {
      const { status, ...roles } = palette;
      for (const colour of [...Object.values(roles), ...Object.values(status)]) expect(colour).toMatch(hex);
    }
    for (const role of ["background", "text", "actual", "grid", "track"] as const) {
      expect(DARK_PALETTE[role], role).not.toBe(LIGHT_PALETTE[role]);
    }
    expect(DARK_PALETTE.status.lagging).not.toBe(LIGHT_PALETTE.status.lagging);
    expect(new Set(Object.values(LIGHT_PALETTE.status)).size).toBe(STATUS_ORDER.length); // each status its own colour
    expect(TOKEN_PALETTE.text).toMatch(/^var\(--/);
    expect(chartPalette(webLightTheme)).toEqual(LIGHT_PALETTE);

    const light = pathChartSvg(rd, LIGHT_PALETTE);
    const dark = pathChartSvg(rd, DARK_PALETTE);
    expect(light).not.toBe(dark);
    for (const svg of [light, dark, progressChartSvg({ lang: "en", items: progressItems }, DARK_PALETTE)]) {
      expect(svg).not.toContain("var(");
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain("Microsoft YaHei");
      expect(svg).toContain("Noto Sans CJK SC");
    }
    expect(light).toContain(`fill="${LIGHT_PALETTE.background}"`);
    expect(dark).toContain(`fill="${DARK_PALETTE.background}"`);
    expect(dark).toContain(`stroke="${DARK_PALETTE.actual}"`);
  });

  it("escapes hostile names: markup and ampersands are drawn as text and the XML stays well-formed", async () => {
    const hostile = `<script>alert("x")</script> & 'y'`;
    const svg = pathChartSvg(
      {
        ...rd,
        title: hostile,
        unit: "<b>&</b>",
        target: { year: 2025, value: 1.47, label: '"&lt;"' },
        points: rd.points.map((p) => ({ ...p, vintage: "<img src=x onerror=alert(1)>" })),
      },
      LIGHT_PALETTE,
    );
    expect(svg).not.toMatch(/<script|<b>|<img/);
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;");
    expect(svg).toContain("&amp;lt;"); // an entity typed as text stays text
    const parsed = JSON.stringify(await parseStringPromise(svg, { strict: true }));
    expect(parsed).toContain("<script>alert(\\\"x\\\")</script> & 'y'");

    const progress = progressChartSvg(
      { lang: "zh", items: [item(0, { label: `${hostile}\u0001\uD800` }), item(1, { label: "R&D" })] },
      DARK_PALETTE,
    );
    expect(progress).not.toContain("<script");
    expect(progress.includes("\u0001") || progress.includes("\uD800")).toBe(false);
    await expect(parseStringPromise(progress, { strict: true })).resolves.toBeTruthy();
    expect(escapeXml(`a<b>&"c"'d'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");

    const html = render(<PathChart {...rd} title={hostile} />);
    expect(html).not.toContain("<script");
    expect(html).toContain(htmlText("<script>"));
    const rows = render(<ProgressChart lang="en" items={[item(0, { label: hostile })]} onSelect={() => undefined} />);
    expect(rows).not.toContain("<script");
  });

  it("draws the no-figures message and the empty progress chart as valid pictures too", async () => {
    const empty = pathChartSvg({ ...rd, points: [] }, LIGHT_PALETTE);
    expect(empty).toContain("暂无实际数据");
    await expect(parseStringPromise(empty, { strict: true })).resolves.toBeTruthy();
    const none = progressChartSvg({ lang: "en", items: [] }, LIGHT_PALETTE);
    expect(none).toContain("No indicators");
    await expect(parseStringPromise(none, { strict: true })).resolves.toBeTruthy();
    const full = progressChartSvg({ lang: "zh", items: progressItems }, LIGHT_PALETTE, { width: 320 });
    await expect(parseStringPromise(full, { strict: true })).resolves.toBeTruthy();
    expect(full).toContain(">132%<");
    expect(full).toContain(">-8%<");
  });

  it("keeps the pane's scene and the picture's scene the same drawing at the same size", () => {
    const scene = pathChartScene(rd, { width: 480, height: 280, title: true, background: true })!;
    const svg = pathChartSvg(rd, LIGHT_PALETTE);
    expect(countTags(svg) - 2).toBe(scene.shapes.length); // minus <svg> and its <title>
    expect(svg).toContain(">单位：%<");
  });
});
