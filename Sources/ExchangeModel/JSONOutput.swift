import Foundation

/// The one way Homecoming writes JSON (exports, a chart's provenance, `briefing.json`, JSON logs):
/// Codable values through Foundation's `JSONEncoder`, keys sorted so that the same value gives
/// the same bytes, `/` left as it is (addresses stay readable).
///
/// Files people edit (the configuration, themes, imported records) are read by `StrictJSON`
/// instead, which reports a line and a column and refuses a key given twice.
public enum JSONOutput {
    public enum Layout: Sendable {
        /// Indented, one member a line, ending with a newline: a file.
        case document
        /// One line, no newline: a log record.
        case line
    }

    public static func encode(_ value: some Encodable, layout: Layout = .document) throws(EncodingError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = layout == .document ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                                       : [.sortedKeys, .withoutEscapingSlashes]
        do {
            let bytes = Array(try encoder.encode(value))
            return layout == .document ? bytes + [UInt8(ascii: "\n")] : bytes
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(error)"))
        }
    }

    /// A key named at run time (a column of the record).
    public struct Key: CodingKey, Sendable {
        public var stringValue: String
        public var intValue: Int? { nil }
        public init(_ name: String) { stringValue = name }
        public init?(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { nil }
    }
}
