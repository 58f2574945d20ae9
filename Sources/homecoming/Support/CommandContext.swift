import ArgumentParser
import ExchangeModel
import ExchangeStore
import Foundation
import Logging

/// What a command needs to run: "now", a logger and, on demand, the open store.
struct CommandContext {
    let options: StoreOptions
    let now: ReferenceTime
    let logger: Logger

    init(_ options: StoreOptions, command: String) throws {
        self.options = options
        now = try ReferenceTime.resolve(option: options.now, environment: options.environment)
        var logger = Logger(label: "homecoming.\(command)")
        logger.logLevel = options.verbose ? .info : .warning
        self.logger = logger
    }

    /// Who is making a change: `--by`, else `$USER`, else "unknown".
    func person(_ by: String?) -> String {
        by ?? options.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    }

    /// Opens the store, creating and seeding it on first use with one line on standard error.
    func openStore(by: String? = nil, path override: String? = nil) throws -> ExchangeStore {
        let path = override ?? options.databasePath
        let (store, outcome) = try ExchangeStore.open(path: path, seed: options.noSeed ? nil : options.seedDirectory,
                                                      now: now, by: person(by), logger: logger)
        if case let .created(seeded) = outcome {
            if let seeded {
                Console.error("homecoming: created \(path) and seeded it from \(options.seedDirectory)/ with \(seeded.exchangesAdded) exchanges and \(seeded.totalsAdded) reported totals.")
            } else {
                Console.error("homecoming: created \(path), empty (--no-seed).")
            }
        }
        return store
    }

    /// The vocabularies of the dataset's directory (`--data-dir`, `$HOMECOMING_DATA`, else `Data`).
    func vocabularies() throws(StoreError) -> Vocabularies {
        try Vocabularies.load(directory: options.seedDirectory)
    }

    /// What the dataset's directory knows about gaps between the record and reported totals (`known_gaps.csv`).
    func knownGaps() throws(StoreError) -> [KnownGap] {
        try KnownGap.load(directory: options.seedDirectory, vocabularies: try vocabularies())
    }

    /// The rules user input is checked with: nothing dated after today.
    var rules: ValidationRules { ValidationRules(today: now.today) }
}

/// Runs a command body, turning every failure into one readable block on standard error and a documented exit code.
func runReportingErrors(_ command: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let StoreError.invalidData(file, diagnostics) {
        // Compiler style: every problem on its own, then one summary line.
        let count = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
        Console.error(diagnostics.map(\.description).joined(separator: "\n"))
        Console.error("homecoming \(command): \(count) in \(file); nothing was changed. Fix them and run the command again.")
        throw ExitCode(ExitStatus.dataError)
    } catch let error as StoreError {
        Console.error("homecoming \(command): \(error)")
        throw ExitCode(ExitStatus.code(for: error))
    } catch let error as CommandFailure {
        Console.error("homecoming \(command): \(error.message)")
        throw ExitCode(error.status)
    }
}

/// A failure the command itself detects, with its exit status.
struct CommandFailure: Error {
    var message: String
    var status: Int32
}
