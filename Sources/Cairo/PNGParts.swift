import CCairo

extension PNGEncoder {
    /// One horizontal slice of a PNG, filtered and deflated on its own, so that slices can be
    /// compressed on several cores and joined into one valid zlib stream (as pigz does).
    public final class Part: @unchecked Sendable {
        let width: Int
        let opaque: Bool
        let isLast: Bool
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private var open = false
        private(set) var output: [UInt8] = []
        private(set) var adler: uLong = 1
        private(set) var length = 0
        private var previous: [UInt8], current: [UInt8], filtered: [UInt8]
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)

        /// - Parameter isLast: the slice that ends the image (the others end with a sync flush).
        public init(width: Int, opaque: Bool, level: Int32, isLast: Bool) throws {
            self.width = width; self.opaque = opaque; self.isLast = isLast
            let rowBytes = width * (opaque ? 3 : 4)
            previous = [UInt8](repeating: 0, count: rowBytes)
            current = previous
            filtered = [UInt8](repeating: 0, count: rowBytes + 1)
            filtered[0] = 2 // "up" filter: flat chart areas become runs of zeros.
            stream.initialize(to: z_stream())
            // Raw deflate (no zlib header): the slices are joined under one header.
            let code = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else { throw CairoError.zlib(operation: "deflateInit2", code: code) }
            open = true
        }

        deinit {
            if open { deflateEnd(stream) }
            stream.deinitialize(count: 1)
            stream.deallocate()
        }

        /// Takes row `y` of `surface` as the row above this slice's first row: filtered against, not written.
        public func setPreviousRow(_ y: Int, of surface: ImageSurface) throws {
            try surface.withRows { data, stride in convert(data + y * stride, into: &previous) }
        }

        /// Filters and deflates rows `range` of `surface`; `final` ends this slice.
        public func add(rows range: Range<Int>, of surface: ImageSurface, final: Bool) throws {
            let rowBytes = width * (opaque ? 3 : 4)
            try surface.withRows { data, stride in
                for (i, y) in range.enumerated() {
                    convert(data + y * stride, into: &current)
                    current.withUnsafeBufferPointer { cur in
                        previous.withUnsafeBufferPointer { prev in
                            filtered.withUnsafeMutableBufferPointer { out in
                                guard let c = cur.baseAddress, let p = prev.baseAddress, let o = out.baseAddress?.advanced(by: 1) else { return }
                                for k in 0..<rowBytes { o[k] = c[k] &- p[k] }
                            }
                        }
                    }
                    let end = final && i == range.count - 1
                    try deflate(filtered, end: end)
                    swap(&previous, &current)
                }
                if final && range.isEmpty { try deflate([], end: true) }
            }
        }

        /// Premultiplied BGRA → straight RGB(A), the hot loop of every PNG: raw pointers, no checks per pixel.
        private func convert(_ row: UnsafePointer<UInt8>, into target: inout [UInt8]) {
            let width = self.width, opaque = self.opaque
            target.withUnsafeMutableBufferPointer { buffer in
                guard let cur = buffer.baseAddress else { return }
                if opaque {
                    var o = 0, p = 0
                    for _ in 0..<width {
                        cur[o] = row[p + 2]; cur[o + 1] = row[p + 1]; cur[o + 2] = row[p]
                        o += 3; p += 4
                    }
                    return
                }
                for x in 0..<width {
                    let p = x * 4
                    let a = row[p + 3]
                    if a == 0 {
                        cur[p] = 0; cur[p + 1] = 0; cur[p + 2] = 0; cur[p + 3] = 0
                    } else {
                        let ai = Int(a)
                        cur[p] = UInt8(min(255, (Int(row[p + 2]) * 255 + ai / 2) / ai))
                        cur[p + 1] = UInt8(min(255, (Int(row[p + 1]) * 255 + ai / 2) / ai))
                        cur[p + 2] = UInt8(min(255, (Int(row[p]) * 255 + ai / 2) / ai))
                        cur[p + 3] = a
                    }
                }
            }
        }

        private func deflate(_ bytes: [UInt8], end: Bool) throws {
            let flush = end ? (isLast ? Z_FINISH : Z_SYNC_FLUSH) : Z_NO_FLUSH
            try bytes.withUnsafeBufferPointer { input in
                adler = adler32(adler, input.baseAddress, uInt(input.count))
                length += input.count
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
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
