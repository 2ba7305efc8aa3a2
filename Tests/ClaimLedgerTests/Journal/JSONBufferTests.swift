import Testing

@testable import ClaimLedger

/// The writer behind the journal, `list --json` and exports: commas, numbers and texts of
/// every length come out exactly as JSON spells them.
@Suite struct JSONBufferTests {
  static func text(_ write: (inout JSONBuffer) -> Void) -> String {
    var json = JSONBuffer()
    write(&json)
    return json.text
  }

  @Test func separatesMembersAndElementsWithCommasAtEveryDepth() {
    let text = Self.text { json in
      json.beginObject()
      json.key(ascii: "a")
      json.beginArray()
      json.integer(1)
      json.beginObject()
      json.endObject()
      json.beginArray()
      json.endArray()
      json.null()
      json.endArray()
      json.key("b")
      json.bool(true)
      json.field(ascii: "c", "x" as String?)
      json.field(ascii: "d", nil as String?)
      json.key(ascii: "e")
      json.bool(false)
      json.key(ascii: "f")
      json.string("say \"hi\"")
      json.key(ascii: "g")
      json.raw(Array("[2]".utf8))
      json.key(ascii: "deadline_text")
      json.beginObject()
      json.key(ascii: "h")
      json.day(nil)
      json.endObject()
      json.endObject()
    }
    #expect(
      text
        == #"{"a":[1,{},[],null],"b":true,"c":"x","e":false,"f":"say \"hi\"","g":[2],"#
        + #""deadline_text":{"h":null}}"#)
  }

  /// A key waits for its value so both go out in one append; lines written one after another
  /// start clean.
  @Test func aKeyGoesOutWithItsValueAndEachLineStartsClean() {
    var json = JSONBuffer()
    json.beginObject()
    json.key(ascii: "quote")
    #expect(json.text == "{")
    json.null()
    #expect(json.text == #"{"quote":null"#)
    json.endObject()
    json.appendVerbatim("\n")
    json.startNewValue()
    json.beginObject()
    json.key(ascii: "id")
    json.integer(-12)
    json.endObject()
    #expect(json.text == "{\"quote\":null}\n{\"id\":-12}")
  }

  @Test(arguments: [0, 7, -7, 10, 1_234_567_890, Int.max, Int.min])
  func writesIntegersAsStringDoes(value: Int) {
    #expect(Self.text { $0.integer(value) } == String(value))
  }

  /// Every hundredth, spelled from its digits, and numbers that take the general path.
  @Test(
    arguments: [0, -0.0, 1, -3, 0.123456789, 1e15, 1e20, -2.5e-8, 99.5, 0.999, 1.01, -0.35]
      + (1...99).map { Double($0) / 100 })
  func writesNumbersInTheirShortestExactForm(value: Double) {
    let expected =
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
    #expect(Self.text { $0.number(value) } == expected)
    var csv = CSVRowWriter()
    csv.number(value)
    #expect(String(decoding: csv.bytes, as: UTF8.self) == expected)
    #expect(ClaimExport.number(value) == expected)
  }

  /// Lengths around the longest text copied with its comma, with and without an escape.
  @Test(arguments: [0, 1, 95, 96, 97, 300])
  func writesTextsOfAnyLengthQuotedAndEscaped(length: Int) {
    let plain =
      String(repeating: "字", count: length / 3) + String(repeating: "a", count: length % 3)
    let escaped = plain + "\"\\\n"
    let text = Self.text { json in
      json.beginArray()
      json.string(plain)
      json.string(escaped)
      json.string(StoredText(plain))
      json.endArray()
    }
    let quoted = "\"" + plain + "\""
    #expect(text == "[\(quoted),\"\(plain)\\\"\\\\\\n\",\(quoted)]")
  }

  @Test func writesDaysTimesAndIdsQuoted() throws {
    let day = try Fixture.day("2026-01-02")
    let time = try Fixture.time("2026-01-21T09:30:00.123Z")
    let id = try Fixture.id("00a0ff1234")
    let text = Self.text { json in
      json.beginArray()
      json.day(day)
      json.day(nil)
      json.timestamp(time)
      json.id(id)
      json.endArray()
    }
    #expect(text == #"["2026-01-02",null,"2026-01-21T09:30:00.123Z","00a0ff1234"]"#)
  }

  /// Years outside 0…9999 take as many digits as they need, in every writer alike.
  @Test(arguments: [-1_000_000, -719_529, -719_528, 2_932_896, 2_932_897, 400_000_000])
  func spellsDaysOfAnyYearAlike(daysSinceEpoch: Int) {
    let day = Day(daysSinceEpoch: daysSinceEpoch)
    let (year, month, dayOfMonth) = day.components
    let expected = "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(dayOfMonth, 2))"
    #expect(day.description == expected)
    #expect(Self.text { $0.day(day) } == "\"\(expected)\"")
    let noon = Timestamp(millisecondsSinceEpoch: Int64(daysSinceEpoch) * 86_400_000 + 43_200_007)
    #expect(noon.description == expected + "T12:00:00.007Z")
  }
}
