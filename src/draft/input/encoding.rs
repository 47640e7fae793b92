//! A file's bytes as characters, for the formats that are text (plain text, HTML): UTF-8 (with or
//! without a byte-order mark), UTF-16 with its mark, or GB18030/GBK as many government sites still
//! serve, decoded by [`TextEncoding::decode_strict`] as a monitoring table's text is. Bytes that are no text at all (a PDF, an image, an archive) are
//! refused here with what they look like, so the message says what to do instead.

use crate::draft::DraftError;
use crate::model::series::TextEncoding;

/// How the characters were read from the file.
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

/// Files that are not text, by their first bytes, and what a message calls them. A format that
/// reads one of these (a spreadsheet is a ZIP archive) is detected before text is decoded.
const NOT_TEXT: [(&[u8], &str); 5] = [
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx?)"),
    (b"\xD0\xCF\x11\xE0", "an old Office document (.doc)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
];

/// The characters of `bytes`, and how they were encoded; `file` is for messages.
pub fn decode(bytes: &[u8], file: &str) -> Result<(String, Encoding), DraftError> {
    let binary = |what: &str| DraftError::Binary {
        file: file.to_owned(),
        what: what.to_owned(),
    };
    if let Some((_, what)) = NOT_TEXT.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(binary(what));
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // A byte-order mark says UTF-8: where it fails is where to look.
        let text = TextEncoding::Utf8
            .decode_strict(rest, true)
            .map_err(|read| undecodable(file, &read))?;
        (text, Encoding::Utf8)
    } else if let Some(utf16) = [
        (&b"\xFF\xFE"[..], TextEncoding::Utf16Le),
        (&b"\xFE\xFF"[..], TextEncoding::Utf16Be),
    ]
    .into_iter()
    .find_map(|(mark, enc)| bytes.starts_with(mark).then_some(enc))
    {
        let text = utf16
            .decode_strict(&bytes[2..], true)
            .map_err(|read| undecodable(file, &read))?;
        (text, Encoding::Utf16)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), Encoding::Utf8)
    } else {
        if bytes.contains(&0) {
            return Err(binary("binary data (it holds NUL bytes)"));
        }
        let text = TextEncoding::Gb18030
            .decode_strict(bytes, true)
            .map_err(|read| undecodable(file, &read))?;
        (text, Encoding::Gb18030)
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(binary(
            "binary data (one character in twenty is a control character)",
        ));
    }
    Ok((text, encoding))
}

/// The refusal of a text that cannot be read, at the end of `read`: the characters read before.
fn undecodable(file: &str, read: &str) -> DraftError {
    let line = read.matches('\n').count() + 1;
    let column = read.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    DraftError::Undecodable {
        file: file.to_owned(),
        line,
        column,
    }
}
