//! A problem at a place in a template file, printed the way editors and CI
//! systems read it: `FILE:LINE:COLUMN: message`.

use std::fmt;

use crate::i18n::{msg, Message};

/// Lines and columns are 1-based and counted in the whole file, front matter
/// included; columns count characters, not bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong, worded where it is shown (`Display`: English).
    pub message: Message,
}

impl Diagnostic {
    /// The problem with its place: "template:3:1: …" in any language.
    pub fn located(&self) -> Message {
        msg!(
            "lint-at",
            file = self.file.as_str(),
            line = self.line,
            column = self.column,
            problem = self.message.clone()
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

pub use crate::text::line_and_column;
