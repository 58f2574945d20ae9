import ExchangeModel

/// The record's own texts in one language: names from the vocabularies, notes and source details
/// in the language asked for, and what kind of figure a reported total is.
///
/// A Ukrainian text a row lacks is never replaced by the English one: the document says, in
/// Ukrainian, which field to fill (`homecoming check` lists such rows).
public struct RecordWords: Sendable {
    public let language: Language
    public let vocabularies: Vocabularies

    /// Words for `language` from `vocabularies`.
    public init(language: Language, vocabularies: Vocabularies) {
        self.language = language
        self.vocabularies = vocabularies
    }

    private func t(_ en: String, _ uk: String) -> String { language == .en ? en : uk }

    /// An entry's name in the language; a code no list has (which an import refuses) is shown as it is.
    public func name(_ kind: Vocabulary.Kind, _ code: String) -> String {
        guard let entry = vocabularies[kind][code] else { return code }
        return language == .en ? entry.name : entry.nameUK
    }

    /// "USA and UAE" / "США та ОАЕ".
    public func mediators(_ exchange: Exchange) -> String? {
        let names = Vocabulary.codes(in: exchange.mediator).map { name(.mediator, $0) }
        return names.isEmpty ? nil : list(names)
    }

    /// "A, B and C" / "A, B та C".
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + t(" and ", " та ") + items[items.count - 1]
    }

    /// The text of a field in the language: the English field, or its Ukrainian twin; when that is
    /// empty although the English is not, a note saying which field to fill.
    public func text(english: String?, ukrainian: String?, field: String) -> String? {
        guard language == .uk else { return english }
        if let ukrainian { return ukrainian }
        return english == nil ? nil : Self.missingUkrainian(field)
    }

    /// «[українського тексту ще немає: заповніть поле notes_uk]».
    public static func missingUkrainian(_ field: String) -> String {
        "[українського тексту ще немає: заповніть поле \(field)]"
    }

    /// The exchange's notes in the language, their dates kept on one line.
    public func notes(_ e: Exchange) -> String? {
        text(english: e.notes, ukrainian: e.notesUK, field: ExchangeField.notesUK.rawValue).map(Self.gluingDates)
    }

    /// Month names as the record's notes write them: in full, abbreviated in English, in the Ukrainian genitive.
    static let months = Language.englishMonths + Language.englishMonths.map { String($0.prefix(3)) }.filter { $0 != "May" }
        + Language.ukrainianMonthsGenitive

    /// "17 March 2022", «17 березня 2022 р.»: a no-break space between a day, its month, its year and «р.»,
    /// and inside a number's digit groups ("1 000"),
    /// so that a wrapped line never separates them. Typography only: the words are the record's.
    static func gluingDates(_ text: String) -> String {
        var out = text
        let alternatives = months.joined(separator: "|")
        out = out.replacingOccurrences(of: "\\b(\\d{1,2}) (" + alternatives + ")\\b", with: "$1\u{00A0}$2", options: .regularExpression)
        out = out.replacingOccurrences(of: "\\b(" + alternatives + ") (\\d{4})\\b", with: "$1\u{00A0}$2", options: .regularExpression)
        out = out.replacingOccurrences(of: "\\b(\\d{4}) р\\.", with: "$1\u{00A0}р.", options: .regularExpression)
        // Digit groups ("1 000") stay together too.
        out = out.replacingOccurrences(of: "\\b(\\d{1,3}) (\\d{3})\\b", with: "$1\u{00A0}$2", options: .regularExpression)
        return out
    }

    /// A known gap's explanation in the language (its Ukrainian is required by the file's reader).
    public func explanation(_ g: KnownGap) -> String {
        Self.gluingDates(language == .uk ? g.explanationUK : g.explanation)
    }

    /// A known gap's source, named as rows name theirs.
    public func source(_ g: KnownGap) -> String {
        source(publication: g.publication, detail: text(english: g.sourceDetail, ukrainian: g.sourceDetailUK, field: "source_detail_uk"),
               url: g.sourceURL)
    }

    /// The reported total's notes in the language.
    public func notes(_ r: ReportedTotal) -> String? {
        text(english: r.notes, ukrainian: r.notesUK, field: ReportedTotalField.notesUK.rawValue)
    }

    /// "Ukrainska Pravda, background to a report of 1 Apr 2022" / «Українська правда, …»; the
    /// address's host where a row names no publication.
    public func source(_ e: Exchange) -> String {
        source(publication: e.publication, detail: text(english: e.sourceDetail, ukrainian: e.sourceDetailUK,
                                                        field: ExchangeField.sourceDetailUK.rawValue), url: e.sourceURL)
    }

    /// The same for a reported total.
    public func source(_ r: ReportedTotal) -> String {
        source(publication: r.publication, detail: text(english: r.sourceDetail, ukrainian: r.sourceDetailUK,
                                                        field: ReportedTotalField.sourceDetailUK.rawValue), url: r.sourceURL)
    }

    /// The publication's name alone, or the address's host.
    public func publication(_ code: String?, url: String) -> String {
        code.map { name(.publication, $0) } ?? Self.host(url)
    }

    private func source(publication code: String?, detail: String?, url: String) -> String {
        let name = publication(code, url: url)
        guard let detail else { return name }
        return "\(name), \(Self.gluingDates(detail))"
    }

    static func host(_ url: String) -> String {
        let rest = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: true)
        return rest.count > 1 ? String(rest[1]) : url
    }

    // MARK: - Reported totals

    /// A reported figure with its qualifier: "about 1,600", «щонайменше 8 000».
    public func value(_ r: ReportedTotal) -> String {
        let number = language.number(r.value ?? 0)
        switch r.qualifier {
        case .about: return t("about \(number)", "близько \(number)")
        case .atLeast: return t("at least \(number)", "щонайменше \(number)")
        case .atMost: return t("at most \(number)", "щонайбільше \(number)")
        case .exact, nil: return number
        }
    }

    /// Who counted and who announced: "counted by: Coordination HQ…; statement by: Andriy Yusov".
    public func attribution(_ r: ReportedTotal) -> String {
        var parts: [String] = []
        if let body = r.countedBy {
            parts.append(t("counted by: ", "підрахунок: ") + name(.reportingBody, body))
        } else {
            parts.append(t("the source names no counting body", "джерело не називає, хто рахував"))
        }
        if let person = r.announcedBy { parts.append(t("statement by: ", "заява: ") + name(.reportingBody, person)) }
        return parts.joined(separator: "; ")
    }

    /// What the figure takes in, where the source says: "via exchanges only".
    public func scope(_ r: ReportedTotal) -> String? {
        switch r.counts {
        case .exchanges: t("via exchanges only", "лише повернені під час обмінів")
        case .allReturns: t("including people freed outside exchanges", "разом зі звільненими поза обмінами")
        case .withoutChildren: t("children counted separately", "без дітей, яких рахують окремо")
        case .withForeigners: t("Ukrainians and foreign nationals together", "разом з іноземцями")
        case nil: nil
        }
    }

    /// For a derived figure: "derived by Homecoming: 1,358 − 356".
    public func derivation(_ r: ReportedTotal) -> String? {
        guard let d = r.derivedFrom, let terms = ReportedTotal.terms(of: d) else { return nil }
        let sum = terms.enumerated().map { i, n in
            i == 0 ? language.number(n) : (n < 0 ? "− " : "+ ") + language.number(abs(n))
        }.joined(separator: " ")
        return t("derived by Homecoming: \(sum)", "обчислено Homecoming: \(sum)")
    }

    /// Everything a reader must know about a reported figure, in one parenthesis' worth of words:
    /// "counted by: …; via exchanges only; derived by Homecoming: 1,358 − 356".
    public func kind(_ r: ReportedTotal, attribution withAttribution: Bool = true) -> String {
        ((withAttribution ? [attribution(r)] : []) + [scope(r), derivation(r)].compactMap { $0 }).joined(separator: "; ")
    }
}
