import Testing

@Suite struct EnglishTimeFrameTests {
  static let years: [FrameCase] = [
    .init("Robotaxis will be common in 2026.", "2026-12-31", "in 2026", start: "2026-01-01"),
    .init("Fusion power by 2027, he says", "2027-12-31", "by 2027", start: nil),
    .init("Our outlook for 2026 is upbeat", "2026-12-31", "for 2026"),
    .init("Rates stay high through 2027", "2027-12-31", "through 2027"),
    .init("No cuts until 2028", "2028-12-31", "until 2028"),
    .init("The ban holds during 2026", "2026-12-31", "during 2026"),
    .init("Net zero before 2030", "2029-12-31", "before 2030"),
    .init("Growth of 2026 will slow", "2026-12-31", "of 2026"),
    // A preposition before a word that starts no frame is passed over; a later one is read.
    .init("Demand in the market of 2026 rises", "2026-12-31", "of 2026"),
    .init("Demand in the end of 2026 rises", "2026-12-31", "in the end of 2026", start: nil),
    .init("Prices fall by ２０２７", "2027-12-31", "by ２０２７"),
    .init("2026 will be the year of agents", nil),
    .init("Adoption soars after 2030", nil),
    .init("The plan covers 2026-2028", "2028-12-31", "2026-2028", start: "2026-01-01"),
    .init("between 2026 and 2028 demand doubles", "2028-12-31", "between 2026 and 2028"),
    .init("from 2026 to 2028 the fleet grows", "2028-12-31", "from 2026 to 2028"),
    .init("The plan runs 2026 to 2028", "2028-12-31", "2026 to 2028"),
    // Either year: not over until the later one is.
    .init("deliveries begin in 2027 or 2028", "2028-12-31", "in 2027 or 2028"),
    .init("Sales climb in 2026-27", "2027-12-31", "in 2026-27"),
  ]

  static let parts: [FrameCase] = [
    .init("Launch in Q3 2026", "2026-09-30", "in Q3 2026", start: "2026-07-01"),
    .init("Shipping 2026 Q4", "2026-12-31", "2026 Q4"),
    .init("Expect it in the third quarter of 2026", "2026-09-30", "in the third quarter of 2026"),
    .init("the first half of 2027", "2027-06-30", "the first half of 2027"),
    .init("Sales peak in H2 2026", "2026-12-31", "in H2 2026", start: "2026-07-01"),
    .init(
      "in the second half of next year", on: published, "2027-12-31",
      "in the second half of next year"),
    .init("by the fourth quarter", on: published, "2026-12-31", "by the fourth quarter"),
    .init("and in Q2 they peak", on: published, "2026-06-30", "in Q2"),
    .init("Opens in March 2027", "2027-03-31", "in March 2027", start: "2027-03-01"),
    .init("Due March 1, 2027", "2027-03-01", "March 1, 2027"),
    .init("Due on 1 March 2027", "2027-03-01", "1 March 2027"),
    .init("Ships March 3", on: published, "2026-03-03", "March 3"),
    .init("Ships March 3", framing: 2026, "2026-03-03", "March 3"),
    .init("Ships March 3", nil),
    .init("Talks resume in March", on: published, "2026-03-31", "in March"),
    .init("Troops march north", on: published, nil),
    .init("It may rain", on: published, nil),
    .init("by mid-2026", "2026-06-30", "by mid-2026"),
    .init("in early 2027", "2027-06-30", "in early 2027", start: "2027-01-01"),
    .init("late 2026", "2026-12-31", "late 2026", start: "2026-07-01"),
    .init("the end of 2026", "2026-12-31", "the end of 2026", start: nil),
    .init("by the end of 2026", "2026-12-31", "by the end of 2026"),
    .init("by year-end", on: published, "2026-12-31", "by year-end"),
    .init("closing at year end", on: published, "2026-12-31", "year end"),
    .init("by the end of the year", on: published, "2026-12-31", "by the end of the year"),
  ]

