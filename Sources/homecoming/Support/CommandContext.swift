import ArgumentParser
import Briefings
import ExchangeModel
import ExchangeStore
import Foundation
import Logging

/// What a command needs to run: "now" (resolved once), its logger and, on demand, the open store.
struct CommandContext {
    let options: StoreOptions
    let now: ReferenceTime
    let logger: Logger

    /// - Parameter level: the least level logged; by default notices (info with `--verbose`).
    init(_ options: StoreOptions, command: String, format: LogOutput.Format = .text, level: Logger.Level? = nil) throws {
        self.options = options
        logger = LogOutput.start(command, format: format, level: level ?? (options.verbose ? .info : .notice))
        do { now = try options.resolveNow() } catch {
            throw CommandFailure(message: "\(error)", status: ExitStatus.usage)
        }
    }

    /// Who is making a change: `--by`, else `$USER`, else "unknown".
    func person(_ by: String? = nil) -> String {
        by ?? options.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    }

    /// The settings every command shares (flags, environment, file, defaults), from `flags`.
    func settings(_ flags: Settings.Flags) throws -> Settings {
        var flags = flags
        flags.database = flags.database ?? options.database
        do { return try Settings.resolve(flags: flags, environment: options.environment) } catch {
            throw PipelineFailure(configuration: error)
        }
    }

    /// The dataset, "now" and who makes the changes, as the publishing jobs take them.
    func source(by: String? = nil) -> RecordSource {
        RecordSource(dataDirectory: options.seedDirectory, seed: !options.noSeed, now: now, person: person(by))
    }

    /// Opens the store the settings name, creating and seeding it on first use (said once, on standard error).
    func openStore(by: String? = nil) throws -> ExchangeStore {
        try source(by: by).open(try settings(Settings.Flags()).database.value, logger: logger)
    }

    /// The vocabularies of the dataset's directory (`--data-dir`, `$HOMECOMING_DATA`, else `Data`).
    func vocabularies() throws(StoreError) -> Vocabularies {
        try source().vocabularies()
    }

    /// The rules user input is checked with: nothing dated after today.
    var rules: ValidationRules { ValidationRules(today: now.today) }
}

/// Runs a command body, turning every failure into one readable block on standard error and a documented exit code.
func runReportingErrors(_ command: String, format: LogOutput.Format = .text, _ body: () throws -> Void) throws {
    let log = LogOutput.start(command, format: format, level: .notice)
    do {
        try body()
    } catch let StoreError.invalidData(file, diagnostics) {
        // Compiler style: every problem on its own, then one summary line.
        let count = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
        log.error("\(diagnostics.map(\.description).joined(separator: "\n"))")
        log.error("homecoming \(command): \(count) in \(file); nothing was changed. Fix them and run the command again.", metadata: ["exit_code": "\(ExitStatus.dataError)"])
        throw ExitCode(ExitStatus.dataError)
    } catch let error as StoreError {
        log.error("homecoming \(command): \(error)", metadata: ["exit_code": "\(ExitStatus.code(for: error))"])
        throw ExitCode(ExitStatus.code(for: error))
    } catch let error as PipelineFailure {
        log.error("homecoming \(command): \(error)", metadata: ["exit_code": "\(error.status)"])
        throw ExitCode(error.status)
    } catch let error as CommandFailure {
        log.error("homecoming \(command): \(error.message)", metadata: ["exit_code": "\(error.status)"])
        throw ExitCode(error.status)
    }
}

/// A failure the command itself detects, with its exit status.
struct CommandFailure: Error {
    var message: String
    var status: Int32
}
