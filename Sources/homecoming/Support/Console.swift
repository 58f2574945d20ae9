import Foundation

import ExchangeModel

/// Standard output and error for people. (C's `stderr` is not concurrency-safe in Swift 6;
/// FileHandle is.) Text from the record can hold any character: escape sequences and carriage
/// returns never reach the terminal (`export` writes its bytes to standard output itself).
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.replacingControlCharacters(keepingLineBreaks: true) + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.replacingControlCharacters(keepingLineBreaks: true) + "\n").utf8))
    }
}
