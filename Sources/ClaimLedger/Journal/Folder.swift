import Foundation

/// Folders made for files the tool writes: the ledger's, and the scorecards'.
public enum Folder {
  /// Makes `directory` and the folders above it that are missing, one `mkdir` at a time, so a
  /// refusal is the system's own words about the part at fault ("x is a file, not a folder";
  /// "permission denied"); nil when it exists or was made.
  public static func make(_ directory: String) -> String? {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) {
      return isFolder.boolValue ? nil : "\(directory) is a file, not a folder"
    }
    let parent = (directory as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != directory, let refusal = make(parent) { return refusal }
    guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
      return "cannot make the folder \(directory): " + String(cString: strerror(errno))
    }
    return nil
  }
}
