import ExchangeModel

/// Every word the charts print, per language. Numbers and dates come from `Language`; every date a
/// chart prints is held together by no-break spaces, so that no line ends between a day and its month.
struct ChartStrings {
    let language: Language

    private func t(_ en: String, _ uk: String) -> String { language == .en ? en : uk }
    private var isEnglish: Bool { language == .en }

    // MARK: - Dates and periods

    /// "30 December 2024" / "30 грудня 2024 р.", unbreakable.
    func longDate(_ day: Day) -> String { Self.unbreakable(language.longDate(day)) }
    /// "30 Dec 2024" / "30 груд. 2024", unbreakable.
    func shortDate(_ day: Day) -> String { Self.unbreakable(language.shortDate(day)) }
    /// "30 Dec" / "30 груд.", unbreakable.
    func dayMonth(_ day: Day) -> String { Self.unbreakable(language.dayMonth(day)) }

    /// The sentence with its full stop, unless it already ends with one ("… 2024 р.").
    static func ended(_ text: String) -> String { text.hasSuffix(".") ? text : text + "." }

    static func unbreakable(_ text: String) -> String { text.replacingOccurrences(of: " ", with: "\u{00A0}") }

    /// A period as a reader says it: "13 September 2024", "13–14 September 2024", "September 2024",
    /// "2024", "2022–2025", "1 September – 30 October 2024", "24 February 2022 – 1 December 2026".
    func span(_ start: Day, _ end: Day) -> String {
        let nb = "\u{00A0}"
        let wholeYears = start == start.startOfYear && end == end.endOfYear
        if wholeYears {
            return start.year == end.year ? t("\(start.year)", "\(start.year)\(nb)р.") : t("\(start.year)–\(end.year)", "\(start.year)–\(end.year)\(nb)рр.")
        }
        if start == end { return longDate(start) }
        let wholeMonth = start.year == end.year && start.month == end.month && start.day == 1
            && end.day == Day.daysIn(month: end.month, year: end.year)
        if wholeMonth { return t("\(Language.englishMonths[start.month - 1])\(nb)\(start.year)", "\(Self.ukrainianMonths[start.month - 1])\(nb)\(start.year)\(nb)р.") }
        if start.year == end.year, start.month == end.month {
            return Self.unbreakable("\(start.day)–" + language.longDate(end))
        }
        if start.year == end.year {
            return Self.unbreakable(language.dayMonthLong(start)) + " – " + longDate(end)
        }
        return longDate(start) + " – " + longDate(end)
    }

    /// The part of one year a bar covers: "2024", "2024, 1–30 Sep", "2024, from 1 Sep", "2026, to 1 Dec".
    func yearLabel(_ year: Int, from start: Day, to end: Day) -> String {
        let first = Day(year: year, month: 1, day: 1)!, last = Day(year: year, month: 12, day: 31)!
        switch (start <= first, end >= last) {
        case (true, true): return String(year)
        case (true, false): return t("\(year), to\u{00A0}", "\(year), до\u{00A0}") + dayMonth(end)
        case (false, true): return t("\(year), from\u{00A0}", "\(year), з\u{00A0}") + dayMonth(start)
        case (false, false):
            if start == end { return "\(year), " + dayMonth(start) }
            if start.month == end.month { return "\(year), " + Self.unbreakable("\(start.day)–" + language.dayMonth(end)) }
            return "\(year), " + dayMonth(start) + " – " + dayMonth(end)
        }
    }

