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

    /// Every space made a no-break space.
    static func unbreakable(_ text: String) -> String { String(text.map { $0 == " " ? "\u{00A0}" : $0 }) }
    /// The dash between two dates, kept on the line of the first: a wrapped line never starts with it.
    static let rangeDash = "\u{00A0}– "

    /// A period as a reader says it: "13 September 2024", "13–14 September 2024", "September 2024",
    /// "2024", "2022–2025", "1 September – 30 October 2024", "24 February 2022 – 1 December 2026".
    func span(_ start: Day, _ end: Day) -> String {
        let nb = "\u{00A0}", dash = Self.rangeDash
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
            return Self.unbreakable(language.dayMonthLong(start)) + dash + longDate(end)
        }
        return longDate(start) + dash + longDate(end)
    }

    /// The part of one year a bar covers: "2024", "2024, 1–30 Sep", "2024, from 1 Sep", "2026, to 1 Dec".
    /// - Parameter long: months in full, as alt text is read aloud ("2026, to 22 November"); a bar's label abbreviates them.
    func yearLabel(_ year: Int, from start: Day, to end: Day, long: Bool = false) -> String {
        let first = Day(year: year, month: 1, day: 1)!, last = Day(year: year, month: 12, day: 31)!
        let dayMonth = { (day: Day) in long ? Self.unbreakable(self.language.dayMonthLong(day)) : self.dayMonth(day) }
        switch (start <= first, end >= last) {
        case (true, true): return String(year)
        case (true, false): return t("\(year), to\u{00A0}", "\(year), до\u{00A0}") + dayMonth(end)
        case (false, true): return t("\(year), from\u{00A0}", "\(year), з\u{00A0}") + dayMonth(start)
        case (false, false):
            if start == end { return "\(year), " + dayMonth(start) }
            if start.month == end.month { return "\(year), " + Self.unbreakable("\(start.day)–" + (long ? language.dayMonthLong(end) : language.dayMonth(end))) }
            return "\(year), " + dayMonth(start) + Self.rangeDash + dayMonth(end)
        }
    }

    static let ukrainianMonths = ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
                                  "вересень", "жовтень", "листопад", "грудень"]

    // MARK: - Titles

    /// "…, by year", or "…, September 2024" for a period inside one year (one bar).
    func perYearTitle(_ span: String, withinOneYear: Bool) -> String {
        withinOneYear ? t("Ukrainians freed from Russian captivity, \(span)", "Українці, звільнені з російського полону, \(span)")
            : t("Ukrainians freed from Russian captivity, by year", "Українці, звільнені з російського полону, за роками")
    }
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
    var invasionDay: String { longDate(ChartBuilder.invasion) }
    var cumulativeTitleSinceInvasion: String {
        t("People returned from Russian captivity since \(invasionDay)", "Люди, повернуті з російського полону від \(invasionDay)")
    }
    func cumulativeTitle(_ span: String, sinceInvasion: Bool) -> String {
        sinceInvasion ? t("Returned since \(invasionDay): running total, \(span)", "Повернуті від \(invasionDay): наростальний підсумок, \(span)")
            : t("People returned from Russian captivity: running total, \(span)", "Люди, повернуті з російського полону: наростальний підсумок, \(span)")
    }
    func cumulativeSubtitle(_ span: String, start: Day, sinceInvasion: Bool, reported: Bool) -> String {
        guard sinceInvasion else {
            return t("Running total in the record since \(longDate(start))", "Наростальний підсумок за даними Homecoming від \(longDate(start))")
        }
        return reported ? t("Running total in the record beside reported totals, \(span)",
                            "Наростальний підсумок за даними Homecoming і оприлюднені підсумки; період: \(span)")
            : t("Running total in the record since \(invasionDay), \(span)", "Наростальний підсумок за даними Homecoming від \(invasionDay); період: \(span)")
    }

    // MARK: - Legend

    var record: String { t("Record", "Дані Homecoming") }
    var yearInProgress: String { t("Year in progress", "Рік ще триває") }
    var partOfYear: String { t("Part of the year only", "Неповний рік") }
    var partOfYearOrInProgress: String { t("Part of the year (cut by the period, or in progress)", "Неповний рік (обмежено періодом або рік триває)") }
    var reportedTotal: String { t("Reported total (its kind is written above the line)", "Оприлюднений підсумок (тип підсумку — над лінією)") }
    var latest: String { t("Latest exchange", "Останній обмін") }
    var lastInPeriod: String { t("Last exchange in the period", "Останній обмін за період") }
    var undisclosed: String { t("Number not disclosed", "Кількість не розголошено") }
    var notDisclosed: String { t("not disclosed", "не розголошено") }
    /// In a sentence: "number not disclosed" / "кількість не розголошено".
    var numberNotDisclosed: String { t("number not disclosed", "кількість не розголошено") }
    var runningTotal: String { t("Record, running total", "Дані Homecoming, наростальний підсумок") }
    var reported: String { t("Reported totals", "Оприлюднені підсумки") }
    var reportedFloor: String { t("Reported as “more than”", "Оприлюднено як «понад»") }

    /// A reported total where it is drawn: what kind of figure it is, and whether the record agrees.
    func referenceLabel(_ total: PerYearChart.Official, agrees: Bool) -> String {
        let number = language.number(total.value)
        let value = total.isApproximate ? t("about \(number)", "близько \(number)") : number
        let kind = total.isDerived ? t("Derived", "Обчислено") : total.isNamed ? t("Official", "Офіційно") : t("Unattributed", "Джерело не назване")
        return "\(kind): \(value)" + (agrees ? t(" (same)", " (збігається)") : "")
    }

    // MARK: - Footer

    /// "Source: Homecoming record from A, B and 3 more; reported totals: C". Names do not break across lines.
    func source(_ names: [String], more: Int, reportedBy: [String], moreOfficials: Bool) -> String {
        var text = t("Source: Homecoming record", "Джерело: дані Homecoming")
        if !names.isEmpty { text += t(" from ", "; публікації: ") + names.map(Self.unbreakable).joined(separator: ", ") }
        if more > 0 { text += t(" and\u{00A0}\(more)\u{00A0}more", " та ще\u{00A0}" + Self.unbreakable(language.count(more, .source))) }
        if !reportedBy.isEmpty {
            text += t("; reported totals: ", "; оприлюднені підсумки: ") + reportedBy.map(Self.unbreakable).joined(separator: ", ")
                + (moreOfficials ? t(" and others", " та інші") : "")
        }
        return text
    }

    func byline(_ organisation: String, author: String?) -> String {
        t("Chart: ", "Графік: ") + organisation + (author.map { " · \($0)" } ?? "")
    }

    /// The note for undisclosed stages; the "*" clause only where a label carries one.
    func undisclosedNote(_ stages: Int, starred: Bool) -> String {
        t("\(language.count(stages, .stage)) with undisclosed numbers: shown as ◇, never as zero" + (starred ? "; * marks a sum that leaves them out." : "."),
          "\(language.count(stages, .stage)) з нерозголошеною кількістю: позначено ◇ і не враховано як нуль" + (starred ? "; * — сума без них." : "."))
    }
    /// "9 stages with undisclosed numbers" / «кількість повернених під час 9 етапів не розголошено».
    func stagesUndisclosed(_ stages: Int) -> String {
        t("\(language.count(stages, .stage)) with undisclosed numbers", "кількість повернених під час \(language.count(stages, .stageGenitive)) не розголошено")
    }
    func undisclosedExcluded(_ year: Int, value: Int, _ stages: Int) -> String {
        t("* \(year): at least \(language.number(value)), without \(language.count(stages, .stage)) whose numbers were not disclosed.",
          "* \(year): щонайменше \(language.number(value)) — без \(language.count(stages, .stageGenitive)), у \(Language.ukrainianWhich(stages)) кількість повернених не розголошено.")
    }
    func undisclosedExcludedYears(_ stages: Int) -> String {
        t("* At least: these sums leave out \(language.count(stages, .stage)) whose numbers were not disclosed.",
          "* Щонайменше: ці суми — без \(language.count(stages, .stageGenitive)), у \(Language.ukrainianWhich(stages)) кількість повернених не розголошено.")
    }
    var noExchange: String { t("no exchange in the record", "у даних Homecoming немає обмінів") }
    /// A year before the record's coverage: its bar's label, its item in the description, the note that explains it.
    var notCovered: String { t("n/a", "н/д") }
    var beforeRecordItem: String { t("no data", "немає даних") }
    func notCoveredNote(_ start: Day) -> String {
        t("n/a: no data (the record covers exchanges from \(longDate(start)) on).", "н/д — немає даних (дані Homecoming охоплюють обміни від \(longDate(start))).")
    }
    var emptyYears: String { t("– no exchange in the record that year.", "– у даних Homecoming немає обмінів за цей рік.") }
    func officialDiffers(_ items: [String]) -> String {
        t("Reported totals where they differ from the record: ", "Оприлюднені підсумки, де вони відрізняються від даних Homecoming: ") + items.joined(separator: "; ") + "."
    }
    var derived: String { t("derived", "обчислено") }
    var unattributed: String { t("source not named", "джерело не назване") }
    var stacked: String { t("Stages of one exchange are stacked; separate exchanges stand apart.", "Етапи одного обміну показано одним стовпчиком, окремі обміни — окремими.") }
    func leftOut(_ count: Int, before day: Day) -> String {
        Self.ended(t("Not\u{00A0}shown: \(language.count(count, .exchange)) before \(longDate(day))",
                     "Не\u{00A0}показано: \(language.count(count, .exchange)) до \(longDate(day))"))
    }
    func notCounted(_ count: Int, before day: Day) -> String {
        Self.ended(t("Not\u{00A0}counted: \(language.count(count, .exchange)) before \(longDate(day))",
                     "Не\u{00A0}враховано: \(language.count(count, .exchange)) до \(longDate(day))"))
    }
    func cumulativeNote(_ stages: Int, latest: String?) -> String {
        var text = stages > 0
            ? t("* At least: the record leaves out \(language.count(stages, .stage)) with undisclosed numbers (◇), and exchanges with no dated source.",
                "* Щонайменше: не враховано \(language.count(stages, .stageGenitive)) з нерозголошеною кількістю (◇) та обміни, для яких немає джерела з датою.")
            : t("The record leaves out exchanges with no dated source.", "Не враховано обміни, для яких немає джерела з датою.")
        if let latest { text += " " + latest }
        return text
    }
    func latestOfficial(_ value: String, _ date: Day, record: String, likeForLike: String? = nil, countedBy: String?) -> String {
        let who = countedBy.map { t(", \($0)", ", \($0)") } ?? t(", \(noCounter)", ", \(noCounter)")
        let comparable = likeForLike.map { t("; like for like:\u{00A0}\($0)", "; за коректного порівняння —\u{00A0}\($0)") } ?? ""
        return t("Latest exact reported total: \(value) on \(shortDate(date))\(who) (record:\u{00A0}\(record)\(comparable)).",
                 "Останній точний оприлюднений підсумок: \(value) станом на \(shortDate(date))\(who) (за даними Homecoming —\u{00A0}\(record)\(comparable)).")
    }
    var noCounter: String { t("no counter named", "хто рахував, не вказано") }
    func countedByOne(_ name: String) -> String { t("counted by \(name)", "підрахунок: \(name)") }
    /// Who counted the reported totals drawn, most points first: "Reported totals counted by: Coordination HQ… (18), SBU (2); 6 name no counter."
    func countedBy(_ counters: [String]) -> String {
        var tally: [(name: String, count: Int)] = []
        for name in counters where !name.isEmpty {
            if let i = tally.firstIndex(where: { $0.name == name }) { tally[i].count += 1 } else { tally.append((name, 1)) }
        }
        let named = tally.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
            .map { "\($0.element.name): \($0.element.count)" }.joined(separator: "; ")
        let unnamed = counters.filter(\.isEmpty).count
        let rest = unnamed == 0 ? "" : t("; \(unnamed) with no counter named", "; ще \(unnamed) — без зазначення, хто рахував")
        return named.isEmpty ? t("No reported total drawn names who counted it.", "Для жодного з нанесених підсумків не вказано, хто рахував.")
            : t("Reported totals counted by: \(named)\(rest).", "Хто рахував оприлюднені підсумки: \(named)\(rest).")
    }
    /// The alt text's last sentence: how far the record is from the latest exact reported total.
    /// `recordIsFloor`: the record leaves out undisclosed stages up to `date`, so it is at most that many fewer.
    /// The alt text's last word on the latest exact reported total, as the briefing states the gap:
    /// "at most" where the record is a floor, like for like where the total leaves recorded people out.
    func cumulativeTakeaway(_ c: BriefingFacts.OfficialComparison) -> String {
        let date = c.reported.periodEnd, gap = -c.difference
        let floor = c.recorded.unknownCount > 0 || c.missesKnownPeople
        let likeForLike = c.leftOutPeople > 0
            ? t(", like for like (without the \(language.count(c.leftOutPeople, .person)) freed outside exchanges whom that total leaves out)",
                " (за коректного порівняння — без \(language.count(c.leftOutPeople, .personGenitive)), звільнених поза обмінами, яких цей підсумок не враховує)")
            : ""
        let why: String
        switch (c.recorded.unknownCount > 0, c.missesKnownPeople) {
        case (true, true): why = t(", as it leaves out stages with undisclosed numbers and misses exchanges officials counted",
                                   ": вони не враховують етапів з нерозголошеною кількістю, і в них бракує обмінів, які враховано офіційно")
        case (false, true): why = t(", as it misses exchanges officials counted", ": у них бракує обмінів, які враховано офіційно")
        default: why = t(", as it leaves out stages with undisclosed numbers", ": вони не враховують етапів з нерозголошеною кількістю")
        }
        if gap == 0, !floor {
            return t("On \(longDate(date)) the record matched the latest exact reported total\(likeForLike).",
                     "Станом на \(longDate(date)) дані Homecoming збігалися з останнім точним оприлюдненим підсумком\(likeForLike).")
        }
        let people = language.count(abs(gap), .personAccusative)
        if floor, gap > 0 {
            return t("On \(longDate(date)) the record held at most \(people) fewer than the latest exact reported total\(likeForLike)\(why).",
                     "Станом на \(longDate(date)) у даних Homecoming щонайбільше на \(people) менше, ніж в останньому точному оприлюдненому підсумку\(likeForLike)\(why).")
        }
        if floor, gap <= 0 {
            return t("On \(longDate(date)) the record held at least \(gap == 0 ? "as many as" : "\(people) more than") the latest exact reported total\(likeForLike).",
                     "Станом на \(longDate(date)) у даних Homecoming щонайменше \(gap == 0 ? "стільки ж, скільки" : "на \(people) більше, ніж") в останньому точному оприлюдненому підсумку\(likeForLike).")
        }
        return gap > 0
            ? t("On \(longDate(date)) the record held \(people) fewer than the latest exact reported total\(likeForLike).",
                "Станом на \(longDate(date)) у даних Homecoming на \(people) менше, ніж в останньому точному оприлюдненому підсумку\(likeForLike).")
            : t("On \(longDate(date)) the record held \(people) more than the latest exact reported total\(likeForLike).",
                "Станом на \(longDate(date)) у даних Homecoming на \(people) більше, ніж в останньому точному оприлюдненому підсумку\(likeForLike).")
    }
    func reportedPoint(_ value: String) -> String { t("Reported: \(value)", "Оприлюднено: \(value)") }
    func floor(_ value: String) -> String { t("more than \(value)", "понад \(value)") }
    func atLeast(_ value: String) -> String { t("at least \(value)", "щонайменше \(value)") }

    // MARK: - Plot messages

    func nothingInPeriod(_ span: String) -> String {
        Self.ended(t("No exchange in the record for \(span)", "У даних Homecoming немає обмінів за \(span)"))
    }
    func uncheckedAfter(_ day: Day) -> String {
        t("The sources were checked only through \(longDate(day)): later exchanges may be missing.",
          "Джерела перевірено лише по \(longDate(day)) включно: пізніших обмінів у даних може бракувати.")
    }
    func uncheckedPeriod(_ span: String, checkedThrough day: Day) -> String {
        t(Self.ended("The sources were checked only through \(longDate(day)): whether any exchange took place in \(span) is not known"),
          Self.ended("Джерела перевірено лише по \(longDate(day)) включно, тож невідомо, чи були обміни за \(span)"))
    }
    func recordStartsNote(_ start: Day) -> String {
        t("The record covers exchanges from \(longDate(start)) on: earlier ones are not included.", "Дані Homecoming охоплюють обміни від \(longDate(start)); раніших обмінів у них немає.")
    }
    /// A period that ends before the record's coverage begins.
    func beforeRecord(_ span: String, start: Day) -> String {
        t("The record covers exchanges from \(longDate(start)) on: it has nothing for \(span).", "Дані Homecoming охоплюють обміни від \(longDate(start)); за \(span) даних немає.")
    }
    func onlyUndisclosed(_ span: String, _ stages: Int) -> String {
        t("No number disclosed for \(span): the record holds \(language.count(stages, .stage)) without one.",
          "За \(span) кількість не розголошено: у даних Homecoming \(language.count(stages, .stage)) без кількості.")
    }
    func flatRunningTotal(_ span: String, _ value: String) -> String {
        t("No exchange in the record for \(span): the running total stayed at \(value).",
          "У даних Homecoming немає обмінів за \(span): наростальний підсумок залишився на рівні \(value).")
    }

    // MARK: - Descriptions (alt text)

    /// "2022: 1,455" / "2022 — 1 455".
    func item(_ label: String, _ value: String) -> String { t("\(label): \(value)", "\(label) — \(value)") }

    func perYearDescription(_ span: String, items: [String], official: [String], takeaway: String?, leftOut: String?) -> String {
        var text = Self.ended(t("Bar chart of people returned from Russian captivity per year, \(span)",
                                "Стовпчикова діаграма: кількість людей, повернутих з російського полону, за роками, \(span)"))
            + " " + Self.ended(items.joined(separator: "; "))
        if !official.isEmpty { text += " " + officialDiffers(official) }
        if let leftOut { text += " " + leftOut }
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
    /// One exchange in the period: said in one sentence.
    func singleExchangeDescription(_ span: String, date: Day, value: String?) -> String {
        guard let value else {
            return t("Chart of prisoner exchanges, \(span): one exchange, on \(longDate(date)), its number not disclosed (◇).",
                     "Діаграма обмінів полоненими, \(span): один обмін, \(longDate(date)), кількість не розголошено (◇).")
        }
        return t("Bar chart of prisoner exchanges, \(span): one exchange, on \(longDate(date)), \(value) returned.",
                 "Стовпчикова діаграма обмінів полоненими, \(span): один обмін, \(longDate(date)), повернуто \(value).")
    }
    func perExchangeDescription(count: String, span: String, unit: PerExchangeChart.Bucket, anyBar: Bool, largest: [String], latest: String?,
                                latestIsLatest: Bool, undisclosed: String?, leftOut: String?, takeaway: String?) -> String {
        var text: String
        switch unit {
        case .exchange:
            text = anyBar ? t("Bar chart of \(count) by date, \(span), one bar per exchange.", "Стовпчикова діаграма: \(count) за датами, \(span); кожен стовпчик — окремий обмін.")
                : t("Chart of \(count) by date, \(span): for none was a number disclosed, and each is marked ◇ on the time axis.",
                    "Діаграма: \(count) за датами, \(span); для жодного кількість не розголошено, кожен позначено ◇ на осі часу.")
            if !largest.isEmpty { text += t(" Largest exchanges: ", " Найбільші обміни: ") + largest.joined(separator: "; ") + "." }
        case .month, .year:
            let monthly = unit == .month
            text = monthly ? t("Bar chart of monthly sums: \(count), \(span), one bar per month with an exchange.",
                               "Стовпчикова діаграма місячних сум: \(count), \(span), один стовпчик на місяць з обміном.")
                : t("Bar chart of yearly sums: \(count), \(span), one bar per year with an exchange.",
                    "Стовпчикова діаграма річних сум: \(count), \(span), один стовпчик на рік з обміном.")
            if !largest.isEmpty { text += (monthly ? t(" Largest months: ", " Найбільші місяці: ") : t(" Largest years: ", " Найбільші роки: ")) + largest.joined(separator: "; ") + "." }
        }
        if let undisclosed { text += " " + undisclosed }
        if let leftOut { text += " " + leftOut }
        if let latest {
            text += " " + (latestIsLatest ? t("Latest exchange: ", "Останній обмін: ") : t("Last exchange in the period: ", "Останній обмін за період: ")) + latest + "."
        }
        if let takeaway { text += " " + takeaway }
        return text
    }
    /// "9 stages from 9 June to 23 July 2025 had undisclosed numbers…", or, for several groups, "…, among them: …".
    func undisclosedDescription(_ parts: [String], stages: Int, groups: Int) -> String {
        if groups == 1, let only = parts.first {
            return t("\(only) had undisclosed numbers, marked ◇ and not counted as zero.",
                     "\(only): кількість не розголошено; позначено ◇ і не враховано як нуль.")
        }
        // «а саме» when the list is whole, «зокрема» when some groups are left out.
        return t("\(language.count(stages, .stage)) had undisclosed numbers, marked ◇ and not counted as zero; among them: ",
                 "Для \(language.count(stages, .stageGenitive)) кількість не розголошено; їх позначено ◇ і не враховано як нуль; \(groups > parts.count ? "зокрема" : "а саме"): ")
            + Self.ended(parts.joined(separator: "; ") + (groups > parts.count ? t(" and \(groups - parts.count) more", " та ще \(groups - parts.count)") : ""))
    }
    func undisclosedGroup(_ stages: Int, from: Day, to: Day) -> String {
        let count = language.count(stages, .stage)
        if from == to { return t("\(count) on \(longDate(from))", "\(count) \(longDate(from))") }
        let first = from.year == to.year ? Self.unbreakable(language.dayMonthLong(from)) : longDate(from)
        return t("\(count) from \(first) to \(longDate(to))", "\(count) з \(first) до \(longDate(to))")
    }
    /// The per-exchange take-away: how long the latest exchange came after the one before it.
    func gapBefore(_ days: Int) -> String {
        days == 1 ? t("It came the day after the one before.", "Він відбувся наступного дня після попереднього.")
            : t("It came \(language.count(days, .day)) after the one before.", "Він відбувся через \(language.count(days, .day)) після попереднього.")
    }
    func cumulativeDescription(sinceInvasion: Bool, span: String, start: Day, from: String?, to: String, atLeast: Bool, date: Day,
                               reported: [String], reportedCount: Int) -> String {
        let end = atLeast ? self.atLeast(to) : to
        var text = sinceInvasion
            ? t("Step chart of the running total of people returned since \(invasionDay), shown for \(span): ",
                "Ступінчастий графік: наростальний підсумок людей, повернутих від \(invasionDay) (період: \(span)): ")
            : t("Step chart of the running total of people returned since \(longDate(start)): ",
                "Ступінчастий графік: наростальний підсумок людей, повернутих від \(longDate(start)): ")
        if let from {
            text += t("\(from) at the start, \(end) on \(longDate(date)) in the record.",
                      "на початку періоду — \(from), станом на \(longDate(date)) — \(end) (за даними Homecoming).")
        } else {
            text += t("\(end) on \(longDate(date)) in the record.", "станом на \(longDate(date)) — \(end) (за даними Homecoming).")
        }
        if !reported.isEmpty {
            text += reportedCount > reported.count
                // «з 21 оприлюдненого підсумку», «з 22 оприлюднених підсумків»: after «з», a count ending in 1 (not 11) takes the singular.
                ? t(" The last \(reported.count) of \(reportedCount) reported totals shown: ",
                    " Останні \(reported.count) з \(reportedCount) " + (reportedCount % 10 == 1 && reportedCount % 100 != 11 ? "оприлюдненого підсумку: " : "оприлюднених підсумків: "))
                : t(" Reported totals: ", " Оприлюднені підсумки: ")
            text += reported.joined(separator: "; ") + "."
        }
        return text
    }
}
