import Cairo
import PNGEncoding
import Testing

/// A real drawing (shapes, anti-aliasing, text) read back through Cairo (libpng) has its pixels.
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

    static func encode(_ surface: ImageSurface) throws -> [UInt8] {
        try surface.withRows { PNGEncoder.encode(pixels: $0, stride: $1, width: surface.width, height: surface.height, pixelsPerInch: 144) }
    }

    @Test(arguments: [1.0, 0.5])
    func libpngReadsTheDrawingBack(background: Double) throws {
        let surface = try Self.drawing(background: background)
        let png = try Self.encode(surface)
        #expect(png[25] == (background == 1 ? 2 : 6), "RGB when opaque, RGBA otherwise")
        let read = try ImageSurface(png: png)
        if background == 1 {
            #expect(try Self.samePixels(read, surface))
        } else {
            // Premultiplied → straight → premultiplied loses at most one step per channel.
            let close = try read.withRows { a, sa in
                try surface.withRows { b, sb in
                    (0..<surface.height).allSatisfy { y in (0..<(surface.width * 4)).allSatisfy { abs(Int(a[y * sa + $0]) - Int(b[y * sb + $0])) <= 1 } }
                }
            }
            #expect(close)
        }
        #expect(PNGEncoder.pixelsPerMetre(in: png) == 5669)
    }

    /// A slice is finished once: rows after its last would be lost or start a second stream, so
    /// adding them, or joining a slice that was never finished, stops the process.
    @Test func aFinishedSliceTakesNoMoreRowsAndAnUnfinishedOneIsNeverJoined() async {
        await #expect(processExitsWith: .failure) {
            let row = [UInt8](repeating: 255, count: 16)
            let slice = PNGSlice(width: 4, opaque: true, isLast: true)
            row.withUnsafeBufferPointer { slice.add(rows: 0..<1, pixels: $0.baseAddress!, stride: 16, final: true) }
            row.withUnsafeBufferPointer { slice.add(rows: 0..<1, pixels: $0.baseAddress!, stride: 16, final: true) }
        }
        await #expect(processExitsWith: .failure) {
            let row = [UInt8](repeating: 255, count: 16)
            let slice = PNGSlice(width: 4, opaque: true, isLast: true)
            row.withUnsafeBufferPointer { slice.add(rows: 0..<1, pixels: $0.baseAddress!, stride: 16, final: false) }
            _ = PNGEncoder.assemble(slices: [slice], width: 4, height: 1, pixelsPerInch: 72)
        }
    }
}
