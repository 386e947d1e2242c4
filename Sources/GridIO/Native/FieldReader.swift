import Foundation
import GridModel

/// Turns the keys of one TOML table into field assignments, resolving series references through the cache.
struct FieldReader {
    let source: TOMLSource
    /// Folder that series references are relative to.
    let directory: URL
    var series: SeriesCache

    /// The assignments of the table at `path`, `nil` (after recording the problem) when it is not a table.
    mutating func assignments(
        at path: String, kind fieldKind: (String) -> FieldKind?, collector: inout DiagnosticsCollector
    ) -> [FieldAssignment]? {
        guard case .table(let keys, _) = source.node(at: path) else {
            collector.record(
                source.error(at: path, message: "wrong value type", expected: "a table", found: source.node(at: path)?.summary ?? "nothing"))
            return nil
        }
        var assignments: [FieldAssignment] = []
        for key in keys {
            let keyPath = path + "." + key
            if let value = collector.attempt({ () throws(GridIOError) in try self.value(at: keyPath, kind: fieldKind(key)) }) ?? nil {
                assignments.append(FieldAssignment(key, value))
            }
        }
        return assignments
    }

    /// The value at `path` for a field of `kind` (unknown keys keep their plain value for the model to reject);
    /// `nil` when it references a series file that is unusable (the file's problems are reported by the cache).
    mutating func value(at path: String, kind: FieldKind?) throws(GridIOError) -> FieldValue? {
        let node = source.node(at: path)
        switch node {
        case .integer, .float: return .number(node?.number ?? .nan)
        case .boolean(let flag): return .flag(flag)
        case .string(let text) where kind == .profile:
            return try series.series(text, relativeTo: directory, path: path, source: source).map(FieldValue.series)
        case .string(let text): return .text(text)
        case .array where kind == .profile: return .series(try source.doubles(at: path))
        default:
            throw source.error(
                at: path, message: "wrong value type", expected: kind?.expectation ?? "a number, string or boolean",
                found: node?.summary ?? "nothing")
        }
    }
}
