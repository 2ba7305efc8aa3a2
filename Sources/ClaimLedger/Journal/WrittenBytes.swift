extension Array where Element == UInt8 {
  /// Appends, after a comma when `afterComma`, the at most `maximum` bytes `write` puts at the
  /// pointer it is given and counts, in one append straight into the array: the JSON and CSV
  /// writers' pieces are a few bytes each, and appending a copied piece cost an export more
  /// than the bytes themselves.
  @inline(__always)
  mutating func appendWritten(
    maximum: Int, afterComma: Bool, _ write: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    append(addingCapacity: maximum + 1) { span in
      span.withUnsafeMutableBufferPointer { buffer, count in
        guard let base = buffer.baseAddress else { return }
        var start = base + count
        if afterComma {
          start[0] = UInt8(ascii: ",")
          start += 1
          count += 1
        }
        count += write(start)
      }
    }
  }
}
