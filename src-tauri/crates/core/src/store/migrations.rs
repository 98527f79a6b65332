//! Ordered, embedded migrations tracked in `PRAGMA user_version`, applied in one transaction.

use rusqlite::{Connection, TransactionBehavior};

use super::APPLICATION_ID;
use crate::error::Result;

/// Migration `i` (0-based) takes the schema from version `i` to `i + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_audit.sql"),
    include_str!("migrations/0002_settings.sql"),
    include_str!("migrations/0003_sites_programme.sql"),
    include_str!("migrations/0004_itineraries.sql"),
    include_str!("migrations/0005_groups.sql"),
    include_str!("migrations/0006_registrations.sql"),
    include_str!("migrations/0007_codes_date_waits.sql"),
    include_str!("migrations/0008_checkin_requests.sql"),
    include_str!("migrations/0009_import.sql"),
];

/// The schema version this code writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Bring a database at `from` up to `SCHEMA_VERSION`: all steps or none.
pub(super) fn apply(conn: &mut Connection, from: i64) -> Result<()> {
    apply_up_to(conn, from, SCHEMA_VERSION)
}

pub(super) fn apply_up_to(conn: &mut Connection, from: i64, to: i64) -> Result<()> {
    if from >= to {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Re-read inside the write lock: another process may have migrated meanwhile.
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(to as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}
