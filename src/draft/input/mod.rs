//! A report as it comes in: one of a list of formats, each read by its own file, behind one type.
//!
//! [`read`] is the one entry point: it finds the file's [`Format`] and returns the report's text
//! with what it came from ([`ReportText`]). The command line, the summary and the messages ask the
//! format, so none of them changes when a format is added.
//!
//! A new format (CSV, a spreadsheet) is one file here implementing [`Reader`] and one line in
//! [`formats!`] below: its place in the list is the order formats are tried in.

use std::cell::OnceCell;

use super::DraftError;

mod encoding;

pub use encoding::Encoding;

/// The most a report may hold: a year's report is well under 1 MB; a 64 MB file is something else.
pub const MAX_REPORT_BYTES: u64 = 64 * 1024 * 1024;

/// What one format does. Each format is a unit struct in its own file, reached through
/// [`Format`], so adding one touches no other code.
trait Reader {
    /// The format as a message names what is expected: "an HTML page saved from a browser".
    fn expected(&self) -> &'static str;
    /// Whether the file is in this format. Formats are asked in the order of [`Format::ALL`];
    /// plain text, the last, takes any text.
    fn detect(&self, raw: &Raw) -> bool;
    /// The report's text.
    fn read(&self, raw: &Raw) -> Result<String, DraftError>;
    /// How the summary names the text after its encoding ("article of an HTML page"), when the
    /// text is not simply the file's.
    fn origin(&self) -> Option<&'static str>;
}

/// Declares the formats: the modules, the [`Format`] enum, the order they are tried in and the
/// one match that reaches each format's [`Reader`]. One line a format.
macro_rules! formats {
    ($($(#[$doc:meta])* $variant:ident => $module:ident,)+) => {
        $(mod $module;)+

        /// A format a report may come in.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Format {
            $($(#[$doc])* $variant,)+
        }

        impl Format {
            /// Every format, in the order they are tried.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            fn reader(self) -> &'static dyn Reader {
                match self {
                    $(Self::$variant => &$module::READER,)+
                }
            }
        }
    };
}

formats! {
    /// A web page saved from a browser: its article, without menus, scripts and footers.
    Html => html,
    /// Plain text. Last, as it takes any text.
    Text => text,
}

impl Format {
    /// The format of a file: the first that claims it.
    fn detect(raw: &Raw) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|f| f.reader().detect(raw))
            .unwrap_or(Self::Text)
    }

    /// Every format, as a message says what a report may be.
    pub fn expected() -> String {
        Self::ALL
            .iter()
            .map(|f| f.reader().expected())
            .collect::<Vec<_>>()
            .join(", or ")
    }
}

/// A file's bytes as the formats see them: the bytes, and their characters, decoded once when a
/// format first asks (a spreadsheet never does).
pub struct Raw<'a> {
    bytes: &'a [u8],
    file: &'a str,
    chars: OnceCell<Result<(String, Encoding), DraftError>>,
}

impl<'a> Raw<'a> {
    fn new(bytes: &'a [u8], file: &'a str) -> Self {
        Self {
            bytes,
            file,
            chars: OnceCell::new(),
        }
    }

    /// The file's name, for messages.
    pub fn file(&self) -> &str {
        self.file
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        self.bytes
    }

    /// The file's characters and their encoding; the same refusal every time it is asked.
    pub fn decoded(&self) -> Result<(&str, Encoding), DraftError> {
        match self
            .chars
            .get_or_init(|| encoding::decode(self.bytes, self.file))
        {
            Ok((text, encoding)) => Ok((text.as_str(), *encoding)),
            Err(err) => Err(err.clone()),
        }
    }

    /// The encoding, when a format decoded the bytes as text.
    fn encoding(&self) -> Option<Encoding> {
        match self.chars.get() {
            Some(Ok((_, encoding))) => Some(*encoding),
            _ => None,
        }
    }
}

/// A report's text as the draft reads it, and what it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportText {
    pub text: String,
    pub format: Format,
    /// How the file's bytes were decoded, for the formats that are text.
    pub encoding: Option<Encoding>,
}

