/// A deflate (RFC 1951) compressor made for filtered chart rasters.
///
/// A chart is mostly flat colour: after PNG's "up" filter nearly every byte is zero, and the rest
/// are anti-aliased edges and glyphs. zlib still looks for matches at every byte; this compressor
/// first tries the two matches that flat areas always have, a run at the distance of one pixel and
/// of one byte, extended eight bytes at a time, and otherwise one hash-table candidate (as zlib's
/// fastest level and fpng do). Each block gets its own Huffman tables. The Adler-32 of the
/// uncompressed bytes is kept on the way, in constant time for runs of zeros.
///
/// Rows are written into `reserve(_:)` and encoded by `commit(_:)`; `finish(last:)` ends the
/// stream, or, for a slice that others follow, ends it on a byte boundary (an empty stored block,
/// as zlib's sync flush does) so that slices can be joined.
final class RunDeflater {
    private static let windowLimit = 32_768
    private static let hashBits = 12
    private static let maxTokens = 1 << 14

    private let pixelBytes: Int
    private let capacity: Int
    private let window: UnsafeMutablePointer<UInt8>
    private var end = 0
    /// The absolute stream position of `window[0]`.
    private var base = 0
    /// Hash of 4 bytes → the absolute position where they were last seen (4,096 Int32s: 16 KiB, which fits in the first-level cache).
    private let head: UnsafeMutablePointer<Int32>

    // Buffers behind pointers: the hot loop works on locals, free of the exclusivity checks
    // that every access to a class's stored array would cost.
    private let tokens: UnsafeMutablePointer<UInt32>
    private var tokenCount = 0
    private let literalFrequencies: UnsafeMutablePointer<Int>
    private let distanceFrequencies: UnsafeMutablePointer<Int>

    private var bits = BitWriter()
    private(set) var adler = Adler32()
    /// Uncompressed bytes taken so far.
    var length: Int { base + end }
    /// The deflate bytes written so far.
    var output: [UInt8] { bits.bytes }

    /// - Parameters:
    ///   - pixelBytes: bytes per pixel (3 for RGB, 4 for RGBA): the distance of a run of one colour.
    ///   - maxRow: the longest row that will be reserved.
    init(pixelBytes: Int, maxRow: Int) {
        self.pixelBytes = pixelBytes
        capacity = Self.windowLimit + max(maxRow, 1 << 14) * 2
        window = .allocate(capacity: capacity)
        head = .allocate(capacity: 1 << Self.hashBits)
        head.initialize(repeating: Int32.min, count: 1 << Self.hashBits) // "never seen", far out of the window
        tokens = .allocate(capacity: Self.maxTokens)
        literalFrequencies = .allocate(capacity: 286)
        literalFrequencies.initialize(repeating: 0, count: 286)
        distanceFrequencies = .allocate(capacity: 30)
        distanceFrequencies.initialize(repeating: 0, count: 30)
    }

    deinit {
        window.deallocate()
        head.deallocate()
        tokens.deallocate()
        literalFrequencies.deallocate()
        distanceFrequencies.deallocate()
    }

