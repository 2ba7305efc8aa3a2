import ClaimLedger

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
/// snapshot noted for it.
struct RememberedClaims: ClaimLookup {
  let ledger: VouchedLedger
  let offsets: EntryOffsets
  let rows: ScoringRows

  func record(at index: Int) throws(LedgerError) -> ClaimRecord {
    try ledger.record(entriesAt: offsets.offsets(ofClaimAt: index), id: rows.rows[index].id)
  }
}
