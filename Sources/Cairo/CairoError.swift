import CCairo

/// What can go wrong drawing with Cairo or reading a PNG through it.
public enum CairoError: Error, Sendable, CustomStringConvertible {
    /// Cairo reported a status other than success while doing `operation`.
    case status(operation: String, code: Int, message: String)
    /// A surface size Cairo cannot allocate.
    case invalidSize(width: Int, height: Int)
    /// Data that is not a PNG this code can read.
    case invalidPNG(String)

    public var description: String {
        switch self {
        case let .status(operation, code, message): "cairo: \(operation) failed: \(message) (status \(code))"
        case let .invalidSize(width, height): "cairo: cannot create a \(width)×\(height) surface"
        case let .invalidPNG(reason): "not a readable PNG: \(reason)"
        }
    }

    /// Throws when `status` is not success.
    static func check(_ status: cairo_status_t, _ operation: String) throws(CairoError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        let message = cairo_status_to_string(status).map { String(cString: $0) } ?? "unknown error"
        throw .status(operation: operation, code: Int(status.rawValue), message: message)
    }
}
