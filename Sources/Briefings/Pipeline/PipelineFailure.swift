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
}
