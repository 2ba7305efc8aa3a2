import ClaimExtractor
import ClaimLedger
import Testing

/// One sentence, what it is measured against, and the single frame it should give (nil: none).
struct FrameCase: Sendable, CustomTestStringConvertible {
  let text: String
  let context: TimeContext
  let deadline: String?
  let words: String?
  let start: String?

  /// `published` is `YYYY-MM-DD`; `start` is checked only when given.
  init(
    _ text: String, on published: String? = nil, framing: Int? = nil, _ deadline: String?,
    _ words: String? = nil, start: String? = nil
  ) {
    self.text = text
    context = TimeContext(published: published.flatMap { Day($0) }, framingYear: framing)
    self.deadline = deadline
    self.words = words
    self.start = start
  }

  var testDescription: String { text }

  /// Checks that `text` gives exactly the expected frame, or none.
  func check() {
    let frames = TimeFrameFinder.frames(in: text, context: context)
    guard let deadline else {
      #expect(frames.isEmpty, "unexpected \(frames.map { "\($0.words) → \($0.deadline)" })")
      return
    }
    #expect(frames.count == 1, "frames: \(frames.map { "\($0.words) → \($0.deadline)" })")
    guard let frame = frames.first else { return }
    #expect(frame.deadline.description == deadline)
    #expect(frame.words == words)
    if let start {
      #expect(frame.start?.description == start)
    }
  }
}

/// The publication day most cases use.
let published = "2026-01-20"
