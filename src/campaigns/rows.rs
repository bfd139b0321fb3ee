//! One document's answers per row of a CSV file: the header names field ids
//! (dotted for a part of a field, `company.name`, `holding_value.amount`),
//! each cell is read as its field's type and laid over the shared answers.

use serde_json::{Map, Value};

use crate::compose::{Field, FieldType, Template};
use crate::i18n::{msg, Message};

/// A problem with the file as a whole (its header, its encoding): nothing
/// is rendered.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{file}:{line}:{column}: {message}")]
pub struct RowsError {
    pub file: String,
    pub line: u64,
    pub column: usize,
    pub message: String,
}

/// A problem with one row: that row's documents are left out, the others go on.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// 1 for the first row under the header.
    pub row: usize,
    /// The line of the file the row starts on.
    pub line: u64,
    /// The field, when the problem is one cell's or one answer's.
    pub field: Option<String>,
    pub message: Message,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {} (line {})", self.row, self.line)?;
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A column: the field it fills and, for a dotted header, the part.
#[derive(Debug, Clone, PartialEq)]
struct Column {
    header: String,
    field: String,
    part: Option<String>,
    field_type: FieldType,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub line: u64,
    cells: Vec<String>,
}

/// The rows of a file, their columns checked against a template's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// The parts a field of each type has.
pub(crate) fn parts_of(field_type: FieldType) -> &'static [&'static str] {
    match field_type {
        FieldType::Company => &["name", "ticker", "address", "secretary"],
        FieldType::Money => &["amount", "currency"],
        _ => &[],
    }
}

impl Rows {
    /// Reads `text` (CSV, UTF-8, a header line first), refusing a header
    /// that names no field of `template` or a part its field lacks.
    pub fn read(template: &Template, text: &str, file: &str) -> Result<Rows, RowsError> {
        let error = |line: u64, column: usize, message: String| RowsError {
            file: file.to_owned(),
            line,
            column,
            message,
        };
        if let Some((line, column, c)) = crate::text::accepted::first_forbidden(text) {
            return Err(error(
                line as u64,
                column,
                crate::text::accepted::describe(c).to_string(),
            ));
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| error(1, 1, e.to_string()))?
            .clone();
        let fields = &template.front.fields;
        let mut columns = Vec::with_capacity(headers.len());
        for (index, header) in headers.iter().enumerate() {
            let header = header.trim();
            let (id, part) = match header.split_once('.') {
                Some((id, part)) => (id, Some(part)),
                None => (header, None),
            };
            let Some(field) = fields.iter().find(|f| f.id == id) else {
                let known: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
                return Err(error(
                    1,
                    index + 1,
                    format!(
                        "column `{header}` names no field of template `{}`; its fields are {}",
                        template.id(),
                        known.join(", ")
                    ),
                ));
            };
            if let Some(part) = part {
                let parts = parts_of(field.field_type);
                if !parts.contains(&part) {
                    return Err(error(
                        1,
                        index + 1,
                        if parts.is_empty() {
                            format!("column `{header}`: field `{id}` has no parts")
                        } else {
                            format!(
                                "column `{header}`: field `{id}` has the parts {}",
                                parts.join(", ")
                            )
                        },
                    ));
                }
            }
            if columns.iter().any(|c: &Column| c.header == header) {
                return Err(error(
                    1,
                    index + 1,
                    format!("column `{header}` appears twice"),
                ));
            }
            columns.push(Column {
                header: header.to_owned(),
                field: id.to_owned(),
                part: part.map(str::to_owned),
                field_type: field.field_type,
            });
        }
        let mut rows = Vec::new();
        for (index, record) in reader.records().enumerate() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                error(line, 1, e.to_string())
            })?;
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            rows.push(Row {
                number: index + 1,
                line,
                cells: record.iter().map(str::to_owned).collect(),
            });
        }
        Ok(Rows { columns, rows })
    }

    /// `shared` with `row`'s cells laid over it; an empty cell keeps the
    /// shared answer.
    pub fn answers(
        &self,
        template: &Template,
        shared: &Map<String, Value>,
        row: &Row,
    ) -> Result<Map<String, Value>, RowProblem> {
        let mut answers = shared.clone();
        for (column, cell) in self.columns.iter().zip(&row.cells) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let problem = |message: Message| RowProblem {
                row: row.number,
                line: row.line,
                field: Some(column.header.clone()),
                message,
            };
            let field = template.front.fields.iter().find(|f| f.id == column.field);
            let value = match &column.part {
                Some(part) => part_value(column.field_type, part, cell).map_err(problem)?,
                None => cell_value(field, column.field_type, cell).map_err(problem)?,
            };
            match &column.part {
                Some(part) => {
                    let entry = answers
                        .entry(column.field.clone())
                        .or_insert_with(|| Value::Object(Map::new()));
                    if !entry.is_object() {
                        *entry = Value::Object(Map::new());
                    }
                    if let Value::Object(parts) = entry {
                        parts.insert(part.clone(), value);
                    }
                }
                None => {
                    answers.insert(column.field.clone(), value);
                }
            }
        }
        Ok(answers)
    }
}

