import Foundation
import Testing
import _ReaderFuzzing

/// Every input the fuzzers crashed a reader with (and the crashing examples of issue 14) is replayed through the
/// same entry the fuzz target uses: each must now return normally. A trap would end this test process.
@Suite("Reader fuzzing regressions")
struct ReaderFuzzingRegressionTests {
    static let regressions: URL = {
        let bundled = Bundle.module.resourceURL?.appendingPathComponent("Regressions")
        return bundled ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The saved inputs of `target`, by file name.
    static func inputs(_ target: ReaderFuzzing.Target) -> [URL] {
        let folder = regressions.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: ReaderFuzzing.Target.allCases)
    func savedInputsReturnNormally(target: ReaderFuzzing.Target) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("re100-fuzz-replay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = ReaderFuzzing.Context(scratch: scratch, repository: Self.repository)
        let inputs = Self.inputs(target)
        for input in inputs {
            let bytes = try [UInt8](Data(contentsOf: input))
            bytes.withUnsafeBytes { ReaderFuzzing.run(target, $0, context: context) }
        }
        // The folder exists for every target, so a target without regressions is seen, not skipped silently.
        #expect(FileManager.default.fileExists(atPath: Self.regressions.appendingPathComponent(target.rawValue).path))
    }

    @Test func fileBundleRoundTrips() {
        let files: [(name: String, bytes: [UInt8])] = [("grid.toml", Array("a = 1\n".utf8)), ("series.csv", Array("t,x\n1,2\n".utf8))]
        let packed = FileBundle.pack(files)
        let unpacked = packed.withUnsafeBytes { FileBundle($0, mainName: "grid.toml") }
        #expect(unpacked.files.map(\.name) == ["grid.toml", "series.csv"])
        #expect(unpacked.files.map(\.bytes) == [Array("a = 1\n".utf8), Array("t,x\n1,2\n".utf8)])
    }

    @Test func bundleNamesCannotLeaveTheFolder() {
        let input = Array("x\n@@ ../../etc/passwd\ny\n@@ .hidden\nz".utf8)
        let names = input.withUnsafeBytes { FileBundle($0, mainName: "main") }.files.map(\.name)
        #expect(names == ["main", "etcpasswd", "hidden"])
    }
}
