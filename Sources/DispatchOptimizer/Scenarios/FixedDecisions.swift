/// The decisions of an earlier plan to keep over the first hours of a dispatch, for re-dispatching a plan against
/// what actually happened (docs/uncertainty.md, "Evaluation"): storage charge and discharge, store and link power
/// and the output of firm generators are fixed to the plan; grid import and export, shedding, renewable output
/// (curtailment) and flows stay free (the recourse). With a `deviationPrice` a decision may leave the plan where the
/// plan cannot be kept (a battery planned to discharge into a load that did not come, with exports at their limit),
/// at that price per MWh of deviation, which the reported costs leave out.
public struct FixedDecisions: Sendable {
    /// The plan's schedule, in ``DispatchResult/units`` order, covering at least `hours` hours.
    public var units: [UnitSchedule]
    /// Hours from the dispatch's first hour that keep the plan's decisions.
    public var hours: Int
    /// Generators whose output is recourse, not a decision (those with forecast availability).
    public var recourseGenerators: Set<String>
    /// Price per MWh of leaving a planned value (nil: decisions are fixed exactly, and a plan that cannot be kept
    /// is infeasible). Set it above every energy price and below every value of lost load.
    public var deviationPrice: Double?

    /// Keeps `units`' decisions over `hours` hours, all generators firm except `recourseGenerators`.
    public init(units: [UnitSchedule], hours: Int, recourseGenerators: Set<String>, deviationPrice: Double? = nil) {
        self.units = units
        self.hours = hours
        self.recourseGenerators = recourseGenerators
        self.deviationPrice = deviationPrice
    }
}
