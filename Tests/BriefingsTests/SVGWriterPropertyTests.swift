@testable import Briefings
@testable import ChartRendering
import Charts
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PropertyBased
import Testing

/// The SVG is the scene, written mark by mark: over generated charts, every mark is one element in
/// the scene's order, with its place, size and colour; text is glyphs on the baseline the layout
/// measured; every glyph used is defined once and every one defined is used; every number has at
/// most two decimals and is within half a hundredth of the scene's.
@Suite("The SVG writer")
struct SVGWriterPropertyTests {
    /// Numbers of every magnitude a chart has, and the halves and near-halves where rounding turns.
    static let numbers = Generator<Double, Shrink.None<Double>> { rng in
        let sign: Double = Bool.random(using: &rng) ? -1 : 1
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return sign * Double(Int.random(in: 0...999_999, using: &rng)) / 1000 + 0.0005 * sign
        case 1: return sign * Double(Int.random(in: 0...100_000, using: &rng)) / 100
        case 2: return sign * Double.random(in: 0..<1e-2, using: &rng)
        default: return sign * Double.random(in: 0..<1e9, using: &rng)
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

    @Test func theDocumentIsTheSceneMarkByMark() async throws {
        let measurer = try Fixtures.measurer()
        let typeface = Fixtures.typeface()
        await propertyCheck(count: 150, input: ChartCases.all) { chart in
            let content = ChartBuilder.build(chart.request, exchanges: chart.records, reported: Fixtures.bundled.reported, vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
            let scene = ChartFiles.scene(content.spec, width: chart.width, height: chart.height, theme: ChartPropertyTests.theme, measurer: measurer)
            let svg = try SceneRenderer.svgBytes(scene, typeface: typeface)
            let elements = Elements()
            let parser = XMLParser(data: Data(svg))
            parser.delegate = elements
            guard parser.parse() else { Issue.record("not well-formed: \(parser.parserError.map { "\($0)" } ?? "") in \(chart)"); return }

            // Every number in an attribute has at most two decimals.
            for element in elements.all {
                for (name, value) in element.attributes where !["id", "xlink:href", "xml:lang", "lang", "aria-labelledby", "xmlns", "xmlns:xlink"].contains(name) {
                    #expect(value.range(of: #"\.\d{3}"#, options: .regularExpression) == nil, "\(name)=\"\(value)\" in \(chart)")
                }
            }

            // Glyphs: ids unique; every <use> names a symbol of this document, every symbol is used.
            let ids = elements.all.compactMap { $0.attributes["id"] }
            #expect(Set(ids).count == ids.count, "an id twice: \(chart)")
            let symbols = Set(elements.all.filter { $0.name == "symbol" }.compactMap { $0.attributes["id"] })
            let used = elements.all.filter { $0.name == "use" }.compactMap { $0.attributes["xlink:href"]?.dropFirst().description }
            #expect(Set(used) == symbols, "glyphs used and defined differ: \(chart)")

            // The drawing: the children of the root after title, desc and defs, with their own children.
            let top = elements.all.enumerated().filter { $0.element.depth == 2 && !["title", "desc", "defs"].contains($0.element.name) }
            var expected: [(name: String, mark: Mark?)] = [("rect", nil)]
            for mark in scene.marks {
                switch mark {
                case .rect: expected.append(("rect", mark))
                case .line: expected.append(("path", mark))
                case let .polyline(points, _, _): if !points.isEmpty { expected.append(("path", mark)) }
                case let .polygon(points, fill, stroke, _): if !points.isEmpty, fill != nil || stroke != nil { expected.append(("path", mark)) }
                case let .circle(_, _, fill, stroke, _): if fill != nil || stroke != nil { expected.append(("circle", mark)) }
                case .text: expected.append(("g", mark))
                }
            }
            #expect(top.map(\.element.name) == expected.map(\.name), "the elements are not the marks in order: \(chart)")
            guard top.count == expected.count else { return }

            func near(_ text: String?, _ value: Double) -> Bool { text.flatMap(Double.init).map { abs($0 - value) <= 0.0051 } ?? false }
            func hex(_ c: RGBA) -> String { String(c.hex.prefix(7)) }
            for ((index, element), (_, mark)) in zip(top, expected) {
                let a = element.attributes
                switch mark {
                case nil:
                    #expect(near(a["width"], scene.width) && near(a["height"], scene.height) && a["fill"] == hex(scene.background), "background: \(a) in \(chart)")
                case let .rect(r, fill)?:
                    #expect(near(a["x"], min(r.x, r.maxX)) && near(a["y"], min(r.y, r.maxY)) && near(a["width"], abs(r.width)) && near(a["height"], abs(r.height)),
                            "\(a) is not \(r) in \(chart)")
                    #expect(a["fill"] == hex(fill), "\(a) is not filled \(fill) in \(chart)")
                case let .line(from, to, stroke, width, dash)?:
                    #expect(a["d"] == "M \(Self.written(from.x)) \(Self.written(from.y)) L \(Self.written(to.x)) \(Self.written(to.y))", "\(a) in \(chart)")
                    #expect(a["stroke"] == hex(stroke) && near(a["stroke-width"], width) && a["fill"] == "none", "\(a) in \(chart)")
                    #expect(a["stroke-dasharray"] == (dash.isEmpty ? nil : dash.map(Self.written).joined(separator: " ")), "\(a) in \(chart)")
                case let .polyline(points, stroke, _)?:
                    #expect(a["d"]?.components(separatedBy: " L ").count == points.count && a["stroke"] == hex(stroke), "\(a) in \(chart)")
                case let .polygon(points, fill, stroke, _)?:
                    #expect(a["d"]?.components(separatedBy: " L ").count == points.count && a["d"]?.hasSuffix(" Z") == true, "\(a) in \(chart)")
                    #expect(a["fill"] == (fill.map(hex) ?? "none") && a["stroke"] == stroke.map(hex), "\(a) in \(chart)")
                case let .circle(center, radius, fill, stroke, _)?:
                    #expect(near(a["cx"], center.x) && near(a["cy"], center.y) && near(a["r"], radius), "\(a) in \(chart)")
                    #expect(a["fill"] == (fill.map(hex) ?? "none") && a["stroke"] == stroke.map(hex), "\(a) in \(chart)")
                case let .text(text, _, font, color, _, bounds)?:
                    #expect(a["fill"] == hex(color), "\(a) in \(chart)")
                    // Its glyphs: on the baseline the layout measured, from the box's left edge rightwards.
                    let glyphs = elements.all[(index + 1)...].prefix { $0.depth > 2 }.filter { $0.name == "use" }
                    let baseline = bounds.y + measurer.metrics(font).ascent
                    #expect(glyphs.allSatisfy { near($0.attributes["y"], baseline) }, "\(text) off its baseline in \(chart)")
                    let xs = glyphs.compactMap { $0.attributes["x"].flatMap(Double.init) }
                    #expect(xs == xs.sorted() && xs.allSatisfy { $0 >= bounds.x - 0.0051 && $0 <= bounds.maxX + 0.0051 }, "\(text) outside its box \(bounds) in \(chart)")
                    if text.unicodeScalars.first?.properties.isWhitespace == false { #expect(near(glyphs.first?.attributes["x"], bounds.x), "\(text) does not start at \(bounds.x) in \(chart)") }
                    #expect(glyphs.count == text.unicodeScalars.filter { !$0.properties.isWhitespace }.count, "\(text): \(glyphs.count) glyphs in \(chart)")
                }
            }
        }
    }
}
