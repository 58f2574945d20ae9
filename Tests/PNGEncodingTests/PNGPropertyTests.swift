import CZlib
@testable import PNGEncoding
import PropertyBased
import Testing

/// Any raster, cut into slices at any rows, comes back exactly: the chunks' CRCs and the zlib
/// stream (inflated by zlib, which checks the Adler-32) are valid, and the unfiltered bytes are
/// the pixels converted to straight RGB(A).
@Suite("PNG encoding over generated rasters")
struct PNGPropertyTests {
    struct Raster: CustomStringConvertible {
        var width: Int, height: Int, stride: Int
        /// Premultiplied native-endian ARGB32 (B, G, R, A in memory on little-endian machines).
        var bytes: [UInt8]
        /// Where each slice after the first starts.
        var cuts: [Int]
        /// Rows given to a slice at a time, as the renderer gives it bands (the last one ends the slice).
        var band: Int
        var description: String { "\(width)×\(height), stride \(stride), cuts \(cuts), bands of \(band)" }
    }

    /// Rasters as charts have them (flat areas, rows equal to the one above, runs, glyph-like
    /// noise) and not (any bytes), opaque or translucent, cut into 1 to 6 slices.
    static let rasters = Generator<Raster, Shrink.None<Raster>> { rng in
        let width = Int.random(in: 1...300, using: &rng), height = Int.random(in: 1...120, using: &rng)
        let stride = width * 4 + 4 * Int.random(in: 0...3, using: &rng)
        let opaque = Bool.random(using: &rng)
        func pixel() -> [UInt8] {
            let a: UInt8 = opaque ? 255 : [0, 1, 128, 254, 255, UInt8.random(in: 0...255, using: &rng)].randomElement(using: &rng)!
            // Premultiplied: no channel above alpha.
            return (0..<3).map { _ in UInt8.random(in: 0...a, using: &rng) } + [a]
        }
        var bytes = [UInt8](repeating: 0, count: stride * height)
        var previous: [UInt8] = []
        for y in 0..<height {
            var row: [UInt8]
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where !previous.isEmpty: row = previous
            case 1: let colour = pixel(); row = (0..<width).flatMap { _ in colour }
            case 2: row = (0..<width).flatMap { _ in pixel() }
            default:
                let colour = pixel(), run = Int.random(in: 1...40, using: &rng)
                row = (0..<width).flatMap { x in x % run == 0 ? pixel() : colour }
            }
            bytes.replaceSubrange((y * stride)..<(y * stride + width * 4), with: row)
            previous = row
        }
        let cuts = Array(Set((0..<Int.random(in: 0...5, using: &rng)).map { _ in Int.random(in: 0...height, using: &rng) })
            .filter { $0 > 0 && $0 < height }).sorted()
        return Raster(width: width, height: height, stride: stride, bytes: bytes, cuts: cuts, band: Int.random(in: 1...40, using: &rng))
    }

    /// The raster encoded in slices starting at `cuts`, each given its rows `band` at a time.
    static func encode(_ r: Raster) -> [UInt8] {
        r.bytes.withUnsafeBufferPointer { buffer in
            let pixels = buffer.baseAddress!
            let opaque = (0..<r.height).allSatisfy { y in (0..<r.width).allSatisfy { pixels[y * r.stride + $0 * 4 + 3] == 255 } }
            let starts = [0] + r.cuts, ends = r.cuts + [r.height]
            let slices = zip(starts, ends).enumerated().map { index, range in
                let slice = PNGSlice(width: r.width, opaque: opaque, isLast: index == starts.count - 1)
                if range.0 > 0 { slice.setPreviousRow(pixels + (range.0 - 1) * r.stride) }
                for top in stride(from: range.0, to: range.1, by: r.band) {
                    let bottom = min(top + r.band, range.1)
                    slice.add(rows: top..<bottom, pixels: pixels, stride: r.stride, final: bottom == range.1)
                }
                return slice
            }
            return PNGEncoder.assemble(slices: slices, width: r.width, height: r.height, pixelsPerInch: 144)
        }
    }

    /// What a PNG decoder makes of `png`: chunks checked, IDAT inflated by zlib, rows unfiltered.
    static func decode(_ png: [UInt8]) -> (width: Int, height: Int, colourType: UInt8, pixels: [UInt8])? {
        func word(_ i: Int) -> Int { Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3]) }
        guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        var i = 8, idat: [UInt8] = [], header: [UInt8] = []
        while i + 12 <= png.count {
            let length = word(i), body = Array(png[(i + 4)..<(i + 8 + length)])
            let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            guard crc == word(i + 8 + length) else { return nil }
            let type = String(decoding: body.prefix(4), as: UTF8.self)
            if type == "IHDR" { header = Array(body.dropFirst(4)) }
            if type == "IDAT" { idat += body.dropFirst(4) }
            i += 12 + length
        }
        guard header.count == 13 else { return nil }
        let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        let channels = header[9] == 2 ? 3 : 4, rowBytes = width * channels + 1
        var raw = [UInt8](repeating: 0, count: rowBytes * height + 1)
        var length = uLongf(raw.count)
        let code = raw.withUnsafeMutableBufferPointer { out in
            idat.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count)) }
        }
        guard code == Z_OK, Int(length) == rowBytes * height else { return nil }
        var pixels = [UInt8](repeating: 0, count: width * channels * height)
        for y in 0..<height {
            guard raw[y * rowBytes] == 2 else { return nil } // "up" on every row
            for x in 0..<(width * channels) {
                let above = y == 0 ? 0 : pixels[(y - 1) * width * channels + x]
                pixels[y * width * channels + x] = raw[y * rowBytes + 1 + x] &+ above
            }
        }
        return (width, height, header[9], pixels)
    }

    /// Straight RGB (opaque) or RGBA, as the encoder documents the conversion.
    static func expected(_ r: Raster, opaque: Bool) -> [UInt8] {
        (0..<r.height).flatMap { y in
            (0..<r.width).flatMap { x -> [UInt8] in
                let p = y * r.stride + x * 4
                let (b, g, red, a) = (Int(r.bytes[p]), Int(r.bytes[p + 1]), Int(r.bytes[p + 2]), Int(r.bytes[p + 3]))
                if opaque { return [UInt8(red), UInt8(g), UInt8(b)] }
                guard a > 0 else { return [0, 0, 0, 0] }
                func straight(_ c: Int) -> UInt8 { UInt8(min(255, (c * 255 + a / 2) / a)) }
                return [straight(red), straight(g), straight(b), UInt8(a)]
            }
        }
    }

    @Test func anyRasterInAnySlicesDecodesExactly() async {
        await propertyCheck(count: 300, input: Self.rasters) { raster in
            let opaque = (0..<raster.height).allSatisfy { y in (0..<raster.width).allSatisfy { raster.bytes[y * raster.stride + $0 * 4 + 3] == 255 } }
            let decoded = Self.decode(Self.encode(raster))
            #expect(decoded != nil, "\(raster)")
            guard let decoded else { return }
            #expect(decoded.width == raster.width && decoded.height == raster.height, "\(raster)")
            #expect(decoded.colourType == (opaque ? 2 : 6), "\(raster)")
            #expect(decoded.pixels == Self.expected(raster, opaque: opaque), "\(raster)")
        }
    }

    @Test func whereTheSlicesStartChangesNoPixel() async {
        await propertyCheck(count: 100, input: Self.rasters) { raster in
            var whole = raster
            whole.cuts = []
            #expect(Self.decode(Self.encode(raster))?.pixels == Self.decode(Self.encode(whole))?.pixels, "\(raster)")
        }
    }
}

