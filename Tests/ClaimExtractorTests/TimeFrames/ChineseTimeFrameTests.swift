import Testing

@Suite struct ChineseTimeFrameTests {
  static let years: [FrameCase] = [
    .init("2026年人形机器人将进入家庭", "2026-12-31", "2026年", start: "2026-01-01"),
    .init("二零二六年将出现首个万亿参数开源模型", "2026-12-31", "二零二六年"),
    .init("二〇二六年將是關鍵之年", "2026-12-31", "二〇二六年"),
    .init("２０２７年量产", "2027-12-31", "２０２７年"),
    .init("到2040年中国新能源车渗透率将超过九成", "2040-12-31", "到2040年", start: nil),
    .init("至2030年全球装机量翻倍", "2030-12-31", "至2030年"),
    .init("2030年前实现碳达峰", "2030-12-31", "2030年前"),
    .init("2030年以前完成部署", "2030-12-31", "2030年以前"),
    .init("2026年底前上线", "2026-12-31", "2026年底"),
    .init("2026年年底有望落地", "2026-12-31", "2026年年底"),
    .init("2026年內完成上市", "2026-12-31", "2026年內"),
    .init("硅谷四巨头2026预测：搜索将被重塑", "2026-12-31", "2026"),
    .init("2026年度十大科技趋势", "2026-12-31", "2026年度"),
    .init("2030年以后才会普及", nil),
    .init("2026年-2028年复合增速超30%", "2028-12-31", "2026年-2028年", start: "2026-01-01"),
    .init("2026-2028年市场规模将翻三倍", "2028-12-31", "2026-2028年", start: "2026-01-01"),
    .init("2026至2028年将是窗口期", "2028-12-31", "2026至2028年"),
    .init("2026到2028年持续增长", "2028-12-31", "2026到2028年"),
    .init("2027年或2028年交付", "2028-12-31", "2027年或2028年"),
    .init("2026—2028年行動計劃", "2028-12-31", "2026—2028年"),
    .init("2023-2025年间累计投入", "2025-12-31", "2023-2025年间", start: "2023-01-01"),
  ]

  static let parts: [FrameCase] = [
    .init("2026年上半年发布", "2026-06-30", "2026年上半年", start: "2026-01-01"),
    .init("2026年下半年將量產", "2026-12-31", "2026年下半年", start: "2026-07-01"),
    .init("下半年将推出新品", on: published, "2026-12-31", "下半年"),
    .init("上半年完成融资", framing: 2027, "2027-06-30", "上半年"),
    .init("上半年完成融资", nil),
    .init("2026年第三季度交付", "2026-09-30", "2026年第三季度", start: "2026-07-01"),
    .init("2026年一季度营收", "2026-03-31", "2026年一季度"),
    .init("第四季度將推出", on: published, "2026-12-31", "第四季度"),
    .init("2026年Q3上市", "2026-09-30", "2026年Q3"),
    .init("2026Q2发布", "2026-06-30", "2026Q2"),
    .init("2026 Q3发布", "2026-09-30", "2026 Q3"),
    .init("2026H2出货", "2026-12-31", "2026H2"),
    .init("2026年前三季度净利润", "2026-09-30", "2026年前三季度", start: "2026-01-01"),
    .init("2026年3月发布", "2026-03-31", "2026年3月", start: "2026-03-01"),
    .init("2026年十二月交付", "2026-12-31", "2026年十二月"),
    .init("3月底前完成", on: published, "2026-03-31", "3月底"),
    .init("3月末上線", on: published, "2026-03-31", "3月末"),
    .init("2月1日上线春节活动", on: published, "2026-02-01", "2月1日"),
    .init("2月1日上线春节活动", framing: 2027, "2027-02-01", "2月1日"),
    .init("2月1日上线春节活动", nil),
    .init("2026年2月1日起施行", "2026-02-01", "2026年2月1日"),
    .init("6月18號開賣", on: published, "2026-06-18", "6月18號"),
    .init("2026-03-15发布", "2026-03-15", "2026-03-15"),
  ]

