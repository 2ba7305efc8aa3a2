import Foundation
import Testing

@testable import ClaimLedger

/// A date as written, and the calendar day it names (nil: rejected).
struct DayParseCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: [Int]?
  var testDescription: String { "\"\(text)\"" }

  static func valid(_ text: String, _ year: Int, _ month: Int, _ day: Int) -> DayParseCase {
    DayParseCase(text: text, expected: [year, month, day])
  }

  static func rejected(_ text: String) -> DayParseCase {
    DayParseCase(text: text, expected: nil)
  }
}

/// A day, a number of days to add, and the day that gives.
struct DayStepCase: Sendable, CustomTestStringConvertible {
  let start: String
  let days: Int
  let end: String
  var testDescription: String { "\(start) \(days < 0 ? "-" : "+") \(abs(days)) = \(end)" }
}

@Suite struct DayTests {
  static let parseCases: [DayParseCase] = [
    .valid("2026-01-21", 2026, 1, 21),
    .valid("2024-02-29", 2024, 2, 29),
    .valid("2000-02-29", 2000, 2, 29),
    .valid("2026-12-31", 2026, 12, 31),
    .valid("1970-01-01", 1970, 1, 1),
    .valid("0001-01-01", 1, 1, 1),
    .valid("9999-12-31", 9999, 12, 31),
    .rejected("2026-02-30"),
    .rejected("2100-02-29"),
    .rejected("2023-02-29"),
    .rejected("2026-04-31"),
    .rejected("2026-13-01"),
    .rejected("2026-00-10"),
    .rejected("2026-01-00"),
    .rejected("2026-01-32"),
    .rejected("0000-01-01"),
    .rejected("2026-1-21"),
    .rejected("26-01-21"),
    .rejected("2026/01/21"),
    .rejected("2026.01.21"),
    .rejected("20260121"),
    .rejected("2026-01-21 "),
    .rejected(" 2026-01-21"),
    .rejected("2026-01-21T00:00:00Z"),
    .rejected("+026-01-21"),
    .rejected("-026-01-21"),
    .rejected("2026-0a-21"),
    .rejected("２０２６-01-21"),
    .rejected("2026年1月21日"),
    .rejected(""),
  ]

  @Test(arguments: parseCases)
  func readsOnlyRealDaysWrittenAsYYYYMMDD(_ c: DayParseCase) {
    let parsed = Day(c.text).map { day in
      let (year, month, dayOfMonth) = day.components
      return [year, month, dayOfMonth]
    }
    #expect(parsed == c.expected)
  }

  @Test func countsDaysFromTheUnixEpoch() throws {
    #expect(try Fixture.day("1970-01-01").daysSinceEpoch == 0)
    #expect(try Fixture.day("1969-12-31").daysSinceEpoch == -1)
    #expect(try Fixture.day("2000-03-01").daysSinceEpoch == 11_017)
    #expect(try Fixture.day("2026-01-21").daysSinceEpoch == 20_474)
    #expect(try Fixture.day("0001-01-01").daysSinceEpoch == -719_162)
    #expect(try Fixture.day("9999-12-31").daysSinceEpoch == 2_932_896)
  }

