//! Plain text: the file's characters, with Windows line ends as `\n` (the reader's line breaks).

use super::{Raw, Reader};
use crate::draft::DraftError;

pub(super) struct Text;

pub(super) const READER: Text = Text;

impl Reader for Text {
    fn expected(&self) -> &'static str {
        "the report as plain text (UTF-8, GB18030/GBK or UTF-16)"
    }

    fn detect(&self, _: &Raw) -> bool {
        true
    }

    fn read(&self, raw: &Raw) -> Result<String, DraftError> {
        Ok(raw.decoded()?.0.replace("\r\n", "\n"))
    }

    fn origin(&self) -> Option<&'static str> {
        None
    }
}
