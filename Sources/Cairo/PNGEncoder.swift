import CCairo

/// Writes image surfaces as PNG with a pHYs (resolution) chunk, fast.
///
/// Cairo's own PNG writer uses zlib's default level, which dominates a chart's render time,
/// and records no resolution. This encoder writes 8-bit RGB when every pixel is opaque (RGBA
/// with straight alpha otherwise), with the "up" filter on every row, compresses with a
/// deflater made for charts (or zlib at a chosen level), and can compress horizontal slices
/// on several cores (see `Part`).
public enum PNGEncoder {
    /// Encodes a whole surface in one slice.
    ///
    /// - Parameter pixelsPerInch: the resolution recorded in pHYs (72 × scale for a chart drawn at scale).
    public static func encode(_ surface: ImageSurface, compression: Compression = .fast, pixelsPerInch: Double) throws -> [UInt8] {
        let opaque = try surface.withRows { data, stride in
            (0..<surface.height).allSatisfy { y in (0..<surface.width).allSatisfy { data[y * stride + $0 * 4 + 3] == 255 } }
        }
        let part = try Part(width: surface.width, opaque: opaque, compression: compression, isLast: true)
        try part.add(rows: 0..<surface.height, of: surface, final: true)
        return assemble(parts: [part], width: surface.width, height: surface.height, pixelsPerInch: pixelsPerInch)
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
