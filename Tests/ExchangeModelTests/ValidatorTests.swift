import ExchangeModel
import Testing

@Suite("Row rules, independent of any file format")
struct ValidatorTests {
    static let today = Day(iso: "2026-11-26")!
    static let rules = ValidationRules(today: today)

    static func validate(_ fields: [ExchangeField: String]) -> Validated<Exchange> {
        var base: [ExchangeField: String] = [.date: "2024-12-30", .returnedTotal: "189", .sourceURL: "https://example.org/x",
                                             .confidence: "high"]
        base.merge(fields) { $1 }
        return ExchangeValidator.exchange(rules: rules) { base[$0] }
    }

    static func issues(_ fields: [ExchangeField: String]) -> [ValidationIssue] {
        if case let .invalid(issues) = validate(fields) { return issues }
        return []
    }

    @Test func aCompleteRowIsValid() throws {
        guard case let .valid(exchange) = Self.validate([.returnedMilitary: "187", .returnedCivilians: "2", .mediator: "UAE"]) else {
            Issue.record("expected a valid row"); return
        }
        #expect(exchange.returnedTotal == 189)
        #expect(exchange.returnedMilitary == 187)
        #expect(exchange.confidence == .high)
        #expect(exchange.releasedToRussia == nil)
    }

    @Test func anUndisclosedCountStaysUnknown() throws {
        guard case let .valid(exchange) = Self.validate([.returnedTotal: "", .confidence: ""]) else {
            Issue.record("expected a valid row"); return
        }
        #expect(exchange.returnedTotal == nil)
        #expect(exchange.confidence == nil)
    }

    @Test(arguments: [
        (ExchangeField.returnedTotal, "-1", "is negative"),
        (.returnedTotal, "12.5", "is not a whole number"),
        (.returnedTotal, "1,358", "is not a whole number"),
        (.returnedTotal, "100001", "implausibly large"),
        (.returnedTotal, "99999999999999999999", "implausibly large"),
        (.bodiesReturned, "abc", "is not a whole number"),
        (.date, "2027-01-01", "is after today"),
        (.date, "2024-02-30", "is not a real date"),
        (.partOf, "2024-12-31", "is later than the row's date"),
        (.partOf, "2024-12-30", "names the row itself"),
        (.confidence, "sure", "is not one of high, medium, low"),
        (.confidence, "", "confidence is empty although returned_total is given"),
        (.sourceURL, "", "source_url is empty"),
        (.sourceURL, "mailto:a@b.org", "is not an http or https address"),
        (.sourceURL, "https://", "is not a valid address"),
        (.sourceURL, "https://example.org/a b", "is not a valid address"),
    ])
    func refuses(field: ExchangeField, value: String, message: String) {
        let issues = Self.issues([field: value])
        #expect(issues.count == 1)
        #expect(issues.first?.field == field.rawValue)
        #expect(issues.first?.message.contains(message) == true, "\(issues)")
        #expect(issues.first?.hint.isEmpty == false)
    }

    @Test func theSplitMayNotExceedTheTotal() {
        let issues = Self.issues([.returnedMilitary: "150", .returnedCivilians: "40"])
        #expect(issues.map(\.message) == ["returned_military 150 + returned_civilians 40 = 190 is more than returned_total 189"])
        // A split that leaves people out is fine (2024-01-03: one police officer in neither column).
        #expect(Self.issues([.returnedMilitary: "180", .returnedCivilians: "8"]).isEmpty)
        #expect(Self.issues([.returnedCivilians: "190"]).first?.message == "returned_civilians 190 is more than returned_total 189")
    }

    @Test func everyProblemOfARowIsReported() {
        let issues = Self.issues([.date: "2024-02-30", .returnedTotal: "-5", .sourceURL: "ftp://x", .confidence: "High"])
        #expect(issues.map(\.field) == ["date", "returned_total", "source_url", "confidence"])
        #expect(issues.last?.message.contains("did you mean high?") == true)
    }

    @Test func withoutATodayLimitFutureDatesPass() {
        let result = ExchangeValidator.exchange(rules: ValidationRules(today: nil)) { field in
            [.date: "2030-01-01", .returnedTotal: "5", .sourceURL: "https://example.org", .confidence: "low"][field]
        }
        if case .invalid = result { Issue.record("no limit was set") }
    }

    @Test func crossRowRules() throws {
        let first = Exchange(date: Day(iso: "2025-06-09")!, returnedTotal: nil, sourceURL: "https://a.org", confidence: nil)
        let stage = Exchange(date: Day(iso: "2025-06-10")!, partOf: first.date, returnedTotal: nil, sourceURL: "https://a.org", confidence: nil)
        let stageOfStage = Exchange(date: Day(iso: "2025-06-12")!, partOf: stage.date, returnedTotal: nil, sourceURL: "https://a.org", confidence: nil)
        let orphan = Exchange(date: Day(iso: "2025-06-14")!, partOf: Day(iso: "2025-06-01")!, returnedTotal: nil, sourceURL: "https://a.org", confidence: nil)
        let issues = RecordSetValidator.check(exchanges: [(0, first), (1, stage), (2, stageOfStage), (3, orphan), (4, stage)],
                                              stored: { _ in nil }, locate: { "row \($0)" })
        #expect(issues.map(\.index) == [2, 3, 4])
        #expect(issues[0].issue.message == "part_of 2025-06-10 names a stage of the exchange of 2025-06-09, not an exchange")
        #expect(issues[0].issue.hint == "set part_of to 2025-06-09, the exchange's first row")
        #expect(issues[1].issue.message == "part_of 2025-06-01 names no exchange: no row has that date")
        #expect(issues[2].issue.message == "exchange 2025-06-10 appears twice in this file (first at row 1)")
        // A stage may name an exchange that is only in the store.
        #expect(RecordSetValidator.check(exchanges: [(0, stage)], stored: { $0 == first.date ? first : nil }, locate: { "\($0)" }).isEmpty)
    }
}
