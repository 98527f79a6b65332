-- The audit log: every change, who made it and when.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,              -- RFC 3339, UTC
    actor     TEXT    NOT NULL,              -- coordinator's name or the CLI user
    action    TEXT    NOT NULL,              -- e.g. 'settings.save'
    entity    TEXT    NOT NULL,              -- e.g. 'settings', 'site'
    entity_id TEXT,
    detail    TEXT    NOT NULL DEFAULT ''    -- what changed, human readable
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at ON audit_log(at);
