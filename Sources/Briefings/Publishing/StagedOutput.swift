import CSystem
import Foundation

/// Replaces an output directory as a whole: the new tree is built beside it (hard links for
/// what did not change, so their modification times stay) and swapped in with one
/// `renameat2(RENAME_EXCHANGE)`. Until that call the old tree is untouched; after it the new
/// one is complete. A killed run leaves only a staging directory, which the next run removes.
public enum StagedOutput {
    /// `.<name>.staging-<pid>` beside the output directory.
    public static func stagingPrefix(for output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).staging-").path
    }

    /// `.<name>.lock` beside the output directory.
    public static func lockPath(for output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock").path
    }

    /// Removes what killed runs left behind. Call with the lock held.
    public static func removeLeftovers(of output: String) -> Int {
        let prefix = stagingPrefix(for: output)
        let parent = (prefix as NSString).deletingLastPathComponent
        let stem = (prefix as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(stem) {
            if (try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }

    /// A point where a test can stop the process (`HOMECOMING_TEST_PAUSE=<step>`); never set in production.
    public typealias Checkpoint = (String) throws(PublishError) -> Void

    /// Takes files one at a time as they are rendered: a file with the bytes the output already
    /// holds is dropped; the first that differs starts the staging tree, and each changed file
    /// goes there at once, so a whole briefing is never held in memory. `commit` swaps it in.
    public final class Stager {
        let output: String
        let staging: String
        let force: Bool
        let checkpoint: Checkpoint
        private let exists: Bool
        private var prepared = false
        /// Paths (relative to the output) written to the staging tree.
        public private(set) var changed: [String] = []

        /// - Parameter force: stage every file, even one the output already holds as it is.
        public init(output: String, force: Bool, checkpoint: @escaping Checkpoint) throws(PublishError) {
            self.output = output
            self.force = force
            self.checkpoint = checkpoint
            staging = stagingPrefix(for: output) + String(getpid())
            exists = FileManager.default.fileExists(atPath: output)
            // A read-only output is the owner's choice: it is not swapped away behind their back.
            if exists, access(output, W_OK) != 0 {
                throw .cannotCreate(path: output, reason: "the directory is read-only")
            }
        }

        /// Stages one file if it differs from the output's.
        public func add(_ path: String, _ bytes: [UInt8]) throws(PublishError) {
            let manager = FileManager.default
            if !force, let existing = manager.contents(atPath: (output as NSString).appendingPathComponent(path)),
               Self.same(existing, bytes) {
                return
            }
            try prepare()
            let target = (staging as NSString).appendingPathComponent(path)
            do {
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreate(path: target, reason: reason(error))
            }
            // A new inode: the hard link to the old file is replaced, not written through.
            try? manager.removeItem(atPath: target)
            try write(bytes, to: target)
            changed.append(path)
            if changed.count == 1 { try checkpoint("staged-some") }
        }

        /// Whether a file's contents are these bytes, compared in place.
        static func same(_ existing: Data, _ bytes: [UInt8]) -> Bool {
            guard existing.count == bytes.count else { return false }
            guard !bytes.isEmpty else { return true }
            return existing.withUnsafeBytes { old in
                bytes.withUnsafeBytes { new in
                    guard let a = old.baseAddress, let b = new.baseAddress else { return false }
                    return memcmp(a, b, new.count) == 0
                }
            }
        }

        /// Writes straight from the array's storage (no copy into `Data` of a megabyte of HTML).
        private func write(_ bytes: [UInt8], to path: String) throws(PublishError) {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let code = errno
                throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
            }
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return Foundation.write(fd, base + offset, buffer.count - offset)
                }
                if written < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    throw code == ENOSPC || code == EDQUOT || code == EACCES || code == EROFS
                        ? .cannotCreate(path: path, reason: String(cString: strerror(code)))
                        : .io(path: path, reason: String(cString: strerror(code)))
                }
                offset += written
            }
        }

        private func prepare() throws(PublishError) {
            guard !prepared else { return }
            prepared = true
            let manager = FileManager.default
            try? manager.removeItem(atPath: staging)
            do {
                if exists { try linkTree(from: output, to: staging) } else { try manager.createDirectory(atPath: staging, withIntermediateDirectories: true) }
            } catch let error as PublishError {
                throw error
            } catch {
                throw .cannotCreate(path: staging, reason: reason(error))
            }
        }

        /// Removes the staging tree (after a failure).
        public func abort() {
            if prepared { try? FileManager.default.removeItem(atPath: staging) }
        }

        /// Swaps the staging tree in. Returns nil when nothing changed (nothing was written),
        /// true for an atomic swap, false for the file-by-file fallback.
        public func commit() throws(PublishError) -> Bool? {
            guard !changed.isEmpty else { return nil }
            let manager = FileManager.default
            do { try checkpoint("staged") } catch {
                abort()
                throw error
            }
            if !exists {
                guard rename(staging, output) == 0 else {
                    let code = errno
                    abort()
                    throw .cannotCreate(path: output, reason: String(cString: strerror(code)))
                }
                return true
            }
            if homecoming_exchange_paths(staging, output) == 0 {
                try? checkpoint("published")
                try? manager.removeItem(atPath: staging) // now the old tree
                return true
            }
            let code = errno
            guard code == EINVAL || code == ENOSYS || code == EXDEV || code == EBUSY || code == EPERM else {
                abort()
                throw .cannotCreate(path: output, reason: String(cString: strerror(code)))
            }
            // The file system cannot swap directories: move the changed files in one by one, each atomically.
            for path in changed {
                let source = (staging as NSString).appendingPathComponent(path)
                let target = (output as NSString).appendingPathComponent(path)
                do { try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true) } catch {
                    throw .cannotCreate(path: target, reason: reason(error))
                }
                guard rename(source, target) == 0 else {
                    let code = errno
                    throw .cannotCreate(path: target, reason: String(cString: strerror(code)))
                }
            }
            abort()
            return false
        }
    }

    /// Recreates the tree at `source` under `target` with hard links (directories created, files linked).
    static func linkTree(from source: String, to target: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
        guard let enumerator = manager.enumerator(atPath: source) else { return }
        while let relative = enumerator.nextObject() as? String {
            let from = (source as NSString).appendingPathComponent(relative)
            let to = (target as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: from, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try manager.createDirectory(atPath: to, withIntermediateDirectories: true)
            } else if link(from, to) != 0 {
                let code = errno
                // Hard links need one file system; copying keeps the bytes when they cannot be had.
                if code == EXDEV || code == EPERM || code == EMLINK { try manager.copyItem(atPath: from, toPath: to) } else {
                    throw PublishError.cannotCreate(path: to, reason: String(cString: strerror(code)))
                }
            }
        }
    }

    static func reason(_ error: any Error) -> String { (error as NSError).localizedDescription }
}
