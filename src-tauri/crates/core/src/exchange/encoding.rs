//! Text encodings of CSV files: UTF-8 with or without BOM, UTF-16 (with BOM, or detected
//! from its zero bytes), and Windows-1256, which Persian Excel writes. Detected unless the
//! coordinator chooses; decoding is `encoding_rs`'s.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1256};

use crate::error::{Error, Result};

/// The encodings a CSV file may come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1256,
}

impl TextEncoding {
    pub const ALL: [TextEncoding; 4] = [
        TextEncoding::Utf8,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
        TextEncoding::Windows1256,
    ];

    /// The name as the CLI and the UI show it.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1256 => "windows-1256",
        }
    }

    /// A name as people write it: `utf-8`, `UTF8`, `utf-16` (little-endian), `cp1256`,
    /// `windows-1256`, `1256`, `arabic`.
    pub fn parse(s: &str) -> Result<Self> {
        let key: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect();
        match key.as_str() {
            "utf8" => Ok(TextEncoding::Utf8),
            "utf16" | "utf16le" | "ucs2" => Ok(TextEncoding::Utf16Le),
            "utf16be" => Ok(TextEncoding::Utf16Be),
            "windows1256" | "cp1256" | "1256" | "arabic" | "win1256" => {
                Ok(TextEncoding::Windows1256)
            }
            _ => Err(Error::invalid(
                "encoding",
                format!(
                    "رمزگذاری «{s}» شناخته نیست؛ یکی از utf-8، utf-16le، utf-16be، windows-1256"
                ),
                format!("unknown encoding “{s}”; use utf-8, utf-16le, utf-16be or windows-1256"),
            )),
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Windows1256 => WINDOWS_1256,
        }
    }
}

/// Text decoded from a file, with how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    /// Whether the file started with a byte-order mark.
    pub bom: bool,
    /// Whether the encoding was detected (false: chosen by the coordinator).
    pub detected: bool,
    /// Byte sequences that are not text in that encoding (shown as U+FFFD).
    pub replaced: usize,
}

/// The encoding of `bytes`: a BOM decides; else UTF-16 if every other byte is zero; else
/// UTF-8 if the bytes are valid UTF-8; else Windows-1256.
pub fn detect(bytes: &[u8]) -> (TextEncoding, bool) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        let e = if enc == UTF_8 {
            TextEncoding::Utf8
        } else if enc == UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        return (e, true);
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() >= 4 {
        let zeros = |offset: usize| {
            head.iter()
                .skip(offset)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        let half = head.len() / 2;
        let (even, odd) = (zeros(0), zeros(1));
        if odd * 10 >= half * 3 && even * 10 < half {
            return (TextEncoding::Utf16Le, false);
        }
        if even * 10 >= half * 3 && odd * 10 < half {
            return (TextEncoding::Utf16Be, false);
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        (TextEncoding::Utf8, false)
    } else {
        (TextEncoding::Windows1256, false)
    }
}

/// Decode `bytes`, detecting the encoding unless `chosen`. A BOM of the encoding used is
/// dropped; nothing fails (undecodable bytes are counted in `replaced`).
pub fn decode(bytes: &[u8], chosen: Option<TextEncoding>) -> Decoded {
    let (encoding, bom, detected) = match chosen {
        Some(e) => {
            let bom = Encoding::for_bom(bytes).is_some_and(|(b, _)| b == e.encoding());
            (e, bom, false)
        }
        None => {
            let (e, bom) = detect(bytes);
            (e, bom, true)
        }
    };
    let body = if bom {
        Encoding::for_bom(bytes).map_or(bytes, |(_, n)| &bytes[n..])
    } else {
        bytes
    };
    let (text, had_errors) = encoding.encoding().decode_without_bom_handling(body);
    let replaced = if had_errors {
        text.chars().filter(|c| *c == '\u{FFFD}').count()
    } else {
        0
    };
    Decoded {
        text: text.into_owned(),
        encoding,
        bom,
        detected,
        replaced,
    }
}

/// `text` in Windows-1256 (for tests and for files meant for old Excel); characters it
/// cannot hold become numeric references, as encoding_rs does.
pub fn encode_windows_1256(text: &str) -> Vec<u8> {
    WINDOWS_1256.encode(text).0.into_owned()
}
