//! Importing sources from reference managers: CSL-JSON and BibTeX (or
//! BibLaTeX) as Zotero exports them. Imported sources have no claims yet;
//! drafters add claims in the library page.

use biblatex::{
    Bibliography, ChunksExt, DateValue, Entry, ParseErrorKind, PermissiveType, RawBibliography,
};
use serde_json::Value;

use super::library::{Source, SourceType};
use crate::i18n::{msg, Message};

mod bibtex_links;

/// Why an import was refused; `Display` is the English of [`ImportError::message`].
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{}", self.message())]
pub enum ImportError {
    Json {
        line: usize,
        column: usize,
        message: Message,
    },
    Bibtex {
        line: usize,
        column: usize,
        message: Message,
    },
    Entry {
        entry: String,
        message: Message,
    },
    UnknownFormat,
}

impl ImportError {
    /// What is wrong and where, for whoever shows it.
    pub fn message(&self) -> Message {
        match self {
            ImportError::Json {
                line,
                column,
                message,
            } => msg!(
                "import-not-csl-json",
                line = *line,
                column = *column,
                problem = message.clone()
            ),
            ImportError::Bibtex {
                line,
                column,
                message,
            } => msg!(
                "import-bibtex-at",
                line = *line,
                column = *column,
                problem = message.clone()
            ),
            ImportError::Entry { entry, message } => msg!(
                "import-at-entry",
                entry = entry.as_str(),
                problem = message.clone()
            ),
            ImportError::UnknownFormat => msg!("import-unknown-format"),
        }
    }
}

/// A reader's own words (serde_json's, biblatex's), in English.
fn reader_says(detail: String) -> Message {
    msg!("import-reader-says", detail = detail)
}

/// Recognises the format by its first character and parses it.
pub fn detect_and_parse(text: &str) -> Result<(&'static str, Vec<Source>), ImportError> {
    match text.trim_start().chars().next() {
        Some('[' | '{') => Ok(("CSL-JSON", csl_json(text)?)),
        Some('@' | '%') => Ok(("BibTeX", bibtex(text)?)),
        _ => Err(ImportError::UnknownFormat),
    }
}

pub fn csl_json(text: &str) -> Result<Vec<Source>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        column: e.column(),
        message: reader_says(
            e.to_string()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_owned(),
        ),
    })?;
    let items = match value {
        Value::Array(items) => items,
        single @ Value::Object(_) => vec![single],
        _ => {
            return Err(ImportError::Json {
                line: 1,
                column: 1,
                message: msg!("import-not-a-list"),
            })
        }
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| csl_item(index, item))
        .collect()
}

