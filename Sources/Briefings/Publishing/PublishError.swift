/// Why publishing stopped. Each case says what a person can do; the CLI maps them to exit codes.
public enum PublishError: Error, Sendable, CustomStringConvertible {
    /// Another run holds the lock.
    case locked(holder: Int32?, waited: Int, lockPath: String)
    /// The output cannot be created or replaced (read-only, full).
    case cannotCreate(path: String, reason: String)
    /// The directory that would hold the output does not exist: Homecoming does not make it.
    case missingParent(path: String, parent: String)
    /// Reading or writing failed in a way that is not about permissions or space.
    case io(path: String, reason: String)
    /// The path is not Homecoming's to write: a file, a device, a link, or a directory of other things.
    case notOurs(path: String, reason: String)

    public var description: String {
        switch self {
        case let .locked(holder, waited, lockPath):
            let who = holder.map { "another homecoming run (pid \($0))" } ?? "another homecoming run"
            return "\(who) is writing the output (lock \(lockPath)); waited \(waited) s.\n    fix: try again later, or pass --wait SECONDS to wait for it."
        case let .cannotCreate(path, reason):
            return "cannot write \(path): \(reason).\n    fix: check that the output directory and its parent are writable and the disk has space; the previous output is as it was."
        case let .missingParent(path, parent):
            return "cannot write \(path): its parent \(parent) does not exist (Homecoming creates the output directory, not the ones above it).\n    fix: create \(parent) first, or give --out a directory whose parent exists; nothing was written."
        case let .notOurs(path, reason):
            return "refusing to publish into \(path): \(reason).\n    fix: give --out a new or empty directory, or one Homecoming made (it holds \(OutputDirectory.marker)); nothing was written."
        case let .io(path, reason):
            return "input/output error at \(path): \(reason).\n    fix: check the disk and try again; the previous output is as it was."
        }
    }
}
