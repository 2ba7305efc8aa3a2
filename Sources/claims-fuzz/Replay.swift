#if !FUZZING
  import Foundation

  /// Without libFuzzer: replays saved inputs through a target and times each one.
  ///
  /// `claims-fuzz TARGET PATH…` runs every file given, and every file inside each folder
  /// given, and fails (exit 1) when any input takes a second or more. A crash shows itself.
  @main enum Replay {
    static func main() {
      let arguments = Array(CommandLine.arguments.dropFirst())
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: claims-fuzz \(names) PATH…\n".utf8))
        exit(2)
      }
      var count = 0
      var slow: [String] = []
      for path in arguments.dropFirst().flatMap(Replay.files) {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        let started = Date()
        target.run([UInt8](data))
        if Date().timeIntervalSince(started) >= 1 { slow.append(path) }
        count += 1
      }
      print("replayed \(count) inputs through \(name)")
      for path in slow { print("slow (1 s or more): \(path)") }
      exit(slow.isEmpty ? 0 : 1)
    }

    /// The file itself, or the regular files directly inside a folder, in name order.
    static func files(_ path: String) -> [String] {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        return []
      }
      guard isDirectory.boolValue else { return [path] }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return names.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
  }
#endif
