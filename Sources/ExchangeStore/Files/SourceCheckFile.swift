import ExchangeModel
import Foundation

extension SourceCheck {
    /// The header of `Data/checked.csv`, which records that the bundled dataset's sources were reviewed.
    static let fileHeader = ["checked_through", "checked_on", "checked_by", "note"]

    /// Reads the checks of a dataset (`checked.csv`): a store seeded from it starts as checked
    /// through the day its sources were reviewed, not the day it was seeded.
    ///
    /// - Throws: `StoreError.invalidData` with the file, line and column of each problem.
    public static func read(bytes: [UInt8], name: String) throws(StoreError) -> [SourceCheck] {
        try LineFile.read(bytes: bytes, name: name, header: fileHeader) { f, p in
            let through = p.day("checked_through", f[0], required: true)
            let on = p.day("checked_on", f[1], required: true)
            let by = p.requiredText("checked_by", f[2], what: "who reviewed the sources")
            if let through, let on, on < through {
                p.fail("checked_on", "checked_on \(on.iso) is before checked_through \(through.iso)", "a review is recorded on or after the last day it covers")
            }
            guard let through, let on, let by else { return nil }
            return SourceCheck(checkedThrough: through, checkedOn: on, checkedBy: by, note: f[3].isEmpty ? nil : f[3])
        }
    }
}
