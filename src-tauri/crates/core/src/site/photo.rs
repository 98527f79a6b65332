//! Site photos: JPEG, PNG or WebP in; EXIF orientation honoured; a display copy (at most
//! 1600 px) and a thumbnail (at most 320 px) stored as JPEG, never the full-size original.
//! Anything that is not such an image, is truncated, or is larger than 50 megapixels is
//! refused before anything is written.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use rusqlite::{params, Connection, OptionalExtension};

use crate::audit::{self, Stamp};
use crate::error::{Error, Result};
use crate::ids::{PhotoId, SiteId};
use crate::store;

pub const MAX_PIXELS: u64 = 50_000_000;
pub const MAX_FILE_BYTES: usize = 60 * 1024 * 1024;
pub const DISPLAY_PX: u32 = 1600;
pub const THUMB_PX: u32 = 320;
const JPEG_QUALITY: u8 = 85;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoInfo {
    pub id: PhotoId,
    pub site: SiteId,
    pub position: u32,
    pub caption: String,
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    pub is_cover: bool,
}

/// The two stored sizes of one photo.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub display: Vec<u8>,
    pub thumb: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

fn refuse(fa: &str, en: String) -> Error {
    Error::invalid("photo", fa, en)
}

/// Decode, orient and resize. Pure: touches no database, so the shell runs it off the UI
/// thread. Memory is bounded by the 50 MP check, made from the header before decoding.
pub fn prepare(bytes: &[u8]) -> Result<Prepared> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(refuse(
            "پرونده‌ی عکس بزرگ‌تر از ۶۰ مگابایت است",
            format!(
                "the photo file is larger than 60 MB ({} bytes)",
                bytes.len()
            ),
        ));
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| {
            refuse(
                "پرونده خوانده نشد",
                format!("the file could not be read: {e}"),
            )
        })?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        _ => {
            return Err(refuse(
                "این پرونده عکس JPEG\u{200F}، PNG\u{200F} یا WebP\u{200F} نیست",
                "this file is not a JPEG, PNG or WebP image".into(),
            ))
        }
    }
    if reader.format() == Some(ImageFormat::Jpeg) && !jpeg_is_complete(bytes) {
        return Err(refuse(
            "عکس ناقص است (پرونده بریده شده)",
            "the image is damaged or incomplete: the JPEG file ends early".into(),
        ));
    }
    let mut reader = reader;
    let mut limits = Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| {
        refuse(
            "عکس خراب یا ناقص است",
            format!("the image is damaged or incomplete: {e}"),
        )
    })?;
    let (w, h) = decoder.dimensions();
    let pixels = u64::from(w) * u64::from(h);
    if pixels > MAX_PIXELS {
        return Err(refuse(
            "عکس بزرگ‌تر از ۵۰ مگاپیکسل است",
            format!(
                "the image has {:.1} megapixels; at most 50 are accepted",
                pixels as f64 / 1e6
            ),
        ));
    }
    if w == 0 || h == 0 {
        return Err(refuse("عکس خالی است", "the image is empty".into()));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| {
        refuse(
            "عکس خراب یا ناقص است",
            format!("the image is damaged or incomplete: {e}"),
        )
    })?;
    img.apply_orientation(orientation);
    let display = if img.width() > DISPLAY_PX || img.height() > DISPLAY_PX {
        img.resize(
            DISPLAY_PX,
            DISPLAY_PX,
            image::imageops::FilterType::Triangle,
        )
    } else {
        img
    };
    let thumb = display.thumbnail(THUMB_PX, THUMB_PX);
    Ok(Prepared {
        width: display.width(),
        height: display.height(),
        display: jpeg(&display)?,
        thumb: jpeg(&thumb)?,
    })
}

/// Whether a JPEG runs to its end-of-image marker. Decoders fill a cut-off JPEG with
/// grey instead of failing, so the segments are walked here: marker segments by their
/// length, entropy-coded data up to the next marker, until EOI.
fn jpeg_is_complete(b: &[u8]) -> bool {
    let mut i = 2; // after SOI
    while i + 1 < b.len() {
        if b[i] != 0xFF {
            return false;
        }
        let marker = b[i + 1];
        match marker {
            0xD9 => return true,
            0xFF => i += 1, // fill byte
            0x01 | 0xD0..=0xD7 => i += 2,
            _ => {
                let Some(len) = b
                    .get(i + 2..i + 4)
                    .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
                else {
                    return false;
                };
                i += 2 + len;
                if marker == 0xDA {
                    // Entropy-coded data: skip to the next marker that is not a stuffed
                    // zero or a restart marker.
                    while i + 1 < b.len()
                        && !(b[i] == 0xFF && b[i + 1] != 0 && !(0xD0..=0xD7).contains(&b[i + 1]))
                    {
                        i += 1;
                    }
                }
            }
        }
    }
    false
}