    /// Room for `count` more bytes; fill it, then `commit(count)`.
    func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if end + count > capacity {
            // Keep the last 32 KiB: matches never reach further back.
            let keep = min(end, Self.windowLimit)
            let shift = end - keep
            UnsafeMutableRawPointer(window).copyMemory(from: window + shift, byteCount: keep) // may overlap: memmove
            base += shift
            end = keep
        }
        return window + end
    }

    /// Encodes the `count` bytes just written into `reserve(_:)`.
    func commit(_ count: Int) {
        let window = self.window, head = self.head, base = self.base, pixelBytes = self.pixelBytes
        let tokens = self.tokens, literalFrequencies = self.literalFrequencies, distanceFrequencies = self.distanceFrequencies
        let mask = UInt32(1 << Self.hashBits - 1), shift = UInt32(32 - Self.hashBits)
        var tokenCount = self.tokenCount
        var adler = self.adler
        let stop = end + count
        var i = end
        var pending = i // bytes not yet in the Adler-32
        end = stop
        while i < stop {
            let remaining = min(stop - i, 258)
            var length = 0, distance = 0
            if remaining >= 3 {
                // A run of one colour (one pixel back) or of one byte value.
                if i >= pixelBytes {
                    length = Self.matchLength(window, i, i - pixelBytes, limit: remaining)
                    distance = pixelBytes
                }
                if length < remaining, i >= 1 {
                    let l = Self.matchLength(window, i, i - 1, limit: remaining)
                    if l > length { length = l; distance = 1 }
                }
                if length < 4, remaining >= 4 {
                    // Anything seen before within the window: one candidate from the hash table.
                    let word = UnsafeRawPointer(window + i).loadUnaligned(as: UInt32.self)
                    let key = Int((word &* 2_654_435_761) >> shift & mask)
                    let candidate = Int(head[key]) - base
                    head[key] = Int32(truncatingIfNeeded: base + i)
                    if candidate >= 0, candidate < i, i - candidate <= Self.windowLimit {
                        let l = Self.matchLength(window, i, candidate, limit: remaining)
                        if l > length, l >= 4 { length = l; distance = i - candidate }
                    }
                }
            }
            if length >= 3 {
                tokens[tokenCount] = 1 << 31 | UInt32(length) << 15 | UInt32(distance - 1)
                literalFrequencies[Int(Deflate.lengthCode[length].code)] += 1
                distanceFrequencies[Deflate.distanceCode(distance).code] += 1
                if distance <= pixelBytes, Self.isZero(window + i - distance, count: distance) {
                    adler.add(window + pending, count: i - pending)
                    adler.addZeros(length)
                    pending = i + length
                }
                i += length
            } else {
                let byte = window[i]
                tokens[tokenCount] = UInt32(byte)
                literalFrequencies[Int(byte)] += 1
                i += 1
            }
            tokenCount += 1
            if tokenCount == Self.maxTokens {
                self.tokenCount = tokenCount
                writeBlock(final: false)
                tokenCount = 0
            }
        }
        adler.add(window + pending, count: stop - pending)
        self.adler = adler
        self.tokenCount = tokenCount
    }

    /// Appends a row that is one byte (`first`, PNG's filter type) then `count - 1` zeros, which is
    /// what the "up" filter makes of a row equal to the one above (most rows of a chart), coded
    /// straight away as two literals and runs, without looking at the bytes.
    func commitZeroRow(_ count: Int, first: UInt8) {
        let row = reserve(count)
        row[0] = first
        (row + 1).initialize(repeating: 0, count: count - 1)
        guard count >= 6 else {
            commit(count)
            return
        }
        end += count
        adler.add(row, count: 2)
        adler.addZeros(count - 2)
        var tokenCount = self.tokenCount
        func emit(_ token: UInt32) {
            tokens[tokenCount] = token
            tokenCount += 1
            if tokenCount == Self.maxTokens {
                self.tokenCount = tokenCount
                writeBlock(final: false)
                tokenCount = 0
            }
        }
        emit(UInt32(first))
        literalFrequencies[Int(first)] += 1
        emit(0)
        literalFrequencies[0] += 1
        var left = count - 2
        while left > 0 {
            // Runs of at most 258; never leave fewer than 3 behind (the shortest match).
            var length = min(left, 258)
            if (1...2).contains(left - length) { length -= 3 }
            emit(1 << 31 | UInt32(length) << 15)
            literalFrequencies[Int(Deflate.lengthCode[length].code)] += 1
            distanceFrequencies[0] += 1
            left -= length
        }
        self.tokenCount = tokenCount
    }

    /// Ends the stream: a final block, or for a slice followed by others, a byte-aligned end.
    func finish(last: Bool) {
        writeBlock(final: last)
        if !last {
            bits.write(0, count: 3) // empty stored block: BFINAL 0, BTYPE 00
        }
        bits.alignToByte()
        if !last { bits.appendBytes([0, 0, 0xFF, 0xFF]) }
    }

    // MARK: - Matching

    /// How many bytes from `i` equal those from `j` (< i), up to `limit` (bytes past the row are never read).
    @inline(__always) private static func matchLength(_ window: UnsafeMutablePointer<UInt8>, _ i: Int, _ j: Int, limit: Int) -> Int {
        let raw = UnsafeRawPointer(window)
        var n = 0
        while n + 8 <= limit {
            let x = raw.loadUnaligned(fromByteOffset: i + n, as: UInt64.self) ^ raw.loadUnaligned(fromByteOffset: j + n, as: UInt64.self)
            if x != 0 { return n + x.trailingZeroBitCount / 8 }
            n += 8
        }
        while n < limit, window[i + n] == window[j + n] { n += 1 }
        return n
    }

    @inline(__always) private static func isZero(_ start: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        for k in 0..<count where start[k] != 0 { return false }
        return true
    }

    // MARK: - Tokens and blocks

    /// Writes the tokens so far as one block with its own Huffman tables.
    private func writeBlock(final: Bool) {
        literalFrequencies[256] += 1
        let literalLengths = Huffman.codeLengths(Array(UnsafeBufferPointer(start: literalFrequencies, count: 286)), limit: 15)
        let distanceLengths = Huffman.codeLengths(Array(UnsafeBufferPointer(start: distanceFrequencies, count: 30)), limit: 15)
        let literalCodes = Huffman.codes(literalLengths), distanceCodes = Huffman.codes(distanceLengths)

        // Moved out and back: a local writer is free of exclusivity checks and of copying its bytes.
        var bits = BitWriter()
        swap(&bits, &self.bits)
        defer { swap(&bits, &self.bits) }
        bits.write(final ? 1 : 0, count: 1)
        bits.write(2, count: 2) // dynamic Huffman
        Huffman.writeTables(literal: literalLengths, distance: distanceLengths, to: &bits)

        for token in UnsafeBufferPointer(start: tokens, count: tokenCount) {
            if token < 256 {
                bits.write(literalCodes[Int(token)], count: Int(literalLengths[Int(token)]))
            } else {
                let length = Int(token >> 15 & 0x1FF), distance = Int(token & 0x7FFF) + 1
                let l = Deflate.lengthCode[length]
                bits.write(literalCodes[Int(l.code)], count: Int(literalLengths[Int(l.code)]))
                if l.extraBits > 0 { bits.write(UInt32(l.extra), count: Int(l.extraBits)) }
                let d = Deflate.distanceCode(distance)
                bits.write(distanceCodes[d.code], count: Int(distanceLengths[d.code]))
                if d.extraBits > 0 { bits.write(UInt32(d.extra), count: d.extraBits) }
            }
        }
        bits.write(literalCodes[256], count: Int(literalLengths[256]))

        tokenCount = 0
        literalFrequencies.update(repeating: 0, count: 286)
        distanceFrequencies.update(repeating: 0, count: 30)
    }
}