impl ReportText {
    /// Whether the text is the file's own characters, so a data file can name the file itself as
    /// the text its quotes are checked against; otherwise a UTF-8 copy is what they are checked
    /// against.
    pub fn is_the_file(&self) -> bool {
        self.format.reader().origin().is_none() && self.encoding == Some(Encoding::Utf8)
    }

    /// Where the text came from, as the summary says it: "UTF-8", "GB18030, article of an HTML
    /// page".
    pub fn origin(&self) -> String {
        let parts: Vec<&str> = self
            .encoding
            .map(Encoding::name)
            .into_iter()
            .chain(self.format.reader().origin())
            .collect();
        parts.join(", ")
    }
}

/// Read a report file's bytes in whichever format they are; `file` is for messages.
pub fn read(bytes: &[u8], file: &str) -> Result<ReportText, DraftError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DraftError::Empty {
            file: file.to_owned(),
        });
    }
    let raw = Raw::new(bytes, file);
    let format = Format::detect(&raw);
    let text = format.reader().read(&raw)?;
    Ok(ReportText {
        text,
        format,
        encoding: raw.encoding(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gbk_utf16_and_bom() {
        let text = "地区生产总值同比增长 3%";
        let got = read(text.as_bytes(), "a").map(|t| (t.encoding, t.format, t.is_the_file()));
        assert_eq!(got, Ok((Some(Encoding::Utf8), Format::Text, true)));
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let got = read(&gbk, "a");
        assert_eq!(got.as_ref().map(|t| t.text.as_str()), Ok(text));
        assert_eq!(got.as_ref().map(ReportText::is_the_file), Ok(false));
        assert_eq!(got.map(|t| t.encoding), Ok(Some(Encoding::Gb18030)));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(read(&bom, "a").map(|t| t.text), Ok(text.to_owned()));
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(read(&utf16, "a").map(|t| t.text), Ok(text.to_owned()));
        assert_eq!(
            read("a\r\nb".as_bytes(), "a").map(|t| t.text),
            Ok("a\nb".to_owned())
        );
    }

    #[test]
    fn html_is_its_own_format() {
        let body = "全年地区生产总值完成602.5亿元，同比增长5.5%，规模以上工业增加值增长13.9%。";
        let page = format!("<!DOCTYPE html><html><body><p>{body}</p></body></html>");
        let got = read(page.as_bytes(), "a.html");
        assert_eq!(got.as_ref().map(|t| t.format), Ok(Format::Html));
        assert_eq!(got.as_ref().map(|t| t.text.as_str()), Ok(body));
        assert_eq!(
            got.as_ref().map(ReportText::origin),
            Ok("UTF-8, article of an HTML page".to_owned())
        );
        assert_eq!(got.map(|t| t.is_the_file()), Ok(false));
    }

    #[test]
    fn bad_input_is_named() {
        assert!(matches!(read(b"", "a"), Err(DraftError::Empty { .. })));
        assert!(matches!(read(b" \n\t", "a"), Err(DraftError::Empty { .. })));
        assert!(matches!(
            read(b"%PDF-1.7 ...", "a"),
            Err(DraftError::Binary { .. })
        ));
        assert!(matches!(
            read(&[0x00, 0x01, 0xFF, 0xFE, 0x80], "a"),
            Err(DraftError::Binary { .. })
        ));
        // Bytes that are neither UTF-8 nor GB18030: where they fail.
        assert!(matches!(
            read(&[0x81, 0x20, 0x81, 0x20], "a"),
            Err(DraftError::Undecodable {
                line: 1,
                column: 1,
                ..
            })
        ));
        let (gbk, _, _) = encoding_rs::GBK.encode("第二行\n增长");
        let mut bad = gbk.into_owned();
        bad.extend_from_slice(&[0x81, 0x20]);
        let err = read(&bad, "r.txt").map_err(|e| e.to_string());
        assert!(err.is_err_and(|e| e.starts_with("r.txt:2:3: the text is neither")));
        assert!(matches!(
            read(b"<html><body><nav>Home</nav></body></html>", "a"),
            Err(DraftError::NoArticle { .. })
        ));
        // The message lists every format.
        let err = read(b"%PDF-1.7", "a").map_err(|e| e.to_string());
        assert!(err.is_err_and(|e| e.contains("HTML page") && e.contains("plain text")));
    }
}
