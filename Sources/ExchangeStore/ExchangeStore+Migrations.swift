import GRDB

extension ExchangeStore {
    /// The schema's history. A migration that has shipped is never edited: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: exchanges, reported totals, history") { db in
            try db.execute(sql: """
                CREATE TABLE exchange (
                    date TEXT PRIMARY KEY NOT NULL,
                    part_of TEXT REFERENCES exchange(date) DEFERRABLE INITIALLY DEFERRED,
                    returned_total INTEGER CHECK (returned_total >= 0),
                    returned_military INTEGER CHECK (returned_military >= 0),
                    returned_civilians INTEGER CHECK (returned_civilians >= 0),
                    released_to_russia INTEGER CHECK (released_to_russia >= 0),
                    bodies_returned INTEGER CHECK (bodies_returned >= 0),
                    mediator TEXT,
                    notes TEXT,
                    source_name TEXT,
                    source_url TEXT NOT NULL,
                    confidence TEXT CHECK (confidence IN ('high', 'medium', 'low'))
                ) WITHOUT ROWID;
                CREATE INDEX exchange_part_of ON exchange(part_of);

                CREATE TABLE reported_total (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    metric TEXT NOT NULL CHECK (metric IN ('released', 'exchanges', 'bodies_returned')),
                    value INTEGER CHECK (value >= 0),
                    reported_by TEXT,
                    reported_on TEXT,
                    source_name TEXT,
                    source_url TEXT NOT NULL,
                    quote TEXT,
                    UNIQUE (period_start, period_end, metric, source_url)
                );

                CREATE TABLE import_run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    imported_at TEXT NOT NULL,
                    imported_by TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    added INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL
                );

                CREATE TABLE change (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    import_id INTEGER NOT NULL REFERENCES import_run(id),
                    kind TEXT NOT NULL CHECK (kind IN ('added', 'updated')),
                    record_type TEXT NOT NULL CHECK (record_type IN ('exchange', 'reported_total')),
                    record_key TEXT NOT NULL,
                    field TEXT,
                    old_value TEXT,
                    new_value TEXT,
                    source_url TEXT
                );
                CREATE INDEX change_import ON change(import_id);
                """)
        }
        migrator.registerMigration("v2: Ukrainian texts, vocabulary codes, qualified totals, source checks") { db in
            // Rows written before v2 named their publication in free text: it is kept as the source's
            // detail; a total's free-text "reported by" is kept in its notes, its qualifier read from the
            // quote's old markers. Importing the bundled dataset again with --update fills the new fields.
            try db.execute(sql: """
                ALTER TABLE exchange ADD COLUMN ordinal INTEGER CHECK (ordinal > 0);
                ALTER TABLE exchange ADD COLUMN notes_uk TEXT;
                ALTER TABLE exchange ADD COLUMN publication TEXT;
                ALTER TABLE exchange ADD COLUMN source_detail TEXT;
                ALTER TABLE exchange ADD COLUMN source_detail_uk TEXT;
                UPDATE exchange SET source_detail = source_name;
                ALTER TABLE exchange DROP COLUMN source_name;

                ALTER TABLE reported_total ADD COLUMN qualifier TEXT CHECK (qualifier IN ('exact', 'about', 'at_least', 'at_most'));
                ALTER TABLE reported_total ADD COLUMN counts TEXT CHECK (counts IN ('exchanges', 'all_returns', 'without_children', 'with_foreigners'));
                ALTER TABLE reported_total ADD COLUMN derived_from TEXT;
                ALTER TABLE reported_total ADD COLUMN counted_by TEXT;
                ALTER TABLE reported_total ADD COLUMN announced_by TEXT;
                ALTER TABLE reported_total ADD COLUMN publication TEXT;
                ALTER TABLE reported_total ADD COLUMN source_detail TEXT;
                ALTER TABLE reported_total ADD COLUMN source_detail_uk TEXT;
                ALTER TABLE reported_total ADD COLUMN notes TEXT;
                ALTER TABLE reported_total ADD COLUMN notes_uk TEXT;
                UPDATE reported_total SET source_detail = source_name,
                    notes = CASE WHEN reported_by IS NULL THEN NULL ELSE 'Reported by: ' || reported_by END,
                    qualifier = CASE WHEN value IS NULL THEN NULL
                                     WHEN lower(quote) LIKE 'lower bound%' THEN 'at_least'
                                     WHEN lower(quote) LIKE 'approximate%' THEN 'about'
                                     ELSE 'exact' END;
                ALTER TABLE reported_total DROP COLUMN reported_by;
                ALTER TABLE reported_total DROP COLUMN source_name;

                CREATE TABLE source_check (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    checked_through TEXT NOT NULL,
                    checked_on TEXT NOT NULL,
                    checked_by TEXT NOT NULL,
                    note TEXT
                );
                """)
        }
        return migrator
    }
}
