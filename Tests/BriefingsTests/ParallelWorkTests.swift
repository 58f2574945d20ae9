import ChartRendering
import Foundation
import Testing

@Suite("Parallel work")
struct ParallelWorkTests {
    final class Counts: @unchecked Sendable {
        let lock = NSLock()
        var runs: [Int: Int] = [:]
        func add(_ index: Int) { lock.lock(); runs[index, default: 0] += 1; lock.unlock() }
    }

    struct Failure: Error, Equatable { let index: Int }

    /// nil: as many at once as Dispatch runs (one per core), which is what the charts use.
    @Test(arguments: [nil, 1, 2, 4, 16] as [Int?])
    func everyPieceRunsExactlyOnce(threads: Int?) throws {
        let counts = Counts()
        try ParallelWork.run((0..<37).map { index in { counts.add(index) } }, threads: threads)
        #expect(counts.runs.count == 37)
        #expect(counts.runs.values.allSatisfy { $0 == 1 })
    }

    @Test func anErrorIsRethrownOnceEverythingHasRun() {
        let counts = Counts()
        let work: [() throws -> Void] = (0..<9).map { index in
            {
                counts.add(index)
                if index == 4 { throw Failure(index: 4) }
            }
        }
        #expect(throws: Failure(index: 4)) { try ParallelWork.run(work, threads: 3) }
        #expect(counts.runs.count == 9)
    }

    @Test func nothingToDoIsFine() throws {
        try ParallelWork.run([], threads: 4)
        try ParallelWork.run([])
    }
}
