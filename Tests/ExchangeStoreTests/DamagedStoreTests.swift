import ExchangeModel
import ExchangeStore
import Foundation
import Testing

/// Whatever damage SQLite's own integrity check finds, the checks a publishing run makes on open find too.
@Suite("A damaged store is never read as if it were whole")
struct DamagedStoreTests {
    @Test func everyDamagedPageIsFoundBeforeAnythingIsRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("homecoming-damage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pristine = directory.appendingPathComponent("store.sqlite").path
        let data = StoreTests.data.path
        let (store, _) = try ExchangeStore.open(path: pristine, seed: data, now: StoreTests.now, by: "test")
        try store.checkPages()
        withExtendedLifetime(store) {}
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: pristine)))
        let pageSize = 4096
        var damagedAndFound = 0
        // Each page in turn, each of three kinds of damage: its header, its middle, its end.
        for page in 1..<(bytes.count / pageSize) {
            for range in [0..<12, 1800..<1900, 4000..<4096] {
                var copy = bytes
                for offset in range { copy[page * pageSize + offset] ^= 0xA5 }
                let path = directory.appendingPathComponent("damaged-\(page)-\(range.lowerBound).sqlite").path
                try Data(copy).write(to: URL(fileURLWithPath: path))
                defer { try? FileManager.default.removeItem(atPath: path) }
                // SQLite's own verdict, from a connection of its own.
                let verdict = Self.integrity(path)
                guard verdict != "ok" else { continue }
                damagedAndFound += 1
                do {
                    let (opened, _) = try ExchangeStore.open(path: path, seed: nil, now: StoreTests.now, by: "test")
                    try opened.checkPages()
                    Issue.record("page \(page) bytes \(range) damaged (\(verdict)) but the store was read")
                } catch {
                    #expect("\(error)".contains("cannot be used"), "page \(page): \(error)")
                }
                // And the file is left as it was.
                #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == copy)
            }
        }
        #expect(damagedAndFound > 10, "the damage did not reach SQLite's check often enough to test anything")
    }

    /// `PRAGMA integrity_check` through Python's sqlite3: "ok", or the first problem (or the open error).
    static func integrity(_ path: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys\ntry:\n print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])\nexcept Exception as e:\n print('error', e)", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "no python" }
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