  static let relative: [FrameCase] = [
    .init("今年将推出", on: published, "2026-12-31", "今年"),
    .init("今年内完成", on: published, "2026-12-31", "今年内"),
    .init("今年底上市", on: published, "2026-12-31", "今年底"),
    .init("今年年底上市", on: published, "2026-12-31", "今年年底"),
    .init("今年晚些时候发布", on: published, "2026-12-31", "今年晚些时候"),
    .init("年内完成交割", on: published, "2026-12-31", "年内"),
    .init("预计年底完成", on: published, "2026-12-31", "年底"),
    .init("年末前交付", on: published, "2026-12-31", "年末"),
    .init("明年将推出", on: published, "2027-12-31", "明年", start: "2027-01-01"),
    .init("明年底前量产", on: published, "2027-12-31", "明年底"),
    .init("明年上半年发布", on: published, "2027-06-30", "明年上半年"),
    .init("後年才會普及", on: published, "2028-12-31", "後年"),
    .init("后年上市", on: published, "2028-12-31", "后年"),
    .init("明年将推出", nil),
    .init("明年上半年发布", framing: 2026, nil),
    .init("18个月内面临资金枯竭", on: published, "2027-07-20", "18个月内", start: nil),
    .init("十八個月內推出", on: published, "2027-07-20", "十八個月內"),
    .init("3个月后上线", on: published, "2026-04-20", "3个月后"),
    .init("未来三个月", on: published, "2026-04-20", "未来三个月"),
    .init("3年后上市", on: published, "2029-01-20", "3年后"),
    .init("两年内盈利", on: published, "2028-01-20", "两年内"),
    .init("兩年內盈利", on: published, "2028-01-20", "兩年內"),
    .init("未来5年", on: published, "2031-01-20", "未来5年"),
    .init("未來十年將增長", on: published, "2036-01-20", "未來十年"),
    .init("十年内超越", on: published, "2036-01-20", "十年内"),
    .init("半年内推出", on: published, "2026-07-20", "半年内"),
    .init("未来半年", on: published, "2026-07-20", "未来半年"),
    .init("一年半内", on: published, "2027-07-20", "一年半内"),
    .init("2000天后", on: published, "2031-07-13", "2000天后"),
    .init("坚持2000天", on: published, "2031-07-13", "2000天"),
    .init("30天内", on: published, "2026-02-19", "30天内"),
    .init("两周内上线", on: published, "2026-02-03", "两周内"),
    .init("3個星期內", on: published, "2026-02-10", "3個星期內"),
    .init("1个月内", on: "2026-01-31", "2026-02-28", "1个月内"),
    .init("下个月发布", on: published, "2026-02-28", "下个月"),
    .init("下季度交付量突破5万辆", on: published, "2026-06-30", "下季度", start: "2026-04-01"),
    .init("本季度推出新车型", on: "2026-12-02", "2026-12-31", "本季度"),
    .init("預估下一季營收成長", on: "2026-11-10", "2027-03-31", "下一季"),
    .init("本季节的新品", on: published, nil),
    // The shopping festivals, by their day; 618 only before what names the festival.
    .init("今年双11销售额有望增长", on: published, "2026-11-11", "今年双11"),
    .init("雙十二當天", on: published, "2026-12-12", "雙十二"),
    .init("明年618大促", on: published, "2027-06-18", "明年618"),
    .init("营收达到618亿元", on: published, nil),
    .init("將於本月20日開售", on: "2026-09-08", "2026-09-20", "本月20日"),
    .init("下个月5号发布", on: published, "2026-02-05", "下个月5号"),
    // 全年 alone is the year in view; after a year it is part of that year's words.
    .init("全年成交量將突破2萬宗", on: published, "2026-12-31", "全年"),
    .init("2025年全年营收增长", on: published, "2025-12-31", "2025年"),
    .init("未来半年内", nil),
    // A range of counts runs to its far end; years in a range are a span of years.
    .init("未来3到5年", on: published, "2031-01-20", "未来3到5年"),
    .init("2到3年之後才能泛化", on: published, "2029-01-20", "2到3年之後"),
    .init("三至五年内普及", on: published, "2031-01-20", "三至五年内"),
    .init("3-5年后", on: published, "2031-01-20", "3-5年后"),
    .init("5到3年后", on: published, "2029-01-20", "3年后"),
    .init("未来几年", on: published, nil),
    .init("几年内", on: published, nil),
  ]

