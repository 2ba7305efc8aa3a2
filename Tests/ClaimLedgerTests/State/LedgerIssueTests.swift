import Testing

@testable import ClaimLedger

/// What the fold reports when entries contradict each other or do not apply.
@Suite struct LedgerIssueTests {
  let id: ClaimID
  let open: Entry
  let proposed: Entry

  init() throws {
    id = try Fixture.id("a1b2c3d4e5")
    open = try Fixture.entry(
      id, at: "2026-01-21T10:00:00Z", .claim(try Fixture.claim(), status: .open))
    proposed = try Fixture.entry(
      id, at: "2026-01-21T10:00:00Z", .claim(try Fixture.claim(), status: .proposed))
  }

  func resolve(_ outcome: Outcome, at: String, on: String = "2026-12-31") throws -> Entry {
    let resolution =
      outcome == .void
      ? try Fixture.resolution(.void, on: on, reason: .ambiguous)
      : try Fixture.resolution(outcome, on: on)
    return try Fixture.entry(id, at: at, .resolve(resolution))
  }

  func reopen(at: String) throws -> Entry {
    try Fixture.entry(id, at: at, .reopen(note: "merged both ways"))
  }

  func fold(_ entries: [Entry]) -> Ledger {
    Ledger(journal: Fixture.journal(entries), path: Fixture.path)
  }

  @Test func flagsTwoDifferentResolutionsNamingTheLaterOnesLine() throws {
    let ledger = fold([
      open,
      try resolve(.true, at: "2027-01-01T00:00:00Z"),
      try resolve(.false, at: "2027-01-02T00:00:00Z"),
    ])
    let record = try #require(ledger.records.first)
    #expect(record.hasConflictingResolutions)
    #expect(record.status == .resolved)
    #expect(record.outcome == .false)
    let issue = try #require(ledger.issues.first)
    #expect(ledger.issues.count == 1)
    #expect(issue.severity == .error)
    #expect(issue.id == id)
    #expect(issue.location == Location(path: Fixture.path, line: 3))
    #expect(issue.message.contains("resolved twice: true at line 2, then false at line 3"))
  }

