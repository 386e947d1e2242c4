import Foundation
import Testing

@testable import GridIO

/// A seeded generator (SplitMix64) so property tests see the same values on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Decimal texts of every shape the reader meets: shortest round-trip, fixed, scientific, long, tiny, huge.
func sampleNumberTexts(count: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: seed)
    var texts: [String] = []
    for index in 0..<count {
        let magnitude = Double.random(in: -30...30, using: &generator)
        let value = (Bool.random(using: &generator) ? -1.0 : 1.0) * pow(10, magnitude)
        switch index % 11 {
        case 8: texts.append(String(format: "%.18e", value))
        case 9: texts.append(String(UInt64.random(in: 1 << 53...UInt64.max, using: &generator)) + "e\(Int.random(in: -25...25, using: &generator))")
        case 10: texts.append("0." + String(UInt64.random(in: 1 << 53...UInt64.max, using: &generator)))
        case 0: texts.append("\(value)")
        case 1: texts.append(String(format: "%.17g", value))
        case 2: texts.append(String(format: "%.3f", value))
        case 3: texts.append(String(format: "%.12e", value))
        case 4: texts.append(String(format: "%.25f", value / 1e20))
        case 5: texts.append("\(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF))")
        case 6: texts.append("\(Int.random(in: -1_000_000...1_000_000, using: &generator))")
        default: texts.append(String(format: "%.0f", abs(value) * 1e15) + "e-3")
        }
    }
    return texts
}

@Suite("NumericCSVNumber: decimal text to Double")
struct NumericCSVNumberTests {
    private func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { NumericCSVNumber.parse($0) }
    }

    @Test(
        "parses like Double(String)",
        arguments: [
            "0", "-0", "+1", "1.", ".5", "-.5", "3.14", "1e3", "1E-3", "2.5e+10", "123456789012345678901234",
            "0.30000000000000004", "4.9406564584124654e-324", "2.2250738585072011e-308", "1.7976931348623157e308",
            "9007199254740993", "0.000000000000000000000000000001", "1e22", "1e23", "179769313486231580793.7e288", "18446744073709551615e-19", "18446744073709551615e19", "9007199254740993e-1", "9007199254740995e0", "12345678901234567.5",
        ])
    func matchesStandardLibrary(text: String) throws {
        let expected = try #require(Double(text))
        let parsed = try #require(parse(text))
        #expect(parsed.bitPattern == expected.bitPattern)
    }

    @Test("special values", arguments: [("inf", Double.infinity), ("-Infinity", -.infinity), ("+INF", .infinity)])
    func specialValues(text: String, value: Double) {
        #expect(parse(text) == value)
    }

    @Test("nan in any case")
    func notANumber() {
        #expect(parse("NaN")?.isNaN == true)
        #expect(parse("-nan")?.isNaN == true)
    }

    @Test("rejects what is not a plain decimal", arguments: ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x1p3", "1,5", "abc", "1 2", "infinite"])
    func rejects(text: String) {
        #expect(parse(text) == nil)
    }

    @Test("random texts are bit-identical to Double(String)")
    func randomTexts() throws {
        for text in sampleNumberTexts(count: 4_000, seed: 42) {
            let expected = try #require(Double(text), "\(text)")
            let parsed = try #require(parse(text), "\(text)")
            #expect(parsed.bitPattern == expected.bitPattern, "\(text)")
        }
    }
}
