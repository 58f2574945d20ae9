extension Day {
    /// ISO 8601 weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The Monday of the ISO week this day is in.
    public var mondayOfWeek: Day { adding(days: 1 - isoWeekday) }

    /// The ISO week-numbering year and week (2024-12-30 is in 2025-W01).
    public var isoWeek: (year: Int, week: Int) {
        // The week's Thursday decides the year.
        let thursday = adding(days: 4 - isoWeekday)
        let jan1 = Day(uncheckedYear: thursday.year, month: 1, day: 1)
        return (thursday.year, jan1.days(to: thursday) / 7 + 1)
    }

    /// The Monday of ISO week `week` of `year`, or nil when the year has no such week.
    public init?(isoYear year: Int, week: Int) {
        guard (1...53).contains(week), let jan4 = Day(year: year, month: 1, day: 4) else { return nil }
        let monday = jan4.mondayOfWeek.adding(days: (week - 1) * 7)
        guard monday.isoWeek == (year, week) else { return nil }
        self = monday
    }
}

/// A span of days, both ends included.
public struct Period: Hashable, Sendable {
    /// What kind of span it is, for file paths and titles.
    public enum Kind: String, Sendable { case weekly, annual, range }

    public var kind: Kind
    public var start: Day
    public var end: Day

    public init(kind: Kind, start: Day, end: Day) {
        self.kind = kind; self.start = start; self.end = end
    }

    /// ISO week `2024-W52`.
    /// Exactly `YYYY-Www` (ISO 8601: four digits, a W, two digits): not `+2024-W01`, `2024-W5` or `2024-W052`.
    public static func week(_ text: String) -> Period? {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard bytes.count == 8, digits(0..<4), bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W"), digits(6..<8),
              let year = Int(text.prefix(4)), let week = Int(text.suffix(2)),
              let monday = Day(isoYear: year, week: week) else { return nil }
        return Period(kind: .weekly, start: monday, end: monday.adding(days: 6))
    }

    /// The last ISO week that has ended before `today`.
    public static func lastCompletedWeek(before today: Day) -> Period {
        let monday = today.mondayOfWeek.adding(days: -7)
        return Period(kind: .weekly, start: monday, end: monday.adding(days: 6))
    }

    /// A calendar year.
    public static func year(_ year: Int) -> Period? {
        guard let start = Day(year: year, month: 1, day: 1) else { return nil }
        return Period(kind: .annual, start: start, end: start.endOfYear)
    }

    /// The name used in paths: `2024-W52`, `2024`, `2024-01-01_2024-03-31`.
    public var slug: String {
        switch kind {
        case .weekly:
            let (year, week) = start.isoWeek
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        case .annual: return String(start.year)
        case .range: return "\(start.iso)_\(end.iso)"
        }
    }

    public func contains(_ day: Day) -> Bool { day >= start && day <= end }

    /// Number of days, both ends included.
    public var length: Int { start.days(to: end) + 1 }
}
