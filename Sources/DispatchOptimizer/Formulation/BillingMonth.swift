import GridModel

/// A billing month of the demand charge, read from its key `yyyy-mm` (local time), with the month
/// arithmetic the ratchet's look-back needs.
struct BillingMonth: Hashable, Comparable {
    /// Calendar year.
    let year: Int
    /// Calendar month, 1-12.
    let month: Int

    /// The month of the key `yyyy-mm`; nil for any other text.
    init?(key: String) {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Months since January of year 0, so that differences count months.
    var ordinal: Int { year * 12 + month - 1 }

    /// Whole months from `earlier` to this month (1 for the month after).
    func months(since earlier: BillingMonth) -> Int { ordinal - earlier.ordinal }

    static func < (lhs: BillingMonth, rhs: BillingMonth) -> Bool { lhs.ordinal < rhs.ordinal }
}

extension Tariff.DemandCharge {
    /// Whether the peak of billing month `earlier` sets a floor under the billing demand of `month`
    /// (the ratchet): `earlier` is one of `ratchetMonths` and lies within the `ratchetWindowMonths`
    /// months that end with `month` (the current month included, as KEPCO counts: "직전 12개월, 당월 포함"),
    /// i.e. `1 ≤ month − earlier ≤ ratchetWindowMonths − 1`.
    func ratchets(_ earlier: BillingMonth, into month: BillingMonth) -> Bool {
        let distance = month.months(since: earlier)
        return distance >= 1 && distance <= ratchetWindowMonths - 1 && ratchetMonths.contains(earlier.month)
    }
}
