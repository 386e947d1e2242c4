import Foundation
import Testing
import TestSupport
@testable import Planning

@Suite("atomic writes and fingerprints")
struct AtomicFileTests {
    @Test func replacesTheFileAndLeavesNoTemporaryFile() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.csv").path
        try AtomicFile.write("old\n", to: path)
        try AtomicFile.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.csv"])
    }

    @Test func failedWriteKeepsWhatWasThere() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The target is a non-empty folder: the rename fails, the folder and its file stay.
        let target = directory.appendingPathComponent("summary.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try "keep\n".write(to: target.appendingPathComponent("inside"), atomically: false, encoding: .utf8)
        #expect(throws: PlanningError.self) { try AtomicFile.write("new\n", to: target.path) }
        #expect(try String(contentsOf: target.appendingPathComponent("inside"), encoding: .utf8) == "keep\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["summary.json"])
        // A missing folder: nothing is created.
        let missing = directory.appendingPathComponent("no/such/file.csv").path
        #expect(throws: PlanningError.self) { try AtomicFile.write("x", to: missing) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["summary.json"])
    }

    @Test func fingerprintNamesFilesRelativeToTheGrid() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grid = directory.appendingPathComponent("grid")
        try FileManager.default.createDirectory(at: grid, withIntermediateDirectories: true)
        let file = grid.appendingPathComponent("grid.toml")
        let tariff = directory.appendingPathComponent("tariff.toml")
        try "abc".write(to: file, atomically: true, encoding: .utf8)
        try "".write(to: tariff, atomically: true, encoding: .utf8)
        #expect(GridFingerprint.relativePath(of: tariff, to: grid) == "../tariff.toml")
        #expect(try GridFingerprint.sha256(ofFile: file) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // sha256 of the two lines "../tariff.toml e3b0...\ngrid.toml ba78...\n", order-independent.
        let lines = "../tariff.toml e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
            + "grid.toml ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
        let expected = try shellSHA256(lines)
        #expect(try GridFingerprint.sha256(of: [file, tariff], relativeTo: grid) == expected)
        #expect(try GridFingerprint.sha256(of: [tariff, file], relativeTo: grid) == expected)
    }

    /// `sha256sum` of `text`, an independent reference.
    private func shellSHA256(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
