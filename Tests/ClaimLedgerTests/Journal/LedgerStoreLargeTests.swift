import Foundation
import Testing

@testable import ClaimLedger

/// Where a claim line sits relative to the 8 MiB blocks `appendClaim` reads the ledger in.
enum BlockPlacement: String, CaseIterable, Sendable {
  /// The claim starts a few bytes before the first block ends, so the block cuts it in two.
  case straddlingTheBoundary
  /// The claim starts exactly where the second block starts.
  case atTheBoundary
  /// The claim is the last line of a ledger of about 9 MiB.
  case atTheEnd
}

/// `appendClaim` searches the ledger in 8 MiB blocks instead of parsing it.
@Suite struct LedgerStoreLargeTests {
  static let block = 8 << 20

  let directory: TemporaryDirectory
  let path: String

  init() throws {
    directory = try TemporaryDirectory()
    path = directory.path("ledger.jsonl")
  }

  func claimEntry(_ text: String) throws -> Entry {
    let claim = try Fixture.claim(text)
    return try Fixture.entry(
      claim.derivedID, at: "2026-01-21T09:30:00Z", .claim(claim, status: .open))
  }

  /// Valid `reopen` lines of a fixed 1 KiB, then one shorter line to land on `size` exactly.
  func filler(size: Int) throws -> [UInt8] {
    let id = try Fixture.id("ffffffffff")
    var bytes: [UInt8] = []
    bytes.reserveCapacity(size)
    func line(_ length: Int) throws -> [UInt8] {
      let bare = try Fixture.entry(id, at: "2026-01-01T00:00:00Z", .reopen(note: "")).jsonLine
      let note = String(repeating: "x", count: length - bare.utf8.count - 1)
      let entry = try Fixture.entry(id, at: "2026-01-01T00:00:00Z", .reopen(note: note))
      return Array((entry.jsonLine + "\n").utf8)
    }
    let full = try line(1024)
    while size - bytes.count >= 2048 { bytes += full }
    if size > bytes.count { bytes += try line(size - bytes.count) }
    return bytes
  }

  @Test(arguments: BlockPlacement.allCases)
  func findsAClaimAcrossBlockBoundaries(_ placement: BlockPlacement) throws {
    let target = try claimEntry("the needle 针")
    let targetLine = Array((target.jsonLine + "\n").utf8)
    var bytes: [UInt8]
    switch placement {
    case .straddlingTheBoundary:
      bytes = try filler(size: Self.block - 10) + targetLine + filler(size: 4096)
    case .atTheBoundary:
      bytes = try filler(size: Self.block) + targetLine + filler(size: 4096)
    case .atTheEnd:
      bytes = try filler(size: Self.block + (1 << 20)) + targetLine
    }
    try write(bytes, toFile: path)
    let store = LedgerStore(path: path)
    #expect(try store.appendClaim(target) == .alreadyRecorded)
    #expect(try store.appendClaim(try claimEntry("not there")) == .added)
    #expect(
      try contents(ofFile: path).count == bytes.count
        + (try claimEntry("not there")).jsonLine.utf8.count + 1)
  }

  @Test func findsAClaimAfterALineLongerThanABlock() throws {
    let long = try claimEntry(String(repeating: "长", count: Self.block / 3 + 1000))
    let target = try claimEntry("after the long line")
    let bytes = try filler(size: 4096) + Array(Fixture.text(of: [long, target]).utf8)
    try #require(long.jsonLine.utf8.count > Self.block)
    try write(bytes, toFile: path)
    let store = LedgerStore(path: path)
    #expect(try store.appendClaim(target) == .alreadyRecorded)
    #expect(try store.appendClaim(try claimEntry("new")) == .added)
  }

  @Test func findsAClaimWhoseOwnLineIsLongerThanABlock() throws {
    let long = try claimEntry(String(repeating: "长", count: Self.block / 3 + 1000))
    try #require(long.jsonLine.utf8.count > Self.block)
    try write(try filler(size: 4096) + Array(Fixture.text(of: [long]).utf8), toFile: path)
    let before = try contents(ofFile: path)
    let store = LedgerStore(path: path)
    #expect(try store.appendClaim(long) == .alreadyRecorded)
    #expect(try contents(ofFile: path).count == before.count)
  }
}
