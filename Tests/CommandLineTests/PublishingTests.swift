import Foundation
import Planning
import Testing
import TestSupport

/// Publishing is all-or-nothing (issue 14, docs/operations.md "Publishing"): `re100` is killed with SIGKILL after
/// each step of publishing a run (`RE100_KILL_AFTER`), and `current`, the run archive and `state.json` are checked
/// right after the kill and after the next run; a full disk gives exit 70 and leaves nothing half-written.
@Suite("Publishing", .serialized)
struct PublishingTests {
    static let grid = TestFolders.bundledGrid("single-bus").path

    /// The `re100` executable of this build (next to the test bundle).
    static let binary: String = {
        let candidates = [
            URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent().appendingPathComponent("re100"),
            Bundle.main.bundleURL.appendingPathComponent("re100"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("re100"),
            TestFolders.root.appendingPathComponent(".build/debug/re100"),
        ]
        return (candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[3]).path
    }()

    struct Outcome {
        var status: Int32
        var killed: Bool
        var stderr: String
    }

    /// Runs `re100 arguments` with `environment` added; stderr is captured.
    static func re100(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                       stderr: String(decoding: data, as: UTF8.self))
    }

    /// single-bus over four days, for daily runs that follow one another (each state is valid from the next day).
    static let fourDays: Result<String, any Error> = Result {
        try TestGrids.singleBus(days: 4, in: try TestFolders.temporaryDirectory()).path
    }

    static func run(_ out: String, now: String, environment: [String: String] = [:]) throws -> Outcome {
        try re100(["run", try fourDays.get(), "--out", out, "--now", now, "--log-level", "warning"], environment: environment)
    }

    /// The folders the archive recorded as published, newest first.
    static func published(_ out: String) throws -> [String] {
        try RunArchive(path: out + "/history.sqlite").publishedFolders()
    }

