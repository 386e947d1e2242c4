import DispatchOptimizer
import Foundation
import GridIO
import LinearProgramming
import Logging
import Testing
import TestSupport
@testable import Planning

@Suite("infeasible dispatches")
struct InfeasibilityDiagnosisTests {
    @Test func diagnosisNamesTheRowsOfTheLoadsBus() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grid = try GridSource.open(try TestGrids.starved(in: directory).path, tariffs: NamedFileCatalog(folders: []),
                                       logger: Logger(label: "test"))
        let result = try DispatchOptimizer.dispatch(grid.network, options: DispatchOptions(hourCount: 24), solver: GLPKSolver())
        #expect(result.status == .infeasible)
        let failure = try #require(DispatchFailure(result))
        #expect(failure.kind == .infeasible)
        #expect(failure.lines.first?.hasPrefix("error: the dispatch LP is infeasible (no hours solved)") == true)
        let lines = DispatchFailure.diagnosisLines(result.diagnosis)
        #expect(lines.first?.hasPrefix("constraints that cannot all hold") == true)
        #expect(lines.dropFirst().contains { $0.hasPrefix("bal(site,t") && $0.contains(" must be violated by ") })
        #expect(DispatchFailure.diagnosisLines(nil) == ["no diagnosis: the elastic re-solve found no violated rows"])
    }
}
