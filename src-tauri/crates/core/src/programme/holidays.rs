//! Holidays: an editable table. Iran's official list for 1405 is offered as a starting
//! point; lunar holidays follow moon sighting, so they are marked "check the date".
//! Import and export as CSV (`date,name_fa,name_en,needs_check`).

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::persian::digits::{to_latin, to_persian};
use crate::persian::JalaliDate;
use crate::store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name_fa: String,
    pub name_en: String,
    /// A lunar holiday whose date depends on moon sighting: confirm it before relying on it.
    pub needs_check: bool,
}

/// Iran's official holidays of 1405 AP (21 March 2026 – 20 March 2027): 26 days. Lunar
/// dates are the expected ones.
pub const OFFICIAL_1405: &[(&str, &str, &str, bool)] = &[
    (
        "2026-03-21",
        "جشن نوروز؛ عید سعید فطر",
        "Nowruz; Eid al-Fitr",
        true,
    ),
    (
        "2026-03-22",
        "عید نوروز؛ تعطیل به مناسبت عید فطر",
        "Nowruz holiday; Eid al-Fitr holiday",
        true,
    ),
    ("2026-03-23", "عید نوروز", "Nowruz holiday", false),
    ("2026-03-24", "عید نوروز", "Nowruz holiday", false),
    (
        "2026-04-01",
        "روز جمهوری اسلامی",
        "Islamic Republic Day",
        false,
    ),
    ("2026-04-02", "روز طبیعت", "Nature Day", false),
    (
        "2026-04-14",
        "شهادت امام جعفر صادق (ع)",
        "Martyrdom of Imam Ja'far al-Sadiq",
        true,
    ),
    ("2026-05-27", "عید سعید قربان", "Eid al-Adha", true),
    (
        "2026-06-04",
        "رحلت امام خمینی؛ عید غدیر خم",
        "Death of Imam Khomeini; Eid al-Ghadir",
        true,
    ),
    ("2026-06-05", "قیام ۱۵ خرداد", "15 Khordad Uprising", false),
    ("2026-06-24", "تاسوعای حسینی", "Tasua", true),
    ("2026-06-25", "عاشورای حسینی", "Ashura", true),
    ("2026-08-04", "اربعین حسینی", "Arbaeen", true),
    (
        "2026-08-12",
        "رحلت رسول اکرم؛ شهادت امام حسن مجتبی (ع)",
        "Death of the Prophet; Martyrdom of Imam Hasan",
        true,
    ),
    (
        "2026-08-13",
        "شهادت امام رضا (ع)",
        "Martyrdom of Imam Reza",
        true,
    ),
    (
        "2026-08-21",
        "شهادت امام حسن عسکری (ع)",
        "Martyrdom of Imam Hasan al-Askari",
        true,
    ),
    (
        "2026-08-30",
        "میلاد رسول اکرم و امام جعفر صادق (ع)",
        "Birthday of the Prophet and Imam Ja'far al-Sadiq",
        true,
    ),
    (
        "2026-11-13",
        "شهادت حضرت فاطمه زهرا (س)",
        "Martyrdom of Fatima",
        true,
    ),
    (
        "2026-12-23",
        "ولادت امام علی (ع) و روز پدر",
        "Birthday of Imam Ali; Father's Day",
        true,
    ),
    ("2027-01-06", "مبعث رسول اکرم (ص)", "Mab'ath", true),
    (
        "2027-01-24",
        "ولادت حضرت قائم (عج)",
        "Birthday of Imam Mahdi",
        true,
    ),
    (
        "2027-02-11",
        "پیروزی انقلاب اسلامی",
        "Islamic Revolution Day",
        false,
    ),
    (
        "2027-03-01",
        "شهادت حضرت علی (ع)",
        "Martyrdom of Imam Ali",
        true,
    ),
    ("2027-03-10", "عید سعید فطر", "Eid al-Fitr", true),
    (
        "2027-03-11",
        "تعطیل به مناسبت عید فطر",
        "Eid al-Fitr holiday",
        true,
    ),
    (
        "2027-03-20",
        "روز ملی شدن صنعت نفت",
        "Oil Nationalization Day",
        false,
    ),
];

pub fn official_1405() -> Vec<Holiday> {
    OFFICIAL_1405
        .iter()
        .filter_map(|(d, fa, en, check)| {
            Some(Holiday {
                date: NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?,
                name_fa: (*fa).into(),
                name_en: (*en).into(),
                needs_check: *check,
            })
        })
        .collect()
}

pub fn list(conn: &Connection) -> Result<Vec<Holiday>> {
    let mut st =
        conn.prepare("SELECT date, name_fa, name_en, needs_check FROM holidays ORDER BY date")?;
    let rows = st.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (d, name_fa, name_en, needs_check) = row?;
        out.push(Holiday {
            date: NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| Error::Internal(format!("stored holiday date {d}")))?,
            name_fa,
            name_en,
            needs_check,
        });
    }
    Ok(out)
}

fn validated(h: &Holiday) -> Result<Holiday> {
    let name_fa = h.name_fa.trim().to_string();
    if name_fa.is_empty() {
        return Err(Error::invalid(
            "nameFa",
            "نام تعطیلی لازم است",
            "a holiday needs a name",
        ));
    }
    if name_fa.chars().count() > 200 || h.name_en.chars().count() > 200 {
        return Err(Error::invalid(
            "nameFa",
            "نام تعطیلی حداکثر ۲۰۰ نویسه است",
            "a holiday's name is at most 200 characters",
        ));
    }
    Ok(Holiday {
        name_fa,
        name_en: h.name_en.trim().to_string(),
        ..h.clone()
    })
}

