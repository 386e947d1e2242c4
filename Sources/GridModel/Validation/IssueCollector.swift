import EnergyCalendar

/// Collects validation problems and offers the checks shared by every component kind.
struct IssueCollector {
    var report = ValidationReport()
    /// Snapshot count every series must have.
    let snapshotCount: Int

    mutating func error(_ path: FieldPath, _ message: String, expected: String, found: String) {
        report.errors.append(ModelIssue(.error, path: path, message: message, expected: expected, found: found))
    }

    mutating func warning(_ path: FieldPath, _ message: String, expected: String, found: String) {
        report.warnings.append(ModelIssue(.warning, path: path, message: message, expected: expected, found: found))
    }

    /// The default range of a quantity: not negative, and no larger than the solver can use
    /// (`InputLimits.maximumMagnitude`: a finite 1e308 is as meaningless to GLPK as infinity).
    static let quantity: ClosedRange<Double> = 0...InputLimits.maximumMagnitude
    /// The default range of a signed series (prices, demands).
    static let signedQuantity: ClosedRange<Double> = -InputLimits.maximumMagnitude...InputLimits.maximumMagnitude

    /// A finite number within `range` (default: `quantity`).
    mutating func number(
        _ value: Double, _ path: FieldPath, in range: ClosedRange<Double> = quantity,
        excludingLower: Bool = false, what: String = "value"
    ) {
        let expectation = expectationText(range, excludingLower: excludingLower)
        guard value.isFinite else {
            error(path, "\(what) is not a finite number", expected: expectation, found: value.formatted)
            return
        }
        if value < range.lowerBound || (excludingLower && value == range.lowerBound) {
            error(path, lowMessage(value, range, what), expected: expectation, found: value.formatted)
        } else if value > range.upperBound {
            error(path, "\(what) out of range", expected: upperExpectation(range, else: expectation), found: value.formatted)
        }
    }

    /// An optional number: checked only when present.
    mutating func optionalNumber(
        _ value: Double?, _ path: FieldPath, in range: ClosedRange<Double> = quantity,
        what: String = "value"
    ) {
        if let value { number(value, path, in: range, what: what) }
    }

    /// A profile: series length equal to the time axis, every value finite and within `range`.
    mutating func profile(
        _ profile: Profile, _ path: FieldPath, in range: ClosedRange<Double> = signedQuantity,
        excludingLower: Bool = false, what: String = "value"
    ) {
        if let count = profile.count, count != snapshotCount {
            error(path, "series of the wrong length", expected: "\(snapshotCount) values (one per snapshot)", found: "\(count) values")
            return
        }
        if let index = profile.firstNonFiniteIndex {
            error(path, "\(what) is not a finite number", expected: "finite numbers", found: "\(profile.values[index]) at snapshot \(index)")
            return
        }
        let expectation = expectationText(range, excludingLower: excludingLower)
        if let index = profile.values.firstIndex(where: { $0 < range.lowerBound || (excludingLower && $0 == range.lowerBound) }) {
            let place = profile.count == nil ? "" : " at snapshot \(index)"
            let expected = range.lowerBound == -InputLimits.maximumMagnitude ? upperExpectation(range, else: expectation) : expectation
            error(path, lowMessage(profile.values[index], range, what), expected: expected, found: profile.values[index].formatted + place)
        } else if let index = profile.values.firstIndex(where: { $0 > range.upperBound }) {
            let place = profile.count == nil ? "" : " at snapshot \(index)"
            error(path, "\(what) out of range", expected: upperExpectation(range, else: expectation), found: profile.values[index].formatted + place)
        }
    }

    /// `lower[t] ≤ upper[t]` in every snapshot (only when both have valid lengths).
    mutating func ordered(_ lower: Profile, _ upper: Profile, lowerPath: FieldPath, upperKey: String) {
        let count = max(lower.count ?? 1, upper.count ?? 1)
        guard (lower.count ?? count) == count, (upper.count ?? count) == count else { return }
        for index in 0..<count where lower.value(at: index) > upper.value(at: index) {
            let place = count == 1 && lower.count == nil && upper.count == nil ? "" : " at snapshot \(index)"
            error(
                lowerPath, "minimum above maximum", expected: "at most \(upperKey) = \(upper.value(at: index).formatted)",
                found: lower.value(at: index).formatted + place)
            return
        }
    }

    /// Lower and upper per-unit limits: both valid profiles within `range`, lower ≤ upper in every snapshot.
    mutating func limits(_ lower: Profile, _ upper: Profile, _ path: FieldPath, keys: (String, String), in range: ClosedRange<Double>) {
        profile(lower, path.appending(keys.0), in: range, what: "per-unit limit")
        profile(upper, path.appending(keys.1), in: range, what: "per-unit limit")
        ordered(lower, upper, lowerPath: path.appending(keys.0), upperKey: keys.1)
    }

    /// The bus (must exist) and carrier (must exist; empty only warned about) a component is attached to.
    mutating func attachment(_ bus: Bus.ID, _ carrier: Carrier.ID, _ path: FieldPath, buses: Set<Bus.ID>, carriers: Set<Carrier.ID>) {
        reference(bus, path.appending("bus"), known: buses, kind: "bus")
        reference(carrier, path.appending("carrier"), known: carriers, kind: "carrier", emptyIsWarning: true)
    }

    /// A reference to a known name; an empty reference counts as missing (only a warning with `emptyIsWarning`:
    /// PyPSA allows components without a carrier, which then count as neither renewable nor carbon-free).
    mutating func reference<Target>(
        _ id: Identifier<Target>, _ path: FieldPath, known: Set<Identifier<Target>>, kind: String, emptyIsWarning: Bool = false
    ) {
        guard !known.contains(id) else { return }
        if id.rawValue.isEmpty, emptyIsWarning {
            warning(path, "no \(kind)", expected: "a \(kind) (without one the energy counts as neither renewable nor carbon-free)", found: "nothing")
        } else if id.rawValue.isEmpty {
            error(path, "missing \(kind) reference", expected: "the name of a \(kind)", found: "nothing")
        } else {
            error(path, "unknown \(kind)", expected: "one of " + known.sorted().map(\.rawValue).joined(separator: ", "), found: id.rawValue)
        }
    }

    /// What a value above `range` should have been: the solver's limit when that is the bound.
    private func upperExpectation(_ range: ClosedRange<Double>, else expectation: String) -> String {
        range.upperBound == InputLimits.maximumMagnitude ? "at most 1e12 in magnitude (larger values are meaningless to the solver)" : expectation
    }

    private func lowMessage(_ value: Double, _ range: ClosedRange<Double>, _ what: String) -> String {
        value < 0 && range.lowerBound >= 0 ? "negative \(what)" : "\(what) out of range"
    }

    private func expectationText(_ range: ClosedRange<Double>, excludingLower: Bool) -> String {
        let lower = (excludingLower ? "> " : ">= ") + range.lowerBound.formatted
        if range.upperBound == .greatestFiniteMagnitude { return "a number " + lower }
        if range.lowerBound == -.greatestFiniteMagnitude { return "a number <= " + range.upperBound.formatted }
        if range.upperBound == InputLimits.maximumMagnitude {
            return range.lowerBound == -InputLimits.maximumMagnitude ? "a finite number" : "a number " + lower
        }
        return "a number " + lower + " and <= " + range.upperBound.formatted
    }
}
