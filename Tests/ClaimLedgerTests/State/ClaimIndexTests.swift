import SplitMix
import Testing

@testable import ClaimLedger

@Suite struct ClaimIndexTests {
  /// Ids from the shared seeded generator, cut to the 40 bits an id has.
  static func ids(count: Int, seed: UInt64) throws -> [ClaimID] {
    var random = SplitMix64(seed: seed)
    return try (0..<count).map { _ in try Fixture.id(bits: random.next() & 0xFF_FFFF_FFFF) }
  }

  @Test(arguments: [0, 1, 7, 300, 70_000])
  func indexingDistinctIdsInTableOrderGivesEachItsPosition(count: Int) throws {
    let ids = try Self.ids(count: count, seed: 0x9E37_79B9_7F4A_7C15 &+ UInt64(count))
    try #require(Set(ids).count == count)
    let index = try #require(ClaimIndex(distinct: count) { ids[$0] })
    var oneByOne = ClaimIndex(capacity: count)
    for (position, id) in ids.enumerated() { #expect(oneByOne.insert(id, at: position) == nil) }
    for (position, id) in ids.enumerated() {
      #expect(index.position(of: id) == position)
      #expect(oneByOne.position(of: id) == position)
    }
    for stranger in try Self.ids(count: 100, seed: 42) where !ids.contains(stranger) {
      #expect(index.position(of: stranger) == nil)
    }
  }

  @Test(arguments: [2, 300, 70_000])
  func aRepeatedIdLeavesTheIndexToBeBuiltOneByOne(count: Int) throws {
    var ids = try Self.ids(count: count, seed: 7 &+ UInt64(count))
    ids[count / 3] = ids[count - 1]
    let repeated = ids
    #expect(ClaimIndex(distinct: count) { repeated[$0] } == nil)
  }

  /// Ids that start in the last slots of the stretches eight groups fill in parallel: their
  /// probes run over into the next stretch, so they are set aside and inserted after.
  static func idsCrowdingTheStretchEnds(count: Int, crowded: Int) throws -> [ClaimID] {
    let slotCount = ClaimIndex(capacity: count).slotCount
    let shift = UInt64(64 - slotCount.trailingZeroBitCount)
    let stretch = slotCount / 8
    var crowd: [ClaimID] = []
    var others: [ClaimID] = []
    for id in try ids(count: 1_500_000, seed: 99) {
      let start = ClaimIndex.start(id.bits &+ 1, shift: shift)
      if start % stretch >= stretch - 4, crowd.count < crowded {
        crowd.append(id)
      } else if others.count < count - crowded {
        others.append(id)
      }
    }
    return crowd + others
  }

  @Test(arguments: [1, 3, 5, 8, 12, 256, 300])
  func everyIdIsFoundWhateverTheNumberOfGroups(groups: Int) throws {
    let ids = try Self.idsCrowdingTheStretchEnds(count: 70_000, crowded: 64)
    try #require(ids.count == 70_000 && Set(ids).count == ids.count)
    let index = try #require(ClaimIndex(distinct: ids.count, groups: groups) { ids[$0] })
    let misplaced = ids.indices.filter { index.position(of: ids[$0]) != $0 }
    #expect(misplaced.isEmpty)
  }

  @Test func aSmallTableInManyGroupsStillFindsEveryId() throws {
    let ids = try Self.ids(count: 40, seed: 5)
    let index = try #require(ClaimIndex(distinct: ids.count, groups: 7) { ids[$0] })
    #expect(ids.indices.allSatisfy { index.position(of: ids[$0]) == $0 })
  }

  @Test(arguments: [3, 8])
  func aRepeatedIdSetAsideIsStillCaught(groups: Int) throws {
    var ids = try Self.idsCrowdingTheStretchEnds(count: 70_000, crowded: 64)
    ids[ids.count - 1] = ids[63]
    let repeated = ids
    #expect(ClaimIndex(distinct: repeated.count, groups: groups) { repeated[$0] } == nil)
  }
}
