import GRDB

/// The `change` table: every addition and every changed field, never deleted.
struct ChangeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "change"

    var id: Int64?
    var importId: Int64
    var kind: String
    var recordType: String
    var recordKey: String
    var field: String?
    var oldValue: String?
    var newValue: String?
    var sourceURL: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, field
        case importId = "import_id", recordType = "record_type", recordKey = "record_key"
        case oldValue = "old_value", newValue = "new_value", sourceURL = "source_url"
    }

    enum Columns {
        static let importId = Column("import_id")
        static let id = Column("id")
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The `import_run` table: one row per import, `add` or seeding: when, by whom, from where.
struct ImportRunRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "import_run"

    var id: Int64?
    var importedAt: String
    var importedBy: String
    var origin: String
    var added: Int
    var updated: Int
    var unchanged: Int

    enum CodingKeys: String, CodingKey {
        case id, origin, added, updated, unchanged
        case importedAt = "imported_at", importedBy = "imported_by"
    }

    enum Columns {
        static let id = Column("id")
        static let importedAt = Column("imported_at")
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
