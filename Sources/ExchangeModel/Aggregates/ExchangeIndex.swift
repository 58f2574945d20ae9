/// Exchanges sorted by date, found by binary search: a lookup table without a dictionary's copy of every row.
public struct ExchangeIndex: Sendable {
    /// The exchanges, oldest first.
    public let sorted: [Exchange]

    /// Indexes exchanges; they are sorted here unless they already are.
    public init(_ exchanges: [Exchange]) {
        var isSorted = true
        for i in exchanges.indices.dropFirst() where exchanges[i - 1].date >= exchanges[i].date { isSorted = false; break }
        sorted = isSorted ? exchanges : exchanges.sorted { $0.date < $1.date }
    }

    /// The exchange of a day, if there is one.
    public subscript(day: Day) -> Exchange? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].date < day { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo].date == day ? sorted[lo] : nil
    }
}
