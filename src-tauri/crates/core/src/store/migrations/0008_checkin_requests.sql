-- Check-in: each member of a registration present or absent on the day, with who marked
-- it and when; walk-ins carry the reason they were added.
CREATE TABLE attendance (
    registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    member_id       INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    present         INTEGER NOT NULL CHECK (present IN (0, 1)),
    at              TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    how             TEXT    NOT NULL CHECK (how IN ('code','tick','walk_in','departure')),
    reason          TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (registration_id, member_id)
) STRICT;

-- What citizens raise on a tour, referred to a department and answered within three
-- Solar Hijri months of the day it was raised.
CREATE TABLE requests (
    id          INTEGER PRIMARY KEY,
    tour_id     INTEGER REFERENCES tours(id) ON DELETE SET NULL,
    site_id     INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    district    INTEGER CHECK (district BETWEEN 1 AND 15),
    category    TEXT    NOT NULL CHECK (category IN
                ('lighting','roads','transport','cleanliness','projects','other')),
    text        TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    raised_by   TEXT    NOT NULL DEFAULT '',
    contact     TEXT    NOT NULL DEFAULT '',
    raised_on   TEXT    NOT NULL,                -- YYYY-MM-DD
    due_on      TEXT    NOT NULL,                -- raised_on + 3 Solar Hijri months
    status      TEXT    NOT NULL CHECK (status IN ('open','referred','answered','reported')),
    department  TEXT    NOT NULL DEFAULT '',
    referred_on TEXT,
    answer      TEXT    NOT NULL DEFAULT '',
    answered_on TEXT,
    reported_on TEXT,
    created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX requests_status_due ON requests(status, due_on);
CREATE INDEX requests_tour ON requests(tour_id);
