/// Every word the charts print, per language. Numbers and dates come from `Language`.
struct ChartStrings {
    let language: Language

    private func t(_ en: String, _ uk: String) -> String { language == .en ? en : uk }

    var perYearTitle: String { t("Ukrainians freed from Russian captivity, by year", "Українці, звільнені з російського полону, за роками") }
    func perYearSubtitle(_ from: String, _ to: String) -> String {
        t("People returned in prisoner exchanges, \(from) – \(to)", "Люди, повернуті під час обмінів полоненими, \(from) – \(to)")
    }
    var perExchangeTitle: String { t("Every prisoner exchange since the full-scale invasion", "Кожен обмін полоненими від початку повномасштабного вторгнення") }
    func perExchangeSubtitle(_ from: String, _ to: String) -> String {
        t("People returned in each exchange, \(from) – \(to)", "Кількість людей, повернутих під час кожного обміну, \(from) – \(to)")
    }
    func perPeriodTitle(monthly: Bool) -> String {
        monthly ? t("People returned from Russian captivity, by month", "Люди, повернуті з російського полону, за місяцями")
            : t("People returned from Russian captivity, by year", "Люди, повернуті з російського полону, за роками")
    }
    func perPeriodSubtitle(_ count: String, _ from: String, _ to: String) -> String {
        t("\(count) from \(from) to \(to), summed per period", "\(count) з \(from) до \(to), сума за період")
    }
    var cumulativeTitle: String { t("People returned from Russian captivity since 24 February 2022", "Люди, повернуті з російського полону з 24 лютого 2022 року") }
    var cumulativeSubtitle: String {
        t("Running total of the record, beside the totals officials reported", "Наростальний підсумок за записом поруч із підсумками, які повідомляли посадовці")
    }

    var record: String { t("Record", "Запис") }
    var yearInProgress: String { t("Year in progress", "Рік ще триває") }
    var officialTotal: String { t("Official total", "Офіційний підсумок") }
    var latest: String { t("Latest exchange", "Останній обмін") }
    var undisclosed: String { t("Number not disclosed", "Кількість не розголошено") }
    var runningTotal: String { t("Record, running total", "Запис, наростальний підсумок") }
    var reported: String { t("Reported by officials", "Повідомлено посадовцями") }
    var reportedFloor: String { t("Reported as “more than”", "Повідомлено як «понад»") }

    func yearLabel(_ year: Int, to day: String?) -> String {
        guard let day else { return String(year) }
        return t("\(year), to \(day)", "\(year), до \(day)")
    }
    func yearLabel(_ year: Int, from day: String) -> String { t("\(year), from \(day)", "\(year), з \(day)") }

    func source(_ names: [String], more: Int, reportedBy: [String]) -> String {
        var text = t("Source: Homecoming record from ", "Джерело: запис Homecoming за ") + names.joined(separator: ", ")
        if more > 0 { text += t(" and \(more) more", " та ще \(more)") }
        if !reportedBy.isEmpty { text += t("; official totals: ", "; офіційні підсумки: ") + reportedBy.joined(separator: ", ") }
        return text
    }

    func byline(_ organisation: String, author: String?) -> String {
        t("Chart: ", "Графік: ") + organisation + (author.map { " · \($0)" } ?? "")
    }

    func undisclosedNote(_ stages: Int) -> String {
        t("\(language.count(stages, .stage)) with undisclosed numbers: shown as ◇, never as zero.",
          "\(language.count(stages, .stage)) з нерозголошеною кількістю: позначено ◇, а не нулем.")
    }
    func undisclosedExcluded(_ year: Int, _ stages: Int) -> String {
        t("* \(year): without \(language.count(stages, .stage)) whose numbers were not disclosed.",
          "* \(year): без \(language.count(stages, .stage)), кількість яких не розголошено.")
    }
    func undisclosedExcludedYears(_ years: Int, _ stages: Int) -> String {
        t("* \(language.count(years, .year)) leave out \(language.count(stages, .stage)) whose numbers were not disclosed.",
          "* \(language.count(years, .year)): без \(language.count(stages, .stage)), кількість яких не розголошено.")
    }
    func officialDiffers(_ items: [String]) -> String {
        t("Official totals where they differ from the record: ", "Офіційні підсумки, де вони відрізняються від запису: ") + items.joined(separator: "; ") + "."
    }
    var derived: String { t("derived", "обчислено") }
    var approximate: String { t("approximate", "приблизно") }
    var stacked: String { t("Stages of one exchange are stacked.", "Етапи одного обміну складено в один стовпчик.") }
    func cumulativeNote(_ stages: Int, latest: String?) -> String {
        var text = t("The record leaves out \(language.count(stages, .stage)) with undisclosed numbers and exchanges with no dated source.",
                     "Запис не враховує \(language.count(stages, .stage)) з нерозголошеною кількістю та обміни без датованого джерела.")
        if let latest { text += " " + latest }
        return text
    }
    func latestOfficial(_ value: String, _ date: String, record: String) -> String {
        t("Latest official total: \(value) on \(date) (record: \(record)).", "Останній офіційний підсумок: \(value) на \(date) (запис: \(record)).")
    }

    // MARK: - Descriptions (alt text)

    func perYearDescription(_ items: [String], official: [String]) -> String {
        var text = t("Bar chart of people returned from Russian captivity per year: ", "Стовпчикова діаграма людей, повернутих з російського полону, за роками: ")
            + items.joined(separator: "; ") + "."
        if !official.isEmpty { text += " " + officialDiffers(official) }
        return text
    }
    func perExchangeDescription(count: String, from: String, to: String, largest: [String], latest: String, undisclosed: Int) -> String {
        var text = t("Bar chart of \(count) from \(from) to \(to) by date. Largest: ", "Стовпчикова діаграма: \(count) з \(from) до \(to) за датами. Найбільші: ")
            + largest.joined(separator: "; ") + t(". Latest: ", ". Останній: ") + latest + "."
        if undisclosed > 0 {
            text += " " + t("\(language.count(undisclosed, .stage)) had undisclosed numbers, marked separately and not counted as zero.",
                            "\(language.count(undisclosed, .stage)) мали нерозголошену кількість: їх позначено окремо, а не нулем.")
        }
        return text
    }
    func cumulativeDescription(record: String, date: String, reported: [String]) -> String {
        t("Step chart of the running total of people returned since 24 February 2022, reaching \(record) on \(date) in the record. Officially reported totals: ",
          "Ступінчастий графік наростального підсумку людей, повернутих з 24 лютого 2022 року: \(record) на \(date) за записом. Офіційні підсумки: ")
            + reported.joined(separator: "; ") + "."
    }
}
