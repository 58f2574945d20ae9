import Briefings

/// Any bytes as a set of templates (the document first, then partials, separated by 0x1E): the
/// checker reports problems with a place, and never crashes, hangs or recurses without bound.
func fuzzOne(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0x1E, omittingEmptySubsequences: false).prefix(6).map { String(decoding: $0, as: UTF8.self) }
    var sources: [String: (path: String, text: String)] = [:]
    for (i, text) in parts.enumerated() {
        let name = i == 0 ? "html/briefing" : "html/sections/p\(i)"
        sources[name] = ("\(name).mustache", text)
    }
    do {
        let set = try TemplateSet(sources: sources)
        for problem in TemplateChecker.check(set, language: .en) { _ = problem.description }
    } catch {
        _ = error.description
    }
}
