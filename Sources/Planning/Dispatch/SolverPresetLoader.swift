import Foundation
import GridIO
import LinearProgramming

/// Reads a solver preset (a bundled name or a file, docs/solver-configs.md) into `SolverOptions`: a flat
/// table of the keys of `SolverOptions.CodingKeys`. Every unknown key, wrong type or bad value is reported
/// with file, line, column and key; absent keys keep the compiled-in default.
public enum SolverPresetLoader {
    /// The options of the preset file at `url`.
    /// - Throws: `GridDiagnostics` with every problem (exit 65).
    public static func load(contentsOf url: URL) throws(GridDiagnostics) -> SolverOptions {
        let source: TOMLSource
        do {
            source = try TOMLSource.load(contentsOf: url)
        } catch {
            throw GridDiagnostics(errors: [error])
        }
        return try options(from: source)
    }

    /// The options of `--solver-config`: a bare name (`fast`: no slash, no `.toml`) is the preset of that name
    /// in `presets` (the data folders' `solver-configs/`), anything else a file path; the compiled-in defaults
    /// when nil.
    /// - Throws: `PlanningError.unknownSolverPreset` for a name no folder has, `GridDiagnostics` for a bad
    ///   preset file.
    public static func load(path: String?, presets: NamedFileCatalog) throws -> SolverOptions {
        guard let path else { return SolverOptions() }
        return try load(contentsOf: file(for: path, presets: presets))
    }

    /// The preset file `--solver-config` names: a bare name looked up in `presets`, else the path as given.
    /// - Throws: `PlanningError.unknownSolverPreset` listing the folders searched and the names available.
    public static func file(for reference: String, presets: NamedFileCatalog) throws(PlanningError) -> URL {
        guard NamedFileCatalog.isName(reference) else { return URL(fileURLWithPath: reference) }
        guard let file = presets.file(named: reference) else {
            throw .unknownSolverPreset(name: reference, searched: presets.searchedDescription())
        }
        return file
    }

    /// The options of a parsed preset.
    public static func options(from source: TOMLSource) throws(GridDiagnostics) -> SolverOptions {
        typealias Key = SolverOptions.CodingKeys
        var problems = source.unknownKeys(at: "", allowed: Set(Key.allCases.map(\.rawValue)))
        var options = SolverOptions()
        func read<Value>(_ key: Key, _ accessor: (String) throws(GridIOError) -> Value) -> Value? {
            guard source.contains(key.rawValue) else { return nil }
            do {
                return try accessor(key.rawValue)
            } catch {
                problems.append(error)
                return nil
            }
        }
        func choice<Value: RawRepresentable & CaseIterable>(_ key: Key, _: Value.Type) -> Value? where Value.RawValue == String {
            guard let text = read(key, source.string(at:)) else { return nil }
            guard let value = Value(rawValue: text) else {
                let known = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                problems.append(source.error(at: key.rawValue, message: "unknown value", expected: "one of \(known)",
                                             found: "\"\(text)\""))
                return nil
            }
            return value
        }
        if let value = choice(.method, SolverMethod.self) { options.method = value }
        if let value = read(.presolve, source.bool(at:)) { options.presolve = value }
        if let value = choice(.scaling, ScalingMode.self) { options.scaling = value }
        if let value = read(.timeLimitSeconds, source.double(at:)) { options.timeLimitSeconds = value }
        if let value = read(.iterationLimit, source.int(at:)) { options.iterationLimit = value }
        if let value = read(.mipGap, source.double(at:)) { options.mipGap = value }
        if let value = choice(.messageLevel, MessageLevel.self) { options.messageLevel = value }
        if let value = read(.certificateTolerance, source.double(at:)) { options.certificateTolerance = value }
        for (key, message) in options.problems() {
            // SolverOptions words its problems "expected X, found Y".
            let parts = message.components(separatedBy: ", found ")
            let expected = parts[0].hasPrefix("expected ") ? String(parts[0].dropFirst("expected ".count)) : parts[0]
            problems.append(source.error(at: key, message: "value out of range", expected: expected,
                                         found: parts.count > 1 ? parts[1] : ""))
        }
        guard problems.isEmpty else { throw GridDiagnostics(errors: problems) }
        return options
    }
}
