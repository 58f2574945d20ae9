import CCairo

/// Writes an image surface as PNG with a chosen zlib level and a pHYs (resolution) chunk.
///
/// Cairo's own PNG writer uses zlib's default level, which dominates a chart's render
/// time, and records no resolution. This encoder writes 8-bit RGBA (straight alpha),
/// or RGB when every pixel is opaque, with the "up" filter on every row.
public enum PNGEncoder {
    /// Encodes `surface`.
    ///
    /// - Parameters:
    ///   - level: zlib compression level, 1 (fast) to 9 (small).
    ///   - pixelsPerInch: the resolution recorded in pHYs (72 × scale for a chart drawn at scale).
    public static func encode(_ surface: ImageSurface, level: Int32, pixelsPerInch: Double) throws -> [UInt8] {
        let opaque = try surface.withRows { data, stride in
            (0..<surface.height).allSatisfy { y in (0..<surface.width).allSatisfy { data[y * stride + $0 * 4 + 3] == 255 } }
        }
        let writer = try Writer(width: surface.width, height: surface.height, opaque: opaque, level: level, pixelsPerInch: pixelsPerInch)
        try writer.add(rows: surface.height, of: surface)
        return try writer.finish()
    }

    /// Writes a PNG a band of rows at a time, so a large image never needs one surface of its full size.
    public final class Writer {
        let width: Int, height: Int, opaque: Bool, pixelsPerInch: Double
        private let deflater: Deflater
        private var previous: [UInt8], current: [UInt8], filtered: [UInt8]
        private var rowsWritten = 0

        /// - Parameter opaque: every pixel will have full alpha (an opaque background): RGB instead of RGBA.
        public init(width: Int, height: Int, opaque: Bool, level: Int32, pixelsPerInch: Double) throws {
            self.width = width; self.height = height; self.opaque = opaque; self.pixelsPerInch = pixelsPerInch
            deflater = try Deflater(level: level)
            let rowBytes = width * (opaque ? 3 : 4)
            previous = [UInt8](repeating: 0, count: rowBytes)
            current = previous
            filtered = [UInt8](repeating: 0, count: rowBytes + 1)
            filtered[0] = 2 // "up" filter: flat chart areas become runs of zeros.
        }

        /// Appends the first `rows` rows of `surface` (which must be `width` wide).
        public func add(rows: Int, of surface: ImageSurface) throws {
            let channels = opaque ? 3 : 4, rowBytes = width * channels, width = self.width, opaque = self.opaque
            try surface.withRows { data, stride in
                for y in 0..<min(rows, height - rowsWritten) {
                    // The hot loop of every PNG: raw pointers, no bounds checks or copy-on-write checks per pixel.
                    let row = data + y * stride
                    current.withUnsafeMutableBufferPointer { curBuffer in
                        previous.withUnsafeBufferPointer { prevBuffer in
                            filtered.withUnsafeMutableBufferPointer { outBuffer in
                                guard let cur = curBuffer.baseAddress, let prev = prevBuffer.baseAddress,
                                      let out = outBuffer.baseAddress?.advanced(by: 1) else { return }
                                if opaque {
                                    var o = 0, p = 0
                                    for _ in 0..<width {
                                        cur[o] = row[p + 2]; cur[o + 1] = row[p + 1]; cur[o + 2] = row[p]
                                        o += 3; p += 4
                                    }
                                } else {
                                    for x in 0..<width {
                                        let p = x * 4, o = x * 4
                                        let a = row[p + 3]
                                        if a == 0 {
                                            cur[o] = 0; cur[o + 1] = 0; cur[o + 2] = 0; cur[o + 3] = 0
                                        } else {
                                            // Cairo stores premultiplied alpha; PNG wants straight.
                                            let ai = Int(a)
                                            cur[o] = UInt8(min(255, (Int(row[p + 2]) * 255 + ai / 2) / ai))
                                            cur[o + 1] = UInt8(min(255, (Int(row[p + 1]) * 255 + ai / 2) / ai))
                                            cur[o + 2] = UInt8(min(255, (Int(row[p]) * 255 + ai / 2) / ai))
                                            cur[o + 3] = a
                                        }
                                    }
                                }
                                for i in 0..<rowBytes { out[i] = cur[i] &- prev[i] }
                            }
                        }
                    }
                    rowsWritten += 1
                    try deflater.add(filtered, finish: rowsWritten == height)
                    swap(&previous, &current)
                }
            }
        }

        /// The PNG file; every row must have been added.
        public func finish() throws -> [UInt8] {
            guard rowsWritten == height else { throw CairoError.invalidPNG("\(rowsWritten) of \(height) rows were written") }
            var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            png.reserveCapacity(deflater.output.count + 128)
            appendChunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, opaque ? 2 : 6, 0, 0, 0], to: &png)
            let perMetre = UInt32((pixelsPerInch / 0.0254).rounded())
            appendChunk("pHYs", bigEndian(perMetre) + bigEndian(perMetre) + [1], to: &png)
            appendChunk("IDAT", deflater.output, to: &png)
            appendChunk("IEND", [], to: &png)
            return png
        }
    }

    /// zlib's deflate, fed row by row. zlib keeps a pointer to its stream, so the stream lives at a fixed heap address.
    final class Deflater {
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private(set) var output: [UInt8] = []
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)
        private var open = false

        init(level: Int32) throws {
            stream.initialize(to: z_stream())
            let code = deflateInit_(stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else { throw CairoError.zlib(operation: "deflateInit", code: code) }
            open = true
        }

        deinit {
            if open { deflateEnd(stream) }
            stream.deinitialize(count: 1)
            stream.deallocate()
        }

        func add(_ bytes: [UInt8], finish: Bool) throws {
            try bytes.withUnsafeBufferPointer { input in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                var code = Z_OK
                repeat {
                    let produced = try buffer.withUnsafeMutableBufferPointer { out -> Int in
                        stream.pointee.next_out = out.baseAddress
                        stream.pointee.avail_out = uInt(out.count)
                        code = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                        guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else {
                            throw CairoError.zlib(operation: "deflate", code: code)
                        }
                        return out.count - Int(stream.pointee.avail_out)
                    }
                    output.append(contentsOf: buffer[0..<produced])
                } while stream.pointee.avail_out == 0 || (finish && code != Z_STREAM_END)
            }
        }
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        var crc = typeBytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += bigEndian(UInt32(data.count))
        png += typeBytes
        png += data
        png += bigEndian(UInt32(crc))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// The resolution recorded in a PNG's pHYs chunk, in pixels per metre (for checks).
    public static func pixelsPerMetre(in png: [UInt8]) -> UInt32? {
        var i = 8
        while i + 8 <= png.count {
            let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            let type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
            if type == "pHYs", i + 12 <= png.count {
                return UInt32(png[i + 8]) << 24 | UInt32(png[i + 9]) << 16 | UInt32(png[i + 10]) << 8 | UInt32(png[i + 11])
            }
            i += 12 + length
        }
        return nil
    }
}
