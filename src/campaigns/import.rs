//! Co-filers from a spreadsheet: a CSV or XLSX file read into a table of
//! text cells (`calamine` reads XLSX), a mapping from the templates' fields
//! to its columns that the user confirms (proposed from the headers), and
//! each row's answers for each template, with problems by row and column.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::campaign::{fill, Shared};
use super::cofilers::{CellProblem, FieldSource, Mapping, Target};
use super::rows::{cell_value, part_value, parts_of};
use crate::compose::{FieldType, Template};
use crate::i18n::{msg, Lang, Message};

/// The largest file accepted, and the most rows and columns read from it.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
pub const MAX_ROWS: usize = 2_000;
pub const MAX_COLUMNS: usize = 60;

/// A spreadsheet's first sheet (or a CSV file) as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// The row's number in the sheet or the line in the file, as the user's
    /// spreadsheet program shows it (the header is 1).
    pub line: u64,
    pub cells: Vec<String>,
}

/// A file that cannot be read as a table: nothing is imported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.words(Lang::En))]
pub struct TableError {
    pub file: String,
    pub message: Message,
}

impl TableError {
    /// The file's name and what is wrong with it, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        msg!(
            "campaigns-import-in-file",
            file = self.file.as_str(),
            problem = self.message.clone()
        )
        .words(lang)
    }
}

pub use super::cofilers::column_letter;

impl Table {
    /// Reads an upload: XLSX when the name says so or the bytes are a ZIP,
    /// else CSV in UTF-8 (a byte-order mark is skipped).
    pub fn read(file_name: &str, bytes: &[u8]) -> Result<Table, TableError> {
        let error = |message: Message| TableError {
            file: file_name.to_owned(),
            message,
        };
        if bytes.len() > MAX_FILE_BYTES {
            return Err(error(msg!(
                "campaigns-import-too-large",
                kib = bytes.len().div_ceil(1024),
                max = MAX_FILE_BYTES / 1024
            )));
        }
        let lower = file_name.to_lowercase();
        let table = if lower.ends_with(".xlsx") || bytes.starts_with(b"PK\x03\x04") {
            read_xlsx(bytes).map_err(error)?
        } else if lower.ends_with(".xls") || lower.ends_with(".ods") {
            return Err(error(msg!("campaigns-import-old-format")));
        } else {
            let text = std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
                .map_err(|e| {
                    error(msg!(
                        "campaigns-import-not-utf8",
                        byte = e.valid_up_to() + 1
                    ))
                })?;
            read_csv(text).map_err(error)?
        };
        table.checked().map_err(error)
    }

    /// Refuses an empty table, too many rows or columns, a blank or
    /// repeated header, and characters no document can hold.
    fn checked(mut self) -> Result<Table, Message> {
        if self.headers.iter().all(|h| h.trim().is_empty()) {
            return Err(msg!("campaigns-import-no-header"));
        }
        if self.headers.len() > MAX_COLUMNS {
            return Err(msg!(
                "campaigns-import-too-many-columns",
                count = self.headers.len(),
                max = MAX_COLUMNS
            ));
        }
        self.rows
            .retain(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
        if self.rows.is_empty() {
            return Err(msg!("campaigns-import-no-rows"));
        }
        if self.rows.len() > MAX_ROWS {
            return Err(msg!(
                "campaigns-import-too-many-rows",
                count = self.rows.len(),
                max = MAX_ROWS
            ));
        }
        for (index, header) in self.headers.iter_mut().enumerate() {
            *header = header.trim().to_owned();
            if header.is_empty() {
                *header = format!("Column {}", column_letter(index));
            }
        }
        for (index, header) in self.headers.iter().enumerate() {
            if self.headers[..index].contains(header) {
                return Err(msg!(
                    "campaigns-import-header-twice",
                    column = column_letter(index),
                    header = header.as_str()
                ));
            }
        }
        let width = self.headers.len();
        for row in &mut self.rows {
            row.cells.resize(width, String::new());
            for (index, cell) in row.cells.iter().enumerate() {
                if let Some((_, at, c)) = crate::text::accepted::first_forbidden(cell) {
                    return Err(msg!(
                        "campaigns-import-refused-character",
                        line = row.line,
                        column = column_letter(index),
                        at = at,
                        detail = crate::text::accepted::describe(c)
                    ));
                }
            }
        }
        Ok(self)
    }
}

/// A problem at a row of the file, or at one of its cells.
fn at_row(line: u64, problem: impl Into<crate::i18n::Arg>) -> Message {
    msg!("campaigns-import-at-row", line = line, problem = problem)
}

fn at_cell(line: u64, column: usize, problem: Message) -> Message {
    msg!(
        "campaigns-import-at-cell",
        line = line,
        column = column_letter(column),
        problem = problem
    )
}

fn read_csv(text: &str) -> Result<Table, Message> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| at_row(1, e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            at_row(line, e.to_string())
        })?;
        rows.push(TableRow {
            line: record.position().map_or(0, |p| p.line()),
            cells: record.iter().map(str::to_owned).collect(),
        });
        if rows.len() > MAX_ROWS {
            break;
        }
    }
    Ok(Table { headers, rows })
}

