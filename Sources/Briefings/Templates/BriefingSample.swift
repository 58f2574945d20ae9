import ExchangeModel
import ExchangeStore

/// A made-up briefing in which every section has something to show: for checking templates
/// and for `homecoming templates check`. Not data.
enum BriefingSample {
    static func model(language: Language, format: DocumentFormat) -> [String: Any] {
        let d = { (s: String) in Day(iso: s)! }
        let exchanges = [
            Exchange(date: d("2025-05-23"), returnedTotal: 390, returnedMilitary: 270, returnedCivilians: 120, releasedToRussia: 390,
                     bodiesReturned: 12, mediator: "sample", notes: "Sample notes", notesUK: "Зразок примітки", publication: "sample",
                     sourceURL: "https://example.org/a", confidence: .medium),
            Exchange(date: d("2025-05-24"), partOf: d("2025-05-23"), returnedTotal: nil, sourceURL: "https://example.org/b", confidence: nil),
        ]
        // A row for an earlier date, added during the week: "Since the last edition" lists it.
        let earlier = Exchange(date: d("2025-05-06"), returnedTotal: 205, sourceURL: "https://example.org/e", confidence: nil)
        let reported = [ReportedTotal(periodStart: d("2022-02-24"), periodEnd: d("2025-05-24"), metric: .released, value: 500,
                                      qualifier: .exact, counts: .exchanges, countedBy: "sample", publication: "sample",
                                      sourceURL: "https://example.org/c")]
        var vocabularies = Vocabularies()
        vocabularies.mediators.add(.init(code: "sample", name: "Sample mediator", nameUK: "Зразок посередника"))
        vocabularies.publications.add(.init(code: "sample", name: "Sample source", nameUK: "Зразок джерела"))
        vocabularies.reportingBodies.add(.init(code: "sample", name: "Sample official", nameUK: "Зразок посадовця"))
        let history = [HistoryEntry(at: "2025-05-22T10:00:00Z", by: "sample", origin: "sample.csv", kind: .added, recordType: "exchange",
                                    recordKey: "2025-05-06", changes: [], sourceURL: "https://example.org/e"),
                       HistoryEntry(at: "2025-05-24T10:00:00Z", by: "sample", origin: "sample.csv", kind: .updated, recordType: "exchange",
                                    recordKey: "2025-05-23", changes: [FieldChange(field: "returned_total", old: "389", new: "390")],
                                    sourceURL: "https://example.org/d")]
        let period = Period.week("2025-W21")!
        let facts = BriefingFacts(period: period, exchanges: [earlier] + exchanges, reported: reported, history: history,
                                  today: d("2025-09-01"), staleAfter: 14,
                                  lastCheck: SourceCheck(checkedThrough: d("2025-05-24"), checkedOn: d("2025-05-24"), checkedBy: "sample"))
        let chart = BriefingViewModel.Chart(id: "per-year", title: "Sample chart", alt: "Sample description", svg: chartMarker, svgDark: chartMarker,
                                            svgNarrow: chartMarker, svgNarrowDark: chartMarker, png: "per-year.png")
        var model = BriefingViewModel.make(facts, language: language, vocabularies: vocabularies, format: format,
                                           charts: [chart], chartGlyphs: glyphsMarker, today: d("2025-09-01"))
        // An empty period's sentence too, so that every branch has a value.
        if (model["gaps"] as? [[String: Any]])?.isEmpty ?? true { model["gaps"] = [["text": "Sample gap", "refs": [], "hasRefs": false]] }
        model["hasGaps"] = true
        return model
    }

    /// What the sample's charts and glyph sprite render as: `templates check` finds them in the page.
    static let chartMarker = "<svg data-sample-chart=\"\"></svg>"
    static let glyphsMarker = "<svg id=\"\(GlyphSprite.rootID)\"></svg>"
}
