/// The fields Fatebook has no column for, carried in a question's notes as `key: value`
/// lines, so a claim exported to Fatebook reads back as the same claim, with its own id (an
/// amended claim's id is no longer the one its fields would give).
///
/// Each value is one line: a backslash, a line feed and a carriage return in it are written
/// `\\`, `\n` and `\r`, so a note or evidence over several lines, or one that itself reads
/// `source: …`, cannot pass for another field. Lines of no known key are the notes a person
/// wrote in Fatebook, kept as the claim's note. Notes a person typed in Fatebook are read for
/// `source`, `outcome: partial` and `evidence` only; the other keys count only in notes shaped
/// as an export writes them, opening with the `source` line, so "url: see thread" stays a note.
struct FatebookNotes: Equatable {
  var source: String?
  /// The claim's id as written; the reader checks it.
  var id: String?
  var via: String?
  var url: String?
  var quote: String?
  var hedge: String?
  /// The text's language as recorded, which detection from the title alone may not give back.
  var lang: String?
  var deadlineText: String?
  var isConditional = false
  var isPartial = false
  /// `proposed` or `rejected`: Fatebook takes every question for an open one, so a claim
  /// awaiting review, or turned down, would otherwise come back open.
  var status: String?
  /// Why a void claim is void, as written (`retracted`), or why a rejected one was turned
  /// down; Fatebook's AMBIGUOUS says no more.
  var reason: String?
  var evidence: String?
  /// Set only when a tag holds a comma, which the tags column cannot carry.
  var tags: [String]?
  var note: String?
  /// The article the claim was extracted from.
  var document: String?
  /// The claim had no said date: the file's created date (Fatebook needs one) is not it.
  var hasNoSaidDate = false

  init() {}

  /// The notes as written: the known lines in a fixed order.
  var text: String {
    var lines: [String] = []
    func put(_ key: String, _ value: String?) {
      if let value { lines.append(key + ": " + FatebookNotes.escaped(value)) }
    }
    put("source", source)
    put("id", id)
    if hasNoSaidDate { lines.append("said: unknown") }
    put("via", via)
    put("url", url)
    put("quote", quote)
    put("hedge", hedge)
    put("lang", lang)
    put("deadline_text", deadlineText)
    if isConditional { lines.append("conditional: true") }
    if isPartial { lines.append("outcome: partial") }
    put("status", status)
    put("reason", reason)
    put("evidence", evidence)
    put("tags", tags?.joined(separator: ";"))
    put("note", note)
    put("document", document)
    return lines.joined(separator: "\n")
  }

  /// Reads the notes of a Fatebook question: known lines anywhere; every other line is a note.
  init(reading notes: String) {
    var free: [String] = []
    var keyedNote: String?
    // A CRLF pair is one `Character`; a CR alone inside a value is written `\r`.
    var lines = notes.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    // Fatebook's spreadsheet import ends the notes with a sentence of its own, on the last
    // line: it is a note apart, not part of that line's value.
    if let last = lines.last, let range = FatebookNotes.importedSentence(in: last) {
      let before = last[..<range.lowerBound]
      lines[lines.count - 1] = before.hasSuffix(" ") ? before.dropLast() : before
      lines.append(last[range.lowerBound...])
      if lines[lines.count - 2].isEmpty { lines.remove(at: lines.count - 2) }
    }
    let isExport = lines.first?.unicodeScalars.starts(with: "source: ".unicodeScalars) == true
    for line in lines {
      if line == "outcome: partial" {
        isPartial = true
        continue
      }
      if isExport, line == "said: unknown" {
        hasNoSaidDate = true
        continue
      }
      if isExport, line == "conditional: true" {
        isConditional = true
        continue
      }
      // Split by scalars: a value opening with a combining mark joins it to the space before
      // it in one `Character`, which a split by characters would not see as a space.
      let scalars = line.unicodeScalars
      guard let colon = scalars.firstIndex(of: ":"),
        scalars.index(after: colon) < scalars.endIndex, scalars[scalars.index(after: colon)] == " "
      else {
        free.append(String(line))
        continue
      }
      let value = FatebookNotes.unescaped(
        Substring(scalars[scalars.index(colon, offsetBy: 2)...]))
      switch String(scalars[..<colon]) {
      case "source": source = value
      case "evidence": evidence = value
      case "id" where isExport: id = value
      case "via" where isExport: via = value
      case "url" where isExport: url = value
      case "quote" where isExport: quote = value
      case "hedge" where isExport: hedge = value
      case "lang" where isExport: lang = value
      case "deadline_text" where isExport: deadlineText = value
      // Only what an export writes: a "status: waiting for data" typed since stays a note.
      case "status" where isExport && ["proposed", "rejected"].contains(value.lowercased()):
        status = value.lowercased()
      case "reason" where isExport: reason = value
      case "tags" where isExport: tags = value.split(separator: ";").map(String.init)
      case "note" where isExport: keyedNote = value
      case "document" where isExport: document = value
      default: free.append(String(line))
      }
    }
    let written = free.joined(separator: "\n")
    let parts = [keyedNote, written.isEmpty ? nil : written].compactMap { $0 }
    note = parts.isEmpty ? nil : parts.joined(separator: "\n")
  }

  /// What Fatebook's spreadsheet import adds to the end of every question's notes, with the
  /// time of the import (`2026-12-03 13:17:5`) and a full stop.
  static let importedSuffix = "Imported from your spreadsheet on "

  /// Where that sentence starts, when `line` ends with it whole: the words, a time as
  /// Fatebook writes it and the full stop, so a value that only quotes the words is left be.
  static func importedSentence(in line: Substring) -> Range<Substring.Index>? {
    guard let range = line.range(of: importedSuffix, options: .backwards) else { return nil }
    let time = line[range.upperBound...].utf8
    guard time.last == UInt8(ascii: ".") else { return nil }
    let fields = time.dropLast().split(
      omittingEmptySubsequences: false,
      whereSeparator: {
        $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ":")
      })
    guard fields.count == 6, fields[0].count == 4,
      fields.allSatisfy({
        !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { (0x30...0x39).contains($0) }
      })
    else { return nil }
    return range.lowerBound..<line.endIndex
  }

  static func escaped(_ value: String) -> String {
    value.replacingScalars { scalar in
      switch scalar {
      case "\\": "\\\\"
      case "\n": "\\n"
      case "\r": "\\r"
      default: nil
      }
    }
  }

  /// The inverse of `escaped`; a backslash before any other character is kept as written, so
  /// notes typed in Fatebook lose nothing.
  static func unescaped(_ value: Substring) -> String {
    var text = ""
    var scalars = value.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "\\" else {
        text.unicodeScalars.append(scalar)
        continue
      }
      switch scalars.next() {
      case "\\": text += "\\"
      case "n": text += "\n"
      case "r": text += "\r"
      case let other?: text += "\\" + String(other)
      case nil: text += "\\"
      }
    }
    return text
  }
}
