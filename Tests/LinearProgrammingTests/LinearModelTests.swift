import Testing
@testable import LinearProgramming
