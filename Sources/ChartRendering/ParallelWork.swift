import Foundation

/// Runs independent pieces of work on all cores at once, in one flat list: each core takes the
/// next piece from a shared counter (list the longest first), so none idles while work is left.
/// The first error thrown is rethrown once all pieces are done.
public enum ParallelWork {
    /// - Parameter threads: at most this many at once (default: as many as Dispatch gives, one per core it
    ///   may run on; on Linux that is the affinity mask, not a container's CPU quota, so under a quota of
    ///   fewer cores the pieces share them: never more threads than pieces).
    public static func run(_ work: [() throws -> Void], threads: Int? = nil) throws {
        let queue = Queue(work)
        // One drainer per piece at most; Dispatch runs no more of them at once than there are cores.
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads ?? work.count, work.count))) { _ in queue.drain() }
        if let error = queue.error { throw error }
    }

    private final class Queue: @unchecked Sendable {
        private let work: [() throws -> Void]
        private let lock = NSLock()
        private var next = 0
        private(set) var error: (any Error)?

        init(_ work: [() throws -> Void]) { self.work = work }

        func drain() {
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < work.count else { return }
                do {
                    try work[index]()
                } catch {
                    lock.lock()
                    if self.error == nil { self.error = error }
                    lock.unlock()
                }
            }
        }
    }
}
