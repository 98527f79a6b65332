-- Vehicles and guides, itineraries (stops), travel-time overrides and route templates.
CREATE TABLE vehicles (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    plate   TEXT    NOT NULL DEFAULT '',
    seats   INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 200),
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE guides (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    phone   TEXT    NOT NULL DEFAULT '',
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE tour_vehicles (
    tour_id    INTEGER NOT NULL REFERENCES tours(id) ON DELETE CASCADE,
    vehicle_id INTEGER NOT NULL REFERENCES vehicles(id) ON DELETE RESTRICT,
    PRIMARY KEY (tour_id, vehicle_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE tour_guides (
    tour_id  INTEGER NOT NULL REFERENCES tours(id) ON DELETE CASCADE,
    guide_id INTEGER NOT NULL REFERENCES guides(id) ON DELETE RESTRICT,
    PRIMARY KEY (tour_id, guide_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE stops (
    tour_id  INTEGER NOT NULL REFERENCES tours(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    site_id  INTEGER NOT NULL REFERENCES sites(id) ON DELETE RESTRICT,
    dwell    INTEGER CHECK (dwell BETWEEN 5 AND 480),      -- NULL: the site's visit duration
    PRIMARY KEY (tour_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX stops_site ON stops(site_id);

-- "Kaveh → Shahed takes 35 min": overrides the straight-line estimate, one direction.
CREATE TABLE travel_overrides (
    from_site INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    to_site   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    minutes   INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 600),
    PRIMARY KEY (from_site, to_site)
) STRICT, WITHOUT ROWID;

CREATE TABLE route_templates (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
) STRICT;

CREATE TABLE route_template_stops (
    template_id INTEGER NOT NULL REFERENCES route_templates(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE RESTRICT,
    dwell       INTEGER CHECK (dwell BETWEEN 5 AND 480),
    PRIMARY KEY (template_id, position)
) STRICT, WITHOUT ROWID;
