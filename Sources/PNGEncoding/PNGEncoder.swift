/// PNG bytes from a raster: premultiplied native-endian ARGB32 rows in (as Cairo's image
/// surfaces hold them), a PNG with a pHYs (resolution) chunk out.
///
/// The image is 8-bit RGB when every pixel is opaque (RGBA with straight alpha otherwise), every
/// row has the "up" filter, and the filtered bytes are deflated by `RunDeflater`, made for charts.
/// An image can be cut into horizontal `PNGSlice`s compressed on several cores and joined by
/// `assemble`.
public enum PNGEncoder {
    /// Encodes a whole raster of `width` × `height` pixels in one slice; row `y` starts at
    /// `pixels + y * stride`.
    ///
    /// - Parameter pixelsPerInch: the resolution recorded in pHYs (72 × scale for a chart drawn at scale).
    public static func encode(pixels: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int, pixelsPerInch: Double) -> [UInt8] {
        let opaque = (0..<height).allSatisfy { y in (0..<width).allSatisfy { pixels[y * stride + $0 * 4 + 3] == 255 } }
        let slice = PNGSlice(width: width, opaque: opaque, isLast: true)
        slice.add(rows: 0..<height, pixels: pixels, stride: stride, final: true)
        return assemble(slices: [slice], width: width, height: height, pixelsPerInch: pixelsPerInch)
    }

    /// Joins finished slices (top to bottom, all made with the same `opaque`) into a PNG of `width` × `height`,
    /// recording `pixelsPerInch`.
    public static func assemble(slices: [PNGSlice], width: Int, height: Int, pixelsPerInch: Double) -> [UInt8] {
        precondition(slices.allSatisfy(\.isFinished), "a PNG assembled from a slice that was not finished")
        var idat: [UInt8] = [0x78, 0x5E] // zlib header: deflate, 32K window, "fast" level; (0x785E % 31 == 0)
        idat.reserveCapacity(slices.reduce(6) { $0 + $1.output.count })
        var adler = Adler32()
        for slice in slices {
            idat += slice.output
            adler = adler.followed(by: slice.adler, length: slice.length)
        }
        idat += bigEndian(adler.value)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(idat.count + 128)
        let opaque = slices.first?.opaque ?? true
        appendChunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, opaque ? 2 : 6, 0, 0, 0], to: &png)
        let perMetre = UInt32((pixelsPerInch / 0.0254).rounded())
        appendChunk("pHYs", bigEndian(perMetre) + bigEndian(perMetre) + [1], to: &png)
        appendChunk("IDAT", idat, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += bigEndian(UInt32(data.count))
        png += typeBytes
        png += data
        png += bigEndian(CRC32.checksum(typeBytes, data))
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
