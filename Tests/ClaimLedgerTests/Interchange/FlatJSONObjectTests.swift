import Testing

@testable import ClaimLedger

@Suite struct FlatJSONObjectTests {
  static func read(_ bytes: [UInt8]) throws(JSONScanner.Failure) -> FlatJSONObject {
    try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
      try FlatJSONObject.read(buffer)
    }
  }

  @Test func readsTopLevelMembersAndPassesOverNestedOnes() throws {
    let line =
      #"{"text":"中文","confidence":0.7,"tags":["a","b"],"#
      + #""history":[{"entry":"claim","note":"say \"hi\"\n","n":[1,{"x":null}]}],"ok":true}"#
    let object = try Self.read(Array(line.utf8))
    #expect(object.value("text") == .string("中文"))
    #expect(object.value("confidence") == .number(0.7))
    #expect(object.value("tags") == .strings(["a", "b"]))
    // A list of objects, as an export's history is: checked, and marked as no list of tags.
    #expect(object.value("history") == .mixedList)
    #expect(object.value("ok") == .bool(true))
    #expect(object.value("missing") == nil)
    #expect(object.column("confidence") == 18)
  }

  @Test func invalidUTF8InsideAPassedOverStringIsStillRefused() {
    let prefix = Array(#"{"text":"A","history":[{"note":"ab"#.utf8)
    let line = prefix + [0xE4, 0x41] + Array(#""}]}"#.utf8)
    #expect {
      try Self.read(line)
    } throws: { error in
      let failure = error as? JSONScanner.Failure
      return failure?.reason == "invalid UTF-8" && failure?.offset == prefix.count
    }
  }

  @Test func aDuplicateKeyIsRefusedAtTheSecondKey() {
    let line = #"{"text":"C","text":"D"}"#
    #expect {
      try Self.read(Array(line.utf8))
    } throws: { error in
      let failure = error as? JSONScanner.Failure
      return failure?.reason == "duplicate key 'text'" && failure?.offset == 12
    }
  }
}
