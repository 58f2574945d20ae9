import Charts
import Foundation

/// Finds a theme by name in the templates directories, or reads a user's theme file.
public enum ThemeLoader {
    /// A theme that could not be loaded, with where and why.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "theme \(path): \(reason)" }
    }

    /// The dark theme that HTML briefings carry beside the light one, when the chosen theme is the default light.
    public static func darkCompanion(of name: String, templateDirectories: [String]) -> Theme? {
        name == "light" ? try? load("dark", templateDirectories: templateDirectories) : nil
    }

    /// `light`, `dark` (or any NAME with `themes/NAME.json` in a templates directory), or a path to a JSON file.
    /// Directories are searched in order; the first match wins.
    public static func load(_ nameOrPath: String, templateDirectories: [String]) throws(Failure) -> Theme {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
        let candidates = isPath ? [nameOrPath] : templateDirectories.map { ($0 as NSString).appendingPathComponent("themes/\(nameOrPath).json") }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
              let data = FileManager.default.contents(atPath: path) else {
            throw Failure(path: nameOrPath, reason: isPath ? "there is no such file"
                          : "no themes/\(nameOrPath).json in \(templateDirectories.joined(separator: ", ")); use light, dark or a path to a theme file")
        }
        do {
            return try Theme(json: [UInt8](data))
        } catch {
            throw Failure(path: path, reason: error.description)
        }
    }
}