    static func current(_ out: String) -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: out + "/current")).map { ($0 as NSString).lastPathComponent }
    }

    /// `state.json` resolves to the state of the run `current` points at.
    static func stateFollowsCurrent(_ out: String) throws -> Bool {
        guard let current = current(out) else { return false }
        let state = try Data(contentsOf: URL(fileURLWithPath: out + "/state.json"))
        return state == (try Data(contentsOf: URL(fileURLWithPath: out + "/runs/\(current)/state.json")))
    }

    static func leftovers(_ out: String) -> [String] {
        let manager = FileManager.default
        let top = ((try? manager.contentsOfDirectory(atPath: out)) ?? []).filter { $0.contains(".tmp-") || $0.contains(".staging-") }
        let runs = ((try? manager.contentsOfDirectory(atPath: out + "/runs")) ?? []).filter { $0.hasPrefix(".") }
        return top + runs
    }

    @Test(arguments: RunDirectory.Step.allCases)
    func aRunKilledAfterAnyStepLeavesCurrentArchiveAndStateAgreeing(step: RunDirectory.Step) throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "no re100 binary at \(Self.binary)")
        let out = try TestFolders.temporaryDirectory().path
        #expect(try Self.run(out, now: "2026-04-03T00:00").status == 0)
        #expect(Self.current(out) == "20260403T0000")

        let killed = try Self.run(out, now: "2026-04-04T00:00", environment: ["RE100_KILL_AFTER": step.rawValue])
        #expect(killed.killed && killed.status == SIGKILL, "\(step): \(killed.status) \(killed.stderr)")
        // Right after the kill: current is the old or the new run, never one the archive lacks; state.json is
        // always the state of the run current points at.
        let current = try #require(Self.current(out))
        let archived = try Self.published(out)
        #expect(archived.contains(current))
        #expect(["20260403T0000", "20260404T0000"].contains(current))
        #expect(try Self.stateFollowsCurrent(out))
        let committed = step != .staged
        #expect(archived.first == (committed ? "20260404T0000" : "20260403T0000"))

        // The next run recovers first (and logs it), then publishes normally: the next day when the killed run was
        // committed (its state is valid from there), else that day again.
        let day = committed ? "20260405T0000" : "20260404T0000"
        let next = try Self.run(out, now: committed ? "2026-04-05T00:00" : "2026-04-04T00:00")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Self.current(out) == day)
        #expect(try Self.published(out).first == day)
        #expect(try Self.stateFollowsCurrent(out))
        #expect(Self.leftovers(out).isEmpty, "\(Self.leftovers(out))")
        let runs = try FileManager.default.contentsOfDirectory(atPath: out + "/runs").sorted()
        #expect(runs == (committed ? ["20260403T0000", "20260404T0000", "20260405T0000"] : ["20260403T0000", "20260404T0000"]))
        #expect(Set(runs) == Set(try Self.published(out)))
        let recovered = step == .staged || step == .committed || step == .moved
        #expect(next.stderr.contains("recovery:") == recovered || step == .swapped, "\(step): \(next.stderr)")
    }

    /// A run whose state is valid from another hour (a day was skipped) exits 65 naming the file, the field and both
    /// hours, and publishes nothing.
    @Test func aStateForAnotherHourIsExit65() throws {
        let out = try TestFolders.temporaryDirectory().path
        #expect(try Self.run(out, now: "2026-04-03T00:00").status == 0)
        let skipped = try Self.run(out, now: "2026-04-05T00:00")
        #expect(skipped.status == 65, "\(skipped.stderr)")
        #expect(skipped.stderr.contains(out + "/state.json: field 'valid_from': expected the run's first hour "
            + "2026-04-05T00:00+09:00, found 2026-04-04T00:00+09:00"), "\(skipped.stderr)")
        #expect(Self.current(out) == "20260403T0000")
    }

    /// A tiny tmpfs stands in for a full disk (mounting needs root; elsewhere the test is skipped).
    static func withFullDisk(_ body: (String) throws -> Void) throws {
        let mountPoint = try TestFolders.temporaryDirectory().path
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [mountPoint]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        try body(mountPoint)
    }

    /// Fills the file system of `folder` up to its last few kilobytes.
    static func fill(_ folder: String) {
        let handle = FileManager.default.createFile(atPath: folder + "/filler", contents: nil)
        guard handle, let file = FileHandle(forWritingAtPath: folder + "/filler") else { return }
        let block = Data(count: 4096)
        while (try? file.write(contentsOf: block)) != nil {}
        try? file.close()
        // Leave room for a few small files but not for a whole result.
        let size = ((try? FileManager.default.attributesOfItem(atPath: folder + "/filler")[.size]) as? Int) ?? 0
        truncate(folder + "/filler", off_t(max(0, size - 16_384)))
    }

    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func aFullDiskIsExit70AndLeavesTheOldResultWhole() throws {
        try Self.withFullDisk { disk in
            let result = disk + "/result"
            let first = try Self.re100(["dispatch", Self.grid, "--hours", "24", "--out", result, "--format", "json"])
            #expect(first.status == 0, "\(first.stderr)")
            let before = try FileManager.default.contentsOfDirectory(atPath: result).sorted().map { name in
                try Data(contentsOf: URL(fileURLWithPath: result + "/" + name))
            }
            Self.fill(disk)
            let second = try Self.re100(["dispatch", Self.grid, "--hours", "48", "--out", result, "--format", "json"])
            #expect(second.status == 70, "\(second.stderr)")
            let after = try FileManager.default.contentsOfDirectory(atPath: result).sorted().map { name in
                try Data(contentsOf: URL(fileURLWithPath: result + "/" + name))
            }
            #expect(after == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk).sorted() == ["filler", "result"])
        }
    }

    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func aFullDiskDuringARunIsExit70AndPublishesNothing() throws {
        try Self.withFullDisk { disk in
            let out = disk + "/out"
            #expect(try Self.run(out, now: "2026-04-03T00:00").status == 0)
            Self.fill(disk)
            let full = try Self.run(out, now: "2026-04-04T00:00")
            #expect(full.status == 70, "\(full.stderr)")
            try FileManager.default.removeItem(atPath: disk + "/filler")  // SQLite needs room to open the archive
            #expect(Self.current(out) == "20260403T0000")
            #expect(try Self.stateFollowsCurrent(out))
            #expect(Self.leftovers(out).isEmpty, "\(Self.leftovers(out))")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/runs") == ["20260403T0000"])
            #expect(try Self.published(out).first == "20260403T0000")
        }
    }

    @Test func dispatchOutRefusesToReplaceAFolderWithOtherFiles() throws {
        let folder = try TestFolders.temporaryDirectory().path
        try "keep me".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let outcome = try Self.re100(["dispatch", Self.grid, "--hours", "3", "--out", folder, "--format", "json"])
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8) == "keep me")
        #expect(outcome.stderr.contains("not a result folder"))
    }
}
