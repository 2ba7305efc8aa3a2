/// A set of scalars from the Basic Multilingual Plane as a bitmap, for the grammar's "can a
/// frame start here" checks: the scan asks at every character of a candidate sentence, and a
/// bit test costs a fraction of hashing a scalar for a `Set`.
struct ScalarSet: Sendable {
  /// One bit per scalar below U+10000.
  private let bits: [UInt64]

  init(_ scalars: some Sequence<Unicode.Scalar>) {
    var bits = [UInt64](repeating: 0, count: 1024)
    for scalar in scalars where scalar.value < 0x10000 {
      bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
    }
    self.bits = bits
  }

  init(_ text: String) {
    self.init(text.unicodeScalars)
  }

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x10000 && bits[Int(value >> 6)] >> UInt64(value & 63) & 1 != 0
  }
}
