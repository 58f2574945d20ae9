import ExchangeModel
import Foundation

extension KnownGap {
    /// The header of `Data/known_gaps.csv`.
    public static let fileHeader = ["period_start", "period_end", "kind", "people", "qualifier", "applies_to",
                                    "explanation", "explanation_uk", "publication", "source_detail", "source_detail_uk", "source_url"]
    public static let fileName = "known_gaps.csv"

    /// Reads a dataset's known gaps; a directory without the file has none. Each publication must be
    /// a code of `vocabularies` (when given), as for rows.
    ///
    /// - Throws: `StoreError.invalidData` with the file, line and column of each problem.
    public static func load(directory: String, vocabularies: Vocabularies? = nil) throws(StoreError) -> [KnownGap] {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw .missingInput(path: path, reason: "it cannot be read (check its permissions)") }
            return []
        }
        let gaps = try read(bytes: [UInt8](data), name: path)
        if let vocabularies {
            let unknown = gaps.compactMap(\.publication).filter { vocabularies.publications[$0] == nil }
            if let code = unknown.first {
                throw .invalidData(file: path, diagnostics: [Diagnostic(file: path, location: .file,
                    message: "publication \"\(code)\" is not a code of \(vocabularies.path(of: .publication))",
                    hint: "use a code of that file, or add a line \"\(code),English name,Ukrainian name\" to it")])
            }
        }
        return gaps
    }

    /// Reads the file's lines: every field checked as an import checks it, every problem located.
    public static func read(bytes: [UInt8], name: String) throws(StoreError) -> [KnownGap] {
        try LineFile.read(bytes: bytes, name: name, header: fileHeader) { f, p in
            let start = p.day("period_start", f[0], required: true)
            let end = p.day("period_end", f[1], required: true)
            let kind = p.choice("kind", f[2], required: true, of: Kind.self, hint: "say what the gap is: missing, undated, undisclosed or outside_exchanges")
            let people = p.count("people", f[3])
            let qualifier = p.choice("qualifier", f[4], required: people != nil, of: ReportedTotal.Qualifier.self,
                                     hint: "say how exact the number of people is: exact, about, at_least or at_most")
            if people == nil, FieldParser.nonEmpty(f[4]) != nil {
                p.fail("qualifier", "qualifier is given but people is empty", "leave qualifier empty when the number of people is unknown")
            }
            let scope = p.choice("applies_to", f[5], required: false, of: ReportedTotal.Scope.self,
                                 hint: "leave it empty for every total, or name the totals it explains by their counts")
            let english = p.requiredText("explanation", f[6], what: "the explanation in English, as one sentence a reader can take in")
            let ukrainian = p.requiredText("explanation_uk", f[7],
                                           what: "the explanation in Ukrainian, as a Ukrainian editor writes it (a briefing never shows the English in its place)")
            let publication = p.code("publication", f[8])
            let detail = FieldParser.nonEmpty(f[9]), detailUK = FieldParser.nonEmpty(f[10])
            if detail != nil, detailUK == nil {
                p.fail("source_detail_uk", "source_detail is given but source_detail_uk is empty", "give the source detail in Ukrainian too")
            }
            let url = p.url("source_url", f[11])
            if let start, let end, end < start {
                p.fail("period_end", "period_end \(end.iso) is before period_start \(start.iso)", "give the span's first day, then its last")
            }
            guard let start, let end, let kind, let english, let ukrainian, let url else { return nil }
            return KnownGap(periodStart: start, periodEnd: end, kind: kind, people: people, qualifier: qualifier, appliesTo: scope,
                            explanation: english, explanationUK: ukrainian, publication: publication, sourceDetail: detail,
                            sourceDetailUK: detailUK, sourceURL: url)
        }
    }
}
