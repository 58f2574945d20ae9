import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs independent pieces of work on all cores at once, in one flat level, on threads of its own.
///
/// Two things made the obvious `DispatchQueue.concurrentPerform` slow for a chart that must be
/// done in milliseconds: nested inside another one it runs its iterations one after another (on
/// two cores), and Linux starts a new thread on its creator's CPU, where on our virtual machines
/// it often waited for the creator's time slice to end (3 ms) while the other CPU idled. Here the
/// calling thread and `threads - 1` new ones, each started on another CPU, take the pieces in
/// order from a shared counter (list the longest first), so every core starts at once and none
/// waits while work is left. The first error thrown is rethrown once all pieces are done.
public enum ParallelWork {
    /// The cores this process may use, read once: Foundation reads the cgroup files on every call.
    public static let cores = ProcessInfo.processInfo.activeProcessorCount

    public static func run(_ work: [() throws -> Void], threads: Int = cores) throws {
        let queue = Queue(work)
        var helpers: [pthread_t] = []
        for index in 1..<max(1, min(threads, work.count)) {
            let context = Unmanaged.passRetained(queue).toOpaque()
            var thread = pthread_t()
            let started = homecoming_thread_create_spread(&thread, { context in
                guard let context else { return nil }
                Unmanaged<Queue>.fromOpaque(context).takeRetainedValue().drain()
                return nil
            }, context, Int32(index))
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
