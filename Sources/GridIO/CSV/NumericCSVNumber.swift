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
/// most 10^22, both are exact doubles and one IEEE multiplication or division rounds correctly. Values with
/// 17 to 19 significant digits and a power of ten within 10^±19 (half of what pandas writes) are computed
/// exactly in 128-bit integer arithmetic and rounded to nearest-even by hand. Everything else (20+ digits,
/// large exponents) is handed to the C library's correctly rounded `strtod` on a NUL-terminated copy in a
/// small stack buffer; the syntax was checked before, so `strtod` sees only plain decimals (in the C locale,
/// which a Swift program keeps unless it calls `setlocale`).
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
        scanDigits(
            bytes, &index, end, isFraction: false, &mantissa, &significantDigits, &exponent, &truncated, &sawDigit)
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            scanDigits(
                bytes, &index, end, isFraction: true, &mantissa, &significantDigits, &exponent, &truncated, &sawDigit)
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
        let magnitude: Double
        if truncated {
            return Scan(end: index, value: 0, status: .needsLibraryParse)
        } else if mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            magnitude = exponent < 0 ? Double(mantissa) / powers[-exponent] : Double(mantissa) * powers[exponent]
        } else if exponent < 0 && exponent >= -19 {
            magnitude = quotient(mantissa, dividedByPowerOfTen: -exponent)
        } else if exponent >= 0 && exponent <= 19 {
            magnitude = product(mantissa, timesPowerOfTen: exponent)
        } else {
            return Scan(end: index, value: 0, status: .needsLibraryParse)
        }
        return Scan(end: index, value: negative ? -magnitude : magnitude, status: .exact)
    }

    /// Consumes the digits at `index` into `mantissa` (at most 19 significant digits, eight at a time where
    /// possible). Fraction digits lower `exponent`; integer digits beyond the 19th raise it; dropped nonzero
    /// digits set `truncated`.
    @inline(__always)
    private static func scanDigits(
        _ bytes: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int, isFraction: Bool, _ mantissa: inout UInt64,
        _ significantDigits: inout Int, _ exponent: inout Int, _ truncated: inout Bool, _ sawDigit: inout Bool
    ) {
        while index < end {
            if mantissa != 0 && significantDigits <= 11 && index + 8 <= end, let eight = eightDigits(bytes + index) {
                mantissa = mantissa &* 100_000_000 &+ eight
                significantDigits += 8
                if isFraction { exponent -= 8 }
                index += 8
                continue
            }
            let digit = bytes[index] &- UInt8(ascii: "0")
            if digit > 9 { return }
            sawDigit = true
            if significantDigits < 19 {
                if mantissa != 0 || digit != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                }
                if isFraction { exponent -= 1 }
            } else {
                if !isFraction { exponent += 1 }
                truncated = truncated || digit != 0
            }
            index += 1
        }
    }

    /// The value of eight ASCII digits at `bytes` (SWAR, as in simdjson and fast_float), or nil when any of the
    /// eight bytes is not a digit. Only ever called when a digit was seen before them (so `mantissa != 0`).
    @inline(__always)
    static func eightDigits(_ bytes: UnsafePointer<UInt8>) -> UInt64? {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        let allDigits =
            (word & 0xF0F0_F0F0_F0F0_F0F0) | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
        guard allDigits == 0x3333_3333_3333_3333 else { return nil }
        var value = word &- 0x3030_3030_3030_3030
        value = value &* 10 &+ (value >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        value = ((value & mask) &* 0x000F_4240_0000_0064 &+ ((value >> 16) & mask) &* 0x0000_2710_0000_0001) >> 32
        return value
    }

    /// 10^0 ... 10^19, every power of ten that fits in `UInt64`.
    @inline(__always)
    static func integerPowerOfTen(_ exponent: Int) -> UInt64 {
        var power: UInt64 = 1
        for _ in 0..<exponent { power &*= 10 }
        return power
    }

    /// The correctly rounded `mantissa / 10^k` for 1 <= k <= 19 and mantissa > 2^53 (17 to 19 digits).
    ///
    /// The quotient is computed exactly in 128 bits: shifting the mantissa left by `shift` makes the integer
    /// quotient `q` fill 64 bits; `q`'s low 11 bits and the remainder decide the rounding to 53 bits.
    @inline(__always)
    static func quotient(_ mantissa: UInt64, dividedByPowerOfTen k: Int) -> Double {
        let divisor = integerPowerOfTen(k)
        let mantissaBits = 64 - mantissa.leadingZeroBitCount
        let divisorBits = 64 - divisor.leadingZeroBitCount
        var shift = 63 - mantissaBits + divisorBits  // quotient then lies in [2^62, 2^64)
        var (quotient, remainder) = divide(mantissa, shiftedLeftBy: shift, by: divisor)
        if quotient < 1 << 63 {
            shift += 1
            (quotient, remainder) = divide(mantissa, shiftedLeftBy: shift, by: divisor)
        }
        return rounded(quotient, sticky: remainder != 0, binaryExponent: -shift)
    }

    /// `(mantissa << shift) / divisor` and its remainder; the caller guarantees the quotient fits 64 bits.
    @inline(__always)
    private static func divide(_ mantissa: UInt64, shiftedLeftBy shift: Int, by divisor: UInt64) -> (UInt64, UInt64) {
        let high = shift >= 64 ? mantissa << (shift - 64) : (shift == 0 ? 0 : mantissa >> (64 - shift))
        let low = shift >= 64 ? 0 : mantissa << shift
        return divisor.dividingFullWidth((high: high, low: low))
    }

    /// The correctly rounded `mantissa * 10^k` for 0 <= k <= 19, computed exactly in 128 bits.
    @inline(__always)
    static func product(_ mantissa: UInt64, timesPowerOfTen k: Int) -> Double {
        let (high, low) = mantissa.multipliedFullWidth(by: integerPowerOfTen(k))
        if high == 0 {
            let zeros = low.leadingZeroBitCount
            return rounded(low << zeros, sticky: false, binaryExponent: -zeros)
        }
        let zeros = high.leadingZeroBitCount
        let top = zeros == 0 ? high : (high << zeros) | (low >> (64 - zeros))
        let sticky = (zeros == 0 ? low : low << zeros) != 0
        return rounded(top, sticky: sticky, binaryExponent: 64 - zeros)
    }

    /// `top * 2^binaryExponent` rounded to nearest, ties to even, where `top` has its highest bit set and
    /// `sticky` tells whether nonzero bits below `top` were cut off.
    @inline(__always)
    static func rounded(_ top: UInt64, sticky: Bool, binaryExponent: Int) -> Double {
        var significand = top >> 11
        let rest = top & 0x7FF
        if rest > 0x400 || (rest == 0x400 && (sticky || significand & 1 == 1)) {
            significand += 1
        }
        return Double(sign: .plus, exponent: binaryExponent + 11, significand: Double(significand))
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