/// The most a workbook's part may hold once unpacked, and all its parts
/// together: a co-filer list is a few hundred kilobytes of XML.
const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// Checks what calamine would unpack before it does: it inflates parts
/// without a limit (1 MiB of ZIP can hold 1 GB of XML), and reserves room
/// for as many shared strings as the file claims to have (`uniqueCount`),
/// so a tiny file claiming a hundred billion would make it ask for
/// terabytes and end the process. Only each part's first bytes past the
/// limits are ever inflated here.
fn check_package(bytes: &[u8]) -> Result<(), Message> {
    use std::io::Read;
    let not_xlsx = |detail: String| msg!("campaigns-import-not-xlsx", detail = detail);
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_xlsx(e.to_string()))?;
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let part = archive
            .by_index(index)
            .map_err(|e| not_xlsx(e.to_string()))?;
        let name = part.name().to_owned();
        let mut content = Vec::new();
        let size = part
            .take(MAX_PART_BYTES + 1)
            .read_to_end(&mut content)
            .map_err(|e| not_xlsx(format!("{name}: {e}")))? as u64;
        unpacked += size;
        if size > MAX_PART_BYTES || unpacked > MAX_UNPACKED_BYTES {
            return Err(msg!(
                "campaigns-import-unpacks-too-large",
                part = name,
                max = MAX_PART_BYTES / (1024 * 1024)
            ));
        }
        if name.ends_with("sharedStrings.xml") {
            // Each string takes at least `<si></si>`, 9 bytes of the part.
            let claimed = shared_string_count(&content).unwrap_or(0);
            if claimed > size / 9 {
                return Err(not_xlsx(format!(
                    "{name} claims {claimed} strings in {size} bytes"
                )));
            }
        }
    }
    Ok(())
}

