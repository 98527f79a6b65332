-- Citizen groups and their members, with a normalised full-text search index.
CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT    NOT NULL CHECK (kind IN
                ('neighbourhood','school','university','mosque','ngo','family','other')),
    channel     TEXT    NOT NULL CHECK (channel IN ('phone','walk_in','line_137','app_list','sms')),
    preferred_from TEXT,                                     -- YYYY-MM-DD
    preferred_to   TEXT,
    preferred_sites TEXT NOT NULL DEFAULT '',                -- comma-separated site ids
    notes       TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE members (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    full_name   TEXT    NOT NULL CHECK (length(trim(full_name)) > 0),
    national_id TEXT,                                        -- 10 ASCII digits, checked
    mobile      TEXT,                                        -- 09XXXXXXXXX
    birth_year  INTEGER CHECK (birth_year BETWEEN 1200 AND 1600),  -- Solar Hijri
    step_free   INTEGER NOT NULL DEFAULT 0 CHECK (step_free IN (0, 1)),
    ppe_sizes   TEXT    NOT NULL DEFAULT '',
    is_leader   INTEGER NOT NULL DEFAULT 0 CHECK (is_leader IN (0, 1)),
    duplicate_reason TEXT NOT NULL DEFAULT ''                -- why a flagged duplicate was kept
) STRICT;
CREATE INDEX members_group ON members(group_id, position);
CREATE INDEX members_national_id ON members(national_id);
CREATE UNIQUE INDEX members_one_leader ON members(group_id) WHERE is_leader = 1;

-- Search keys (normalize_fa of names, national IDs and mobiles) of groups and members.
CREATE VIRTUAL TABLE search_index USING fts5(
    group_id UNINDEXED,
    member_id UNINDEXED,
    key,
    tokenize = 'unicode61 remove_diacritics 0'
);
