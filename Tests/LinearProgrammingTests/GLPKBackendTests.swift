import Dispatch
import Foundation
import Testing
@testable import LinearProgramming

/// Export, cross-checks with glpsol, threads and logging of the GLPK backend.
@Suite struct GLPKBackendTests {
    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("re100-lp-\(UUID().uuidString)-\(name)").path
    }

    /// Runs glpsol on a model file and returns the objective of its solution file (printed with
    /// full double precision on the `s bas rows columns primal dual objective` line).
    private func glpsolObjective(file: String, format: ModelFileFormat, sense: OptimizationSense) throws -> Double {
        let output = temporaryPath("glpsol.sol")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Free MPS carries no objective sense, so glpsol is told.
        let senseFlag = format == .freeMPS && sense == .maximize ? ["--max"] : []
        process.arguments = ["glpsol", format == .cplexLP ? "--lp" : "--freemps", file, "-w", output] + senseFlag
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let report = try String(contentsOfFile: output, encoding: .utf8)
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("s bas ") })
        let objective = try #require(line.split(separator: " ").last)
        return try #require(Double(objective))
    }

    @Test(arguments: 1...12)
    func glpsolAgreesOnExportedRandomLPs(seed: Int) throws {
        let model = try RandomLP.make(seed: UInt64(seed) * 31, rows: 25, columns: 30)
        // A vertex method, so both answers are exact.
        let ours = try #require(try GLPKSolver().solve(model, options: SolverOptions(method: .interiorPointWithCrossover)).primal).objective
        for format in ModelFileFormat.allCases {
            let path = temporaryPath("model.\(format.rawValue)")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try GLPKSolver().write(model, format: format, to: path)
            let theirs = try glpsolObjective(file: path, format: format, sense: model.sense)
            #expect(abs(ours - theirs) <= 1e-9 * max(1, abs(ours)))
        }
    }

    @Test func exportKeepsComponentNames() throws {
        var builder = LinearModelBuilder()
        let p = builder.addColumn(name: "p(gen_a,t0000)", upper: 5, cost: 10)
        builder.addRow(name: "bal(bus_1,t0000)", lower: 3, upper: 3, terms: [(p, 1)])
        let path = temporaryPath("named.lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GLPKSolver().write(builder.build(), format: .cplexLP, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("bal(bus_1,t0000)"))
        #expect(text.contains("p(gen_a,t0000)"))
    }

    @Test func writingToAMissingDirectoryThrows() throws {
        let model = try RandomLP.make(seed: 1)
        #expect(throws: SolverError.self) {
            try GLPKSolver().write(model, format: .cplexLP, to: "/nonexistent-dir/re100/model.lp")
        }
    }

    @Test func concurrentSolvesMatchSerialOnes() throws {
        let models = try (1...16).map { try RandomLP.make(seed: UInt64($0) + 500, rows: 30, columns: 40) }
        let serial = try models.map { try #require(try GLPKSolver().solve($0, options: SolverOptions()).primal).objective }
        let results = ResultSlots(count: models.count)
        DispatchQueue.concurrentPerform(iterations: models.count) { index in
            results.set(index, try? GLPKSolver().solve(models[index], options: SolverOptions()).primal?.objective)
        }
        #expect(results.values == serial.map { Optional($0) })
    }

    @Test func glpkMessagesGoToTheLogNotStdout() throws {
        let lines = LogLines()
        let solver = GLPKSolver(log: { lines.append($0) })
        _ = try solver.solve(RandomLP.make(seed: 3), options: SolverOptions(method: .primalSimplex, messageLevel: .all))
        #expect(lines.all.contains { $0.contains("GLPK Simplex Optimizer") })
    }

    /// The CPU time of the solving thread is measured: positive, and one thread cannot use more CPU than wall time
    /// (1 ms of slack for the two clocks' resolution).
    @Test func solveReportsItsThreadCPUTime() throws {
        let solution = try GLPKSolver().solve(RandomLP.make(seed: 7, rows: 60, columns: 80), options: SolverOptions())
        #expect(solution.solveCPUSeconds > 0)
        #expect(solution.solveCPUSeconds <= solution.solveSeconds + 1e-3)
    }

    @Test func versionIsReported() {
        #expect(GLPKSolver.version.hasPrefix("5."))
        #expect(GLPKSolver().name == "GLPK \(GLPKSolver.version)")
    }
}

/// Pre-allocated result slots filled from concurrent iterations.
final class ResultSlots: @unchecked Sendable {
    private var storage: [Double?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Double?) { lock.withLock { storage[index] = value } }
    var values: [Double?] { lock.withLock { storage } }
}

/// Collects log lines from the solver's terminal hook.
final class LogLines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
