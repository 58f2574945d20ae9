import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs independent pieces of work on all cores at once, in one flat level, on threads of its own.
///
/// Two things made the obvious `DispatchQueue.concurrentPerform` slow for a chart that must be
/// done in milliseconds: nested inside another one it runs its iterations one after another (on
/// two cores), and in a fresh process its worker threads can take a millisecond or more to join.
/// Here the calling thread and `threads - 1` new ones take the pieces in order from a shared
/// counter (list the longest first), so every core starts at once and none waits while work is
/// left. The first error thrown is rethrown once all pieces are done.
public enum ParallelWork {
    public static func run(_ work: [() throws -> Void], threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let queue = Queue(work)
        var helpers: [pthread_t] = []
        for _ in 0..<max(0, min(threads, work.count) - 1) {
            let context = Unmanaged.passRetained(queue).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { context in
                guard let context else { return nil }
                Unmanaged<Queue>.fromOpaque(context).takeRetainedValue().drain()
                return nil
            }, context)
            if started == 0 {
                helpers.append(thread)
            } else {
                Unmanaged<Queue>.fromOpaque(context).release() // no thread: the caller does its share
            }
        }
        queue.drain()
        for thread in helpers { pthread_join(thread, nil) }
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
