import Foundation

/// Writes files so that a reader never sees a half-written one: each goes to a temporary
/// name in the same directory and is renamed into place.
public enum AtomicFiles {
    /// A failure writing output, with the path.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes every file into `directory` (created if needed); existing files with the same bytes are left untouched.
    @discardableResult
    public static func write(_ files: [(path: String, bytes: [UInt8])], to directory: String) throws(Failure) -> [String] {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: directory, reason: reason(error))
        }
        var written: [String] = []
        for (name, bytes) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let folder = (path as NSString).deletingLastPathComponent
            if folder != directory {
                do { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    throw Failure(path: folder, reason: reason(error))
                }
            }
            if let existing = manager.contents(atPath: path), existing.count == bytes.count, [UInt8](existing) == bytes { continue }
            let temporary = (folder as NSString).appendingPathComponent(".\((name as NSString).lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
            guard manager.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw Failure(path: path, reason: "the directory is not writable, or the disk is full")
            }
            if rename(temporary, path) != 0 {
                let code = errno
                try? manager.removeItem(atPath: temporary)
                throw Failure(path: path, reason: String(cString: strerror(code)))
            }
            written.append(path)
        }
        return written
    }

    private static func reason(_ error: any Error) -> String { (error as NSError).localizedDescription }
}
