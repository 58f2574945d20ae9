import ExchangeModel
import ExchangeStore
import Foundation
import Mustache

/// Checks templates the way rendering cannot: swift-mustache renders an unknown variable, an
/// unknown section and a missing partial as empty text, silently. Every template is parsed,
/// every partial it names must exist, and every document is rendered against a complete sample
/// while each name it looks up is recorded; a name found nowhere is reported where it is written.
public enum TemplateChecker {
    /// The documents a briefing is made of.
    public static let documents = DocumentFormat.allCases.map { "\($0.rawValue)/briefing" }

    /// Every problem in the templates for every language, in file order; empty when all is well.
    public static func check(directories: [String]) -> [TemplateError] {
        var problems: [TemplateError] = strayTemplates(in: directories)
        for language in Language.allCases {
            let set: TemplateSet
            do { set = try TemplateSet(language: language, directories: directories) } catch {
                problems.append(error)
                continue
            }
            problems += check(set, language: language)
        }
        var seen = Set<String>()
        return problems.filter { seen.insert($0.description).inserted }
            .sorted { ($0.path, $0.line ?? 0, $0.column ?? 0) < ($1.path, $1.line ?? 0, $1.column ?? 0) }
    }

    /// Template files in a templates directory but outside its `briefing/` folder are never used:
    /// an override put in the wrong place would leave the default in force without a word.
    static func strayTemplates(in directories: [String]) -> [TemplateError] {
        var problems: [TemplateError] = []
        for directory in directories {
            let root = URL(fileURLWithPath: directory)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { continue }
            var seen = 0
            for case let url as URL in walker {
                seen += 1
                if seen > 10_000 { break }
                let relative = String(url.path.dropFirst(root.path.count).drop { $0 == "/" })
                if relative == "briefing" || relative == "themes" { walker.skipDescendants(); continue }
                guard url.pathExtension == "mustache" else { continue }
                problems.append(TemplateError(path: url.path, message: "this template is outside \(directory)/briefing/, so it is never used",
                                              hint: "move it to \(directory)/briefing/\(relative), where `homecoming templates copy` puts a template"))
            }
        }
        return problems
    }

    /// The problems of one language's template set: missing documents and partials, unknown names.
    public static func check(_ set: TemplateSet, language: Language) -> [TemplateError] {
        var problems: [TemplateError] = []
        for document in documents where set.paths[document] == nil {
            problems.append(TemplateError(path: document + ".mustache", message: "the document template \(document) is missing",
                                          hint: "restore it with `homecoming templates copy \(document) --to DIR`"))
        }
        for (name, text) in set.texts {
            let path = set.paths[name] ?? name
            for tag in tags(in: text) where tag.sigil == ">" || tag.sigil == "<" {
                if !TemplateSet.isSafeName(tag.name) {
                    problems.append(TemplateError(path: path, line: tag.line, column: tag.column,
                                                  message: "the partial name \"\(tag.name)\" leaves the templates directory",
                                                  hint: "name partials relative to briefing/, e.g. html/sections/headline"))
                } else if set.paths[tag.name] == nil {
                    problems.append(TemplateError(path: path, line: tag.line, column: tag.column,
                                                  message: "the partial \"\(tag.name)\" does not exist",
                                                  hint: "create \(tag.name).mustache, or correct the name (see `homecoming templates list`)"))
                }
            }
        }
        for format in DocumentFormat.allCases {
            let recorder = Recorder()
            let model = TrackingNode(BriefingSample.model(language: language, format: format), recorder)
            let page = set.library.render(model, withTemplate: "\(format.rawValue)/briefing") ?? ""
            // A page that shows a chart's SVG draws its text from the glyph sprite: without it the text is invisible.
            if format == .html, page.contains(BriefingSample.chartMarker), !page.contains(BriefingSample.glyphsMarker) {
                let place = set.texts.sorted(by: { $0.key < $1.key }).lazy.filter { $0.key.hasPrefix("html/") }
                    .compactMap { template, text in tags(in: text).first { ["svg", "svgDark", "svgNarrow", "svgNarrowDark"].contains($0.name) }.map { (template, $0) } }
                    .first
                problems.append(TemplateError(path: place.map { set.paths[$0.0] ?? $0.0 } ?? "html/briefing.mustache", line: place?.1.line, column: place?.1.column,
                                              message: "the page shows charts but not {{{chartGlyphs}}}, the glyph outlines their text is drawn with: the charts would show no text",
                                              hint: "add {{{chartGlyphs}}} once, before the charts (as the default html/sections/charts.mustache does)"))
            }
            let unknown = recorder.requested.subtracting(recorder.found)
            for name in unknown.sorted() {
                for (template, text) in set.texts.sorted(by: { $0.key < $1.key }) where template.hasPrefix(format.rawValue + "/") {
                    for tag in tags(in: text) where tag.name.split(separator: ".").contains(Substring(name)) {
                        let kind = tag.sigil == "#" || tag.sigil == "^" ? "section" : "variable"
                        problems.append(TemplateError(path: set.paths[template] ?? template, line: tag.line, column: tag.column,
                                                      message: "unknown \(kind) \"\(tag.name)\": the briefing has no such value",
                                                      hint: "use one of the names in the default templates (`homecoming templates copy \(template) --to DIR` shows them)"))
                    }
                }
            }
        }
        return problems
    }

    /// A tag `{{…}}` in a template: its sigil (`#`, `^`, `/`, `>`, `<`, `$`, `&`, `{`, `!`, `%`, or none), name and place.
    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    /// Where the first `{{=` tag is, if any.
    static func delimiterChange(in text: String) -> (line: Int, column: Int)? {
        guard let range = text.range(of: "{{=") ?? text.range(of: "{{ =") else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
        return (line, column)
    }

    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1, column = 1
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix("{{") {
                let startLine = line, startColumn = column
                guard let close = text[i...].range(of: "}}") else { break }
                var inner = text[text.index(i, offsetBy: 2)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                var sigil: Character?
                if let first = inner.first, "#^/><$&{!%=".contains(first) {
                    sigil = first
                    inner = String(inner.dropFirst()).trimmingCharacters(in: .whitespaces)
                }
                if sigil == "{" { inner = inner.trimmingCharacters(in: CharacterSet(charactersIn: "} ")) }
                if sigil != "!" && sigil != "%" && sigil != "=" { tags.append(Tag(sigil: sigil, name: inner, line: startLine, column: startColumn)) }
                var end = close.upperBound
                if sigil == "{", end < text.endIndex, text[end] == "}" { end = text.index(after: end) }
                for c in text[i..<end] { if c == "\n" { line += 1; column = 1 } else { column += 1 } }
                i = end
                continue
            }
            if text[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i = text.index(after: i)
        }
        return tags
    }

    /// Records the names a render looks up, and which of them some value had.
    final class Recorder {
        var requested = Set<String>()
        var found = Set<String>()
    }

    /// A view-model node that records lookups.
    struct TrackingNode: MustacheParent {
        let values: [String: Any]
        let recorder: Recorder

        init(_ values: [String: Any], _ recorder: Recorder) {
            self.values = values
            self.recorder = recorder
        }

        func child(named name: String) -> Any? {
            recorder.requested.insert(name)
            guard let value = values[name] else { return nil }
            recorder.found.insert(name)
            return wrap(value)
        }

        private func wrap(_ value: Any) -> Any {
            if let dictionary = value as? [String: Any] { return TrackingNode(dictionary, recorder) }
            if let array = value as? [[String: Any]] { return array.map { TrackingNode($0, recorder) } }
            return value
        }
    }
}
