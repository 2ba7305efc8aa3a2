import ClaimLedger
import Foundation

/// Where a scorecard reads in full the few claims it lists, by their place among its rows.
protocol ClaimLookup: Sendable {
  associatedtype Failure: Error
  func record(at index: Int) throws(Failure) -> ClaimRecord
}

/// The records of a ledger loaded whole.
struct LoadedClaims: ClaimLookup {
  typealias Failure = Never
  let records: [ClaimRecord]

  func record(at index: Int) -> ClaimRecord { records[index] }
}

/// The claims of a ledger its snapshot was made from, each read back from the lines the
/// snapshot noted for it, once: the year's and the all-years scorecard list many of the same
/// claims, and each is built on its own thread.
final class RememberedClaims: ClaimLookup, @unchecked Sendable {
  let ledger: VouchedLedger
  let offsets: EntryOffsets
  let rows: ScoringRows
  /// Guards `read`.
  private let lock = NSLock()
  private var read: [Int: ClaimRecord] = [:]

  init(ledger: VouchedLedger, offsets: EntryOffsets, rows: ScoringRows) {
    self.ledger = ledger
    self.offsets = offsets
    self.rows = rows
  }

  func record(at index: Int) throws(LedgerError) -> ClaimRecord {
    if let known = lock.withLock({ read[index] }) { return known }
    let record = try ledger.record(
      entriesAt: offsets.offsets(ofClaimAt: index), id: rows.rows[index].id)
    lock.withLock { read[index] = record }
    return record
  }
}
