/// The decisions of an earlier plan to keep over the first hours of a dispatch, for re-dispatching a plan against
/// what actually happened (docs/uncertainty.md, "Evaluation"): storage charge and discharge, store and link power
/// and the output of firm generators are fixed to the plan; grid import and export, shedding, renewable output
/// (curtailment) and flows stay free (the recourse).
public struct FixedDecisions: Sendable {
    /// The plan's schedule, in ``DispatchResult/units`` order, covering at least `hours` hours.
    public var units: [UnitSchedule]
    /// Hours from the dispatch's first hour that keep the plan's decisions.
    public var hours: Int
    /// Generators whose output is recourse, not a decision (those with forecast availability).
    public var recourseGenerators: Set<String>

    /// Keeps `units`' decisions over `hours` hours, all generators firm except `recourseGenerators`.
    public init(units: [UnitSchedule], hours: Int, recourseGenerators: Set<String>) {
        self.units = units
        self.hours = hours
        self.recourseGenerators = recourseGenerators
    }
}
