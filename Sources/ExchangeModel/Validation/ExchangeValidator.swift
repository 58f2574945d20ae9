/// The rules one exchange row must follow on its own (see `RecordSetValidator` for rules across rows).
public enum ExchangeValidator {
    /// Builds an exchange from field texts, or returns every issue found.
    ///
    /// - Parameter text: the text of a field (`nil` or empty when absent).
    public static func exchange(rules: ValidationRules, text: (ExchangeField) -> String?) -> Validated<Exchange> {
        var p = FieldParser(rules: rules)
        for field in ExchangeField.allCases { p.refuseControlCharacters(field.rawValue, text(field), multiline: field.isMultiline) }
        let date = p.day(ExchangeField.date.rawValue, text(.date), required: true)
        let partOf = p.day(ExchangeField.partOf.rawValue, text(.partOf), required: false)
        let ordinal = p.count(ExchangeField.ordinal.rawValue, text(.ordinal))
        if ordinal == 0 { p.fail(ExchangeField.ordinal.rawValue, "ordinal 0 is not an ordinal", "give the number officials gave the exchange (65 for \"the 65th\"), or leave it empty") }
        if ordinal != nil, partOf != nil {
            p.fail(ExchangeField.ordinal.rawValue, "a stage has an ordinal of its own",
                   "give the ordinal on the exchange's first row (the one part_of names) and leave it empty on its stages")
        }
        let total = p.count(ExchangeField.returnedTotal.rawValue, text(.returnedTotal))
        let military = p.count(ExchangeField.returnedMilitary.rawValue, text(.returnedMilitary))
        let civilians = p.count(ExchangeField.returnedCivilians.rawValue, text(.returnedCivilians))
        let toRussia = p.count(ExchangeField.releasedToRussia.rawValue, text(.releasedToRussia))
        let bodies = p.count(ExchangeField.bodiesReturned.rawValue, text(.bodiesReturned))
        let url = p.url(ExchangeField.sourceURL.rawValue, text(.sourceURL))
        let confidence = parseConfidence(&p, text(.confidence), totalText: FieldParser.nonEmpty(text(.returnedTotal)))

        if let date, let partOf, partOf >= date {
            p.fail(ExchangeField.partOf.rawValue,
                   partOf == date ? "part_of \(partOf.iso) names the row itself"
                                  : "part_of \(partOf.iso) is later than the row's date \(date.iso)",
                   "part_of gives the date of the exchange's first row, which comes before its later stages")
        }
        if let total, let military, let civilians, military + civilians > total {
            p.fail(ExchangeField.returnedMilitary.rawValue,
                   "returned_military \(military) + returned_civilians \(civilians) = \((military + civilians).grouped(separator: ",")) is more than returned_total \(total)",
                   "check the three counts against the source; the split may leave some people out, but never adds more")
        } else if let total, let part = military ?? civilians, part > total {
            let field = military != nil ? ExchangeField.returnedMilitary : .returnedCivilians
            p.fail(field.rawValue, "\(field.rawValue) \(part) is more than returned_total \(total)",
                   "check both counts against the source")
        }
        guard p.issues.isEmpty, let date, let url else { return .invalid(p.issues) }
        return .valid(Exchange(
            date: date, partOf: partOf, ordinal: ordinal == 0 ? nil : ordinal, returnedTotal: total, returnedMilitary: military,
            returnedCivilians: civilians, releasedToRussia: toRussia, bodiesReturned: bodies,
            mediator: p.codes(ExchangeField.mediator.rawValue, text(.mediator)),
            notes: FieldParser.nonEmpty(text(.notes)), notesUK: FieldParser.nonEmpty(text(.notesUK)),
            publication: p.code(ExchangeField.publication.rawValue, text(.publication)),
            sourceDetail: FieldParser.nonEmpty(text(.sourceDetail)), sourceDetailUK: FieldParser.nonEmpty(text(.sourceDetailUK)),
            sourceURL: url, confidence: confidence))
    }

    private static func parseConfidence(_ p: inout FieldParser, _ raw: String?, totalText: String?) -> Confidence? {
        let field = ExchangeField.confidence.rawValue
        guard let raw = FieldParser.nonEmpty(raw) else {
            if totalText != nil {
                p.fail(field, "confidence is empty although returned_total is given",
                       "give high, medium or low for how sure returned_total is")
            }
            return nil
        }
        guard let value = Confidence(rawValue: raw) else {
            let suggestion = Confidence(rawValue: raw.lowercased()).map { " (did you mean \($0.rawValue)?)" } ?? ""
            p.fail(field, "confidence \(p.quoted(raw)) is not one of high, medium, low\(suggestion)",
                   "use high (stated in the source read), medium (secondary or conflicting) or low (derived)")
            return nil
        }
        return value
    }
}
