import Charts
import ExchangeStore
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
        let theme: Theme
        do {
            guard let members = StrictJSON.members(try StrictJSON.parse([UInt8](data))) else {
                throw Failure(path: path, reason: "the file is not a JSON object")
            }
            theme = try Theme(values: members.mapValues { value in
                switch value {
                case let .string(text): .text(text)
                case let .number(number): Double(number).map { .number($0) } ?? .other(number)
                case let .bool(flag): .other(String(flag))
                case .null: .other("null")
                case .array: .other("a list")
                case .object: .other("an object")
                }
            })
        } catch let error as StrictJSON.SyntaxError {
            throw Failure(path: path, reason: "the file is not valid JSON: \(error)")
        } catch let error as Theme.Invalid {
            throw Failure(path: path, reason: error.description)
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(path: path, reason: "\(error)")
        }
        for (key, file) in [("fontFile", theme.fontFile), ("fontBoldFile", theme.fontBoldFile)] {
            if let file, let problem = fontProblem(file) { throw Failure(path: path, reason: "\(key): \(file) \(problem)") }
        }
        return theme
    }

    /// Why a font file cannot be used, or nil: it must be a regular file that starts as a TrueType,
    /// OpenType or TrueType-collection font does (never a device, a directory or a text file).
    static func fontProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "does not exist" }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return "is not a regular file" }
        guard let handle = FileHandle(forReadingAtPath: path) else { return "cannot be read" }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        let signatures: [[UInt8]] = [[0x00, 0x01, 0x00, 0x00], Array("OTTO".utf8), Array("true".utf8), Array("ttcf".utf8)]
        return signatures.contains(head) ? nil : "is not a TrueType or OpenType font"
    }
}
