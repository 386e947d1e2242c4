#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text to `Double` without allocating, giving exactly what `Double(String)` gives.
///
/// Accepted syntax: optional sign, digits with an optional `.` and fraction (at least one digit in all),
/// optional exponent `e`/`E` with optional sign and at least one digit; and, ignoring case, `inf`,
/// `infinity` and `nan` with an optional sign. Hexadecimal floats are not accepted.
///
/// Most values take Clinger's fast path: when the significant digits fit in 2^53 and the power of ten is at
/// most 10^22, both are exact doubles and one IEEE multiplication or division rounds correctly. Everything
/// else (17+ significant digits, large exponents) is handed to the C library's correctly rounded `strtod` on a
/// NUL-terminated copy in a small stack buffer; the syntax was checked before, so `strtod` sees only plain
/// decimals (it reads them in the C locale, which a Swift program keeps unless it calls `setlocale`).
enum NumericCSVNumber {
    /// The outcome of scanning a cell's leading bytes as a decimal number.
    struct Scan {
        /// Index one past the last byte that belongs to the number.
        var end: Int
        /// The value, valid when `status == .exact`.
        var value: Double
        /// Whether the scan produced a value, needs `strtod`, or found no decimal number at all.
        var status: Status
    }

    /// How a scan ended.
    enum Status {
        /// `value` is the correctly rounded value of the bytes up to `end`.
        case exact
        /// The bytes up to `end` are a valid decimal that needs `strtod` to round correctly.
        case needsLibraryParse
        /// The bytes at the start are not a decimal number (maybe `inf`/`nan`, maybe garbage).
        case notDecimal
    }

    /// 10^0 ... 10^22, the powers of ten that are exact in binary64.
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Scans a decimal number starting at `start` in `bytes[start..<end]`.
    ///
    /// - Parameters:
    ///   - bytes: the buffer; only indices in `start..<end` are read.
    ///   - powers: `exactPowersOfTen` as a buffer (passed in so the hot loop does no lazy-global check).
    @inline(__always)
    static func scan(
        _ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, powers: UnsafePointer<Double>
    ) -> Scan {
        var index = start
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var truncated = false
        while index < end {
            let digit = bytes[index] &- UInt8(ascii: "0")
            if digit > 9 { break }
            sawDigit = true
            if significantDigits < 19 {
                if mantissa != 0 || digit != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                }
            } else {
                exponent += 1
                truncated = truncated || digit != 0
            }
            index += 1
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end {
                let digit = bytes[index] &- UInt8(ascii: "0")
                if digit > 9 { break }
                sawDigit = true
                if significantDigits < 19 {
                    if mantissa != 0 || digit != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(digit)
                        significantDigits += 1
                    }
                    exponent -= 1
                } else {
                    truncated = truncated || digit != 0
                }
                index += 1
            }
        }
        if !sawDigit { return Scan(end: start, value: 0, status: .notDecimal) }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            var exponentIndex = index + 1
            var exponentNegative = false
            if exponentIndex < end,
                bytes[exponentIndex] == UInt8(ascii: "-") || bytes[exponentIndex] == UInt8(ascii: "+")
            {
                exponentNegative = bytes[exponentIndex] == UInt8(ascii: "-")
                exponentIndex += 1
            }
            var written = 0
            var sawExponentDigit = false
            while exponentIndex < end {
                let digit = bytes[exponentIndex] &- UInt8(ascii: "0")
                if digit > 9 { break }
                sawExponentDigit = true
                if written < 100_000 { written = written * 10 + Int(digit) }
                exponentIndex += 1
            }
            // "1e" or "1e+" is not a number; leave the `e` to be reported as a stray character.
            if sawExponentDigit {
                exponent += exponentNegative ? -written : written
                index = exponentIndex
            }
        }
        if mantissa == 0 {
            return Scan(end: index, value: negative ? -0.0 : 0.0, status: .exact)
        }
        if truncated || mantissa > 1 << 53 || exponent < -22 || exponent > 22 {
            return Scan(end: index, value: 0, status: .needsLibraryParse)
        }
        let magnitude =
            exponent < 0 ? Double(mantissa) / powers[-exponent] : Double(mantissa) * powers[exponent]
        return Scan(end: index, value: negative ? -magnitude : magnitude, status: .exact)
    }

    /// Parses a whole cell (already trimmed and unquoted) as a number, or returns nil when it is not one.
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = cell.baseAddress, !cell.isEmpty else { return nil }
        let result = exactPowersOfTen.withUnsafeBufferPointer { powers in
            scan(base, from: 0, to: cell.count, powers: powers.baseAddress!)  // non-empty array
        }
        switch result.status {
        case .exact where result.end == cell.count:
            return result.value
        case .needsLibraryParse where result.end == cell.count:
            return libraryParse(base, count: cell.count)
        case .notDecimal:
            return special(cell)
        default:
            return nil
        }
    }

    /// `strtod` on a NUL-terminated copy of `count` bytes that are known to form a plain decimal number.
    @inline(never)
    static func libraryParse(_ bytes: UnsafePointer<UInt8>, count: Int) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            let target = buffer.baseAddress!  // capacity >= 1
            bytes.withMemoryRebound(to: CChar.self, capacity: count) { source in
                target.update(from: source, count: count)
            }
            target[count] = 0
            return strtod(target, nil)
        }
    }

    /// `inf`, `infinity`, `nan` in any case, with an optional sign; nil for anything else.
    static func special(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        var body = cell[...]
        var negative = false
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard body.count <= 8 else { return nil }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(body.count)
        for byte in body { lowered.append(byte | 0x20) }
        switch lowered {
        case Array("inf".utf8), Array("infinity".utf8):
            return negative ? -.infinity : .infinity
        case Array("nan".utf8):
            return negative ? -Double.nan : .nan
        default:
            return nil
        }
    }
}
