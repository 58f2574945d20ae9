/// A sum over counts some of which are unknown: the known part and how many were left out.
///
/// Unknown is not zero: a sum with `unknownCount > 0` is a floor, and says so.
public struct KnownSum: Hashable, Sendable {
    /// The sum of the known values.
    public var known: Int
    /// How many values were unknown and so are not in `known`.
    public var unknownCount: Int
    /// How many values were known.
    public var knownCount: Int

    /// An empty sum.
    public init(known: Int = 0, unknownCount: Int = 0, knownCount: Int = 0) {
        self.known = known
        self.unknownCount = unknownCount
        self.knownCount = knownCount
    }

    /// Sums optional values, counting the nils instead of adding them as zero.
    public init(_ values: some Sequence<Int?>) {
        self.init()
        for value in values { add(value) }
    }

    /// Adds one value, known or not.
    public mutating func add(_ value: Int?) {
        if let value { known += value; knownCount += 1 } else { unknownCount += 1 }
    }

    /// Whether every value was known, so `known` is the whole sum.
    public var isComplete: Bool { unknownCount == 0 }
    /// The sum when every value was known; nil otherwise.
    public var exact: Int? { isComplete ? known : nil }
}
