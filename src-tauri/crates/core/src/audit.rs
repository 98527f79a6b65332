//! The audit log: who changed what, and when. Every write function records here inside
//! its own transaction, so a change and its audit entry commit (or roll back) together.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::ids::AuditEntryId;

/// Who makes a change and when: passed into every write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub actor: String,
    pub at: DateTime<Utc>,
}

impl Stamp {
    pub fn new(actor: impl Into<String>, at: DateTime<Utc>) -> Self {
        let actor = actor.into();
        let actor = if actor.trim().is_empty() {
            "coordinator".to_string()
        } else {
            actor.trim().to_string()
        };
        Stamp { actor, at }
    }

    /// A change made in the desktop app: by the coordinator named in the settings.
    pub fn coordinator(conn: &Connection, at: DateTime<Utc>) -> Result<Self> {
        Ok(Stamp::new(
            crate::settings::load(conn)?.coordinator_name,
            at,
        ))
    }
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: AuditEntryId,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: String,
}

pub fn record(
    conn: &Connection,
    stamp: &Stamp,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
    detail: &str,
) -> Result<AuditEntryId> {
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            stamp.at.to_rfc3339_opts(SecondsFormat::Millis, true),
            stamp.actor,
            action,
            entity,
            entity_id,
            detail
        ],
    )?;
    Ok(AuditEntryId(conn.last_insert_rowid()))
}

/// The most recent entries first, optionally for one entity.
pub fn recent(conn: &Connection, entity: Option<&str>, limit: u32) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log
         WHERE ?1 IS NULL OR entity = ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![entity, limit], |r| {
        Ok(Entry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            detail: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every entry of one entity (e.g. `"request"`, `"17"`), oldest first: its history.
pub fn of_entity(conn: &Connection, entity: &str, id: &str) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![entity, id], |r| {
        Ok(Entry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            detail: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
