/// A 64-bit hash of bytes that is the same in every run and on every machine, unlike
/// `Hasher`, which is seeded afresh per process: for what is written to a cache and compared
/// in a later run. It guards against change, not against an adversary.
///
/// Eight bytes a step, read little-endian, each mixed in by a multiply and a rotation, and a
/// final avalanche (the finaliser of MurmurHash3), so a changed byte anywhere changes about
/// half the bits.
public struct StableHash: Sendable {
  public private(set) var value: UInt64

  public init(seed: UInt64 = 0x243F_6A88_85A3_08D3) {
    value = seed
  }

  /// Mixes in `bytes` and their count, so "ab" then "c" differs from "a" then "bc".
  public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    var position = 0
    while position &+ 8 <= bytes.count {
      mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)))
      position &+= 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while position < bytes.count {
      tail |= UInt64(bytes[position]) &<< shift
      shift &+= 8
      position &+= 1
    }
    mix(tail)
    mix(UInt64(bytes.count))
  }

  public mutating func combine(_ number: UInt64) {
    mix(number)
  }

  public mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
  }

  /// The hash so far, avalanched.
  public var finalized: UInt64 {
    var hash = value
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    hash = hash &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    return hash
  }

  private mutating func mix(_ word: UInt64) {
    value = ((value ^ word) &* 0x9E37_79B9_7F4A_7C15).rotated(left: 31) &+ 0x632B_E59B_D9B4_E019
  }
}

extension UInt64 {
  fileprivate func rotated(left count: UInt64) -> UInt64 {
    (self &<< count) | (self &>> (64 &- count))
  }
}
