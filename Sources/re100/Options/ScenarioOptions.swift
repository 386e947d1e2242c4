import ArgumentParser

/// `[--scenario S.toml]...`: overlays applied on top of a native grid, in the order given.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("scenario"), help: "A scenario overlay applied on top of the grid (repeatable, in order).")
    var scenarios: [String] = []
}
