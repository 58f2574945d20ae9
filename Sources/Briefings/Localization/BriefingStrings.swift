import ExchangeModel
import ExchangeStore
import Foundation

/// Every sentence and label of a briefing, per language; figures and dates come in formatted.
struct BriefingStrings {
    let language: Language
    /// The record's names and texts in the same language.
    let words: RecordWords
    private func t(_ en: String, _ uk: String) -> String { language == .en ? en : uk }
    private var n: Language { language }
    /// A date as a document prints it: never broken across lines ("15 May 2026", «15 травня 2026 р.»).
    private func date(_ day: Day) -> String { ChartStrings.unbreakable(n.longDate(day)) }
    private func dayMonth(_ day: Day) -> String { ChartStrings.unbreakable(n.dayMonthLong(day)) }

    // MARK: - Titles

    func title(_ period: Period) -> String {
        switch period.kind {
        case .weekly:
            let (year, week) = period.start.isoWeek
            return t("Prisoner exchanges: week \(week) of \(year)", "Обміни полоненими: \(week)-й тиждень \(year) року")
        case .annual: return t("Prisoner exchanges in \(period.start.year): the year in review", "Обміни полоненими у \(period.start.year) році: підсумки року")
        case .range: return t("Prisoner exchanges, \(date(period.start)) to \(date(period.end))", "Обміни полоненими з \(date(period.start)) до \(date(period.end))")
        }
    }

    func subtitle(_ period: Period) -> String {
        let span = ChartStrings(language: language).span(period.start, period.end)
        return t("Ukrainians returned from Russian captivity, \(span)", "Українці, повернуті з російського полону, \(span)")
    }

    func generated(_ day: Day) -> String { t("Prepared on \(date(day)) from the Homecoming record.", "Підготовлено \(date(day)) за даними Homecoming.") }

    // MARK: - Section headings

    var headlineHeading: String { t("Headline figures", "Основні цифри") }
    var exchangesHeading: String { t("Exchanges in the period", "Обміни за період") }
    var contextHeading: String { t("Context", "Контекст") }
    var gapsHeading: String { t("What the record does not show", "Обмеження даних") }
    var correctionsHeading: String { t("Corrections to the record", "Виправлення в даних Homecoming") }
    var chartsHeading: String { t("Charts", "Графіки") }
    var sourcesHeading: String { t("Sources", "Джерела") }
    var staleHeading: String { t("Data may be out of date", "Дані можуть бути застарілими") }

    // MARK: - Headline figures

    var exchangesLabel: String { t("Exchanges", "Обміни") }
    var returnedLabel: String { t("People returned", "Повернуто людей") }
    var toRussiaLabel: String { t("Handed to Russia", "Передано Росії") }
    var bodiesLabel: String { t("Bodies returned with exchanges", "Повернуто тіл під час обмінів") }
    var notReported: String { t("not reported", "не повідомлено") }
    var notDisclosed: String { t("not disclosed", "не розголошено") }
    var notKnown: String { t("not known", "невідомо") }
    /// How far the sources were checked, for a period beyond it; nil: no check is recorded at all.
    func checkedOnlyThrough(_ day: Day?) -> String {
        guard let day else { return t("no check of the sources is recorded", "перевірки джерел не зафіксовано") }
        return t("the sources were checked only through \(date(day))", "джерела перевірено лише по \(date(day)) включно")
    }
    /// Beside a headline with nothing recorded, where a known gap says the record misses exchanges of a span the period falls in.
    func missesExchanges(_ gap: KnownGap) -> String {
        let span = ChartStrings(language: n).span(gap.periodStart, gap.periodEnd)
        return t("none recorded, but the record is known to miss some exchanges of \(span)", "у даних Homecoming — жодного, але відомо, що в них бракує частини обмінів за \(span)")
    }
    var missesKnownPeople: String {
        t("the record misses exchanges officials counted; see the context", "у даних бракує обмінів, які враховано офіційно; див. «Контекст»")
    }

    func sum(_ s: KnownSum) -> String {
        // No rows: nothing happened, which is zero; rows without a figure: not reported, which is not zero.
        if s.knownCount == 0 && s.unknownCount == 0 { return "0" }
        guard s.knownCount > 0 else { return notReported }
        return s.unknownCount > 0 ? t("at least \(n.number(s.known))", "щонайменше \(n.number(s.known))") : n.number(s.known)
    }

    /// "of whom 1,316 military and 41 civilians where the sources say" when the split leaves some out.
    func split(military: KnownSum, civilians: KnownSum, total: KnownSum) -> String? {
        guard military.knownCount > 0 || civilians.knownCount > 0 else { return nil }
        var parts: [String] = []
        if military.knownCount > 0 { parts.append(n.count(military.known, .military)) }
        if civilians.knownCount > 0 { parts.append(n.count(civilians.known, .civilian)) }
        let list = parts.joined(separator: t(" and ", " і "))
        if total.unknownCount == 0, military.known + civilians.known == total.known { return t("of whom ", "з них ") + list }
        return t("of whom \(list) where the sources say", "розподіл відомий не для всіх: \(list)")
    }

