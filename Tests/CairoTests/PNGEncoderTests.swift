import Cairo
import Testing

/// Both compressors must give the same pixels; a PNG is read back through Cairo (libpng).
@Suite("PNG encoder")
struct PNGEncoderTests {
    /// A surface with flat areas, anti-aliased shapes and text, and optionally a translucent background.
    static func drawing(width: Int = 301, height: Int = 157, background alpha: Double = 1) throws -> ImageSurface {
        let surface = try ImageSurface(width: width, height: height)
        let context = try Context(surface)
        context.setSource(red: 0.96, green: 0.95, blue: 0.9, alpha: alpha)
        context.paint()
        context.setSource(red: 0.1, green: 0.3, blue: 0.6)
        context.rectangle(20.5, 30.25, 80, 100)
        context.fill()
        context.setSource(red: 0.8, green: 0.2, blue: 0.1, alpha: 0.6)
        context.arc(200, 80, radius: 45.5)
        context.fill()
        context.selectFont(family: "DejaVu Sans", bold: false)
        context.setFontSize(17)
        context.setSource(red: 0, green: 0, blue: 0)
        context.showText("1 358 · груд. 2024", x: 10, y: 150)
        try context.check()
        try surface.flush()
        return surface
    }

    static func samePixels(_ a: ImageSurface, _ b: ImageSurface) throws -> Bool {
        guard a.width == b.width, a.height == b.height else { return false }
        return try a.withRows { pa, sa in
            try b.withRows { pb, sb in
                (0..<a.height).allSatisfy { y in (0..<(a.width * 4)).allSatisfy { pa[y * sa + $0] == pb[y * sb + $0] } }
            }
        }
    }

    @Test(arguments: [1.0, 0.5])
    func fastAndZlibGiveTheSamePixels(background: Double) throws {
        let surface = try Self.drawing(background: background)
        let fast = try PNGEncoder.encode(surface, compression: .fast, pixelsPerInch: 144)
        let zlib = try PNGEncoder.encode(surface, compression: .zlib(level: 6), pixelsPerInch: 144)
        #expect(fast[25] == (background == 1 ? 2 : 6), "RGB when opaque, RGBA otherwise")
        #expect(try Self.samePixels(ImageSurface(png: fast), ImageSurface(png: zlib)))
        if background == 1 { #expect(try Self.samePixels(ImageSurface(png: fast), surface)) }
        #expect(PNGEncoder.pixelsPerMetre(in: fast) == 5669)
    }

    @Test func compressionIsParsedFromTheCommandLine() {
        #expect(PNGEncoder.Compression("fast") == .fast)
        #expect(PNGEncoder.Compression("6") == .zlib(level: 6))
        #expect(PNGEncoder.Compression("0") == nil)
        #expect(PNGEncoder.Compression("10") == nil)
        #expect(PNGEncoder.Compression("best") == nil)
    }
}
