import ArgumentParser

/// What `dispatch` prints on stdout: the KPI table for people, the schedule as CSV, or the summary as JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
