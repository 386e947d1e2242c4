@testable import DispatchOptimizer
import Foundation
import LinearProgramming
import Testing
@testable import Reporting

@Suite("summary.json and the KPI table")
struct RunSummaryTests {
    private static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/summary.schema.json")

    private static func provenance(preset: String? = nil, options: SolverOptions = SolverOptions()) -> RunProvenance {
        RunProvenance(
            re100Version: "0.1.0", glpkVersion: "5.0",
            grid: InputFile(path: "grids/example", sha256: String(repeating: "ab", count: 32)), gridFormat: "native",
            currency: "KRW", timeZone: "Asia/Seoul",
            scenarios: [InputFile(path: "grids/example/scenarios/more-pv.toml", sha256: String(repeating: "0", count: 64))],
            solverPresetFile: preset, solverOptions: options)
    }

    private static func document(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    private static func schema() throws -> SchemaChecker {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL))
        return SchemaChecker(schema: try #require(object as? [String: Any]))
    }

    @Test func summaryMatchesTheSchema() throws {
        let json = try RunSummary(result: SampleResult.make(), provenance: Self.provenance(), timeZone: SampleResult.seoul).json()
        #expect(try Self.schema().violations(of: Self.document(json)) == [])
    }

    @Test func summaryWithAPresetTimeLimitAndNonFiniteShareMatchesTheSchema() throws {
        var result = SampleResult.make()
        result.kpis.reShare = .nan
        result.mipGap = 0.001
        result.status = .timeLimit
        let options = SolverOptions(method: .dualSimplex, presolve: true, timeLimitSeconds: 60, iterationLimit: 1000)
        let json = try RunSummary(result: result, provenance: Self.provenance(preset: "robust.toml", options: options),
                                  timeZone: SampleResult.seoul).json()
        let document = try Self.document(json)
        #expect(try Self.schema().violations(of: document) == [])
        #expect(document["re_share"] is NSNull)
        #expect(document["status"] as? String == "time_limit")
        let solver = try #require(document["solver"] as? [String: Any])
        #expect(solver["preset_file"] as? String == "robust.toml")
        #expect((solver["options"] as? [String: Any])?["time_limit_seconds"] as? Double == 60)
    }