/// Deflate's length and distance alphabets (RFC 1951, 3.2.5).
enum Deflate {
    struct Code { let code: UInt16; let extraBits: UInt8; let extra: UInt16 }

    /// Symbol, extra bits and their value for each match length 3…258 (indexed by length).
    static let lengthCode: [Code] = (0...258).map { length in
        if length < 3 { return Code(code: 0, extraBits: 0, extra: 0) }
        if length == 258 { return Code(code: 285, extraBits: 0, extra: 0) }
        if length <= 10 { return Code(code: UInt16(254 + length), extraBits: 0, extra: 0) }
        let l = length - 3
        let bits = (Int.bitWidth - 1 - l.leadingZeroBitCount) - 2
        return Code(code: UInt16(257 + 4 * bits + 4 + (l >> bits & 3)), extraBits: UInt8(bits), extra: UInt16(l & (1 << bits - 1)))
    }

    /// Symbol, extra bits and their value for a distance 1…32768.
    @inline(__always) static func distanceCode(_ distance: Int) -> (code: Int, extraBits: Int, extra: Int) {
        if distance <= 4 { return (distance - 1, 0, 0) }
        let d = distance - 1
        let bits = (Int.bitWidth - 1 - d.leadingZeroBitCount) - 1
        return (2 * bits + 2 + (d >> bits & 1), bits, d & (1 << bits - 1))
    }
}

/// Writes bits least significant first, as deflate packs them.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    @inline(__always) mutating func write(_ value: UInt32, count n: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count += n
        if count >= 32 {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian) { bytes.append(contentsOf: $0) }
            buffer >>= 32
            count -= 32
        }
    }

    mutating func alignToByte() {
        while count > 0 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count = max(0, count - 8)
        }
        buffer = 0
    }

    mutating func appendBytes(_ more: [UInt8]) { bytes += more }
}

/// Huffman code lengths and canonical codes for deflate's dynamic blocks.
enum Huffman {
    /// Code lengths (at most `limit` bits) for symbols with these frequencies; unused symbols get 0.
    ///
    /// Always gives at least two symbols a code, so that every code is complete (a lone symbol is
    /// paired with an unused one), which every inflater accepts.
    static func codeLengths(_ frequencies: [Int], limit: Int) -> [UInt8] {
        var weights = frequencies
        var missing = 2 - weights.filter { $0 > 0 }.count
        for k in weights.indices where missing > 0 && weights[k] == 0 {
            weights[k] = 1
            missing -= 1
        }
        while true {
            let lengths = treeDepths(weights)
            if lengths.max() ?? 0 <= limit { return lengths.map(UInt8.init) }
            // Too deep: flatten the distribution and build again.
            weights = weights.map { $0 == 0 ? 0 : ($0 + 1) / 2 }
        }
    }

