#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One horizontal slice of a PNG, filtered and deflated on its own, so that slices can be
/// compressed on several cores and joined into one valid zlib stream (as pigz does).
public final class PNGSlice: @unchecked Sendable {
    let width: Int
    let opaque: Bool
    let isLast: Bool
    private let pixelBytes: Int
    /// The row above the next one, premultiplied native-endian ARGB32.
    private var previous: [UInt32] = []
    /// The compressor while rows are added: made by the first `add` and let go once the slice is
    /// finished, so that with fewer cores than slices a finished slice's buffers serve the next.
    private var deflater: RunDeflater?
    /// Whether `add(…, final: true)` has ended the slice: no rows may follow.
    private(set) var isFinished = false

    /// The deflate bytes of this slice, once finished.
    private(set) var output: [UInt8] = []
    /// The Adler-32 and length of this slice's uncompressed (filtered) bytes, once finished, to combine.
    private(set) var adler = Adler32()
    private(set) var length = 0

    /// - Parameter isLast: the slice that ends the image (the others end on a byte boundary).
    public init(width: Int, opaque: Bool, isLast: Bool) {
        self.width = width; self.opaque = opaque; self.isLast = isLast
        pixelBytes = opaque ? 3 : 4
    }

    /// The compressor and the row above, made on first use; PNG filters the first row against zeros.
    private func started() -> RunDeflater {
        if let deflater { return deflater }
        let made = RunDeflater(pixelBytes: pixelBytes, maxRow: width * pixelBytes + 1 + 8)
        deflater = made
        if previous.isEmpty { previous = [UInt32](repeating: 0, count: width) }
        return made
    }

    /// Takes `row` (premultiplied native-endian ARGB32, `width` pixels) as the row above this
    /// slice's first row: filtered against, not written.
    public func setPreviousRow(_ row: UnsafePointer<UInt8>) {
        let pixels = UnsafeRawPointer(row).assumingMemoryBound(to: UInt32.self)
        previous = Array(UnsafeBufferPointer(start: pixels, count: width))
    }

    /// Filters and deflates `rows` of a raster whose row `y` starts at `pixels + y * stride`
    /// (premultiplied native-endian ARGB32, as Cairo's image surfaces hold it); `final` ends this
    /// slice, and no rows may follow.
    public func add(rows range: Range<Int>, pixels: UnsafePointer<UInt8>, stride: Int, final: Bool) {
        precondition(!isFinished, "rows added to a finished PNG slice")
        let deflater = started()
        let rowBytes = width * pixelBytes + 1
        for y in range {
            let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            previous.withUnsafeMutableBufferPointer { above in
                guard let above = above.baseAddress else { return }
                if opaque && memcmp(row, above, width * 4) == 0 {
                    deflater.commitZeroRow(rowBytes, first: 2)
                } else {
                    // Slack of 8 bytes: the filter stores whole words.
                    filter(row, above: above, into: deflater.reserve(rowBytes + 8))
                    deflater.commit(rowBytes)
                }
                above.update(from: row, count: width)
            }
        }
        if final {
            deflater.finish(last: isLast)
            output = deflater.output
            adler = deflater.adler
            length = deflater.length
            self.deflater = nil
            previous = []
            isFinished = true
        }
    }

    /// Writes one row with PNG's "up" filter (byte 2, then each byte minus the one above it),
    /// converting premultiplied BGRA to straight RGB(A) on the way. The hot loop of every PNG:
    /// two pixels at a time, and pixels equal to the ones above (most of a chart) become zeros
    /// without conversion. `out` must have 8 bytes of slack after the row.
    private func filter(_ row: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>, into out: UnsafeMutablePointer<UInt8>) {
        out[0] = 2
        let raw = UnsafeMutableRawPointer(out + 1)
        guard opaque else {
            filterTranslucent(row, above: above, into: out + 1)
            return
        }
        let width = self.width
        var x = 0, o = 0
        let rowPairs = UnsafeRawPointer(row), abovePairs = UnsafeRawPointer(above)
        while x + 2 <= width {
            let c = rowPairs.loadUnaligned(fromByteOffset: x * 4, as: UInt64.self)
            let a = abovePairs.loadUnaligned(fromByteOffset: x * 4, as: UInt64.self)
            if c == a {
                raw.storeBytes(of: 0, toByteOffset: o, as: UInt64.self)
            } else {
                // Byte-wise c − a without borrows between bytes (SWAR), then B, G, R → R, G, B.
                let high: UInt64 = 0x8080_8080_8080_8080
                let d = ((c | high) &- (a & ~high)) ^ ((c ^ ~a) & high)
                let rgb = (d >> 16 & 0xFF) | (d & 0xFF00) | (d & 0xFF) << 16
                    | (d >> 48 & 0xFF) << 24 | (d >> 40 & 0xFF) << 32 | (d >> 32 & 0xFF) << 40
                raw.storeBytes(of: rgb.littleEndian, toByteOffset: o, as: UInt64.self)
            }
            x += 2; o += 6
        }
        if x < width {
            let c = row[x], a = above[x]
            out[1 + o] = UInt8(truncatingIfNeeded: c >> 16) &- UInt8(truncatingIfNeeded: a >> 16)
            out[2 + o] = UInt8(truncatingIfNeeded: c >> 8) &- UInt8(truncatingIfNeeded: a >> 8)
            out[3 + o] = UInt8(truncatingIfNeeded: c) &- UInt8(truncatingIfNeeded: a)
        }
    }

    /// RGBA with straight alpha, for transparent backgrounds (not a hot path).
    private func filterTranslucent(_ row: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>, into out: UnsafeMutablePointer<UInt8>) {
        func straight(_ pixel: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
            let a = Int(pixel >> 24)
            guard a > 0 else { return (0, 0, 0, 0) }
            func channel(_ shift: UInt32) -> UInt8 { UInt8(min(255, (Int(pixel >> shift & 0xFF) * 255 + a / 2) / a)) }
            return (channel(16), channel(8), channel(0), UInt8(a))
        }
        for x in 0..<width {
            let c = straight(row[x]), a = straight(above[x])
            out[4 * x] = c.0 &- a.0
            out[4 * x + 1] = c.1 &- a.1
            out[4 * x + 2] = c.2 &- a.2
            out[4 * x + 3] = c.3 &- a.3
        }
    }
}