fn csl_item(index: usize, item: &Value) -> Result<Source, ImportError> {
    let text = |key: &str| {
        item.get(key)
            .and_then(|v| match v {
                Value::String(s) => Some(s.trim().to_owned()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
    };
    let raw_id = text("id").unwrap_or_else(|| format!("item-{}", index + 1));
    let title = text("title").ok_or_else(|| ImportError::Entry {
        entry: raw_id.clone(),
        message: msg!("import-no-title"),
    })?;
    let authors = item
        .get("author")
        .and_then(Value::as_array)
        .map(|names| {
            names
                .iter()
                .filter_map(|name| {
                    let part = |k: &str| name.get(k).and_then(Value::as_str).map(str::trim);
                    match (part("family"), part("given"), part("literal")) {
                        (Some(family), Some(given), _) => Some(format!("{family}, {given}")),
                        (Some(family), None, _) => Some(family.to_owned()),
                        (None, _, Some(literal)) => Some(literal.to_owned()),
                        _ => None,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let date = item.get("issued").and_then(csl_date);
    let source_type = match text("type").as_deref() {
        Some("article-newspaper" | "article-magazine" | "article") => SourceType::NewsArticle,
        Some("report" | "article-journal" | "book" | "chapter" | "thesis") => SourceType::Report,
        Some("post-weblog" | "post") => SourceType::BlogPost,
        Some("legislation" | "legal_case" | "bill" | "regulation" | "treaty") => {
            SourceType::LegalText
        }
        _ => SourceType::WebPage,
    };
    Ok(Source {
        id: safe_id(&raw_id),
        source_type,
        title,
        title_en: None,
        authors,
        publisher: text("publisher"),
        container: text("container-title"),
        number: text("number"),
        place: text("publisher-place"),
        date,
        url: text("URL"),
        language: text("language").map(|l| language_tag(&l)),
        tags: text("keyword").map(keyword_tags).unwrap_or_default(),
        claims: Vec::new(),
        provenance: Some(format!("Imported from CSL-JSON item `{raw_id}`")),
    })
}

/// `{"date-parts": [[2025, 10, 3]]}` → `2025-10-03`.
fn csl_date(issued: &Value) -> Option<String> {
    let parts = issued.get("date-parts")?.get(0)?.as_array()?;
    let number = |i: usize| {
        parts.get(i).and_then(|p| {
            p.as_i64()
                .or_else(|| p.as_str().and_then(|s| s.parse().ok()))
        })
    };
    match (number(0), number(1), number(2)) {
        (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
        (Some(y), None, _) => Some(format!("{y:04}")),
        _ => None,
    }
}

/// BibTeX or BibLaTeX, read by the `biblatex` crate (the reader hayagriva
/// uses): LaTeX accents and commands become letters, `@string`
/// abbreviations, `#` concatenation, month names and `date`/`year`/`month`/
/// `day` fields are understood as a typesetter understands them.
pub fn bibtex(text: &str) -> Result<Vec<Source>, ImportError> {
    let at = |offset: usize, message: Message| {
        let (line, column) = crate::text::line_and_column(text, offset);
        ImportError::Bibtex {
            line,
            column,
            message,
        }
    };
    let reading = |error: biblatex::ParseError| {
        at(
            error.span.start,
            match error.kind {
                ParseErrorKind::UnexpectedEof => msg!("import-unclosed"),
                kind => reader_says(kind.to_string()),
            },
        )
    };
    // The links are checked on the raw reading first: resolving a loop
    // would overflow the stack (see `bibtex_links`).
    let raw = RawBibliography::parse(text).map_err(reading)?;
    bibtex_links::check(&raw).map_err(|(offset, message)| at(offset, message))?;
    let bibliography = Bibliography::from_raw(raw).map_err(reading)?;
    bibliography.iter().map(bib_source).collect()
}

/// Tags from a reference manager's keyword list, comma- or semicolon-separated.
fn keyword_tags(keywords: String) -> Vec<String> {
    keywords
        .split([',', ';'])
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

fn bib_source(entry: &Entry) -> Result<Source, ImportError> {
    let text = |name: &str| {
        entry
            .get(name)
            .map(|chunks| chunks.format_verbatim())
            .map(|value| value.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|value| !value.is_empty())
    };
    let title = text("title").ok_or_else(|| ImportError::Entry {
        entry: entry.key.clone(),
        message: msg!("import-no-title"),
    })?;
    let kind = entry.entry_type.to_string().to_lowercase();
    let source_type = match kind.as_str() {
        "article" => SourceType::NewsArticle,
        "report" | "techreport" | "book" | "incollection" | "inproceedings" | "thesis"
        | "phdthesis" | "mastersthesis" => SourceType::Report,
        "legislation" | "legal" | "jurisdiction" | "law" => SourceType::LegalText,
        _ => SourceType::WebPage,
    };
    Ok(Source {
        id: safe_id(&entry.key),
        source_type,
        title,
        title_en: None,
        authors: entry
            .author()
            .map(|people| people.iter().map(person_name).collect())
            .unwrap_or_default(),
        publisher: text("publisher")
            .or_else(|| text("institution"))
            .or_else(|| text("organization")),
        container: text("journaltitle")
            .or_else(|| text("journal"))
            .or_else(|| text("booktitle")),
        number: text("number"),
        place: text("location").or_else(|| text("address")),
        date: bib_date(entry),
        url: text("url"),
        language: text("langid")
            .or_else(|| text("language"))
            .map(|l| language_tag(&l)),
        tags: text("keywords").map(keyword_tags).unwrap_or_default(),
        claims: Vec::new(),
        provenance: Some(format!("Imported from BibTeX entry `{}`", entry.key)),
    })
}

/// "Family, Given" (with a particle and suffix where given); an
/// organisation, written in braces, as it is.
fn person_name(person: &biblatex::Person) -> String {
    let family = [person.prefix.as_str(), person.name.as_str()]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut name = family;
    if !person.suffix.is_empty() {
        name = format!("{name}, {}", person.suffix);
    }
    if !person.given_name.is_empty() {
        name = format!("{name}, {}", person.given_name);
    }
    name
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the entry is: from
/// `date`, else from `year`, `month` and `day`. A range gives its start.
fn bib_date(entry: &Entry) -> Option<String> {
    let PermissiveType::Typed(date) = entry.date().ok()? else {
        return None;
    };
    let at = match date.value {
        DateValue::At(at) | DateValue::After(at) | DateValue::Before(at) => at,
        DateValue::Between(start, _) => start,
    };
    // biblatex counts months and days from zero.
    Some(match (at.month, at.day) {
        (Some(month), Some(day)) => format!("{:04}-{:02}-{:02}", at.year, month + 1, day + 1),
        (Some(month), None) => format!("{:04}-{:02}", at.year, month + 1),
        _ => format!("{:04}", at.year),
    })
}

/// `english` → `en`; a tag stays as it is.
fn language_tag(language: &str) -> String {
    match language.trim().to_lowercase().as_str() {
        "english" | "american" | "british" => "en".into(),
        "french" | "francais" | "français" => "fr".into(),
        "german" => "de".into(),
        "spanish" => "es".into(),
        _ => language.trim().to_owned(),
    }
}

/// A library id from a citation key or a Zotero item URI.
fn safe_id(raw: &str) -> String {
    let last = raw.trim_end_matches('/').rsplit('/').next().unwrap_or(raw);
    let id: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let id = id.trim_matches('-').to_owned();
    if id.is_empty() {
        "imported".to_owned()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zotero_csl_json_becomes_sources() {
        let text = r#"[{"id":"http://zotero.org/users/local/x/items/ABCD1234","type":"report",
            "title":"Shareholder Proposal Review","publisher":"Example Institute",
            "author":[{"family":"Doe","given":"Jane"},{"literal":"Rights Watch"}],
            "issued":{"date-parts":[["2025",10,3]]},"URL":"https://example.org/r","language":"fr-FR"}]"#;
        let (format, sources) = detect_and_parse(text).unwrap();
        assert_eq!(format, "CSL-JSON");
        let s = &sources[0];
        assert_eq!(s.id, "ABCD1234");
        assert_eq!(s.source_type, SourceType::Report);
        assert_eq!(s.authors, vec!["Doe, Jane", "Rights Watch"]);
        assert_eq!(s.date.as_deref(), Some("2025-10-03"));
        assert_eq!(s.url.as_deref(), Some("https://example.org/r"));
        assert_eq!(s.language.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn zotero_bibtex_becomes_sources() {
        let text = "% exported\n@report{doe_review_2025,\n\ttitle = {The {Cloud} Contracts Review},\n\tinstitution = {Soci{\\'e}t{\\'e} Example},\n\tauthor = {Doe, Jane and Roe, Richard},\n\tyear = {2025},\n\tmonth = oct,\n\turl = {https://example.org/r},\n\tlangid = {english},\n\tkeywords = {cloud, conflict},\n}\n@comment{jabref-meta: x}\n@online{site, title = \"A \" # \"Page\", date = {2024-05-01}}\n";
        let sources = bibtex(text).unwrap();
        assert_eq!(sources.len(), 2);
        let r = &sources[0];
        assert_eq!(r.id, "doe_review_2025");
        assert_eq!(r.title, "The Cloud Contracts Review");
        assert_eq!(r.publisher.as_deref(), Some("Société Example"));
        assert_eq!(r.authors, vec!["Doe, Jane", "Roe, Richard"]);
        assert_eq!(r.date.as_deref(), Some("2025-10"));
        assert_eq!(r.language.as_deref(), Some("en"));
        assert_eq!(r.tags, vec!["cloud", "conflict"]);
        assert_eq!(sources[1].title, "A Page");
        assert_eq!(sources[1].source_type, SourceType::WebPage);
    }

    #[test]
    fn latex_accents_and_names_come_out_as_letters() {
        // A Zotero export of French and Turkish names, and a press release
        // whose `type` is a phrase.
        let text = r#"@report{muller_2025,
  title = {Rapport sur les contrats},
  author = {M{\"u}ller, J{\'e}r{\^o}me and {\c{C}}elik, Ay{\c s}e and Fran{\c{c}}ois, Marie and {Rights Watch}},
  type = {Communiqué de presse},
  date = {2025-03-14},
  institution = {Soci{\'e}t{\'e} G{\'e}n{\'e}rale des {\'E}tudes},
}
@online{page, title = {Fen{\^e}tre}, year = 2024, month = feb, day = 9}"#;
        let sources = bibtex(text).unwrap();
        let report = &sources[0];
        assert_eq!(
            report.authors,
            [
                "Müller, Jérôme",
                "Çelik, Ayşe",
                "François, Marie",
                "Rights Watch"
            ]
        );
        assert_eq!(report.date.as_deref(), Some("2025-03-14"));
        assert_eq!(report.source_type, SourceType::Report);
        assert_eq!(
            report.publisher.as_deref(),
            Some("Société Générale des Études")
        );
        assert_eq!(sources[1].title, "Fenêtre");
        assert_eq!(sources[1].date.as_deref(), Some("2024-02-09"));
    }

    #[test]
    fn bad_input_says_where() {
        let err = csl_json("[{\"id\": \"a\",\n \"title\": }]")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 2, column 11:"), "{err}");
        let err = bibtex("@report{a,\n title = {Open\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 3, column 1: BibTeX:"), "{err}");
        assert!(err.contains("not closed"), "{err}");
        let err = bibtex("@report{a, url = {x}}").unwrap_err().to_string();
        assert_eq!(err, "entry `a`: has no title");
        assert_eq!(detect_and_parse("hello"), Err(ImportError::UnknownFormat));
    }
}
