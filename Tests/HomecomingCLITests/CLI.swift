import Foundation
import Testing

/// Runs the built `homecoming` executable in a scratch directory, as a user or cron would.
struct CLI {
    /// The package root (for the bundled Data/ and the fixtures).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The executable, built beside the test bundle.
    static var executable: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("homecoming")
    }

    /// The options a chart's provenance (NAME.json) records, read as a user's JSON tool reads them.
    static func chartOptions(_ path: String) throws -> [String: String] {
        struct Provenance: Decodable { var options: [String: String] }
        return try JSONDecoder().decode(Provenance.self, from: Data(contentsOf: URL(fileURLWithPath: path))).options
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh scratch directory; `database` is where the store goes.
    let directory: URL
    var database: String { directory.appendingPathComponent("store.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("homecoming-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs `homecoming ARGS --database <scratch store>` with `--now 2026-11-26` unless given.
    @discardableResult
    func run(_ arguments: [String], database: Bool = true, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = CLI.executable
        var args = arguments
        if database, !args.contains("--database") { args += ["--database", self.database] }
        if database, !args.contains("--now"), !args.contains("--help"), !args.contains("--version") { args += ["--now", "2026-11-26"] }
        process.arguments = args
        process.currentDirectoryURL = directory
        var env = ["PATH": "/usr/bin:/bin", "USER": "tester", "HOMECOMING_DATA": CLI.packageRoot.appendingPathComponent("Data").path]
        env.merge(environment) { $1 }
        process.environment = env
        let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// A process started in the background, its standard error going to a file.
    struct Running {
        var process: Process
        var stderr: URL

        /// Waits (polling, bounded) until standard error contains `text`.
        func waitFor(_ text: String, timeout: Double = 60) throws -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let data = FileManager.default.contents(atPath: stderr.path), String(decoding: data, as: UTF8.self).contains(text) { return true }
                if !process.isRunning { return false }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Starts `homecoming ARGS` without waiting for it.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments + ["--database", database, "--now", "2026-11-26"]
        process.currentDirectoryURL = directory
        var env = ["PATH": "/usr/bin:/bin", "USER": "tester", "HOMECOMING_DATA": CLI.packageRoot.appendingPathComponent("Data").path,
                   "HOMECOMING_TEMPLATES": CLI.packageRoot.appendingPathComponent("Templates").path]
        env.merge(environment) { $1 }
        process.environment = env
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, stderr: err)
    }

    /// Every file below `path`, relative path → bytes (hidden files included).
    static func tree(_ path: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full) ?? Data()
            }
        }
        return files
    }

    /// Writes a file into the scratch directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The bytes of the store file.
    func storeBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: database)) }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}
