/// What the record says about a period: rows, distinct exchanges and the sums of each count.
public struct PeriodSummary: Hashable, Sendable {
    /// First day of the period.
    public var start: Day
    /// Last day of the period.
    public var end: Day
    /// Rows (exchanges, stages and supplements) dated in the period.
    public var rows: Int
    /// Distinct exchanges: stages tied by `part_of` count once.
    public var exchanges: Int
    /// People returned.
    public var returned: KnownSum
    /// Of whom military, where known.
    public var military: KnownSum
    /// Of whom civilians, where known.
    public var civilians: KnownSum
    /// People handed to Russia.
    public var releasedToRussia: KnownSum
    /// Bodies returned.
    public var bodiesReturned: KnownSum

    /// Summarises the rows of `exchanges` dated from `start` to `end`, both included.
    public init(_ exchanges: some Sequence<Exchange>, from start: Day, to end: Day) {
        self.init(rowsInPeriod: exchanges.filter { $0.date >= start && $0.date <= end }, from: start, to: end)
    }

    /// Summarises rows already known to lie in the period.
    public init(rowsInPeriod inPeriod: some Collection<Exchange>, from start: Day, to end: Day) {
        self.start = start
        self.end = end
        rows = inPeriod.count
        // One pass, no arrays of each column: charts summarise 100,000 rows year by year.
        var keys = Set<Day>(minimumCapacity: inPeriod.count)
        var returned = KnownSum(), military = KnownSum(), civilians = KnownSum(), releasedToRussia = KnownSum(), bodiesReturned = KnownSum()
        for row in inPeriod {
            keys.insert(row.exchangeKey)
            returned.add(row.returnedTotal)
            military.add(row.returnedMilitary)
            civilians.add(row.returnedCivilians)
            releasedToRussia.add(row.releasedToRussia)
            bodiesReturned.add(row.bodiesReturned)
        }
        self.exchanges = keys.count
        self.returned = returned
        self.military = military
        self.civilians = civilians
        self.releasedToRussia = releasedToRussia
        self.bodiesReturned = bodiesReturned
    }

    /// The recorded figure that a reported total of `metric` is compared with.
    public func recorded(_ metric: ReportedTotal.Metric) -> KnownSum {
        switch metric {
        case .released: returned
        case .exchanges: KnownSum(known: exchanges, knownCount: rows)
        case .bodiesReturned: bodiesReturned
        }
    }
}

extension Sequence where Element == Exchange {
    /// One summary per calendar year that has at least one row, oldest first, with that year's rows.
    public func summariesPerYear() -> [(summary: PeriodSummary, rows: [Exchange])] {
        let byYear = Dictionary(grouping: self, by: \.date.year)
        return byYear.keys.sorted().map { year in
            let first = Day(uncheckedYear: year, month: 1, day: 1)
            let rows = byYear[year] ?? []
            return (PeriodSummary(rowsInPeriod: rows, from: first, to: first.endOfYear), rows)
        }
    }
}

extension ArraySlice where Element == Exchange {
    /// As for sequences, but cutting slices of rows sorted by date instead of copying them into groups.
    public func summariesPerYear() -> [(summary: PeriodSummary, rows: ArraySlice<Exchange>)] {
        var result: [(PeriodSummary, ArraySlice<Exchange>)] = []
        var start = startIndex
        while start < endIndex {
            let year = self[start].date.year
            var end = start
            while end < endIndex, self[end].date.year == year { end += 1 }
            // Unsorted input would split a year: fall back to grouping.
            if end < endIndex, self[end].date.year < year {
                return Array(self).summariesPerYear().map { ($0.summary, ArraySlice($0.rows)) }
            }
            let first = Day(uncheckedYear: year, month: 1, day: 1)
            result.append((PeriodSummary(rowsInPeriod: self[start..<end], from: first, to: first.endOfYear), self[start..<end]))
            start = end
        }
        return result
    }
}
