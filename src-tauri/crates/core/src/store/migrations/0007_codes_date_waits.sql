-- A secret key of this database, made once, for the check of registration codes printed
-- on confirmations: a code not made here (forged) or mistyped fails the check.
CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;
INSERT INTO secrets (name, value) VALUES ('registration_code', randomblob(32));

-- A group waiting for any tour between two dates: placed on the first tour in the range
-- where it fits whole, in the same first-come order as the tours' own waiting lists.
CREATE TABLE date_waits (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE RESTRICT,
    date_from       TEXT    NOT NULL,
    date_to         TEXT    NOT NULL CHECK (date_to >= date_from),
    seats           INTEGER NOT NULL CHECK (seats > 0),
    queue           REAL    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('waiting','placed','cancelled')),
    registration_id INTEGER REFERENCES registrations(id),
    reason          TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL
) STRICT;
CREATE INDEX date_waits_waiting ON date_waits(state, date_from, date_to, queue);
