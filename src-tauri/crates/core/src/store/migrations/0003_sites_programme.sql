-- Project sites with their visit rules, visiting hours, closures and photos; undo history;
-- the programme, its holidays, and tours (dated departures).
CREATE TABLE sites (
    id            INTEGER PRIMARY KEY,
    name_fa       TEXT    NOT NULL CHECK (length(trim(name_fa)) > 0),
    name_en       TEXT    NOT NULL DEFAULT '',
    category      TEXT    NOT NULL CHECK (category IN
                  ('metro_station','tunnel','road','bridge','square','park','building','other')),
    district      INTEGER NOT NULL CHECK (district BETWEEN 1 AND 15),
    address       TEXT    NOT NULL DEFAULT '',
    latitude      REAL    CHECK (latitude BETWEEN -90 AND 90),
    longitude     REAL    CHECK (longitude BETWEEN -180 AND 180),
    progress      INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    department    TEXT    NOT NULL DEFAULT '',
    contact_name  TEXT    NOT NULL DEFAULT '',
    contact_phone TEXT    NOT NULL DEFAULT '',
    description   TEXT    NOT NULL DEFAULT '',
    max_visitors  INTEGER NOT NULL CHECK (max_visitors > 0),
    visit_minutes INTEGER NOT NULL CHECK (visit_minutes > 0),
    min_age       INTEGER NOT NULL DEFAULT 0 CHECK (min_age BETWEEN 0 AND 99),
    ppe           TEXT    NOT NULL DEFAULT '',          -- comma-separated Ppe names
    step_free     INTEGER NOT NULL DEFAULT 0 CHECK (step_free IN (0, 1)),
    safety_notes  TEXT    NOT NULL DEFAULT '',
    cover_photo   INTEGER,                              -- site_photos.id; cleared when deleted
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    demo          INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    search_key    TEXT    NOT NULL DEFAULT '',
    CHECK ((latitude IS NULL) = (longitude IS NULL))
) STRICT;
CREATE INDEX sites_district ON sites(district);

CREATE TABLE site_hours (
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),  -- 0 = Saturday
    opens   INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 1440),  -- minutes after midnight
    closes  INTEGER NOT NULL CHECK (closes BETWEEN 0 AND 1440),
    CHECK (opens < closes),
    PRIMARY KEY (site_id, weekday, opens)
) STRICT, WITHOUT ROWID;

CREATE TABLE site_closures (
    id      INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    starts  TEXT    NOT NULL,                                  -- YYYY-MM-DD (Gregorian)
    ends    TEXT    NOT NULL,
    reason  TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
    CHECK (starts <= ends)
) STRICT;
CREATE INDEX site_closures_dates ON site_closures(starts, ends);

CREATE TABLE site_photos (
    id         INTEGER PRIMARY KEY,
    site_id    INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    caption    TEXT    NOT NULL DEFAULT '',
    file_name  TEXT    NOT NULL DEFAULT '',
    width      INTEGER NOT NULL,                               -- of the display image
    height     INTEGER NOT NULL,
    display    BLOB    NOT NULL,                               -- JPEG, at most 1600 px
    thumb      BLOB    NOT NULL,                               -- JPEG, at most 320 px
    added_at   TEXT    NOT NULL
) STRICT;
CREATE INDEX site_photos_site ON site_photos(site_id, position);

-- What a site looked like before each change, newest last: the undo history.
CREATE TABLE site_revisions (
    id       INTEGER PRIMARY KEY,
    site_id  INTEGER NOT NULL,
    action   TEXT    NOT NULL,
    snapshot TEXT,                                             -- JSON; NULL = the site was created
    at       TEXT    NOT NULL,
    actor    TEXT    NOT NULL
) STRICT;

CREATE TABLE programmes (
    id              INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    starts          TEXT    NOT NULL,                          -- YYYY-MM-DD (Gregorian)
    length_days     INTEGER NOT NULL CHECK (length_days BETWEEN 1 AND 366),
    run_days        TEXT    NOT NULL,                          -- comma-separated weekdays
    departures      TEXT    NOT NULL,                          -- comma-separated HH:MM
    default_seats   INTEGER NOT NULL CHECK (default_seats > 0),
    meeting_point   TEXT    NOT NULL DEFAULT '',
    day_ends        INTEGER NOT NULL DEFAULT 1080,             -- minutes after midnight (18:00)
    demo            INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;

CREATE TABLE holidays (
    date        TEXT    PRIMARY KEY,                           -- YYYY-MM-DD (Gregorian)
    name_fa     TEXT    NOT NULL,
    name_en     TEXT    NOT NULL DEFAULT '',
    needs_check INTEGER NOT NULL DEFAULT 0 CHECK (needs_check IN (0, 1))  -- lunar: confirm the date
) STRICT, WITHOUT ROWID;

CREATE TABLE tours (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES programmes(id) ON DELETE RESTRICT,
    date          TEXT    NOT NULL,                            -- YYYY-MM-DD (Gregorian)
    departure     INTEGER NOT NULL CHECK (departure BETWEEN 0 AND 1439),
    meeting_point TEXT    NOT NULL DEFAULT '',
    seats         INTEGER NOT NULL CHECK (seats >= 0),
    status        TEXT    NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft','open','full','done','cancelled')),
    notes         TEXT    NOT NULL DEFAULT '',
    UNIQUE (programme_id, date, departure)
) STRICT;
CREATE INDEX tours_date ON tours(date, departure);
