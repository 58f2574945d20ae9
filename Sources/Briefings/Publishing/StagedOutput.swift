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

    /// Removes what killed runs left behind, and only that: a real directory named exactly
    /// `.<output>.staging-<pid>` that holds Homecoming's staging marker (a tree being built) or
    /// its output marker (an old tree swapped out). Call with the lock held.
    public static func removeLeftovers(of output: String) -> Int {
        let prefix = stagingPrefix(for: output)
        let parent = (prefix as NSString).deletingLastPathComponent
        let stem = (prefix as NSString).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return 0 }
        var removed = 0
        for name in names where OutputDirectory.isStagingName(name, stem: stem) {
            let path = (parent as NSString).appendingPathComponent(name)
            guard isOurs(path), (try? FileManager.default.removeItem(atPath: path)) != nil else { continue }
            removed += 1
        }
        return removed
    }

    /// Whether `path` is a directory (not a link) that Homecoming marked as its own.
    static func isOurs(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        return OutputDirectory.isRegularFile((path as NSString).appendingPathComponent(OutputDirectory.stagingMarker))
            || OutputDirectory.isRegularFile((path as NSString).appendingPathComponent(OutputDirectory.marker))
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
            // Only an output that is Homecoming's (new, empty or marked) is published into; a read-only
            // one is the owner's choice and is not swapped away behind their back.
            exists = try OutputDirectory.check(output)
        }

        /// Stages one file if it differs from the output's.
        public func add(_ path: String, _ bytes: [UInt8]) throws(PublishError) {
            try add(path, bytes, staged: false)
        }

        private func add(_ path: String, _ bytes: [UInt8], staged: Bool) throws(PublishError) {
            let manager = FileManager.default
            if !staged, !force, let existing = manager.contents(atPath: (output as NSString).appendingPathComponent(path)),
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
            // A new inode: the hard link to the old file is replaced, not written through; it keeps the old file's mode and owner.
            var old = stat()
            let hadOld = lstat(target, &old) == 0
            if hadOld, (old.st_mode & S_IFMT) != S_IFREG { throw .notOurs(path: target, reason: "not a regular file") }
            if hadOld { unlink(target) }
            try write(bytes, to: target)
            if hadOld {
                _ = chmod(target, old.st_mode & 0o7777)
                if getuid() == 0 { _ = lchown(target, old.st_uid, old.st_gid) }
            }
            if path != OutputDirectory.marker { changed.append(path) }
            if changed.count == 1 { try checkpoint("staged-some") }
        }

        /// Removes a directory of the output (an old edition) from the staging tree.
        public func remove(_ relativeDirectory: String) throws(PublishError) {
            guard OutputDirectory.isInside(relativeDirectory) else { return }
            try prepare()
            let target = (staging as NSString).appendingPathComponent(relativeDirectory)
            var info = stat()
            guard lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
            do { try FileManager.default.removeItem(atPath: target) } catch {
                throw .cannotCreate(path: target, reason: reason(error))
            }
            changed.append(relativeDirectory)
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
            // A name that is new in the staging tree: created, never opened through a link.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
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
            // A leftover with our pid is removed only when it is provably ours; anything else at that name stops the run.
            var info = stat()
            if lstat(staging, &info) == 0 {
                guard isOurs(staging), (try? FileManager.default.removeItem(atPath: staging)) != nil else {
                    throw .notOurs(path: staging, reason: "something Homecoming did not make is at its staging path")
                }
            }
            // Created exclusively (mkdir fails on any existing name, links included), marked at once.
            guard mkdir(staging, 0o700) == 0 else {
                let code = errno
                throw .cannotCreate(path: staging, reason: String(cString: strerror(code)))
            }
            prepared = true
            try write(Array("A Homecoming run is building its output here.\n".utf8), to: (staging as NSString).appendingPathComponent(OutputDirectory.stagingMarker))
            do {
                if exists { try linkTree(from: output, to: staging) }
                // The staging root takes the output's mode and owner (a new output: 0755 less the umask).
                var source = stat()
                if exists, stat(output, &source) == 0 {
                    _ = chmod(staging, source.st_mode & 0o7777)
                    if getuid() == 0 { _ = lchown(staging, source.st_uid, source.st_gid) }
                } else {
                    let mask = umask(0o022)
                    umask(mask)
                    _ = chmod(staging, 0o777 & ~mask)
                }
            } catch let error as PublishError {
                throw error
            } catch {
                throw .cannotCreate(path: staging, reason: reason(error))
            }
            try add(OutputDirectory.marker, OutputDirectory.markerText, staged: true)
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
            // The tree is complete: it stops being a staging tree, and becomes a marked output.
            unlink((staging as NSString).appendingPathComponent(OutputDirectory.stagingMarker))
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

    /// Recreates the tree at `source` under the existing directory `target` with hard links:
    /// directories made with the same mode and owner, files linked (so they keep theirs).
    /// Nothing is followed: a link or a device in the tree stops the run (the output check refuses them first).
    static func linkTree(from source: String, to target: String) throws {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: source) else { return }
        while let relative = enumerator.nextObject() as? String {
            let from = (source as NSString).appendingPathComponent(relative)
            let to = (target as NSString).appendingPathComponent(relative)
            var info = stat()
            guard lstat(from, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                guard mkdir(to, 0o700) == 0 else {
                    let code = errno
                    throw PublishError.cannotCreate(path: to, reason: String(cString: strerror(code)))
                }
                _ = chmod(to, info.st_mode & 0o7777)
                if getuid() == 0 { _ = lchown(to, info.st_uid, info.st_gid) }
            } else if (info.st_mode & S_IFMT) != S_IFREG {
                throw PublishError.notOurs(path: from, reason: "a link, device, pipe or socket inside the output")
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
