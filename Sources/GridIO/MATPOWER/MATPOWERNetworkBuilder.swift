import EnergyCalendar
import GridModel

/// Turns the parsed matrices of a MATPOWER case into GridModel values (see `MATPOWERReader`).
struct MATPOWERNetworkBuilder {
    typealias Cell = MATPOWERParser.Cell

    let file: String
    var network: Network
    let matrices: [String: MATPOWERParser.Matrix]
    let fuels: [String]
    private(set) var baseMVA = 100.0
    /// Base voltage (kV, 1 when absent) of every in-service bus by MATPOWER bus number.
    private var baseVoltage: [Int: Double] = [:]

    /// Fuel names of `mpc.genfuel` counted as renewable.
    static let renewableFuels: Set<String> = ["hydro", "wind", "solar", "geothermal", "biomass", "ror", "pv"]

    init(file: String, network: Network, matrices: [String: MATPOWERParser.Matrix], fuels: [String]) {
        self.file = file
        self.network = network
        self.matrices = matrices
        self.fuels = fuels
    }

    mutating func build(_ diagnostics: inout GridDiagnostics) {
        guard let base = matrices["baseMVA"]?.rows.first?.first?.value, base > 0 else {
            diagnostics.append(
                GridIOError(file: file, field: "mpc.baseMVA", message: "missing or invalid system base",
                            expected: "mpc.baseMVA = <positive number>;", found: "nothing usable"))
            return
        }
        baseMVA = base
        let buses = rows("bus", columns: 13, &diagnostics)
        let generators = rows("gen", columns: 10, &diagnostics)
        let branches = rows("branch", columns: 11, &diagnostics)
        let costs = rows("gencost", columns: 4, &diagnostics)
        addBuses(buses, &diagnostics)
        addGenerators(generators, costs: costs, &diagnostics)
        addBranches(branches, &diagnostics)
        let used = Set(network.generators.map(\.carrier)).union(network.buses.map(\.carrier))
        network.carriers = used.sorted().map { id in
            Carrier(id: id, co2Intensity: 0, isRenewable: Self.renewableFuels.contains(id.rawValue.lowercased()))
        }
    }

    /// The rows of `mpc.<name>`, each with at least `columns` values (shorter rows are errors).
    private func rows(_ name: String, columns: Int, _ diagnostics: inout GridDiagnostics) -> [[Cell]] {
        guard let matrix = matrices[name] else {
            diagnostics.append(
                GridIOError(file: file, field: "mpc.\(name)", message: "missing matrix",
                            expected: "mpc.\(name) = [ ... ];", found: "nothing"))
            return []
        }
        var result: [[Cell]] = []
        for row in matrix.rows {
            if row.count < columns {
                diagnostics.append(
                    GridIOError(file: file, line: row[0].line, column: row[0].column, field: "mpc.\(name)",
                                message: "row too short", expected: "at least \(columns) columns", found: "\(row.count)"))
            } else {
                result.append(row)
            }
        }
        return result
    }

    private func error(_ cell: Cell, _ field: String, _ message: String, expected: String, found: String) -> GridIOError {
        GridIOError(file: file, line: cell.line, column: cell.column, field: field, message: message, expected: expected,
                    found: found)
    }

    private func warning(_ cell: Cell, _ field: String, _ message: String, expected: String, found: String) -> GridIOError {
        GridIOError(.warning, file: file, line: cell.line, column: cell.column, field: field, message: message,
                    expected: expected, found: found)
    }

    /// Bus columns: BUS_I, BUS_TYPE, PD, QD, GS, BS, AREA, VM, VA, BASE_KV, ...
    private mutating func addBuses(_ rows: [[Cell]], _ diagnostics: inout GridDiagnostics) {
        for row in rows {
            guard let number = InputLimits.wholeNumber(row[0].value, in: 1...InputLimits.maximumIdentifierNumber) else {
                diagnostics.append(error(row[0], "mpc.bus", "bad bus number",
                                         expected: "an integer from 1 to \(InputLimits.maximumIdentifierNumber)",
                                         found: "\(row[0].value)"))
                continue
            }
            if baseVoltage[number] != nil {
                diagnostics.append(error(row[0], "mpc.bus", "duplicate bus number", expected: "unique BUS_I",
                                         found: "\(number) again"))
                continue
            }
            if row[1].value == 4 {
                diagnostics.append(warning(row[1], "bus_\(number)", "isolated bus left out", expected: "BUS_TYPE 1-3",
                                           found: "4"))
                continue
            }
            let voltage = row[9].value > 0 ? row[9].value : 1
            baseVoltage[number] = voltage
            network.buses.append(Bus(id: Bus.ID("bus_\(number)"), nominalVoltage: voltage))
            let demand = row[2].value + row[4].value
            if demand != 0 {
                network.loads.append(Load(id: Load.ID("load_\(number)"), bus: Bus.ID("bus_\(number)"), demand: .constant(demand)))
            }
        }
    }

    /// The bus name of a bus-number cell, or an error when no in-service bus has that number.
    private func busName(_ cell: Cell, _ field: String, _ diagnostics: inout GridDiagnostics) -> Bus.ID? {
        guard let number = InputLimits.wholeNumber(cell.value, in: 1...InputLimits.maximumIdentifierNumber),
              baseVoltage[number] != nil
        else {
            diagnostics.append(error(cell, field, "unknown bus", expected: "a BUS_I of mpc.bus", found: "\(cell.value)"))
            return nil
        }
        return Bus.ID("bus_\(number)")
    }

