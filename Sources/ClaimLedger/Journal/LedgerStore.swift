import Foundation

/// The ledger file: reading it under a shared lock, and appending to it under an exclusive one.
///
/// Appends follow one protocol: open `O_APPEND`, pass the writers' turnstile
/// (`WriterTurnstile`), `flock(LOCK_EX)`, hold the stop signals (`StopSignalHold`), check the
/// path still names the locked file, refuse when the file does not end in a newline (a torn
/// line would glue onto the new entry), write the complete lines, `fsync`, and only then
/// report success. Nothing here rewrites or truncates the ledger except `repairTornTail`, which
/// cuts only the torn bytes, after saving them, and the cut back of an append that failed or
/// was stopped, to the size it had before.
public struct LedgerStore: Sendable {
  public let path: String
  /// Seconds to wait for another process's lock before giving up with `.locked`.
  public var lockTimeout: Double
  /// Where the ledger's SHA-256 is remembered between runs; nil hashes it every time.
  public var digestCache: DigestCache?

  public init(path: String, lockTimeout: Double = 10, digestCache: DigestCache? = nil) {
    self.path = path
    self.lockTimeout = lockTimeout
    self.digestCache = digestCache
  }

  /// What `appendClaim` did.
  public enum AddResult: Equatable, Sendable {
    case added
    /// A claim with the same id is in the ledger already; nothing was written.
    case alreadyRecorded
  }

  /// Reads and folds the whole ledger.
  public func load() throws(LedgerError) -> Ledger {
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    let parsed = try JournalReader.read(file, path: path, allowingTornTail: false)
    return Ledger(parsed: parsed, path: path)
  }

  /// Reads every entry; with `allowingTornTail` a torn last line is left out instead of failing.
  public func loadJournal(allowingTornTail: Bool = false) throws(LedgerError) -> Journal {
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    return try JournalReader.read(file, path: path, allowingTornTail: allowingTornTail).journal()
  }

  /// Every line read with failures collected rather than thrown: what `check` reports.
  public func inspect() throws(LedgerError) -> JournalInspection {
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    let bytes = try file.readAll()
    return bytes.withUnsafeBufferPointer { JournalInspection(bytes: $0, path: path) }
  }

  /// Appends `entries` durably, as one write.
  public func append(_ entries: [Entry]) throws(LedgerError) {
    let bytes = try encode(entries)
    let file = try LockedFile(path: path, mode: .append, timeout: lockTimeout)
    try refuseTornTail(file)
    try file.appendDurably(bytes)
  }

  /// Reads the ledger and appends what `decide` makes of it, all under one exclusive lock, so
  /// no other writer can change the claim between the decision and the write.
  public func update<Result>(
    _ decide: (Ledger) throws(LedgerError) -> (entries: [Entry], result: Result)
  ) throws(LedgerError) -> Result {
    let file = try LockedFile(path: path, mode: .append, timeout: lockTimeout)
    try refuseTornTail(file)
    let parsed = try JournalReader.read(file, path: path, allowingTornTail: false)
    let decision = try decide(Ledger(parsed: parsed, path: path))
    if !decision.entries.isEmpty {
      try file.appendDurably(try encode(decision.entries))
    }
    return decision.result
  }

  /// Appends a new `claim` entry unless a claim with its id is there already.
  ///
  /// Looks for the id's bytes instead of loading the ledger, so adding to a million-claim
  /// ledger stays fast; the search runs under the exclusive lock, so two identical adds at
  /// once still give one claim.
  public func appendClaim(_ entry: Entry) throws(LedgerError) -> AddResult {
    let bytes = try encode([entry])
    let file = try LockedFile(path: path, mode: .append, timeout: lockTimeout)
    try refuseTornTail(file)
    let marker = Array("{\"entry\":\"claim\",\"id\":\"\(entry.id)\"".utf8)
    if try ByteSearch.hasLine(startingWith: marker, orClaim: entry.id, in: file, path: path) {
      return .alreadyRecorded
    }
    try file.appendDurably(bytes)
    return .added
  }

  /// Creates an empty ledger (and its folder); fails when one exists.
  public static func create(at path: String) throws(LedgerError) {
    let directory = (path as NSString).deletingLastPathComponent
    if let target = LockedFile.danglingLinkTarget(directory) {
      throw .cannotCreate(
        path: path,
        reason: "its folder \(directory) is a link to \(target), which does not exist; remove the "
          + "link, or mount what it points to")
    }
    if let refusal = Folder.make(directory) { throw .cannotCreate(path: path, reason: refusal) }
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw .cannotCreate(
        path: path,
        reason: errno != EEXIST
          ? String(cString: strerror(errno))
          : LockedFile.danglingLinkTarget(path).map {
            "it is a link to \($0), which does not exist; remove the link, or create the ledger there"
          }
            ?? (LockedFile.isLinkLoop(path)
              ? "it is a link that leads round a loop of links; remove the link"
              : "it exists already")
      )
    }
    defer { close(fd) }
    guard fsync(fd) == 0 else {
      throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
    syncDirectory(directory)
  }

