import Foundation

/// What Homecoming may publish into, and the marks by which it knows its own.
///
/// An output is one of: a path that does not exist yet (its parent a directory), an empty
/// directory (a `.gitkeep` alone counts as empty), or a directory Homecoming made, which holds
/// the marker file. Anything else (a file, a device, a symbolic link, a directory of someone
/// else's things, a read-only directory) is refused before anything is written, and nothing is
/// ever followed through a link: inside the output there may be only directories and regular files.
public enum OutputDirectory {
    /// The file that marks a directory as a Homecoming output.
    public static let marker = ".homecoming-output"
    /// Its contents (the same every time, so that an unchanged output stays unchanged).
    public static let markerText = Array("This directory is published by Homecoming: its files are replaced by each run.\n".utf8)
    /// The file that marks a staging directory as one Homecoming made.
    public static let stagingMarker = ".homecoming-staging"

    /// The directory above `path` and the last component, split as text ("o" → (".", "o")).
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    /// One spelling for one directory: trailing slashes and "." dropped, the parent's links and
    /// ".." resolved by the kernel (the output itself is never a link: `check` refuses one), so that
    /// every spelling of an output takes the same lock and the same staging name.
    public static func canonical(_ path: String) -> String {
        var text = path
        while text.count > 1, text.hasSuffix("/") || text.hasSuffix("/.") { text.removeLast(text.hasSuffix("/") ? 1 : 2) }
        if text.isEmpty { text = "." }
        let (parent, name) = split(text)
        if name == "." || name == ".." || name.isEmpty {
            guard let resolved = realpath(text, nil) else { return text }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        guard let resolved = realpath(parent, nil) else { return text }
        defer { free(resolved) }
        let base = String(cString: resolved)
        return (base == "/" ? "" : base) + "/" + name
    }

    /// Whether the output exists (as a directory Homecoming may publish into); throws when it may not be used.
    /// Give it a canonical path.
    @discardableResult
    public static func check(_ path: String) throws(PublishError) -> Bool {
        let parent = split(path).parent
        var parentInfo = stat()
        guard stat(parent, &parentInfo) == 0 else {
            throw .missingParent(path: path, parent: parent)
        }
        guard (parentInfo.st_mode & S_IFMT) == S_IFDIR else { throw .cannotCreate(path: path, reason: "its parent \(parent) is not a directory") }
        // The lock and the staging directory are made beside the output: a read-only parent stays untouched, for root too.
        if isReadOnly(parent, parentInfo) { throw .cannotCreate(path: path, reason: "the directory holding it, \(parent), is read-only") }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { throw .notOurs(path: path, reason: String(cString: strerror(code))) }
            return false
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw .notOurs(path: path, reason: "it is a symbolic link, and Homecoming follows none: give the directory it points to")
        case S_IFDIR: break
        default: throw .notOurs(path: path, reason: "it is not a directory (a file, device or socket is never replaced)")
        }
        if isReadOnly(path, info) { throw .cannotCreate(path: path, reason: "the directory is read-only") }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw .cannotCreate(path: path, reason: "it cannot be listed")
        }
        let marked = names.contains(marker) && isRegularFile((path as NSString).appendingPathComponent(marker))
        let gitkeep = (path as NSString).appendingPathComponent(".gitkeep")
        let others = names.filter { !($0 == ".gitkeep" && isRegularFile(gitkeep)) && $0 != marker }
        guard marked || others.isEmpty else {
            let shown = others.sorted().prefix(3).joined(separator: ", ")
            throw .notOurs(path: path, reason: "it holds files Homecoming did not make (\(shown)\(others.count > 3 ? ", …" : "")) and no \(marker)")
        }
        try checkTree(path)
        return true
    }

    /// A directory inside an output Homecoming publishes (`Output/charts`): absent, or a directory
    /// (the output's own check has already refused any link or device below it).
    static func checkInsideOutput(_ path: String) throws(PublishError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notOurs(path: path, reason: "it is not a directory") }
    }

    /// Every entry below `root` is a real directory or a regular file: a link or a device inside an
    /// output would make a write land outside it.
    static func checkTree(_ root: String) throws(PublishError) {
        var pending = [root]
        while let directory = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw .cannotCreate(path: directory, reason: "it cannot be listed")
            }
            for name in names {
                let path = (directory as NSString).appendingPathComponent(name)
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if isReadOnly(path, info) { throw .cannotCreate(path: path, reason: "a read-only directory inside the output") }
                    pending.append(path)
                case S_IFREG: break
                case S_IFLNK: throw .notOurs(path: path, reason: "a symbolic link inside the output; Homecoming follows none, and makes none")
                default: throw .notOurs(path: path, reason: "a device, pipe or socket inside the output")
                }
            }
        }
    }

    /// Read-only for root too: `access(W_OK)` is always true for root, so the owner's write bit decides.
    static func isReadOnly(_ path: String, _ info: stat) -> Bool {
        if getuid() == 0 { return info.st_mode & S_IWUSR == 0 }
        return access(path, W_OK) != 0
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether a relative path stays inside the directory it is relative to.
    static func isInside(_ relative: String) -> Bool {
        !relative.isEmpty && !relative.hasPrefix("/") && !relative.split(separator: "/").contains { $0 == ".." || $0 == "." }
    }

    /// Whether `name` is exactly `.<output>.staging-<digits>`, the name a staging directory gets.
    static func isStagingName(_ name: String, stem: String) -> Bool {
        guard name.hasPrefix(stem) else { return false }
        let digits = name.dropFirst(stem.count)
        return !digits.isEmpty && digits.count <= 10 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
