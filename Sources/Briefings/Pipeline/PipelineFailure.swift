import Charts

/// A failure of a publishing job: the step it happened in, the readable block, and the exit status.
public struct PipelineFailure: Error, Sendable, CustomStringConvertible {
    /// The step ("take the lock", "render"…), or nil before the first.
    public var step: String?
    public var message: String
    public var status: Int32

    public init(step: String?, message: String, status: Int32) {
        self.step = step; self.message = message; self.status = status
    }

    /// "STEP: MESSAGE".
    public var description: String { step.map { "\($0): \(message)" } ?? message }

    /// A setting that is wrong, with where to see them all.
    public init(configuration error: Settings.Invalid) {
        self.init(step: "configuration", message: "\(error.message)\n    fix: correct the value where it is set (or remove it for the default); then `homecoming config` shows every setting and where it comes from.",
                  status: ExitStatus.config)
    }

    /// A publication that failed: at its lock, or while writing.
    public init(publishing error: PublishError) {
        let step = if case .locked = error { "take the lock" } else { "publish" }
        self.init(step: step, message: "\(error)", status: ExitStatus.code(for: error))
    }
}

extension Settings {
    /// The settings a job runs with; a wrong one is the job's failure.
    static func forJob(_ flags: Flags, environment: [String: String]) throws(PipelineFailure) -> Settings {
        do { return try resolve(flags: flags, environment: environment) } catch { throw PipelineFailure(configuration: error) }
    }

    /// The chart theme the settings name; a wrong one fails rendering, naming where the setting came from.
    func loadTheme() throws(PipelineFailure) -> Theme {
        do { return try ThemeLoader.load(theme.value, templateDirectories: templateDirectories) } catch {
            throw PipelineFailure(step: "render", message: "\(error)\n    fix: check the theme (\(theme.source)) against Templates/themes/light.json.",
                                  status: ExitStatus.config)
        }
    }
}