  static let traditionalAndVariants: [FrameCase] = [
    .init("明年底前完成", on: published, "2027-12-31", "明年底"),
    .init("今年內上市", on: published, "2026-12-31", "今年內"),
    .init("未來三個月", on: published, "2026-04-20", "未來三個月"),
    .init("兩週內回覆", on: published, "2026-02-03", "兩週內"),
    .init("2026年第四季出貨", "2026-12-31", "2026年第四季"),
    .init("首季度营收", on: published, "2026-03-31", "首季度"),
    .init("今年前三季度", on: published, "2026-09-30", "今年前三季度"),
    .init("六月十八日開賣", on: published, "2026-06-18", "六月十八日"),
    .init("２０２６年３月", "2026-03-31", "２０２６年３月"),
    .init("2030年前后普及", "2030-12-31", "2030年前后", start: "2030-01-01"),
    .init("到年底", on: published, "2026-12-31", "到年底"),
    .init("到明年", on: published, "2027-12-31", "到明年", start: nil),
    .init("截至2027年6月", "2027-06-30", "截至2027年6月", start: nil),
    .init("3月上旬发布", on: published, "2026-03-10", "3月上旬"),
    .init("最近三个月", on: published, "2026-01-19", "最近三个月", start: "2025-10-20"),
    .init("上个月发布", on: published, "2025-12-31", "上个月"),
    .init("今明两年", on: published, "2027-12-31", "今明两年", start: "2026-01-01"),
    .init("2026年中国市场", "2026-12-31", "2026年"),
    .init("每年底结算", on: published, nil),
    .init("至少3年", on: published, nil),
    .init("一年一度", on: published, nil),
    .init("第2000天", on: published, nil),
  ]

  /// Digits spaced from the Chinese units after them, as text set from a PDF has them.
  static let spaced: [FrameCase] = [
    .init("2026 年,全球装机预计下滑", "2026-12-31", "2026 年"),
    .init("最早会在 2027 年恢复增长", "2027-12-31", "2027 年"),
    .init("2026 年至 2028 年持续增长", "2028-12-31", "2026 年至 2028 年", start: "2026-01-01"),
    .init("2026 年 3 月发布", "2026-03-31", "2026 年 3 月", start: "2026-03-01"),
    .init("将于 2 月 5 日上市", on: published, "2026-02-05", "2 月 5 日"),
    .init("2026 年 2 月 5 日起施行", "2026-02-05", "2026 年 2 月 5 日"),
    .init("3 月底前完成", on: published, "2026-03-31", "3 月底"),
    // Only one space, and only after digits.
    .init("2026  年装机", nil),
    .init("二〇二六 年装机", nil),
  ]

  @Test(arguments: years) func readsYearsAndRanges(_ c: FrameCase) { c.check() }
  @Test(arguments: spaced) func readsDigitsSpacedFromTheirUnits(_ c: FrameCase) { c.check() }
  @Test(arguments: parts) func readsPartsOfYears(_ c: FrameCase) { c.check() }
  @Test(arguments: relative) func countsFromPublication(_ c: FrameCase) { c.check() }
  @Test(arguments: traditionalAndVariants) func readsVariants(_ c: FrameCase) { c.check() }
}

extension ChineseTimeFrameTests {
  /// The start of a year, tomorrow and weeks from the publication day (2026-01-20, a Tuesday).
  static let earlyAndNear: [FrameCase] = [
    .init("明年初发布", on: published, "2027-03-31", "明年初", start: "2027-01-01"),
    .init("2027年初上市", "2027-03-31", "2027年初"),
    .init("明天发布财报", on: published, "2026-01-21", "明天"),
    .init("下周发布", on: published, "2026-02-01", "下周", start: "2026-01-26"),
    .init("本週發布", on: published, "2026-01-25", "本週"),
    .init("2027年秋季发布", "2027-11-30", "2027年秋季", start: "2027-09-01"),
    .init("明年夏天推出", on: published, "2027-08-31", "明年夏天"),
    // 初步 is "preliminarily", not early in the year.
    .init("2027年初步建成", "2027-12-31", "2027年"),
  ]

  @Test(arguments: earlyAndNear) func readsEarlyYearsDaysAndWeeks(_ c: FrameCase) { c.check() }
}
