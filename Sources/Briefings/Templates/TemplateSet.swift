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
        var sources: [String: (path: String, text: String)] = [:]
        for (name, path) in paths {
            try Self.checkInside(path, roots: directories)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(path: path, message: "cannot read the template", hint: "check that the file exists, is readable and is UTF-8")
            }
            sources[name] = (path, text)
        }
        try self.init(sources: sources)
    }

    /// A template set from texts already read: name → (the file it came from, its text).
    public init(sources: [String: (path: String, text: String)]) throws(TemplateError) {
        var texts: [String: String] = [:]
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let (path, text) = source
            // Checked before the parser sees it: swift-mustache parses nested sections recursively, and
            // thousands of them exhaust the stack.
            try Self.checkNesting(text, path: path)
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
        let paths = sources.mapValues(\.path)
        try Self.checkPartials(texts: texts, paths: paths)
        self.paths = paths
        self.texts = texts
        self.library = library
    }

    /// How deeply sections may nest, and how many partials one document may expand into.
    static let maximumNesting = 64
    static let maximumExpansion = 10_000

    /// A template file must be a regular file inside one of the template directories: a link
    /// that leads out of them (to /etc/passwd, say) is refused, never read.
    static func checkInside(_ path: String, roots: [String]) throws(TemplateError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let resolved = (path as NSString).resolvingSymlinksInPath
        let inside = roots.contains { root in
            let real = ((root as NSString).resolvingSymlinksInPath as NSString).standardizingPath
            return resolved == real || resolved.hasPrefix(real + "/")
        }
        var target = stat()
        guard inside, stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG else {
            throw TemplateError(path: path, message: "the template is a link out of the templates directory, or not a regular file",
                                hint: "copy the template into the directory instead of linking to it")
        }
    }

    /// Sections may nest `maximumNesting` deep.
    static func checkNesting(_ text: String, path: String) throws(TemplateError) {
        // Changing the delimiters would hide every later tag from these checks: Homecoming's templates use {{ }} only.
        if let change = TemplateChecker.delimiterChange(in: text) {
            throw TemplateError(path: path, line: change.line, column: change.column, message: "the template changes its delimiters ({{= … =}})",
                                hint: "write every tag with {{ and }}")
        }
        var depth = 0
        for tag in TemplateChecker.tags(in: text) {
            switch tag.sigil {
            case "#", "^", "$", "<":
                depth += 1
                if depth > maximumNesting {
                    throw TemplateError(path: path, line: tag.line, column: tag.column,
                                        message: "sections nest more than \(maximumNesting) deep here",
                                        hint: "close sections with {{/name}}; real briefings need a few levels at most")
                }
            case "/": depth = max(0, depth - 1)
            default: break
            }
        }
    }

    /// Partials may not include themselves (directly or through others), and a document may not
    /// expand into more than `maximumExpansion` of them (a chain that doubles at each level).
    static func checkPartials(texts: [String: String], paths: [String: String]) throws(TemplateError) {
        var uses: [String: [(name: String, line: Int, column: Int)]] = [:]
        for (name, text) in texts {
            uses[name] = TemplateChecker.tags(in: text).filter { $0.sigil == ">" || $0.sigil == "<" }.map { ($0.name, $0.line, $0.column) }
        }
        var expansion: [String: Int] = [:]
        var visiting: [String] = []
        func expand(_ name: String) throws(TemplateError) -> Int {
            if let known = expansion[name] { return known }
            var total = 1
            visiting.append(name)
            for use in uses[name] ?? [] where texts[use.name] != nil {
                if let start = visiting.firstIndex(of: use.name) {
                    let cycle = (visiting[start...] + [use.name]).joined(separator: " → ")
                    throw TemplateError(path: paths[name] ?? name, line: use.line, column: use.column,
                                        message: "the partial \"\(use.name)\" includes itself (\(cycle))",
                                        hint: "remove the include that closes the loop")
                }
                total += try expand(use.name)
                if total > maximumExpansion {
                    throw TemplateError(path: paths[name] ?? name, line: use.line, column: use.column,
                                        message: "\(name) expands into more than \(maximumExpansion) partials",
                                        hint: "include each partial once; a chain that includes the next one twice doubles at every level")
                }
            }
            visiting.removeLast()
            expansion[name] = total
            return total
        }
        for name in texts.keys.sorted() { _ = try expand(name) }
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

    /// Whether a template name stays inside its directory (the rule for any path Homecoming is given relative to a directory), and has no backslash.
    public static func isSafeName(_ name: String) -> Bool {
        OutputDirectory.isInside(name) && !name.contains("\\")
    }
}
