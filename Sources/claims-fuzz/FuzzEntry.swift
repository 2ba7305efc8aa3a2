import Foundation

/// The target libFuzzer drives, chosen once from `CLAIMS_FUZZ_TARGET` before the first input.
nonisolated(unsafe) private var fuzzedTarget: FuzzTarget = .ledger

/// libFuzzer's set-up hook: reads which target to fuzz.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  let name = ProcessInfo.processInfo.environment["CLAIMS_FUZZ_TARGET"] ?? "ledger"
  guard let target = FuzzTarget(rawValue: name) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("CLAIMS_FUZZ_TARGET must be one of \(names)\n".utf8))
    exit(2)
  }
  fuzzedTarget = target
  return 0
}

/// libFuzzer's per-input hook.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  fuzzedTarget.run(bytes)
  return 0
}
