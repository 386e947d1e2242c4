/// The version of re100, printed by `--version` and recorded in every `summary.json`.
enum RE100Version {
    static let current = "0.1.0"
}