/// A whole field's answer from its cell: JSON when it starts with `[` or
/// `{`, else read as the field's type.
pub(crate) fn cell_value(
    field: Option<&Field>,
    field_type: FieldType,
    cell: &str,
) -> Result<Value, Message> {
    if cell.starts_with('[') || cell.starts_with('{') {
        return serde_json::from_str(cell).map_err(|e| {
            msg!(
                "campaigns-import-not-json",
                cell = cell,
                detail = e.to_string()
            )
        });
    }
    match field_type {
        FieldType::Number => number(cell),
        FieldType::Boolean => match cell.to_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "oui" => Ok(Value::Bool(true)),
            "false" | "no" | "n" | "0" | "non" => Ok(Value::Bool(false)),
            _ => Err(msg!("campaigns-import-not-yes-no", cell = cell)),
        },
        FieldType::Money => {
            let currency = field.and_then(|f| f.currency.clone());
            let mut amount = cell;
            let mut named = None;
            for word in cell.split_whitespace() {
                if word.len() == 3 && word.chars().all(|c| c.is_ascii_uppercase()) {
                    named = Some(word.to_owned());
                    amount = cell.trim_start_matches(word).trim_end_matches(word).trim();
                }
            }
            let mut money = Map::new();
            money.insert("amount".into(), number(amount)?);
            if let Some(currency) = named.or(currency) {
                money.insert("currency".into(), Value::String(currency));
            }
            Ok(Value::Object(money))
        }
        FieldType::Company => {
            let mut company = Map::new();
            company.insert("name".into(), Value::String(cell.to_owned()));
            Ok(Value::Object(company))
        }
        // One item per line of the cell (a quoted cell may span lines).
        FieldType::List | FieldType::EvidenceList => Ok(Value::Array(
            cell.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Value::String(l.to_owned()))
                .collect(),
        )),
        FieldType::Text | FieldType::LongText | FieldType::Date | FieldType::Choice => {
            Ok(Value::String(cell.to_owned()))
        }
    }
}

pub(crate) fn part_value(field_type: FieldType, part: &str, cell: &str) -> Result<Value, Message> {
    match (field_type, part) {
        (FieldType::Money, "amount") => number(cell),
        _ => Ok(Value::String(cell.to_owned())),
    }
}

/// A number as written in a spreadsheet: `1200`, `1,200`, `1 200.50`.
fn number(cell: &str) -> Result<Value, Message> {
    let plain: String = cell
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    if let Ok(n) = plain.parse::<i64>() {
        return Ok(Value::from(n));
    }
    plain
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .ok_or_else(|| msg!("campaigns-import-not-a-number", cell = cell))
}
