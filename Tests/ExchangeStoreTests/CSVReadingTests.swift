import ExchangeModel
@testable import ExchangeStore
import Testing

@Suite("CSV: RFC 4180, BOM, CRLF, and positions for messages")
struct CSVReadingTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n"
        let table = CSVTable(bytes: Array(text.utf8))
        #expect(table.issues.isEmpty)
        #expect(table.records.map { $0.fields.map(\.text) } == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["", "", ""]])
    }

    @Test func aByteOrderMarkIsSkippedAndColumnsCountCharacters() {
        let text = "\u{FEFF}name,note\nКиїв,\"x\"y\n"
        let table = CSVTable(bytes: Array(text.utf8))
        #expect(table.records.first?.fields.first?.text == "name")
        let issue = table.issues.first
        #expect(issue?.message == "text follows the closing quote of a quoted field")
        // "Київ," is 5 characters (9 bytes); the stray text starts at column 9.
        #expect(issue.map { table.positions.position(of: $0.offset) } ?? (0, 0) == (2, 9))
    }

    @Test func blankLinesAreNotRecords() {
        let table = CSVTable(bytes: Array("a\n\n1\n\n".utf8))
        #expect(table.records.map { $0.fields.map(\.text) } == [["a"], ["1"]])
    }

    @Test func invalidUTF8IsLocated() {
        let table = CSVTable(bytes: Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(table.records.isEmpty)
        #expect(table.issues.first.map { table.positions.position(of: $0.offset) } ?? (0, 0) == (2, 3))
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
        let totals = DataFile.parse(bytes: Array("period_start,period_end,metric,value,source_url\n2024-01-01,2024-12-31,released,1358,https://a.org\n".utf8),
                                    name: "t.csv", format: .csv, rules: ValidationRules(today: nil))
        #expect(totals.diagnostics.isEmpty)
        #expect(totals.reportedTotals.first?.value.calendarYear == 2024)
    }

    @Test func anEmptyFileSaysSo() {
        let file = DataFile.parse(bytes: [], name: "empty.csv", format: .csv, rules: ValidationRules(today: nil))
        #expect(file.diagnostics.map(\.message) == ["the file is empty"])
    }
}
