import ExchangeModel
import ExchangeStore
import Foundation

/// What a long-running command says: progress (`[i/n] step`), warnings and errors, as text
/// or as one JSON object per line for log collectors. With `quiet`, progress is silent;
/// warnings and errors always print (cron mails any output, so silence means success).
struct Reporter {
    enum Format: String, CaseIterable { case text, json }

    let format: Format
    let quiet: Bool
    let now: ReferenceTime

    func step(_ index: Int, of total: Int, _ name: String) {
        guard !quiet else { return }
        switch format {
        case .text: Console.out("[\(index)/\(total)] \(name)")
        case .json: emit("info", name, ["step": "\(index)/\(total)"], toError: false)
        }
    }

    func info(_ message: String) {
        guard !quiet else { return }
        switch format {
        case .text: Console.out(message)
        case .json: emit("info", message, [:], toError: false)
        }
    }

    func warning(_ message: String) {
        switch format {
        case .text: Console.error("homecoming: warning: " + message)
        case .json: emit("warning", message, [:], toError: true)
        }
    }

    func error(_ message: String, code: Int32) {
        switch format {
        case .text: Console.error(message)
        case .json: emit("error", message, ["exit_code": "\(code)"], toError: true)
        }
    }

    private func emit(_ level: String, _ message: String, _ metadata: [String: String], toError: Bool) {
        var fields = [("time", now.timestamp), ("level", level), ("message", message)]
        fields += metadata.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let line = "{" + fields.map { "\(DataExport.jsonString($0.0)): \(DataExport.jsonString($0.1))" }.joined(separator: ", ") + "}"
        if toError { Console.error(line) } else { Console.out(line) }
    }
}
