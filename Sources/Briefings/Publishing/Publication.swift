import Foundation

/// The one way Homecoming publishes, whatever it publishes (a weekly job, a briefing, charts):
/// check that the output is Homecoming's → take its lock → remove what killed runs left →
/// stage every file that changed → swap the new tree in. Nothing outside the output is made but
/// its lock file and its staging directory, beside it, both created exclusively and never followed.
public final class Publication {
    /// The directory given: where this run's files go.
    public let directory: String
    /// The directory that is swapped in as a whole (the same, or the output around it).
    public let output: String
    /// Where the files given to `add` go inside it ("" or "charts/" for charts inside an output).
    public let prefix: String
    /// Staging directories of killed runs that were removed.
    public let removedLeftovers: Int
    private let lock: OutputLock
    private let stager: StagedOutput.Stager

    /// Opens a publication of `directory`. When `directory` lies inside an output Homecoming
    /// publishes (charts in `Output/charts`), the outermost such output is published, with the
    /// files under their place in it, so that one lock and one swap cover both.
    ///
    /// - Parameters:
    ///   - wait: seconds to wait for another run's lock, then `PublishError.locked`.
    ///   - force: stage every file, even one the output already holds as it is.
    public init(_ directory: String, wait: Int, force: Bool = false,
                checkpoint: @escaping StagedOutput.Checkpoint = { _ throws(PublishError) in }) throws(PublishError) {
        let directory = OutputDirectory.canonical(directory)
        self.directory = directory
        (output, prefix) = Self.root(of: directory)
        // Checked before the lock is made beside it: nothing is created next to what is not ours.
        try OutputDirectory.check(output)
        if !prefix.isEmpty { try OutputDirectory.checkInsideOutput((output as NSString).appendingPathComponent(prefix)) }
        lock = try OutputLock(path: StagedOutput.lockPath(for: output), wait: wait)
        try checkpoint("locked")
        removedLeftovers = StagedOutput.removeLeftovers(of: output)
        stager = try StagedOutput.Stager(output: output, force: force, checkpoint: checkpoint)
    }

    /// Stages one file (a path relative to the directory given), if it differs from the output's.
    public func add(_ path: String, _ bytes: [UInt8]) throws(PublishError) { try stager.add(prefix + path, bytes) }

    /// Removes a directory (relative to the directory given) from the new tree.
    public func remove(_ relativeDirectory: String) throws(PublishError) { try stager.remove(prefix + relativeDirectory) }

    /// The paths staged so far, relative to the output.
    public var changed: [String] { stager.changed }

    /// Swaps the new tree in: nil when nothing changed (nothing is written).
    public func commit() throws(PublishError) -> Bool? {
        defer { withExtendedLifetime(lock) {} }
        return try stager.commit()
    }

    /// Drops the staging tree (after a failure); the output stays as it was.
    public func abort() { stager.abort() }

    /// The outermost marked output above `directory` and the path below it, or `directory` itself.
    static func root(of directory: String) -> (output: String, prefix: String) {
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        var url = target.deletingLastPathComponent()
        var found: URL?
        while url.pathComponents.count > 1 {
            if OutputDirectory.isRegularFile(url.appendingPathComponent(OutputDirectory.marker).path) { found = url }
            url.deleteLastPathComponent()
        }
        guard let found else { return (directory, "") }
        let below = target.pathComponents.dropFirst(found.pathComponents.count).joined(separator: "/")
        return (found.path, below.isEmpty ? "" : below + "/")
    }
}
