import ExchangeModel

/// The languages Homecoming publishes in.
public enum Language: String, CaseIterable, Sendable {
    case en, uk

    /// Whole numbers as the language writes them: 1,358 or 1 358 (with a no-break space).
    public func number(_ value: Int) -> String { value.grouped(separator: groupingSeparator) }

    /// "," in English; a no-break space in Ukrainian (as CLDR and Foundation write it).
    public var groupingSeparator: String { self == .en ? "," : "\u{00A0}" }

    /// A signed difference: +13, −141.
    public func signed(_ value: Int) -> String { value > 0 ? "+" + number(value) : number(value) }

    /// "30 December 2024" / "30 грудня 2024 р."
    public func longDate(_ day: Day) -> String {
        switch self {
        case .en: "\(day.day) \(Language.englishMonths[day.month - 1]) \(day.year)"
        case .uk: "\(day.day) \(Language.ukrainianMonthsGenitive[day.month - 1]) \(day.year) р."
        }
    }

    /// "30 Dec 2024" / "30 груд. 2024 р."
    public func shortDate(_ day: Day) -> String {
        "\(day.day) \(shortMonth(day.month)) \(day.year)" + (self == .uk ? " р." : "")
    }

    /// "30 December" / "30 грудня"
    public func dayMonthLong(_ day: Day) -> String {
        switch self {
        case .en: "\(day.day) \(Language.englishMonths[day.month - 1])"
        case .uk: "\(day.day) \(Language.ukrainianMonthsGenitive[day.month - 1])"
        }
    }

    /// "30 Dec" / "30 груд."
    public func dayMonth(_ day: Day) -> String { "\(day.day) \(shortMonth(day.month))" }

    /// "Dec" / "груд."
    public func shortMonth(_ month: Int) -> String {
        switch self {
        case .en: String(Language.englishMonths[month - 1].prefix(3))
        case .uk: Language.ukrainianMonthsShort[month - 1]
        }
    }

    /// "Dec 2024" / "груд. 2024"
    public func monthYear(_ day: Day) -> String { "\(shortMonth(day.month)) \(day.year)" }

    /// A count with its noun in the right plural form: `count(5, .exchange)` → "5 exchanges" / "5 обмінів".
    public func count(_ n: Int, _ noun: Noun) -> String { "\(number(n)) \(form(n, noun))" }

    /// The noun's form for `n` (CLDR plural rules: English one/other, Ukrainian one/few/many).
    public func form(_ n: Int, _ noun: Noun) -> String {
        let forms = noun.forms(self)
        switch self {
        case .en: return n == 1 ? forms.one : forms.other
        case .uk: return switch Language.ukrainianCategory(n) {
            case .one: forms.one
            case .few: forms.few
            case .many: forms.other
            }
        }
    }

    enum UkrainianCategory { case one, few, many }

    /// CLDR plural category for Ukrainian integers.
    static func ukrainianCategory(_ n: Int) -> UkrainianCategory {
        let mod10 = n % 10, mod100 = n % 100
        if mod10 == 1, mod100 != 11 { return .one }
        if (2...4).contains(mod10), !(12...14).contains(mod100) { return .few }
        return .many
    }

    /// «якому» or «яких», agreeing with a count in the genitive ("без 21 етапу, … на якому").
    static func ukrainianWhich(_ n: Int) -> String { ukrainianCategory(n) == .one ? "якому" : "яких" }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]
    static let ukrainianMonthsGenitive = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
                                          "вересня", "жовтня", "листопада", "грудня"]
    /// As ДСТУ 3582:2013 abbreviates them ("листоп.", not "лист.", which reads as a word).
    static let ukrainianMonthsShort = ["січ.", "лют.", "берез.", "квіт.", "трав.", "черв.", "лип.", "серп.", "верес.",
                                       "жовт.", "листоп.", "груд."]
}

/// Nouns that are counted in the output, with their plural forms.
public enum Noun: Sendable {
    case exchange, person, stage, row, year, day, military, civilian, body
    /// People as the object of a verb in Ukrainian ("повернуто 1 людину", "повернуто 1 461 людину").
    case personObject
    /// After a preposition that governs the genitive in Ukrainian ("під час 11 обмінів", "без 9 етапів").
    case exchangeGenitive, stageGenitive
    /// Counted after "на" or "по" in Ukrainian, in the accusative ("на 138 осіб менше", "на 1 особу").
    case personAccusative
    /// Sources of figures ("та ще 33 джерела").
    case source
    /// Corrections to the record ("внесено 2 виправлення").
    case correction
    /// People after a preposition that governs the genitive in Ukrainian ("без 53 людей").
    case personGenitive
    /// Bodies after a genitive in Ukrainian ("репатріацію 6 057 тіл").
    case bodyGenitive

    /// (one, few, other): English uses one and other; Ukrainian one, few and many (other).
    func forms(_ language: Language) -> (one: String, few: String, other: String) {
        switch (self, language) {
        case (.exchange, .en): ("exchange", "exchanges", "exchanges")
        case (.exchange, .uk): ("обмін", "обміни", "обмінів")
        case (.person, .en): ("person", "people", "people")
        case (.person, .uk): ("людина", "людини", "людей")
        case (.stage, .en): ("stage", "stages", "stages")
        case (.stage, .uk): ("етап", "етапи", "етапів")
        case (.row, .en): ("row", "rows", "rows")
        case (.row, .uk): ("запис", "записи", "записів")
        case (.year, .en): ("year", "years", "years")
        case (.year, .uk): ("рік", "роки", "років")
        case (.military, .en): ("military", "military", "military")
        case (.military, .uk): ("військовий", "військові", "військових")
        case (.civilian, .en): ("civilian", "civilians", "civilians")
        case (.civilian, .uk): ("цивільний", "цивільні", "цивільних")
        case (.body, .en): ("body", "bodies", "bodies")
        case (.body, .uk): ("тіло", "тіла", "тіл")
        case (.personObject, .en): ("person", "people", "people")
        case (.personObject, .uk): ("людину", "людини", "людей")
        case (.day, .en): ("day", "days", "days")
        case (.day, .uk): ("день", "дні", "днів")
        case (.exchangeGenitive, .en): ("exchange", "exchanges", "exchanges")
        case (.exchangeGenitive, .uk): ("обміну", "обмінів", "обмінів")
        case (.stageGenitive, .en): ("stage", "stages", "stages")
        case (.stageGenitive, .uk): ("етапу", "етапів", "етапів")
        case (.personAccusative, .en): ("person", "people", "people")
        case (.personAccusative, .uk): ("особу", "особи", "осіб")
        case (.source, .en): ("source", "sources", "sources")
        case (.source, .uk): ("джерело", "джерела", "джерел")
        case (.bodyGenitive, .en): ("body", "bodies", "bodies")
        case (.bodyGenitive, .uk): ("тіла", "тіл", "тіл")
        case (.personGenitive, .en): ("person", "people", "people")
        case (.personGenitive, .uk): ("людини", "людей", "людей")
        case (.correction, .en): ("correction", "corrections", "corrections")
        case (.correction, .uk): ("виправлення", "виправлення", "виправлень")
        }
    }
}
