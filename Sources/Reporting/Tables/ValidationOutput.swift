import Foundation
import GridIO

/// Renders validation diagnostics (`re100 validate`) for people (table) and scripts (JSON).
public enum ValidationOutput {
    /// `{"valid": bool, "errors": [...], "warnings": [...]}` with sorted keys, for scripts.
    public static func json(_ diagnostics: GridDiagnostics) throws -> String {
        struct Document: Encodable {
            let valid: Bool
            let errors: [GridIOError]
            let warnings: [GridIOError]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(valid: diagnostics.isClean, errors: diagnostics.errors, warnings: diagnostics.warnings))
        return String(decoding: data, as: UTF8.self)
    }

    /// Errors, then warnings, one per line (`file:line:column  field  message (expected, found)`), and a summary.
    public static func table(_ diagnostics: GridDiagnostics, grid: String) -> String {
        var text = ""
        for (title, problems) in [("errors", diagnostics.errors), ("warnings", diagnostics.warnings)] where !problems.isEmpty {
            text += "\(title) (\(problems.count)):\n"
            for problem in problems { text += "  " + problem.description + "\n" }
        }
        let verdict = diagnostics.isClean ? "valid" : "invalid"
        text += "\(grid): \(verdict), \(diagnostics.errors.count) errors, \(diagnostics.warnings.count) warnings\n"
        return text
    }
}
