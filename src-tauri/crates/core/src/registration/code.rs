//! Registration codes: what the confirmation's QR code carries and what check-in reads.
//!
//! `GRD-<registration id>-<check>`: the check is six Crockford base-32 characters (30 bits)
//! of HMAC-SHA256 over the id, keyed with a secret made once per database. A mistyped id
//! or check, or a code made without the key, fails with a clear reason. Input is read the
//! way a scanner or a person types it: any digits, any case, spaces, Persian letters for
//! the prefix dropped.

use hmac::{Hmac, Mac};
use rusqlite::Connection;
use sha2::Sha256;

use crate::error::{Error, Result};
use crate::ids::RegistrationId;
use crate::persian::digits::to_latin;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX: &str = "GRD";

fn key(conn: &Connection) -> Result<Vec<u8>> {
    Ok(conn.query_row(
        "SELECT value FROM secrets WHERE name = 'registration_code'",
        [],
        |r| r.get(0),
    )?)
}

fn check(key: &[u8], id: RegistrationId) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(format!("registration:{id}").as_bytes());
    let tag = mac.finalize().into_bytes();
    let bits = u32::from_be_bytes([tag[0], tag[1], tag[2], tag[3]]) >> 2;
    (0..6)
        .rev()
        .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// The printed code of a registration.
pub fn code(conn: &Connection, id: RegistrationId) -> Result<String> {
    Ok(format!("{PREFIX}-{id}-{}", check(&key(conn)?, id)))
}

fn refused(fa: &str, en: &str) -> Error {
    Error::invalid("code", fa, en)
}

/// Read a typed or scanned code: the registration it names, or why it is refused.
pub fn verify(conn: &Connection, text: &str) -> Result<RegistrationId> {
    let cleaned: String = to_latin(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200c}' | '\u{200e}' | '\u{200f}'))
        .map(|c| match c {
            '_' | '–' | '—' | '‐' => '-',
            c => c.to_ascii_uppercase(),
        })
        .collect();
    let parts: Vec<&str> = cleaned.split('-').filter(|p| !p.is_empty()).collect();
    let (id_text, given) = match parts.as_slice() {
        [p, id, c] if *p == PREFIX => (*id, *c),
        [id, c] => (*id, *c),
        _ => {
            return Err(refused(
                "کد ثبت‌نام شکل درستی ندارد؛ نمونه: GRD-12-7K3M9Q",
                "the registration code is not in the right form; e.g. GRD-12-7K3M9Q",
            ))
        }
    };
    let id = id_text
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(RegistrationId)
        .ok_or_else(|| {
            refused(
                "شماره‌ی ثبت‌نام در کد عدد نیست",
                "the registration number in the code is not a number",
            )
        })?;
    // Crockford: O reads as 0, I and L as 1.
    let given: String = given
        .chars()
        .map(|c| match c {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    if given.len() != 6 || check(&key(conn)?, id) != given {
        return Err(refused(
            "کد ثبت‌نام درست نیست: یا اشتباه تایپ شده یا از این برنامه نیست",
            "the registration code does not check: mistyped, or not issued by this programme",
        ));
    }
    crate::registration::get(conn, id)?;
    Ok(id)
}
