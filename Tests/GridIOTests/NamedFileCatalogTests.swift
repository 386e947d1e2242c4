import Foundation
import Testing
import TestSupport
@testable import GridIO

@Suite("NamedFileCatalog and tariffs by name")
struct NamedFileCatalogTests {
    private static let kepcoText: String = {
        let url = GridFolder.bundled("tariffs").appendingPathComponent("kepco-industrial-b-high-voltage-a-option-2.toml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test(arguments: [
        ("fast", true), ("kepco-industrial-b", true), ("fast.toml", false), ("./fast", false),
        ("../tariffs/x.toml", false), ("/abs/fast", false), ("", false),
    ])
    func namesHaveNoSlashAndNoExtension(reference: String, isName: Bool) {
        #expect(NamedFileCatalog.isName(reference) == isName)
    }

    @Test func firstFolderWinsAndNamesAreMerged() throws {
        let scratch = try GridFolder(["a/fast.toml": "x = 1", "b/fast.toml": "x = 2", "b/slow.toml": "", "b/notes.txt": ""])
        defer { scratch.remove() }
        let missing = scratch.url.appendingPathComponent("missing")
        let catalog = NamedFileCatalog(folders: [missing, scratch.url.appendingPathComponent("a"), scratch.url.appendingPathComponent("b")])
        #expect(catalog.file(named: "fast") == scratch.url.appendingPathComponent("a/fast.toml").standardizedFileURL)
        #expect(catalog.file(named: "slow") == scratch.url.appendingPathComponent("b/slow.toml").standardizedFileURL)
        #expect(catalog.file(named: "fast.toml") == nil)
        #expect(catalog.file(named: "none") == nil)
        #expect(catalog.names() == ["fast", "slow"])
        let description = catalog.searchedDescription()
        #expect(description.hasPrefix("one of fast, slow (searched \(missing.path) (missing), "))
        #expect(description.hasSuffix("\(scratch.url.appendingPathComponent("b").path))"))
        #expect(NamedFileCatalog(folders: []).searchedDescription() == "a name (none available) (searched no folder)")
    }

    private static let tariffGrid = GridFolder.minimalGrid + "tariff = \"kepco\"\n"

    @Test func gridTariffByNameComesFromTheCatalog() throws {
        let data = try GridFolder(["tariffs/kepco.toml": Self.kepcoText])
        let grid = try GridFolder(["grid.toml": Self.tariffGrid, "series.csv": GridFolder.minimalSeries])
        defer { data.remove(); grid.remove() }
        let catalog = NamedFileCatalog(folders: [data.url.appendingPathComponent("tariffs")])
        let read = try NativeGridReader.read(directory: grid.url, tariffs: catalog)
        #expect(read.tariff?.source.file == data.url.appendingPathComponent("tariffs/kepco.toml").standardizedFileURL.path)
        #expect(read.network.gridConnection?.tariff?.currency == "KRW")
        #expect(GridReader.validate(grid.url, tariffs: catalog).isClean)
    }

    @Test func unknownTariffNameListsFoldersAndNames() throws {
        let data = try GridFolder(["tariffs/kepco.toml": Self.kepcoText, "tariffs/other.toml": Self.kepcoText])
        let grid = try GridFolder(["grid.toml": GridFolder.minimalGrid + "tariff = \"kepko\"\n", "series.csv": GridFolder.minimalSeries])
        defer { data.remove(); grid.remove() }
        let folder = data.url.appendingPathComponent("tariffs")
        let diagnostics = GridReader.validate(grid.url, tariffs: NamedFileCatalog(folders: [folder]))
        #expect(diagnostics.errors.count == 1)
        let error = try #require(diagnostics.errors.first)
        #expect(error.message == "unknown tariff name")
        #expect(error.field == "grid_connection.tariff")
        #expect(error.line == GridFolder.minimalGrid.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(error.expected == "one of kepco, other (searched \(folder.path))")
        #expect(error.found == "kepko")
    }

    @Test func tariffPathsStayRelativeToTheGrid() throws {
        // A bare file name with .toml is a path: the grid's own file, even when the catalog has that name.
        let data = try GridFolder(["tariffs/local.toml": "not a tariff"])
        let grid = try GridFolder([
            "grid.toml": GridFolder.minimalGrid + "tariff = \"local.toml\"\n", "series.csv": GridFolder.minimalSeries,
            "local.toml": Self.kepcoText,
        ])
        defer { data.remove(); grid.remove() }
        let read = try NativeGridReader.read(directory: grid.url, tariffs: NamedFileCatalog(folders: [data.url.appendingPathComponent("tariffs")]))
        #expect(read.tariff?.source.file == grid.url.appendingPathComponent("local.toml").standardizedFileURL.path)
    }

    @Test func overlayTariffByName() throws {
        let data = try GridFolder(["tariffs/kepco.toml": Self.kepcoText])
        let grid = try GridFolder([
            "grid.toml": GridFolder.minimalGrid, "series.csv": GridFolder.minimalSeries,
            "s.toml": "[set]\ngrid_connection.tariff = \"kepco\"\n", "bad.toml": "[set]\ngrid_connection.tariff = \"nope\"\n",
        ])
        defer { data.remove(); grid.remove() }
        let catalog = NamedFileCatalog(folders: [data.url.appendingPathComponent("tariffs")])
        let read = try NativeGridReader.read(directory: grid.url, tariffs: catalog)
        let scenario = try ScenarioReader.read(contentsOf: grid.url.appendingPathComponent("s.toml"), for: read, tariffs: catalog)
        #expect(try read.applying([scenario]).network.gridConnection?.tariff?.currency == "KRW")
        #expect(throws: GridDiagnostics.self) {
            _ = try ScenarioReader.read(contentsOf: grid.url.appendingPathComponent("bad.toml"), for: read, tariffs: catalog)
        }
        let diagnostics = GridReader.validate(grid.url, scenarios: [grid.url.appendingPathComponent("bad.toml")], tariffs: catalog)
        #expect(diagnostics.errors.map(\.message) == ["unknown tariff name"])
        #expect(diagnostics.errors.map(\.field) == ["set.grid_connection.tariff"])
        #expect(diagnostics.errors.map(\.line) == [2])
    }
}
