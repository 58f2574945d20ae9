import CZlib
@testable import PNGEncoding
import Testing

/// The chart deflater is checked against zlib itself: whatever it writes must inflate, with a
/// matching Adler-32, to exactly the bytes it was given.
@Suite("Run-aware deflate")
struct RunDeflaterTests {
    /// A deterministic byte source (xorshift), so that failures reproduce.
    struct Noise {
        var state: UInt64
        mutating func next() -> UInt8 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    enum Row { case bytes([UInt8]), zero(count: Int, first: UInt8) }

    /// Feeds rows to one or more deflaters (a new one every `split` rows) and inflates the joined stream.
    static func roundTrip(_ rows: [Row], pixelBytes: Int = 3, split: Int = .max) throws -> (input: [UInt8], output: [UInt8], compressed: Int) {
        var input: [UInt8] = []
        var deflaters: [RunDeflater] = []
        let longest = rows.map { if case let .bytes(b) = $0 { b.count } else if case let .zero(n, _) = $0 { n } else { 0 } }.max() ?? 0
        for (index, row) in rows.enumerated() {
            if index % split == 0 || deflaters.isEmpty { deflaters.append(RunDeflater(pixelBytes: pixelBytes, maxRow: longest + 8)) }
            let deflater = deflaters[deflaters.count - 1]
            switch row {
            case let .bytes(bytes):
                let target = deflater.reserve(bytes.count + 8)
                bytes.withUnsafeBufferPointer { target.update(from: $0.baseAddress!, count: bytes.count) }
                deflater.commit(bytes.count)
                input += bytes
            case let .zero(count, first):
                deflater.commitZeroRow(count, first: first)
                input += [first] + [UInt8](repeating: 0, count: count - 1)
            }
        }
        var stream: [UInt8] = [0x78, 0x5E]
        var adler: uLong = 1
        for (index, deflater) in deflaters.enumerated() {
            deflater.finish(last: index == deflaters.count - 1)
            stream += deflater.output
            adler = adler32_combine(adler, uLong(deflater.adler.value), off_t(deflater.length)) // zlib as the oracle
        }
        #expect(adler == input.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }, "Adler-32 kept on the way")
        stream += [UInt8(adler >> 24 & 0xFF), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
        var output = [UInt8](repeating: 0, count: input.count + 1)
        var length = uLongf(output.count)
        let code = output.withUnsafeMutableBufferPointer { out in
            stream.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count)) }
        }
        #expect(code == Z_OK, "zlib inflates it (and checks the Adler-32)")
        return (input, Array(output.prefix(Int(length))), stream.count)
    }

    @Test func flatRowsBecomeRunsAndInflateExactly() throws {
        let rows: [Row] = (0..<200).map { _ in .zero(count: 7201, first: 2) }
        let result = try Self.roundTrip(rows)
        #expect(result.output == result.input)
        #expect(result.compressed < 200 * 20, "a flat row costs a few bytes, not kilobytes")
    }

    @Test func noiseNeedsManyBlocksAndStillInflates() throws {
        var noise = Noise(state: 0x9E37_79B9_7F4A_7C15)
        // 40 rows × 7,201 random bytes: far more literals than one block holds, and the window slides.
        let rows: [Row] = (0..<40).map { _ in .bytes((0..<7201).map { _ in noise.next() }) }
        let result = try Self.roundTrip(rows)
        #expect(result.output == result.input)
    }

    @Test func runsRepeatsAndShortRowsInflateExactly() throws {
        var noise = Noise(state: 42)
        let glyph = (0..<90).map { _ in noise.next() }
        var rows: [Row] = []
        for y in 0..<120 {
            var row: [UInt8] = [2]
            // A run of one colour (3 bytes), a run of one byte, a glyph seen before, literals.
            for _ in 0..<(y % 7 + 40) { row += [200, 30, 9] }
            row += [UInt8](repeating: UInt8(y), count: y % 300)
            row += glyph
            row += (0..<(y % 5)).map { _ in noise.next() }
            rows.append(.bytes(row))
            if y % 3 == 0 { rows.append(.zero(count: y % 4 + 2, first: 2)) } // shorter than a match
            if y % 5 == 0 { rows.append(.zero(count: 1000, first: 2)) }
        }
        let result = try Self.roundTrip(rows)
        #expect(result.output == result.input)
    }

    @Test func slicesJoinIntoOneStream() throws {
        var noise = Noise(state: 7)
        let rows: [Row] = (0..<60).map { y in
            y % 2 == 0 ? .zero(count: 3001, first: 2) : .bytes([2] + (0..<3000).map { _ in y % 3 == 0 ? 0 : noise.next() })
        }
        let result = try Self.roundTrip(rows, split: 17)
        #expect(result.output == result.input)
    }

    @Test func rgbaRunsUseFourBytePixels() throws {
        let row: [UInt8] = [2] + (0..<500).flatMap { _ in [10, 20, 30, 255] as [UInt8] }
        let result = try Self.roundTrip(Array(repeating: .bytes(row), count: 10), pixelBytes: 4)
        #expect(result.output == result.input)
    }

    @Test func huffmanCodesStayWithinTheLimitAndAreComplete() {
        // Fibonacci frequencies make the deepest possible Huffman tree: 30 symbols, depth 29 unlimited.
        var frequencies = [1, 1]
        while frequencies.count < 30 { frequencies.append(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2]) }
        for limit in [7, 15] {
            let lengths = Huffman.codeLengths(frequencies, limit: limit)
            #expect(lengths.allSatisfy { $0 >= 1 && Int($0) <= limit })
            // Kraft: a complete prefix code has Σ 2^-length == 1.
            let kraft = lengths.reduce(0.0) { $0 + 1 / Double(1 << Int($1)) }
            #expect(kraft == 1)
        }
        // A single used symbol still gets a complete two-symbol code.
        let lone = Huffman.codeLengths([0, 0, 5, 0], limit: 15)
        #expect(lone.filter { $0 > 0 }.count == 2)
    }

    @Test func lengthAndDistanceCodesFollowTheRFC() {
        #expect(Deflate.lengthCode[3].code == 257)
        #expect(Deflate.lengthCode[10].code == 264)
        #expect(Deflate.lengthCode[11].code == 265 && Deflate.lengthCode[12].extra == 1)
        #expect(Deflate.lengthCode[257].code == 284 && Deflate.lengthCode[257].extra == 30)
        #expect(Deflate.lengthCode[258].code == 285 && Deflate.lengthCode[258].extraBits == 0)
        #expect(Deflate.distanceCode(1).code == 0 && Deflate.distanceCode(4).code == 3)
        #expect(Deflate.distanceCode(5) == (4, 1, 0))
        #expect(Deflate.distanceCode(7) == (5, 1, 0))
        #expect(Deflate.distanceCode(32768) == (29, 13, 8191))
    }
}
