/// Turns byte offsets in a text file into 1-based line and column numbers, as editors count them.
struct SourcePositions: Sendable {
    /// Offsets at which each line starts.
    private var lineStarts: [Int]
    /// The file's bytes.
    let bytes: [UInt8]
    /// Where the content starts: 3 when the file opens with a UTF-8 byte-order mark.
    let contentStart: Int
    /// The offset of the first byte that is not valid UTF-8, if any.
    let firstInvalidUTF8: Int?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [contentStart]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
        firstInvalidUTF8 = SourcePositions.findInvalidUTF8(bytes)
    }

    /// The line and column (counted in characters) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let end = min(offset, bytes.count)
        // Count characters, not bytes: UTF-8 continuation bytes (10xxxxxx) do not start one.
        var column = 1
        if start < end { for byte in bytes[start..<end] where byte & 0xC0 != 0x80 { column += 1 } }
        return (lo + 1, column)
    }

    private static func findInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b >= 0xC2 && b <= 0xDF { length = 2 } else if b >= 0xE0 && b <= 0xEF { length = 3 } else if b >= 0xF0 && b <= 0xF4 { length = 4 } else { return i }
            guard i + length <= n else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length == 3, b == 0xE0, bytes[i + 1] < 0xA0 { return i }
            if length == 3, b == 0xED, bytes[i + 1] > 0x9F { return i }
            if length == 4, b == 0xF0, bytes[i + 1] < 0x90 { return i }
            if length == 4, b == 0xF4, bytes[i + 1] > 0x8F { return i }
            i += length
        }
        return nil
    }
}
