// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "claims",
  products: [
    .executable(name: "claims", targets: ["claims"])
  ],
  targets: [
    // The claim model, the journal format and the ledger store. Depends on nothing.
    .target(name: "ClaimLedger"),
    // Articles in, proposed claims out.
    .target(name: "ClaimExtractor", dependencies: ["ClaimLedger"]),
    // Scoring, scorecards and their renderers.
    .target(name: "ClaimReports", dependencies: ["ClaimLedger"]),
    // The command line: parsing, dispatch, terminal output, exit statuses.
    .executableTarget(
      name: "claims",
      dependencies: ["ClaimLedger", "ClaimExtractor", "ClaimReports"]
    ),
    // The seeded random source of generated ledgers and corpora, benchmarks' and tests' alike.
    .target(name: "SplitMix", path: "Benchmarks/Sources/SplitMix"),
    // Generates deterministic ledgers and times the loader and echo clustering
    // (run by Benchmarks/run).
    .executableTarget(
      name: "claims-bench",
      dependencies: ["ClaimLedger", "ClaimExtractor", "ClaimReports", "SplitMix"],
      path: "Benchmarks/Sources/claims-bench"
    ),

    // Generates a corpus of articles and times the extractor on it.
    .executableTarget(
      name: "claims-extract-bench",
      dependencies: ["ClaimExtractor", "SplitMix"],
      path: "Benchmarks/Sources/claims-extract-bench"
    ),

    // Feeds arbitrary bytes to the parsers: built with libFuzzer by .ci/fuzz, and
    // otherwise a replayer of saved inputs (.ci/fuzz and FuzzReplayTests use it).
    .executableTarget(
      name: "claims-fuzz",
      dependencies: ["ClaimLedger", "ClaimExtractor", "ClaimReports"],
      exclude: ["cli/main.swift"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ),

    .testTarget(name: "ClaimLedgerTests", dependencies: ["ClaimLedger", "SplitMix"]),
    .testTarget(name: "ClaimExtractorTests", dependencies: ["ClaimExtractor", "SplitMix"]),
    .testTarget(name: "ClaimReportsTests", dependencies: ["ClaimReports", "SplitMix"]),
    .testTarget(name: "claimsTests", dependencies: ["claims", "SplitMix"]),
  ]
)
