import Briefings
import Cairo
import PNGEncoding
import ChartRendering
import Charts
import ExchangeModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Reads the rendered charts back: the SVG as XML, the PNG as pixels.
@Suite("Rendered SVG and PNG, read back")
struct RenderingTests {
    /// Collects what an SVG document says about itself.
    final class SVGReader: NSObject, XMLParserDelegate {
        var root: [String: String] = [:]
        var ids: [String] = []
        var titleText = "", descText = ""
        private var inTitle = false, inDesc = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "svg", root.isEmpty { root = attributes }
            if let id = attributes["id"] { ids.append(id) }
            inTitle = name == "title"
            inDesc = name == "desc"
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inTitle { titleText += string }
            if inDesc { descText += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inTitle = false
            inDesc = false
        }
        static func read(_ svg: String) throws -> SVGReader {
            let reader = SVGReader()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
            return reader
        }
    }

    static func scene(_ kind: ChartRequest.Kind, theme: String = "light") throws -> Scene {
        Fixtures.scene(kind, theme: theme, measurer: try Fixtures.measurer(theme))
    }

    @Test(arguments: ChartRequest.Kind.allCases)
    func svgIsAccessibleXMLInPixels(kind: ChartRequest.Kind) throws {
        let scene = try Self.scene(kind)
        let svg = try SceneRenderer.svg(scene, typeface: Fixtures.typeface())
        let reader = try SVGReader.read(svg)
        #expect(reader.root["role"] == "img")
        #expect(reader.root["aria-labelledby"] == "\(kind.rawValue)-title \(kind.rawValue)-desc")
        #expect(reader.root["viewBox"] == "0 0 1200 675")
        #expect(reader.root["width"] == "1200px")
        #expect(reader.ids.contains("\(kind.rawValue)-title"))
        #expect(reader.titleText == scene.title)
        #expect(reader.descText == scene.description)
        #expect(reader.descText.hasPrefix(kind == .cumulative ? "Step chart" : "Bar chart"))
    }

    @Test func twoChartsInlinedInOnePageHaveNoIdInCommon() throws {
        let a = try SVGReader.read(try SceneRenderer.svg(try Self.scene(.perYear), typeface: Fixtures.typeface()))
        let b = try SVGReader.read(try SceneRenderer.svg(try Self.scene(.perExchange), typeface: Fixtures.typeface()))
        #expect(Set(a.ids).count == a.ids.count)
        #expect(Set(a.ids).isDisjoint(with: b.ids))
        #expect(a.ids.allSatisfy { $0.hasPrefix("per-year-") })
        #expect(a.ids.count > 10)
    }

    @Test func reRenderingInOneProcessGivesTheSameBytes() throws {
        let scene = try Self.scene(.perExchange)
        let svg1 = try SceneRenderer.svg(scene, typeface: Fixtures.typeface()), png1 = try SceneRenderer.png(scene, typeface: Fixtures.typeface(), scale: 2)
        _ = try SceneRenderer.svg(try Self.scene(.perYear), typeface: Fixtures.typeface()) // Another scene in between leaves nothing behind.
        let svg2 = try SceneRenderer.svg(scene, typeface: Fixtures.typeface()), png2 = try SceneRenderer.png(scene, typeface: Fixtures.typeface(), scale: 2)
        #expect(svg1 == svg2)
        #expect(png1 == png2)
    }

    @Test func escapesDataInTitleAndDescription() throws {
        var scene = try Self.scene(.perYear)
        scene.title = "<script>alert(1)</script> & \"x\""
        let svg = try SceneRenderer.svg(scene, typeface: Fixtures.typeface())
        #expect(!svg.contains("<script>"))
        #expect(try SVGReader.read(svg).titleText == scene.title)
    }

    @Test(arguments: [1, 2, 3])
    func pngHasTheScaledSizeAndItsResolution(scale: Int) throws {
        let png = try SceneRenderer.png(try Self.scene(.perYear), typeface: Fixtures.typeface(), scale: scale)
        let image = try ImageSurface(png: png)
        #expect(image.width == 1200 * scale)
        #expect(image.height == 675 * scale)
        #expect(PNGEncoder.pixelsPerMetre(in: png) == UInt32((72 * Double(scale) / 0.0254).rounded()))
    }

    @Test(arguments: ["light", "dark"])
    func barsHaveTheirHeightAndColourInThePixels(theme: String) throws {
        // Given the per-year scene and its 2024 bar (1,358 people, a full year in the record's colour)
        let scene = try Self.scene(.perYear, theme: theme)
        let colours = Fixtures.theme(theme)
        let bars = scene.marks.compactMap { mark -> Rect? in
            if case let .rect(r, fill) = mark, fill == colours.bar, r.height > 30 { return r }
            return nil
        }
        #expect(bars.count == 4)
        let bar2024 = bars[2], bar2023 = bars[1]
        // Heights are proportional to the values.
        #expect(abs(bar2024.height / bar2023.height - 1358.0 / 996.0) < 0.01)

        // When drawn at 2×
        let image = try ImageSurface(png: try SceneRenderer.png(scene, typeface: Fixtures.typeface(), scale: 2))
        func colour(_ x: Double, _ y: Double) -> RGBA? {
            image.pixel(x: Int(x * 2), y: Int(y * 2)).map { RGBA(red: Double($0.r) / 255, green: Double($0.g) / 255, blue: Double($0.b) / 255) }
        }
        // Then inside the bar the pixels are the bar colour, and just above its top the background
        #expect(colour(bar2024.x + bar2024.width / 2, bar2024.y + 3)?.hex == colours.bar.hex)
        #expect(colour(bar2024.x + bar2024.width / 2, bar2024.maxY - 3)?.hex == colours.bar.hex)
        #expect(colour(bar2024.x + 3, bar2024.y - 3)?.hex == colours.background.hex)
    }
}

extension RenderingTests {
    /// Drawn band by band (only the marks that reach each band), in slices compressed apart and
    /// joined, a chart has exactly the pixels of one full-size surface drawn whole: no mark is
    /// culled from a band it touches, no band blends with the last, no slice loses a row.
    @Test(arguments: ChartRequest.Kind.allCases, [1.0, 0.4])
    func slicedBandedPNGEqualsTheWholeSurfaceDrawnAtOnce(kind: ChartRequest.Kind, backgroundAlpha: Double) throws {
        var scene = try Self.scene(kind, theme: "dark")
        scene.background.alpha = backgroundAlpha
        let surface = try ImageSurface(width: 2400, height: 1350)
        let context = try Context(surface)
        context.scale(2, 2)
        SceneRenderer.draw(scene, on: context, typeface: Fixtures.typeface("dark"))
        try surface.flush()
        let whole = try ImageSurface(png: surface.withRows { PNGEncoder.encode(pixels: $0, stride: $1, width: 2400, height: 1350, pixelsPerInch: 144) })
        for (band, slices) in [(7, 5), (128, 4)] {
            let sliced = try ImageSurface(png: try SceneRenderer.png(scene, typeface: Fixtures.typeface("dark"), scale: 2,
                                                                     bandHeight: band, slices: slices))
            let differing = try whole.withRows { a, strideA in
                try sliced.withRows { b, strideB in
                    (0..<1350).filter { y in (0..<(2400 * 4)).contains { a[y * strideA + $0] != b[y * strideB + $0] } }.count
                }
            }
            #expect(differing == 0, "rows differing with bands of \(band) in \(slices) slices")
        }
    }
}
