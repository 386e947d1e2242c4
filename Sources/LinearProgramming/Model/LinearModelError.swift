/// A model that cannot be handed to a solver, with every problem found (the first 100).
public struct LinearModelError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The problems, in the order found.
    public let problems: [ModelProblem]
    /// How many problems were found in all (may exceed `problems.count`).
    public let totalCount: Int

    /// One line per problem, with a count of any that were left out.
    public var description: String {
        var lines = ["invalid linear model: \(totalCount) problem\(totalCount == 1 ? "" : "s")"]
        lines += problems.map { "  \($0)" }
        if totalCount > problems.count { lines.append("  ... and \(totalCount - problems.count) more") }
        return lines.joined(separator: "\n")
    }
}

/// One problem of a model, naming the row or column it concerns.
public struct ModelProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: String, Sendable, Codable {
        case invalidName = "invalid_name"
        case notFinite = "not_finite"
        case invertedBounds = "inverted_bounds"
        case indexOutOfRange = "index_out_of_range"
        case duplicateEntry = "duplicate_entry"
        case lengthMismatch = "length_mismatch"
    }

    /// Where the problem is.
    public enum Location: Sendable, Equatable, Codable, CustomStringConvertible {
        case model
        case row(index: Int, name: String)
        case column(index: Int, name: String)

        /// Where, for people: `row 3 'bal(site,t0003)'`, `column 7 'p(pv,t0001)'` or `model`.
        public var description: String {
            switch self {
            case .model: "model"
            case .row(let index, let name): "row \(index) '\(name)'"
            case .column(let index, let name): "column \(index) '\(name)'"
            }
        }
    }

    /// What is wrong.
    public let kind: Kind
    /// The row or column concerned.
    public let location: Location
    /// What was found, in words.
    public let detail: String

    /// The problem for people: where, what kind, and the detail.
    public var description: String { "\(location): \(kind.rawValue.replacingOccurrences(of: "_", with: " ")): \(detail)" }
}
