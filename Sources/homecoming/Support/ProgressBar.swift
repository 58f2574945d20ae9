import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on standard error for work that can take seconds (an import of thousands of
/// rows): drawn only when standard error is a terminal, redrawn when the percentage changes,
/// and cleared when done, so that logs, pipes and cron never see it.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = -1

    init(_ label: String, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label.replacingControlCharacters(keepingLineBreaks: false)
        self.enabled = enabled
    }

    /// Shows `done` of `total` (drawn only past a small total, when the percentage changes).
    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        lock.lock()
        defer { lock.unlock() }
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%".utf8))
    }

    /// Clears the line the bar was drawn on.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard enabled, shown >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = -1
    }
}
