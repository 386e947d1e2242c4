import Foundation
import DispatchOptimizer
import GridIO
import GridModel
import LinearProgramming

/// re100's speed benchmarks, run by `scripts/bench` in a release build. Each case prints one
/// line: name, wall seconds (best of the repetitions) and the process's peak resident memory.

/// Peak resident set size of this process in MiB (Linux `VmHWM`).
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return .nan }
    return kilobytes / 1024
}

@Sendable func logToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = (clock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
}

/// A dispatch-shaped LP: `hours` periods of `units` columns, each row coupling ten units
/// of one hour plus a storage-like link to the previous hour.
func buildModel(nonzeros: Int) throws -> LinearModel {
    let unitsPerHour = 1_000, termsPerRow = 10
    let rowsPerHour = unitsPerHour / termsPerRow * 2
    let hours = max(1, nonzeros / (rowsPerHour * termsPerRow))
    var builder = LinearModelBuilder()
    builder.reserveCapacity(columns: hours * unitsPerHour, rows: hours * rowsPerHour, nonzeros: nonzeros)
    for hour in 0..<hours {
        for unit in 0..<unitsPerHour {
            builder.addColumn(name: "p(u\(unit),t\(hour))", lower: 0, upper: 10 + Double(unit % 7),
                              cost: Double(unit % 13) + 0.5)
        }
    }
    for hour in 0..<hours {
        let base = hour * unitsPerHour
        for block in 0..<rowsPerHour {
            let row = builder.addRow(name: "c(b\(block),t\(hour))", lower: 1, upper: 50)
            for term in 0..<termsPerRow {
                let unit = (block * 7 + term * 101) % unitsPerHour
                builder.addCoefficient(row: row, column: base + unit, value: 1 + Double(term) * 0.1)
            }
        }
    }
    return try builder.build()
}

/// Builds, solves and extracts a synthetic dispatch with every exact LP method; prints the
/// split of the time between re100's own work and GLPK's.
func benchmarkDispatch(buses: Int, hours: Int, methods: [SolverMethod]) throws {
    let network = SyntheticGrid.make(buses: buses, hours: hours)
    if let path = ProcessInfo.processInfo.environment["RE100_BENCH_EXPORT"] {
        try GLPKSolver().write(DispatchOptimizer.model(of: network, options: DispatchOptions()), format: .freeMPS, to: path)
    }
    for method in methods {
        let verbose = ProcessInfo.processInfo.environment["RE100_BENCH_VERBOSE"] != nil
        let solver = GLPKSolver(log: verbose ? logToStandardError : nil)
        let options = SolverOptions(method: method, messageLevel: verbose ? .normal : .off)
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(solver: options), solver: solver)
        let t = result.timings
        print("dispatch \(buses) buses x \(hours) h  \(method.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0))"
              + String(format: " build %6.3f s  solve %7.3f s  extract %6.3f s  objective %.10g  (%@)",
                       t.buildSeconds, t.solveSeconds, t.extractSeconds, result.kpis.objective, result.status.rawValue))
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "dispatch" {
    let buses = Int(arguments.dropFirst().first ?? "") ?? 118
    let hours = Int(arguments.dropFirst(2).first ?? "") ?? 24
    let methods = arguments.count > 3 ? arguments[3...].compactMap { SolverMethod(rawValue: $0) }
        : [.interiorPointWithCrossover, .dualSimplex, .primalSimplex, .interiorPoint]
    try benchmarkDispatch(buses: buses, hours: hours, methods: methods)
    exit(0)
}
if arguments.first == "pypsa", arguments.count >= 2 {
    // re100-bench pypsa DIR [METHOD] [EXPORT.lp]: read a PyPSA folder, dispatch it, print the split.
    let method = arguments.count > 2 ? SolverMethod(rawValue: arguments[2]) ?? .interiorPointWithCrossover : .interiorPointWithCrossover
    var network: Network?
    let read = try seconds { network = try PyPSAReader.read(directory: URL(fileURLWithPath: arguments[1])).network }
    guard let network else { exit(1) }
    if arguments.count > 3 {
        try GLPKSolver().write(DispatchOptimizer.model(of: network, options: DispatchOptions()), format: .cplexLP, to: arguments[3])
    }
    let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(solver: SolverOptions(method: method)), solver: GLPKSolver())
    let t = result.timings
    print(String(format: "read %.3f s  build %.3f s  solve %.3f s  extract %.3f s  objective %.12g  status %@",
                 read, t.buildSeconds, t.solveSeconds, t.extractSeconds, result.kpis.objective, result.status.rawValue))
    exit(0)
}
if arguments.first == "grid", arguments.count >= 2 {
    // re100-bench grid DIR [WINDOW STEP [plan|pro_rata]]: a whole native grid, in rolling windows with a guide.
    let network = try NativeGridReader.read(directory: URL(fileURLWithPath: arguments[1])).network
    let window = arguments.count > 3 ? Int(arguments[2]) : nil, step = arguments.count > 3 ? Int(arguments[3]) : nil
    var elapsed = 0.0
    var result: DispatchResult?
    var options = DispatchOptions(window: window, step: step)
    if arguments.count > 4, let guide = RollingGuide(rawValue: arguments[4]) { options.guide = guide }
    elapsed = try seconds { result = try DispatchOptimizer.dispatch(network, options: options, solver: GLPKSolver()) }
    if let result {
        let t = result.timings
        print(String(format: "grid %@ %d h (window %@ step %@): %.2f s wall  build %.2f s  solve %.2f s  extract %.2f s  status %@  objective %.10g  unserved %.3f MWh  RE share %.6f  peak memory %.0f MiB",
                     network.name, result.timestamps.count, window.map(String.init) ?? "-", step.map(String.init) ?? "-", elapsed,
                     t.buildSeconds, t.solveSeconds, t.extractSeconds, result.status.rawValue, result.kpis.objective,
                     result.kpis.unservedMWh, result.kpis.reShare, peakMemoryMiB()))
    }
    exit(0)
}
let nonzeros = Int(arguments.first ?? "") ?? 1_000_000
let repetitions = 3
var model: LinearModel?
var best = (build: Double.infinity, load: Double.infinity)
for _ in 0..<repetitions {
    best.build = min(best.build, try seconds { model = try buildModel(nonzeros: nonzeros) })
    guard let model else { break }
    best.load = min(best.load, try seconds { try GLPKSolver().load(model) })
}
let size = model.map { "\($0.rowCount) rows, \($0.columnCount) columns, \($0.nonzeroCount) nonzeros" } ?? "-"
print("lp-build  \(String(format: "%8.3f", best.build)) s   (\(size))")
print("lp-load   \(String(format: "%8.3f", best.load)) s   (GLPK glp_load_matrix and bounds)")
print("total     \(String(format: "%8.3f", best.build + best.load)) s   peak memory \(String(format: "%.0f", peakMemoryMiB())) MiB")