  @Test func namesTheLineOfTheLaterResolutionWhateverTheFileOrder() throws {
    let ledger = fold([
      try resolve(.false, at: "2027-01-02T00:00:00Z"),
      open,
      try resolve(.true, at: "2027-01-01T00:00:00Z"),
    ])
    #expect(ledger.records.first?.hasConflictingResolutions == true)
    #expect(ledger.issues.map(\.location) == [Location(path: Fixture.path, line: 1)])
    #expect(
      ledger.issues.first?.message.contains("resolved twice: true at line 3, then false at line 1")
        == true)
  }

  /// No conflict, but not silent either: the later day stands, and a warning says so.
  @Test func theSameOutcomeTwiceIsNoConflict() throws {
    let ledger = fold([
      open,
      try resolve(.true, at: "2027-01-01T00:00:00Z"),
      try resolve(.true, at: "2027-01-02T00:00:00Z", on: "2027-01-01"),
    ])
    #expect(ledger.records.first?.hasConflictingResolutions == false)
    #expect(ledger.issues.map(\.severity) == [.warning])
    #expect(ledger.issues.first?.message.contains("resolved true twice with other details") == true)
    #expect(ledger.records.first?.resolution?.on == (try Fixture.day("2027-01-01")))
  }

  @Test func aLaterReopenSettlesAConflict() throws {
    let conflicting = [
      open,
      try resolve(.true, at: "2027-01-01T00:00:00Z"),
      try resolve(.false, at: "2027-01-02T00:00:00Z"),
    ]
    let reopened = fold(conflicting + [try reopen(at: "2027-01-03T00:00:00Z")])
    #expect(reopened.issues.isEmpty, "\(reopened.issues)")
    #expect(reopened.records.first?.hasConflictingResolutions == false)
    #expect(reopened.records.first?.status == .open)

    let settled = fold(
      conflicting + [
        try reopen(at: "2027-01-03T00:00:00Z"), try resolve(.partial, at: "2027-01-04T00:00:00Z"),
      ])
    #expect(settled.issues.isEmpty, "\(settled.issues)")
    #expect(settled.records.first?.outcome == .partial)

    // What 'claims resolve' appends to settle it: a reopen and a resolve with one timestamp.
    let resolvedAgain = fold(
      conflicting + [
        try reopen(at: "2027-01-03T00:00:00Z"), try resolve(.true, at: "2027-01-03T00:00:00Z"),
      ])
    #expect(resolvedAgain.issues.isEmpty, "\(resolvedAgain.issues)")
    #expect(resolvedAgain.records.first?.outcome == .true)
    #expect(resolvedAgain.records.first?.hasConflictingResolutions == false)
  }

  @Test func aThirdResolutionWithoutReopenLeavesTheConflictStanding() throws {
    let ledger = fold([
      open,
      try resolve(.true, at: "2027-01-01T00:00:00Z"),
      try resolve(.false, at: "2027-01-02T00:00:00Z"),
      try resolve(.false, at: "2027-01-03T00:00:00Z"),
    ])
    #expect(ledger.records.first?.hasConflictingResolutions == true)
    #expect(ledger.issues.filter { $0.severity == .error }.map(\.location?.line) == [3])
  }

  @Test func aReopenBetweenTheResolutionsMeansNoConflict() throws {
    let ledger = fold([
      open,
      try resolve(.true, at: "2027-01-01T00:00:00Z"),
      try reopen(at: "2027-01-02T00:00:00Z"),
      try resolve(.false, at: "2027-01-03T00:00:00Z"),
    ])
    #expect(ledger.issues.isEmpty)
    #expect(ledger.records.first?.outcome == .false)
  }

  @Test func anEntryForAnUnknownClaimIsAnError() throws {
    let stranger = try Fixture.id("0000000bad")
    let ledger = fold([
      open,
      try Fixture.entry(stranger, at: "2026-02-01T00:00:00Z", .reopen(note: nil)),
    ])
    #expect(ledger.count == 1)
    let issue = try #require(ledger.issues.first)
    #expect(issue.severity == .error)
    #expect(issue.id == stranger)
    #expect(issue.location == Location(path: Fixture.path, line: 2))
    #expect(issue.message == "reopen entry for unknown claim 0000000bad")
  }

  @Test func acceptingAnOpenClaimIsAnError() throws {
    let accept = try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .accept(ClaimChanges()))
    let ledger = fold([open, accept])
    #expect(ledger.records.first?.status == .open)
    let issue = try #require(ledger.issues.first)
    #expect(issue.severity == .error)
    #expect(issue.location?.line == 2)
    #expect(issue.message.contains("which is open, not proposed"))
  }

  @Test func rejectingAnOpenClaimIsAnError() throws {
    let ledger = fold([
      open, try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .reject(reason: nil)),
    ])
    #expect(ledger.records.first?.status == .open)
    #expect(ledger.issues.map(\.location?.line) == [2])
  }

  /// Rejected on one clone, accepted (with a correction) on another: the later decision stands
  /// meanwhile and the conflict is an error naming both lines; a `reopen` undoes both, the
  /// correction too, and leaves nothing to report.
  @Test func aRejectionThenAnAcceptanceConflictUntilReopened() throws {
    let reject = try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .reject(reason: "vague"))
    let accept = try Fixture.entry(
      id, at: "2026-02-02T00:00:00Z", .accept(ClaimChanges(text: "Corrected")))
    let conflicted = fold([proposed, reject, accept])
    let record = try #require(conflicted.records.first)
    #expect(record.hasConflictingDecisions && record.status == .open)
    #expect(record.claim.text == "Corrected")
    #expect(conflicted.issues.count == 1)
    #expect(conflicted.issues.first?.severity == .error)
    #expect(
      conflicted.issues.first?.message.contains(
        "is rejected at line 2, then accepted at line 3") == true)
    let settled = fold([proposed, reject, accept, try reopen(at: "2026-02-03T00:00:00Z")])
    let reopened = try #require(settled.records.first)
    #expect(!reopened.hasConflictingDecisions && reopened.status == .proposed)
    #expect(reopened.claim.text != "Corrected")
    #expect(settled.issues.isEmpty)
  }

  /// Accepted and resolved on one clone, rejected on the other: the acceptance stands, so the
  /// resolution holds and only the conflict is reported; a new acceptance settles it and the
  /// claim stays resolved.
  @Test func aResolutionAfterConflictingDecisionsHolds() throws {
    let accept = try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .accept(ClaimChanges()))
    let reject = try Fixture.entry(id, at: "2026-02-02T00:00:00Z", .reject(reason: "vague"))
    let resolved = try resolve(.true, at: "2026-02-03T00:00:00Z")
    let conflicted = fold([proposed, accept, reject, resolved])
    let record = try #require(conflicted.records.first)
    #expect(record.status == .resolved && record.outcome == .true)
    #expect(record.hasConflictingDecisions)
    #expect(conflicted.issues.map(\.location?.line) == [3])
    let again = try Fixture.entry(id, at: "2026-02-04T00:00:00Z", .accept(ClaimChanges()))
    let settled = fold([proposed, accept, reject, resolved, again])
    #expect(settled.records.first?.status == .resolved && settled.issues.isEmpty)
    #expect(settled.records.first?.hasConflictingDecisions == false)
  }

  /// Settled by a new rejection, then reopened: the acceptance goes with the rejections it
  /// stood against, corrections and all.
  @Test func reopeningAfterASettledConflictDropsTheAcceptancesCorrections() throws {
    let accept = try Fixture.entry(
      id, at: "2026-02-01T00:00:00Z", .accept(ClaimChanges(text: "Corrected")))
    let reject = try Fixture.entry(id, at: "2026-02-02T00:00:00Z", .reject(reason: "vague"))
    let settle = try Fixture.entry(id, at: "2026-02-03T00:00:00Z", .reject(reason: "vague"))
    let ledger = fold([proposed, accept, reject, settle, try reopen(at: "2026-02-04T00:00:00Z")])
    let record = try #require(ledger.records.first)
    #expect(record.status == .proposed && record.claim.text != "Corrected")
    #expect(ledger.issues.isEmpty)
  }

  @Test func resolvingAProposedClaimIsAnError() throws {
    let ledger = fold([proposed, try resolve(.true, at: "2027-01-01T00:00:00Z")])
    #expect(ledger.records.first?.status == .proposed)
    #expect(ledger.issues.map(\.location?.line) == [2])
    #expect(ledger.issues.first?.message.contains("which is proposed") == true)
    #expect(ledger.issues.first?.message.contains("'claims accept'") == true)
  }

  /// One clone reopens an acceptance while the other resolves the claim: after the merge the
  /// resolution finds it proposed. A later decision settles it, an amend does not, and the
  /// resolution is never applied on its own.
  @Test(arguments: [
    (Entry.Kind.accept, Status.open, true), (.reject, .rejected, true),
    (.amend, .proposed, false),
  ])
  func aResolutionOfAReopenedClaimStandsUntilADecision(
    then kind: Entry.Kind, status: Status, settles: Bool
  ) throws {
    let accept = try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .accept(ClaimChanges()))
    let reopened = try reopen(at: "2026-02-02T00:00:00Z")
    let resolved = try resolve(.true, at: "2026-02-03T00:00:00Z")
    let body: Entry.Body =
      switch kind {
      case .accept: .accept(ClaimChanges())
      case .reject: .reject(reason: "vague")
      default: .amend(ClaimChanges(text: "Amended"), note: nil)
      }
    let later = try Fixture.entry(id, at: "2026-02-04T00:00:00Z", body)
    let merged = fold([proposed, accept, resolved, reopened])
    #expect(merged.issues.map(\.location?.line) == [3])
    #expect(merged.records.first?.status == .proposed)
    let after = fold([proposed, accept, resolved, reopened, later])
    #expect(after.records.first?.status == status)
    #expect(after.records.first?.resolution == nil)
    #expect(after.issues.map(\.location?.line) == (settles ? [] : [3]))
  }

  @Test func aResolutionOfARejectedClaimStandsUntilReopened() throws {
    let reject = try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .reject(reason: "vague"))
    let resolved = try resolve(.false, at: "2026-02-02T00:00:00Z")
    let refused = fold([proposed, reject, resolved])
    let issue = try #require(refused.issues.first)
    #expect(issue.location?.line == 3 && refused.issues.count == 1)
    #expect(
      issue.message.contains("which is rejected") && issue.message.contains("'claims reopen'"))
    let reopened = fold([proposed, reject, resolved, try reopen(at: "2026-02-03T00:00:00Z")])
    #expect(reopened.records.first?.status == .proposed && reopened.issues.isEmpty)
  }

  @Test func reopeningAnOpenClaimIsAnError() throws {
    let ledger = fold([open, try reopen(at: "2026-02-01T00:00:00Z")])
    #expect(ledger.records.first?.status == .open)
    #expect(ledger.issues.first?.message.contains("which is open with no decision to undo") == true)
  }

  @Test func resolvingBeforeTheClaimWasSaidIsAnError() throws {
    let ledger = fold([open, try resolve(.true, at: "2027-01-01T00:00:00Z", on: "2026-01-20")])
    let issue = try #require(ledger.issues.first)
    #expect(issue.location?.line == 2)
    #expect(issue.message.contains("resolved on 2026-01-20, before it was said (2026-01-21)"))
  }

  @Test func anEntryRecordedBeforeItsClaimIsAnError() throws {
    let ledger = fold([open, try resolve(.true, at: "2026-01-21T09:59:59Z")])
    let issue = try #require(ledger.issues.first)
    #expect(issue.location?.line == 2)
    #expect(issue.message.contains("recorded before its claim"))
  }

  @Test func identicalDuplicateClaimLinesAreOneRecord() throws {
    let ledger = fold([open, open, try resolve(.true, at: "2027-01-01T00:00:00Z"), open])
    #expect(ledger.count == 1)
    #expect(ledger.issues.map(\.severity) == [.warning, .warning])
    #expect(ledger.issues.map(\.location?.line) == [2, 4])
    #expect(ledger.records.first?.status == .resolved)
    #expect(ledger.records.first?.history.count == 2)
  }

  @Test func theSameClaimAddedTwiceAtDifferentTimesIsOneRecordAndAWarning() throws {
    var again = open
    again.at = try Fixture.time("2026-01-22T10:00:00Z")
    let ledger = fold([open, again])
    #expect(ledger.count == 1)
    #expect(ledger.issues.map(\.severity) == [.warning])
    #expect(ledger.issues.first?.location?.line == 2)
  }

  /// Two machines add the same claim (same id, same content) at different times, and an
  /// accept follows the earlier one. However git's union merge orders the lines, the claim
  /// counts from its earliest recording and the accept is not "recorded before its claim".
  @Test func theSameClaimAddedTwiceFoldsAlikeInEitherFileOrder() throws {
    let earlier = proposed
    var later = proposed
    later.at = try Fixture.time("2026-03-01T10:00:00Z")
    let accept = try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .accept(ClaimChanges()))
    let oursFirst = fold([earlier, accept, later])
    let theirsFirst = fold([later, earlier, accept])
    for ledger in [oursFirst, theirsFirst] {
      #expect(ledger.records.first?.recordedAt == earlier.at)
      #expect(ledger.records.first?.status == .open)
      #expect(!ledger.issues.contains { $0.severity == .error }, "\(ledger.issues)")
    }
  }

  @Test func aClaimRecordedAgainWithOtherContentIsAnErrorAndTheEarlierStands() throws {
    var other = open
    other.at = try Fixture.time("2026-01-20T10:00:00Z")
    other.body = .claim(try Fixture.claim("different words"), status: .open)
    for entries in [[open, other], [other, open]] {
      let ledger = fold(entries)
      #expect(ledger.count == 1)
      #expect(ledger.records.first?.claim.text == "different words")
      #expect(ledger.records.first?.recordedAt == other.at)
      let issue = try #require(ledger.issues.first)
      #expect(issue.severity == .error)
      #expect(issue.location?.line == 2)
      #expect(issue.message.contains("recorded again with different content (first at line 1)"))
      // Both values, in the order of the lines the message names.
      #expect(issue.message.contains("; the lines differ in text ("))
      #expect(issue.message.contains("'different words'"))
    }
  }

  /// The error names what is left to amend: the fields the two lines still differ in once the
  /// amends since are applied to both.
  @Test func aClaimRecordedAgainNamesTheFieldsLeftToAmend() throws {
    var other = open
    other.at = try Fixture.time("2026-01-20T10:00:00Z")
    var changed = try Fixture.claim(confidence: 0.9)
    changed.tags = ["ai"]
    other.body = .claim(changed, status: .open)
    let before = fold([open, other])
    #expect(before.records.first?.hasConflictingClaimLines == true)
    // Flagged in the JSON too, as the other conflicts a merge leaves are.
    var json = JSONBuffer()
    try #require(before.records.first).writeJSON(into: &json)
    #expect(json.text.contains(#","conflicting_claim_lines":true,"#), "\(json.text)")
    let beforeMessage = try #require(before.issues.first).message
    #expect(beforeMessage.contains("differ in confidence ("), "\(beforeMessage)")
    #expect(
      beforeMessage.hasSuffix(", tags (none, then 'ai')")
        || beforeMessage.hasSuffix(", tags ('ai', then none)"), "\(beforeMessage)")
    let amend = try Fixture.entry(
      id, at: "2026-02-01T00:00:00Z",
      .amend(ClaimChanges(confidence: try Fixture.confidence(0.9)), note: "agreed"))
    let halfway = fold([open, other, amend])
    let halfwayMessage = try #require(halfway.issues.first).message
    #expect(halfwayMessage.contains("differ in tags ("), "\(halfwayMessage)")
    #expect(!halfwayMessage.contains("confidence ("), "\(halfwayMessage)")
    var proposed = other
    proposed.body = .claim(try Fixture.claim(), status: .proposed)
    let statuses = fold([open, proposed])
    #expect(
      try #require(statuses.issues.first).message.hasSuffix(
        "; one records it proposed, the other open, which no amend changes"))
  }

  @Test func issuesPrintWithTheirLocation() throws {
    let accept = try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .accept(ClaimChanges()))
    let ledger = fold([open, accept])
    let issue = try #require(ledger.issues.first)
    #expect(
      issue.description
        == "Claims/ledger.jsonl:2: error: accept of claim a1b2c3d4e5, which is open, not proposed")
  }

  /// Two clones that each took the same decision leave it twice after a union merge: a
  /// warning, never an error no entry could clear; a reopen undoes both copies.
  @Test func aDecisionTakenTwiceIsAWarning() throws {
    var changes = ClaimChanges()
    changes.text = "corrected words"
    let first = try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .accept(changes))
    let second = try Fixture.entry(id, at: "2026-02-02T00:00:00Z", .accept(changes))
    let accepted = fold([proposed, first, second])
    #expect(accepted.records.first?.status == .open)
    #expect(accepted.records.first?.claim.text == "corrected words")
    #expect(accepted.issues.map(\.severity) == [.warning], "\(accepted.issues)")
    #expect(accepted.issues.first?.message.contains("is accepted again") == true)
    let reopened = fold([proposed, first, second, try reopen(at: "2026-03-01T00:00:00Z")])
    #expect(reopened.records.first?.status == .proposed)
    #expect(reopened.records.first?.claim.text == (try Fixture.claim()).text)

    let rejections = fold([
      proposed, try Fixture.entry(id, at: "2026-02-01T00:00:00Z", .reject(reason: "vague")),
      try Fixture.entry(id, at: "2026-02-02T00:00:00Z", .reject(reason: "duplicate")),
    ])
    #expect(rejections.records.first?.status == .rejected)
    #expect(rejections.records.first?.rejection == "vague")
    #expect(rejections.issues.map(\.severity) == [.warning], "\(rejections.issues)")

    let reopens = fold([
      open, try resolve(.true, at: "2027-01-01T00:00:00Z"),
      try reopen(at: "2027-01-02T00:00:00Z"), try reopen(at: "2027-01-03T00:00:00Z"),
    ])
    #expect(reopens.records.first?.status == .open)
    #expect(reopens.issues.map(\.severity) == [.warning], "\(reopens.issues)")
    #expect(reopens.issues.first?.location?.line == 4)
  }

  /// A claim line edited on one side of a merge (it keeps its time) contradicts the other's
  /// copy until amends set every field the two differ in, so the claim folds alike whichever
  /// line stands; an amend of another field settles nothing.
  @Test func amendsOfEveryDifferingFieldSettleAClaimRecordedAgainDifferently() throws {
    var edited = open
    edited.body = .claim(try Fixture.claim("different words"), status: .open)
    var text = ClaimChanges()
    text.text = "agreed words"
    var source = ClaimChanges()
    source.source = "Someone Else"
    let amendText = try Fixture.entry(id, at: "2026-01-22T09:00:00Z", .amend(text, note: "n"))
    let amendSource = try Fixture.entry(id, at: "2026-01-22T09:00:00Z", .amend(source, note: "n"))
    #expect(fold([open, edited, amendSource]).issues.map(\.severity) == [.error])
    for entries in [[open, edited, amendText], [edited, open, amendText]] {
      let settled = fold(entries)
      #expect(settled.issues.map(\.severity) == [.warning], "\(settled.issues)")
      #expect(settled.issues.first?.message.hasSuffix("amends since settle it") == true)
      #expect(settled.records.first?.claim.text == "agreed words")
    }
  }
}