  @Test func aCountPastThirtyTwoBitsStopsAtTheLastDayKept() {
    // Days are kept in 32 bits; no calendar date comes near, and a count that does must not
    // trap (a far timestamp, a large `--within`).
    #expect(Day(daysSinceEpoch: Int.max).daysSinceEpoch == Int(Int32.max))
    #expect(Day(daysSinceEpoch: Int.min).daysSinceEpoch == Int(Int32.min))
    #expect(
      Day(daysSinceEpoch: 20_474).adding(days: Int(Int32.max)).daysSinceEpoch == Int(Int32.max))
  }

  @Test func loadedValuesKeepTheirCompactLayout() {
    // A loaded ledger holds a million claims and records; these sizes are most of its memory.
    #expect(MemoryLayout<Day?>.size == 5)
    #expect(MemoryLayout<Claim>.size <= 176)
    #expect(MemoryLayout<Resolution?>.size <= 40)
    #expect(MemoryLayout<ClaimRecord>.size <= 144)
  }

  @Test func buildsFromComponentsOnlyWhenTheDayExists() {
    #expect(Day(year: 2024, month: 2, day: 29)?.description == "2024-02-29")
    #expect(Day(year: 2026, month: 2, day: 29) == nil)
    #expect(Day(year: 2026, month: 6, day: 31) == nil)
    #expect(Day(year: 10_000, month: 1, day: 1) == nil)
    #expect(Day(year: 2026, month: 0, day: 1) == nil)
  }

  static let stepCases: [DayStepCase] = [
    .init(start: "2024-02-28", days: 1, end: "2024-02-29"),
    .init(start: "2024-02-28", days: 2, end: "2024-03-01"),
    .init(start: "2100-02-28", days: 1, end: "2100-03-01"),
    .init(start: "2026-12-31", days: 1, end: "2027-01-01"),
    .init(start: "2026-03-01", days: -1, end: "2026-02-28"),
    .init(start: "2026-01-21", days: 0, end: "2026-01-21"),
    .init(start: "2026-01-01", days: 365, end: "2027-01-01"),
    .init(start: "2024-01-01", days: 366, end: "2025-01-01"),
    .init(start: "1970-01-01", days: -1, end: "1969-12-31"),
    .init(start: "2000-01-01", days: 146_097, end: "2400-01-01"),
  ]

  @Test(arguments: stepCases)
  func addsDaysAcrossMonthsYearsAndLeapDays(_ c: DayStepCase) throws {
    let start = try Fixture.day(c.start)
    let end = try Fixture.day(c.end)
    #expect(start.adding(days: c.days) == end)
    #expect(start.days(until: end) == c.days)
    #expect(end.days(until: start) == -c.days)
  }

  @Test func ordersByDate() throws {
    let days = try ["2026-01-21", "2025-12-31", "2026-01-02", "1999-07-04"].map(Fixture.day)
    #expect(
      days.sorted().map(\.description) == ["1999-07-04", "2025-12-31", "2026-01-02", "2026-01-21"])
    #expect(try Fixture.day("2026-01-21") < Fixture.day("2026-01-22"))
  }

  @Test func endsOfYearsAndMonths() {
    #expect(Day.endOfYear(2026)?.description == "2026-12-31")
    #expect(Day.endOfMonth(2, in: 2024)?.description == "2024-02-29")
    #expect(Day.endOfMonth(2, in: 2100)?.description == "2100-02-28")
    #expect(Day.endOfMonth(2, in: 2000)?.description == "2000-02-29")
    #expect(Day.endOfMonth(4, in: 2026)?.description == "2026-04-30")
    #expect(Day.endOfMonth(13, in: 2026) == nil)
    #expect(Day.endOfMonth(0, in: 2026) == nil)
  }

  @Test func printsAndReadsBackEveryDayOfTheRange() throws {
    let first = try Fixture.day("0001-01-01").daysSinceEpoch
    let last = try Fixture.day("9999-12-31").daysSinceEpoch
    for days in stride(from: first, through: last, by: 97) {
      let day = Day(daysSinceEpoch: days)
      #expect(Day(day.description) == day, "\(days) prints as \(day.description)")
    }
    #expect(Day(daysSinceEpoch: last).description == "9999-12-31")
  }

  /// The fast conversion agrees with the era-by-era one over its whole range: densely at both
  /// ends and across the years in use, sampled in between; past its ends the other takes over.
  @Test func convertsDayCountsAsTheEraByEraAlgorithmDoes() {
    let first = -12_699_422
    let last = 1_073_741_822 - 12_699_422
    var counts = Array(first..<(first + 50_000)) + Array((last - 50_000)...last)
    counts += Array(-800_000...800_000)
    counts += stride(from: first, through: last, by: 9_973).map { $0 }
    counts += [first - 1, first - 146_097, last + 1, last + 1_000_000, -1 << 40, 1 << 40]
    for days in counts where Day.civil(fromDays: days) != Day.civilByEras(fromDays: days) {
      Issue.record("\(days): \(Day.civil(fromDays: days)) vs \(Day.civilByEras(fromDays: days))")
      return
    }
  }

  @Test func agreesWithFoundationsGregorianCalendarDayByDay() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let start = try Fixture.day("1899-12-25").daysSinceEpoch
    let end = try Fixture.day("2101-01-05").daysSinceEpoch
    var previous: String?
    for days in start...end {
      let date = Date(timeIntervalSince1970: Double(days) * 86_400)
      let expected = calendar.dateComponents([.year, .month, .day], from: date)
      let day = Day(daysSinceEpoch: days)
      let (year, month, dayOfMonth) = day.components
      guard year == expected.year, month == expected.month, dayOfMonth == expected.day else {
        Issue.record("\(days): \(day) but Foundation says \(expected)")
        return
      }
      #expect(Day(day.description) == day)
      if let previous { #expect(previous < day.description) }
      previous = day.description
    }
  }
}
