//! A monitoring table's text encoding. Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK and
//! "Unicode 文本" in UTF-16 with tabs, and many bureaus' exports are GBK: a record names the encoding
//! when it is not UTF-8, and its file is decoded to UTF-8 as it streams. A byte-order mark is
//! read whatever the record says, so a UTF-16 file needs no name.

use std::io::{BufRead, BufReader, Read};

/// The encodings a table may be written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextEncoding {
    #[default]
    Utf8,
    /// GB18030, which reads GBK and GB2312 too (they are its subsets).
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl TextEncoding {
    /// The names a record may write (case and `-`/`_` aside): UTF-8, GB18030, GBK, GB2312, CP936,
    /// UTF-16 (little-endian, as Windows writes it), UTF-16LE, UTF-16BE.
    pub fn parse(name: &str) -> Option<Self> {
        let key: String = name
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect::<String>()
            .to_ascii_lowercase();
        match key.as_str() {
            "utf8" => Some(Self::Utf8),
            "gb18030" | "gbk" | "gb2312" | "cp936" => Some(Self::Gb18030),
            "utf16" | "utf16le" | "ucs2" => Some(Self::Utf16Le),
            "utf16be" => Some(Self::Utf16Be),
            _ => None,
        }
    }

    /// The name a data file writes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Gb18030 => "GB18030",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
        }
    }

    fn encoding(self) -> Option<&'static encoding_rs::Encoding> {
        match self {
            Self::Utf8 => None,
            Self::Gb18030 => Some(encoding_rs::GB18030),
            Self::Utf16Le => Some(encoding_rs::UTF_16LE),
            Self::Utf16Be => Some(encoding_rs::UTF_16BE),
        }
    }

    /// `file`'s text as UTF-8. UTF-8 bytes pass through unchanged (a line that is not UTF-8 is the
    /// reader's to name); a byte-order mark decides over `self`; bytes that are not `self`'s
    /// text become U+FFFD, which no number or time reads as, so the reader names them.
    pub fn reader<R: Read + 'static>(self, file: R) -> Box<dyn BufRead> {
        let mut file = BufReader::with_capacity(1 << 20, file);
        let mark = file
            .fill_buf()
            .is_ok_and(|b| b.starts_with(b"\xFF\xFE") || b.starts_with(b"\xFE\xFF"));
        // The usual case, UTF-8, is read with no copy through a decoder.
        if self == Self::Utf8 && !mark {
            return Box::new(file);
        }
        let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(self.encoding())
            .bom_override(true)
            .strip_bom(true)
            .utf8_passthru(true)
            .build(file);
        Box::new(BufReader::with_capacity(1 << 20, decoded))
    }

    /// `bytes` (with no byte-order mark) as text, or the text read before the first bytes that are
    /// not `self`'s; `last: false` when more bytes follow (a character cut at the end is kept for
    /// them, not refused).
    pub fn decode_strict(self, bytes: &[u8], last: bool) -> Result<String, String> {
        let Some(encoding) = self.encoding() else {
            return match std::str::from_utf8(bytes) {
                Ok(text) => Ok(text.to_owned()),
                Err(e) if !last && e.error_len().is_none() => {
                    Ok(String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned())
                }
                Err(e) => Err(String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned()),
            };
        };
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut text = String::with_capacity(
            decoder
                .max_utf8_buffer_length_without_replacement(bytes.len())
                .unwrap_or(bytes.len() * 3),
        );
        let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut text, last);
        match result {
            encoding_rs::DecoderResult::InputEmpty => Ok(text),
            // Malformed: the text read so far ends where it fails. (OutputFull cannot happen with
            // the capacity asked for above.)
            _ => Err(text),
        }
    }

    /// How `head` (a file's first bytes, perhaps cut inside a character) is encoded, and its text:
    /// by its byte-order mark, else UTF-8 when it reads as UTF-8, else GB18030 when it reads as
    /// that; `None` when it is neither (not text, or an encoding planboard does not read).
    pub fn sniff(head: &[u8]) -> Option<(Self, String)> {
        // `last: false`: a character cut at the end of the head is not an error.
        let decode = |enc: Self, bytes: &[u8]| enc.decode_strict(bytes, false).ok();
        if let Some(rest) = head.strip_prefix(b"\xEF\xBB\xBF") {
            return decode(Self::Utf8, rest).map(|t| (Self::Utf8, t));
        }
        for (mark, enc) in [
            (&b"\xFF\xFE"[..], Self::Utf16Le),
            (b"\xFE\xFF", Self::Utf16Be),
        ] {
            if let Some(rest) = head.strip_prefix(mark) {
                return decode(enc, rest).map(|t| (enc, t));
            }
        }
        // NUL bytes are no table's text (UTF-16 without its mark is not read).
        if head.contains(&0) {
            return None;
        }
        if let Some(text) = decode(Self::Utf8, head) {
            return Some((Self::Utf8, text));
        }
        // UTF-8 with a stray byte (a Latin-1 é in a note) is still UTF-8: GB18030 would read its
        // Chinese as other characters. GBK's pairs seldom make UTF-8's three-byte characters.
        let (chinese, bad) = utf8_counts(head);
        if chinese > bad {
            return Some((Self::Utf8, String::from_utf8_lossy(head).into_owned()));
        }
        decode(Self::Gb18030, head).map(|t| (Self::Gb18030, t))
    }
}

