/// The rules one reported-total row must follow on its own.
public enum ReportedTotalValidator {
    /// Builds a reported total from field texts, or returns every issue found.
    public static func reportedTotal(rules: ValidationRules, text: (ReportedTotalField) -> String?) -> Validated<ReportedTotal> {
        var p = FieldParser(rules: rules)
        for field in ReportedTotalField.allCases { p.refuseControlCharacters(field.rawValue, text(field), multiline: field == .quote) }
        let start = p.day(ReportedTotalField.periodStart.rawValue, text(.periodStart), required: true)
        let end = p.day(ReportedTotalField.periodEnd.rawValue, text(.periodEnd), required: true)
        var metric: ReportedTotal.Metric?
        let metricField = ReportedTotalField.metric.rawValue
        if let raw = p.requiredText(metricField, text(.metric), what: "released, exchanges or bodies_returned") {
            metric = ReportedTotal.Metric(rawValue: raw)
            if metric == nil {
                p.fail(metricField, "metric \(p.quoted(raw)) is not one of released, exchanges, bodies_returned",
                       "use released (people returned), exchanges or bodies_returned")
            }
        }
        let value = p.count(ReportedTotalField.value.rawValue, text(.value))
        let reportedOn = p.day(ReportedTotalField.reportedOn.rawValue, text(.reportedOn), required: false)
        let url = p.url(ReportedTotalField.sourceURL.rawValue, text(.sourceURL))
        if let start, let end, end < start {
            p.fail(ReportedTotalField.periodEnd.rawValue, "period_end \(end.iso) is before period_start \(start.iso)",
                   "swap the two dates, or correct the one that is wrong")
        }
        guard p.issues.isEmpty, let start, let end, let metric, let url else { return .invalid(p.issues) }
        return .valid(ReportedTotal(
            periodStart: start, periodEnd: end, metric: metric, value: value,
            reportedBy: FieldParser.nonEmpty(text(.reportedBy)), reportedOn: reportedOn,
            sourceName: FieldParser.nonEmpty(text(.sourceName)), sourceURL: url,
            quote: FieldParser.nonEmpty(text(.quote))))
    }
}
