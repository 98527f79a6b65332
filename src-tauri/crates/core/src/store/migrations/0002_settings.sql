-- Coordinator settings as validated key/value pairs (see settings.rs for the keys).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
