//! A file's bytes as characters, for the formats that are text (plain text, HTML, later CSV):
//! UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or GB18030/GBK as many
//! government sites still serve. Bytes that are no text at all (a PDF, an image, an archive) are
//! refused here with what they look like, so the message says what to do instead.

use crate::draft::DraftError;

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
        match std::str::from_utf8(rest) {
            Ok(text) => (text.to_owned(), Encoding::Utf8),
            // A byte-order mark says UTF-8: where it fails is where to look.
            Err(err) => {
                let read = std::str::from_utf8(&rest[..err.valid_up_to()]).unwrap_or_default();
                return Err(undecodable(file, read));
            }
        }
    } else if let Some(utf16) = [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ]
    .into_iter()
    .find_map(|(mark, enc)| bytes.starts_with(mark).then_some(enc))
    {
        let (text, _, bad) = utf16.decode(bytes);
        if bad {
            let read = text.split('\u{FFFD}').next().unwrap_or_default();
            return Err(undecodable(file, read));
        }
        (text.into_owned(), Encoding::Utf16)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), Encoding::Utf8)
    } else {
        if bytes.contains(&0) {
            return Err(binary("binary data (it holds NUL bytes)"));
        }
        (gb18030(bytes, file)?, Encoding::Gb18030)
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

/// `bytes` as GB18030, or where they first fail to be.
fn gb18030(bytes: &[u8], file: &str) -> Result<String, DraftError> {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(text),
        // Malformed: the text read so far ends where it fails. (OutputFull cannot happen with the
        // capacity asked for above; were it to, the error names where reading stopped.)
        _ => Err(undecodable(file, &text)),
    }
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
