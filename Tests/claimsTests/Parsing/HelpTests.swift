import Foundation
import Testing

@testable import claims

/// One registered command, by name, so each appears in the test report on its own.
struct RegisteredCommand: Sendable, CustomTestStringConvertible {
  let name: String
  let abstract: String

  var testDescription: String { name }

  static var all: [RegisteredCommand] {
    CLI.commands.map { RegisteredCommand(name: $0.spec.name, abstract: $0.spec.abstract) }
  }
}

@Suite struct HelpTests {
  @Test(arguments: RegisteredCommand.all)
  func helpOptionPrintsTheAbstractAndUsage(_ command: RegisteredCommand) throws {
    let sandbox = try Sandbox(initialised: false)
    for arguments in [[command.name, "--help"], [command.name, "-h"]] {
      let result = sandbox.run(arguments)
      #expect(result.status == .success, result.report)
      #expect(result.stdout.hasPrefix(command.abstract + "\n"))
      #expect(result.stdout.contains("USAGE: claims \(command.name)"))
      #expect(result.stdout.contains("OPTIONS:"))
      #expect(result.stdout.contains("--ledger PATH"))
      #expect(result.stderr.isEmpty)
    }
  }

  @Test(arguments: RegisteredCommand.all)
  func helpCommandPrintsTheSameText(_ command: RegisteredCommand) throws {
    let sandbox = try Sandbox(initialised: false)
    let viaHelp = sandbox.run(["help", command.name])
    #expect(viaHelp.status == .success, viaHelp.report)
    #expect(viaHelp.stdout.hasPrefix(command.abstract + "\n"))
    #expect(viaHelp.stdout.contains("USAGE: claims \(command.name)"))
    #expect(viaHelp.stdout == sandbox.run([command.name, "--help"]).stdout)
  }

  @Test func helpWorksWithoutALedger() throws {
    let sandbox = try Sandbox(initialised: false)
    let result = sandbox.run(["list", "--help"], environment: ["CLAIMS_LEDGER": "/nonexistent/l"])
    #expect(result.status == .success, result.report)
    #expect(sandbox.ledger() == nil)
  }

  @Test func helpListsEveryParameterOfTheCommand() throws {
    let sandbox = try Sandbox(initialised: false)
    let help = sandbox.run(["resolve", "--help"]).stdout
    for word in ["<id>", "<outcome>", "--on DATE", "--evidence TEXT", "--reason REASON"] {
      #expect(help.contains(word), "\(word) in\n\(help)")
    }
    #expect(help.contains("ARGUMENTS:"))
  }

  @Test func versionPrintsTheVersion() throws {
    let sandbox = try Sandbox(initialised: false)
    let result = sandbox.run(["--version"])
    #expect(result == CLI.Result(status: .success, stdout: "claims \(CLI.version)\n", stderr: ""))
  }

  @Test(arguments: [[], ["help"], ["--help"], ["-h"]])
  func overviewListsEveryCommand(_ arguments: [String]) throws {
    let sandbox = try Sandbox(initialised: false)
    let result = sandbox.run(arguments)
    #expect(result.status == .success, result.report)
    #expect(result.stdout.contains("USAGE: claims <command> [options]"))
    for command in RegisteredCommand.all {
      #expect(
        result.stdout.contains("  \(command.name)  ") && result.stdout.contains(command.abstract),
        "\(command.name) is missing from the overview")
    }
    // The global options, --version among them.
    for option in ["--ledger PATH", "--today DATE", "--json", "--help", "--version"] {
      #expect(result.stdout.contains("  \(option)  "), "\(option) is missing from the overview")
    }
  }

  @Test func helpForAnUnknownCommandSuggestsOne() throws {
    let sandbox = try Sandbox(initialised: false)
    let result = sandbox.run(["help", "lsit"])
    #expect(result.status == .usage)
    #expect(result.stderr.hasPrefix("claims: error: unknown command 'lsit'"))
    #expect(result.stderr.contains("'list'"))
  }

  @Test func everyCommandHasARowInTheReadme() throws {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(
      atPath: folder.appendingPathComponent("Package.swift").path),
      folder.path != "/"
    {
      folder = folder.deletingLastPathComponent()
    }
    let readme = folder.appendingPathComponent("README.md")
    let data = try #require(
      FileManager.default.contents(atPath: readme.path), "README.md is missing at \(readme.path)")
    let text = String(decoding: data, as: UTF8.self)
    for command in RegisteredCommand.all {
      // The README's command table starts each row with the command in backticks.
      #expect(
        text.contains("| `\(command.name)`") || text.contains("| `\(command.name) "),
        "README.md has no row for '\(command.name)'")
    }
  }
}
