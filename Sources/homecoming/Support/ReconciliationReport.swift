import ExchangeModel

/// The reconciliation as text tables: per year, then every other reported period.
struct ReconciliationReport {
    let reconciliation: Reconciliation

    init(_ reconciliation: Reconciliation) { self.reconciliation = reconciliation }

    func render() -> String {
        var out = ["Per year: the record against the totals officials reported (difference = record − reported)", ""]
        var table = TextTable([("Year", .left), ("Rows", .right), ("Exchanges", .right), ("People (record)", .left),
                               ("Reported", .right), ("What", .left), ("Difference", .right), ("Source", .left)])
        for year in reconciliation.years {
            let s = year.summary
            let head = ["\(year.year)", "\(s.rows)", "\(s.exchanges)", Self.people(s.returned)]
            if year.comparisons.isEmpty {
                table.add(head + ["–", "none reported"])
            }
            for (i, c) in year.comparisons.enumerated() {
                table.add((i == 0 ? head : ["", "", "", ""]) + [c.reportedValue.grouped, Self.what(c), c.difference.signed, Self.sources(c)])
            }
        }
        out.append(table.render())

        if !reconciliation.otherPeriods.isEmpty {
            out += ["", "Other reported periods (most are cumulative since 24 February 2022)", ""]
            var periods = TextTable([("Period", .left), ("Reported", .right), ("What", .left), ("Record", .left),
                                     ("Difference", .right), ("Source", .left)])
            for c in reconciliation.otherPeriods {
                let record = switch c.metric {
                case .exchanges: c.recorded.known.grouped
                case .released: Self.people(c.recorded)
                // Bodies are recorded only where they came with an exchange: a blank is not "undisclosed".
                case .bodiesReturned: "\(c.recorded.known.grouped) (with exchanges only)"
                }
                periods.add(["\(c.start.iso) to \(c.end.iso)", c.reportedValue.grouped, Self.what(c), record,
                             c.difference.signed, Self.sources(c)])
            }
            out.append(periods.render())
        }
        if !reconciliation.withoutValue.isEmpty {
            out += ["", "Reported without a number (not compared):"]
            for t in reconciliation.withoutValue {
                out.append("  \(t.metric.rawValue) \(t.periodStart.iso) to \(t.periodEnd.iso): \(Self.source(t))")
            }
        }
        out += ["", "A difference is a finding, not an error: the record lacks exchanges no dated source describes,",
                "and officials have counted differently over time (see Data/SOURCES.md)."]
        return out.joined(separator: "\n")
    }

    /// "1,455", or "2,297 + 9 undisclosed" when some rows have no number.
    static func people(_ sum: KnownSum) -> String {
        sum.unknownCount == 0 ? sum.known.grouped : "\(sum.known.grouped) + \(sum.unknownCount) undisclosed"
    }

    /// Who counted, and where it was read: "coordination-hq in babel" (codes of the vocabularies).
    static func source(_ t: ReportedTotal) -> String {
        (t.countedBy ?? "not named") + " in " + (t.publication ?? t.sourceURL)
    }

    static func what(_ c: Reconciliation.Comparison) -> String {
        var text = c.metric == .released ? "people" : c.metric == .exchanges ? "exchanges" : "bodies"
        if c.isLowerBound { text += ", lower bound" }
        if c.isApproximate { text += ", approximate" }
        if c.isDerived { text += ", derived" }
        return text
    }

    static func sources(_ c: Reconciliation.Comparison) -> String {
        var names: [String] = []
        for report in c.reports {
            let name = Self.source(report)
            if !names.contains(name) { names.append(name) }
        }
        let text = names.joined(separator: "; ")
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }
}
