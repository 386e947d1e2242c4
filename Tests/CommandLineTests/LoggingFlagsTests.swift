import ArgumentParser
import Testing
@testable import re100

/// Every command that does work takes `--log-level` and `--log-format` (docs/cli.md, "Options every command
/// takes"), including commands added later: the test walks the command tree.
@Suite("logging flags on every command")
struct LoggingFlagsTests {
    /// The commands without subcommands of `command`'s tree, with their path (`actuals add`).
    static func leaves(of command: any ParsableCommand.Type, path: [String] = []) -> [(String, any ParsableCommand.Type)] {
        let subcommands = command.configuration.subcommands
        let name = command.configuration.commandName ?? ""
        guard !subcommands.isEmpty else { return [((path + [name]).joined(separator: " "), command)] }
        return subcommands.flatMap { leaves(of: $0, path: path + [name]) }
    }

    @Test func everyCommandTakesLogLevelAndLogFormat() {
        let commands = Self.leaves(of: RE100Command.self)
        #expect(commands.count >= 8)
        for (name, command) in commands {
            let help = RE100Command.helpMessage(for: command)
            #expect(help.contains("--log-level <log-level>"), "\(name) lacks --log-level")
            #expect(help.contains("--log-format <log-format>"), "\(name) lacks --log-format")
        }
    }
}
