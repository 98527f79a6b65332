-- Imports: each file applied (known by the SHA-256 of its bytes, so importing it again is
-- recognised and said), and the column mappings coordinators chose by hand, remembered by
-- the file's header row.
CREATE TABLE import_files (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    imported_at   TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    rows          INTEGER NOT NULL,
    groups_added  INTEGER NOT NULL,
    members_added INTEGER NOT NULL
) STRICT;
CREATE INDEX import_files_sha256 ON import_files(sha256);

CREATE TABLE import_mappings (
    header_key  TEXT PRIMARY KEY,                             -- header_key of each cell, joined by |
    mapping     TEXT NOT NULL,                                -- JSON {"<0-based column>": "<field>"}
    updated_at  TEXT NOT NULL
) STRICT;
