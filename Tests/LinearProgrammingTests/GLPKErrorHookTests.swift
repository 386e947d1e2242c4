import CGLPK
import Dispatch
import Foundation
import Testing

/// The shim's error-hook backstop: invalid API use that would make GLPK abort the process
/// returns an error code instead. re100's Swift validation keeps such input away from GLPK;
/// these tests call the shim directly to prove the backstop works.
@Suite struct GLPKErrorHookTests {
    /// Loads a 1 x 1 problem whose matrix names the same entry twice (GLPK: "duplicate indices").
    private func loadDuplicate() -> Int32 {
        let problem = glp_create_prob()
        let types: [Int32] = [0, GLP_FR], zeros: [Double] = [0, 0], kinds: [Int32] = [0, GLP_CV]
        let ia: [Int32] = [0, 1, 1], ja: [Int32] = [0, 1, 1], ar: [Double] = [0, 1, 2]
        glp_term_out(GLP_OFF)
        let result = re100_glpk_load(problem, 1, 1, types, zeros, zeros, types, zeros, zeros, zeros, kinds, 2, ia, ja, ar)
        glp_term_out(GLP_ON)
        // On error GLPK's environment (and the problem with it) has been freed already.
        if result == 0 { glp_delete_prob(problem) }
        return result
    }

    @Test func duplicateMatrixEntriesReturnAnErrorInsteadOfAborting() {
        #expect(loadDuplicate() == RE100_GLPK_ERROR)
        // GLPK works again afterwards on the same thread.
        let problem = glp_create_prob()
        glp_add_rows(problem, 1)
        #expect(glp_get_num_rows(problem) == 1)
        glp_delete_prob(problem)
    }

    @Test func theBackstopWorksOnEveryThread() {
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if loadDuplicate() == RE100_GLPK_ERROR { failures.increment() }
        }
        #expect(failures.value == 8)
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
