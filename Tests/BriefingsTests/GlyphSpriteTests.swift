@testable import Briefings
import ChartRendering
import Charts
import ExchangeModel
import Foundation
import PropertyBased
import Testing

/// The glyph outlines of a page's charts, defined once: every glyph each chart drew is still the
/// same outline, found under the name it now uses; no outline is defined twice.
@Suite("One set of glyph outlines for a page")
struct GlyphSpriteTests {
    /// id → outline of every `<symbol overflow="visible" id="…">…</symbol>` in `text`.
    static func symbols(in text: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = text[...]
        while let open = rest.range(of: SVGGlyphSymbol.start), let quote = rest[open.upperBound...].firstIndex(of: "\""),
              let close = rest.range(of: SVGGlyphSymbol.end, range: quote..<rest.endIndex) {
            out[String(rest[open.upperBound..<quote])] = String(rest[rest.index(quote, offsetBy: 2)..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// Every `href="#…"` in order.
    static func references(in text: String) -> [String] {
        text.components(separatedBy: "href=\"#").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    @Test func everyGlyphKeepsItsOutlineUnderItsNewName() async throws {
        let measurer = try Fixtures.measurer(), typefaces = ["light": Fixtures.typeface("light"), "dark": Fixtures.typeface("dark")]
        await propertyCheck(count: 60, input: ChartCases.all) { chart in
            let content = ChartBuilder.build(chart.request, exchanges: chart.records, reported: Fixtures.bundled.reported,
                                             vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
            var sprite = GlyphSprite()
            var pages: [(original: String, shared: String)] = []
            // A page's versions of the chart: both themes, and a second size with other glyph sizes.
            for (theme, size) in [("light", (chart.width, chart.height)), ("dark", (chart.width, chart.height)), ("light", (360.0, 520.0))] {
                let scene = ChartFiles.scene(content.spec, width: size.0, height: size.1, theme: Fixtures.theme(theme), measurer: measurer)
                guard let bytes = try? SceneRenderer.svgBytes(scene, typeface: typefaces[theme]!) else { Issue.record("cannot draw \(chart)"); return }
                pages.append((String(decoding: bytes, as: UTF8.self), String(decoding: sprite.share(bytes), as: UTF8.self)))
            }
            let defined = Self.symbols(in: sprite.markup)
            #expect(Set(defined.values).count == defined.count, "an outline defined twice: \(chart)")
            #expect(sprite.markup.isEmpty || sprite.markup.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(GlyphSprite.rootID)\" aria-hidden=\"true\""))
            for page in pages {
                let before = Self.symbols(in: page.original)
                // Every chart has a title: a page with no outlines found would test nothing.
                #expect(!before.isEmpty, "no glyph outlines found in \(chart)")
                #expect(Self.symbols(in: page.shared).isEmpty, "a chart kept its own outlines: \(chart)")
                let old = Self.references(in: page.original), new = Self.references(in: page.shared)
                #expect(old.count == new.count, "references lost: \(chart)")
                for (a, b) in zip(old, new) {
                    if let outline = before[a] {
                        #expect(defined[b] == outline, "\(a) → \(b) is another shape: \(chart)")
                    } else {
                        #expect(a == b, "a reference to something other than a glyph was renamed: \(a) → \(b)")
                    }
                }
                // Everything but the outlines and their names is as the writer wrote it.
                let strip = { (text: String) in text.replacingOccurrences(of: ##"<symbol overflow="visible" id="[^"]*">[\s\S]*?</symbol>\n?"##, with: "", options: .regularExpression)
                    .replacingOccurrences(of: ##"href="#[^"]*""##, with: "href", options: .regularExpression) }
                #expect(strip(page.original) == strip(page.shared), "more than the outlines changed: \(chart)")
            }
        }
    }
}
