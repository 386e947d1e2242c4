/// Runs reading steps that may fail and keeps every problem, so readers report all problems at once.
struct DiagnosticsCollector {
    var diagnostics = GridDiagnostics()

    /// The step's result, or `nil` after recording its error.
    mutating func attempt<Value>(_ step: () throws(GridIOError) -> Value) -> Value? {
        do {
            return try step()
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// Records problems.
    mutating func record(_ problems: [GridIOError]) { diagnostics.append(contentsOf: problems) }

    /// Records one problem.
    mutating func record(_ problem: GridIOError) { diagnostics.append(problem) }

    /// Throws the diagnostics when there is an error.
    func check() throws(GridDiagnostics) {
        if !diagnostics.errors.isEmpty { throw diagnostics }
    }
}
