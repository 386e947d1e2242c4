/// The version of re100, printed by `--version` and recorded in every `summary.json`.
public enum RE100Version {
    /// The release number, semantic versioning.
    public static let current = "0.1.0"
}
