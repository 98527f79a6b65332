//! Search keys: `normalize_fa` folds the ways Persian is typed (Arabic letter forms, vowel
//! marks, ZWNJ, digits) into one key; `fts_query` turns any text into a safe FTS5 query.

use unicode_normalization::UnicodeNormalization;

/// The search key of `s`, applied to both stored keys and queries:
/// NFKC; ي/ى→ی, ك→ک, ة/ۀ→ه, أ/إ/ٱ→ا (آ kept), ؤ→و; vowel marks (U+064B–065F, U+0670) and
/// tatweel dropped; ZWNJ → space; ZWJ, bidi controls, soft hyphen and BOM dropped;
/// Persian and Arabic-Indic digits → ASCII; lowercase; runs of spaces collapsed.
pub fn normalize_fa(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true; // trims leading space
    for c in s.nfkc() {
        let mapped: Option<char> = match c {
            'ي' | 'ى' => Some('ی'),
            'ك' => Some('ک'),
            'ة' | 'ۀ' => Some('ه'),
            'أ' | 'إ' | 'ٱ' => Some('ا'),
            'ؤ' => Some('و'),
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
            '\u{200D}' | '\u{00AD}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}' => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            '\u{200C}' => Some(' '),
            '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32),
            '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32),
            c if c.is_whitespace() => Some(' '),
            c => Some(c),
        };
        let Some(m) = mapped else { continue };
        if m == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.extend(m.to_lowercase());
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// An FTS5 MATCH expression that finds rows containing every word of `input` as a prefix.
/// Each normalised token is quoted (inner quotes doubled) and starred, so `*`, `NEAR`,
/// `OR`, parentheses, colons or quotes in the input are searched for, never obeyed.
/// Returns `None` when the input has no searchable text.
pub fn fts_query(input: &str) -> Option<String> {
    let key = normalize_fa(input);
    let tokens: Vec<String> = key
        .split(|c: char| c.is_whitespace() || (!c.is_alphanumeric() && !is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{}\"*", t.replace('"', "\"\"")))
        .collect();
    if tokens.is_empty() {
        None
    } else {
        Some(tokens.join(" "))
    }
}

fn is_mark(c: char) -> bool {
    // Combining marks that survive normalisation (e.g. in Latin text) stay inside a token.
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_ways_persian_is_typed() {
        let cases: &[(&str, &str)] = &[
            ("علي كاظمي", "علی کاظمی"),
            ("مُحَمَّد", "محمد"),
            ("۱۴۰۵", "1405"),
            ("١٤٠٥", "1405"),
            ("می‌روم", "می روم"),
            ("خانهٔ", "خانه"),
            ("خانۀ", "خانه"),
            ("مدرسة", "مدرسه"),
            ("أحمد إبراهيم", "احمد ابراهیم"),
            ("آرش", "آرش"),
            ("مؤسسه", "موسسه"),
            ("کـــاوه", "کاوه"),
            ("  SHAHED\tStation  ", "shahed station"),
            ("\u{2067}پل\u{2069}\u{200F}", "پل"),
            ("\u{FEFF}سی\u{00AD}وسه", "سیوسه"),
            ("ﻋﻠﻰ", "علی"),
            ("قرآن", "قرآن"), // آ is kept
        ];
        for (input, want) in cases {
            assert_eq!(normalize_fa(input), *want, "normalize_fa({input:?})");
        }
    }

    #[test]
    fn query_tokens_are_quoted_prefixes() {
        assert_eq!(
            fts_query("علي كاظمي").as_deref(),
            Some("\"علی\"* \"کاظمی\"*")
        );
        assert_eq!(fts_query("  ").as_deref(), None);
        assert_eq!(fts_query("***()").as_deref(), None);
        assert_eq!(fts_query("a\"b").as_deref(), Some("\"a\"* \"b\"*"));
    }

    /// Hostile input never breaks FTS5 and finds only what it says.
    #[test]
    fn hostile_input_cannot_break_a_query() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(k, tokenize = 'unicode61 remove_diacritics 0');",
        )
        .unwrap();
        for row in [
            "علی کاظمی",
            "محمد رضایی 09131234567",
            "سی و سه پل",
            "near or and not",
        ] {
            conn.execute("INSERT INTO t(k) VALUES (?1)", [normalize_fa(row)])
                .unwrap();
        }
        let hits = |q: &str| -> Vec<String> {
            match fts_query(q) {
                None => vec![],
                Some(m) => {
                    let mut st = conn
                        .prepare("SELECT k FROM t WHERE t MATCH ?1 ORDER BY rowid")
                        .unwrap();
                    st.query_map([m], |r| r.get(0))
                        .unwrap()
                        .map(|r| r.unwrap())
                        .collect()
                }
            }
        };
        assert_eq!(hits("علي كاظمي"), vec!["علی کاظمی"]);
        assert_eq!(hits("مُحَمَّد"), vec!["محمد رضایی 09131234567"]);
        assert_eq!(hits("۰۹۱۳"), vec!["محمد رضایی 09131234567"]);
        for hostile in [
            "\"",
            "\"\"",
            "*",
            "علی*",
            "(",
            ")",
            "NEAR(علی کاظمی)",
            "علی OR محمد",
            "علی AND",
            "NOT",
            "k:علی",
            "^علی",
            "{k}: x",
            "'; DROP TABLE t; --",
            "a\"b\"c",
            "-",
            "+",
            "\\",
        ] {
            // Must not error; each must return only rows containing every token.
            let _ = hits(hostile);
        }
        assert_eq!(
            hits("علی OR محمد"),
            Vec::<String>::new(),
            "OR is a word, not an operator"
        );
        assert_eq!(hits("near or"), vec!["near or and not"]);
    }
}