  static let relative: [FrameCase] = [
    .init("robotaxis next year", on: published, "2027-12-31", "next year", start: "2027-01-01"),
    .init("later this year", on: published, "2026-12-31", "later this year"),
    .init("this year", on: published, "2026-12-31", "this year"),
    .init("by the end of next year", on: published, "2027-12-31", "by the end of next year"),
    .init("next year", nil),
    .init("within 18 months", on: published, "2027-07-20", "within 18 months", start: nil),
    .init("in 18 months", on: published, "2027-07-20", "in 18 months"),
    .init(
      "over the next eighteen months", on: published, "2027-07-20",
      "over the next eighteen months"),
    .init("in two years", on: published, "2028-01-20", "in two years"),
    .init("within three years", on: published, "2029-01-20", "within three years"),
    .init("over the next 5 years", on: published, "2031-01-20", "over the next 5 years"),
    .init("in the next twenty years", on: published, "2046-01-20", "in the next twenty years"),
    .init("in a couple of years", on: published, "2028-01-20", "in a couple of years"),
    .init("two years from now", on: published, "2028-01-20", "two years from now"),
    .init("within 30 days", on: published, "2026-02-19", "within 30 days"),
    .init("within a year", on: published, "2027-01-20", "within a year"),
    .init("over the next decade", on: published, "2036-01-20", "over the next decade"),
    .init("in a decade", on: published, "2036-01-20", "in a decade"),
    .init("by the end of the decade", on: published, "2030-12-31", "by the end of the decade"),
    .init("in the coming years", on: published, nil),
    .init("in a few years", on: published, nil),
    .init("within 18 months", nil),
    .init("it lasted 18 months", on: published, nil),
  ]

  static let variants: [FrameCase] = [
    .init("Filed by Sept. 30, 2026", "2026-09-30", "by Sept. 30, 2026"),
    .init("Opens Dec 2026", "2026-12-31", "Dec 2026"),
    .init("by the end of March", on: published, "2026-03-31", "by the end of March", start: nil),
    .init("by the end of Q3", on: published, "2026-09-30", "by the end of Q3"),
    .init("until the end of 2027", "2027-12-31", "until the end of 2027"),
    .init("in early next year", on: published, "2027-06-30", "in early next year"),
    .init("before March 2027", "2027-02-28", "before March 2027"),
    .init("in the first half", on: published, "2026-06-30", "in the first half"),
    .init("H1 results", framing: 2027, "2027-06-30", "H1"),
    .init("Q3-2026 guidance", "2026-09-30", "Q3-2026"),
    .init("next month", on: published, "2026-02-28", "next month"),
    .init("between now and 2030", "2030-12-31", "between now and 2030", start: nil),
    .init("IN 2026", "2026-12-31", "IN 2026"),
    .init("over the next year", on: published, "2027-01-20", "over the next year"),
    .init("within twenty-four months", on: published, "2028-01-20", "within twenty-four months"),
    .init("in three weeks", on: published, "2026-02-10", "in three weeks"),
    .init("since 2020", nil),
    .init("by the 2030s", nil),
    .init("for 3 years", on: published, nil),
    .init("the decade ahead", on: published, nil),
    .init("the Q3x model", nil),
  ]

  /// A year's half or quarter named with a possessive, and a quarter by the month it ends.
  static let possessiveAndMonthQuarters: [FrameCase] = [
    .init("on the market in 2026's first half", "2026-06-30", "in 2026's first half"),
    .init("in 2027’s third quarter", "2027-09-30", "in 2027’s third quarter", start: "2027-07-01"),
    .init("in this year's first half", on: published, "2026-06-30", "in this year's first half"),
    .init("next year's second half", on: published, "2027-12-31", "next year's second half"),
    .init("in this year's first half", nil),
    .init("a June quarter launch", on: published, "2026-06-30", "June quarter"),
    .init("in the December quarter", on: published, "2026-12-31", "in the December quarter"),
    .init(
      "in the March quarter", on: published, "2026-03-31", "in the March quarter",
      start: "2026-01-01"),
    // A quarter-point cut in June is a month.
    .init("a June quarter-point cut", on: published, nil),
    .init(
      "in the January quarter", on: published, "2026-01-31", "in the January quarter",
      start: "2026-01-01"),

  ]

  @Test(arguments: years) func readsYearsAndRanges(_ c: FrameCase) { c.check() }
  @Test(arguments: possessiveAndMonthQuarters)
  func readsPossessiveHalvesAndMonthQuarters(_ c: FrameCase) { c.check() }
  @Test(arguments: parts) func readsPartsOfYears(_ c: FrameCase) { c.check() }
  @Test(arguments: relative) func countsFromPublication(_ c: FrameCase) { c.check() }
  @Test(arguments: variants) func readsVariants(_ c: FrameCase) { c.check() }
}

