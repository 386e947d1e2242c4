// Measures numeric CSV reading: throughput (MB/s) and peak resident memory, for re100's NumericCSVReader and
// for SwiftCSV + Double(String). One reader per process so peak memory is that reader's alone.
//
//   CSVReadBenchmark generate FILE ROWS COLUMNS [SEED]   write a PyPSA-like loads-p_set.csv
//   CSVReadBenchmark re100 FILE                          read it with NumericCSVReader
//   CSVReadBenchmark swiftcsv FILE                       read it with SwiftCSV, cells through Double(String)
//   CSVReadBenchmark pypsa FOLDER                        import a PyPSA CSV folder with PyPSAReader
import Foundation
import GridIO
import SwiftCSV

/// SplitMix64, so generated files are identical for a seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// A resident-set figure from /proc/self/status in MiB ("VmHWM" peak, "VmRSS" current); 0 elsewhere.
func residentMiB(_ key: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

/// Hourly loads in MW like a PyPSA export: a daily shape per bus plus noise, printed at full precision.
func generate(path: String, rows: Int, columns: Int, seed: UInt64) throws {
    var generator = SeededGenerator(state: seed)
    let base = (0..<columns).map { _ in Double.random(in: 5...200, using: &generator) }
    guard let output = FileHandle(forWritingAtPath: path) ?? {
        FileManager.default.createFile(atPath: path, contents: nil)
        return FileHandle(forWritingAtPath: path)
    }() else { throw CocoaError(.fileWriteNoPermission) }
    defer { try? output.close() }
    try output.truncate(atOffset: 0)
    var text = "," + (0..<columns).map { "Load \($0)" }.joined(separator: ",") + "\n"
    for row in 0..<rows {
        let daily = 0.75 + 0.25 * sin(Double(row % 24) / 24 * 2 * .pi)
        text += String(row)
        for column in 0..<columns {
            let value = base[column] * daily * Double.random(in: 0.9...1.1, using: &generator)
            text += ","
            text += value.description
        }
        text += "\n"
        if text.utf8.count > 8 << 20 {
            try output.write(contentsOf: Data(text.utf8))
            text = ""
        }
    }
    try output.write(contentsOf: Data(text.utf8))
}

func report(reader: String, path: String, seconds: Double, rows: Int, numericColumns: Int, checksum: Double, baseline: Double) {
    let megabytes = Double(fileSize(path)) / 1e6
    let payload = Double(rows * numericColumns * 8) / 1_048_576
    let peak = residentMiB("VmHWM")
    print(
        String(
            format: "%-9@ %8.1f MB in %7.3f s = %7.1f MB/s | peak RSS %7.1f MiB (baseline %5.1f) | payload %7.1f MiB | peak-baseline/payload %.2f | rows %d x %d | checksum %.6e",
            reader, megabytes, seconds, megabytes / seconds, peak, baseline, payload,
            payload > 0 ? (peak - baseline) / payload : 0, rows, numericColumns, checksum))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: CSVReadBenchmark generate|re100|swiftcsv FILE [ROWS COLUMNS SEED]\n".utf8))
    exit(64)
}
let path = arguments[2]
switch arguments[1] {
case "generate":
    let rows = arguments.count > 3 ? Int(arguments[3]) ?? 8760 : 8760
    let columns = arguments.count > 4 ? Int(arguments[4]) ?? 2000 : 2000
    let seed = arguments.count > 5 ? UInt64(arguments[5]) ?? 1 : 1
    try generate(path: path, rows: rows, columns: columns, seed: seed)
case "re100":
    let baseline = residentMiB("VmRSS")
    let start = Date()
    let table = try NumericCSVReader.read(contentsOf: URL(fileURLWithPath: path))
    let seconds = Date().timeIntervalSince(start)
    var checksum = 0.0
    for column in 1..<table.header.count { checksum += table.numericColumn(at: column)?.reduce(0, +) ?? 0 }
    report(reader: "re100", path: path, seconds: seconds, rows: table.rowCount, numericColumns: table.header.count - 1,
           checksum: checksum, baseline: baseline)
case "swiftcsv":
    let baseline = residentMiB("VmRSS")
    let start = Date()
    let csv = try EnumeratedCSV(url: URL(fileURLWithPath: path), loadColumns: false)
    var columns = [[Double]](repeating: [], count: csv.header.count - 1)
    for row in csv.rows {
        for column in 1..<row.count { columns[column - 1].append(Double(row[column]) ?? .nan) }
    }
    let seconds = Date().timeIntervalSince(start)
    let checksum = columns.reduce(0) { $0 + $1.reduce(0, +) }
    report(reader: "swiftcsv", path: path, seconds: seconds, rows: csv.rows.count, numericColumns: columns.count,
           checksum: checksum, baseline: baseline)
case "pypsa":
    let baseline = residentMiB("VmRSS")
    let start = Date()
    let imported: PyPSAImport
    do {
        imported = try PyPSAReader.read(directory: URL(fileURLWithPath: path))
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(65)
    }
    let seconds = Date().timeIntervalSince(start)
    let network = imported.network
    print(
        String(
            format: "pypsa     %@: %d buses, %d lines, %d generators, %d storage units, %d snapshots in %.3f s | peak RSS %.1f MiB (baseline %.1f) | %d warnings",
            (path as NSString).lastPathComponent, network.buses.count, network.lines.count, network.generators.count,
            network.storageUnits.count, network.timeAxis.count, seconds, residentMiB("VmHWM"), baseline,
            imported.warnings.count))
default:
    FileHandle.standardError.write(Data("unknown command \(arguments[1])\n".utf8))
    exit(64)
}
