import Foundation

/// Where the default templates, themes and dataset are: `Templates/` and `Data/` in the working
/// directory (a checkout), else `share/homecoming/` beside the installed executable
/// (`PREFIX/bin/homecoming` → `PREFIX/share/homecoming/`), so that cron need not `cd` anywhere.
public enum Resources {
    /// `PREFIX/share/homecoming`, found from the executable's own path.
    public static let installed: String? = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let share = executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/homecoming").path
        return FileManager.default.fileExists(atPath: share) ? share : nil
    }()

    /// The default templates directory (it also holds `themes/`).
    public static var templates: String { pick("Templates", marker: "briefing") }

    /// The default dataset directory (the seed, the vocabularies, the known gaps).
    public static var data: String { pick("Data", marker: "exchanges.csv") }

    /// `name` in the working directory when it is there, else the installed copy, else `name`
    /// (so that messages name what was looked for).
    private static func pick(_ name: String, marker: String) -> String {
        if FileManager.default.fileExists(atPath: (name as NSString).appendingPathComponent(marker)) { return name }
        if let installed {
            let path = (installed as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(marker)) { return path }
        }
        return name
    }
}
