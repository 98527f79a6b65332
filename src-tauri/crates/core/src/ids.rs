//! Typed ids: one newtype per domain noun, so a site id can never be passed as a tour id.

macro_rules! typed_id {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub i64);

        impl $name {
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.0.into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(v).map($name)
            }
        }
    )*};
}

typed_id!(
    /// A row of the audit log.
    AuditEntryId,
    /// A project site.
    SiteId,
    /// A closure of a site (a date range without visits).
    ClosureId,
    /// A photo in a site's gallery.
    PhotoId,
    /// The programme (the 80-day campaign).
    ProgrammeId,
    /// A tour: one dated departure.
    TourId,
    /// A bus or minibus.
    VehicleId,
    /// A tour guide.
    GuideId,
    /// A reusable ordered list of sites.
    TemplateId,
    /// A citizen group.
    GroupId,
    /// A person in a group.
    MemberId,
    /// A group on a tour.
    RegistrationId,
    /// A group waiting for any tour between two dates.
    DateWaitId,
    /// What a citizen raised on a tour.
    RequestId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let back: AuditEntryId = conn
            .query_row("SELECT ?1", [AuditEntryId(42)], |r| r.get(0))
            .unwrap();
        assert_eq!(back, AuditEntryId(42));
        assert_eq!(back.to_string(), "42");
    }
}
