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
