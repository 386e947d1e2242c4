import DispatchOptimizer
import EnergyCalendar
import Foundation
import GridIO
import GridModel

/// Reads and checks `state.json`, the state one run hands to the next, like any other input: a regular file of at
/// most `RegularFileReader.maximumTextBytes`, JSON of the `DispatchState` shape, and values that make sense
/// (finite, not negative, at most `InputLimits.maximumMagnitude`; a billing month `yyyy-mm` with month 1-12, also
/// as the keys of the monthly peaks; hours in status 0 or more; year-to-date sums finite, for a period that is a year
/// `yyyy` or `horizon`; stored energy within the unit's capacity when the network is known). `valid_from` is an
/// ISO-8601 instant; whether it is the run's first hour is checked by `ScheduledRun.checkValidFrom`.
public enum StateFile {
    /// The state at `path`, nil when there is no file yet.
    /// - Throws: `PlanningError.badInput` naming the file, the field and what was expected and found.
    public static func read(_ path: String) throws(PlanningError) -> DispatchState? {
        guard FileManager.default.fileExists(atPath: path) || isDanglingLink(path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.bytes(path)
        } catch {
            throw .badInput("\(path): expected \(error.expected), found \(error.found)")
        }
        return try decode(bytes, file: path)
    }

    /// Decodes and checks state JSON; `file` names it in messages.
    public static func decode(_ bytes: [UInt8], file: String) throws(PlanningError) -> DispatchState {
        let state: DispatchState
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let container = try decoder.singleValueContainer()
                let text = try container.decode(String.self)
                guard let date = ISO8601DateFormatter().date(from: text) else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription:
                        "'\(text)', not an ISO-8601 instant with its offset (2026-07-16T00:00:00+09:00)")
                }
                return date
            }
            state = try decoder.decode(DispatchState.self, from: Data(bytes))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.keyNotFound(_, context), let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            let place = field.isEmpty ? "" : " field '\(field)':"
            throw .badInput("\(file):\(place) expected a re100 state (JSON), found \(context.debugDescription)")
        } catch {
            throw .badInput("\(file): expected a re100 state (JSON), found \(error)")
        }
        if let problem = problems(of: state).first {
            throw .badInput("\(file): field '\(problem.field)': expected \(problem.expected), found \(problem.found)")
        }
        return state
    }

    /// One thing wrong with a state.
    public struct Problem: Sendable, Equatable {
        /// The JSON field (`stored_energy_mwh.battery`).
        public var field: String
        /// What was expected.
        public var expected: String
        /// What was found.
        public var found: String
    }

    /// Every problem of `state` on its own (without a network).
    public static func problems(of state: DispatchState) -> [Problem] {
        var problems: [Problem] = []
        func quantity(_ value: Double, _ field: String) {
            if !value.isFinite || value < 0 || value > InputLimits.maximumMagnitude {
                problems.append(Problem(field: field, expected: "a finite number from 0 to 1e12", found: "\(value)"))
            }
        }
        for (name, energy) in state.storedEnergyMWh.sorted(by: { $0.key < $1.key }) {
            quantity(energy, "stored_energy_mwh.\(name)")
        }
        quantity(state.monthPeakImportMW, "month_peak_import_mw")
        if let month = state.billingMonth, !isMonth(month) {
            problems.append(Problem(field: "billing_month", expected: "a month yyyy-mm (month 01-12)", found: "'\(month)'"))
        }
        for (month, peak) in state.monthlyPeakImportMW.sorted(by: { $0.key < $1.key }) {
            if !isMonth(month) {
                problems.append(Problem(field: "monthly_peak_import_mw.\(month)", expected: "a month yyyy-mm (month 01-12) as key",
                                        found: "'\(month)'"))
            }
            quantity(peak, "monthly_peak_import_mw.\(month)")
        }
        for (name, hours) in state.hoursInStatus.sorted(by: { $0.key < $1.key }) where !(0...InputLimits.maximumSnapshots).contains(hours) {
            problems.append(Problem(field: "hours_in_status.\(name)", expected: "0 to \(InputLimits.maximumSnapshots) hours", found: "\(hours)"))
        }
        for (name, output) in state.lastOutputMW.sorted(by: { $0.key < $1.key }) {
            quantity(output, "last_output_mw.\(name)")
        }
        if let progress = state.periodProgress {
            if progress.period != "horizon" && !isYear(progress.period) {
                problems.append(Problem(field: "period_progress.period", expected: "a calendar year yyyy or 'horizon'",
                                        found: "'\(progress.period)'"))
            }
            if !(0...InputLimits.maximumSnapshots).contains(progress.hours) {
                problems.append(Problem(field: "period_progress.hours", expected: "0 to \(InputLimits.maximumSnapshots) hours",
                                        found: "\(progress.hours)"))
            }
            quantity(progress.demandMWh, "period_progress.demand_mwh")
            quantity(progress.renewableMWh, "period_progress.renewable_mwh")
            quantity(progress.carbonFreeMatchedMWh, "period_progress.carbon_free_matched_mwh")
            // CO2 may be negative (a carrier with negative emissions), never unbounded.
            if !progress.co2Tonnes.isFinite || abs(progress.co2Tonnes) > InputLimits.maximumMagnitude {
                problems.append(Problem(field: "period_progress.co2_t", expected: "a finite number from -1e12 to 1e12",
                                        found: "\(progress.co2Tonnes)"))
            }
            for (name, volume) in progress.ppaVolumeMWh.sorted(by: { $0.key < $1.key }) {
                quantity(volume, "period_progress.ppa_volume_mwh.\(name)")
            }
            quantity(progress.recMWh, "period_progress.rec_mwh")
            quantity(progress.greenPremiumMWh, "period_progress.green_premium_mwh")
        }
        return problems
    }

    /// Stored energy above the capacity of its unit in `network` (names the network does not have are ignored:
    /// the next run starts those from their own initial state).
    public static func problems(of state: DispatchState, for network: Network) -> [Problem] {
        var capacity: [String: Double] = [:]
        for unit in network.storageUnits { capacity[unit.id.rawValue] = unit.energyCapacity }
        for store in network.stores { capacity[store.id.rawValue] = store.nominalEnergy }
        return state.storedEnergyMWh.sorted(by: { $0.key < $1.key }).compactMap { name, energy in
            guard let limit = capacity[name], limit.isFinite, energy > limit * (1 + 1e-9) + 1e-9 else { return nil }
            return Problem(field: "stored_energy_mwh.\(name)", expected: "at most the unit's capacity \(limit) MWh", found: "\(energy)")
        }
    }

    private static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1])
        else { return false }
        return (1...12).contains(month)
    }

    private static func isYear(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func isDanglingLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
