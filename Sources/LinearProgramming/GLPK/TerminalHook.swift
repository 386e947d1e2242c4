import CGLPK

/// Routes GLPK's terminal output of the current thread to a log closure instead of stdout.
/// Installed and removed on the thread that solves (GLPK keeps the hook per thread).
final class TerminalHook {
    private let log: @Sendable (String) -> Void
    private var pending = ""

    init(log: @escaping @Sendable (String) -> Void) {
        self.log = log
    }

    func install() {
        let info = Unmanaged.passUnretained(self).toOpaque()
        re100_glpk_set_term_hook({ info, text in
            guard let info, let text else { return 1 }
            Unmanaged<TerminalHook>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
            return 1  // non-zero: GLPK prints nothing itself
        }, info)
    }

    func uninstall() {
        if !pending.isEmpty { log(pending) }
        pending = ""
        re100_glpk_set_term_hook(nil, nil)
    }

    /// GLPK sends fragments; pass on whole lines.
    private func receive(_ fragment: String) {
        pending += fragment
        while let newline = pending.firstIndex(of: "\n") {
            log(String(pending[..<newline]))
            pending = String(pending[pending.index(after: newline)...])
        }
    }
}
