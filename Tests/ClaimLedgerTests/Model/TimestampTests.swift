import Foundation
import Testing

@testable import ClaimLedger

/// A recorded time as written, and its milliseconds since the epoch (nil: rejected).
struct TimestampCase: Sendable, CustomTestStringConvertible {
  let text: String
  let milliseconds: Int64?
  var testDescription: String { "\"\(text)\"" }
}

@Suite struct TimestampTests {
  static let cases: [TimestampCase] = [
    .init(text: "2026-01-21T09:30:00Z", milliseconds: 1_768_987_800_000),
    .init(text: "2026-01-21T09:30:00.000Z", milliseconds: 1_768_987_800_000),
    .init(text: "2026-01-21T09:30:00.123Z", milliseconds: 1_768_987_800_123),
    .init(text: "1970-01-01T00:00:00Z", milliseconds: 0),
    .init(text: "1970-01-01T00:00:00.001Z", milliseconds: 1),
    .init(text: "1969-12-31T23:59:59.999Z", milliseconds: -1),
    .init(text: "2024-02-29T23:59:59Z", milliseconds: 1_709_251_199_000),
    .init(text: "2026-01-21T24:00:00Z", milliseconds: nil),
    .init(text: "2026-01-21T09:60:00Z", milliseconds: nil),
    .init(text: "2026-01-21T09:30:60Z", milliseconds: nil),
    .init(text: "2026-02-30T09:30:00Z", milliseconds: nil),
    .init(text: "2026-01-21 09:30:00Z", milliseconds: nil),
    .init(text: "2026-01-21t09:30:00z", milliseconds: nil),
    .init(text: "2026-01-21T09:30:00", milliseconds: nil),
    .init(text: "2026-01-21T09:30:00+00:00", milliseconds: nil),
    .init(text: "2026-01-21T09:30:00.12Z", milliseconds: nil),
    .init(text: "2026-01-21T09:30:00.1234Z", milliseconds: nil),
    .init(text: "2026-01-21T09:30:00,123Z", milliseconds: nil),
    .init(text: "2026-01-21T9:30:00.000Z", milliseconds: nil),
    .init(text: "2026-01-21", milliseconds: nil),
    .init(text: "", milliseconds: nil),
  ]

  @Test(arguments: cases)
  func readsBothUTCFormsAndNothingElse(_ c: TimestampCase) {
    #expect(Timestamp(c.text)?.millisecondsSinceEpoch == c.milliseconds)
  }

  @Test(arguments: cases.filter { $0.milliseconds != nil })
  func printsWithMillisecondsAndReadsBack(_ c: TimestampCase) throws {
    let time = try Fixture.time(c.text)
    let printed = time.description
    #expect(printed.utf8.count == 24)
    #expect(printed.hasSuffix("Z"))
    #expect(Timestamp(printed) == time)
    if c.text.utf8.count == 24 { #expect(printed == c.text) }
  }

  @Test func printsTheSecondsFormWithZeroMilliseconds() throws {
    #expect(try Fixture.time("2026-01-21T09:30:00Z").description == "2026-01-21T09:30:00.000Z")
    #expect(Timestamp(millisecondsSinceEpoch: -1).description == "1969-12-31T23:59:59.999Z")
    #expect(Timestamp(millisecondsSinceEpoch: 0).description == "1970-01-01T00:00:00.000Z")
  }

  /// A clock's instant falls in the millisecond that holds it, before the epoch too.
  @Test(arguments: [
    (1.9999, Int64(1999)), (0.0005, 0), (-0.0005, -1), (1_785_585_600, 1_785_585_600_000),
  ])
  func takesTheMillisecondAnInstantFallsIn(_ seconds: Double, _ milliseconds: Int64) {
    #expect(Timestamp(Date(timeIntervalSince1970: seconds)).millisecondsSinceEpoch == milliseconds)
  }

  @Test func knowsItsUTCDay() throws {
    #expect(try Fixture.time("2026-01-21T23:59:59.999Z").day == Fixture.day("2026-01-21"))
    #expect(try Fixture.time("2026-01-22T00:00:00Z").day == Fixture.day("2026-01-22"))
    #expect(Timestamp(millisecondsSinceEpoch: -1).day == (try Fixture.day("1969-12-31")))
  }

  @Test func spellsAnInstantPastWhatADayKeepsFromItsOwnDayCount() {
    // A day keeps 32 bits (five million years); a timestamp's day count reaches 37, and its
    // spelling must not take the clamped day and leave the rest in the hours.
    #expect(
      Timestamp(millisecondsSinceEpoch: 200_000_000_000_000_000).description
        == "6339717-09-13T19:33:20.000Z")
    let early = Timestamp(millisecondsSinceEpoch: -200_000_000_000_000_000).description
    #expect(early.hasPrefix("-"))
    #expect(early.hasSuffix("T04:26:40.000Z"))
    #expect(Timestamp(millisecondsSinceEpoch: Int64.min).description.hasSuffix("Z"))
  }

  @Test func startsADayAtMidnight() throws {
    let day = try Fixture.day("2026-01-21")
    #expect(Timestamp(startOf: day) == (try Fixture.time("2026-01-21T00:00:00Z")))
    #expect(Timestamp(startOf: day).day == day)
  }

  @Test func ordersByInstant() throws {
    let earlier = try Fixture.time("2026-01-21T09:30:00.999Z")
    let later = try Fixture.time("2026-01-21T09:30:01Z")
    #expect(earlier < later)
    #expect(!(later < earlier))
  }
}
