@testable import Briefings
@testable import ChartRendering
import Charts
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PropertyBased
import Testing

/// The SVG is the scene, written mark by mark: over generated charts and generated scenes of every
/// kind of mark, each mark is one element in the scene's order, with its coordinates, stroke and
/// colour (opacity too); text is glyphs on the baseline the layout measured, from its box's left
/// edge, each glyph's outline defined once per font and every one defined used; every number has
/// at most two decimals and is within half a hundredth of the scene's. A scene Cairo cannot draw
/// is refused, for SVG and PNG alike.
@Suite("The SVG writer")
struct SVGWriterPropertyTests {
    /// Numbers of every magnitude a chart has, and the halves and near-halves where rounding turns.
    static let numbers = Generator<Double, Shrink.None<Double>> { rng in
        let sign: Double = Bool.random(using: &rng) ? -1 : 1
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return sign * Double(Int.random(in: 0...999_999, using: &rng)) / 1000 + 0.0005 * sign
        case 1: return sign * Double(Int.random(in: 0...100_000, using: &rng)) / 100
        case 2: return sign * Double.random(in: 0..<1e-2, using: &rng)
        default: return sign * Double.random(in: 0...SceneRenderer.largestCoordinate, using: &rng)
        }
    }

    static func written(_ x: Double) -> String {
        var out: [UInt8] = []
        SVGWriter.number(x, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func aNumberIsTheNearestHundredthInItsShortestForm() async {
        await propertyCheck(count: 5000, input: Self.numbers) { x in
            let text = Self.written(x)
            guard let value = Double(text) else { Issue.record("\(x) → \(text) is not a number"); return }
            #expect(abs(value - x) <= 0.005 + 1e-9 * max(1, abs(x)), "\(x) → \(text)")
            #expect(value == (x * 100).rounded() / 100 || abs(value - (x * 100).rounded() / 100) < 1e-9 * max(1, abs(x)), "\(x) → \(text)")
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 1 || (parts[1].count <= 2 && parts[1].last != "0" && !parts[1].isEmpty), "\(x) → \(text)")
            #expect(text != "-0" && !text.hasPrefix("-0.") || abs(x) >= 0.005, "\(x) → \(text)")
            let whole = parts[0].drop { $0 == "-" }
            #expect(whole == "0" || !whole.hasPrefix("0"), "\(x) → \(text)")
        }
        #expect(Self.written(47.992188) == "47.99")
        #expect(Self.written(-0.001) == "0")
        #expect(Self.written(9.995) == "10" || Self.written(9.995) == "9.99") // 9.995 is 9.99499… in binary
        #expect(Self.written(12.5) == "12.5")
        #expect(Self.written(1200) == "1200")
    }

    /// What an SVG reader sees: every element with its attributes and its depth.
    final class Elements: NSObject, XMLParserDelegate {
        struct Element { var name: String; var attributes: [String: String]; var depth: Int }
        var all: [Element] = []
        private var depth = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            all.append(Element(name: name, attributes: attributes, depth: depth))
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { depth -= 1 }
    }

    /// Checks one document against its scene (see the suite's summary); `label` names the case.
    static func check(_ svg: [UInt8], against scene: Scene, measurer: CairoTextMeasurer, label: String) {
        let elements = Elements()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = elements
        guard parser.parse() else { Issue.record("not well-formed: \(parser.parserError.map { "\($0)" } ?? "") in \(label)"); return }

        // Every number in an attribute has at most two decimals.
        for element in elements.all {
            for (name, value) in element.attributes where !["id", "xlink:href", "xml:lang", "lang", "aria-labelledby", "xmlns", "xmlns:xlink"].contains(name) {
                #expect(value.range(of: #"\.\d{3}"#, options: .regularExpression) == nil, "\(name)=\"\(value)\" in \(label)")
            }
        }

        // Ids unique; every <use> names a symbol of this document, and every symbol is used.
        let ids = elements.all.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "an id twice: \(label)")
        let symbols = Set(elements.all.filter { $0.name == "symbol" }.compactMap { $0.attributes["id"] })
        let used = elements.all.filter { $0.name == "use" }.compactMap { $0.attributes["xlink:href"].map { String($0.dropFirst()) } }
        #expect(Set(used) == symbols, "glyphs used and defined differ: \(label)")

        // The drawing: the children of the root after title, desc and defs, with their own children.
        let top = elements.all.enumerated().filter { $0.element.depth == 2 && !["title", "desc", "defs"].contains($0.element.name) }
        var expected: [(name: String, mark: Mark?)] = [("rect", nil)]
        for mark in scene.marks {
            switch mark {
            case .rect: expected.append(("rect", mark))
            case .line: expected.append(("path", mark))
            case let .polyline(points, _, _): if !points.isEmpty { expected.append(("path", mark)) }
            case let .polygon(points, fill, stroke, _): if !points.isEmpty, fill != nil || stroke != nil { expected.append(("path", mark)) }
            case let .circle(_, radius, fill, stroke, _): if fill != nil || stroke != nil, radius > 0 { expected.append(("circle", mark)) }
            case .text: expected.append(("g", mark))
            }
        }
        #expect(top.map(\.element.name) == expected.map(\.name), "the elements are not the marks in order: \(label)")
        guard top.count == expected.count else { return }

        func near(_ text: String?, _ value: Double) -> Bool { text.flatMap(Double.init).map { abs($0 - value) <= 0.0051 } ?? false }
        func hex(_ c: RGBA) -> String { String(c.hex.prefix(7)) }
        /// `#RRGGBB` and the opacity (nil when opaque) of a paint, as the attributes say them.
        func paint(_ a: [String: String], _ name: String, _ opacity: String) -> (String?, Double?) { (a[name], a[opacity].flatMap(Double.init)) }
        func same(_ said: (String?, Double?), _ colour: RGBA?) -> Bool {
            guard let colour else { return said.0 == nil || said.0 == "none" }
            return said.0 == hex(colour) && (colour.alpha >= 1 ? said.1 == nil : said.1.map { abs($0 - colour.alpha) <= 0.0051 } == true)
        }
        func stroked(_ a: [String: String], _ colour: RGBA?, _ width: Double, joins: Bool) -> Bool {
            guard colour != nil else { return a["stroke"] == nil }
            return same(paint(a, "stroke", "stroke-opacity"), colour) && near(a["stroke-width"], max(0, width)) && a["stroke-miterlimit"] == (joins ? "10" : nil)
        }
        func d(_ points: [Point], closed: Bool) -> String {
            "M " + points.map { "\(written($0.x)) \(written($0.y))" }.joined(separator: " L ") + (closed ? " Z" : "")
        }
        var fontOfSymbol: [String: Font] = [:]
        for ((index, element), (_, mark)) in zip(top, expected) {
            let a = element.attributes
            switch mark {
            case nil:
                #expect(near(a["width"], scene.width) && near(a["height"], scene.height) && same(paint(a, "fill", "fill-opacity"), scene.background), "background: \(a) in \(label)")
            case let .rect(r, fill)?:
                #expect(near(a["x"], min(r.x, r.maxX)) && near(a["y"], min(r.y, r.maxY)) && near(a["width"], abs(r.width)) && near(a["height"], abs(r.height)),
                        "\(a) is not \(r) in \(label)")
                #expect(same(paint(a, "fill", "fill-opacity"), fill), "\(a) is not filled \(fill) in \(label)")
            case let .line(from, to, stroke, width, dash)?:
                #expect(a["d"] == d([from, to], closed: false) && a["fill"] == "none" && stroked(a, stroke, width, joins: false), "\(a) in \(label)")
                #expect(a["stroke-dasharray"] == (dash.isEmpty ? nil : dash.map(written).joined(separator: " ")), "\(a) in \(label)")
            case let .polyline(points, stroke, width)?:
                #expect(a["d"] == d(points, closed: false) && a["fill"] == "none" && stroked(a, stroke, width, joins: true), "\(a) in \(label)")
            case let .polygon(points, fill, stroke, width)?:
                #expect(a["d"] == d(points, closed: true) && same(paint(a, "fill", "fill-opacity"), fill) && stroked(a, stroke, width, joins: true), "\(a) in \(label)")
            case let .circle(center, radius, fill, stroke, width)?:
                #expect(near(a["cx"], center.x) && near(a["cy"], center.y) && near(a["r"], radius), "\(a) in \(label)")
                #expect(same(paint(a, "fill", "fill-opacity"), fill) && stroked(a, stroke, width, joins: false), "\(a) in \(label)")
            case let .text(text, _, font, color, _, bounds)?:
                // One layer: the colour on the group, its alpha as the group's opacity.
                #expect(same(paint(a, "fill", "opacity"), color) && a["fill-opacity"] == nil, "\(a) in \(label)")
                // Its glyphs: on the baseline the layout measured, from the box's left edge rightwards.
                let glyphs = elements.all[(index + 1)...].prefix { $0.depth > 2 }.filter { $0.name == "use" }
                let baseline = bounds.y + measurer.metrics(font).ascent
                #expect(glyphs.allSatisfy { near($0.attributes["y"], baseline) }, "\(text) off its baseline in \(label)")
                let xs = glyphs.compactMap { $0.attributes["x"].flatMap(Double.init) }
                #expect(xs == xs.sorted() && xs.allSatisfy { $0 >= bounds.x - 0.0051 && $0 <= bounds.maxX + 0.0051 }, "\(text) outside its box \(bounds) in \(label)")
                if text.unicodeScalars.first?.properties.isWhitespace == false { #expect(near(glyphs.first?.attributes["x"], bounds.x), "\(text) does not start at \(bounds.x) in \(label)") }
                #expect(glyphs.count == text.unicodeScalars.filter { !$0.properties.isWhitespace }.count, "\(text): \(glyphs.count) glyphs in \(label)")
                // An outline belongs to one font: the same glyph at another size or weight is another symbol.
                for glyph in glyphs {
                    guard let id = glyph.attributes["xlink:href"].map({ String($0.dropFirst()) }) else { continue }
                    if let other = fontOfSymbol[id] { #expect(other == font, "\(id) drawn in \(other) and \(font) in \(label)") } else { fontOfSymbol[id] = font }
                }
            }
        }
    }

    @Test func theDocumentOfAChartIsItsSceneMarkByMark() async throws {
        let measurer = try Fixtures.measurer()
        let typeface = Fixtures.typeface()
        await propertyCheck(count: 150, input: ChartCases.all) { chart in
            let content = ChartBuilder.build(chart.request, exchanges: chart.records, reported: Fixtures.bundled.reported, vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
            let scene = ChartFiles.scene(content.spec, width: chart.width, height: chart.height, theme: ChartPropertyTests.theme, measurer: measurer)
            Self.check(try SceneRenderer.svgBytes(scene, typeface: typeface), against: scene, measurer: measurer, label: "\(chart)")
        }
    }

    /// Scenes no chart makes yet: every kind of mark, translucent colours, dashes, rectangles of
    /// negative size, empty paths, circles of radius 0 or less, negative widths, text of spaces,
    /// two sizes and weights, Ukrainian and English.
    static func scenes(font family: String) -> Generator<Scene, Shrink.None<Scene>> {
        Generator { rng in
            func number(_ range: ClosedRange<Double>) -> Double { (Double.random(in: range, using: &rng) * 1000).rounded() / 1000 }
            func point() -> Point { Point(number(-20...420), number(-20...320)) }
            func colour() -> RGBA {
                RGBA(red: number(0...1), green: number(0...1), blue: number(0...1), alpha: Bool.random(using: &rng) ? 1 : number(0...1))
            }
            func maybe() -> RGBA? { Int.random(in: 0..<3, using: &rng) == 0 ? nil : colour() }
            let texts = ["Обміни полоненими", "1 358", "2 297*", "People returned", "   ", "", "≈1,600 (derived)", "Україна, 30 грудня 2024 р."]
            let measurer = try! Fixtures.measurer()
            var marks: [Mark] = []
            for _ in 0..<Int.random(in: 0...25, using: &rng) {
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: marks.append(.rect(Rect(x: number(-20...420), y: number(-20...320), width: number(-50...200), height: number(-50...200)), fill: colour()))
                case 1:
                    let dash = Bool.random(using: &rng) ? [] : (0..<Int.random(in: 1...4, using: &rng)).map { _ in number(0.5...8) }
                    marks.append(.line(from: point(), to: point(), stroke: colour(), width: number(-1...6), dash: dash))
                case 2: marks.append(.polyline((0..<Int.random(in: 0...8, using: &rng)).map { _ in point() }, stroke: colour(), width: number(-1...6)))
                case 3: marks.append(.polygon((0..<Int.random(in: 0...6, using: &rng)).map { _ in point() }, fill: maybe(), stroke: maybe(), width: number(0...4)))
                case 4: marks.append(.circle(center: point(), radius: number(-3...40), fill: maybe(), stroke: maybe(), width: number(0...4)))
                default:
                    let font = Font(family: family, size: [9, 11.5, 14, 28][Int.random(in: 0..<4, using: &rng)], bold: Bool.random(using: &rng))
                    let text = texts[Int.random(in: 0..<texts.count, using: &rng)]
                    let at = point()
                    let (ascent, descent) = measurer.metrics(font)
                    marks.append(.text(text, at: at, font: font, color: colour(), anchor: .start,
                                       bounds: Rect(x: at.x, y: at.y - ascent, width: measurer.width(text, font: font), height: ascent + descent)))
                }
            }
            return Scene(id: "scene-\(Int.random(in: 0...999, using: &rng))", width: 400, height: 300, background: colour(), marks: marks,
                         title: "<Обміни> & \"test\"", description: "Opis \u{1} \u{FFFE}", language: Bool.random(using: &rng) ? "uk" : "en")
        }
    }

    @Test func theDocumentOfAnySceneIsItsSceneMarkByMark() async throws {
        let measurer = try Fixtures.measurer()
        let typeface = Fixtures.typeface()
        await propertyCheck(count: 300, input: Self.scenes(font: ChartPropertyTests.theme.fontFamily)) { scene in
            Self.check(try SceneRenderer.svgBytes(scene, typeface: typeface), against: scene, measurer: measurer, label: scene.dump())
        }
    }

    /// A number that is not finite or too large, anywhere in any mark, or a dash pattern Cairo
    /// refuses: neither the SVG nor the PNG is made, and the error says which chart and why.
    @Test func aSceneCairoCannotDrawIsRefusedForBothFormats() async throws {
        let typeface = Fixtures.typeface()
        let bad: [Double] = [.nan, .infinity, -.infinity, 2e6, -1e300]
        await propertyCheck(count: 200, input: Self.scenes(font: ChartPropertyTests.theme.fontFamily), Generator<Int, Shrink.None<Int>> { rng in Int.random(in: 0...10_000, using: &rng) }) { scene, choice in
            var broken = scene
            let value = bad[choice % bad.count]
            if broken.marks.isEmpty || choice % 7 == 0 {
                if choice % 2 == 0 { broken.width = value } else { broken.background.alpha = value }
            } else {
                let i = choice % broken.marks.count
                broken.marks[i] = switch broken.marks[i] {
                case let .rect(r, fill): .rect(Rect(x: r.x, y: value, width: r.width, height: r.height), fill: fill)
                case let .line(from, to, stroke, width, dash): choice % 3 == 0
                    ? .line(from: from, to: to, stroke: stroke, width: width, dash: [choice % 2 == 0 ? -1 : 0, 0])
                    : .line(from: Point(value, from.y), to: to, stroke: stroke, width: width, dash: dash)
                case let .polyline(points, stroke, width): .polyline(points + [Point(1, value)], stroke: stroke, width: width)
                case let .polygon(points, fill, stroke, _): .polygon(points, fill: fill, stroke: stroke, width: value)
                case let .circle(center, _, fill, stroke, width): .circle(center: center, radius: value, fill: fill, stroke: stroke, width: width)
                case let .text(text, at, font, color, anchor, bounds): .text(text, at: at, font: Font(family: font.family, size: value, bold: font.bold), color: color, anchor: anchor, bounds: bounds)
                }
            }
            for format in ["SVG", "PNG"] {
                do {
                    _ = format == "SVG" ? try SceneRenderer.svgBytes(broken, typeface: typeface) : try SceneRenderer.png(broken, typeface: typeface, scale: 1)
                    Issue.record("\(format) made of a scene Cairo cannot draw: \(broken.dump())")
                } catch let error as RenderingError {
                    #expect("\(error)".contains(broken.id) && "\(error)".contains("Nothing was written"), "\(error)")
                } catch {
                    Issue.record("\(format): another error: \(error)")
                }
            }
        }
    }
}
