import Foundation

/// Standard output and error. (C's `stderr` is not concurrency-safe in Swift 6; FileHandle is.)
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
