import CRename
import Foundation

/// Replaces an output directory as a whole: the new tree is built beside it (hard links for
/// what did not change, so their modification times stay) and swapped in with one
/// `renameat2(RENAME_EXCHANGE)`. Until that call the old tree is untouched; after it the new
/// one is complete. A killed run leaves only a staging directory, which the next run removes.
///
/// Every step inside the staging and output trees goes through directory descriptors opened
/// with `O_NOFOLLOW`, one component at a time (`openat`, `mkdirat`, `linkat`, `unlinkat`): a
/// link that someone who can write the output plants while a run is under way is never followed,
/// not even by root. The staging tree stays root's (mode 0700) until it is complete; the modes
/// and owners it copies from the output are applied just before the swap.
public enum StagedOutput {
    /// `.<name>.staging-<pid>` beside the output directory.
    public static func stagingPrefix(for output: String) -> String {
        let (parent, name) = OutputDirectory.split(output)
        return (parent == "/" ? "" : parent) + "/.\(name).staging-"
    }

    /// `.<name>.lock` beside the output directory.
    public static func lockPath(for output: String) -> String {
        let (parent, name) = OutputDirectory.split(output)
        return (parent == "/" ? "" : parent) + "/.\(name).lock"
    }

    /// Removes what killed runs left behind, and only that: a real directory named exactly
    /// `.<output>.staging-<pid>` that holds Homecoming's staging marker (a tree being built) or
    /// its output marker (an old tree swapped out). Call with the lock held.
    public static func removeLeftovers(of output: String) -> Int {
        let prefix = stagingPrefix(for: output)
        let (parent, stem) = OutputDirectory.split(prefix)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return 0 }
        var removed = 0
        for name in names where OutputDirectory.isStagingName(name, stem: stem) {
            let path = (parent as NSString).appendingPathComponent(name)
            guard isOurs(path), Tree.remove(path) else { continue }
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
        private var root: Int32 = -1
        /// Directories whose mode and owner are copied from the output, applied before the swap.
        private var attributes: [(path: String, mode: mode_t, uid: uid_t, gid: gid_t)] = []
        /// Paths (relative to the output) written to the staging tree.
        public private(set) var changed: [String] = []
        /// Directories (relative to the output) removed from it.
        private var removed: [String] = []

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

        deinit { if root >= 0 { close(root) } }

        /// Stages one file if it differs from the output's.
        public func add(_ path: String, _ bytes: [UInt8]) throws(PublishError) {
            try add(path, bytes, staged: false)
        }

        private func add(_ path: String, _ bytes: [UInt8], staged: Bool) throws(PublishError) {
            guard OutputDirectory.isInside(path) else { throw .notOurs(path: path, reason: "a path that leaves the output") }
            if !staged, !force, let existing = Tree.read(output, path), existing == bytes { return }
            try prepare()
            try Tree.write(bytes, root: root, path, rootPath: staging)
            if path != OutputDirectory.marker { changed.append(path) }
            if changed.count == 1 { try checkpoint("staged-some") }
        }

        /// Removes a directory of the output (an old edition) from the staging tree.
        public func remove(_ relativeDirectory: String) throws(PublishError) {
            guard OutputDirectory.isInside(relativeDirectory) else { return }
            try prepare()
            let (parent, name) = OutputDirectory.split(relativeDirectory)
            guard let directory = try Tree.directory(root: root, parent == "." ? "" : parent, create: false) else { return }
            defer { close(directory) }
            guard Tree.removeEntry(directory, name) else {
                throw .cannotCreate(path: (staging as NSString).appendingPathComponent(relativeDirectory), reason: "it cannot be removed")
            }
            removed.append(relativeDirectory)
            changed.append(relativeDirectory)
        }

        private func prepare() throws(PublishError) {
            guard root < 0 else { return }
            // A leftover with our pid is removed only when it is provably ours; anything else at that name stops the run.
            var info = stat()
            if lstat(staging, &info) == 0 {
                guard isOurs(staging), Tree.remove(staging) else {
                    throw .notOurs(path: staging, reason: "something Homecoming did not make is at its staging path")
                }
            }
            // Created exclusively (mkdir fails on any existing name, links included), opened without following, marked at once.
            guard mkdir(staging, 0o700) == 0 else {
                let code = errno
                throw .cannotCreate(path: staging, reason: String(cString: strerror(code)))
            }
            root = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard root >= 0 else {
                let code = errno
                throw .cannotCreate(path: staging, reason: String(cString: strerror(code)))
            }
            try Tree.write(Array("A Homecoming run is building its output here.\n".utf8), root: root, OutputDirectory.stagingMarker, rootPath: staging)
            var source = stat()
            if exists {
                let top = open(output, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard top >= 0, fstat(top, &source) == 0 else {
                    if top >= 0 { close(top) }
                    throw .notOurs(path: output, reason: "it changed while the run was starting (it is no longer a plain directory)")
                }
                defer { close(top) }
                try Tree.link(from: top, to: root, relative: "", into: &attributes, sourcePath: output)
                attributes.append(("", source.st_mode & 0o7777, source.st_uid, source.st_gid))
            } else {
                // A new output: 0755 less the umask, owned by whoever runs.
                let mask = umask(0o022)
                umask(mask)
                attributes.append(("", 0o777 & ~mask, getuid(), getgid()))
            }
            try add(OutputDirectory.marker, OutputDirectory.markerText, staged: true)
        }

        /// Removes the staging tree (after a failure).
        public func abort() {
            if root >= 0 { _ = Tree.remove(staging) }
        }

        /// Applies the copied modes and owners, deepest first, through descriptors.
        private func applyAttributes() {
            for entry in attributes.sorted(by: { $0.path.count > $1.path.count }) {
                guard let directory = try? Tree.directory(root: root, entry.path, create: false) else { continue }
                _ = fchmod(directory, entry.mode)
                if getuid() == 0 { _ = fchown(directory, entry.uid, entry.gid) }
                close(directory)
            }
        }

        /// Swaps the staging tree in. Returns nil when nothing changed (nothing was written),
        /// true for an atomic swap, false for the file-by-file fallback.
        public func commit() throws(PublishError) -> Bool? {
            guard !changed.isEmpty else { return nil }
            do { try checkpoint("staged") } catch {
                abort()
                throw error
            }
            // The tree is complete: it stops being a staging tree, and becomes a marked output.
            unlinkat(root, OutputDirectory.stagingMarker, 0)
            applyAttributes()
            // The staging path must still be the directory this run made (not something put in its place).
            var atPath = stat(), made = stat()
            guard lstat(staging, &atPath) == 0, fstat(root, &made) == 0, atPath.st_ino == made.st_ino, atPath.st_dev == made.st_dev else {
                throw .notOurs(path: staging, reason: "the staging directory was replaced while the run was under way; nothing was published")
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
                _ = Tree.remove(staging) // now the old tree
                return true
            }
            let code = errno
            guard code == EINVAL || code == ENOSYS || code == EXDEV || code == EPERM else {
                abort()
                throw .cannotCreate(path: output, reason: String(cString: strerror(code)))
            }
            // The file system cannot swap directories: move the changed files in one by one (each
            // atomically), then remove what was removed. A failure here leaves the output part updated, and says so.
            let top = open(output, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard top >= 0 else { abort(); throw .cannotCreate(path: output, reason: "it cannot be opened") }
            defer { close(top) }
            for path in changed where !removed.contains(path) {
                let (parent, name) = OutputDirectory.split(path)
                let folder = parent == "." ? "" : parent
                guard let from = try? Tree.directory(root: root, folder, create: false),
                      let to = try? Tree.directory(root: top, folder, create: true) else {
                    throw .io(path: (output as NSString).appendingPathComponent(path), reason: "the output is part updated; run again")
                }
                defer { close(from); close(to) }
                guard renameat(from, name, to, name) == 0 else {
                    let code = errno
                    throw .io(path: (output as NSString).appendingPathComponent(path), reason: "\(String(cString: strerror(code))); the output is part updated; run again")
                }
            }
            for path in removed {
                let (parent, name) = OutputDirectory.split(path)
                if let directory = try? Tree.directory(root: top, parent == "." ? "" : parent, create: false) {
                    _ = Tree.removeEntry(directory, name)
                    close(directory)
                }
            }
            abort()
            return false
        }
    }

    /// The operations on a tree, through descriptors, never following a link.
    enum Tree {
        static func error(_ path: String) -> PublishError {
            let code = errno
            return code == ELOOP || code == ENOTDIR
                ? .notOurs(path: path, reason: "a symbolic link or a file where a directory should be; Homecoming follows none")
                : code == ENOSPC || code == EDQUOT || code == EACCES || code == EROFS
                ? .cannotCreate(path: path, reason: String(cString: strerror(code)))
                : .io(path: path, reason: String(cString: strerror(code)))
        }

        /// A descriptor for the directory `relative` below `root` (each component opened with
        /// O_NOFOLLOW; missing ones made when `create`), or nil when it is missing and not made.
        static func directory(root: Int32, _ relative: String, create: Bool) throws(PublishError) -> Int32? {
            var current = dup(root)
            guard current >= 0 else { throw error(relative) }
            for component in relative.split(separator: "/").map(String.init) where !component.isEmpty {
                var next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if next < 0, errno == ENOENT, create {
                    if mkdirat(current, component, 0o755) != 0, errno != EEXIST { let failure = error(relative); close(current); throw failure }
                    next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                }
                if next < 0 {
                    let missing = errno == ENOENT
                    let failure = error(relative)
                    close(current)
                    if missing, !create { return nil }
                    throw failure
                }
                close(current)
                current = next
            }
            return current
        }

        /// Writes a new file at `relative` below `root`, replacing a regular file there (a new
        /// inode, which keeps the old one's mode and owner; a hard link to the old is never written through).
        static func write(_ bytes: [UInt8], root: Int32, _ relative: String, rootPath: String) throws(PublishError) {
            let full = (rootPath as NSString).appendingPathComponent(relative)
            let (parent, name) = OutputDirectory.split(relative)
            guard let directory = try directory(root: root, parent == "." ? "" : parent, create: true) else { throw error(full) }
            defer { close(directory) }
            var old = stat()
            let hadOld = fstatat(directory, name, &old, AT_SYMLINK_NOFOLLOW) == 0
            if hadOld {
                guard (old.st_mode & S_IFMT) == S_IFREG else { throw .notOurs(path: full, reason: "not a regular file") }
                unlinkat(directory, name, 0)
            }
            let fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw error(full) }
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return Foundation.write(fd, base + offset, buffer.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw error(full)
                }
                offset += written
            }
            if hadOld {
                _ = fchmod(fd, old.st_mode & 0o7777)
                if getuid() == 0 { _ = fchown(fd, old.st_uid, old.st_gid) }
            }
        }

        /// A file of the output as it is, read without following links; nil if there is none.
        static func read(_ output: String, _ relative: String) -> [UInt8]? {
            let top = open(output, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard top >= 0 else { return nil }
            defer { close(top) }
            let (parent, name) = OutputDirectory.split(relative)
            guard let directory = try? directory(root: top, parent == "." ? "" : parent, create: false) else { return nil }
            defer { close(directory) }
            let fd = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
            var offset = 0
            while offset < bytes.count {
                let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + offset, $0.count - offset, off_t(offset)) }
                guard count > 0 else { return nil }
                offset += count
            }
            return bytes
        }

