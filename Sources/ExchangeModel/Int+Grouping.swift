extension Int {
    /// The number with its thousands separated by `separator` ("1,358", "1\u{00A0}358"), a minus sign (−) when negative.
    public func grouped(separator: String) -> String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return self < 0 ? "−" + out : out
    }
}