/// How many three-byte UTF-8 characters (Chinese among them) `bytes` hold, and how many bytes
/// are no UTF-8.
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    bytes.utf8_chunks().fold((0, 0), |(good, bad), chunk| {
        let three = chunk.valid().chars().filter(|c| c.len_utf8() == 3).count();
        (good + three, bad + chunk.invalid().len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(enc: TextEncoding, bytes: &'static [u8]) -> String {
        let mut text = String::new();
        enc.reader(bytes)
            .read_to_string(&mut text)
            .map_or_else(|e| e.to_string(), |_| text)
    }

    #[test]
    fn names_are_read_as_people_write_them() {
        for name in ["GBK", "gb2312", "GB-18030", "cp936"] {
            assert_eq!(
                TextEncoding::parse(name),
                Some(TextEncoding::Gb18030),
                "{name}"
            );
        }
        assert_eq!(TextEncoding::parse("utf_16"), Some(TextEncoding::Utf16Le));
        assert_eq!(TextEncoding::parse("UTF-8"), Some(TextEncoding::Utf8));
        assert_eq!(TextEncoding::parse("Big5"), None);
        for enc in [
            TextEncoding::Utf8,
            TextEncoding::Gb18030,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
        ] {
            assert_eq!(TextEncoding::parse(enc.name()), Some(enc));
        }
    }

    #[test]
    fn gbk_text_streams_as_utf8_and_a_mark_decides_over_the_name() {
        // 时间,龙岗 in GBK.
        let gbk: &[u8] = b"\xca\xb1\xbc\xe4,\xc1\xfa\xb8\xda\n";
        assert_eq!(read_all(TextEncoding::Gb18030, gbk), "时间,龙岗\n");
        // "a,1" in UTF-16LE with its mark, though the record says GB18030.
        let utf16: &[u8] = b"\xff\xfea\x00,\x001\x00";
        assert_eq!(read_all(TextEncoding::Gb18030, utf16), "a,1");
        assert_eq!(read_all(TextEncoding::Utf8, utf16), "a,1");
        // UTF-8 passes through as it is, even where it is not UTF-8.
        let mut raw = Vec::new();
        TextEncoding::Utf8
            .reader(&b"a\xff"[..])
            .read_to_end(&mut raw)
            .unwrap_or_default();
        assert_eq!(raw, b"a\xff");
    }

    #[test]
    fn a_head_is_sniffed_even_cut_inside_a_character() {
        let gbk: &[u8] = b"\xca\xb1\xbc\xe4,\xc1\xfa\xb8";
        assert_eq!(
            TextEncoding::sniff(gbk),
            Some((TextEncoding::Gb18030, "时间,龙".to_owned()))
        );
        let utf8 = "时间,龙岗".as_bytes();
        assert_eq!(
            TextEncoding::sniff(&utf8[..utf8.len() - 1]),
            Some((TextEncoding::Utf8, "时间,龙".to_owned()))
        );
        assert_eq!(
            TextEncoding::sniff(b"\xff\xfe\x36\x65"),
            Some((TextEncoding::Utf16Le, "\u{6536}".to_owned()))
        );
        assert_eq!(TextEncoding::sniff(b"PK\x03\x04\x00\x00"), None);
        // A Latin-1 é in a UTF-8 file's note: still UTF-8, the é shown as not read.
        let mut bytes = "日期,温度,备注\n2024-01-01,3,caf".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xe9\n");
        let (enc, text) = TextEncoding::sniff(&bytes).unwrap_or_default();
        assert_eq!(enc, TextEncoding::Utf8);
        assert!(text.starts_with("日期,温度,备注"), "{text}");
    }
}
