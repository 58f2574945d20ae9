import Foundation

/// "Now", as an input: the instant used for timestamps and the civil day used for "today".
///
/// Every output that depends on the time takes this value rather than reading the
/// clock, so a run with the same `--now` produces the same files.
public struct ReferenceTime: Sendable, Hashable {
    /// The day in Kyiv at `instant`: exchange dates are Kyiv dates.
    public let today: Day
    /// The instant when one was given; nil for a day (then noon in Kyiv).
    private let given: Date?

    /// The instant (recorded in the history, for example). For a day given as `--now`, noon in
    /// Kyiv, worked out only when asked: the time-zone tables cost half a millisecond to load,
    /// and commands that only read (charts, briefings) need nothing but `today`.
    public var instant: Date {
        if let given { return given }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ReferenceTime.kyiv
        return calendar.date(from: DateComponents(year: today.year, month: today.month, day: today.day, hour: 12))
            ?? Date(timeIntervalSince1970: TimeInterval(today.daysSinceEpoch * 86_400 + 10 * 3600))
    }

    /// The time zone exchange dates are given in.
    public static let kyiv: TimeZone = TimeZone(identifier: "Europe/Kyiv")
        ?? TimeZone(identifier: "Europe/Kiev") ?? TimeZone(secondsFromGMT: 2 * 3600)!

    private init(today: Day, given: Date?) {
        self.today = today
        self.given = given
    }

    /// Takes "now" from an instant.
    public init(instant: Date) {
        given = instant
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ReferenceTime.kyiv
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        // Far outside the calendar Foundation can convert: the UTC day, which `resolve` then refuses.
        self.today = c.year.flatMap { year in c.month.flatMap { month in c.day.flatMap { Day(year: year, month: month, day: $0) } } }
            ?? Day(daysSinceEpoch: Int(max(-1e12, min(1e12, instant.timeIntervalSince1970 / 86_400)).rounded(.down)))
    }

    /// The years a "now" may fall in: a run "today" outside them is a mistake (an epoch in
    /// milliseconds, a year typed wrong), never a date to publish from.
    public static let supportedYears = 1970...2999

    /// Parses `--now`: a day (`2026-11-26`, taken as noon in Kyiv) or an ISO 8601 instant (`2026-11-26T09:00:00Z`).
    public init?(parsing text: String) {
        if let day = Day(iso: text) {
            // Noon in Kyiv is on that day in Kyiv, whatever the offset.
            self.init(today: day, given: nil)
            return
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { self.init(instant: date); return }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) else { return nil }
        self.init(instant: date)
    }

    /// "Now" from `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
    ///
    /// - Throws: `ReferenceTime.Invalid` naming the value that could not be read.
    public static func resolve(option: String?, environment: [String: String]) throws -> ReferenceTime {
        func supported(_ time: ReferenceTime, _ source: String, _ value: String) throws -> ReferenceTime {
            guard supportedYears.contains(time.today.year) else {
                throw Invalid(source: source, value: value, reason: "it falls outside the years Homecoming supports (\(supportedYears.lowerBound)–\(supportedYears.upperBound))")
            }
            return time
        }
        if let option {
            guard let time = ReferenceTime(parsing: option) else { throw Invalid(source: "--now", value: option) }
            return try supported(time, "--now", option)
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch), seconds >= 0, seconds < 1 << 50 else { throw Invalid(source: "SOURCE_DATE_EPOCH", value: epoch) }
            return try supported(ReferenceTime(instant: Date(timeIntervalSince1970: TimeInterval(seconds))), "SOURCE_DATE_EPOCH", epoch)
        }
        return try supported(ReferenceTime(instant: Date()), "the clock", ReferenceTime.timestamp(Date()))
    }

    /// `instant` as ISO 8601 in UTC, to the second.
    public var timestamp: String { ReferenceTime.timestamp(instant) }

    /// An instant as ISO 8601 in UTC, to the second (`2026-11-26T23:10:59Z`).
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: date)
    }

    /// A value for "now" that could not be read.
    public struct Invalid: Error, Sendable {
        /// Where it came from: `--now` or `SOURCE_DATE_EPOCH`.
        public var source: String
        /// What it said.
        public var value: String
        /// Why it cannot be used; nil when it is not a date at all.
        public var reason: String?

        public init(source: String, value: String, reason: String? = nil) {
            self.source = source; self.value = value; self.reason = reason
        }
    }
}
