import Charts
import ExchangeModel

/// Candidate ticks for a time axis over any span, from one day to centuries: days, every other day,
/// weeks (Mondays), months, quarters, half-years, years, and years in steps of 2 to 100. The year is
/// always readable: the first label of a finer unit carries it, and so does each label where it changes.
/// Positions are days since 1970, the centre of the day (as the bars are).
enum TimeTicks {
    enum Unit { case days(Int), weeks, months(Int), years(Int) }

    static let units: [Unit] = [.days(1), .days(2), .weeks, .months(1), .months(3), .months(6),
                                .years(1), .years(2), .years(5), .years(10), .years(20), .years(50), .years(100)]

    /// One candidate set per unit, finest first; units that would give hundreds of ticks are left out.
    static func options(from start: Day, to end: Day, language: Language) -> [[AxisTick]] {
        let days = start.days(to: end) + 1
        return units.compactMap { unit in
            let approximate = switch unit {
            case let .days(n): days / n
            case .weeks: days / 7
            case let .months(n): days / (30 * n)
            case let .years(n): days / (365 * n)
            }
            guard approximate <= 400 else { return nil }
            let ticks = ticks(unit, from: start, to: end, language: language)
            return ticks.isEmpty ? nil : ticks
        }
    }

    static func ticks(_ unit: Unit, from start: Day, to end: Day, language: Language) -> [AxisTick] {
        let strings = ChartStrings(language: language)
        var ticks: [AxisTick] = []
        var lastYear: Int?
        /// A day-level label, with the year where it is the first or the year changes.
        func dayLabel(_ day: Day) -> String {
            defer { lastYear = day.year }
            return lastYear == day.year ? strings.dayMonth(day) : strings.shortDate(day)
        }
        switch unit {
        case let .days(step):
            var day = start
            // Every other day on even days since 1970, so that the ticks do not move with the period.
            if step > 1 { while day.daysSinceEpoch % step != 0 { day = day.adding(days: 1) } }
            while day <= end {
                ticks.append(AxisTick(position: Double(day.daysSinceEpoch), label: dayLabel(day)))
                day = day.adding(days: step)
            }
        case .weeks:
            var day = start
            // 1 January 1970 was a Thursday: Mondays are 4 days on.
            while (day.daysSinceEpoch - 4) % 7 != 0 { day = day.adding(days: 1) }
            while day <= end {
                ticks.append(AxisTick(position: Double(day.daysSinceEpoch), label: dayLabel(day)))
                day = day.adding(days: 7)
            }
        case let .months(step):
            var year = start.year, month = start.month
            if start.day > 1 { (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1) }
            while let day = Day(year: year, month: month, day: 1), day <= end {
                if (month - 1) % step == 0 {
                    let label: String
                    if month == 1 { label = String(year) } else if lastYear == nil {
                        label = ChartStrings.unbreakable(language.monthYear(day))
                    } else { label = language.shortMonth(month) }
                    lastYear = year
                    ticks.append(AxisTick(position: Double(day.daysSinceEpoch), label: label))
                }
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
        case .years(1):
            // A mark where each year starts; its label in the middle of the part of the year shown.
            for year in start.year...end.year {
                let first = Day(year: year, month: 1, day: 1)!, last = Day(year: year, month: 12, day: 31)!
                let shownFrom = max(first, start), shownTo = min(last, end)
                ticks.append(AxisTick(position: first >= start ? Double(first.daysSinceEpoch) : nil, label: String(year),
                                      labelPosition: Double(shownFrom.daysSinceEpoch + shownTo.daysSinceEpoch) / 2))
            }
        case let .years(step):
            for year in start.year...end.year where year % step == 0 {
                let first = Day(year: year, month: 1, day: 1)!
                if first >= start { ticks.append(AxisTick(position: Double(first.daysSinceEpoch), label: String(year))) }
            }
        }
        return ticks
    }
}
