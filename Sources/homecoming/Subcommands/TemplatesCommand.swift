import ArgumentParser
import Briefings
import Foundation

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List, copy and check the briefing templates.",
        discussion: """
            Templates are Mustache files under Templates/briefing/ (html/, md/, txt/, each with a \
            document and its sections). To change one section, copy it to a directory of yours, \
            edit it, and pass that directory with --templates: files there win over the defaults, \
            and briefing/<lang>/NAME.mustache wins over briefing/NAME.mustache for that language.

            Example: homecoming templates copy html/sections/context --to my-templates
            """,
        subcommands: [List.self, Copy.self, Check.self])

    /// `--templates`, else the setting (`$HOMECOMING_TEMPLATES`, `homecoming.json`), then the default templates.
    static func directories(_ templates: String?) throws -> [String] {
        do {
            return try Settings.resolve(flags: Settings.Flags(templates: templates), environment: ProcessInfo.processInfo.environment).templateDirectories
        } catch {
            throw CommandFailure(message: "configuration: \(error.message)", status: ExitStatus.config)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List every template and the file it comes from.")

        @Option(help: ArgumentHelp("A directory searched before Templates/.", valueName: "dir"), completion: .directory)
        var templates: String?

        func run() throws {
            try runReportingErrors("templates list") {
                do {
                    let set = try TemplateSet(language: .en, directories: try TemplatesCommand.directories(templates))
                    let width = set.paths.keys.map(\.count).max() ?? 0
                    for (name, path) in set.paths.sorted(by: { $0.key < $1.key }) {
                        Console.out(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + path)
                    }
                } catch {
                    throw CommandFailure(message: "\(error)", status: ExitStatus.config)
                }
            }
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy a default template into a directory of yours, to edit it.")

        @Argument(help: ArgumentHelp("The template's name, e.g. html/sections/context (see `templates list`).", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("The directory to copy into (created if needed).", valueName: "dir"), completion: .directory)
        var to: String

        func validate() throws {
            guard TemplateSet.isSafeName(name) else { throw ValidationError("\(name): a template name stays inside the templates directory (no .., no leading /)") }
        }

        func run() throws {
            try runReportingErrors("templates copy") {
                let set: TemplateSet
                // The defaults: $HOMECOMING_TEMPLATES, else Templates/.
                do { set = try TemplateSet(language: .en, directories: try TemplatesCommand.directories(nil)) } catch {
                    throw CommandFailure(message: "\(error)", status: ExitStatus.config)
                }
                guard let source = set.paths[name], let data = FileManager.default.contents(atPath: source) else {
                    throw CommandFailure(message: "there is no template \(name).\n    fix: pick a name from `homecoming templates list`.", status: ExitStatus.usage)
                }
                let target = ((to as NSString).appendingPathComponent("briefing") as NSString).appendingPathComponent(name + ".mustache")
                guard !FileManager.default.fileExists(atPath: target) else {
                    throw CommandFailure(message: "\(target) exists already; it was left as it is.\n    fix: edit it, or remove it first.", status: ExitStatus.cannotCreate)
                }
                do {
                    try AtomicFiles.write([(name + ".mustache", [UInt8](data))], to: (to as NSString).appendingPathComponent("briefing"))
                } catch {
                    throw CommandFailure(message: "\(error)", status: ExitStatus.cannotCreate)
                }
                Console.out("Copied \(name) to \(target). Use it with --templates \(to).")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Render every template against a complete sample; report syntax errors, unknown names and missing partials.")

        @Option(help: ArgumentHelp("A directory searched before Templates/.", valueName: "dir"), completion: .directory)
        var templates: String?

        func validate() throws {
            var isDirectory: ObjCBool = false
            if let templates, !FileManager.default.fileExists(atPath: templates, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw ValidationError("--templates \(templates): there is no such directory")
            }
        }

        func run() throws {
            try runReportingErrors("templates check") {
                let problems = TemplateChecker.check(directories: try TemplatesCommand.directories(templates))
                guard problems.isEmpty else {
                    LogOutput.start("templates", level: .notice).error("\(problems.map(\.description).joined(separator: "\n"))")
                    throw CommandFailure(message: "\(problems.count) problem\(problems.count == 1 ? "" : "s") in the templates.", status: ExitStatus.config)
                }
                Console.out("All templates parse, name only known values and existing partials.")
            }
        }
    }
}