/// The checksums against zlib's, and published check values.
@Suite("PNG checksums")
struct ChecksumTests {
    static let bytes = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        let count = [0, 1, 5551, 5552, 5553, Int.random(in: 0...20_000, using: &rng)].randomElement(using: &rng)!
        let byte = UInt8.random(in: 0...255, using: &rng)
        return (0..<count).map { _ in Bool.random(using: &rng) ? UInt8.random(in: 0...255, using: &rng) : byte }
    }

    @Test func knownCheckValues() {
        // The "check" values of the CRC catalogue (CRC-32/ISO-HDLC) and of RFC 1950's Adler-32.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        var adler = Adler32()
        let wikipedia = Array("Wikipedia".utf8)
        wikipedia.withUnsafeBufferPointer { adler.add($0.baseAddress!, count: $0.count) }
        #expect(adler.value == 0x11E6_0398)
    }

    @Test func adlerAndCRCAgreeWithZlibAndSlicesCombine() async {
        await propertyCheck(count: 200, input: Self.bytes, Self.bytes) { first, second in
            let whole = first + second
            func zlibAdler(_ b: [UInt8]) -> UInt32 { UInt32(b.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }) }
            func ours(_ b: [UInt8]) -> Adler32 {
                var a = Adler32()
                b.withUnsafeBufferPointer { if let base = $0.baseAddress { a.add(base, count: $0.count) } }
                return a
            }
            #expect(ours(whole).value == zlibAdler(whole))
            #expect(ours(first).followed(by: ours(second), length: second.count).value == zlibAdler(whole))
            #expect(CRC32.checksum(whole) == UInt32(whole.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }))
            var zeros = ours(first)
            zeros.addZeros(second.count)
            #expect(zeros.value == zlibAdler(first + [UInt8](repeating: 0, count: second.count)))
        }
    }
}
