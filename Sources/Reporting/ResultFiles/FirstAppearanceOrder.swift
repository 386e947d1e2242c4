/// Names numbered in the order they first appear (hours of a schedule, series, buses), so grouped output keeps
/// file order and stays deterministic.
struct FirstAppearanceOrder: Sendable {
    /// The names in order of first appearance.
    private(set) var names: [String] = []
    private var indexOfName: [String: Int] = [:]

    /// The 0-based slot of `name`, appended when new; `isNew` says whether it was.
    mutating func slot(of name: String) -> (index: Int, isNew: Bool) {
        if let index = indexOfName[name] { return (index, false) }
        indexOfName[name] = names.count
        names.append(name)
        return (names.count - 1, true)
    }

    /// The slot of `name`, or nil when it has not appeared.
    func index(of name: String) -> Int? {
        indexOfName[name]
    }
}
