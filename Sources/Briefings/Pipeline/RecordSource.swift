import ExchangeModel
import ExchangeStore
import Logging

/// Where the record comes from, but for the store's path (a setting): the dataset that seeds a new
/// store and holds the vocabularies and known gaps, "now", and who makes the changes.
public struct RecordSource: Sendable {
    /// The dataset directory: the seed of a new store, the vocabularies, the known gaps.
    public var dataDirectory: String
    /// Whether a new store is seeded from the dataset (else it starts empty).
    public var seed: Bool
    public var now: ReferenceTime
    /// Who makes the changes a new store records.
    public var person: String

    public init(dataDirectory: String, seed: Bool, now: ReferenceTime, person: String) {
        self.dataDirectory = dataDirectory; self.seed = seed; self.now = now; self.person = person
    }

    /// Opens the store at `database`, creating and seeding it on first use, which is said once at notice level.
    public func open(_ database: String, logger: Logger) throws(StoreError) -> ExchangeStore {
        let (store, outcome) = try ExchangeStore.open(path: database, seed: seed ? dataDirectory : nil, now: now, by: person)
        if case let .created(seeded) = outcome {
            if let seeded {
                logger.notice("created \(database) and seeded it from \(dataDirectory)/ with \(seeded.exchangesAdded) exchanges and \(seeded.totalsAdded) reported totals.")
            } else {
                logger.notice("created \(database), empty (--no-seed).")
            }
        }
        return store
    }

    public func vocabularies() throws(StoreError) -> Vocabularies {
        try Vocabularies.load(directory: dataDirectory)
    }

    /// What the dataset knows about gaps between the record and reported totals (`known_gaps.csv`),
    /// its codes checked against `vocabularies`.
    public func knownGaps(_ vocabularies: Vocabularies) throws(StoreError) -> [KnownGap] {
        try KnownGap.load(directory: dataDirectory, vocabularies: vocabularies)
    }

    /// Everything a briefing is made from, out of the store at `database`.
    public func record(_ database: String, logger: Logger) throws(StoreError) -> BriefingDocuments.Record {
        let store = try open(database, logger: logger)
        let vocabularies = try vocabularies()
        return try BriefingDocuments.Record.read(from: store, vocabularies: vocabularies, knownGaps: try knownGaps(vocabularies))
    }
}
