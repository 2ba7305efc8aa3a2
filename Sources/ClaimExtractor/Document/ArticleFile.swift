import Foundation

/// Reads an article's bytes from a path, with errors that name it.
public enum ArticleFile {
  /// The whole file; a missing file, a folder or an unreadable file is an `ExtractionError`.
  public static func read(path: String) throws(ExtractionError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path: path)
    }
    guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a folder") }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    do {
      return Array(try handle.readToEnd() ?? Data())
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }
}