    /// Depths of the leaves of a Huffman tree (two-queue construction, ties broken by symbol).
    private static func treeDepths(_ weights: [Int]) -> [Int] {
        let leaves = weights.indices.filter { weights[$0] > 0 }.sorted { (weights[$0], $0) < (weights[$1], $1) }
        var depths = [Int](repeating: 0, count: weights.count)
        guard leaves.count > 1 else {
            for leaf in leaves { depths[leaf] = 1 }
            return depths
        }
        // Nodes 0..<n are leaves in weight order; internal nodes follow in creation order.
        let n = leaves.count
        var weight = leaves.map { weights[$0] } + [Int](repeating: 0, count: n - 1)
        var parent = [Int](repeating: -1, count: 2 * n - 1)
        var nextLeaf = 0, nextInternal = n, created = n
        func takeSmallest() -> Int {
            if nextLeaf < n, nextInternal >= created || weight[nextLeaf] <= weight[nextInternal] {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextInternal += 1
            return nextInternal - 1
        }
        while created < 2 * n - 1 {
            let x = takeSmallest(), y = takeSmallest()
            weight[created] = weight[x] + weight[y]
            parent[x] = created
            parent[y] = created
            created += 1
        }
        var depth = [Int](repeating: 0, count: 2 * n - 1)
        for node in stride(from: 2 * n - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        for (index, leaf) in leaves.enumerated() { depths[leaf] = depth[index] }
        return depths
    }

    /// Canonical codes for these lengths (RFC 1951, 3.2.2), bit-reversed for least-significant-first output.
    static func codes(_ lengths: [UInt8]) -> [UInt32] {
        var countPerLength = [UInt32](repeating: 0, count: 16)
        for l in lengths where l > 0 { countPerLength[Int(l)] += 1 }
        var next = [UInt32](repeating: 0, count: 16)
        var code: UInt32 = 0
        for bits in 1...15 {
            code = (code + countPerLength[bits - 1]) << 1
            next[bits] = code
        }
        return lengths.map { l in
            guard l > 0 else { return 0 }
            let value = next[Int(l)]
            next[Int(l)] += 1
            var reversed: UInt32 = 0
            for k in 0..<Int(l) where value >> UInt32(k) & 1 == 1 { reversed |= 1 << UInt32(Int(l) - 1 - k) }
            return reversed
        }
    }

    /// The header of a dynamic block: HLIT, HDIST, HCLEN, the code-length code and both tables, run-length coded.
    static func writeTables(literal: [UInt8], distance: [UInt8], to bits: inout BitWriter) {
        let literalCount = max(257, (literal.lastIndex { $0 > 0 } ?? 0) + 1)
        let distanceCount = max(1, (distance.lastIndex { $0 > 0 } ?? 0) + 1)
        let all = Array(literal[0..<literalCount]) + Array(distance[0..<distanceCount])

        // Run-length code the lengths: 16 repeats the previous 3–6 times, 17 and 18 are runs of zeros.
        var symbols: [(symbol: Int, extra: UInt32, extraBits: Int)] = []
        var i = 0
        while i < all.count {
            let value = all[i]
            var run = 1
            while i + run < all.count, all[i + run] == value { run += 1 }
            if value == 0, run >= 3 {
                let take = min(run, 138)
                symbols.append(take >= 11 ? (18, UInt32(take - 11), 7) : (17, UInt32(take - 3), 3))
                i += take
            } else if value != 0, run >= 4 {
                symbols.append((Int(value), 0, 0))
                let take = min(run - 1, 6)
                symbols.append((16, UInt32(take - 3), 2))
                i += 1 + take
            } else {
                symbols.append((Int(value), 0, 0))
                i += 1
            }
        }
        var frequencies = [Int](repeating: 0, count: 19)
        for s in symbols { frequencies[s.symbol] += 1 }
        let lengthLengths = codeLengths(frequencies, limit: 7)
        let lengthCodes = codes(lengthLengths)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        let orderCount = max(4, (order.lastIndex { lengthLengths[$0] > 0 } ?? 0) + 1)

        bits.write(UInt32(literalCount - 257), count: 5)
        bits.write(UInt32(distanceCount - 1), count: 5)
        bits.write(UInt32(orderCount - 4), count: 4)
        for k in 0..<orderCount { bits.write(UInt32(lengthLengths[order[k]]), count: 3) }
        for s in symbols {
            bits.write(lengthCodes[s.symbol], count: Int(lengthLengths[s.symbol]))
            if s.extraBits > 0 { bits.write(s.extra, count: s.extraBits) }
        }
    }
}
