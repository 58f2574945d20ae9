/// A problem with a template: which file, where, what, and what to do.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var hint: String

    public var description: String {
        let place = [path, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return "\(place): \(message)\n    fix: \(hint)"
    }
}
