/// A calendar day (proleptic Gregorian), free of time zones.
///
/// Exchange dates are civil dates in Kyiv time as published; modelling them as
/// `Date` would invite time-zone shifts, so they are kept as year, month, day.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, month and day in one word (`(year + yearBias) << 9 | month << 5 | day`), so that days
    /// compare and hash as one number, and a row of the record, with two of them, is 40 bytes smaller.
    private let packed: UInt32
    /// Lets arithmetic reach the proleptic years before 1 (as far as ±4 million years).
    private static let yearBias = 1 << 22

    /// The year, e.g. 2024.
    public var year: Int { Int(packed >> 9) - Self.yearBias }
    /// The month, 1–12.
    public var month: Int { Int(packed >> 5 & 0xF) }
    /// The day of the month, 1–31.
    public var day: Int { Int(packed & 0x1F) }

    private static func pack(_ year: Int, _ month: Int, _ day: Int) -> UInt32 {
        // Days come from checked input (years 1–9999) and arithmetic on them; anything else is a bug.
        precondition((-yearBias..<yearBias).contains(year), "year \(year) out of range")
        return UInt32(year + yearBias) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    /// Creates a day, or returns nil when the combination does not exist (2024-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        packed = Self.pack(year, month, day)
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else.
    public init?(iso text: some StringProtocol) {
        // Read in place where the string allows it: dates are parsed for every stored row.
        let parsed = text.utf8.withContiguousStorageIfAvailable { Day.parse($0) } ?? Day.parse(Array(text.utf8))
        guard let (y, m, d) = parsed else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// A date from its ISO 8601 bytes (`YYYY-MM-DD`), as a database hands them over.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let (y, m, d) = Day.parse(bytes) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    private static func parse(_ utf8: some RandomAccessCollection<UInt8>) -> (Int, Int, Int)? {
        guard utf8.count == 10 else { return nil }
        var year = 0, month = 0, day = 0
        for (i, byte) in utf8.enumerated() {
            if i == 4 || i == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            let digit = Int(byte - 48)
            if i < 4 { year = year * 10 + digit } else if i < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
        }
        return (year, month, day)
    }

    /// Whether `text` has the shape `YYYY-MM-DD`, valid or not (tells "2024-02-30" from "30/12/2024").
    public static func hasISOShape(_ text: some StringProtocol) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.count == 10 && utf8[4] == UInt8(ascii: "-") && utf8[7] == UInt8(ascii: "-")
            && digits(utf8[0..<4]) != nil && digits(utf8[5..<7]) != nil && digits(utf8[8..<10]) != nil
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count == 1 ? "0" : "") + m + "-" + (d.count == 1 ? "0" : "") + d
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.packed < rhs.packed }

    // MARK: - Arithmetic

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        packed = Self.pack(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + n) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// 1 January of the year.
    public var startOfYear: Day { Day(uncheckedYear: year, month: 1, day: 1) }
    /// 31 December of the year.
    public var endOfYear: Day { Day(uncheckedYear: year, month: 12, day: 31) }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    init(uncheckedYear year: Int, month: Int, day: Int) {
        packed = Self.pack(year, month, day)
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a date YYYY-MM-DD: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
