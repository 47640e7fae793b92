//! A report file's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 with its mark,
//! or GB18030/GBK as many government sites still serve; and an HTML page saved from a browser as
//! the article's text, without navigation, scripts or styles.

use super::DraftError;

/// The most a report may hold: a year's report is well under 1 MB; a 64 MB file is something else.
pub const MAX_REPORT_BYTES: u64 = 64 * 1024 * 1024;

/// How the text was read from the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf16 => "UTF-16",
            Self::Gb18030 => "GB18030",
        }
    }
}

/// A report's text as the draft reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportText {
    pub text: String,
    pub encoding: Encoding,
    /// The text was taken out of an HTML page.
    pub from_html: bool,
}

impl ReportText {
    /// Whether the text differs from the file's bytes, so a UTF-8 copy must be written for quotes
    /// to be checked against.
    pub fn needs_copy(&self) -> bool {
        self.from_html || self.encoding != Encoding::Utf8
    }
}

/// Decode a report file's bytes; `name` is for messages.
pub fn decode(bytes: &[u8], name: &str) -> Result<ReportText, DraftError> {
    let name = name.to_owned();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DraftError::Empty { file: name });
    }
    for (magic, what) in [
        (&b"%PDF"[..], "a PDF"),
        (&b"PK\x03\x04"[..], "a ZIP archive (a .docx or .xlsx?)"),
        (&b"\xD0\xCF\x11\xE0"[..], "an old Office document (.doc)"),
        (&b"\x89PNG"[..], "a PNG image"),
        (&b"\xFF\xD8\xFF"[..], "a JPEG image"),
    ] {
        if bytes.starts_with(magic) {
            return Err(DraftError::Binary {
                file: name,
                what: what.to_owned(),
            });
        }
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(rest, &name)?, Encoding::Utf8)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, bad) = enc.decode(bytes);
        if bad {
            return Err(DraftError::Undecodable { file: name });
        }
        (text.into_owned(), Encoding::Utf16)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), Encoding::Utf8)
    } else {
        if bytes.contains(&0) {
            return Err(DraftError::Binary {
                file: name,
                what: "binary data (it holds NUL bytes)".to_owned(),
            });
        }
        let (text, bad) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
        if bad {
            return Err(DraftError::Undecodable { file: name });
        }
        (text.into_owned(), Encoding::Gb18030)
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(DraftError::Binary {
            file: name,
            what: "binary data (one character in twenty is a control character)".to_owned(),
        });
    }
    let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") {
        let article = super::html::article_text(&text);
        if article.chars().filter(|c| is_cjk(*c)).count() < 20 {
            return Err(DraftError::NoArticle { file: name });
        }
        return Ok(ReportText {
            text: article,
            encoding,
            from_html: true,
        });
    }
    Ok(ReportText {
        text: text.replace("\r\n", "\n"),
        encoding,
        from_html: false,
    })
}

fn utf8(bytes: &[u8], name: &str) -> Result<String, DraftError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| DraftError::Undecodable {
        file: name.to_owned(),
    })
}

/// A Chinese character (the CJK Unified Ideographs and their first extension).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gbk_utf16_and_bom() {
        let text = "地区生产总值同比增长 3%";
        let got = decode(text.as_bytes(), "a").map(|t| t.encoding);
        assert_eq!(got, Ok(Encoding::Utf8));
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let got = decode(&gbk, "a");
        assert_eq!(got.as_ref().map(|t| t.text.as_str()), Ok(text));
        assert_eq!(got.map(|t| t.encoding), Ok(Encoding::Gb18030));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom, "a").map(|t| t.text), Ok(text.to_owned()));
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16, "a").map(|t| t.text), Ok(text.to_owned()));
    }

    #[test]
    fn bad_input_is_named() {
        assert!(matches!(decode(b"", "a"), Err(DraftError::Empty { .. })));
        assert!(matches!(
            decode(b" \n\t", "a"),
            Err(DraftError::Empty { .. })
        ));
        assert!(matches!(
            decode(b"%PDF-1.7 ...", "a"),
            Err(DraftError::Binary { .. })
        ));
        assert!(matches!(
            decode(&[0x00, 0x01, 0xFF, 0xFE, 0x80], "a"),
            Err(DraftError::Binary { .. })
        ));
        // Bytes that are neither UTF-8 nor GB18030.
        assert!(matches!(
            decode(&[0x81, 0x20, 0x81, 0x20], "a"),
            Err(DraftError::Undecodable { .. })
        ));
        assert!(matches!(
            decode(b"<html><body><nav>Home</nav></body></html>", "a"),
            Err(DraftError::NoArticle { .. })
        ));
    }
}