  /// Moves a torn last line aside into `<ledger>.torn-<time>` next to the ledger and cuts it
  /// off in place; every other byte stays. A last line that is a whole entry only lacking its
  /// newline gets the newline instead. Nil when the ledger ends cleanly.
  public func repairTornTail(now: Timestamp) throws(LedgerError) -> TornTailRepair? {
    // Looked at first under a shared lock: a ledger with nothing to repair (read-only, say)
    // need not be opened for writing.
    // The shared lock goes with the reader, before the exclusive one is asked for: a process
    // holding both would wait on itself.
    guard try endsUnended() else { return nil }
    let file = try LockedFile(path: path, mode: .append, timeout: lockTimeout)
    let size = try file.size()
    guard size > 0, try file.read(count: 1, at: size - 1) != [UInt8(ascii: "\n")] else {
      return nil
    }
    let bytes = try file.readAll()
    let cut = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let line = bytes[..<cut].reduce(into: 1) { count, byte in if byte == 10 { count += 1 } }
    if bytes[cut...].withUnsafeBufferPointer(UnendedLine.isWholeEntry) {
      try file.appendDurably([UInt8(ascii: "\n")])
      return TornTailRepair(line: line, byteCount: bytes.count - cut, savedTo: nil)
    }
    let stamp = now.description.filter { $0 != "-" && $0 != ":" }
    let sidePath = path + ".torn-" + stamp
    let torn = Array(bytes[cut...])
    let fd = open(sidePath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw .cannotCreate(path: sidePath, reason: String(cString: strerror(errno)))
    }
    let written = torn.withUnsafeBytes { buffer in
      buffer.baseAddress.map { write(fd, $0, buffer.count) } ?? 0
    }
    let synced = fsync(fd) == 0
    close(fd)
    guard written == torn.count, synced else {
      unlink(sidePath)
      throw .writeFailed(
        path: sidePath, reason: "the torn bytes could not be saved; the ledger is unchanged")
    }
    LedgerStore.syncDirectory((path as NSString).deletingLastPathComponent)
    guard ftruncate(file.descriptor, off_t(cut)) == 0 else {
      throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
    try file.sync()
    return TornTailRepair(line: line, byteCount: torn.count, savedTo: sidePath)
  }

  /// The entries' lines, each read back first to prove it reads as written, so no command can
  /// write an entry that would make the ledger unreadable. Large batches
  /// (imports) are checked in parts on all cores, each part with one interning table: a fresh
  /// table per entry costs more than decoding the entry.
  private func encode(_ entries: [Entry]) throws(LedgerError) -> [UInt8] {
    let parts = ParallelMap.parts(count: entries.count) { range -> Result<[UInt8], LedgerError> in
      var interning = LineInterning()
      var bytes: [UInt8] = []
      var json = JSONBuffer()
      for index in range {
        switch entries[index].checkedLine(json: &json, interning: &interning) {
        case .failure(let error): return .failure(error)
        case .success(let line):
          bytes.append(contentsOf: line)
          bytes.append(UInt8(ascii: "\n"))
        }
      }
      return .success(bytes)
    }
    var bytes: [UInt8] = []
    for part in parts { bytes.append(contentsOf: try part.get()) }
    return bytes
  }

  /// Whether the last line lacks its newline, looked at under a shared lock that is let go
  /// on return.
  private func endsUnended() throws(LedgerError) -> Bool {
    let reader = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    let size = try reader.size()
    guard size > 0 else { return false }
    return try reader.read(count: 1, at: size - 1) != [UInt8(ascii: "\n")]
  }

  /// Throws what every reading command would when the ledger's last line is unended (torn by
  /// a crash, or a whole entry an editor left without its newline); reads only its end.
  public func refuseUnendedLastLine() throws(LedgerError) {
    try refuseTornTail(try LockedFile(path: path, mode: .read, timeout: lockTimeout))
  }

  func refuseTornTail(_ file: LockedFile) throws(LedgerError) {
    let size = try file.size()
    guard size > 0, try file.read(count: 1, at: size - 1) != [UInt8(ascii: "\n")] else { return }
    let bytes = try file.readAll()
    let line = bytes.reduce(into: 1) { count, byte in if byte == 10 { count += 1 } }
    let tailStart = bytes.lastIndex(of: 10).map { $0 + 1 } ?? 0
    throw bytes[tailStart...].withUnsafeBufferPointer { tail in
      UnendedLine.error(tail, at: SourceLocation(path: path, line: line))
    }
  }

  /// Syncs a folder, so that a name just created or renamed in it survives a crash.
  public static func syncDirectory(_ directory: String) {
    let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }
}

/// What `repairTornTail` did: set a torn line aside, or end a whole one with its newline.
public struct TornTailRepair: Equatable, Sendable {
  /// The line the unended bytes started.
  public let line: Int
  public let byteCount: Int
  /// Where the torn bytes were saved; nil when the line was whole and only got its newline.
  public let savedTo: String?
}

/// Finds a line that starts with given bytes, reading the file in large blocks.
enum ByteSearch {
  /// Whether some line of the file begins with `prefix`, or is the `claim` entry of `id`
  /// written another way (its keys in another order or spaced, by hand or by another tool);
  /// jumps from newline to newline with `memchr`, so a large ledger is scanned at memory speed.
  /// On the way, a line that cannot be an entry at all (not a JSON object's braces, such as a
  /// merge's conflict markers) is an error at its line, so nothing is appended to a broken
  /// ledger; what is inside the braces is left to the loaders, which every other command runs.
  static func hasLine(
    startingWith prefix: [UInt8], orClaim id: ClaimID, in file: LockedFile, path: String
  ) throws(LedgerError) -> Bool {
    let size = try file.size()
    let block = max(8 << 20, prefix.count)
    var lineStart = 0
    var lineNumber = 1
    while lineStart < size {
      let chunk = try file.read(count: min(block, size - lineStart), at: lineStart)
      let scan = chunk.withUnsafeBytes { scanLines(of: $0, for: prefix, orClaim: id) }
      if let misshapen = scan.misshapenLine {
        let found = chunk.withUnsafeBytes { fault(inLine: misshapen.start, of: $0) }
        throw .malformedEntry(
          at: SourceLocation(path: path, line: lineNumber + misshapen.number, column: found.column),
          reason: found.reason)
      }
      if scan.found { return true }
      lineNumber += scan.lineCount
      if let nextLine = scan.nextLine {
        lineStart += nextLine
        continue
      }
      // One line fills the whole block: skip to the newline that ends it, checking that it is
      // an object's braces, as the shorter lines are.
      let isBlank = { (byte: UInt8) in byte == 32 || byte == 9 }
      var last = chunk.last { !isBlank($0) }
      var offset = lineStart + chunk.count
      var ended = false
      while offset < size, !ended {
        let more = try file.read(count: min(block, size - offset), at: offset)
        let newline = more.firstIndex(of: 10)
        last = more[..<(newline ?? more.count)].last { !isBlank($0) } ?? last
        offset += newline.map { $0 + 1 } ?? more.count
        ended = newline != nil
      }
      let opens = chunk.first { !isBlank($0) } == UInt8(ascii: "{")
      if ended, !opens || last != UInt8(ascii: "}") {
        // The start is in hand, where the reader names a wrong first byte; a wrong end only as
        // no object.
        let found =
          opens
          ? (column: 1, reason: "not a JSON object (a merge conflict or an edit gone wrong?)")
          : chunk.withUnsafeBytes { fault(inLine: 0, of: $0) }
        throw .malformedEntry(
          at: SourceLocation(path: path, line: lineNumber, column: found.column),
          reason: found.reason)
      }
      lineStart = offset
      lineNumber += 1
    }
    return false
  }

