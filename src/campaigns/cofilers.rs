//! A co-filer list being imported, as the mapping page sees it: the
//! columns, a few rows, the fields each column can fill, and the problems
//! by row and column. Shared with the browser; `import.rs` reads the file
//! and makes the answers.

use serde::{Deserialize, Serialize};

use crate::i18n::Message;

/// The spreadsheet letter of a column (0 → `A`, 26 → `AA`).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A problem with one cell or row: that row's documents are not made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellProblem {
    /// The row in the sheet (the header is row 1).
    pub line: u64,
    /// The column's header and letter (`B`), when one cell is at fault.
    pub column: Option<String>,
    /// Worded where it is shown; its `Display` is English.
    pub message: Message,
}

impl std::fmt::Display for CellProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}", self.line)?;
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Where one answer of one template comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldSource {
    /// The template the field belongs to.
    pub template: String,
    /// `field` or `field.part` (`holding_value.amount`).
    pub target: String,
    /// The column's index in the table.
    pub column: usize,
}

/// A field a column can fill, as the mapping form offers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub template: String,
    pub target: String,
    pub label: String,
    pub required: bool,
    /// The column proposed from the headers, if one matches.
    pub proposed: Option<usize>,
}

/// The mapping the user confirms: which column names each co-filer, the
/// templates each co-filer gets a document from, and where each answer comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    pub name_column: usize,
    pub templates: Vec<String>,
    pub sources: Vec<FieldSource>,
}

/// A template co-filers' documents can be made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateChoice {
    pub id: String,
    pub title: String,
    pub kind: String,
    /// Offered ticked: co-filer letters and ownership-proof requests.
    pub proposed: bool,
    pub targets: Vec<Target>,
}

/// The mapping page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportView {
    pub campaign: i64,
    pub campaign_name: String,
    pub file_name: String,
    pub headers: Vec<String>,
    /// The first rows, to recognise the columns by.
    pub sample: Vec<Vec<String>>,
    pub rows: usize,
    pub templates: Vec<TemplateChoice>,
    /// The column proposed to name each co-filer.
    pub name_column: Option<usize>,
    /// When the list's documents were made (an import is used once).
    pub used_at: Option<String>,
}

/// What a mapping gives: documents ready to be made, and the rows that
/// cannot be, by row and column. `created` is set once they are made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportCheck {
    pub cofilers: usize,
    pub documents: usize,
    pub problems: Vec<CellProblem>,
    pub created: Option<usize>,
}
