import Testing
@testable import LinearProgramming

/// Everything GLPK would abort on is caught in Swift with a typed error naming the row or column.
@Suite struct InvalidModelTests {
    private func problems(_ configure: (inout LinearModelBuilder) -> Void) -> [ModelProblem] {
        var builder = LinearModelBuilder()
        configure(&builder)
        do {
            _ = try builder.build()
            return []
        } catch {
            return error.problems
        }
    }

    @Test func nanCostNamesTheColumn() {
        let found = problems { $0.addColumn(name: "gen_a", cost: .nan) }
        #expect(found.count == 1)
        #expect(found.first?.kind == .notFinite)
        #expect(found.first?.location == .column(index: 0, name: "gen_a"))
    }

    @Test func invertedBoundsOnColumnsAndRows() {
        let found = problems { builder in
            builder.addColumn(name: "x", lower: 5, upper: 1)
            builder.addRow(name: "bal", lower: 3, upper: 2)
        }
        #expect(found.map(\.kind) == [.invertedBounds, .invertedBounds])
        #expect(found.map(\.location) == [.column(index: 0, name: "x"), .row(index: 0, name: "bal")])
    }

    @Test func infiniteBoundInTheWrongDirection() {
        let found = problems { $0.addColumn(name: "x", lower: .infinity, upper: .infinity) }
        #expect(found.first?.kind == .notFinite)
    }

    @Test func indexOutOfRange() {
        let found = problems { builder in
            let x = builder.addColumn(name: "x")
            builder.addRow(name: "r", upper: 1, terms: [(x, 1), (7, 2)])
            builder.addCoefficient(row: -1, column: x, value: 1)
        }
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.kind == .indexOutOfRange })
    }

    @Test func duplicateEntryNamesRowAndColumn() {
        let found = problems { builder in
            let x = builder.addColumn(name: "x")
            builder.addRow(name: "r", upper: 1, terms: [(x, 1), (x, 2)])
        }
        #expect(found.first?.kind == .duplicateEntry)
        #expect(found.first?.location == .row(index: 0, name: "r"))
        #expect(found.first?.detail.contains("'x'") == true)
    }

    @Test func nanCoefficient() {
        let found = problems { builder in
            let x = builder.addColumn(name: "x")
            builder.addRow(name: "r", upper: 1, terms: [(x, .nan)])
        }
        #expect(found.first?.kind == .notFinite)
    }

    @Test(arguments: [
        String(repeating: "a", count: 256), "bus 1", "p[g1]", "9lives", ".x", "é", "a:b", "a+b",
    ])
    func namesGLPKCannotTake(name: String) {
        let found = problems { $0.addColumn(name: name) }
        #expect(found.first?.kind == .invalidName)
    }

    @Test(arguments: ["bal(bus_1,t0123)", "p(gen.a,t0)", "x", "e1", String(repeating: "a", count: 255), ""])
    func namesGLPKAccepts(name: String) {
        #expect(problems { $0.addColumn(name: name) }.isEmpty)
    }

    @Test func allProblemsAreCollectedButOnlyAHundredKept() {
        var builder = LinearModelBuilder()
        for j in 0..<150 { builder.addColumn(name: "x\(j)", lower: 1, upper: 0) }
        #expect(throws: LinearModelError.self) { try builder.build() }
        do {
            _ = try builder.build()
        } catch {
            #expect(error.totalCount == 150)
            #expect(error.problems.count == 100)
            #expect(error.description.contains("and 50 more"))
        }
    }

    @Test func mismatchedBulkArrays() {
        let found = problems { builder in
            builder.addColumn(name: "x")
            builder.addRow(name: "r")
            builder.addCoefficients(rows: [0, 0], columns: [0], values: [1, 2])
        }
        #expect(found.contains { $0.kind == .lengthMismatch })
    }
}