    static let ukrainianMonths = ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
                                  "вересень", "жовтень", "листопад", "грудень"]

    // MARK: - Titles

    var perYearTitle: String { t("Ukrainians freed from Russian captivity, by year", "Українці, звільнені з російського полону, за роками") }
    func perYearSubtitle(_ span: String) -> String {
        t("People returned in prisoner exchanges, \(span)", "Люди, повернуті під час обмінів полоненими, \(span)")
    }
    var perExchangeTitleSinceInvasion: String { t("Every prisoner exchange since the full-scale invasion", "Кожен обмін полоненими від початку повномасштабного вторгнення") }
    func perExchangeTitle(_ span: String) -> String { t("Prisoner exchanges, \(span)", "Обміни полоненими, \(span)") }
    func perExchangeSubtitle(_ span: String) -> String {
        t("People returned in each exchange, \(span)", "Кількість людей, повернутих під час кожного обміну, \(span)")
    }
    func perPeriodTitle(monthly: Bool) -> String {
        monthly ? t("People returned from Russian captivity, by month", "Люди, повернуті з російського полону, за місяцями")
            : t("People returned from Russian captivity, by year", "Люди, повернуті з російського полону, за роками")
    }
    func perPeriodSubtitle(_ count: String, _ span: String, monthly: Bool) -> String {
        monthly ? t("\(count), \(span), summed per month", "\(count), \(span), сума за кожен місяць")
            : t("\(count), \(span), summed per year", "\(count), \(span), сума за кожен рік")
    }
    var cumulativeTitleSinceInvasion: String { t("People returned from Russian captivity since 24 February 2022", "Люди, повернуті з російського полону з 24 лютого 2022 року") }
    func cumulativeTitle(_ span: String, sinceInvasion: Bool) -> String {
        sinceInvasion ? t("Returned since 24 February 2022: running total, \(span)", "Повернуті з 24 лютого 2022 року: наростальний підсумок, \(span)")
            : t("People returned from Russian captivity: running total, \(span)", "Люди, повернуті з російського полону: наростальний підсумок, \(span)")
    }
    func cumulativeSubtitle(_ span: String, sinceInvasion: Bool, reported: Bool) -> String {
        let base = sinceInvasion ? t("The record's running total since 24 February 2022, shown for \(span)", "Наростальний підсумок за записом з 24 лютого 2022 року, показано за \(span)")
            : t("The record's running total from the start of the period, \(span)", "Наростальний підсумок за записом від початку періоду, \(span)")
        return base + (reported ? t(", beside the totals officials reported", ", поруч із підсумками, які оприлюднили посадовці") : "")
    }

    // MARK: - Legend

    var record: String { t("Record", "Запис") }
    var yearInProgress: String { t("Year in progress", "Рік ще триває") }
    var partOfYear: String { t("Part of the year only", "Лише частина року") }
    var partOfYearOrInProgress: String { t("Part of the year (cut by the period, or in progress)", "Частина року (обмежено періодом або рік триває)") }
    var reportedTotal: String { t("Reported total (the label says whose)", "Оприлюднений підсумок (хто — див. підпис)") }
    var latest: String { t("Latest exchange", "Останній обмін") }
    var lastInPeriod: String { t("Last exchange in the period", "Останній обмін за період") }
    var undisclosed: String { t("Number not disclosed", "Кількість не розголошено") }
    var notDisclosed: String { t("not disclosed", "не розголошено") }
    var runningTotal: String { t("Record, running total", "Запис, наростальний підсумок") }
    var reported: String { t("Reported by officials", "Оприлюднено посадовцями") }
    var reportedFloor: String { t("Reported as “more than”", "Оприлюднено як «понад»") }

    /// A reported total where it is drawn: what kind of figure it is, and whether the record agrees.
    func referenceLabel(_ total: PerYearChart.Official, agrees: Bool) -> String {
        let value = (total.isApproximate ? "≈" : "") + language.number(total.value)
        let kind = total.isDerived ? t("Derived", "Обчислено") : total.isNamed ? t("Official", "Офіційно") : t("Unattributed", "Джерело не назване")
        return "\(kind): \(value)" + (agrees ? t(" (same)", " (збігається)") : "")
    }

    // MARK: - Footer

    /// "Source: Homecoming record from A, B and 3 more; official totals: C".
    func source(_ names: [String], more: Int, reportedBy: [String], moreOfficials: Bool) -> String {
        var text = t("Source: Homecoming record", "Джерело: запис Homecoming")
        if !names.isEmpty { text += t(" from ", " за даними ") + names.joined(separator: ", ") }
        if more > 0 { text += t(" and \(more) more", " та ще \(more)") }
        if !reportedBy.isEmpty {
            text += t("; reported totals: ", "; оприлюднені підсумки: ") + reportedBy.joined(separator: ", ") + (moreOfficials ? t(" and others", " та інші") : "")
        }
        return text
    }

    func byline(_ organisation: String, author: String?) -> String {
        t("Chart: ", "Графік: ") + organisation + (author.map { " · \($0)" } ?? "")
    }

    func undisclosedNote(_ stages: Int) -> String {
        t("\(language.count(stages, .stage)) with undisclosed numbers: shown as ◇, never as zero; * marks a sum that leaves them out.",
          "\(language.count(stages, .stage)) з нерозголошеною кількістю: позначено ◇, а не нулем; * — сума без них.")
    }
    func undisclosedExcluded(_ year: Int, _ stages: Int) -> String {
        t("* \(year): at least this many; without \(language.count(stages, .stage)) whose numbers were not disclosed.",
          "* \(year): щонайменше стільки; без \(language.count(stages, .stageGenitive)), кількість яких не розголошено.")
    }
    func undisclosedExcludedYears(_ years: Int, _ stages: Int) -> String {
        t("* At least this many: \(language.count(years, .year)) leave out \(language.count(stages, .stage)) whose numbers were not disclosed.",
          "* Щонайменше стільки: \(language.count(years, .year)) без \(language.count(stages, .stageGenitive)), кількість яких не розголошено.")
    }
    var noExchange: String { t("no exchange in the record", "у записі немає обмінів") }
    var emptyYears: String { t("– no exchange in the record that year.", "– у записі немає обмінів за цей рік.") }
    func officialDiffers(_ items: [String]) -> String {
        t("Reported totals where they differ from the record: ", "Оприлюднені підсумки, де вони відрізняються від запису: ") + items.joined(separator: "; ") + "."
    }
    var derived: String { t("derived", "обчислено") }
    var approximate: String { t("approximate", "приблизно") }
    var unattributed: String { t("source not named", "джерело не назване") }
    var stacked: String { t("Stages of one exchange are stacked; separate exchanges stand apart.", "Етапи одного обміну складено в один стовпчик; окремі обміни стоять окремо.") }
    func leftOut(_ count: Int, before day: Day) -> String {
        Self.ended(t("Not shown: \(language.count(count, .exchange)) before \(longDate(day))",
                     "Не показано: \(language.count(count, .exchange)) до \(longDate(day))"))
    }
    func notCounted(_ count: Int, before day: Day) -> String {
        Self.ended(t("Not counted: \(language.count(count, .exchange)) before \(longDate(day))",
                     "Не враховано: \(language.count(count, .exchange)) до \(longDate(day))"))
    }
    func cumulativeNote(_ stages: Int, latest: String?) -> String {
        var text = stages > 0
            ? t("The record leaves out \(language.count(stages, .stage)) with undisclosed numbers and exchanges with no dated source.",
                "Запис не враховує \(language.count(stages, .stageGenitive)) з нерозголошеною кількістю та обмінів без датованого джерела.")
            : t("The record leaves out exchanges with no dated source.", "Запис не враховує обмінів без датованого джерела.")
        if let latest { text += " " + latest }
        return text
    }
    func latestOfficial(_ value: String, _ date: Day, record: String) -> String {
        t("Latest reported total: \(value) on \(shortDate(date)) (record: \(record)).",
          "Останній оприлюднений підсумок: \(value) станом на \(shortDate(date)) (запис: \(record)).")
    }
    /// The alt text's last sentence: how far the record is from the latest reported total.
    func cumulativeTakeaway(_ gap: Int, date: Day) -> String {
        if gap == 0 { return t("On \(longDate(date)) the record matched the latest reported total.", "Станом на \(longDate(date)) запис збігався з останнім оприлюдненим підсумком.") }
        let amount = language.number(abs(gap))
        return gap > 0
            ? t("On \(longDate(date)) the record held \(language.count(abs(gap), .person)) fewer than the latest reported total.",
                "Станом на \(longDate(date)) у записі на \(amount) менше, ніж в останньому оприлюдненому підсумку.")
            : t("On \(longDate(date)) the record held \(language.count(abs(gap), .person)) more than the latest reported total.",
                "Станом на \(longDate(date)) у записі на \(amount) більше, ніж в останньому оприлюдненому підсумку.")
    }
    func reportedPoint(_ value: String) -> String { t("Reported: \(value)", "Оприлюднено: \(value)") }
    func floor(_ value: String) -> String { t("more than \(value)", "понад \(value)") }

    // MARK: - Plot messages

    func nothingInPeriod(_ span: String) -> String {
        Self.ended(t("No exchange in the record for \(span)", "У записі немає обмінів за \(span)"))
    }
    func onlyUndisclosed(_ span: String, _ stages: Int) -> String {
        t("No number disclosed for \(span): the record holds \(language.count(stages, .row)) without a count.",
          "За \(span) кількість не розголошено: у записі \(language.count(stages, .row)) без кількості.")
    }
    func flatRunningTotal(_ span: String, _ value: String) -> String {
        t("No exchange in the record for \(span): the running total stayed at \(value).",
          "У записі немає обмінів за \(span): наростальний підсумок залишився на рівні \(value).")
    }

    // MARK: - Descriptions (alt text)

    func perYearDescription(_ span: String, items: [String], official: [String], takeaway: String?) -> String {
        var text = t("Bar chart of people returned from Russian captivity per year, \(span): ",
                     "Стовпчикова діаграма людей, повернутих з російського полону, за роками, \(span): ")
            + items.joined(separator: "; ") + "."
        if !official.isEmpty { text += " " + officialDiffers(official) }
        if let takeaway { text += " " + takeaway }
        return text
    }
    func mostInYear(_ years: [Int], value: String, atLeast: Bool) -> String {
        let amount = atLeast ? t("at least \(value)", "щонайменше \(value)") : value
        let names = years.map(String.init)
        if years.count == 1 { return t("The most were returned in \(names[0]): \(amount).", "Найбільше людей повернули у \(names[0])\u{00A0}році: \(amount).") }
        return t("The most were returned in \(names.joined(separator: " and ")): \(amount) each.",
                 "Найбільше людей повернули у \(names.joined(separator: " і "))\u{00A0}роках: по \(amount).")
    }
    func perExchangeDescription(count: String, span: String, unit: PerExchangeChart.Bucket, largest: [String], latest: String?,
                                latestIsLatest: Bool, undisclosed: String?) -> String {
        var text: String
        switch unit {
        case .exchange:
            text = t("Bar chart of \(count) by date, \(span), one bar per exchange.", "Стовпчикова діаграма: \(count) за датами, \(span), один стовпчик на обмін.")
            if !largest.isEmpty { text += t(" Largest: ", " Найбільші: ") + largest.joined(separator: "; ") + "." }
        case .month, .year:
            let monthly = unit == .month
            text = monthly ? t("Bar chart of monthly sums: \(count), \(span), one bar per month with an exchange.",
                               "Стовпчикова діаграма місячних сум: \(count), \(span), один стовпчик на місяць з обміном.")
                : t("Bar chart of yearly sums: \(count), \(span), one bar per year with an exchange.",
                    "Стовпчикова діаграма річних сум: \(count), \(span), один стовпчик на рік з обміном.")
            if !largest.isEmpty { text += (monthly ? t(" Largest months: ", " Найбільші місяці: ") : t(" Largest years: ", " Найбільші роки: ")) + largest.joined(separator: "; ") + "." }
        }
        if let undisclosed { text += " " + undisclosed }
        if let latest {
            text += " " + (latestIsLatest ? t("Latest exchange: ", "Останній обмін: ") : t("Last exchange in the period: ", "Останній обмін за період: ")) + latest + "."
        }
        return text
    }
    func undisclosedDescription(_ parts: [String], stages: Int) -> String {
        t("\(language.count(stages, .stage)) had undisclosed numbers, marked ◇ and not counted as zero: ",
          "\(language.count(stages, .stage)) мали нерозголошену кількість; їх позначено ◇, а не нулем: ") + Self.ended(parts.joined(separator: "; "))
    }
    func undisclosedGroup(_ stages: Int, from: Day, to: Day) -> String {
        from == to ? t("\(language.count(stages, .stage)) on \(longDate(from))", "\(language.count(stages, .stage)) \(longDate(from))")
            : t("\(language.count(stages, .stage)) from \(longDate(from)) to \(longDate(to))",
                "\(language.count(stages, .stage)) з \(longDate(from)) до \(longDate(to))")
    }
    func atLeast(_ value: String) -> String { t("at least \(value)", "щонайменше \(value)") }
    func cumulativeDescription(sinceInvasion: Bool, span: String, from: String?, to: String, date: Day, reported: [String], reportedCount: Int) -> String {
        var text = sinceInvasion
            ? t("Step chart of the running total of people returned since 24 February 2022, shown for \(span)",
                "Ступінчастий графік наростального підсумку людей, повернутих з 24 лютого 2022 року, за \(span)")
            : t("Step chart of the running total of people returned, \(span)", "Ступінчастий графік наростального підсумку повернутих людей, \(span)")
        if let from { text += t(": from \(from) at the start", ": \(from) на початку") }
        text += t("; \(to) on \(longDate(date)) in the record.", "; \(to) станом на \(longDate(date)) за записом.")
        if !reported.isEmpty {
            text += reportedCount > reported.count
                ? t(" The last \(reported.count) of \(reportedCount) reported totals shown: ", " Останні \(reported.count) з \(reportedCount) оприлюднених підсумків: ")
                : t(" Reported totals: ", " Оприлюднені підсумки: ")
            text += reported.joined(separator: "; ") + "."
        }
        return text
    }
}
