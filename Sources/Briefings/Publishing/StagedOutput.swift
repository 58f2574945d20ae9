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

    /// The files among `files` whose bytes differ from what the output holds now.
    public static func changes(_ files: [(path: String, bytes: [UInt8])], in output: String) -> [(path: String, bytes: [UInt8])] {
        files.filter { file in
            let path = (output as NSString).appendingPathComponent(file.path)
            guard let existing = FileManager.default.contents(atPath: path), existing.count == file.bytes.count else { return true }
            return [UInt8](existing) != file.bytes
        }
    }

    /// A point where a test can stop the process (`HOMECOMING_TEST_PAUSE=<step>`); never set in production.
    public typealias Checkpoint = (String) throws -> Void

    /// Publishes `changed` into `output`, keeping everything else it holds.
    ///
    /// - Returns: whether the whole directory was swapped atomically (false: file by file, where the file system cannot swap).
    @discardableResult
    public static func publish(_ changed: [(path: String, bytes: [UInt8])], to output: String, checkpoint: Checkpoint) throws(PublishError) -> Bool {
        let manager = FileManager.default
        let staging = stagingPrefix(for: output) + String(getpid())
        let exists = manager.fileExists(atPath: output)
        // A read-only output is the owner's choice: it is not swapped away behind their back.
        if exists, access(output, W_OK) != 0 {
            throw .cannotCreate(path: output, reason: "the directory is read-only")
        }
        do {
            try? manager.removeItem(atPath: staging)
            if exists {
                try linkTree(from: output, to: staging)
            } else {
                try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            }
        } catch let error as PublishError {
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .cannotCreate(path: staging, reason: reason(error))
        }
        do {
            for (index, file) in changed.enumerated() {
                let path = (staging as NSString).appendingPathComponent(file.path)
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                // A new inode: the hard link to the old file is replaced, not written through.
                try? manager.removeItem(atPath: path)
                guard manager.createFile(atPath: path, contents: Data(file.bytes)) else {
                    throw PublishError.cannotCreate(path: path, reason: "the directory is not writable, or the disk is full")
                }
                if index == 0 { try checkpoint("staged-some") }
            }
            try checkpoint("staged")
        } catch let error as PublishError {
            try? manager.removeItem(atPath: staging)
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .cannotCreate(path: staging, reason: reason(error))
        }
        if !exists {
            guard rename(staging, output) == 0 else {
                let code = errno
                try? manager.removeItem(atPath: staging)
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
            try? manager.removeItem(atPath: staging)
            throw .cannotCreate(path: output, reason: String(cString: strerror(code)))
        }
        // The file system cannot swap directories: move the changed files in one by one, each atomically.
        for file in changed {
            let source = (staging as NSString).appendingPathComponent(file.path)
            let target = (output as NSString).appendingPathComponent(file.path)
            do { try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true) } catch {
                throw .cannotCreate(path: target, reason: reason(error))
            }
            guard rename(source, target) == 0 else {
                let code = errno
                throw .cannotCreate(path: target, reason: String(cString: strerror(code)))
            }
        }
        try? manager.removeItem(atPath: staging)
        return false
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
