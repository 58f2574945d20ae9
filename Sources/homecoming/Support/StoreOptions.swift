import ArgumentParser
import Briefings
import ExchangeModel
import Foundation
import Logging

/// Options every command that uses the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite file holding the record (default: $HOMECOMING_DATABASE, else the configuration's, else Data/homecoming.sqlite). Created and seeded on first use.",
        valueName: "path"), completion: .file(extensions: ["sqlite"]))
    var database: String?

    @Option(name: .long, help: ArgumentHelp(
        "The directory of the bundled dataset that seeds a new database (default: $HOMECOMING_DATA, else Data).",
        valueName: "dir"), completion: .directory)
    var dataDir: String?

    @Flag(name: .long, help: "Create a new database empty instead of seeding it from the bundled dataset.")
    var noSeed = false

    @Option(name: .long, help: ArgumentHelp(
        "What \"now\" is: a day (2026-11-26) or an ISO 8601 instant (default: $SOURCE_DATE_EPOCH, else the clock). Records dated after today are refused.",
        valueName: "date"), transform: { text throws in try StoreOptions.reference(option: text) })
    var now: ReferenceTime?

    @Flag(name: .long, help: "Log what is done, on standard error.")
    var verbose = false

    /// The process's environment, copied once (Foundation builds a new dictionary on every call).
    var environment: [String: String] { Self.processEnvironment }
    private static let processEnvironment = ProcessInfo.processInfo.environment

    /// The seed directory after flags, environment and default.
    var seedDirectory: String { dataDir ?? environment["HOMECOMING_DATA"].flatMap { $0.isEmpty ? nil : $0 } ?? Resources.data }

    /// "Now": `--now`, else `$SOURCE_DATE_EPOCH`, else the clock. Resolved once, by `CommandContext`.
    func resolveNow() throws -> ReferenceTime {
        if let now { return now }
        return try Self.reference(option: nil, environment: environment)
    }

    static func reference(option: String?, environment: [String: String] = [:]) throws -> ReferenceTime {
        do {
            return try ReferenceTime.resolve(option: option, environment: environment)
        } catch let error as ReferenceTime.Invalid {
            if let reason = error.reason {
                throw ValidationError("\(error.source) \"\(error.value)\": \(reason); give a day such as 2026-11-26 (SOURCE_DATE_EPOCH takes seconds since 1970).")
            }
            throw ValidationError("\(error.source) \"\(error.value)\" is not a date: give YYYY-MM-DD or an ISO 8601 instant such as 2026-11-26T09:00:00Z (SOURCE_DATE_EPOCH takes seconds since 1970).")
        }
    }
}
