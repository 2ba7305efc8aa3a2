import Dispatch

/// One result slot per parallel worker; each slot is written by exactly one worker, and read
/// only after all of them are done.
final class WorkerSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Value?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// The results in worker order.
  var values: [Value?] { Array(slots) }

  func store(_ value: Value, at index: Int) { slots[index] = value }
}

/// Splits `0..<count` into ranges run on all cores; small jobs run inline, since waking
/// workers costs more than they would save.
enum ParallelRanges {
  static func run(
    count: Int, inlineBelow threshold: Int = 50_000, _ body: @Sendable (Range<Int>) -> Void
  ) {
    let parts = count < threshold ? 1 : 4 * ProcessInfoCores.count
    guard parts > 1 else {
      body(0..<count)
      return
    }
    let size = (count + parts - 1) / parts
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = min(count, part * size)..<min(count, (part + 1) * size)
      if !range.isEmpty { body(range) }
    }
  }
}

/// A buffer that parallel workers fill at disjoint indices.
struct SharedBuffer<Element>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Element>
}

/// A map over 0..<count run in parts on all cores, results in order: import checks rows and
/// the append reads back entries independently, and a million of them take seconds on one core.
/// Public so that the reports can work out a value per claim the same way.
public enum ParallelMap {
  public static func map<Value: Sendable>(count: Int, _ transform: @Sendable (Int) -> Value)
    -> [Value]
  {
    // Each value is made where it stays: collecting per-part arrays and joining them copied
    // every value once more, retaining and releasing whatever it holds.
    Array(unsafeUninitializedCapacity: count) { buffer, initialized in
      let shared = SharedBuffer(buffer: buffer)
      _ = parts(count: count) { range in
        guard let base = shared.buffer.baseAddress else { return }
        for index in range { (base + index).initialize(to: transform(index)) }
      }
      initialized = count
    }
  }

  /// `body` run on consecutive parts of 0..<count, on all cores; the results in order.
  ///
  /// No part is empty unless `count` is, when there is one: rounding the part size up with
  /// many cores (`aimingAt` parts, by default a few per core) left trailing parts starting at
  /// `count`, and callers read the element a part starts at.
  static func parts<Value: Sendable>(
    count: Int, aimingAt aimed: Int? = nil, _ body: @Sendable (Range<Int>) -> Value
  ) -> [Value] {
    let aimed = max(1, aimed ?? (count < 1_024 ? 1 : 8 * ProcessInfoCores.count))
    let partSize = max(1, (count + aimed - 1) / aimed)
    let parts = max(1, (count + partSize - 1) / partSize)
    let slots = WorkerSlots<Value>(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let start = min(count, part * partSize)
      slots.store(body(start..<min(count, start + partSize)), at: part)
    }
    return slots.values.compactMap { $0 }
  }
}