  /// How lines this tool writes start: the kind, then the id. A claim line is matched by its
  /// id's marker; another kind's line (`{"entry":"resolve",…`) is none.
  private static let entryStart = Array(#"{"entry":""#.utf8)
  private static let claimStart = Array(#"{"entry":"claim","#.utf8)
  private static let ownClaimStart = Array(#"{"entry":"claim","id":""#.utf8)

  /// Whether `line`, written another way than this tool writes (keys in another order, or
  /// spaced), is the `claim` entry of `id`: decoded only when it holds the id in quotes.
  private static func isClaimLine(_ line: UnsafeRawBufferPointer, of id: ClaimID) -> Bool {
    var quoted: [UInt8] = [UInt8(ascii: "\"")]
    quoted += id.description.utf8
    quoted.append(UInt8(ascii: "\""))
    guard SubsequenceSearch.firstIndex(of: quoted, in: line) != nil else { return false }
    var interning = LineInterning()
    guard
      let entry = try? EntryDecoder.decode(line.bindMemory(to: UInt8.self), interning: &interning),
      entry.id == id, case .claim = entry.body
    else { return false }
    return true
  }

  /// How many bytes `line` and `prefix` agree on from their starts.
  private static func commonPrefixLength(_ line: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Int {
    guard let start = line.baseAddress else { return 0 }
    return prefix.withUnsafeBufferPointer { pattern in
      let count = min(line.count, pattern.count)
      var index = 0
      while index < count, start.load(fromByteOffset: index, as: UInt8.self) == pattern[index] {
        index += 1
      }
      return index
    }
  }

  /// Checks each complete line in `bytes`: `lineCount` of them, `nextLine` where the first
  /// incomplete one starts (nil when not even one line is complete), and `misshapenLine` the
  /// index among them of the first that is not braces around something.
  private static func scanLines(
    of bytes: UnsafeRawBufferPointer, for prefix: [UInt8], orClaim id: ClaimID
  ) -> (found: Bool, nextLine: Int?, lineCount: Int, misshapenLine: (number: Int, start: Int)?) {
    guard let base = bytes.baseAddress else { return (false, nil, 0, nil) }
    var lineStart = 0
    var lineCount = 0
    while lineStart < bytes.count {
      guard let newline = memchr(base + lineStart, 10, bytes.count - lineStart) else { break }
      let lineEnd = base.distance(to: UnsafeRawPointer(newline))
      let line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd])
      guard isBraced(line) else { return (false, nil, lineCount, (lineCount, lineStart)) }
      // How far the line agrees with the claim's marker tells all: the whole of it is the
      // claim; past the kind's start but not to `claim"` is this tool's line of another kind,
      // and past `"id":"` one of another claim, both passed over (nearly every line); else the
      // line is written another way, or is a claim line with its keys in another order, and
      // is decoded if it holds the id.
      let agreed = commonPrefixLength(line, prefix)
      if agreed == prefix.count { return (true, nil, lineCount, nil) }
      let isOwnOtherLine =
        agreed >= ownClaimStart.count || agreed >= entryStart.count && agreed < claimStart.count
      if !isOwnOtherLine, !line.isEmpty, isClaimLine(line, of: id) {
        return (true, nil, lineCount, nil)
      }
      lineStart = lineEnd + 1
      lineCount += 1
    }
    // The line the block ends inside starts here; its start is in the block, so check it too.
    let tailMatches =
      bytes.count - lineStart >= prefix.count
      && prefix.withUnsafeBytes { pattern in
        pattern.baseAddress.map { memcmp(base + lineStart, $0, prefix.count) == 0 } ?? true
      }
    if tailMatches { return (true, nil, lineCount, nil) }
    return (false, lineStart == 0 ? nil : lineStart, lineCount, nil)
  }

  /// What is wrong with the line starting at `start`, which is no JSON object's braces: the
  /// reader's own words and column for it (a Windows editor's byte-order mark or CRLF line
  /// ends, a merge's conflict markers), as every other command would name it.
  private static func fault(inLine start: Int, of bytes: UnsafeRawBufferPointer) -> (
    column: Int, reason: String
  ) {
    let line = UnsafeRawBufferPointer(rebasing: bytes[start...].prefix { $0 != 10 })
    do throws(JSONScanner.Failure) {
      _ = try EntryDecoder.decode(line.bindMemory(to: UInt8.self))
    } catch {
      return (error.offset + 1, error.reason)
    }
    return (1, "not a JSON object (a merge conflict or an edit gone wrong?)")
  }

  /// Whether a line is empty, or starts with `{` and ends with `}` with nothing but spaces and
  /// tabs around them, as the reader takes it (a line of spaces, or one ending in a carriage
  /// return, the reader refuses).
  static func isBraced(_ line: UnsafeRawBufferPointer) -> Bool {
    guard !line.isEmpty else { return true }
    let isBlank: (UInt8) -> Bool = { $0 == 32 || $0 == 9 }
    guard let first = line.firstIndex(where: { !isBlank($0) }),
      let last = line.lastIndex(where: { !isBlank($0) })
    else { return false }
    return line[first] == UInt8(ascii: "{") && line[last] == UInt8(ascii: "}")
  }
}

extension Entry {
  /// The entry's journal line (without its newline), or why it would not read back as
  /// written: no command may append a line the reader would refuse or read differently.
  func checkedLine(json: inout JSONBuffer, interning: inout LineInterning) -> Result<
    [UInt8], LedgerError
  > {
    json.removeAll()
    writeJSON(into: &json)
    let line = json.bytes
    let reread = line.withUnsafeBufferPointer { buffer in
      Result { () throws(JSONScanner.Failure) -> Entry in
        try EntryDecoder.decode(buffer, interning: &interning)
      }
    }
    var location = SourceLocation(path: "new entry", line: 1)
    switch reread {
    case .failure(let failure):
      location.column = failure.offset + 1
      return .failure(.malformedEntry(at: location, reason: failure.reason))
    case .success(let decoded) where decoded != self:
      return .failure(
        .malformedEntry(at: location, reason: "the entry would not read back as written"))
    case .success:
      return .success(line)
    }
  }
}