fn upsert(conn: &Connection, h: &Holiday) -> Result<()> {
    conn.execute(
        "INSERT INTO holidays (date, name_fa, name_en, needs_check) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(date) DO UPDATE SET name_fa = excluded.name_fa, name_en = excluded.name_en,
             needs_check = excluded.needs_check",
        params![h.date.to_string(), h.name_fa, h.name_en, h.needs_check],
    )?;
    Ok(())
}

/// Add or change one holiday.
pub fn save(conn: &mut Connection, stamp: &Stamp, h: &Holiday) -> Result<()> {
    let h = validated(h)?;
    store::write(conn, |tx| {
        upsert(tx, &h)?;
        audit::record(
            tx,
            stamp,
            "holiday.save",
            "holiday",
            Some(&h.date.to_string()),
            &h.name_fa,
        )
        .map(drop)
    })
}

pub fn remove(conn: &mut Connection, stamp: &Stamp, date: NaiveDate) -> Result<()> {
    store::write(conn, |tx| {
        let n = tx.execute("DELETE FROM holidays WHERE date = ?1", [date.to_string()])?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "holiday",
                id: date.to_string(),
            });
        }
        audit::record(
            tx,
            stamp,
            "holiday.remove",
            "holiday",
            Some(&date.to_string()),
            "",
        )
        .map(drop)
    })
}

/// Add every holiday in `list` (replacing same-day entries) in one transaction.
pub fn save_all(
    conn: &mut Connection,
    stamp: &Stamp,
    list: &[Holiday],
    action: &str,
) -> Result<usize> {
    let list = list.iter().map(validated).collect::<Result<Vec<_>>>()?;
    store::write(conn, |tx| {
        for h in &list {
            upsert(tx, h)?;
        }
        audit::record(
            tx,
            stamp,
            action,
            "holiday",
            None,
            &format!("{} days", list.len()),
        )?;
        Ok(list.len())
    })
}

/// CSV with a header: `date,name_fa,name_en,needs_check`; dates Gregorian ISO (UTF-8 with BOM).
pub fn to_csv(list: &[Holiday]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let fail = |e: csv::Error| Error::Internal(format!("CSV: {e}"));
    w.write_record(["date", "date_jalali", "name_fa", "name_en", "needs_check"])
        .map_err(fail)?;
    for h in list {
        let j = JalaliDate::from_gregorian(h.date)
            .map(|j| j.to_string())
            .unwrap_or_default();
        w.write_record([
            h.date.to_string(),
            j,
            h.name_fa.clone(),
            h.name_en.clone(),
            if h.needs_check {
                "1".into()
            } else {
                "0".into()
            },
        ])
        .map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Error::Internal(format!("CSV: {e}")))
}

/// Read holidays from CSV as written by `to_csv`: the date column may be Gregorian
/// (`2027-02-11`) or Solar Hijri (`1405/11/22`), any digits. Every row is checked; the
/// first bad row is reported with its line number and nothing is returned.
pub fn from_csv(bytes: &[u8]) -> Result<Vec<Holiday>> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Error::invalid("file", "پرونده UTF-8 نیست", "the file is not UTF-8 text"))?;
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = r
        .headers()
        .map_err(|e| {
            Error::invalid(
                "file",
                "سطر عنوان خوانده نشد",
                format!("the header row could not be read: {e}"),
            )
        })?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(c_date), Some(c_fa)) = (col("date").or_else(|| col("date_jalali")), col("name_fa"))
    else {
        return Err(Error::invalid(
            "file",
            "ستون‌های date و name_fa لازم است",
            "the columns date and name_fa are needed",
        ));
    };
    let (c_en, c_check) = (col("name_en"), col("needs_check"));
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| {
            Error::invalid(
                "file",
                format!("سطر {} خوانده نشد", to_persian(&line.to_string())),
                format!("line {line} could not be read: {e}"),
            )
        })?;
        let raw = rec.get(c_date).unwrap_or("").trim();
        let latin = to_latin(raw);
        let date = match NaiveDate::parse_from_str(&latin, "%Y-%m-%d") {
            Ok(d) if d.format("%Y").to_string().starts_with('2') => d,
            _ => JalaliDate::parse(raw)
                .map(|j| j.to_gregorian())
                .map_err(|e| {
                    Error::invalid(
                        "file",
                        format!("سطر {}: {}", to_persian(&line.to_string()), e.message_fa()),
                        format!("line {line}: {e}"),
                    )
                })?,
        };
        let h = validated(&Holiday {
            date,
            name_fa: rec.get(c_fa).unwrap_or("").into(),
            name_en: c_en.and_then(|c| rec.get(c)).unwrap_or("").into(),
            needs_check: c_check
                .and_then(|c| rec.get(c))
                .map(|v| matches!(v.trim(), "1" | "true" | "yes" | "بله"))
                .unwrap_or(false),
        })
        .map_err(|e| {
            Error::invalid(
                "file",
                format!("سطر {}: {}", to_persian(&line.to_string()), e.message_fa()),
                format!("line {line}: {e}"),
            )
        })?;
        out.push(h);
    }
    Ok(out)
}