extension EnglishTimeFrameTests {
  /// Days and weeks from the publication day (2026-01-20, a Tuesday), and fiscal years.
  static let nearAndFiscal: [FrameCase] = [
    .init("Tickets go on sale tomorrow", on: published, "2026-01-21", "tomorrow"),
    .init(
      "The plan comes this week", on: published, "2026-01-25", "this week", start: "2026-01-19"),
    .init(
      "The report is out next week", on: published, "2026-02-01", "next week", start: "2026-01-26"),
    .init("Revenue reaches $5B in fiscal 2027", "2028-03-31", "in fiscal 2027", start: nil),
    .init("Tickets go on sale tomorrow", nil),
    // Seasons of the northern year, and a month said as "next".
    .init("Rates fall before next summer", on: published, "2026-05-31", "before next summer"),
    .init("Cash runs out by next August", on: published, "2026-08-31", "by next August"),
    .init("It ships in the summer of 2027", "2027-08-31", "in the summer of 2027"),
    // In January, "this winter" is the one under way.
    .init("The app comes this winter", on: published, "2026-02-28", "this winter"),
    .init("Prices fall sharply", on: published, nil),
    // A season's name in another sense, or an amount after "fall", is no window.
    .init("Exporters gain from the fall in the yen", on: published, nil),
    .init("Sales peak before the Spring Festival", on: published, nil),
    .init("The Dow could fall 1900 points", on: published, nil),
    .init("It ships in the fall of 2027", "2027-11-30", "in the fall of 2027"),
    // A month named by its event needs no preposition; a bare May still does.
    .init("The Fed cuts at its December meeting", on: published, "2026-12-31", "December meeting"),
    .init(
      "A deal comes at the May summit", on: published, "2026-05-31", "the May summit",
      start: "2026-05-01"),
    .init("May prices fall", on: published, nil),
    // The year in view: all of it, the rest of it, or its end after a verb of ending.
    .init("Rates stay above 6% all year", on: published, "2026-12-31", "all year"),
    .init(
      "Sales slow for the rest of the year", on: published, "2026-12-31", "for the rest of the year"
    ),
    .init("The index finishes the year below 7,000", on: published, "2026-12-31", "the year"),
    .init("The year was a good one", on: published, nil),
    // A quarter as an adjective, the full year, a fiscal year spelled out.
    .init(
      "It expects second-quarter revenue of $10 billion", on: published, "2026-06-30",
      "second-quarter"),
    .init("Profit turns positive for the full year 2027", "2027-12-31", "for the full year 2027"),
    .init("Sony breaks even in fiscal year 2027", "2028-03-31", "in fiscal year 2027", start: nil),
    .init(
      "Revenue rises in fiscal 2027, which ends June 30, 2027", "2027-06-30",
      "in fiscal 2027, which ends June 30, 2027", start: nil),
    // In an outlook for a later year, a month naming no year is in that year.
    .init(
      "Inflation falls by December", on: "2026-11-23", framing: 2027, "2027-12-31", "by December"),
    .init(
      "Inflation falls by December", on: "2026-03-02", framing: 2026, "2026-12-31", "by December"),
    // Quarters counted from the one holding publication, into the next year when it is Q4.
    .init(
      "Margins recover next quarter", on: published, "2026-06-30", "next quarter",
      start: "2026-04-01"),
    .init("Sales grow this quarter", on: published, "2026-03-31", "this quarter"),
    .init(
      "It ships in the coming quarter", on: "2026-11-05", "2027-03-31", "in the coming quarter",
      start: "2027-01-01"),
    .init(
      "A launch by the end of the current quarter", on: published, "2026-03-31",
      "by the end of the current quarter"),
    // A district and an amount are no quarter of the year.
    .init("Rents rise in this quarter of the city", on: published, nil),
    .init("The Fed makes a next quarter-point cut", on: published, nil),
  ]

  @Test(arguments: nearAndFiscal) func readsDaysWeeksAndFiscalYears(_ c: FrameCase) { c.check() }
}
