-- Registrations: a group on a tour with its seats, its state and its place in the
-- waiting list; every change of state is an event with time, coordinator and reason.
CREATE TABLE registrations (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES groups(id) ON DELETE RESTRICT,
    tour_id         INTEGER NOT NULL REFERENCES tours(id) ON DELETE RESTRICT,
    seats           INTEGER NOT NULL CHECK (seats > 0),
    state           TEXT    NOT NULL CHECK (state IN
                    ('requested','confirmed','waitlisted','attended','no_show','cancelled')),
    queue           REAL    NOT NULL,                       -- waiting-list order, lowest first
    override_reason TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL
) STRICT;
CREATE INDEX registrations_tour ON registrations(tour_id, state, queue);
CREATE INDEX registrations_group ON registrations(group_id);

CREATE TABLE registration_events (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    at              TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    from_state      TEXT,
    to_state        TEXT    NOT NULL,
    seats           INTEGER NOT NULL,
    reason          TEXT    NOT NULL DEFAULT ''
) STRICT;