/// The `uniqueCount` the shared strings' root element declares.
fn shared_string_count(xml: &[u8]) -> Option<u64> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Start(element) | quick_xml::events::Event::Empty(element)
                if element.local_name().as_ref() == b"sst" =>
            {
                let count = element.try_get_attribute("uniqueCount").ok().flatten()?;
                return std::str::from_utf8(&count.value).ok()?.trim().parse().ok();
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, Message> {
    use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};
    check_package(bytes)?;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: XlsxError| msg!("campaigns-import-not-xlsx", detail = e.to_string()))?;
    let first = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| msg!("campaigns-import-no-sheet"))?;
    let unreadable =
        |e: XlsxError| msg!("campaigns-import-sheet-unreadable", detail = e.to_string());
    // The cells are streamed, not laid out as one rectangle: two cells
    // far apart (A1 and XFD1048576) would make a rectangle of 17 billion
    // cells, which no limit checked afterwards could stop. Only as many as
    // the limits allow are read.
    let mut reader = match workbook.worksheet_cells_reader(&first) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Err(msg!("campaigns-import-sheet-empty")),
        Err(e) => return Err(unreadable(e)),
    };
    let mut cells: Vec<((u32, u32), Data)> = Vec::new();
    let (mut first_column, mut last_column) = (u32::MAX, 0);
    let (mut rows, mut last_row) = (0, None);
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        // Cells come row by row. The header and one row past the limit are
        // kept, as for CSV, for `checked` to report; the rest is not read.
        if last_row != Some(row) {
            last_row = Some(row);
            rows += 1;
            if rows > MAX_ROWS + 2 {
                break;
            }
        }
        first_column = first_column.min(column);
        last_column = last_column.max(column);
        let width = (last_column - first_column) as usize + 1;
        if width > MAX_COLUMNS {
            return Err(msg!(
                "campaigns-import-too-many-columns",
                count = width,
                max = MAX_COLUMNS
            ));
        }
        cells.push(((row, column), Data::from(cell.get_value().clone())));
    }
    cells.sort_by_key(|(position, _)| *position);
    let width = if cells.is_empty() {
        0
    } else {
        (last_column - first_column) as usize + 1
    };
    let mut lines = Vec::<(u64, Vec<String>)>::new();
    for ((row, column), value) in cells {
        // Row numbers as the spreadsheet shows them.
        let line = u64::from(row) + 1;
        if lines.last().map(|(at, _)| *at) != Some(line) {
            lines.push((line, vec![String::new(); width]));
        }
        let index = (column - first_column) as usize;
        let text = cell_text(&value).map_err(|e| at_cell(line, index, e))?;
        if let Some((_, row)) = lines.last_mut() {
            row[index] = text;
        }
    }
    let mut lines = lines.into_iter();
    let Some((_, headers)) = lines.next() else {
        return Err(msg!("campaigns-import-sheet-empty"));
    };
    let rows = lines
        .map(|(line, cells)| TableRow { line, cells })
        .collect();
    return Ok(Table { headers, rows });

    /// A cell as text: whole numbers without `.0`, dates as YYYY-MM-DD.
    fn cell_text(cell: &Data) -> Result<String, Message> {
        Ok(match cell {
            Data::Empty => String::new(),
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Int(n) => n.to_string(),
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            Data::Float(f) => f.to_string(),
            Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
            Data::DateTime(when) => {
                let (year, month, day, ..) = when.to_ymd_hms_milli();
                format!("{year:04}-{month:02}-{day:02}")
            }
            Data::Error(e) => {
                return Err(msg!("campaigns-import-cell-error", detail = e.to_string()))
            }
        })
    }
}

/// Folds a header or name for matching: letters and digits, lower case.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The fields of `template` a co-filer's row may fill (those the campaign
/// does not already answer), each with the column whose header matches its
/// id, its label or its `field.part` name.
pub fn targets(template: &Template, campaign_fields: &[&str], headers: &[String]) -> Vec<Target> {
    let folded_headers: Vec<String> = headers.iter().map(|h| folded(h)).collect();
    let find = |names: &[String]| {
        folded_headers
            .iter()
            .position(|h| !h.is_empty() && names.iter().any(|n| folded(n) == *h))
    };
    let mut out = Vec::new();
    for field in &template.front.fields {
        if campaign_fields.contains(&field.id.as_str()) {
            continue;
        }
        let parts = parts_of(field.field_type);
        if parts.is_empty() || field.field_type == FieldType::Money {
            // Money takes a whole cell (`1,200 USD`); its parts stay available below.
            out.push(Target {
                template: template.id().to_owned(),
                target: field.id.clone(),
                label: field.label.clone(),
                required: field.required,
                proposed: find(&[field.id.clone(), field.label.clone()]),
            });
        }
        if field.field_type == FieldType::Company {
            for part in parts {
                let target = format!("{}.{part}", field.id);
                out.push(Target {
                    template: template.id().to_owned(),
                    label: format!("{} ({part})", field.label),
                    required: field.required && *part == "name",
                    proposed: find(std::slice::from_ref(&target)),
                    target,
                });
            }
        }
    }
    out
}

