import Foundation
import GridIO
import Logging
import Testing
import TestSupport
@testable import Planning

@Suite("data folders: presets and tariffs by name")
struct DataDirectoriesTests {
    private static let root = TestFolders.root

    /// A temporary data folder with the repository's layout: `solver-configs/` and `grids/tariffs/`.
    private struct DataFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("re100-data-tests-\(UUID().uuidString)")

        init(_ files: [String: String]) throws {
            for (path, text) in files {
                let file = url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
        }

        /// The data folders when `RE100_DATA_DIR` names this folder and the executable is nowhere known.
        var directories: DataDirectories { DataDirectories(environment: [DataDirectories.environmentVariable: url.path], executable: nil) }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    @Test func searchOrderIsEnvironmentThenShareThenCheckout() {
        let installed = DataDirectories(environment: ["RE100_DATA_DIR": "/data/re100"], executable: URL(fileURLWithPath: "/opt/x/bin/re100"))
        #expect(installed.folders.map(\.path) == ["/data/re100", "/opt/x/share/re100"])
        let unset = DataDirectories(environment: ["RE100_DATA_DIR": ""], executable: URL(fileURLWithPath: "/opt/x/bin/re100"))
        #expect(unset.folders.map(\.path) == ["/opt/x/share/re100"])
        // An executable somewhere below the checkout (as in .build/<triple>/debug) finds the repository's data.
        let built = DataDirectories(environment: [:], executable: Self.root.appendingPathComponent("Tests/bin/re100"))
        #expect(built.folders.map(\.path) == [Self.root.appendingPathComponent("Tests/share/re100").path, Self.root.standardizedFileURL.path])
        #expect(built.solverPresets.folders.last?.path == Self.root.appendingPathComponent("solver-configs").path)
        #expect(built.tariffs.folders.last?.path == Self.root.appendingPathComponent("grids/tariffs").path)
        #expect(DataDirectories(environment: [:], executable: nil).folders.isEmpty)
    }

    @Test func presetNameResolvesInTheDataFolder() throws {
        let data = try DataFolder(["solver-configs/quick.toml": "method = \"dual_simplex\"\n"])
        defer { data.remove() }
        let file = try SolverPresetLoader.file(for: "quick", presets: data.directories.solverPresets)
        #expect(file == data.url.appendingPathComponent("solver-configs/quick.toml").standardizedFileURL)
        let options = try SolverPresetLoader.load(path: "quick", presets: data.directories.solverPresets)
        #expect(options.method == .dualSimplex)
        // Paths keep their meaning: relative to the working directory, never looked up by name.
        #expect(try SolverPresetLoader.file(for: "quick.toml", presets: data.directories.solverPresets).path
            == URL(fileURLWithPath: "quick.toml").path)
        #expect(try SolverPresetLoader.file(for: "configs/quick", presets: data.directories.solverPresets).path
            == URL(fileURLWithPath: "configs/quick").path)
    }

    @Test func unknownPresetNameListsFoldersAndNames() throws {
        let data = try DataFolder(["solver-configs/quick.toml": "", "solver-configs/slow.toml": ""])
        defer { data.remove() }
        var thrown: (any Error)?
        do {
            _ = try SolverPresetLoader.load(path: "quik", presets: data.directories.solverPresets)
        } catch {
            thrown = error
        }
        let error = try #require(thrown as? PlanningError)
        let searched = "one of quick, slow (searched \(data.url.appendingPathComponent("solver-configs").path))"
        #expect(error == .unknownSolverPreset(name: "quik", searched: searched))
        #expect(error.description == "no preset named 'quik'; expected a preset file path or " + searched)
    }

    @Test func gridTariffNameResolvesInTheDataFolderAndUnknownNamesAreBadInput() throws {
        let tariff = try String(contentsOf: Self.root.appendingPathComponent("grids/tariffs/kepco-industrial-b-high-voltage-a-option-2.toml"),
                                encoding: .utf8)
        var grid = try String(contentsOf: Self.root.appendingPathComponent("grids/single-bus/grid.toml"), encoding: .utf8)
        grid = grid.replacingOccurrences(of: "\"../tariffs/kepco-industrial-b-high-voltage-a-option-2.toml\"", with: "\"site-tariff\"")
        #expect(grid.contains("tariff = \"site-tariff\""))
        let series = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("grids/single-bus").path)
            .filter { $0.hasSuffix(".csv") }
        var files = ["grids/tariffs/site-tariff.toml": tariff, "site/grid.toml": grid]
        for name in series {
            files["site/" + name] = try String(contentsOf: Self.root.appendingPathComponent("grids/single-bus/" + name), encoding: .utf8)
        }
        let data = try DataFolder(files)
        defer { data.remove() }
        let site = data.url.appendingPathComponent("site").path
        let loaded = try GridSource.open(site, tariffs: data.directories.tariffs, logger: Logger(label: "test"))
        #expect(loaded.network.gridConnection?.tariff?.currency == "KRW")

        var thrown: (any Error)?
        do {
            _ = try GridSource.open(site, tariffs: NamedFileCatalog(folders: []), logger: Logger(label: "test"))
        } catch {
            thrown = error
        }
        let message = try #require(thrown as? GridDiagnostics).description
        #expect(message.contains("unknown tariff name at grid_connection.tariff"))
        #expect(message.contains("found site-tariff"))
    }
}
