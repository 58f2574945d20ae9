import ArgumentParser
import Foundation
import ExchangeModel
import Logging

/// The one logging system of a run: swift-log, bootstrapped once, writing every diagnostic
/// (progress, notices, warnings, errors) to standard error, as text for people or as one JSON
/// object per line for log collectors. Results (tables, exports) go to standard output.
enum LogOutput {
    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

    /// Bootstraps the logging system (once per process) and returns the command's logger.
    static func start(_ command: String, format: Format = .text, level: Logger.Level) -> Logger {
        bootstrap.once(format)
        var logger = Logger(label: "homecoming.\(command)")
        logger.logLevel = level
        return logger
    }

    private static let bootstrap = Once()

    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        func once(_ format: Format) {
            lock.lock()
            defer { lock.unlock() }
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { _ in Handler(format: format) }
        }
    }

    /// Text: a progress step as "[i/n] step", a notice as "homecoming: …", a warning as
    /// "homecoming: warning: …", anything else (errors: a readable block) as
    /// its message, with metadata other than the step after it. JSON: time (the clock's, not `--now`),
    /// level, message and metadata, keys sorted.
    struct Handler: LogHandler {
        let format: Format
        var logLevel: Logger.Level = .notice
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var fields = metadata.merging(event.metadata ?? [:]) { $1 }.mapValues { "\($0)" }
            switch format {
            case .text:
                let message = "\(event.message)"
                var line = switch event.level {
                case .warning: "homecoming: warning: \(message)"
                case .notice: "homecoming: \(message)"
                default: message
                }
                if let step = fields.removeValue(forKey: "step") { line = "[\(step)] \(line)" }
                fields["exit_code"] = nil // the exit status says it
                if !fields.isEmpty { line += " (" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")" }
                Console.error(line)
            case .json:
                fields["time"] = Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date())
                fields["level"] = event.level.rawValue
                fields["message"] = "\(event.message)"
                // One object a line, keys sorted (`JSONOutput`); a dictionary of strings always encodes.
                let line = (try? JSONOutput.encode(fields, layout: .line)).map { String(decoding: $0, as: UTF8.self) }
                Console.error(line ?? "{\"level\":\"error\",\"message\":\"a log record could not be encoded\"}")
            }
        }
    }
}
