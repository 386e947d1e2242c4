/// Colours of carriers and categories in report charts: fixed colours for common carriers (readable on white,
/// distinct in hue and lightness), a fallback palette for others, chosen by position so output is deterministic.
enum CarrierPalette {
    /// Fixed colours by carrier or category name.
    static let known: [String: String] = [
        "solar": "#f2b705", "solar PPA": "#f8dc7a", "wind": "#3a86c8", "wind PPA": "#9cc6ea", "hydro": "#1b5e8c",
        "nuclear": "#e07b39", "natural_gas": "#8c6d5a", "gas": "#8c6d5a", "coal": "#4d4d4d", "oil": "#6b4f3a",
        "hydrogen": "#2bb3a3", "storage": "#8e44ad", "battery": "#8e44ad", "grid": "#7b8794", "load": "#111111",
    ]
    /// Colours for names not in `known`, used in turn.
    static let fallback = ["#2ca02c", "#d62728", "#17becf", "#bcbd22", "#e377c2", "#9467bd", "#ff7f0e", "#1f77b4"]

    /// The colour of `name` (a series label such as `solar PPA`) or else of its `category`, else the
    /// `index`-th fallback colour.
    static func color(name: String, category: String, index: Int) -> String {
        known[name] ?? known[category] ?? fallback[index % fallback.count]
    }
}
