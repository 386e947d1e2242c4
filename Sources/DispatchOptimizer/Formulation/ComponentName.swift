/// Row and column names that follow the components (`bal(bus_1,t0123)`), made safe for GLPK and
/// the CPLEX LP format: characters the format rejects become `_`, and ids are cut to 100 bytes so
/// every name stays far below GLPK's 255-character limit.
enum ComponentName {
    private static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!\"#$%&()/,.;?@_`'{}|~".utf8 { table[Int(byte)] = true }
        for range in [UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                      UInt8(ascii: "a")...UInt8(ascii: "z")] {
            for byte in range { table[Int(byte)] = true }
        }
        return table
    }()

    /// `id` with every byte the LP format rejects replaced by `_` (and `(`, `)`, `,` too, which
    /// delimit the name's arguments), at most 100 bytes.
    static func sanitized(_ id: String) -> String {
        var bytes = Array(id.utf8.prefix(100))
        for k in bytes.indices {
            let byte = bytes[k]
            if !allowed[Int(byte)] || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",") {
                bytes[k] = UInt8(ascii: "_")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `family(id,tNNNN)` for snapshot `snapshot`.
    static func hourly(_ family: String, _ id: String, _ snapshot: Int) -> String {
        let digits = String(snapshot)
        return "\(family)(\(id),t\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits))"
    }
}
