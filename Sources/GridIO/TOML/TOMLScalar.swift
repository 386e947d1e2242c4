/// The grammar of TOML's unquoted scalars: integers, floats and date-times (TOML 1.0, section by section).
enum TOMLScalar {
    /// The integer a token spells (decimal with `_` between digits and no leading zero, or `0x`/`0o`/`0b`),
    /// `nil` when it is no integer or does not fit in 64 bits.
    static func integer(_ token: String) -> Int? {
        var text = Substring(token)
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            let digits = text.dropFirst(2)
            guard isGrouped(digits, radix: radix) else { return nil }
            return Int(digits.filter { $0 != "_" }, radix: radix)
        }
        var sign = ""
        if let first = text.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            text = text.dropFirst()
        }
        guard isGrouped(text, radix: 10), !(text.count > 1 && text.first == "0") else { return nil }
        return Int(sign + text.filter { $0 != "_" })
    }

    /// Whether a token has the shape of an integer (so an unreadable one is out of range, not malformed).
    static func looksLikeInteger(_ token: String) -> Bool {
        var text = Substring(token)
        if let first = text.first, first == "+" || first == "-" { text = text.dropFirst() }
        return isGrouped(text, radix: 10) && !(text.count > 1 && text.first == "0")
    }

    /// The float a token spells: `[+-]int(.frac)?([eE][+-]?int)?` with at least a fraction or an exponent, or
    /// `inf`/`nan` with an optional sign; `nil` otherwise.
    static func float(_ token: String) -> Double? {
        var text = Substring(token)
        var negative = false
        if let first = text.first, first == "+" || first == "-" {
            negative = first == "-"
            text = text.dropFirst()
        }
        if text == "inf" { return negative ? -.infinity : .infinity }
        if text == "nan" { return .nan }
        var mantissa = text
        var exponent: Substring?
        if let mark = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<mark]
            var rest = text[text.index(after: mark)...]
            if let first = rest.first, first == "+" || first == "-" { rest = rest.dropFirst() }
            guard isGrouped(rest, radix: 10) else { return nil }
            exponent = rest
        }
        var whole = mantissa
        if let dot = mantissa.firstIndex(of: ".") {
            whole = mantissa[..<dot]
            guard isGrouped(mantissa[mantissa.index(after: dot)...], radix: 10) else { return nil }
        } else if exponent == nil {
            return nil
        }
        guard isGrouped(whole, radix: 10), !(whole.count > 1 && whole.first == "0") else { return nil }
        return Double(token.filter { $0 != "_" })
    }

    /// Whether a token is an offset date-time, local date-time, local date or local time (RFC 3339 shapes).
    static func isDateTime(_ token: String) -> Bool {
        let characters = Array(token.utf8)
        var position = 0
        func digits(_ count: Int) -> Bool {
            guard position + count <= characters.count else { return false }
            for offset in position..<(position + count) where !(characters[offset] >= 48 && characters[offset] <= 57) {
                return false
            }
            position += count
            return true
        }
        func literal(_ byte: UInt8) -> Bool {
            guard position < characters.count, characters[position] == byte else { return false }
            position += 1
            return true
        }
        func time() -> Bool {
            guard digits(2), literal(58), digits(2), literal(58), digits(2) else { return false }
            if literal(46) {
                let start = position
                while position < characters.count, characters[position] >= 48, characters[position] <= 57 { position += 1 }
                if position == start { return false }
            }
            return true
        }
        if characters.count >= 3 && characters[2] == 58 { return time() && position == characters.count }
        guard digits(4), literal(45), digits(2), literal(45), digits(2) else { return false }
        if position == characters.count { return true }
        guard literal(84) || literal(116) || literal(32), time() else { return false }
        if position == characters.count { return true }
        if literal(90) || literal(122) { return position == characters.count }
        guard literal(43) || literal(45), digits(2), literal(58), digits(2) else { return false }
        return position == characters.count
    }

    /// Digits of `radix` with single `_` only between digits, at least one digit.
    private static func isGrouped(_ text: Substring, radix: Int) -> Bool {
        guard let first = text.first, let last = text.last, first != "_", last != "_" else { return false }
        var previousUnderscore = false
        for character in text {
            if character == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            guard let value = character.hexDigitValue, value < radix else { return false }
        }
        return true
    }
}