    /// Generator columns: GEN_BUS, PG, QG, QMAX, QMIN, VG, MBASE, GEN_STATUS, PMAX, PMIN, ...
    private mutating func addGenerators(_ rows: [[Cell]], costs: [[Cell]], _ diagnostics: inout GridDiagnostics) {
        if !rows.isEmpty && costs.count < rows.count {
            diagnostics.append(
                GridIOError(file: file, line: matrices["gencost"]?.line ?? 0, field: "mpc.gencost",
                            message: "missing generator costs", expected: "\(rows.count) rows (one per generator)",
                            found: "\(costs.count)"))
            return
        }
        var droppedConstant = 0.0
        for (index, row) in rows.enumerated() {
            let name = "gen_\(index + 1)"
            guard let bus = busName(row[0], name, &diagnostics) else { continue }
            if row[7].value <= 0 {
                diagnostics.append(warning(row[7], name, "out-of-service generator left out", expected: "GEN_STATUS > 0",
                                           found: "\(row[7].value)"))
                continue
            }
            let maximum = row[8].value
            let minimum = row[9].value
            let carrier = Carrier.ID(index < fuels.count ? fuels[index] : "unknown")
            let costRow = costs[index]
            let curve: MATPOWERCostCurve
            do {
                curve = try MATPOWERCostCurve.blocks(row: costRow.map(\.value), minimum: minimum, maximum: maximum)
            } catch {
                diagnostics.append(
                    self.error(costRow[0], "mpc.gencost row \(index + 1)", "unusable generator cost",
                               expected: "a convex piecewise-linear (1) or polynomial (2) cost of degree <= 2",
                               found: "\(error)"))
                continue
            }
            droppedConstant += curve.constant
            for (block, part) in curve.blocks.enumerated() {
                let id = curve.blocks.count == 1 ? name : "\(name)_\(block + 1)"
                var generator = Generator(id: Generator.ID(id), bus: bus, carrier: carrier, nominalPower: part.width,
                                          marginalCost: part.slope)
                generator.minimumPerUnit = .constant(part.width > 0 ? part.minimum / part.width : 0)
                if block == 0 {
                    generator.startUpCost = costRow[1].value
                    generator.shutDownCost = costRow[2].value
                }
                network.generators.append(generator)
            }
        }
        if droppedConstant != 0, let first = costs.first?.first {
            diagnostics.append(
                warning(first, "mpc.gencost", "constant cost terms not in the objective",
                        expected: "costs that are zero at zero output",
                        found: "\(droppedConstant) per hour in total (MATPOWER's objective is higher by this)"))
        }
    }

    /// Branch columns: F_BUS, T_BUS, BR_R, BR_X, BR_B, RATE_A, RATE_B, RATE_C, TAP, SHIFT, BR_STATUS, ANGMIN, ANGMAX.
    private mutating func addBranches(_ rows: [[Cell]], _ diagnostics: inout GridDiagnostics) {
        var unlimited = 0
        for (index, row) in rows.enumerated() {
            let name = "branch_\(index + 1)"
            guard let bus0 = busName(row[0], name, &diagnostics), let bus1 = busName(row[1], name, &diagnostics) else {
                continue
            }
            if row[10].value <= 0 { continue }  // out of service: no element
            if row.count >= 13, (row[11].value > -360 && row[11].value != 0) || (row[12].value < 360 && row[12].value != 0) {
                diagnostics.append(error(row[11], name, "angle-difference limits not supported by re100",
                                         expected: "ANGMIN <= -360 and ANGMAX >= 360 (or both 0)",
                                         found: "\(row[11].value), \(row[12].value)"))
                continue
            }
            guard row[3].value != 0 else {
                diagnostics.append(error(row[3], name, "zero reactance", expected: "BR_X != 0", found: "0"))
                continue
            }
            var rating = row[5].value
            if rating == 0 {
                rating = MATPOWERReader.unlimitedRating
                unlimited += 1
            }
            let voltage0 = InputLimits.wholeNumber(row[0].value, in: 1...InputLimits.maximumIdentifierNumber).flatMap { baseVoltage[$0] } ?? 1
            let voltage1 = InputLimits.wholeNumber(row[1].value, in: 1...InputLimits.maximumIdentifierNumber).flatMap { baseVoltage[$0] } ?? 1
            let tap = row[8].value
            let shift = row[9].value
            if (tap != 0 && tap != 1) || shift != 0 || voltage0 != voltage1 {
                var transformer = Transformer(id: Transformer.ID(name), bus0: bus0, bus1: bus1,
                                              reactance: row[3].value * rating / baseMVA, nominalApparentPower: rating)
                transformer.resistance = row[2].value * rating / baseMVA
                transformer.tapRatio = tap == 0 ? 1 : tap
                transformer.phaseShift = shift
                network.transformers.append(transformer)
            } else {
                let ohmPerUnit = voltage0 * voltage0 / baseMVA
                var line = Line(id: Line.ID(name), bus0: bus0, bus1: bus1, reactance: row[3].value * ohmPerUnit,
                                nominalApparentPower: rating)
                line.resistance = row[2].value * ohmPerUnit
                network.lines.append(line)
            }
        }
        if unlimited > 0, let first = rows.first?.first {
            diagnostics.append(
                warning(first, "mpc.branch", "unlimited branches", expected: "RATE_A > 0",
                        found: "\(unlimited) branch(es) with RATE_A = 0, rated \(MATPOWERReader.unlimitedRating) MVA"))
        }
    }
}
