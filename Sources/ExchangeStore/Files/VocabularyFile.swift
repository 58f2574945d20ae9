import ExchangeModel
import Foundation

extension Vocabularies {
    /// Reads the three vocabularies from a dataset's directory (`mediators.csv`, `publications.csv`,
    /// `reporting_bodies.csv`). A file that is not there gives an empty list, so that a record
    /// without codes needs none; a file with a problem is refused with every problem located.
    ///
    /// - Throws: `StoreError.invalidData` naming the file, line and column of each problem.
    public static func load(directory: String) throws(StoreError) -> Vocabularies {
        var result = Vocabularies()
        result.directory = directory
        var problems: [Diagnostic] = []
        for kind in Vocabulary.Kind.allCases {
            let path = (directory as NSString).appendingPathComponent(kind.fileName)
            guard let data = FileManager.default.contents(atPath: path) else {
                if FileManager.default.fileExists(atPath: path) {
                    throw .missingInput(path: path, reason: "it cannot be read (check its permissions)")
                }
                result.missingFiles.insert(kind)
                continue
            }
            let (vocabulary, diagnostics) = parse(bytes: [UInt8](data), name: path, kind: kind)
            result[kind] = vocabulary
            problems += diagnostics
        }
        if !problems.isEmpty { throw .invalidData(file: problems[0].file, diagnostics: problems) }
        return result
    }

    /// Reads one vocabulary file: a header `KIND,name,name_uk`, then one entry per line.
    public static func parse(bytes: [UInt8], name: String, kind: Vocabulary.Kind) -> (Vocabulary, [Diagnostic]) {
        var vocabulary = Vocabulary(kind: kind)
        var problems: [Diagnostic] = []
        let positions = SourcePositions(bytes: bytes)
        var parser = CSVParser(bytes: bytes)
        func problem(_ offset: Int, _ message: String, _ hint: String) {
            let (line, column) = positions.position(of: offset)
            problems.append(Diagnostic(file: name, location: .text(line: line, column: column), message: message, hint: hint))
        }
        let header = [kind.rawValue, "name", "name_uk"]
        if let offset = positions.firstInvalidUTF8 {
            problem(offset, "the file is not valid UTF-8 text", "save it as UTF-8")
            return (vocabulary, problems)
        }
        guard let first = parser.next(), first.fields.map(\.text) == header else {
            problem(0, "the header is not \(header.joined(separator: ","))",
                    "start the file with the line \(header.joined(separator: ",")): the code, the English name, the Ukrainian name")
            return (vocabulary, problems)
        }
        while let record = parser.next() {
            guard record.fields.count == 3 else {
                problem(record.startOffset, "this line has \(record.fields.count) fields, not 3",
                        "write code,English name,Ukrainian name; put a name that contains a comma in quotes")
                continue
            }
            let (code, english, ukrainian) = (record.fields[0], record.fields[1], record.fields[2])
            var issues: [(Int, String, String)] = []
            for field in record.fields {
                var checker = FieldParser(rules: ValidationRules(today: nil))
                checker.refuseControlCharacters("the name", field.text, multiline: false)
                if let issue = checker.issues.first { issues.append((field.offset, issue.message, issue.hint)) }
            }
            if code.text.isEmpty {
                issues.append((code.offset, "the code is empty", "give a short code that rows will use, e.g. coordination-hq"))
            } else if code.text.contains(";") || code.text.first == " " || code.text.last == " " {
                issues.append((code.offset, "the code \"\(code.text)\" has a \";\" or a space at an end",
                               "codes are joined by \"; \" in rows: use letters, digits, hyphens and inner spaces only"))
            }
            if english.text.isEmpty { issues.append((english.offset, "the English name of \(code.text) is empty", "give the name in English")) }
            if ukrainian.text.isEmpty {
                issues.append((ukrainian.offset, "the Ukrainian name of \(code.text) is missing",
                               "fill name_uk with the name as a Ukrainian editor writes it (a brand may keep its Latin name)"))
            }
            if issues.isEmpty, !vocabulary.add(Vocabulary.Entry(code: code.text, name: english.text, nameUK: ukrainian.text)) {
                issues.append((code.offset, "the code \(code.text) is given twice", "keep one line per code"))
            }
            for (offset, message, hint) in issues { problem(offset, message, hint) }
        }
        for issue in parser.issues { problem(issue.offset, issue.message, issue.hint) }
        problems.sort { ImportPlan.order($0.location) < ImportPlan.order($1.location) }
        return (vocabulary, problems)
    }