    /// A scenario dispatch adds `scenario_dispatch` (docs/outputs.md), typed by the schema; a deterministic one has none.
    @Test func scenarioDispatchFiguresMatchTheSchema() throws {
        #expect(try Self.document(RunSummary(result: SampleResult.make(), provenance: Self.provenance(),
                                             timeZone: SampleResult.seoul).json())["scenario_dispatch"] == nil)
        var result = SampleResult.make()
        result.scenarioOutcome = ScenarioOutcome(
            scenarios: [.init(name: "p10", probability: 0.3, cost: 100, unservedMWh: 0),
                        .init(name: "p50", probability: 0.4, cost: 150, unservedMWh: 0),
                        .init(name: "p90", probability: 0.3, cost: .infinity, unservedMWh: 2.5)],
            reference: "p50", sharedHours: 24, expectedCost: 140, cvarLevel: 0.2, cvarWeight: 0.5, cvar: 190,
            reserveMW: 6.5, reserveMWh: 120, rows: 2127, columns: 3066)
        let document = try Self.document(RunSummary(result: result, provenance: Self.provenance(), timeZone: SampleResult.seoul).json())
        #expect(try Self.schema().violations(of: document) == [])
        let scenarios = try #require(document["scenario_dispatch"] as? [String: Any])
        #expect(scenarios["reference"] as? String == "p50" && scenarios["shared_hours"] as? Int == 24)
        #expect(scenarios["expected_cost"] as? Double == 140 && scenarios["cvar"] as? Double == 190)
        #expect(scenarios["reserve_mw"] as? Double == 6.5 && scenarios["lp_rows"] as? Int == 2127)
        let worst = try #require((scenarios["scenarios"] as? [[String: Any]])?.last)
        #expect(worst["cost"] is NSNull && worst["unserved_mwh"] as? Double == 2.5)
    }

    @Test func checkerCatchesMissingAndMistypedKeys() throws {
        let json = try RunSummary(result: SampleResult.make(), provenance: Self.provenance(), timeZone: SampleResult.seoul).json()
        var document = try Self.document(json)
        document["co2_t"] = nil
        document["status"] = 3
        document["extra"] = true
        let violations = try Self.schema().violations(of: document)
        #expect(Set(violations) == [
            "$: missing required key 'co2_t'", "$: unexpected key 'extra'", "$.status: expected string, found 3",
        ])
    }

    @Test func summaryValuesAndKeyOrder() throws {
        let json = try RunSummary(result: SampleResult.make(), provenance: Self.provenance(), timeZone: SampleResult.seoul).json()
        let document = try Self.document(json)
        #expect(document["schema_version"] as? Int == 1)
        #expect(document["objective"] as? Double == 2_550_000.5)
        #expect((document["costs"] as? [String: Any])?["total"] as? Double == 2_550_000.5)
        #expect(document["peak_import_mw"] as? Double == 20)
        let horizon = try #require(document["horizon"] as? [String: Any])
        #expect(horizon["start"] as? String == "2026-01-05T00:00+09:00")
        #expect(horizon["end"] as? String == "2026-01-05T01:00+09:00")
        #expect(horizon["hours"] as? Int == 2)
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        #expect(json.hasSuffix("}\n"))
    }

    @Test func sameInputGivesSameBytesApartFromTimings() throws {
        let first = try RunSummary(result: SampleResult.make(solveSeconds: 0.1), provenance: Self.provenance(),
                                   timeZone: SampleResult.seoul).json()
        let again = try RunSummary(result: SampleResult.make(solveSeconds: 0.1), provenance: Self.provenance(),
                                   timeZone: SampleResult.seoul).json()
        let slower = try RunSummary(result: SampleResult.make(solveSeconds: 7.5), provenance: Self.provenance(),
                                    timeZone: SampleResult.seoul).json()
        #expect(first == again)
        let withoutTimings = { (text: String) in text.split(separator: "\n").filter { !$0.contains("solve_s") } }
        #expect(withoutTimings(first) == withoutTimings(slower))
        #expect(first != slower)
    }

    @Test func kpiTable() {
        let table = KPITable.render(SampleResult.make(), currency: "KRW", timeZone: SampleResult.seoul)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "status              optimal")
        #expect(lines[1] == "hours                     2 2026-01-05T00:00+09:00 .. 2026-01-05T01:00+09:00")
        #expect(lines[2] == "total cost        2,550,000 KRW")
        #expect(lines[4] == "  demand charge     150,000 KRW")
        #expect(lines.contains("RE share               36.8 %"))
        #expect(lines.contains("peak import           20.00 MW"))
        #expect(!table.contains("proven gap"), "a vertex answer has no proven gap")
        #expect(lines.last == "")
    }

    @Test func kpiTableShowsTheProvenGapOfAnInteriorPointAnswer() {
        var result = SampleResult.make()
        result.certifiedGap = 7.04e-10
        let lines = KPITable.render(result, currency: "KRW", timeZone: SampleResult.seoul).split(separator: "\n").map(String.init)
        #expect(lines.last?.hasPrefix("proven gap") == true)
        #expect(lines.last?.hasSuffix(" 7.0e-10 (interior point)") == true)
    }

    @Test(arguments: [(1_234_567.89, 1, "1,234,567.9"), (-1234.0, 0, "-1,234"), (-0.04, 1, "0.0"), (999.0, 0, "999"),
                      (Double.nan, 2, "-")])
    func fixedNumbers(value: Double, decimals: Int, text: String) {
        #expect(KPITable.fixed(value, decimals) == text)
    }
}

@Suite("results without solved hours")
struct UnsolvedSummaryTests {
    @Test func figuresAreNullAndTheTableShowsOnlyTheStatus() throws {
        var result = SampleResult.make()
        result.status = .infeasible
        result.timestamps = []
        result.units = []
        result.prices = []
        let provenance = RunProvenance(
            re100Version: "0.1.0", glpkVersion: "5.0", grid: InputFile(path: "g", sha256: String(repeating: "1", count: 64)),
            gridFormat: "pypsa", currency: "EUR", timeZone: "UTC", scenarios: [], solverPresetFile: nil,
            solverOptions: SolverOptions())
        let json = try RunSummary(result: result, provenance: provenance, timeZone: SampleResult.seoul).json()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["objective"] is NSNull)
        #expect(document["re_share"] is NSNull)
        #expect((document["costs"] as? [String: Any])?["total"] is NSNull)
        #expect((document["horizon"] as? [String: Any])?["hours"] as? Int == 0)
        #expect(KPITable.render(result, currency: "EUR", timeZone: SampleResult.seoul) == "status  infeasible (no hours solved)\n")
        #expect(ScheduleCSV.render(result, timeZone: SampleResult.seoul) == ScheduleCSV.columns.joined(separator: ",") + "\n")
    }
}
