import Briefings
import Charts
import ExchangeModel
import ExchangeStore
import Foundation
import PropertyBased
import Testing

@Suite("Briefings: documents, escaping, templates")
struct BriefingTests {
    static let templates = Fixtures.root.appendingPathComponent("Templates").path

    /// The bundled record, with one correction made on 10 June 2025 (inside the range briefing).
    static var record: BriefingDocuments.Record {
        let correction = HistoryEntry(at: "2025-06-10T09:30:00Z", by: "Olena K.", origin: "fix.csv", kind: .updated, recordType: "exchange",
                                      recordKey: "2025-05-24", changes: [FieldChange(field: "returned_total", old: "305", new: "307")],
                                      sourceURL: "https://menafn.com/1109591789/Stefanchuk-Confirms-Ongoing-Cooperation-With-Partners-On-1000-For-1000-Exchange")
        return BriefingDocuments.Record(exchanges: Fixtures.bundled.exchanges, reported: Fixtures.bundled.reported,
                                        history: [correction], lastCheck: SourceCheck(checkedThrough: Day(iso: "2026-05-15")!, checkedOn: Day(iso: "2026-12-01")!, checkedBy: "Homecoming"),
                                        vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
    }

    static func render(_ period: Period, today: String, languages: [Language] = Language.allCases, formats: [DocumentFormat] = DocumentFormat.allCases,
                       directories: [String] = [templates], record: BriefingDocuments.Record = record) throws -> [String: String] {
        let request = BriefingDocuments.Request(period: period, languages: languages, formats: formats, templateDirectories: directories,
                                                theme: Fixtures.theme("light"), today: Day(iso: today)!, staleAfter: 14, organisation: "Homecoming")
        let result = try BriefingDocuments.render(request, record: record)
        var documents: [String: String] = [:]
        for file in result.files where file.path.contains("/briefing.") && !file.path.hasSuffix(".json") {
            documents[String(file.path.split(separator: "/").suffix(2).joined(separator: "/"))] = String(decoding: file.bytes, as: UTF8.self)
        }
        return documents
    }

    /// Inline SVG depends on Cairo's version and fonts, and the style sheet is the same in every
    /// HTML document: golden files keep a placeholder for each, so that they hold the words.
    /// (`theHTMLCarriesTheStyleSheet` checks the sheet itself once.)
    static func normalised(_ text: String) -> String {
        var out = text
        var from = out.startIndex
        // Each SVG becomes a placeholder; the search goes on after it (the placeholder starts as an SVG does).
        while let start = out.range(of: "<svg ", range: from..<out.endIndex), let end = out.range(of: "</svg>", range: start.upperBound..<out.endIndex) {
            let offset = out.distance(from: out.startIndex, to: start.lowerBound)
            out.replaceSubrange(start.lowerBound..<end.upperBound, with: "<svg …/>")
            from = out.index(out.startIndex, offsetBy: offset + "<svg …/>".count)
        }
        if let start = out.range(of: "<style>\n"), let end = out.range(of: "</style>", range: start.upperBound..<out.endIndex) {
            out.replaceSubrange(start.upperBound..<end.lowerBound, with: "…\n")
        }
        return out
    }

    @Test func theHTMLCarriesTheStyleSheet() throws {
        let documents = try Self.render(Period.week("2024-W52")!, today: "2025-01-06", formats: [.html])
        let sheet = try String(contentsOf: URL(fileURLWithPath: Self.templates).appendingPathComponent("briefing/html/style.mustache"), encoding: .utf8)
        for lang in ["en", "uk"] {
            let html = try #require(documents["\(lang)/briefing.html"])
            // The default template's sheet, whole, in every page: phone layout, dark scheme, print.
            #expect(html.contains(sheet.trimmingCharacters(in: .whitespacesAndNewlines)), "\(lang)")
            #expect(html.contains("@media screen and (max-width: 36rem)") && html.contains("@media print"), "\(lang)")
        }
    }

    static let cases: [(String, Period, String)] = [
        ("weekly-2024-W52", Period.week("2024-W52")!, "2025-01-06"),
        ("annual-2024", Period.year(2024)!, "2025-01-06"),
        ("range-2025-05-01_2025-07-31", Period(kind: .range, start: Day(iso: "2025-05-01")!, end: Day(iso: "2025-07-31")!), "2025-08-04"),
    ]

    @Test(arguments: cases.map(\.0))
    func documentsMatchGoldenFiles(name: String) throws {
        let (_, period, today) = try #require(Self.cases.first { $0.0 == name })
        let documents = try Self.render(period, today: today)
        #expect(documents.count == 6)
        for (file, text) in documents.sorted(by: { $0.key < $1.key }) {
            try Fixtures.assertSnapshot(Self.normalised(text), named: "briefing-\(name)-\(file.replacingOccurrences(of: "/", with: "-"))")
        }
    }

    @Test func theYearInReviewStatesTheFiguresOf2024() throws {
        let documents = try Self.render(Period.year(2024)!, today: "2025-01-06", formats: [.txt])
        let en = try #require(documents["en/briefing.txt"]).flattened
        #expect(en.contains("Exchanges: 11"))
        #expect(en.contains("In 2024, 1,358 people were returned from Russian captivity in 11 exchanges."))
        // The 2023 total is derived from the difference officials gave: said as that difference, not compared back with it.
        #expect(en.contains("Officials said 356 more people were freed in 2024 than in 2023, which implies 1,002 for 2023 (derived by Homecoming)."))
        #expect(en.contains("The record's figure for 2023, 996, is incomplete: 2024's is 362 more than it."))
        #expect(en.contains("The last exchange of the year was on 30 December, with 189 people."))
        let uk = try #require(documents["uk/briefing.txt"]).flattened
        #expect(uk.contains("У 2024 році з російського полону повернуто 1 358 людей під час 11 обмінів."))
        #expect(uk.contains("Останній обмін року відбувся 30 грудня: 189 людей."))
        // A gap names what it counts, in the case «на» takes: «на 141 особу менше», «на 362 особи більше».
        #expect(uk.contains("щонайбільше на 141 особу менше") && uk.contains("повернуто на 362 особи більше"), "\(uk)")
    }

    /// Over generated weeks and an empty store nobody has checked: nothing is known, so no
    /// headline figure is 0, in either language, and the lede says why.
    @Test func aStoreNobodyCheckedShowsNoZeros() async {
        let weeks = Generator<Period, Shrink.None<Period>> { rng in
            Period.lastCompletedWeek(before: Day(iso: "2019-01-07")!.adding(days: Int.random(in: 0...2900, using: &rng)))
        }
        let empty = BriefingDocuments.Record(exchanges: [], reported: [], history: [], lastCheck: nil, vocabularies: Fixtures.vocabularies)
        await propertyCheck(count: 8, input: weeks) { week in
            guard let documents = try? Self.render(week, today: "2026-11-26", formats: [.txt], record: empty),
                  let en = documents["en/briefing.txt"]?.flattened, let uk = documents["uk/briefing.txt"]?.flattened else {
                Issue.record("no briefing for \(week.slug)")
                return
            }
            #expect(en.contains("Exchanges: not known (no check of the sources is recorded)"), "\(week.slug)")
            #expect(en.contains("no check of its sources is recorded: whether any took place is not known"), "\(week.slug)")
            #expect(uk.contains("Обміни: невідомо (перевірки джерел не зафіксовано)"), "\(week.slug)")
            for zero in ["Exchanges: 0", "People returned: 0", "Handed to Russia: 0"] { #expect(!en.contains(zero), "\(week.slug)") }
            for zero in ["Обміни: 0", "Повернуто людей: 0"] { #expect(!uk.contains(zero), "\(week.slug)") }
        }
    }

    @Test func anEmptyWeekSaysSoAndNamesTheLastExchange() throws {
        let week = Period.lastCompletedWeek(before: Day(iso: "2026-11-26")!)
        let documents = try Self.render(week, today: "2026-11-26", formats: [.txt, .html])
        let text = try #require(documents["en/briefing.txt"]).flattened
        // Nobody has checked the sources for that week: its figures are not known, never 0.
        #expect(text.contains("The record has no exchange in week 47 of 2026; its sources were checked only through 15 May 2026."))
        #expect(text.contains("Exchanges: not known (the sources were checked only through 15 May 2026)"))
        #expect(text.contains("People returned: not known"))
        #expect(!text.contains("Exchanges: 0") && !text.contains("People returned: 0"))
        // Nobody has checked the sources since 15 May 2026: said at the top.
        #expect(text.contains("!! Data may be out of date. The sources were checked only through 15 May 2026 (by Homecoming on 1 December 2026), 191 days before 22 November 2026; exchanges after 15 May may be missing from this briefing."))
        #expect(try #require(documents["en/briefing.html"]).contains("<aside class=\"stale\" role=\"note\">"))
        let uk = try #require(documents["uk/briefing.txt"]).flattened
        #expect(uk.contains("У даних Homecoming немає обмінів за 47-й тиждень 2026 року; джерела перевірено лише по 15 травня 2026 р. включно."))
        #expect(uk.contains("Обміни: невідомо"))
        // A checked lull is a real zero, and says when the last exchange was.
        let lull = try Self.render(Period.week("2023-W40")!, today: "2026-11-26", formats: [.txt])
        let quiet = try #require(lull["en/briefing.txt"]).flattened
        #expect(quiet.contains("No exchange was recorded in week 40 of 2023; the last was on 7 August 2023, 62 days before the week ended."))
        #expect(quiet.contains("Exchanges: 0"))
        #expect(try #require(lull["uk/briefing.txt"]).flattened.contains("За 40-й тиждень 2023 року не зафіксовано жодного обміну."))
    }

    @Test func undisclosedCountsAreNeverAddedAsZero() throws {
        let period = Period(kind: .range, start: Day(iso: "2025-06-01")!, end: Day(iso: "2025-07-31")!)
        let documents = try Self.render(period, today: "2025-08-04", languages: [.en], formats: [.txt])
        let text = try #require(documents["en/briefing.txt"]).flattened
        #expect(text.contains("Exchanges: 1"))
        #expect(text.contains("People returned: not disclosed"))
        #expect(text.contains("The figures leave out 9 stages whose numbers were not disclosed; they are never counted as zero."))
        #expect(!text.contains("People returned: 0"))
        #expect(text.contains("number not disclosed"))
    }

    @Test func dataFromTheRecordIsInertInEveryFormat() throws {
        var exchanges = Fixtures.bundled.exchanges
        let hostile = Exchange(date: Day(iso: "2026-03-02")!, returnedTotal: 5, mediator: "<b>UAE</b>",
                               notes: "<script>alert(1)</script> [x](javascript:alert(1)) **bold** # heading",
                               notesUK: "<script>alert(2)</script> **жирний**", publication: "evil",
                               sourceDetail: "<i>detail</i>", sourceURL: "https://example.org/a b)(", confidence: .high)
        exchanges.append(hostile)
        var vocabularies = Fixtures.vocabularies
        vocabularies.mediators.add(.init(code: "<b>UAE</b>", name: "<b>UAE</b>", nameUK: "<b>ОАЕ</b>"))
        vocabularies.publications.add(.init(code: "evil", name: "Evil \"source\" <i>", nameUK: "Зле «джерело» <i>"))
        let record = BriefingDocuments.Record(exchanges: exchanges, reported: [], history: [], lastCheck: nil, vocabularies: vocabularies)
        let period = Period(kind: .range, start: Day(iso: "2026-03-01")!, end: Day(iso: "2026-03-07")!)
        let documents = try Self.render(period, today: "2026-03-08", languages: [.en], record: record)
        let html = try #require(documents["en/briefing.html"])
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<b>UAE</b>"))
        #expect(!html.contains("<i>"))
        let md = try #require(documents["en/briefing.md"])
        #expect(md.contains("\\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(javascript:alert\\(1\\)\\) \\*\\*bold\\*\\* \\# heading"))
        #expect(!md.contains("](javascript"))
        #expect(md.contains("(https://example.org/a%20b%29%28)"))
        let txt = try #require(documents["en/briefing.txt"])
        #expect(txt.contains("<script>alert(1)</script>"))
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let a = try Self.render(Period.year(2025)!, today: "2026-01-10")
        let b = try Self.render(Period.year(2025)!, today: "2026-01-10")
        #expect(a == b)
    }

    @Test func oneFileOverridesOneSectionForAllOrOneLanguage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let context = dir.appendingPathComponent("briefing/txt/sections/context.mustache")
        try FileManager.default.createDirectory(at: context.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: TEXT}}\nOUR CONTEXT: {{#context}}{{text}} {{/context}}\n".utf8).write(to: context)
        let ukHeadline = dir.appendingPathComponent("briefing/uk/txt/sections/headline.mustache")
        try FileManager.default.createDirectory(at: ukHeadline.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: TEXT}}\nНАШІ ЦИФРИ\n".utf8).write(to: ukHeadline)

        let documents = try Self.render(Period.year(2024)!, today: "2025-01-06", formats: [.txt], directories: [dir.path, Self.templates])
        let en = try #require(documents["en/briefing.txt"]), uk = try #require(documents["uk/briefing.txt"])
        #expect(en.hasPrefix("Prisoner exchanges in 2024"))
        #expect(en.contains("OUR CONTEXT: In 2024, 1,358 people"))
        #expect(!en.contains("НАШІ ЦИФРИ"))
        #expect(en.contains("Headline figures"))
        #expect(uk.contains("НАШІ ЦИФРИ"))
        #expect(!uk.contains("Основні цифри"))
        #expect(uk.contains("OUR CONTEXT: У 2024 році"))
    }

    /// A reported count of bodies is compared with the record over the total's whole span, not over the briefing's week.
    @Test func reportedBodiesAreComparedOverTheirOwnSpan() throws {
        let week = Period.week("2022-W08")!
        let en = try #require(try Self.render(week, today: "2026-11-26", formats: [.txt])["en/briefing.txt"]).flattened
        let total = try #require(Fixtures.bundled.reported.first { $0.metric == .bodiesReturned && $0.periodEnd == Day(iso: "2023-03-02") })
        let recorded = PeriodSummary(Fixtures.bundled.exchanges, from: total.periodStart, to: total.periodEnd).bodiesReturned
        #expect(recorded.known > 0)
        #expect(en.contains("the record counts at least \(recorded.known) by exchange") || en.contains("the record counts \(recorded.known) by exchange"), "\(en)")
    }

    @Test func theDefaultTemplatesPassTheirCheck() {
        #expect(TemplateChecker.check(directories: [Self.templates]).map(\.description) == [])
    }

    @Test(arguments: [
        ("html/sections/context", "<section>{{#context}}<p>{{text}}</p>\n", "html/sections/context.mustache:", "does not parse"),
        ("txt/sections/headline", "{{% CONTENT_TYPE: TEXT}}\nline\n  {{labels.headlines}}\n", "txt/sections/headline.mustache:3:3", "unknown variable \"labels.headlines\""),
        ("md/sections/gaps", "{{% CONTENT_TYPE: TEXT}}\n{{#gapz}}x{{/gapz}}\n", "md/sections/gaps.mustache:2:1", "unknown section \"gapz\""),
        ("html/briefing", "<html>{{>html/sections/nothing}}</html>\n", "html/briefing.mustache:1:7", "the partial \"html/sections/nothing\" does not exist"),
        ("txt/briefing", "{{>../../etc/passwd}}\n", "txt/briefing.mustache:1:1", "leaves the templates directory"),
        // Charts shown without the glyph outlines they draw their text with (escaped, the sprite is no SVG either).
        ("html/sections/charts", "{{#charts}}<figure>{{{svg}}}</figure>{{/charts}}\n", "html/sections/charts.mustache:1:20", "not {{{chartGlyphs}}}"),
        ("html/sections/charts", "{{chartGlyphs}}{{#charts}}<figure>{{{svgDark}}}</figure>{{/charts}}\n", "html/sections/charts.mustache:1:35", "not {{{chartGlyphs}}}"),
    ])
    func checkFindsEachKindOfMistake(name: String, text: String, place: String, message: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("briefing/\(name).mustache")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        let problems = TemplateChecker.check(directories: [dir.path, Self.templates])
        #expect(problems.contains { $0.description.contains(place) && $0.description.contains(message) }, "\(problems)")
    }
}

extension String {
    /// The text on one line with single spaces, so that wrapping does not matter to a check.
    /// One line, every space (no-break ones too) a plain space: for reading expectations.
    var flattened: String { split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\u{00A0}" }).joined(separator: " ") }
}
