/**
 * 上海市“十四五”规划《纲要》主要指标 (2021–2025), seeds/tables/sh-14th-fyp: a two-row header (“十四五”目标
 * over 2025年 and 年均[累计]), 序号 and 单位 columns, no category and no base-year column, [ ] for 〔 〕,
 * footnote marks [1] [2], text targets, and one two-part target the reader cannot read as one.
 */
import { growth, level, relative, row, text, total, type ExpectedTable } from "./expectedTable";

const NOTE_1 =
  "注1：指每万人口居民拥有的经国家知识产权局授权且在有效期内的战略性新兴领域、在海外有同族专利权、维持年限超过10年、实现较高质押融资金额、获得国家科学技术奖或中国专利奖的发明专利数量。";
const TWO_PART = "[成片:五年累计约110 零星:五年累计约20]";

export const sh14thFyp: ExpectedTable = {
  id: "sh-14th-fyp",
  baseYear: 2020,
  targetYear: 2025,
  starYear: null,
  rows: 20,
  numericTargetCells: 16,
  warnings: [/没有基期值列.*“十四五”.*2020–2025/],
  tableNote: NOTE_1.replace(/^注1：/, "[1] "),
  indicators: [
    row({
      number: "1",
      name: "全市生产总值年均增长率",
      figures: "rate",
      target: growth(5, true),
      targetCell: "cumulative",
    }),
    row({
      number: "2",
      name: "全员劳动生产率",
      unit: "万元/人",
      kind: "amount",
      target: level(36, ">=", "reach", true),
    }),
    row({
      number: "3",
      name: "单位建设用地生产总值提升",
      figures: "change",
      target: total(20, "increase"),
      targetCell: "cumulative",
    }),
    row({
      number: "4",
      name: "金融市场交易总额",
      unit: "万亿元",
      kind: "amount",
      target: level(2800, ">=", "reach", true),
    }),
    row({
      number: "5",
      name: "在沪跨国公司地区总部数量",
      unit: "家",
      kind: "count",
      target: level(1000, ">=", "reach"),
      targetCell: "cumulative",
    }),
    row({ number: "6", name: "全社会研发经费支出相当于全市生产总值比例", target: level(4.5, ">=", "reach", true) }),
    row({
      number: "7",
      name: "每万人口高价值发明专利拥有量",
      unit: "件",
      kind: "amount",
      target: level(30, ">=", "reach", true),
      note: NOTE_1,
    }),
    row({ number: "8", name: "数字经济增加值占全市生产总值比重", target: level(60, ">=", "reach") }),
    row({
      number: "9",
      name: "居民人均可支配收入增长",
      figures: "rate",
      target: relative("inStep", 1, "与经济增长基本同步"),
      targetCell: "cumulative",
    }),
    row({
      number: "10",
      name: "城镇调查失业率",
      direction: "down",
      target: level(5.5, "<=", "reach"),
      targetCell: "cumulative",
    }),
    row({ number: "11", name: "主要劳动年龄人口中受过高等教育的比例", target: level(45, ">=", "reach") }),
    row({
      number: "12",
      name: "中心城区二级旧里以下房屋改造面积",
      unit: "万平方米",
      kind: "amount",
      attribute: "binding",
      target: null,
      targetCell: "cumulative",
      problems: [{ field: "target", text: TWO_PART, blocking: true }],
    }),
    row({ number: "13", name: "居民平均预期寿命", unit: "岁", kind: "amount", target: level(84, ">=", "reach") }),
    row({
      number: "14",
      name: "单位生产总值能源消耗降低",
      direction: "down",
      figures: "change",
      attribute: "binding",
      target: text("[确保完成国家要求]"),
      targetCell: "cumulative",
    }),
    row({
      number: "15",
      name: "单位生产总值二氧化碳排放降低",
      direction: "down",
      figures: "change",
      attribute: "binding",
      target: text("[确保完成国家要求]"),
      targetCell: "cumulative",
    }),
    row({
      number: "16",
      name: "大气常规污染物年均浓度(PM2.5、PM10、SO2、NO2、O3、CO)",
      unit: "",
      kind: "index",
      direction: "down",
      attribute: "binding",
      target: text("全面稳定达到国家二级标准,部分指标优于国家一级标准"),
    }),
    row({ number: "17", name: "地表水达到或好于Ⅲ类水体比例", attribute: "binding", target: level(60, ">=", "reach") }),
    row({ number: "18", name: "生活垃圾回收利用率", attribute: "binding", target: level(45, ">=", "reach") }),
    row({ number: "19", name: "森林覆盖率", attribute: "binding", target: level(19.5, ">=", "reach") }),
    row({
      number: "20",
      name: "单位生产总值生产安全事故死亡率",
      unit: "人/亿元",
      kind: "amount",
      direction: "down",
      attribute: "binding",
      target: level(0.01, "<=", "reach"),
    }),
  ],
  staff: [
    {
      row: 12,
      textTarget: true,
      why: "two sub-targets in one cell (成片 约110, 零星 约20): one target cannot hold both, so staff keep it as a text target (or split the row)",
    },
  ],
  evaluation: {
    evaluationYear: 2022,
    evaluationYearReason:
      "verdicts.json gives a data cut-off (2023-06-30), not an evaluation year; the last full year before it is 2022, as in the national mid-term",
    periodYears: { "2023H1": 2022 },
    matched: [4, 7, 8, 11, 17],
    exceptions: {
      18: {
        computed: null,
        published: "好于预期",
        reason:
          "the table prints no baseline, so progress against the time line cannot be computed (42 is below >45: not reached); the report's 好于预期 compares with its own schedule",
      },
      19: {
        computed: null,
        published: "好于预期",
        reason:
          "no baseline in the table (18.5 against the 19.5 target: not reached); 好于预期 is ahead of the report's schedule, not reached (README 8)",
      },
    },
    noFigure: {
      12: "only a statement (成片…提前全面完成), no figure in 万平方米",
    },
  },
};