    /// One row's split, short: "187 military, 2 civilians".
    func rowSplit(military: Int?, civilians: Int?) -> String? {
        var parts: [String] = []
        if let military { parts.append(n.count(military, .military)) }
        if let civilians { parts.append(n.count(civilians, .civilian)) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func undisclosedStages(_ count: Int) -> String {
        t("\(n.count(count, .stage)) with undisclosed numbers, not counted as zero",
          "без урахування \(n.count(count, .stageGenitive)), на \(Language.ukrainianWhich(count)) кількість повернених не розголошено; їх не враховано як нуль")
    }

    /// The same as a sentence of its own, for what the record does not show.
    func undisclosedGap(_ count: Int) -> String {
        t("The figures leave out \(n.count(count, .stage)) whose numbers were not disclosed; they are never counted as zero.",
          "Цифри не враховують \(n.count(count, .stage)), на \(Language.ukrainianWhich(count)) кількість повернених не розголошено; їх не прирівняно до нуля.")
    }

    // MARK: - Exchanges

    func returned(_ value: Int?) -> String {
        guard let value else { return t("number not disclosed", "кількість не розголошено") }
        return t("\(n.count(value, .person)) returned", "повернуто \(n.count(value, .personObject))")
    }
    func toRussia(_ value: Int) -> String { t("\(n.number(value)) handed to Russia", "\(n.number(value)) передано Росії") }
    func bodies(_ value: Int) -> String { t("\(n.count(value, .body)) returned", "повернуто \(n.count(value, .body))") }
    func mediator(_ names: String, several: Bool) -> String {
        several ? t("Mediators: \(names)", "Посередники: \(names)") : t("Mediator: \(names)", "Посередник: \(names)")
    }
    /// "the 65th exchange in the official count" / «65-й обмін за офіційним рахунком».
    func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return t("the \(n)\(suffix) exchange in the official count", "\(n)-й обмін за офіційним підрахунком")
    }
    func stageOf(_ day: Day) -> String { t("a stage of the exchange of \(date(day))", "етап обміну \(date(day))") }
    func confidence(_ c: Confidence) -> String? {
        switch c {
        case .high: nil
        case .medium: t("the number is from a secondary report or conflicting sources", "кількість — з вторинного джерела або джерела розходяться")
        case .low: t("the number is derived, not stated", "кількість обчислено, а не повідомлено")
        }
    }

    // MARK: - A period before the record

    /// Beside the headline figures: why they are not known.
    func recordStarts(_ start: Day) -> String { t("the record covers exchanges from \(date(start)) on", "дані Homecoming охоплюють обміни від \(date(start))") }
    /// Under "Exchanges in the period".
    func noneBeforeRecord(_ start: Day) -> String {
        t("The record holds no exchange before \(date(start)), where its coverage begins.",
          "Обмінів, що відбулися до \(date(start)), у даних Homecoming немає: з цієї дати починається їхнє охоплення.")
    }
    /// The context of a period before the record: where to look instead.
    func beforeRecordContext(_ start: Day) -> String {
        t("For exchanges before \(date(start)), other sources are needed: the record does not cover them.",
          "Про обміни до \(date(start)) слід шукати інші джерела: дані Homecoming їх не охоплюють.")
    }

    /// - Parameter unchecked: the period lies beyond every check of the sources.
    func noExchange(_ period: Period, last: Exchange?, unchecked: Bool = false, checkedThrough: Day? = nil) -> String {
        let span = during(period)
        if unchecked {
            let checked = checkedThrough.map { t("its sources were checked only through \(date($0))", "") } ?? checkedOnlyThrough(nil)
            return t("The record has no exchange \(span); \(checked).",
                     ChartStrings.ended("У даних Homecoming немає обмінів \(span); \(checkedOnlyThrough(checkedThrough))"))
        }
        guard let last else { return ChartStrings.ended(t("No exchange was recorded \(span)", "Жодного обміну не зафіксовано \(span)")) }
        let days = last.date.days(to: period.end)
        return t("No exchange was recorded \(span); the last was on \(date(last.date)), \(days) days before the \(period.kind == .weekly ? "week" : "period") ended.",
                 "Жодного обміну не зафіксовано \(span); останній відбувся \(date(last.date)), за \(n.count(days, .day)) до кінця \(period.kind == .weekly ? "тижня" : "періоду").")
    }

    // MARK: - Lede

    /// "in week 21 of 2025" / «за 21-й тиждень 2025 року»; "in 2025"; "from 1 May to 31 July 2025".
    func during(_ period: Period) -> String {
        switch period.kind {
        case .weekly:
            let (year, week) = period.start.isoWeek
            return t("in week \(week) of \(year)", "за \(week)-й тиждень \(year) року")
        case .annual: return t("in \(period.start.year)", "у \(period.start.year) році")
        case .range: return t("from \(date(period.start)) to \(date(period.end))", "з \(date(period.start)) до \(date(period.end))")
        }
    }

    private func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// One or two sentences at the top: what happened in the period, the year so far, the latest exchange.
    func lede(_ f: BriefingFacts) -> String {
        let s = f.summary
        var text: String
        if f.isBeforeRecord, let start = f.coverageStart {
            return t("The record covers exchanges from \(date(start)) on, and this period ended before then: how many exchanges took place \(during(f.period)), and how many people came home, cannot be told from it.",
                     "Дані Homecoming охоплюють обміни від \(date(start)), а цей період закінчився раніше, тож із цих даних не видно, скільки обмінів відбулося \(during(f.period)) і скільки людей повернулося додому.")
        }
        if f.isUnchecked, let through = f.freshness.knownThrough {
            text = t("The record has no exchange \(during(f.period)), but its sources have been checked only through \(date(through)): whether any took place is not known.",
                     "У даних Homecoming немає обмінів \(during(f.period)), але джерела перевірено лише по \(date(through)) включно, тож невідомо, чи були обміни.")
        } else if f.isUnchecked {
            text = t("The record has no exchange \(during(f.period)), and no check of its sources is recorded: whether any took place is not known.",
                     "У даних Homecoming немає обмінів \(during(f.period)), а перевірки джерел не зафіксовано, тож невідомо, чи були обміни.")
        } else if s.exchanges == 0 {
            text = t("No exchange was recorded \(during(f.period)).", "\(capitalised(during(f.period))) не зафіксовано жодного обміну.")
            if let gap = f.missingExchanges {
                let span = ChartStrings(language: n).span(gap.periodStart, gap.periodEnd)
                text += t(" The record is known to miss some exchanges of \(span), which this period overlaps.",
                          " Утім, відомо, що в даних Homecoming бракує частини обмінів за період \(span), а звітний період із ним перетинається.")
            }
        } else if s.returned.knownCount == 0 {
            let during = during(f.period)
            if f.rows.count > s.exchanges {
                let of = s.exchanges == 1 ? t("one exchange", "одного обміну") : t(n.count(s.exchanges, .exchange), n.count(s.exchanges, .exchangeGenitive))
                text = t("\(capitalised(during)), \(n.count(f.rows.count, .stage)) of \(of) took place; how many people came home from Russian captivity was not disclosed.",
                         "\(capitalised(during)) відбулося \(n.count(f.rows.count, .stage)) \(of); скільки людей повернуто з полону, не розголошено.")
            } else {
                text = t("\(capitalised(during)), people came home from Russian captivity in \(n.count(s.exchanges, .exchange)); how many was not disclosed.",
                         "\(capitalised(during)) з російського полону повернуто людей під час \(n.count(s.exchanges, .exchangeGenitive)); їхню кількість не розголошено.")
            }
        } else {
            let floor = f.missesKnownPeople
            let what = t("\(known(s.returned, floor: floor)) \(n.form(s.returned.known, .person)) came home from Russian captivity in \(n.count(s.exchanges, .exchange))",
                         "з російського полону повернуто \(known(s.returned, floor: floor)) \(n.form(s.returned.known, .personObject)) під час \(n.count(s.exchanges, .exchangeGenitive))")
            let during = during(f.period)
            text = t("\(during.prefix(1).uppercased() + during.dropFirst()), \(what).", "\(during.prefix(1).uppercased() + during.dropFirst()) \(what).")
        }
        if f.period.kind != .annual, f.yearToDate.exchanges > 0, f.yearToDate.exchanges != s.exchanges || f.period.start > f.period.end.startOfYear {
            let y = f.yearToDate.returned
            text += t(" So far in \(f.period.end.year): \(known(y)) \(n.form(y.known, .person)) in \(n.count(f.yearToDate.exchanges, .exchange)).",
                      " Від початку \(f.period.end.year) року повернуто \(known(y)) \(n.form(y.known, .personObject)) під час \(n.count(f.yearToDate.exchanges, .exchangeGenitive)).")
        }
        if let last = f.lastBefore, s.exchanges == 0 || last.date < f.period.start {
            text += t(" The latest exchange in the record was on \(date(last.exchangeKey)).",
                      ChartStrings.ended(" Останній обмін у даних Homecoming — \(date(last.exchangeKey))"))
        }
        return text
    }

    // MARK: - Context

    /// The year to date against the same span a year earlier, or, where the record does not reach
    /// back that far, the day it starts (never a comparison with nothing).
    func yearToDate(_ current: PeriodSummary, _ previous: PeriodSummary, recordStart: Day?, checkedThrough: Day? = nil) -> String {
        let sentence = yearToDateComparison(current, previous, recordStart: recordStart)
        guard let checkedThrough else { return sentence }
        return sentence + t(" The sources were checked only through \(date(checkedThrough)).", ChartStrings.ended(" Джерела перевірено лише по \(date(checkedThrough)) включно"))
    }

    private func yearToDateComparison(_ current: PeriodSummary, _ previous: PeriodSummary, recordStart: Day?) -> String {
        // "From 1 to 5 January" when both days are in one month.
        let sameMonth = current.start.month == current.end.month
        let from = sameMonth ? String(current.start.day) : dayMonth(current.start), to = dayMonth(current.end)
        let now = t("\(known(current.returned)) \(n.form(current.returned.known, .person)) returned in \(n.count(current.exchanges, .exchange))",
                    "повернуто \(known(current.returned)) \(n.form(current.returned.known, .personObject)) під час \(n.count(current.exchanges, .exchangeGenitive))")
        guard let recordStart, recordStart <= previous.end else {
            let start = recordStart.map { t(" The record covers exchanges from \(date($0)) on: there is no earlier year to compare with.",
                                            " Дані Homecoming охоплюють обміни від \(date($0)), тож порівняти з попереднім роком нема з чим.") } ?? ""
            let sentence = current.exchanges == 0
                ? t("No exchange was recorded from \(from) to \(to) \(current.start.year).", "З \(from) до \(to) \(current.start.year) року не зафіксовано жодного обміну.")
                : t("From \(from) to \(to) \(current.start.year), \(now).", "З \(from) до \(to) \(current.start.year) року \(now).")
            return sentence + start
        }
        if current.exchanges == 0 {
            let none = t("No exchange was recorded from \(from) to \(to) \(current.start.year)", "З \(from) до \(to) \(current.start.year) року не зафіксовано жодного обміну")
            guard previous.exchanges > 0 else {
                return none + t(", nor over the same span of \(previous.start.year).", " — як і за той самий період \(previous.start.year) року.")
            }
            return none + t("; over the same span of \(previous.start.year), \(known(previous.returned)) \(n.form(previous.returned.known, .person)) returned in \(n.count(previous.exchanges, .exchange)).",
                            "; за той самий період \(previous.start.year) року — \(known(previous.returned)) \(n.form(previous.returned.known, .person)) під час \(n.count(previous.exchanges, .exchangeGenitive)).")
        }
        guard previous.exchanges > 0 else {
            return t("From \(from) to \(to) \(current.start.year), \(now); there was none over the same span of \(previous.start.year).",
                     "З \(from) до \(to) \(current.start.year) року \(now); за той самий період \(previous.start.year) року обмінів не було.")
        }
        let before = t("\(known(previous.returned)) \(n.form(previous.returned.known, .person)) in \(n.count(previous.exchanges, .exchange))",
                       "\(known(previous.returned)) \(n.form(previous.returned.known, .person)) під час \(n.count(previous.exchanges, .exchangeGenitive))")
        return t("From \(from) to \(to) \(current.start.year), \(now), against \(before) over the same span of \(previous.start.year).",
                 "З \(from) до \(to) \(current.start.year) року \(now); за той самий період \(previous.start.year) року — \(before).")
    }

    /// `undisclosedElsewhere`: another exchange of the year has stages with withheld numbers, so it may have been larger.
    func largest(_ group: BriefingFacts.ExchangeGroup, year: Int, yearComplete: Bool, undisclosedElsewhere: Bool = false) -> String {
        let stages = group.stages.count > 1 ? t(" in \(n.count(group.stages.count, .stage))", " у \(n.count(group.stages.count, .stage))") : ""
        if undisclosedElsewhere {
            return t("\(yearComplete ? "" : "So far, t")\(yearComplete ? "T" : "")he largest exchange of \(year) with disclosed numbers was on \(date(group.first)): \(n.count(group.known, .person))\(stages); an exchange whose numbers were not disclosed may have been larger.",
                     "\(yearComplete ? "Н" : "Наразі н")айбільший обмін \(year) року з оприлюдненою кількістю відбувся \(date(group.first)): \(n.count(group.known, .person))\(stages); обмін з нерозголошеною кількістю повернених міг бути більшим.")
        }
        return yearComplete
            ? t("The largest exchange of \(year) was on \(date(group.first)): \(n.count(group.known, .person))\(stages).",
                "Найбільший обмін \(year) року відбувся \(date(group.first)): \(n.count(group.known, .person))\(stages).")
            : t("The largest exchange of \(year) so far was on \(date(group.first)): \(n.count(group.known, .person))\(stages).",
                "Наразі найбільший обмін \(year) року — \(date(group.first)): \(n.count(group.known, .person))\(stages).")
    }

    func lastExchange(_ last: Exchange, periodEnd: Day) -> String {
        let days = last.date.days(to: periodEnd)
        if let key = last.partOf {
            return days == 0
                ? t("The period's latest stage of the exchange that began on \(date(key)) was on \(date(last.date)), its last day.",
                    "Останній за цей період етап обміну, що почався \(date(key)), відбувся \(date(last.date)), в останній день періоду.")
                : t("The period's latest stage of the exchange that began on \(date(key)) was on \(date(last.date)), \(n.count(days, .day)) before the period ended.",
                    "Останній за цей період етап обміну, що почався \(date(key)), відбувся \(date(last.date)), за \(n.count(days, .day)) до кінця періоду.")
        }
        return days == 0
            ? t("The last exchange was on \(date(last.date)), the period's last day.", "Останній обмін відбувся \(date(last.date)), в останній день періоду.")
            : t("The last exchange was on \(date(last.date)), \(n.count(days, .day)) before the period ended.",
                "Останній обмін відбувся \(date(last.date)), за \(n.count(days, .day)) до кінця періоду.")
    }

    /// Nil when the record holds nothing since the invasion up to the period's end.
    func sinceInvasion(_ s: PeriodSummary) -> String? {
        guard s.exchanges > 0 else { return nil }
        var text = t("Since 24\u{00A0}February\u{00A0}2022 the record counts \(known(s.returned)) \(n.form(s.returned.known, .person)) returned in \(n.count(s.exchanges, .exchange))",
                     "За даними Homecoming, з 24\u{00A0}лютого 2022\u{00A0}року під час \(n.count(s.exchanges, .exchangeGenitive)) повернуто \(known(s.returned)) \(n.form(s.returned.known, .personObject))")
        if s.returned.unknownCount > 0 {
            text += t(", not counting \(n.count(s.returned.unknownCount, .stage)) with undisclosed numbers",
                      ", без урахування \(n.count(s.returned.unknownCount, .stageGenitive)), у \(Language.ukrainianWhich(s.returned.unknownCount)) кількість повернених не розголошено")
        }
        return text + "."
    }

    /// Who counted a figure, what it takes in and whether Homecoming derived it, in a parenthesis.
    /// (A figure whose source names no counter is said so by the sentence itself, not again here.)
    private func who(_ t: ReportedTotal) -> String {
        let kind = words.kind(t, attribution: t.isAttributed)
        return kind.isEmpty ? "" : " (\(kind))"
    }

    /// How far a difference is known: exactly, as a floor, as a ceiling, about, or not at all.
    enum Bound { case exact, atLeast, atMost, about, unknown }

    /// "13 fewer", "at most 13 fewer", "at least 939 more" / «на 13 менше», «щонайбільше на 13 менше»:
    /// the one way a difference is stated. `bound` says how far `diff` is known.
    /// - Parameter unit: what is counted, named in Ukrainian after «на» («на 141 особу менше»).
    func gap(_ diff: Int, _ bound: Bound = .exact, of unit: Noun = .personAccusative) -> String {
        let more = diff > 0
        // "About 140", not "about 139": an approximate figure gives no more precision than that.
        let magnitude = bound == .about && abs(diff) >= 100 ? (abs(diff) + 5) / 10 * 10 : abs(diff)
        let size = n.number(magnitude)
        // A floor on a negative difference is a ceiling on how many fewer, and the other way round.
        let word: (en: String, uk: String)? = switch (bound, more) {
        case (.exact, _): nil
        case (.about, _): ("about ", "приблизно ")
        case (.atLeast, true), (.atMost, false): ("at least ", "щонайменше ")
        case (.atLeast, false), (.atMost, true): ("at most ", "щонайбільше ")
        case (.unknown, _): nil
        }
        if diff == 0, bound == .exact { return t("the same", "стільки ж") }
        if bound == .unknown { return t("not comparable exactly, as both figures leave parts out", "точно не порівняти: обидві цифри дещо не враховують") }
        let prefix = word.map { t($0.en, $0.uk) } ?? ""
        if diff == 0 { return t("\(prefix)as many", "\(prefix)стільки ж") }
        let counted = "\(size) \(n.form(magnitude, unit))"
        return more ? t("\(prefix)\(size) more", "\(prefix)на \(counted) більше") : t("\(prefix)\(size) fewer", "\(prefix)на \(counted) менше")
    }

    /// How far "record − reported" is known, from the record's unknown parts and the report's qualifier.
    /// `missesKnownPeople`: the record is a floor for a reason other than undisclosed stages.
    static func bound(recorded: KnownSum, reported: ReportedTotal.Qualifier?, missesKnownPeople: Bool = false) -> Bound {
        let floor = recorded.unknownCount > 0 || missesKnownPeople
        switch (reported ?? .exact, floor) {
        case (.exact, false): return .exact
        case (.exact, true), (.atMost, _): return .atLeast
        case (.atLeast, false): return .atMost
        case (.atLeast, true): return .unknown
        case (.about, _): return .about
        }
    }

    /// "2,297" or "at least 2,297" where the sum leaves out undisclosed stages.
    /// `floor`: the record is known to miss people here (exchanges not found), so its sum is a floor too.
    func known(_ sum: KnownSum, floor: Bool = false) -> String {
        sum.unknownCount > 0 || floor ? t("at least \(n.number(sum.known))", "щонайменше \(n.number(sum.known))") : n.number(sum.known)
    }

    /// "Officials reported" where the source names who counted; otherwise said as it is.
    private func reportedBy(_ r: ReportedTotal) -> (en: String, uk: String) {
        if r.isDerived { return ("Officials' figures imply", "З офіційних даних випливає, що") }
        return r.isAttributed ? ("Officials reported", "За офіційними даними,")
            : ("A source that names no counting body reported", "За даними джерела, яке не зазначає, хто вів підрахунок,")
    }

    /// What a comparison counts: exchanges or people.
    static func unit(_ c: BriefingFacts.OfficialComparison) -> Noun { c.reported.metric == .exchanges ? .exchange : .personAccusative }

    /// The bound of a comparison's gap: the record's figure may be a floor, the total qualified.
    static func bound(_ c: BriefingFacts.OfficialComparison) -> Bound {
        bound(recorded: c.recorded, reported: c.reported.qualifier, missesKnownPeople: c.missesKnownPeople)
    }

    /// The gap with a reported total as every sentence states it: like for like where the total leaves
    /// recorded people out ("at most 141 fewer, like for like").
    func gap(_ c: BriefingFacts.OfficialComparison) -> String {
        gap(c.difference, Self.bound(c), of: Self.unit(c)) + (c.leftOutPeople > 0
            ? t(" (not counting the \(n.count(c.leftOutPeople, .person)) freed outside exchanges, as that total does not)",
                ", якщо, як і в цьому підсумку, не враховувати \(n.count(c.leftOutPeople, .personGenitive)), звільнених поза обмінами")
            : "")
    }

    func official(_ c: BriefingFacts.OfficialComparison) -> String {
        let (en, uk) = reportedBy(c.reported)
        let value = words.value(c.reported), noun = n.form(c.value, .personObject)
        let recorded = known(c.recorded, floor: c.missesKnownPeople), so = floorLink(c)
        // Where the total leaves recorded people out, the gap is said like for like in the next sentence, not here.
        let gap = c.leftOutPeople > 0 ? (en: "", uk: "") : (en: ", \(so.en)\(gap(c.difference, Self.bound(c), of: Self.unit(c)))", uk: ", \(so.uk)\(gap(c.difference, Self.bound(c), of: Self.unit(c)))")
        return t("\(en) \(value) returned by \(date(c.reported.periodEnd))\(who(c.reported)); the record counts \(recorded) for the same span\(gap.en).",
                 "\(uk) станом на \(date(c.reported.periodEnd)) повернуто \(value) \(noun)\(who(c.reported)); у даних Homecoming за той самий період — \(recorded)\(gap.uk).")
    }

    /// "so " / «тобто » between a floor ("at least 3,626") and the gap it bounds ("at most 141 fewer"),
    /// so that the two read as one statement, not two bounds.
    private func floorLink(_ c: BriefingFacts.OfficialComparison) -> (en: String, uk: String) {
        c.recorded.unknownCount > 0 || c.missesKnownPeople ? ("so ", "тобто ") : ("", "")
    }

    func officialYear(_ c: BriefingFacts.OfficialComparison, year: Int) -> String {
        let (en, uk) = reportedBy(c.reported)
        let value = words.value(c.reported)
        let exchanges = c.reported.metric == .exchanges
        let what = exchanges ? t(n.form(c.value, .exchange), "проведено \(value) \(n.form(c.value, .exchange))")
                             : t("people returned", "повернуто \(value) \(n.form(c.value, .personObject))")
        let bound = Self.bound(c)
        let recorded = known(c.recorded, floor: c.missesKnownPeople)
        // Where the total leaves recorded people out, the gap follows like for like.
        let record = c.leftOutPeople > 0 ? t("the record has \(recorded)", "у даних Homecoming — \(recorded)")
            : c.difference == 0 && bound == .exact ? t("the record has the same", "у даних Homecoming — стільки ж")
            : t("the record has \(recorded), \(floorLink(c).en)\(gap(c.difference, bound, of: Self.unit(c)))", "у даних Homecoming — \(recorded), \(floorLink(c).uk)\(gap(c.difference, bound, of: Self.unit(c)))")
        return t("For \(year), \(en.prefix(1).lowercased() + en.dropFirst()) \(value) \(what)\(who(c.reported)); \(record).",
                 "\(uk) у \(year) році \(what)\(who(c.reported)); \(record).")
    }

    func yearInReview(_ s: PeriodSummary, recordStart: Day?, floor: Bool = false) -> String {
        guard s.exchanges > 0 else {
            let starts = recordStart.map { start in start > s.end ? t(" The record covers exchanges from \(date(start)) on.", " Дані Homecoming охоплюють обміни від \(date(start)).") : "" } ?? ""
            return t("No exchange is recorded for \(s.start.year).", "За \(s.start.year) рік не зафіксовано жодного обміну.") + starts
        }
        return t("In \(s.start.year), \(known(s.returned, floor: floor)) \(n.form(s.returned.known, .person)) were returned from Russian captivity in \(n.count(s.exchanges, .exchange)).",
          "У \(s.start.year) році з російського полону повернуто \(known(s.returned, floor: floor)) \(n.form(s.returned.known, .personObject)) під час \(n.count(s.exchanges, .exchangeGenitive)).")
    }

    /// Nil when the record does not reach back to the year before: there is nothing to compare with.
    func againstPreviousYear(_ current: KnownSum, record previous: PeriodSummary, official: BriefingFacts.OfficialComparison?, recordStart: Day?) -> String? {
        guard let recordStart, recordStart <= previous.end, current.knownCount > 0 || current.unknownCount > 0 else { return nil }
        if previous.exchanges == 0, official == nil {
            return t("The record has no exchange in \(previous.start.year).", "За \(previous.start.year) рік у даних Homecoming немає жодного обміну.")
        }
        /// current − other, where `other` may itself leave parts out or be qualified.
        func change(_ other: Int, otherFloor: Bool, qualifier: ReportedTotal.Qualifier? = .exact) -> String {
            var bound = Self.bound(recorded: current, reported: otherFloor ? .atLeast : qualifier)
            if otherFloor, current.unknownCount > 0 { bound = .unknown }
            return gap(current.known - other, bound)
        }
        let year = previous.start.year
        var text = ""
        if let official, official.value != previous.returned.known, official.reported.isDerived {
            // A total derived from a difference officials gave ("356 more than in 2023") would only say that difference
            // back: the implied figure is stated, and this year is compared with the record.
            let value = words.value(official.reported), recordChange = change(previous.returned.known, otherFloor: previous.returned.unknownCount > 0)
            // Derived from this year's own figure ("1358 - 356"): the difference is what officials said.
            let said = official.reported.derivedFrom.map { $0.replacingOccurrences(of: " ", with: "").hasPrefix("\(current.known)-") } ?? false
            let more = current.known - official.value, thisYear = year + 1
            let implied = said
                ? t("Officials said \(n.number(more)) more \(n.form(more, .person)) were freed in \(thisYear) than in \(year), which implies \(value) for \(year) (derived by Homecoming)",
                    "За офіційними даними, у \(thisYear) році повернуто на \(n.count(more, .personAccusative)) більше, ніж у \(year)-му, тобто у \(year) році — \(value) (обчислено в Homecoming)")
                : t("Officials' figures imply \(value) for \(year) (derived by Homecoming)", "З офіційних даних випливає \(value) за \(year) рік (обчислено в Homecoming)")
            text = t("\(implied). The record's figure for \(year), \(known(previous.returned)), is incomplete: \(thisYear)'s is \(recordChange) than it.",
                     "\(implied). Дані Homecoming за \(year) рік неповні (\(known(previous.returned))): порівняно з ними у \(thisYear) році повернуто \(recordChange).")
        } else if let official, official.value != previous.returned.known {
            let delta = change(official.value, otherFloor: false, qualifier: official.reported.qualifier), value = words.value(official.reported)
            if official.reported.isAttributed {
                text = t("That is \(delta) than in \(year) by the officially reported total of \(value), ",
                         "Це \(delta), ніж у \(year) році за офіційним підсумком \(value), ")
            } else {
                text = t("That is \(delta) than the \(value) for \(year) from a source that names no counting body, ",
                         "Це \(delta), ніж \(value) за \(year) рік за даними джерела, яке не називає, хто рахував, ")
            }
            text += t("and \(change(previous.returned.known, otherFloor: previous.returned.unknownCount > 0)) than the \(known(previous.returned)) in the record for \(year), which is incomplete.",
                      "і \(change(previous.returned.known, otherFloor: previous.returned.unknownCount > 0)), ніж \(known(previous.returned)) у даних Homecoming за \(year) рік, які неповні.")
        } else {
            text = t("That is \(change(previous.returned.known, otherFloor: previous.returned.unknownCount > 0)) than the \(known(previous.returned)) of \(year).",
                     "Це \(change(previous.returned.known, otherFloor: previous.returned.unknownCount > 0)), ніж \(known(previous.returned)) у \(year) році.")
        }
        return text
    }

    func lastOfYear(_ g: BriefingFacts.ExchangeGroup) -> String {
        t("The last exchange of the year was on \(dayMonth(g.first)), with \(n.count(g.known, .person)).",
          "Останній обмін року відбувся \(dayMonth(g.first)): \(n.count(g.known, .person)).")
    }

    /// The headline's detail for bodies when the record has none by exchange but a count was reported.
    func reportedBodiesDetail(_ r: ReportedTotal) -> String {
        let span = ChartStrings(language: language).span(r.periodStart, r.periodEnd)
        return t("a separate repatriation of \(words.value(r)) \(n.form(r.value ?? 0, .body)) was reported for \(span); see the context",
                 "окремо повідомлено про репатріацію \(words.value(r)) \(n.form(r.value ?? 0, .bodyGenitive)) за \(span); див. «Контекст»")
    }

    /// A reported count of bodies returned, beside the record's.
    func reportedBodies(_ r: ReportedTotal, recorded: KnownSum) -> String {
        let span = ChartStrings(language: language).span(r.periodStart, r.periodEnd)
        let (en, uk) = reportedBy(r)
        let record = recorded.knownCount == 0
            ? t("the record has no count of bodies by exchange for that span", "у даних Homecoming немає підрахунку тіл за обмінами за цей період")
            : t("the record counts \(known(recorded)) by exchange", "у даних Homecoming за обмінами — \(known(recorded))")
        let notes = words.notes(r).map { " " + ChartStrings.ended($0) } ?? ""
        return t("\(en) \(words.value(r)) \(n.form(r.value ?? 0, .body)) returned for \(span)\(who(r)); \(record).\(notes)",
                 "\(uk) за \(span) повернуто \(words.value(r)) \(n.form(r.value ?? 0, .body))\(who(r)); \(record).\(notes)")
    }

    /// Before the known gaps that bear on a comparison with a reported total.
    var knownGapsLead: String { t("What is known about the difference:", "Чим може пояснюватися розбіжність:") }
    var knownGapsLeadMore: String { t("What else is known about the difference, besides the gaps listed above:", "Чим ще може пояснюватися розбіжність, крім названого вище:") }

    /// The record's figure like for like with a total that leaves out people freed outside exchanges.
    func likeForLike(_ c: BriefingFacts.OfficialComparison) -> String {
        let outside = c.leftOutPeople, comparable = known(c.comparable, floor: c.missesKnownPeople), so = floorLink(c)
        let gap = c.difference == 0 && Self.bound(c) == .exact ? (en: "the same", uk: "стільки ж") : (en: so.en + gap(c.difference, Self.bound(c), of: Self.unit(c)), uk: gap(c.difference, Self.bound(c), of: Self.unit(c)))
        return t("Like for like, without the \(n.count(outside, .person)) freed outside exchanges whom this total leaves out, the record has \(comparable), \(gap.en).",
                 "Для коректного порівняння — без \(n.count(outside, .personGenitive)), звільнених поза обмінами, яких цей підсумок не враховує, — у даних Homecoming \(comparable), тобто \(gap.uk).")
    }

    /// A known gap that falls in the period, as a sentence of its own.
    func knownGap(_ gap: KnownGap) -> String { ChartStrings.ended(words.explanation(gap)) }

    // MARK: - Since the last edition

    var sinceHeading: String { t("Since the last edition", "Що змінилося від попереднього випуску") }

    /// "the last edition (week 47 of 2026)" / «попередній випуск (47-й тиждень 2026 року)».
    /// "the last edition (week 20 of 2025)" / «попередній випуск (20-й тиждень 2025 року)», and the
    /// Ukrainian in the locative: «у попередньому випуску (20-й тиждень 2025 року)».
    private func lastEdition(_ p: Period) -> (en: String, uk: String, ukIn: String) {
        let (year, week) = p.start.isoWeek
        let which = "\(week)-й тиждень \(year) року"
        return ("the last edition (week \(week) of \(year))", "попередній випуск (\(which))", "у попередньому випуску (\(which))")
    }

    /// What changed since the previous weekly edition, sentence by sentence.
    func sinceLastEdition(_ e: BriefingFacts.SinceLastEdition) -> [String] {
        var out: [String] = []
        let last = lastEdition(e.previous)
        let year = e.yearNow.end.year
        func tally(_ s: PeriodSummary) -> (en: String, uk: String) {
            (en: "\(known(s.returned)) \(n.form(s.returned.known, .person)) in \(n.count(s.exchanges, .exchange))",
             uk: "\(known(s.returned)) \(n.form(s.returned.known, .personObject)) під час \(n.count(s.exchanges, .exchangeGenitive))")
        }
        let before = tally(e.yearBefore), now = tally(e.yearNow)
        if e.yearBefore.end.year != year, let closing = e.closingYear, closing.exchanges != e.yearBefore.exchanges || closing.returned != e.yearBefore.returned {
            let previousYear = e.yearBefore.end.year
            let closed = tally(closing), open = tally(e.yearBefore)
            // After «з» the people are in the genitive: «з 854 людей».
            let openUK = "\(known(e.yearBefore.returned)) \(n.form(e.yearBefore.returned.known, .personGenitive)) під час \(n.count(e.yearBefore.exchanges, .exchangeGenitive))"
            out.append(t("This is the first edition of \(year). The week's days before 1\u{00A0}January count towards \(previousYear): the record's total for \(previousYear) went from \(open.en) at \(last.en) to \(closed.en); no exchange is recorded since 1\u{00A0}January yet.",
                         "Це перший випуск \(year) року. Дні цього тижня до 1\u{00A0}січня належать до \(previousYear) року: підсумок \(previousYear) року в даних Homecoming змінився з \(openUK) у попередньому випуску на \(closed.uk); від 1\u{00A0}січня обмінів ще не зафіксовано."))
        } else if e.yearBefore.end.year != year {
            out.append(e.yearNow.exchanges == 0
                ? t("This is the first edition of \(year); no exchange is recorded since 1\u{00A0}January yet.",
                    "Це перший випуск \(year) року; від 1\u{00A0}січня обмінів ще не зафіксовано.")
                : t("This is the first edition of \(year); so far the record counts \(now.en) in \(year).",
                    "Це перший випуск \(year) року; у даних Homecoming за \(year) рік поки що повернуто \(now.uk)."))
        } else if e.yearBefore.exchanges == 0 && e.yearNow.exchanges == 0 {
            out.append(t("As at \(last.en), no exchange is recorded in \(year).", "Як і на час, коли вийшов \(last.uk), обмінів у \(year) році не зафіксовано."))
        } else if e.yearBefore.exchanges == 0 {
            out.append(t("At \(last.en) no exchange was recorded in \(year); the record now counts \(now.en).",
                         "У попередньому випуску обмінів у \(year) році ще не було; тепер у даних Homecoming повернуто \(now.uk)."))
        } else if e.yearBefore.returned == e.yearNow.returned && e.yearBefore.exchanges == e.yearNow.exchanges {
            out.append(t("The record's total for \(year) is unchanged since \(last.en): \(now.en).",
                         "Відколи вийшов \(last.uk), підсумок \(year) року в даних Homecoming не змінився: повернуто \(now.uk)."))
        } else if e.yearBefore.returned.known == e.yearNow.returned.known, e.yearNow.exchanges > e.yearBefore.exchanges,
                  e.yearNow.returned.unknownCount > e.yearBefore.returned.unknownCount {
            let added = e.yearNow.exchanges - e.yearBefore.exchanges
            out.append(t("\(n.count(added, .exchange)) with undisclosed numbers added since \(last.en): the known number of people returned in \(year) is unchanged (\(known(e.yearNow.returned))), now in \(n.count(e.yearNow.exchanges, .exchange)).",
                         "Від попереднього випуску додано \(n.count(added, .exchange)) з нерозголошеною кількістю повернених: відома кількість повернених у \(year) році не змінилася (\(known(e.yearNow.returned))), тепер — під час \(n.count(e.yearNow.exchanges, .exchangeGenitive))."))
        } else {
            let change = e.yearBefore.returned.unknownCount == e.yearNow.returned.unknownCount
                ? t(" (\(gap(e.yearNow.returned.known - e.yearBefore.returned.known)))", " (\(gap(e.yearNow.returned.known - e.yearBefore.returned.known)))") : ""
            out.append(t("The record's total for \(year) went from \(before.en) at \(last.en) to \(now.en)\(change).",
                         "Підсумок \(year) року в даних Homecoming змінився: \(last.ukIn) йшлося про \(before.uk), тепер — \(now.uk)\(change)."))
        }
        if let now = e.officialNow {
            let nowGap = gap(now)
            let against = { (c: BriefingFacts.OfficialComparison) in
                (en: "\(self.words.value(c.reported)) by \(self.date(c.reported.periodEnd))", uk: "\(self.words.value(c.reported)) станом на \(self.date(c.reported.periodEnd))")
            }
            if let before = e.officialBefore {
                let beforeGap = gap(before)
                if before.reported.key == now.reported.key, before.difference == now.difference, before.recorded == now.recorded {
                    out.append(t("The gap with the latest exact reported total (\(against(now).en)) is unchanged: the record counts \(nowGap).",
                                 "Розрив з останнім оприлюдненим точним підсумком (\(against(now).uk)) не змінився: у даних Homecoming — \(nowGap)."))
                } else if before.leftOutPeople != now.leftOutPeople {
                    // Gaps counted on different bases (one total leaves recorded people out) are not a change of gap.
                    out.append(t("The latest exact reported total is now \(against(now).en) (at the last edition: \(against(before).en)); the record counts \(nowGap).",
                                 "Останній оприлюднений точний підсумок тепер — \(against(now).uk) (у попередньому випуску — \(against(before).uk)); у даних Homecoming — \(nowGap)."))
                } else if beforeGap == nowGap {
                    out.append(t("The latest exact reported total is now \(against(now).en) (at the last edition: \(against(before).en)); the record still counts \(nowGap).",
                                 "Останній оприлюднений точний підсумок тепер — \(against(now).uk) (у попередньому випуску — \(against(before).uk)); у даних Homecoming, як і раніше, \(nowGap)."))
                } else {
                    out.append(t("The gap with the latest exact reported total went from \(beforeGap) (against \(against(before).en)) to \(nowGap) (against \(against(now).en)).",
                                 "Розрив з останнім оприлюдненим точним підсумком змінився: було \(beforeGap) (порівняно з \(against(before).uk)), тепер — \(nowGap) (порівняно з \(against(now).uk))."))
                }
            } else {
                out.append(t("A reported total to compare with since the last edition: \(against(now).en); the record counts \(nowGap).",
                             "Відтоді оприлюднено підсумок для порівняння: \(against(now).uk); у даних Homecoming — \(nowGap)."))
            }
        }
        if !e.added.isEmpty {
            let list = e.added.map { row in
                row.returnedTotal.map { t("\(date(row.date)) (\(n.count($0, .person)))", "\(date(row.date)) (\(n.count($0, .person)))") }
                    ?? t("\(date(row.date)) (number not disclosed)", "\(date(row.date)) (кількість не розголошено)")
            }.joined(separator: "; ")
            out.append(t("Added to the record for earlier dates: \(list).", "До даних Homecoming додано обміни за попередні дати: \(list)."))
        }
        out.append(e.corrections == 0
            ? t("No corrections were made to the record.", "Виправлень у даних Homecoming не було.")
            : t("\(n.count(e.corrections, .correction)) made to the record, listed below.", "У дані Homecoming внесено \(n.count(e.corrections, .correction)); їх перелічено нижче."))
        return out
    }

    // MARK: - Freshness, corrections, sources

    func stale(_ f: BriefingFacts.Freshness) -> String {
        guard let through = f.knownThrough, let days = f.uncheckedDays else {
            return t("Nobody has recorded a check of the sources, and the record holds no exchange: check for exchanges before publishing, then run `homecoming checked`.",
                     "Ніхто не зафіксував перевірки джерел, а в записі немає жодного обміну: перед публікацією перевірте, чи були обміни, і зафіксуйте перевірку в записі.")
        }
        guard let check = f.lastCheck else {
            let limit = t("more than \(n.count(f.staleAfter, .day))", "понад \(n.count(f.staleAfter, .day))")
            return t("Nobody has recorded a check of the sources; the newest exchange in the record is from \(date(through)), \(n.count(days, .day)) before \(date(f.reach)) (\(limit)). Check for newer exchanges before publishing, then run `homecoming checked`.",
                     "Ніхто не зафіксував перевірки джерел; найновіший обмін у записі датовано \(date(through)), за \(n.count(days, .day)) до \(date(f.reach)) (\(limit)). Перед публікацією перевірте, чи не було новіших обмінів, і зафіксуйте перевірку в записі.")
        }
        return t("The sources were checked only through \(date(through)) (by \(check.checkedBy) on \(date(check.checkedOn))), \(n.count(days, .day)) before \(date(f.reach)); exchanges after \(dayMonth(through)) may be missing from this briefing.",
                 "Джерела перевірено лише по \(date(through)) включно (перевірка: \(check.checkedBy), \(date(check.checkedOn))) — за \(n.count(days, .day)) до \(date(f.reach)); обмінів після \(dayMonth(through)) в огляді може бракувати.")
    }

    func correction(_ e: HistoryEntry) -> String {
        let what = e.recordType == "exchange"
            ? t("exchange of \(Day(iso: e.recordKey).map(date) ?? e.recordKey)", "обмін \(Day(iso: e.recordKey).map(date) ?? e.recordKey)")
            : t("reported total \(e.recordKey)", "офіційний підсумок \(e.recordKey)")
        let day = Day(iso: e.at.prefix(10)).map(date) ?? e.at
        return t("\(day): \(e.by) corrected the \(what).", "\(day): \(e.by) виправив(ла) \(what).")
    }

    func change(_ c: FieldChange) -> String {
        "\(fieldName(c.field)): \(c.old ?? t("empty", "порожньо")) → \(c.new ?? t("empty", "порожньо"))"
    }

    func fieldName(_ field: String) -> String {
        switch field {
        case "returned_total": t("people returned", "повернуто людей")
        case "returned_military": t("military", "військових")
        case "returned_civilians": t("civilians", "цивільних")
        case "released_to_russia": t("handed to Russia", "передано Росії")
        case "bodies_returned": t("bodies returned", "повернуто тіл")
        case "mediator": t("mediator", "посередник")
        case "notes": t("notes", "примітки")
        case "source_name", "publication": t("source", "джерело")
        case "source_detail": t("source detail", "уточнення джерела")
        case "source_detail_uk": t("source detail in Ukrainian", "уточнення джерела українською")
        case "notes_uk": t("notes in Ukrainian", "примітки українською")
        case "ordinal": t("official number", "офіційний номер")
        case "qualifier": t("qualifier", "точність")
        case "counted_by": t("counted by", "хто рахував")
        case "source_url": t("source address", "адреса джерела")
        case "confidence": t("confidence", "достовірність")
        case "part_of": t("part of", "частина обміну")
        case "value": t("value", "значення")
        default: field
        }
    }

    var recordDataBeside: String {
        t("Homecoming record: the exchanges behind these figures, each with its source (the file per-exchange.csv beside this briefing)",
          "Дані Homecoming: обміни, з яких складено ці цифри, кожен зі своїм джерелом (файл per-exchange.csv поруч із цим оглядом)")
    }
    var recordData: String { t("Homecoming record: the exchanges behind these figures, each with its source", "Дані Homecoming: обміни, з яких складено ці цифри, кожен зі своїм джерелом") }
    var noCorrections: String { t("No corrections were made to the record in this period.", "За цей період дані Homecoming не виправляли.") }
    var chartAltPrefix: String { t("Chart: ", "Графік: ") }
    var linksHeading: String { t("Links", "Посилання") }
}

