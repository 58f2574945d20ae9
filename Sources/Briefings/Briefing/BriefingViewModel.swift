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
        /// The chart laid out for a phone's width, in both themes.
        var svgNarrow: String? = nil
        var svgNarrowDark: String? = nil
        /// The PNG file's name, beside the document.
        var png: String
    }

    /// - Parameter beside: the link to a file beside the briefing (absolute under `--base-url`, else its name).
    /// "en" for a name in Latin script in a Ukrainian document ("The Kyiv Independent"), so that a
    /// screen reader speaks it as English; nil where the name is in the document's script.
    static func otherLanguage(of name: String, in language: Language) -> String? {
        guard language == .uk else { return nil }
        let scalars = name.unicodeScalars
        let latin = scalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        let cyrillic = scalars.contains { (0x0400...0x04FF).contains($0.value) }
        // An address ("ruwar.org") is not words in any language.
        return latin && !cyrillic && name.contains(" ") ? "en" : nil
    }

    /// - Parameter chartGlyphs: the hidden SVG that defines the glyph outlines the inlined charts use
    ///   (`GlyphSprite`): an HTML page that shows the charts' SVGs includes it once.
    static func make(_ facts: BriefingFacts, language: Language, vocabularies: Vocabularies, format: DocumentFormat,
                     charts: [Chart], chartGlyphs: String = "", today: Day, beside: (String) -> String = { $0 }) -> [String: Any] {
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
            ["text": text(value), "refs": refs, "hasRefs": !refs.isEmpty, "items": false, "hasItems": false]
        }
        let recordLink = beside("per-exchange.csv")
        // Without an address to publish under, the name says where the file is.
        let recordRef = { ref(recordLink == "per-exchange.csv" ? s.recordDataBeside : s.recordData, recordLink) }

        // Headline figures.
        let sum = facts.summary
        var headline: [[String: Any]] = [
            // Where the record is known to miss exchanges of the period, its count is a floor too.
            ["label": text(s.exchangesLabel), "value": text(s.known(KnownSum(known: sum.exchanges), floor: facts.missesKnownPeople && sum.exchanges > 0))],
            ["label": text(s.returnedLabel), "value": text(sum.returned.knownCount == 0 && sum.returned.unknownCount > 0 ? s.notDisclosed : s.sum(sum.returned)),
             "detail": s.split(military: sum.military, civilians: sum.civilians, total: sum.returned).map(text) ?? false],
            ["label": text(s.toRussiaLabel), "value": text(s.sum(sum.releasedToRussia))],
            ["label": text(s.bodiesLabel), "value": text(s.sum(sum.bodiesReturned))],
        ]
        // Stages with withheld numbers are said beside a figure they leave out (not beside "not disclosed").
        if sum.returned.unknownCount > 0, sum.returned.knownCount > 0 { headline[1]["detail"] = text(s.undisclosedStages(sum.returned.unknownCount)) }
        if facts.missesKnownPeople, sum.returned.knownCount > 0, sum.returned.unknownCount == 0 {
            headline[1]["value"] = text(s.known(sum.returned, floor: true))
            headline[1]["detail"] = text(s.missesKnownPeople)
        }
        if sum.bodiesReturned.knownCount == 0, let reported = facts.reportedBodiesInPeriod.first {
            headline[3]["detail"] = text(s.reportedBodiesDetail(reported))
        }
        // Nothing recorded and nobody has checked, or a period the record does not reach: every figure is unknown, not 0.
        if facts.isBeforeRecord, let start = facts.coverageStart {
            for i in headline.indices { headline[i]["value"] = text(s.notKnown); headline[i]["detail"] = false }
            headline[0]["detail"] = text(s.recordStarts(start))
        } else if facts.rows.isEmpty, let gap = facts.missingExchanges {
            // Nothing recorded where the record is known to miss exchanges: not 0, not known.
            for i in headline.indices { headline[i]["value"] = text(s.notKnown); headline[i]["detail"] = false }
            headline[0]["detail"] = text(s.missesExchanges(gap))
        } else if facts.isUnchecked {
            for i in headline.indices { headline[i]["value"] = text(s.notKnown); headline[i]["detail"] = false }
            headline[0]["detail"] = text(s.checkedOnlyThrough(facts.freshness.knownThrough))
        }

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

        // Context. Each comparison with a reported total is followed by what is known about the
        // difference (each known gap explained once, where it first bears).
        var context: [[String: Any]] = []
        var explained: Set<KnownGap> = []
        func explain(_ comparison: BriefingFacts.OfficialComparison, differs: Bool) {
            let bearing = facts.knownGaps(bearingOn: comparison.reported)
            guard differs, !bearing.isEmpty else { return }
            // People the record has that a total "via exchanges only" leaves out: the gap is stated like for like.
            if comparison.leftOutPeople > 0 {
                context.append(sentence(s.likeForLike(comparison), comparison.leftOut.map { ref(words.source($0), $0.sourceURL) }))
            }
            // Each gap is listed once in a document; a later comparison lists only what is new.
            let new = bearing.filter { !explained.contains($0) }
            guard !new.isEmpty else { return }
            var lead = sentence(explained.isEmpty || new.count == bearing.count ? s.knownGapsLead : s.knownGapsLeadMore)
            explained.formUnion(new)
            lead["hasItems"] = true
            lead["items"] = new.map { sentence(s.knownGap($0), [ref(words.source($0), $0.sourceURL)]) }
            context.append(lead)
        }
        if facts.isBeforeRecord, let start = facts.coverageStart {
            context.append(sentence(s.beforeRecordContext(start)))
        } else if facts.period.kind == .annual {
            context.append(sentence(s.yearInReview(sum, recordStart: facts.coverageStart, floor: facts.missesKnownPeople), [recordRef()]))
            if let previous = facts.previousYear,
               let text = s.againstPreviousYear(sum.returned, record: previous, official: facts.officialPreviousYear, recordStart: facts.coverageStart) {
                var refs = [recordRef()]
                if let official = facts.officialPreviousYear { refs.append(ref(official.reported)) }
                context.append(sentence(text, refs))
                if let official = facts.officialPreviousYear {
                    explain(official, differs: official.difference != 0 || official.recorded.unknownCount > 0)
                }
            }
            if let last = facts.lastOfYear {
                context.append(sentence(s.lastOfYear(last), last.stages.map { ref($0) }))
            }
            for official in facts.officialThisYear {
                context.append(sentence(s.officialYear(official, year: facts.period.start.year), [ref(official.reported)]))
                explain(official, differs: official.difference != 0 || official.recorded.unknownCount > 0)
            }
        } else {
            let through = facts.freshness.isStale ? facts.freshness.knownThrough.flatMap { $0 < facts.period.end ? $0 : nil } : nil
            // Compared over the span whose sources were checked, in both years: the unchecked weeks are not "no exchange".
            let (current, previous) = facts.checkedYearToDate ?? (facts.yearToDate, facts.sameSpanLastYear)
            context.append(sentence(s.yearToDate(current, previous, recordStart: facts.coverageStart, checkedThrough: through),
                                    [recordRef()]))
        }
        if let largest = facts.largestOfYear, facts.period.kind != .annual || largest.known > 0 {
            let complete = facts.period.end == facts.period.end.endOfYear
            let undisclosedElsewhere = facts.undisclosedGroupsOfYear.contains { $0.key != largest.key }
            context.append(sentence(s.largest(largest, year: facts.period.end.year, yearComplete: complete, undisclosedElsewhere: undisclosedElsewhere),
                                    largest.stages.map { ref($0) }))
        }
        if let last = facts.lastBefore, !facts.rows.isEmpty, facts.period.kind != .annual {
            context.append(sentence(s.lastExchange(last, periodEnd: facts.period.end), [ref(last)]))
        }
        // Said when it adds to the period's own figures (not for a record that begins in the period).
        if facts.sinceInvasion.returned != sum.returned || facts.sinceInvasion.exchanges != sum.exchanges,
           let text = s.sinceInvasion(facts.sinceInvasion) { context.append(sentence(text, [recordRef()])) }
        for (bodies, recorded) in facts.reportedBodiesBeside {
            context.append(sentence(s.reportedBodies(bodies, recorded: recorded), [ref(bodies)]))
        }
        // A year's review states its own reported totals above; the latest is not said twice.
        if let official = facts.latestOfficial, official.difference != 0,
           !facts.officialThisYear.contains(where: { $0.reported.key == official.reported.key }) {
            context.append(sentence(s.official(official), [ref(official.reported), recordRef()]))
            explain(official, differs: true)
        }

        // Honest gaps.
        var gaps: [[String: Any]] = []
        if facts.isBeforeRecord, let start = facts.coverageStart {
            gaps.append(sentence(s.noneBeforeRecord(start)))
        } else if facts.rows.isEmpty {
            gaps.append(sentence(s.noExchange(facts.period, last: facts.lastBefore, unchecked: facts.isUnchecked, checkedThrough: facts.freshness.knownThrough)))
        }
        if sum.returned.unknownCount > 0 { gaps.append(sentence(s.undisclosedGap(sum.returned.unknownCount))) }
        for gap in facts.knownGapsInPeriod where !explained.contains(gap) {
            gaps.append(sentence(s.knownGap(gap), [ref(words.source(gap), gap.sourceURL)]))
        }

        // Corrections made during the period.
        let corrections: [[String: Any]] = facts.corrections.map { entry in
            [
                "text": text(s.correction(entry)),
                "changes": entry.changes.map { ["text": text(s.change($0))] },
                "ref": entry.sourceURL.map { ref(nil, $0) } ?? false,
            ]
        }

        let since: Any = facts.sinceLastEdition.map { edition in
            ["heading": text(s.sinceHeading), "items": s.sinceLastEdition(edition).map { ["text": text($0)] }] as [String: Any]
        } ?? false

        return [
            "lang": language.rawValue,
            "since": since,
            // A weekly edition says "no corrections" under "Since the last edition" already.
            // (nor one before the record, which nothing was corrected about).
            "showCorrections": !corrections.isEmpty || (facts.sinceLastEdition == nil && !facts.isBeforeRecord),
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
                ["id": c.id, "title": text(c.title), "alt": text(c.alt), "svg": c.svg, "svgDark": c.svgDark ?? false, "svgNarrow": c.svgNarrow ?? false, "svgNarrowDark": c.svgNarrowDark ?? false, "png": format.url(beside(c.png))] as [String: Any]
            },
            "hasCharts": !charts.isEmpty,
            "chartGlyphs": chartGlyphs,
            "hasSources": !sources.entries.isEmpty,
            "sources": sources.entries.enumerated().map { i, e in
                ["number": i + 1, "name": text(e.name), "url": format.url(e.url), "lang": Self.otherLanguage(of: e.name, in: language) ?? false] as [String: Any]
            },
        ]
    }
}
