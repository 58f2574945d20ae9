import Foundation

/// Maps a domain linearly onto a pixel range.
public struct LinearScale: Hashable, Sendable {
    public var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    /// Whether the range runs backwards (a y axis: larger values higher up, smaller y).
    public var inverted: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, inverted: Bool = false) {
        self.domain = domain; self.range = range; self.inverted = inverted
    }

    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0 : (value - domain.lowerBound) / span
        let length = range.upperBound - range.lowerBound
        return inverted ? range.upperBound - t * length : range.lowerBound + t * length
    }
}

/// Round tick values for a count axis that starts at zero.
public enum NiceTicks {
    /// Ticks 0, step, 2·step, … up to the first at or above `maximum`, about `count` of them.
    public static func ticks(maximum: Double, count: Int) -> [Double] {
        guard maximum > 0 else { return [0, 1] }
        let step = niceStep(maximum / Double(max(1, count)))
        let top = (maximum / step).rounded(.up) * step
        return stride(from: 0.0, through: top + step / 2, by: step).map { $0 }
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `raw`, and never a fraction (counts are whole).
    public static func niceStep(_ raw: Double) -> Double {
        guard raw > 1 else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for factor in [1.0, 2, 2.5, 5, 10] {
            let step = factor * magnitude
            if step >= raw, step == step.rounded() { return step }
        }
        return 10 * magnitude
    }
}