    /// The file a kind's list is kept in, as the user names it: `Data/mediators.csv`.
    public func path(of kind: Vocabulary.Kind) -> String {
        directory.map { ($0 as NSString).appendingPathComponent(kind.fileName) } ?? kind.fileName
    }

    /// What to do when a vocabulary's file is not there at all: the dataset directory is wrong.
    static let missingDatasetHint = "run Homecoming from the directory that holds Data/, or pass --data-dir (or set $HOMECOMING_DATA) to the dataset's directory"

    /// Refuses stored rows whose codes none of the vocabularies has (a list edited since they were
    /// imported): every output would otherwise print a bare code.
    ///
    /// - Throws: `StoreError.invalidData` naming each row, the code and the vocabulary file.
    public func checkCodes(exchanges: [Exchange], reported: [ReportedTotal], store: String) throws(StoreError) {
        var problems: [Diagnostic] = []
        // A list whose file is not there at all is one problem, not one per row: the dataset directory is wrong.
        var missingReported: Set<Vocabulary.Kind> = []
        func problem(_ row: String, _ field: String, _ kind: Vocabulary.Kind, _ code: String) {
            if missingFiles.contains(kind) {
                guard missingReported.insert(kind).inserted else { return }
                problems.append(Diagnostic(file: path(of: kind), location: .file,
                                           message: "there is no such file, and \(row) in \(store) has \(field) \"\(code)\" (the record's codes are named there)",
                                           hint: Self.missingDatasetHint))
                return
            }
            problems.append(Diagnostic(file: path(of: kind), location: .file,
                                       message: "\(row) in \(store) has \(field) \"\(code)\", which is not a code of this file",
                                       hint: "add a line \"\(code),English name,Ukrainian name\" to \(path(of: kind)), or correct the row and import it with --update"))
        }
        var known: (mediator: String?, publication: String?)
        for e in exchanges where e.mediator != known.mediator || e.publication != known.publication {
            // Consecutive rows mostly repeat the previous row's codes: those are known already.
            let unknown = unknownCodes(in: e)
            for (field, kind, code) in unknown { problem("the exchange of \(e.date.iso)", field.rawValue, kind, code) }
            if unknown.isEmpty { known = (e.mediator, e.publication) }
        }
        for r in reported { for (field, kind, code) in unknownCodes(in: r) { problem("the reported total \(r.key)", field.rawValue, kind, code) } }
        if !problems.isEmpty { throw .invalidData(file: problems[0].file, diagnostics: problems) }
    }

    /// A problem for each code of the rows that none of the vocabularies has.
    func unknownCodeDiagnostics(_ file: DataFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var missingReported: Set<Vocabulary.Kind> = []
        func add(_ location: Diagnostic.Location, _ kind: Vocabulary.Kind, _ field: String, _ code: String) {
            // A list whose file is not there at all is one problem, not one per row.
            if missingFiles.contains(kind) {
                guard missingReported.insert(kind).inserted else { return }
                out.append(Diagnostic(file: file.name, location: location,
                                      message: "\(field) \"\(code)\" names a code of \(path(of: kind)), and there is no such file",
                                      hint: Self.missingDatasetHint))
                return
            }
            let known = self[kind].entries.map(\.code)
            let listed = known.isEmpty ? "the list is empty or missing" : "it has " + known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", …" : "")
            out.append(Diagnostic(file: file.name, location: location,
                                  message: "\(field) \"\(code)\" is not a code of \(path(of: kind)) (\(listed))",
                                  hint: "use a code of that file, or add a line \"\(code),English name,Ukrainian name\" to it"))
        }
        for row in file.exchanges {
            for (field, kind, code) in unknownCodes(in: row.value) {
                add(file.location(exchange: row.index, field: field.rawValue), kind, field.rawValue, code)
            }
        }
        for row in file.reportedTotals {
            for (field, kind, code) in unknownCodes(in: row.value) {
                add(file.location(reportedTotal: row.index, field: field.rawValue), kind, field.rawValue, code)
            }
        }
        return out
    }
}