/// One row's answers for `template`: `base` (defaults and the campaign's
/// answers) with the mapped cells laid over it, each checked as its field
/// checks an answer. Every problem of the row is returned, by column.
pub fn row_answers(
    template: &Template,
    base: &Map<String, Value>,
    sources: &[FieldSource],
    headers: &[String],
    row: &TableRow,
) -> Result<Map<String, Value>, Vec<CellProblem>> {
    let mut answers = base.clone();
    let mut problems = Vec::new();
    for source in sources.iter().filter(|s| s.template == template.id()) {
        let (id, part) = match source.target.split_once('.') {
            Some((id, part)) => (id, Some(part)),
            None => (source.target.as_str(), None),
        };
        let Some(field) = template.front.fields.iter().find(|f| f.id == id) else {
            continue;
        };
        let cell = row.cells.get(source.column).map_or("", |c| c.trim());
        if cell.is_empty() {
            continue;
        }
        let column = Some(format!(
            "{} ({})",
            column_letter(source.column),
            headers.get(source.column).map_or("", String::as_str)
        ));
        let value = match part {
            Some(part) => part_value(field.field_type, part, cell).map(|value| {
                let mut whole = match answers.get(id) {
                    Some(Value::Object(parts)) => parts.clone(),
                    _ => Map::new(),
                };
                whole.insert(part.to_owned(), value);
                Value::Object(whole)
            }),
            None => cell_value(Some(field), field.field_type, cell),
        }
        .and_then(|value| field.normalize(&value).map(|_| value));
        match value {
            Ok(value) => {
                answers.insert(id.to_owned(), value);
            }
            Err(message) => problems.push(CellProblem {
                line: row.line,
                column,
                message: msg!(
                    "campaigns-import-field",
                    label = field.label.as_str(),
                    problem = message
                ),
            }),
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// The fields of `template` that the campaign's shared answers fill.
pub fn campaign_fields(template: &Template) -> Vec<&str> {
    super::campaign::SharedAnswer::ALL
        .into_iter()
        .filter_map(|answer| super::campaign::target_field(template, answer))
        .collect()
}

/// A document to be made for one co-filer.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// Index into the templates given to [`plan`].
    pub template: usize,
    pub cofiler: String,
    pub answers: Map<String, Value>,
}

/// What each row of `table` gives under `mapping`: for each row without
/// problems, one document per template (its defaults, then the campaign's
/// answers, then the row's). A mapping that names a column, template or
/// field that does not exist is refused whole.
pub fn plan(
    templates: &[&Template],
    shared: &Shared,
    table: &Table,
    mapping: &Mapping,
) -> Result<(Vec<Planned>, Vec<CellProblem>), Message> {
    let width = table.headers.len();
    if mapping.name_column >= width {
        return Err(msg!(
            "campaigns-import-name-column-missing",
            column = mapping.name_column + 1,
            count = width
        ));
    }
    if templates.is_empty() {
        return Err(msg!("campaigns-import-no-template"));
    }
    for source in &mapping.sources {
        let Some(template) = templates.iter().find(|t| t.id() == source.template) else {
            return Err(msg!(
                "campaigns-import-template-not-chosen",
                template = source.template.as_str()
            ));
        };
        if source.column >= width {
            return Err(msg!(
                "campaigns-import-column-missing",
                target = source.target.as_str(),
                column = source.column + 1,
                count = width
            ));
        }
        let id = source
            .target
            .split_once('.')
            .map_or(source.target.as_str(), |(id, _)| id);
        if !targets(template, &[], &table.headers)
            .iter()
            .any(|t| t.target == source.target)
            || campaign_fields(template).contains(&id)
        {
            return Err(msg!(
                "campaigns-import-no-such-target",
                template = source.template.as_str(),
                target = source.target.as_str()
            ));
        }
    }
    let bases: Vec<Map<String, Value>> = templates
        .iter()
        .map(|template| {
            let mut base = template.default_answers();
            fill(template, shared, &mut base);
            base
        })
        .collect();
    let mut planned = Vec::new();
    let mut problems = Vec::new();
    for row in &table.rows {
        let name = row.cells.get(mapping.name_column).map_or("", |c| c.trim());
        if name.is_empty() {
            problems.push(CellProblem {
                line: row.line,
                column: Some(format!(
                    "{} ({})",
                    column_letter(mapping.name_column),
                    table.headers[mapping.name_column]
                )),
                message: msg!("campaigns-import-name-empty"),
            });
            continue;
        }
        let mut documents = Vec::with_capacity(templates.len());
        let mut row_problems = Vec::new();
        for (index, template) in templates.iter().enumerate() {
            match row_answers(
                template,
                &bases[index],
                &mapping.sources,
                &table.headers,
                row,
            ) {
                Ok(answers) => documents.push(Planned {
                    template: index,
                    cofiler: name.to_owned(),
                    answers,
                }),
                Err(found) => row_problems.extend(found),
            }
        }
        if row_problems.is_empty() {
            planned.extend(documents);
        } else {
            row_problems.dedup();
            problems.extend(row_problems);
        }
    }
    Ok((planned, problems))
}

/// The mapping page of an uploaded list: the templates co-filers'
/// documents can come from (co-filer letters and ownership-proof requests
/// of the campaign's rules ticked), each with the fields a row can fill
/// and the columns proposed for them.
pub fn view(
    campaign: &super::campaign::Campaign,
    file_name: String,
    table: Table,
    used_at: Option<String>,
    templates: &[std::sync::Arc<Template>],
) -> super::cofilers::ImportView {
    use crate::compose::DocumentKind;
    let choices = templates
        .iter()
        .filter(|t| {
            matches!(
                t.front.kind,
                DocumentKind::CofilerLetter
                    | DocumentKind::OwnershipRequest
                    | DocumentKind::FilingLetter
            )
        })
        .map(|t| super::cofilers::TemplateChoice {
            id: t.id().to_owned(),
            title: t.front.title.clone(),
            kind: t.front.kind.as_str().to_owned(),
            proposed: t.front.kind != DocumentKind::FilingLetter
                && t.front.jurisdiction.as_deref() == Some(campaign.jurisdiction.as_str()),
            targets: targets(t, &campaign_fields(t), &table.headers),
        })
        .collect();
    let folded_headers: Vec<String> = table.headers.iter().map(|h| folded(h)).collect();
    let name_column = [
        "cofiler",
        "name",
        "shareholder",
        "accountholder",
        "investor",
    ]
    .iter()
    .find_map(|word| folded_headers.iter().position(|h| h.contains(word)))
    .or((!table.headers.is_empty()).then_some(0));
    super::cofilers::ImportView {
        campaign: campaign.id,
        campaign_name: campaign.name.clone(),
        file_name,
        sample: table.rows.iter().take(5).map(|r| r.cells.clone()).collect(),
        rows: table.rows.len(),
        headers: table.headers,
        templates: choices,
        name_column,
        used_at,
    }
}

/// A co-filer's document's title: its kind and the co-filer.
pub fn document_title(template: &Template, cofiler: &str) -> String {
    use crate::compose::DocumentKind;
    let kind = match template.front.kind {
        DocumentKind::CofilerLetter => "Co-filer letter",
        DocumentKind::OwnershipRequest => "Ownership proof request",
        DocumentKind::FilingLetter => "Filing letter",
        DocumentKind::Resolution => "Proposal",
        DocumentKind::EngagementLetter => "Engagement letter",
    };
    let name: String = cofiler.chars().take(150).collect();
    format!("{kind} — {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_spreadsheets() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn csv_is_read_with_its_line_numbers_and_blank_rows_dropped() {
        let table = Table::read(
            "cofilers.csv",
            "\u{feff}Name,Shares\nFirst Fund,100\n,\nSecond Fund,\"1,200\"\n".as_bytes(),
        )
        .expect("a table");
        assert_eq!(table.headers, vec!["Name", "Shares"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1].line, 4);
        assert_eq!(table.rows[1].cells, vec!["Second Fund", "1,200"]);
    }

    #[test]
    fn unreadable_files_say_why() {
        let error = Table::read("list.csv", b"Name\n\xff\xfe\n").unwrap_err();
        assert!(error.to_string().contains("not UTF-8"), "{error}");
        let error = Table::read("list.csv", b"Name,Name\nA,B\n").unwrap_err();
        assert!(error.to_string().contains("column B"), "{error}");
        let error = Table::read("list.csv", b"Name\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "list.csv: the sheet has a header row but no co-filer under it"
        );
        assert!(
            error.words(Lang::Fr).starts_with("list.csv\u{202f}: "),
            "{error:?}"
        );
        let error = Table::read("list.xlsx", b"PK\x03\x04 not really").unwrap_err();
        assert!(error.to_string().contains("XLSX"), "{error}");
    }

    #[test]
    fn a_bad_cell_is_reported_by_row_and_column() {
        let template = Template::parse(
            include_str!("../../templates/cofiler-authorisation.md"),
            "cofiler-authorisation.md",
        )
        .expect("parses");
        let headers = vec!["Name".to_owned(), "Shares".to_owned()];
        let sources = vec![
            FieldSource {
                template: template.id().to_owned(),
                target: "cofiler".into(),
                column: 0,
            },
            FieldSource {
                template: template.id().to_owned(),
                target: "shares".into(),
                column: 1,
            },
        ];
        let good = TableRow {
            line: 2,
            cells: vec!["First Fund".into(), "1,200".into()],
        };
        let answers =
            row_answers(&template, &Map::new(), &sources, &headers, &good).expect("answers");
        assert_eq!(answers["cofiler"], "First Fund");
        assert_eq!(answers["shares"], 1200);
        let bad = TableRow {
            line: 7,
            cells: vec!["Second Fund".into(), "many".into()],
        };
        let problems = row_answers(&template, &Map::new(), &sources, &headers, &bad).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 7);
        assert_eq!(problems[0].column.as_deref(), Some("B (Shares)"));
        assert_eq!(
            problems[0].to_string(),
            "row 7, column B (Shares): «Number of shares held»: `many` is not a number"
        );
        assert_eq!(
            problems[0].message.words(Lang::Fr),
            "«\u{202f}Number of shares held\u{202f}»\u{202f}: «\u{202f}many\u{202f}» n’est pas un nombre"
        );
    }

    #[test]
    fn columns_are_proposed_from_ids_and_labels() {
        let template = Template::parse(
            include_str!("../../templates/ownership-proof-request.md"),
            "ownership-proof-request.md",
        )
        .expect("parses");
        let headers = vec!["Account holder".to_owned(), "custodian_name".to_owned()];
        let targets = targets(&template, &["company"], &headers);
        let proposed = |id: &str| {
            targets
                .iter()
                .find(|t| t.target == id)
                .and_then(|t| t.proposed)
        };
        assert_eq!(proposed("custodian_name"), Some(1));
        assert!(targets.iter().all(|t| t.target != "company"));
        // "Account holder" is the label of `account_holder`, not its id.
        assert_eq!(proposed("account_holder"), Some(0));
    }
}
