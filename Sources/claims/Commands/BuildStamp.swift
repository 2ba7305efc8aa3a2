import Foundation

/// Names this build of the tool: its version and the executable's size and modification time,
/// so what a build keeps in the cache folder is never read by another build.
enum BuildStamp {
  static let current: String = {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 else { return "claims \(CLI.version)" }
    return
      "claims \(CLI.version) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
  }()
}
