import ArgumentParser
import Foundation
import GridIO
import Testing
import TestSupport
@testable import re100

/// `dispatch`, `export-lp` and `compare` refuse whatever `validate` refuses, for all three grid formats (issue 14):
/// each broken grid below makes every command exit 65 before an LP is built, with the same located problems.
@Suite("validate and dispatch agree")
struct ValidationParityTests {
    private static let fixtures = TestFolders.root.appendingPathComponent("Tests/GridIOTests/Fixtures")

    /// A copy of `source` (a file or folder) in a new temporary folder, with `edit` applied to `file` in it.
    private static func broken(_ source: URL, file: String, edit: (String) -> String) throws -> URL {
        let folder = try TestFolders.temporaryDirectory()
        let copy = folder.appendingPathComponent(source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: copy)
        let target = file.isEmpty ? copy : copy.appendingPathComponent(file)
        let text = try String(contentsOf: target, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed nothing in \(target.path)")
        try edited.write(to: target, atomically: true, encoding: .utf8)
        return copy
    }

    enum Case: String, CaseIterable, Sendable {
        case pypsaUnknownBus, pypsaZeroReactance, pypsaDuplicateBus, pypsaInfiniteRating
        case matpowerTinyReactance, matpowerHugeLoad
        case nativeHugeCapacity, nativeHugeMinimumUpTime, nativeTinyReactance

        func grid() throws -> URL {
            let radial = ValidationParityTests.fixtures.appendingPathComponent("pypsa/radial")
            let matpower = ValidationParityTests.fixtures.appendingPathComponent("matpower/case4_re100.m")
            let singleBus = TestFolders.bundledGrid("single-bus")
            let meshed = TestFolders.bundledGrid("meshed-6bus")
            switch self {
            case .pypsaUnknownBus:
                return try broken(radial, file: "lines.csv") { $0.replacingOccurrences(of: "r1-r2,r1,r2,", with: "r1-r2,r1,nowhere,") }
            case .pypsaZeroReactance:
                return try broken(radial, file: "lines.csv") { $0.replacingOccurrences(of: "r1-r2,r1,r2,10.0,", with: "r1-r2,r1,r2,0,") }
            case .pypsaDuplicateBus:
                return try broken(radial, file: "buses.csv") { $0 + "r1,110.0,PQ,,0\n" }
            case .pypsaInfiniteRating:
                return try broken(radial, file: "lines.csv") { $0.replacingOccurrences(of: "r1,r2,10.0,1.0,45.0,", with: "r1,r2,10.0,1.0,inf,") }
            case .matpowerTinyReactance:
                return try broken(matpower, file: "") { $0.replacingOccurrences(of: "1\t2\t0.01\t0.085", with: "1\t2\t0.01\t1e-300") }
            case .matpowerHugeLoad:
                return try broken(matpower, file: "") { $0.replacingOccurrences(of: "2\t2\t90\t30", with: "2\t2\t1e300\t30") }
            case .nativeHugeCapacity:
                return try broken(singleBus, file: "grid.toml") { $0.replacingOccurrences(of: "p_nom = 10.0", with: "p_nom = 1e308") }
            case .nativeHugeMinimumUpTime:
                return try broken(singleBus, file: "grid.toml") {
                    $0.replacingOccurrences(of: "p_max_pu = \"series.csv:pv\"", with: "p_max_pu = \"series.csv:pv\"\nmin_up_time = 1e20")
                }
            case .nativeTinyReactance:
                return try broken(meshed, file: "grid.toml") { text in
                    guard let range = text.range(of: #"x = [0-9.]+"#, options: .regularExpression) else { return text }
                    return text.replacingCharacters(in: range, with: "x = 1e-300")
                }
            }
        }
    }

    @Test(arguments: Case.allCases)
    func everyCommandRefusesWhatValidateRefuses(broken: Case) throws {
        let grid = try broken.grid()
        let tariffs = NamedFileCatalog(folders: [TestFolders.root.appendingPathComponent("grids/tariffs")])
        let diagnostics = GridReader.validate(grid, tariffs: tariffs)
        #expect(!diagnostics.isClean, "validate accepts \(broken)")
        #expect(diagnostics.errors.allSatisfy { !$0.file.isEmpty && ($0.line > 0 || $0.field != nil) }, "\(diagnostics)")
        let out = try TestFolders.temporaryDirectory().path
        for arguments in [
            ["validate", grid.path],
            ["dispatch", grid.path, "--hours", "2", "--format", "json"],
            ["export-lp", grid.path, "--hours", "2", "--out", out + "/model.lp"],
            ["dispatch", grid.path, "--hours", "2", "--out", out + "/result"],
        ] {
            var command = try RE100Command.parseAsRoot(arguments)
            do {
                try command.run()
                Issue.record("\(arguments[0]) accepted \(broken)")
            } catch {
                #expect(RE100Command.exitCode(for: error) == ExitCode(65), "\(arguments[0]) on \(broken): \(error)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/model.lp"))
        #expect(!FileManager.default.fileExists(atPath: out + "/result"))
    }
}
