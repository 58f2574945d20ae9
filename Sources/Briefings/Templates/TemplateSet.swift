import ExchangeModel
import Foundation
import Mustache

/// The briefing templates of one language, found on a search path: the first directory that has
/// a file wins, so a user overrides one section by putting one file of the same name in their own
/// directory. In each directory, `briefing/<lang>/NAME.mustache` comes before `briefing/NAME.mustache`.
public struct TemplateSet: Sendable {
    /// Template name (`html/sections/headline`) → the file it was read from.
    public let paths: [String: String]
    let texts: [String: String]
    let library: MustacheLibrary

    /// Reads every template for `language` from `directories` (searched in order).
    ///
    /// - Throws: `TemplateError` for a file that cannot be read or does not parse, with its line and column.
    public init(language: Language, directories: [String]) throws(TemplateError) {
        var paths: [String: String] = [:]
        for directory in directories.reversed() {
            let root = (directory as NSString).appendingPathComponent("briefing")
            for (name, path) in Self.files(in: root, skipping: Language.allCases.map(\.rawValue)) { paths[name] = path }
            for (name, path) in Self.files(in: (root as NSString).appendingPathComponent(language.rawValue), skipping: []) { paths[name] = path }
        }
        var texts: [String: String] = [:]
        var library = MustacheLibrary()
        for (name, path) in paths.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(path: path, message: "cannot read the template", hint: "check that the file exists, is readable and is UTF-8")
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(path: path, line: error.context.lineNumber, column: error.context.columnNumber,
                                    message: "the template does not parse: \(error.error)",
                                    hint: "check the tags near there: every {{#section}} needs its {{/section}}, and names are letters, digits, dots")
            } catch {
                throw TemplateError(path: path, message: "the template does not parse: \(error)", hint: "check the Mustache syntax")
            }
            texts[name] = text
        }
        self.paths = paths
        self.texts = texts
        self.library = library
    }

    /// Renders the template `name` (`html/briefing`).
    func render(_ name: String, _ model: [String: Any]) throws(TemplateError) -> String {
        guard let output = library.render(model, withTemplate: name) else {
            throw TemplateError(path: name + ".mustache", message: "there is no template \(name)",
                                hint: "restore it with `homecoming templates copy \(name) --to DIR`, or remove DIR from --templates")
        }
        return output
    }

    /// The `.mustache` files below `root`, by name relative to it without the extension.
    static func files(in root: String, skipping: [String]) -> [String: String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
        var found: [String: String] = [:]
        while let relative = enumerator.nextObject() as? String {
            let first = relative.split(separator: "/").first.map(String.init) ?? ""
            if skipping.contains(first) { continue }
            guard relative.hasSuffix(".mustache") else { continue }
            found[String(relative.dropLast(".mustache".count))] = (root as NSString).appendingPathComponent(relative)
        }
        return found
    }

    /// Whether a template name stays inside its directory (no `..`, not absolute).
    public static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("/") && !name.split(separator: "/").contains("..") && !name.contains("\\")
    }
}
