/// The first bytes words can start with, as two 8 KiB bitmaps, so a scan turns away a place
/// where no word starts in a few instructions instead of looking its bytes up in the lists.
///
/// Words of two bytes are kept by both bytes, longer ones by a hash of their first three (for
/// Chinese, the whole first character), so most places of Chinese text are passed over even
/// though every character begins with one of a few lead bytes. A set bit only means "look".
public struct WordStarts: Sendable {
  /// The pair bits, then the triple bits, then the bits of one-byte words.
  @usableFromInline var bits = [UInt64](repeating: 0, count: 2 << 10 + 4)

  public init() {}

  /// Adds a word's first bytes.
  public mutating func insert(_ word: some Collection<UInt8>) {
    var bytes = word.makeIterator()
    guard let first = bytes.next() else { return }
    guard let second = bytes.next() else {
      let slot = Filter.singleSlot(first)
      bits[slot >> 6] |= 1 << UInt64(slot & 63)
      return
    }
    let slot =
      bytes.next().map { Filter.tripleSlot(first, second, $0) } ?? Filter.pairSlot(first, second)
    bits[slot >> 6] |= 1 << UInt64(slot & 63)
  }

  /// Calls `body` with the bitmaps read in place, for a scan over one text.
  @inlinable
  public func withFilter<Result>(_ body: (Filter) -> Result) -> Result {
    bits.withUnsafeBufferPointer { body(Filter(bits: $0)) }
  }

  /// The bitmaps of one scan.
  public struct Filter {
    @usableFromInline let bits: UnsafeBufferPointer<UInt64>

    @inlinable
    init(bits: UnsafeBufferPointer<UInt64>) {
      self.bits = bits
    }

    /// Whether a word of two bytes or more may start with `first`, `second` and `third` (nil
    /// at the text's end, where only a two-byte word fits).
    @inlinable
    public func mayStart(_ first: UInt8, _ second: UInt8, _ third: UInt8?) -> Bool {
      if isSet(Filter.pairSlot(first, second)) { return true }
      guard let third else { return false }
      return isSet(Filter.tripleSlot(first, second, third))
    }

    /// Whether a one-byte word is `byte`.
    @inlinable
    public func isWord(_ byte: UInt8) -> Bool {
      isSet(Filter.singleSlot(byte))
    }

    @inlinable
    func isSet(_ slot: Int) -> Bool {
      bits[slot &>> 6] & (1 &<< UInt64(slot & 63)) != 0
    }

    @inlinable
    static func pairSlot(_ first: UInt8, _ second: UInt8) -> Int {
      Int(first) &<< 8 | Int(second)
    }

    @inlinable
    static func singleSlot(_ byte: UInt8) -> Int {
      2 &<< 16 | Int(byte)
    }

    /// A multiplicative hash of three bytes into 16 bits, past the 65,536 pair bits.
    @inlinable
    static func tripleSlot(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
      let packed = UInt32(first) &<< 16 | UInt32(second) &<< 8 | UInt32(third)
      return 1 &<< 16 | Int((packed &* 0x9E37_79B1) &>> 16)
    }
  }
}
