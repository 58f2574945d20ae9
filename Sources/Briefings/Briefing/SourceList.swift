/// Numbers sources in order of first citation; the same address is one source.
struct SourceList {
    private(set) var entries: [(name: String, url: String)] = []
    private var numbers: [String: Int] = [:]

    /// The number of the source at `url`, added if new.
    mutating func cite(name: String?, url: String) -> Int {
        if let number = numbers[url] { return number }
        entries.append((name ?? url, url))
        numbers[url] = entries.count
        return entries.count
    }
}
