import SplitMix
import Testing

@testable import ClaimLedger

/// A message and its SHA-256 digest from a standard or independently computed vector.
struct DigestCase: Sendable, CustomTestStringConvertible {
  let name: String
  let message: [UInt8]
  let digest: String
  var testDescription: String { name }

  init(_ name: String, _ message: String, _ digest: String) {
    self.name = name
    self.message = Array(message.utf8)
    self.digest = digest
  }
}

@Suite struct SHA256Tests {
  /// FIPS 180-4 example vectors, then lengths around the 55/56/64-byte padding boundaries.
  static let vectors: [DigestCase] = [
    .init("empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    .init("abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    .init(
      "448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    .init(
      "55 a", String(repeating: "a", count: 55),
      "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    .init(
      "56 a", String(repeating: "a", count: 56),
      "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    .init(
      "63 a", String(repeating: "a", count: 63),
      "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
    .init(
      "64 a", String(repeating: "a", count: 64),
      "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    .init(
      "65 a", String(repeating: "a", count: 65),
      "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    .init(
      "119 a", String(repeating: "a", count: 119),
      "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    .init(
      "120 a", String(repeating: "a", count: 120),
      "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
  ]

  @Test(arguments: vectors)
  func matchesTheStandardVectors(_ c: DigestCase) {
    #expect(SHA256.hex(of: c.message) == c.digest)
  }

  @Test func hashesOneMillionAs() {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      SHA256.hex(of: message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test(arguments: [1, 7, 55, 64, 100])
  func givesTheSameDigestFedInPieces(_ pieceSize: Int) {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    var hasher = SHA256()
    var start = 0
    while start < message.count {
      hasher.update(message[start..<min(start + pieceSize, message.count)])
      start += pieceSize
    }
    let digest = hasher.finalize()
    #expect(digest.count == 32)
    let hex = digest.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    #expect(hex == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  /// Bytes that vary at every position, so every word of the schedule and every round
  /// constant is exercised with mixed bits (the all-"a" vectors repeat one word).
  static func mixed(count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ ($0 >> 8) &* 7) }
  }

  /// Digests of `mixed(count:)` taken with Python's `hashlib.sha256`.
  @Test(arguments: [
    (1000, "5c4fdcae7b64eec36bb55ca89af3bb34373af4f06984831fd6aa3896172b934c"),
    (100_003, "cbdc57ea0fbca82290e90997cd7da1aeb5c4f420c0bc6589cec504bb45032f87"),
  ])
  func matchesAnIndependentDigestOfMixedBytes(_ count: Int, _ digest: String) {
    #expect(SHA256.hex(of: SHA256Tests.mixed(count: count)) == digest)
  }

  /// Cut at random places, including inside and at the edges of blocks, a message hashes as
  /// it does whole, whether the pieces arrive as buffers or as other sequences.
  @Test func givesTheSameDigestCutAtRandomPlaces() {
    var random = SplitMix64(seed: 256)
    let message = SHA256Tests.mixed(count: 5000)
    let whole = SHA256.hex(of: message)
    for _ in 0..<200 {
      var hasher = SHA256()
      var start = 0
      while start < message.count {
        let end = min(message.count, start + Int(random.next() % 200))
        if random.next() % 2 == 0 {
          message[start..<end].withUnsafeBytes { hasher.update($0) }
        } else {
          hasher.update(message[start..<end].lazy.map { $0 })
        }
        start = end
      }
      #expect(SHA256.hex(hasher.finalize()) == whole)
    }
  }

  /// Stopped after any whole number of blocks and taken up again from the kept state alone, a
  /// hasher gives the digest of the whole message; a state in the middle of a block is none.
  @Test func goesOnFromAKeptStateAsIfItHadNeverStopped() throws {
    let message = SHA256Tests.mixed(count: 1000)
    let whole = SHA256.hex(of: message)
    for cut in stride(from: 0, through: 960, by: 64) {
      var first = SHA256()
      message[0..<cut].withUnsafeBytes { first.update($0) }
      let state = try #require(first.midstate)
      #expect(state.byteCount == UInt64(cut))
      var second = try #require(SHA256(resuming: state))
      message[cut...].withUnsafeBytes { second.update($0) }
      #expect(SHA256.hex(second.finalize()) == whole)
    }
    var unfinished = SHA256()
    unfinished.update(message[0..<65])
    #expect(unfinished.midstate == nil)
    #expect(SHA256.initialState == SHA256().midstate)
    let misaligned = SHA256.Midstate(words: SHA256.initialState.words, byteCount: 32)
    let short = SHA256.Midstate(words: [1, 2, 3], byteCount: 64)
    #expect(SHA256(resuming: misaligned) == nil && SHA256(resuming: short) == nil)
  }
}
