import ExchangeModel
import ExchangeStore

/// The values a briefing template sees: every sentence ready, every figure formatted, every
/// data string prepared for the format. Templates only choose and arrange.
enum BriefingViewModel {
    /// A chart as the templates show it.
    struct Chart {
        var id: String
        var title: String
        var alt: String
        /// The SVG document, for inlining in HTML.
        var svg: String
        /// The same chart in the dark theme, shown when the reader's system prefers it.
        var svgDark: String?
        /// The PNG file's name, beside the document.
        var png: String
    }

    static func make(_ facts: BriefingFacts, language: Language, vocabularies: Vocabularies, format: DocumentFormat,
                     charts: [Chart], today: Day) -> [String: Any] {
        let words = RecordWords(language: language, vocabularies: vocabularies)
        let s = BriefingStrings(language: language, words: words)
        let lang = language
        var sources = SourceList()
        func text(_ value: String) -> String { format.text(value) }
        func ref(_ name: String?, _ url: String) -> [String: Any] {
            let number = sources.cite(name: name, url: url)
            return ["number": number, "url": format.url(url)]
        }
        func ref(_ row: Exchange) -> [String: Any] { ref(words.source(row), row.sourceURL) }
        func ref(_ total: ReportedTotal) -> [String: Any] { ref(words.source(total), total.sourceURL) }
        func sentence(_ value: String, _ refs: [[String: Any]] = []) -> [String: Any] {
            ["text": text(value), "refs": refs, "hasRefs": !refs.isEmpty]
        }
        let recordRef = { ref(s.recordData, "per-exchange.csv") }

        // Headline figures.
        let sum = facts.summary
        var headline: [[String: Any]] = [
            ["label": text(s.exchangesLabel), "value": text(lang.number(sum.exchanges))],
            ["label": text(s.returnedLabel), "value": text(sum.returned.knownCount == 0 && sum.returned.unknownCount > 0 ? s.notDisclosed : s.sum(sum.returned)),
             "detail": s.split(military: sum.military, civilians: sum.civilians, total: sum.returned).map(text) ?? false],
            ["label": text(s.toRussiaLabel), "value": text(s.sum(sum.releasedToRussia))],
            ["label": text(s.bodiesLabel), "value": text(s.sum(sum.bodiesReturned))],
        ]
        if sum.returned.unknownCount > 0 { headline[1]["detail"] = text(s.undisclosedStages(sum.returned.unknownCount)) }

        // The exchanges, each row with its source.
        let exchanges: [[String: Any]] = facts.rows.map { row in
            var details: [String] = []
            if row.returnedTotal != nil, let split = s.rowSplit(military: row.returnedMilitary, civilians: row.returnedCivilians) {
                details.append(split)
            }
            if let value = row.releasedToRussia { details.append(s.toRussia(value)) }
            if let value = row.bodiesReturned { details.append(s.bodies(value)) }
            if let ordinal = row.ordinal { details.append(s.ordinal(ordinal)) }
            if let partOf = row.partOf { details.append(s.stageOf(partOf)) }
            if let confidence = row.confidence, let note = s.confidence(confidence) { details.append(note) }
            return [
                "date": text(ChartStrings.unbreakable(lang.longDate(row.date))),
                "returned": text(s.returned(row.returnedTotal)),
                "details": text(details.joined(separator: "; ")),
                "hasDetails": !details.isEmpty,
                "mediator": words.mediators(row).map { text(s.mediator($0, several: Vocabulary.codes(in: row.mediator).count > 1)) } ?? false,
                "notes": words.notes(row).map(text) ?? false,
                "source": text(words.source(row)),
                "ref": ref(row),
            ]
        }

        // Context.
        var context: [[String: Any]] = []
        if facts.period.kind == .annual {
            context.append(sentence(s.yearInReview(sum, recordStart: facts.recordStart), [recordRef()]))
            if let previous = facts.previousYear,
               let text = s.againstPreviousYear(sum.returned, record: previous, official: facts.officialPreviousYear, recordStart: facts.recordStart) {
                var refs = [recordRef()]
                if let official = facts.officialPreviousYear { refs.append(ref(official.reported)) }
                context.append(sentence(text, refs))
            }
            if let last = facts.lastOfYear {
                context.append(sentence(s.lastOfYear(last), last.stages.map { ref($0) }))
            }
            for official in facts.officialThisYear {
                context.append(sentence(s.officialYear(official, year: facts.period.start.year), [ref(official.reported)]))
            }
        } else {
            context.append(sentence(s.yearToDate(facts.yearToDate, facts.sameSpanLastYear, recordStart: facts.recordStart), [recordRef()]))
        }
        if let largest = facts.largestOfYear, facts.period.kind != .annual || largest.known > 0 {
            let complete = facts.period.end == facts.period.end.endOfYear
            context.append(sentence(s.largest(largest, year: facts.period.end.year, yearComplete: complete), largest.stages.map { ref($0) }))
        }
        if let last = facts.lastBefore, !facts.rows.isEmpty, facts.period.kind != .annual {
            context.append(sentence(s.lastExchange(last, periodEnd: facts.period.end), [ref(last)]))
        }
        if let text = s.sinceInvasion(facts.sinceInvasion) { context.append(sentence(text, [recordRef()])) }
        if let official = facts.latestOfficial, official.difference != 0 {
            context.append(sentence(s.official(official), [ref(official.reported), recordRef()]))
        }

        // Honest gaps.
        var gaps: [[String: Any]] = []
        if facts.rows.isEmpty { gaps.append(sentence(s.noExchange(facts.period, last: facts.lastBefore))) }
        if sum.returned.unknownCount > 0 { gaps.append(sentence(s.undisclosedGap(sum.returned.unknownCount))) }

        // Corrections made during the period.
        let corrections: [[String: Any]] = facts.corrections.map { entry in
            [
                "text": text(s.correction(entry)),
                "changes": entry.changes.map { ["text": text(s.change($0))] },
                "ref": entry.sourceURL.map { ref(nil, $0) } ?? false,
            ]
        }

        return [
            "lang": language.rawValue,
            "title": text(s.title(facts.period)),
            "subtitle": text(s.subtitle(facts.period)),
            "lede": text(s.lede(facts)),
            "generated": text(s.generated(today)),
            "stale": facts.freshness.isStale ? ["heading": text(s.staleHeading), "text": text(s.stale(facts.freshness))] as [String: Any] : false,
            "labels": [
                "headline": text(s.headlineHeading), "exchanges": text(s.exchangesHeading), "context": text(s.contextHeading),
                "gaps": text(s.gapsHeading), "corrections": text(s.correctionsHeading), "charts": text(s.chartsHeading),
                "sources": text(s.sourcesHeading), "links": text(s.linksHeading),
            ],
            "headline": headline,
            "exchanges": exchanges,
            "hasExchanges": !exchanges.isEmpty,
            "context": context,
            "gaps": gaps,
            "hasGaps": !gaps.isEmpty,
            "corrections": corrections,
            "hasCorrections": !corrections.isEmpty,
            "noCorrections": text(s.noCorrections),
            "charts": charts.map { c in
                ["id": c.id, "title": text(c.title), "alt": text(c.alt), "svg": c.svg, "svgDark": c.svgDark ?? false, "png": c.png] as [String: Any]
            },
            "hasCharts": !charts.isEmpty,
            "sources": sources.entries.enumerated().map { i, e in
                ["number": i + 1, "name": text(e.name), "url": format.url(e.url)] as [String: Any]
            },
        ]
    }
}
