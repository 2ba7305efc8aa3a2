extension Array {
  /// The first `count` elements in `order`, as `sorted(by: order).prefix(count)` gives them
  /// when `order` is total (no two elements tie), kept in one pass: a scorecard lists 5 or 50
  /// of what may be a million claims, and sorting them all cost more than the list.
  func first(_ count: Int, by order: (Element, Element) -> Bool) -> [Element] {
    guard count > 0 else { return [] }
    // Where most would be kept, a sort is as quick and simpler.
    guard count < self.count / 4 else { return Array(sorted(by: order).prefix(count)) }
    var kept: [Element] = []
    kept.reserveCapacity(count + 1)
    for element in self {
      if kept.count == count, let last = kept.last, !order(element, last) { continue }
      var position = kept.count
      while position > 0, order(element, kept[position - 1]) { position -= 1 }
      kept.insert(element, at: position)
      if kept.count > count { kept.removeLast() }
    }
    return kept
  }
}