fn jpeg(img: &DynamicImage) -> Result<Vec<u8>> {
    let rgb = img.to_rgb8();
    let mut out = Vec::new();
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    rgb.write_with_encoder(enc)
        .map_err(|e| Error::Internal(format!("JPEG encoding failed: {e}")))?;
    Ok(out)
}

/// Store a prepared photo as the last of the site's gallery; the first photo becomes the cover.
pub fn add(
    conn: &mut Connection,
    stamp: &Stamp,
    site: SiteId,
    file_name: &str,
    p: &Prepared,
) -> Result<PhotoId> {
    let file_name: String = file_name
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    store::write(conn, |tx| {
        super::get_site(tx, site)?;
        let position: u32 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM site_photos WHERE site_id = ?1",
            [site],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO site_photos (site_id, position, file_name, width, height, display, thumb, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![site, position, file_name, p.width, p.height, p.display, p.thumb, stamp.at.to_rfc3339()],
        )?;
        let id = PhotoId(tx.last_insert_rowid());
        tx.execute(
            "UPDATE sites SET cover_photo = ?2 WHERE id = ?1 AND cover_photo IS NULL",
            params![site, id],
        )?;
        audit::record(
            tx,
            stamp,
            "site.photo.add",
            "site",
            Some(&site.to_string()),
            &file_name,
        )?;
        Ok(id)
    })
}

pub fn list(conn: &Connection, site: SiteId) -> Result<Vec<PhotoInfo>> {
    let mut st = conn.prepare(
        "SELECT p.id, p.site_id, p.position, p.caption, p.file_name, p.width, p.height,
                coalesce(s.cover_photo = p.id, 0)
         FROM site_photos p JOIN sites s ON s.id = p.site_id
         WHERE p.site_id = ?1 ORDER BY p.position, p.id",
    )?;
    let rows = st.query_map([site], |r| {
        Ok(PhotoInfo {
            id: r.get(0)?,
            site: r.get(1)?,
            position: r.get(2)?,
            caption: r.get(3)?,
            file_name: r.get(4)?,
            width: r.get(5)?,
            height: r.get(6)?,
            is_cover: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The JPEG bytes of a photo: the thumbnail or the display size.
pub fn bytes(conn: &Connection, photo: PhotoId, thumb: bool) -> Result<Vec<u8>> {
    let sql = if thumb {
        "SELECT thumb FROM site_photos WHERE id = ?1"
    } else {
        "SELECT display FROM site_photos WHERE id = ?1"
    };
    conn.query_row(sql, [photo], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound {
            what: "photo",
            id: photo.to_string(),
        })
}

fn site_of(conn: &Connection, photo: PhotoId) -> Result<SiteId> {
    conn.query_row(
        "SELECT site_id FROM site_photos WHERE id = ?1",
        [photo],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        what: "photo",
        id: photo.to_string(),
    })
}

pub fn set_cover(conn: &mut Connection, stamp: &Stamp, photo: PhotoId) -> Result<()> {
    store::write(conn, |tx| {
        let site = site_of(tx, photo)?;
        tx.execute(
            "UPDATE sites SET cover_photo = ?2 WHERE id = ?1",
            params![site, photo],
        )?;
        audit::record(
            tx,
            stamp,
            "site.photo.cover",
            "site",
            Some(&site.to_string()),
            &photo.to_string(),
        )?;
        Ok(())
    })
}

pub fn set_caption(
    conn: &mut Connection,
    stamp: &Stamp,
    photo: PhotoId,
    caption: &str,
) -> Result<()> {
    let caption = caption.trim();
    if caption.chars().count() > 200 {
        return Err(Error::invalid(
            "caption",
            "شرح عکس حداکثر ۲۰۰ نویسه است",
            "a caption is at most 200 characters",
        ));
    }
    store::write(conn, |tx| {
        let site = site_of(tx, photo)?;
        tx.execute(
            "UPDATE site_photos SET caption = ?2 WHERE id = ?1",
            params![photo, caption],
        )?;
        audit::record(
            tx,
            stamp,
            "site.photo.caption",
            "site",
            Some(&site.to_string()),
            caption,
        )?;
        Ok(())
    })
}

/// Remove a photo; if it was the cover, the next photo in the gallery becomes the cover.
pub fn remove(conn: &mut Connection, stamp: &Stamp, photo: PhotoId) -> Result<()> {
    store::write(conn, |tx| {
        let site = site_of(tx, photo)?;
        tx.execute("DELETE FROM site_photos WHERE id = ?1", [photo])?;
        tx.execute(
            "UPDATE sites SET cover_photo = (SELECT id FROM site_photos WHERE site_id = ?1 ORDER BY position, id LIMIT 1)
             WHERE id = ?1 AND (cover_photo = ?2 OR cover_photo IS NULL)",
            params![site, photo],
        )?;
        audit::record(
            tx,
            stamp,
            "site.photo.remove",
            "site",
            Some(&site.to_string()),
            &photo.to_string(),
        )?;
        Ok(())
    })
}
