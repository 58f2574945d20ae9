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
        let width = surface.width, height = surface.height
        let raw: [UInt8] = try surface.withRows { data, stride in
            var opaque = true
            for y in 0..<height where opaque {
                let row = data + y * stride
                for x in 0..<width where row[x * 4 + 3] != 255 { opaque = false; break }
            }
            let channels = opaque ? 3 : 4
            let rowBytes = width * channels
            var out = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
            var previous = [UInt8](repeating: 0, count: rowBytes)
            var current = [UInt8](repeating: 0, count: rowBytes)
            for y in 0..<height {
                let row = data + y * stride
                for x in 0..<width {
                    let b = row[x * 4], g = row[x * 4 + 1], r = row[x * 4 + 2], a = row[x * 4 + 3]
                    let o = x * channels
                    if opaque {
                        current[o] = r; current[o + 1] = g; current[o + 2] = b
                    } else if a == 0 {
                        current[o] = 0; current[o + 1] = 0; current[o + 2] = 0; current[o + 3] = 0
                    } else {
                        // Cairo stores premultiplied alpha; PNG wants straight.
                        func un(_ c: UInt8) -> UInt8 { UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a))) }
                        current[o] = un(r); current[o + 1] = un(g); current[o + 2] = un(b); current[o + 3] = a
                    }
                }
                let base = y * (rowBytes + 1)
                out[base] = 2 // "up" filter: flat chart areas become runs of zeros.
                for i in 0..<rowBytes { out[base + 1 + i] = current[i] &- previous[i] }
                swap(&previous, &current)
            }
            return [opaque ? 2 : 6] + out // colour type in front, stripped below
        }
        let colourType = raw[0]
        let compressed = try deflate(Array(raw.dropFirst()), level: level)

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr: [UInt8] = []
        ihdr += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        ihdr += [8, colourType, 0, 0, 0]
        png += chunk("IHDR", ihdr)
        let perMetre = UInt32((pixelsPerInch / 0.0254).rounded())
        png += chunk("pHYs", bigEndian(perMetre) + bigEndian(perMetre) + [1])
        png += chunk("IDAT", compressed)
        png += chunk("IEND", [])
        return png
    }

    static func deflate(_ input: [UInt8], level: Int32) throws -> [UInt8] {
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let code = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { inp in
                compress2(out.baseAddress, &length, inp.baseAddress, uLong(inp.count), level)
            }
        }
        guard code == Z_OK else { throw CairoError.zlib(operation: "compress", code: code) }
        return Array(output.prefix(Int(length)))
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let body = typeBytes + data
        let crc = body.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc)
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
