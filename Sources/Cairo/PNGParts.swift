import CCairo

extension PNGEncoder {
    /// How the filtered rows are deflated.
    public enum Compression: Equatable, Sendable, CustomStringConvertible {
        /// The run-aware compressor made for charts (`RunDeflater`): faster than zlib's fastest
        /// level, and its files smaller (for a 2400 × 1350 chart, 109 KiB against 136 KiB).
        case fast
        /// zlib at a level from 1 (fast) to 9 (small).
        case zlib(level: Int32)

        /// `fast` or a zlib level "1"…"9".
        public init?(_ text: String) {
            if text == "fast" { self = .fast; return }
            guard let level = Int32(text), (1...9).contains(level) else { return nil }
            self = .zlib(level: level)
        }

        public var description: String {
            switch self {
            case .fast: "fast"
            case let .zlib(level): String(level)
            }
        }
    }

    /// One horizontal slice of a PNG, filtered and deflated on its own, so that slices can be
    /// compressed on several cores and joined into one valid zlib stream (as pigz does).
    public final class Part: @unchecked Sendable {
        let width: Int
        let opaque: Bool
        let isLast: Bool
        private let pixelBytes: Int
        /// The row above the next one, as the surface holds it (premultiplied native-endian ARGB).
        private var previous: [UInt32]
        private let backend: Backend

        private enum Backend {
            case fast(RunDeflater)
            case zlib(ZlibStream)
        }

        /// - Parameter isLast: the slice that ends the image (the others end on a byte boundary).
        public init(width: Int, opaque: Bool, compression: Compression, isLast: Bool) throws {
            self.width = width; self.opaque = opaque; self.isLast = isLast
            pixelBytes = opaque ? 3 : 4
            previous = [UInt32](repeating: 0, count: width) // PNG filters the first row against zeros.
            switch compression {
            case .fast: backend = .fast(RunDeflater(pixelBytes: pixelBytes, maxRow: width * pixelBytes + 1 + 8))
            case let .zlib(level): backend = .zlib(try ZlibStream(level: level, rowBytes: width * pixelBytes + 1 + 8))
            }
        }

        /// The deflate bytes of this slice.
        var output: [UInt8] {
            switch backend {
            case let .fast(deflater): deflater.output
            case let .zlib(stream): stream.output
            }
        }

        /// The Adler-32 and length of this slice's uncompressed (filtered) bytes, to combine.
        var adler: uLong {
            switch backend {
            case let .fast(deflater): uLong(deflater.adler.value)
            case let .zlib(stream): stream.adler
            }
        }

        var length: Int {
            switch backend {
            case let .fast(deflater): deflater.length
            case let .zlib(stream): stream.length
            }
        }

        /// Takes row `y` of `surface` as the row above this slice's first row: filtered against, not written.
        public func setPreviousRow(_ y: Int, of surface: ImageSurface) throws {
            try surface.withRows { data, stride in
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                previous.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: row, count: width) }
            }
        }

        /// Filters and deflates rows `range` of `surface`; `final` ends this slice.
        public func add(rows range: Range<Int>, of surface: ImageSurface, final: Bool) throws {
            let rowBytes = width * pixelBytes + 1
            try surface.withRows { data, stride in
                for y in range {
                    let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                    try previous.withUnsafeMutableBufferPointer { above in
                        guard let above = above.baseAddress else { return }
                        switch backend {
                        case let .fast(deflater) where opaque && memcmp(row, above, width * 4) == 0:
                            deflater.commitZeroRow(rowBytes, first: 2)
                        case let .fast(deflater):
                            // Slack of 8 bytes: the filter stores whole words.
                            filter(row, above: above, into: deflater.reserve(rowBytes + 8))
                            deflater.commit(rowBytes)
                        case let .zlib(stream):
                            try stream.deflate { filter(row, above: above, into: $0); return rowBytes }
                        }
                        above.update(from: row, count: width)
                    }
                }
            }
            if final {
                switch backend {
                case let .fast(deflater): deflater.finish(last: isLast)
                case let .zlib(stream): try stream.finish(last: isLast)
                }
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

    /// A raw deflate stream through zlib (no zlib header: the slices are joined under one).
    final class ZlibStream {
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private var open = false
        private(set) var output: [UInt8] = []
        private(set) var adler: uLong = 1
        private(set) var length = 0
        private var row: [UInt8]
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)

        init(level: Int32, rowBytes: Int) throws {
            row = [UInt8](repeating: 0, count: rowBytes)
            stream.initialize(to: z_stream())
            let code = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else {
                stream.deinitialize(count: 1)
                stream.deallocate()
                throw CairoError.zlib(operation: "deflateInit2", code: code)
            }
            open = true
        }

        deinit {
            if open {
                deflateEnd(stream)
                stream.deinitialize(count: 1)
                stream.deallocate()
            }
        }

        /// Lets `fill` write a row into a buffer (returning its length) and deflates it.
        func deflate(_ fill: (UnsafeMutablePointer<UInt8>) -> Int) throws {
            let count = row.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map(fill) ?? 0 }
            try row.withUnsafeBufferPointer { try run(UnsafeMutablePointer(mutating: $0.baseAddress), count: count, flush: Z_NO_FLUSH) }
        }

        /// Ends the stream (Z_FINISH) or, for a slice that others follow, ends it on a byte boundary (Z_SYNC_FLUSH).
        func finish(last: Bool) throws {
            try run(nil, count: 0, flush: last ? Z_FINISH : Z_SYNC_FLUSH)
        }

        private func run(_ input: UnsafeMutablePointer<UInt8>?, count: Int, flush: Int32) throws {
            if let input, count > 0 { adler = adler32(adler, input, uInt(count)) }
            length += count
            stream.pointee.next_in = input
            stream.pointee.avail_in = uInt(count)
            var code = Z_OK
            repeat {
                let produced = try buffer.withUnsafeMutableBufferPointer { out -> Int in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(out.count)
                    code = CCairo.deflate(stream, flush)
                    guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else {
                        throw CairoError.zlib(operation: "deflate", code: code)
                    }
                    return out.count - Int(stream.pointee.avail_out)
                }
                output.append(contentsOf: buffer[0..<produced])
            } while stream.pointee.avail_out == 0 || (flush == Z_FINISH && code != Z_STREAM_END)
        }
    }

    /// Joins slices (top to bottom) into a PNG of `width` × `height`, recording `pixelsPerInch`.
    public static func assemble(parts: [Part], width: Int, height: Int, pixelsPerInch: Double) -> [UInt8] {
        var idat: [UInt8] = [0x78, 0x5E] // zlib header: deflate, 32K window, "fast" level; (0x785E % 31 == 0)
        var adler: uLong = 1
        for part in parts {
            idat += part.output
            adler = adler32_combine(adler, part.adler, off_t(part.length))
        }
        idat += bigEndian(UInt32(adler))
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(idat.count + 128)
        let opaque = parts.first?.opaque ?? true
        appendChunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, opaque ? 2 : 6, 0, 0, 0], to: &png)
        let perMetre = UInt32((pixelsPerInch / 0.0254).rounded())
        appendChunk("pHYs", bigEndian(perMetre) + bigEndian(perMetre) + [1], to: &png)
        appendChunk("IDAT", idat, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }
}