        /// Recreates the tree below `source` under `target` with hard links (directories made
        /// root's, their modes and owners noted for later), refusing anything but directories and regular files.
        static func link(from source: Int32, to target: Int32, relative: String, into attributes: inout [(path: String, mode: mode_t, uid: uid_t, gid: gid_t)],
                         sourcePath: String) throws(PublishError) {
            for name in entries(source) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard fstatat(source, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    guard mkdirat(target, name, 0o700) == 0 else { throw error(path) }
                    let from = openat(source, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    let to = openat(target, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    defer { if from >= 0 { close(from) }; if to >= 0 { close(to) } }
                    guard from >= 0, to >= 0 else { throw error((sourcePath as NSString).appendingPathComponent(path)) }
                    try link(from: from, to: to, relative: path, into: &attributes, sourcePath: sourcePath)
                    attributes.append((path, info.st_mode & 0o7777, info.st_uid, info.st_gid))
                case S_IFREG:
                    // flags 0: a link at `name` would be linked itself, never its target (and none gets here).
                    if linkat(source, name, target, name, 0) != 0 {
                        guard errno == EXDEV || errno == EPERM || errno == EMLINK else { throw error(path) }
                        guard let bytes = read(sourcePath, path) else { throw error(path) }
                        let fd = openat(target, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, info.st_mode & 0o7777)
                        guard fd >= 0 else { throw error(path) }
                        _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
                        close(fd)
                    }
                default:
                    throw .notOurs(path: (sourcePath as NSString).appendingPathComponent(path), reason: "a link, device, pipe or socket inside the output")
                }
            }
        }

        /// The names in a directory (not "." and "..").
        static func entries(_ directory: Int32) -> [String] {
            let copy = dup(directory)
            guard copy >= 0, let stream = fdopendir(copy) else { return [] }
            defer { closedir(stream) }
            var names: [String] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != ".", name != ".." { names.append(name) }
            }
            return names
        }

        /// Removes `name` in `directory` and everything below it, never following a link.
        static func removeEntry(_ directory: Int32, _ name: String) -> Bool {
            var info = stat()
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return errno == ENOENT }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { return unlinkat(directory, name, 0) == 0 }
            let inner = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard inner >= 0 else { return false }
            for entry in entries(inner) where !removeEntry(inner, entry) { close(inner); return false }
            close(inner)
            return unlinkat(directory, name, AT_REMOVEDIR) == 0
        }

        /// Removes the directory at `path` (a staging tree) and everything below it, never following a link.
        static func remove(_ path: String) -> Bool {
            let (parent, name) = OutputDirectory.split(path)
            let directory = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard directory >= 0 else { return false }
            defer { close(directory) }
            return removeEntry(directory, name)
        }
    }

    static func reason(_ error: any Error) -> String { (error as NSError).localizedDescription }
}
