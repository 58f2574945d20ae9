/// The rules one reported-total row must follow on its own.
public enum ReportedTotalValidator {
    /// Builds a reported total from field texts, or returns every issue found.
    public static func reportedTotal(rules: ValidationRules, text: (ReportedTotalField) -> String?) -> Validated<ReportedTotal> {
        var p = FieldParser(rules: rules)
        for field in ReportedTotalField.allCases { p.refuseControlCharacters(field.rawValue, text(field), multiline: field.isMultiline) }
        let start = p.day(ReportedTotalField.periodStart.rawValue, text(.periodStart), required: true)
        let end = p.day(ReportedTotalField.periodEnd.rawValue, text(.periodEnd), required: true)
        let metric = p.choice(ReportedTotalField.metric.rawValue, text(.metric), required: true, of: ReportedTotal.Metric.self,
                              hint: "use released (people returned), exchanges or bodies_returned")
        let value = p.count(ReportedTotalField.value.rawValue, text(.value))
        let qualifierField = ReportedTotalField.qualifier.rawValue
        let qualifier = p.choice(qualifierField, text(.qualifier), required: false, of: ReportedTotal.Qualifier.self,
                                 hint: "use exact, about (\"nearly\", \"approximately\"), at_least (\"more than\") or at_most (\"up to\")")
        if FieldParser.nonEmpty(text(.value)) != nil, FieldParser.nonEmpty(text(.qualifier)) == nil {
            p.fail(qualifierField, "qualifier is empty although value is given",
                   "say how exact the source says the figure is: exact, about, at_least or at_most")
        } else if FieldParser.nonEmpty(text(.value)) == nil, qualifier != nil {
            p.fail(qualifierField, "qualifier is given but value is empty", "leave qualifier empty when the source gives no number")
        }
        let counts = p.choice(ReportedTotalField.counts.rawValue, text(.counts), required: false, of: ReportedTotal.Scope.self,
                              hint: "use exchanges (via exchanges only), all_returns (with people freed outside exchanges), without_children (children counted apart) or with_foreigners, or leave it empty where the source does not say")
        let derivedField = ReportedTotalField.derivedFrom.rawValue
        var derivedFrom = FieldParser.nonEmpty(text(.derivedFrom))
        if let derivation = derivedFrom {
            if let terms = ReportedTotal.terms(of: derivation) {
                if let value, terms.reduce(0, +) != value {
                    p.fail(derivedField, "derived_from \(p.quoted(derivation)) makes \(terms.reduce(0, +)), not the value \(value)",
                           "write the reported figures the value was computed from, e.g. 1358 - 356 for 1002")
                } else if value == nil {
                    p.fail(derivedField, "derived_from is given but value is empty", "give the value the sum makes")
                }
                derivedFrom = terms.enumerated().map { i, n in i == 0 ? String(n) : (n < 0 ? "- \(-n)" : "+ \(n)") }.joined(separator: " ")
            } else {
                p.fail(derivedField, "derived_from \(p.quoted(derivation)) is not a sum of whole numbers",
                       "write the reported figures joined by + and -, e.g. 1358 - 356 (no separators in the numbers)")
            }
        }
        let reportedOn = p.day(ReportedTotalField.reportedOn.rawValue, text(.reportedOn), required: false)
        let url = p.url(ReportedTotalField.sourceURL.rawValue, text(.sourceURL))
        if let start, let end, end < start {
            p.fail(ReportedTotalField.periodEnd.rawValue, "period_end \(end.iso) is before period_start \(start.iso)",
                   "swap the two dates, or correct the one that is wrong")
        }
        let countedBy = p.code(ReportedTotalField.countedBy.rawValue, text(.countedBy))
        let announcedBy = p.code(ReportedTotalField.announcedBy.rawValue, text(.announcedBy))
        let publication = p.code(ReportedTotalField.publication.rawValue, text(.publication))
        guard p.issues.isEmpty, let start, let end, let metric, let url else { return .invalid(p.issues) }
        return .valid(ReportedTotal(
            periodStart: start, periodEnd: end, metric: metric, value: value, qualifier: qualifier, counts: counts,
            derivedFrom: derivedFrom, countedBy: countedBy, announcedBy: announcedBy, reportedOn: reportedOn,
            publication: publication, sourceDetail: FieldParser.nonEmpty(text(.sourceDetail)),
            sourceDetailUK: FieldParser.nonEmpty(text(.sourceDetailUK)), sourceURL: url,
            quote: FieldParser.nonEmpty(text(.quote)), notes: FieldParser.nonEmpty(text(.notes)),
            notesUK: FieldParser.nonEmpty(text(.notesUK))))
    }
}
