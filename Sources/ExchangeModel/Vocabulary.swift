/// A small list of names the record refers to by code: mediators, publications, reporting bodies.
///
/// Rows hold codes; every output prints the entry's name in its own language. The lists live in
/// `Data/` as CSV files the user extends (`mediators.csv`, `publications.csv`, `reporting_bodies.csv`),
/// and an import refuses a code that is in none of them.
public struct Vocabulary: Sendable {
    /// What a vocabulary names, which is also the first column of its file.
    public enum Kind: String, CaseIterable, Sendable {
        case mediator
        case publication
        case reportingBody = "reporting_body"

        /// The file the list is kept in, inside the dataset's directory.
        public var fileName: String {
            switch self {
            case .mediator: "mediators.csv"
            case .publication: "publications.csv"
            case .reportingBody: "reporting_bodies.csv"
            }
        }

        /// What one entry is, in a message: "mediator", "publication", "reporting body".
        public var noun: String { rawValue.replacingOccurrences(of: "_", with: " ") }
    }

    /// One named thing, in English and in Ukrainian.
    public struct Entry: Hashable, Sendable {
        /// What rows write: short, stable, without spaces at either end (`coordination-hq`, `UAE`).
        public var code: String
        /// The name in English.
        public var name: String
        /// The name in Ukrainian (a brand may keep its Latin name: "Reuters").
        public var nameUK: String

        /// Creates an entry.
        public init(code: String, name: String, nameUK: String) {
            self.code = code
            self.name = name
            self.nameUK = nameUK
        }
    }

    public var kind: Kind
    /// The entries in file order.
    public private(set) var entries: [Entry] = []
    private var byCode: [String: Int] = [:]

    /// An empty list of `kind`.
    public init(kind: Kind) { self.kind = kind }

    /// A list of `kind` holding `entries` (a later entry with a code already given is ignored).
    public init(kind: Kind, entries: [Entry]) {
        self.kind = kind
        for entry in entries { add(entry) }
    }

    /// Adds an entry; returns false, changing nothing, when its code is already taken.
    @discardableResult
    public mutating func add(_ entry: Entry) -> Bool {
        guard byCode[entry.code] == nil else { return false }
        byCode[entry.code] = entries.count
        entries.append(entry)
        return true
    }

    /// The entry with `code`, if the list has one.
    public subscript(code: String) -> Entry? { byCode[code].map { entries[$0] } }

    /// The entry whose English name is `name`: for files in the old layout, which wrote names, not codes.
    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// Codes a field may hold several of are written `A; B`.
    public static func codes(in text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ";", omittingEmptySubsequences: false).map { part in
            var code = part[...]
            while code.first == " " { code = code.dropFirst() }
            while code.last == " " { code = code.dropLast() }
            return String(code)
        }
    }
}

/// The three vocabularies a record refers to.
public struct Vocabularies: Sendable {
    public var mediators = Vocabulary(kind: .mediator)
    public var publications = Vocabulary(kind: .publication)
    public var reportingBodies = Vocabulary(kind: .reportingBody)
    /// The directory the lists were read from, for messages; nil when they were built in code.
    public var directory: String?
    /// The kinds whose file was not in `directory` when the vocabularies were loaded.
    public var missingFiles: Set<Vocabulary.Kind> = []

    /// Empty vocabularies: a record that refers to none.
    public init() {}

    /// The vocabulary of `kind`.
    public subscript(kind: Vocabulary.Kind) -> Vocabulary {
        get {
            switch kind {
            case .mediator: mediators
            case .publication: publications
            case .reportingBody: reportingBodies
            }
        }
        set {
            switch kind {
            case .mediator: mediators = newValue
            case .publication: publications = newValue
            case .reportingBody: reportingBodies = newValue
            }
        }
    }

    /// The codes of an exchange's fields that are in none of the vocabularies, with the field and the kind.
    public func unknownCodes(in exchange: Exchange) -> [(field: ExchangeField, kind: Vocabulary.Kind, code: String)] {
        var out: [(ExchangeField, Vocabulary.Kind, String)] = []
        for code in Vocabulary.codes(in: exchange.mediator) where mediators[code] == nil { out.append((.mediator, .mediator, code)) }
        if let code = exchange.publication, publications[code] == nil { out.append((.publication, .publication, code)) }
        return out
    }

    /// The codes of a reported total's fields that are in none of the vocabularies.
    public func unknownCodes(in total: ReportedTotal) -> [(field: ReportedTotalField, kind: Vocabulary.Kind, code: String)] {
        var out: [(ReportedTotalField, Vocabulary.Kind, String)] = []
        if let code = total.countedBy, reportingBodies[code] == nil { out.append((.countedBy, .reportingBody, code)) }
        if let code = total.announcedBy, reportingBodies[code] == nil { out.append((.announcedBy, .reportingBody, code)) }
        if let code = total.publication, publications[code] == nil { out.append((.publication, .publication, code)) }
        return out
    }
}
