import EnergyCalendar
import GridModel

extension DispatchOptimizer {
    /// The demand charge the bill computes for hourly grid `imports` (MW) from snapshot `firstHour` on, starting from
    /// the `carried` state's peaks (``DemandChargeAccount``); nil when the grid has no demand charge.
    public static func demandCharge(of network: Network, firstHour: Int, imports: [Double], carried: DispatchState?) -> Double? {
        guard let connection = network.gridConnection, let tariff = connection.tariff, let charge = tariff.demandCharge,
              firstHour >= 0, firstHour + imports.count <= network.timeAxis.count else { return nil }
        let calendar = LocalCalendar(timeZone: network.timeAxis.timeZone, holidays: HolidayCalendar(code: network.holidays) ?? .none)
        let window = HourWindow(axis: network.timeAxis, start: firstHour, count: imports.count, calendar: calendar)
        return DemandChargeAccount(network: network, connection: connection, tariff: tariff, charge: charge, window: window,
                                   imports: imports, carried: carried).cost
    }
}
