import ExchangeModel
@testable import ExchangeStore
import Testing

@Suite("CSV: RFC 4180, BOM, CRLF, and positions for messages")
struct CSVReadingTests {
    static func records(_ text: String) -> (records: [[String]], parser: CSVParser) {
        var parser = CSVParser(bytes: Array(text.utf8))
        var records: [[String]] = []
        while let record = parser.next() { records.append(record.fields.map(\.text)) }
        return (records, parser)
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let (records, parser) = Self.records("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n")
        #expect(parser.issues.isEmpty)
        #expect(records == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["", "", ""]])
    }

    @Test func aByteOrderMarkIsSkippedAndColumnsCountCharacters() {
        let text = "\u{FEFF}name,note\nКиїв,\"x\"y\n"
        let (records, parser) = Self.records(text)
        #expect(records.first == ["name", "note"])
        let issue = parser.issues.first
        #expect(issue?.message == "text follows the closing quote of a quoted field")
        // "Київ," is 5 characters (9 bytes); the stray text starts at column 9.
        let positions = SourcePositions(bytes: Array(text.utf8))
        #expect(issue.map { positions.position(of: $0.offset) } ?? (0, 0) == (2, 9))
    }

    @Test func blankLinesAreNotRecords() {
        #expect(Self.records("a\n\n1\n\n").records == [["a"], ["1"]])
    }

    @Test func anUnclosedQuoteEndsTheScanWhereItOpened() {
        let (records, parser) = Self.records("a,b\n1,\"open\n2,3\n")
        #expect(records == [["a", "b"]])
        #expect(parser.issues.map(\.offset) == [6])
    }

    @Test func invalidUTF8IsLocated() {
        let positions = SourcePositions(bytes: Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(positions.firstInvalidUTF8.map { positions.position(of: $0) } ?? (0, 0) == (2, 3))
        #expect(SourcePositions(bytes: Array("Київ, 1 358\n".utf8)).firstInvalidUTF8 == nil)
    }

    @Test func writerQuotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.line(["a", nil, "b,c", "say \"x\"", "l1\nl2", "'86 for 86'"])
            == "a,,\"b,c\",\"say \"\"x\"\"\",\"l1\nl2\",'86 for 86'\n")
    }

    @Test func headerDecidesTheKindAndOptionalColumnsMayBeLeftOut() {
        let file = DataFile.parse(bytes: Array("source_url,confidence,returned_total,date\nhttps://a.org,high,5,2024-01-03\n".utf8),
                                  name: "x.csv", format: .csv, rules: ValidationRules(today: nil))
        #expect(file.diagnostics.isEmpty)
        #expect(file.exchanges.map(\.value.returnedTotal) == [5])
        #expect(file.exchanges.first?.missing.contains("notes") == true)
        let totals = DataFile.parse(bytes: Array("period_start,period_end,metric,value,qualifier,source_url\n2024-01-01,2024-12-31,released,1358,exact,https://a.org\n".utf8),
                                    name: "t.csv", format: .csv, rules: ValidationRules(today: nil))
        #expect(totals.diagnostics.isEmpty)
        #expect(totals.reportedTotals.first?.value.calendarYear == 2024)
    }

    @Test func anEmptyFileSaysSo() {
        let file = DataFile.parse(bytes: [], name: "empty.csv", format: .csv, rules: ValidationRules(today: nil))
        #expect(file.diagnostics.map(\.message) == ["the file is empty"])
    }
}
