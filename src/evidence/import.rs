//! Importing sources from reference managers: CSL-JSON and BibTeX (or
//! BibLaTeX) as Zotero exports them. Imported sources have no claims yet;
//! drafters add claims in the library page.

use serde_json::Value;

use super::library::{Source, SourceType};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    #[error("line {line}, column {column}: this is not valid CSL-JSON: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("line {line}: BibTeX: {message}")]
    Bibtex { line: usize, message: String },
    #[error("entry `{entry}`: {message}")]
    Entry { entry: String, message: String },
    #[error("nothing to import: paste a CSL-JSON array (starting with `[`) or BibTeX entries (starting with `@`)")]
    UnknownFormat,
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
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned(),
    })?;
    let items = match value {
        Value::Array(items) => items,
        single @ Value::Object(_) => vec![single],
        _ => {
            return Err(ImportError::Json {
                line: 1,
                column: 1,
                message: "expected a list of items".into(),
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
        message: "has no title".into(),
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
        tags: text("keyword")
            .map(|k| {
                k.split([',', ';'])
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
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

pub fn bibtex(text: &str) -> Result<Vec<Source>, ImportError> {
    let mut parser = Bib { text, at: 0 };
    let mut sources = Vec::new();
    while let Some(entry) = parser.next_entry()? {
        sources.push(bib_source(entry)?);
    }
    Ok(sources)
}

struct BibEntry {
    kind: String,
    key: String,
    fields: Vec<(String, String)>,
}

struct Bib<'a> {
    text: &'a str,
    at: usize,
}

impl Bib<'_> {
    fn line(&self) -> usize {
        self.text[..self.at].matches('\n').count() + 1
    }

    fn error(&self, message: impl Into<String>) -> ImportError {
        ImportError::Bibtex {
            line: self.line(),
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    fn word(&mut self) -> String {
        let start = self.at;
        while self.peek().is_some_and(|c| {
            !c.is_whitespace() && !matches!(c, '{' | '}' | '(' | ')' | ',' | '=' | '#' | '"')
        }) {
            self.bump();
        }
        self.text[start..self.at].to_owned()
    }

    fn next_entry(&mut self) -> Result<Option<BibEntry>, ImportError> {
        loop {
            let Some(offset) = self.text[self.at..].find('@') else {
                return Ok(None);
            };
            self.at += offset + 1;
            let kind = self.word().to_lowercase();
            self.skip_space();
            let close = match self.bump() {
                Some('{') => '}',
                Some('(') => ')',
                _ => return Err(self.error(format!("`@{kind}` must be followed by `{{`"))),
            };
            if matches!(kind.as_str(), "comment" | "preamble" | "string") {
                self.balanced_until(close)?;
                continue;
            }
            self.skip_space();
            let key = self.word();
            if key.is_empty() {
                return Err(self.error(format!("`@{kind}` has no citation key")));
            }
            let mut fields = Vec::new();
            loop {
                self.skip_space();
                match self.peek() {
                    Some(',') => {
                        self.bump();
                    }
                    Some(c) if c == close => {
                        self.bump();
                        break;
                    }
                    None => return Err(self.error(format!("entry `{key}` is not closed"))),
                    _ => {
                        let name = self.word().to_lowercase();
                        self.skip_space();
                        if name.is_empty() || self.bump() != Some('=') {
                            return Err(
                                self.error(format!("entry `{key}`: expected `name = {{value}}`"))
                            );
                        }
                        let value = self.value(&key)?;
                        fields.push((name, clean_latex(&value)));
                    }
                }
            }
            return Ok(Some(BibEntry { kind, key, fields }));
        }
    }

    /// A value: `{…}` with nested braces, `"…"`, or a bare word, joined by `#`.
    fn value(&mut self, key: &str) -> Result<String, ImportError> {
        let mut out = String::new();
        loop {
            self.skip_space();
            match self.peek() {
                Some('{') => {
                    self.bump();
                    out.push_str(&self.balanced_until('}')?);
                }
                Some('"') => {
                    self.bump();
                    let start = self.at;
                    let mut depth = 0;
                    loop {
                        match self.bump() {
                            Some('{') => depth += 1,
                            Some('}') => depth -= 1,
                            Some('"') if depth == 0 => break,
                            Some(_) => {}
                            None => {
                                return Err(self
                                    .error(format!("entry `{key}`: a quoted value is not closed")))
                            }
                        }
                    }
                    out.push_str(&self.text[start..self.at - 1]);
                }
                _ => {
                    let word = self.word();
                    out.push_str(&month_name(&word).unwrap_or(word));
                }
            }
            self.skip_space();
            if self.peek() == Some('#') {
                self.bump();
            } else {
                return Ok(out);
            }
        }
    }

    /// The text up to the matching `close`, which is consumed.
    fn balanced_until(&mut self, close: char) -> Result<String, ImportError> {
        let start = self.at;
        let open = if close == '}' { '{' } else { '(' };
        let mut depth = 0usize;
        loop {
            match self.bump() {
                Some(c) if c == open => depth += 1,
                Some(c) if c == close && depth == 0 => {
                    return Ok(self.text[start..self.at - 1].to_owned())
                }
                Some(c) if c == close => depth -= 1,
                Some(_) => {}
                None => return Err(self.error("a brace is not closed")),
            }
        }
    }
}

fn month_name(word: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS
        .iter()
        .position(|m| word.eq_ignore_ascii_case(m))
        .map(|i| format!("{:02}", i + 1))
}

fn bib_source(entry: BibEntry) -> Result<Source, ImportError> {
    let field = |name: &str| {
        entry
            .fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let title = field("title").ok_or_else(|| ImportError::Entry {
        entry: entry.key.clone(),
        message: "has no title".into(),
    })?;
    let date = field("date").or_else(|| {
        let year = field("year")?;
        Some(match field("month") {
            Some(month) if month.len() <= 2 && month.chars().all(|c| c.is_ascii_digit()) => {
                format!("{year}-{:0>2}", month)
            }
            _ => year,
        })
    });
    let source_type = match entry.kind.as_str() {
        "article" => SourceType::NewsArticle,
        "report" | "techreport" | "book" | "incollection" | "inproceedings" | "thesis"
        | "phdthesis" => SourceType::Report,
        "legislation" | "legal" | "jurisdiction" | "law" => SourceType::LegalText,
        _ => SourceType::WebPage,
    };
    Ok(Source {
        id: safe_id(&entry.key),
        source_type,
        title,
        title_en: None,
        authors: field("author")
            .map(|names| {
                names
                    .split(" and ")
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        publisher: field("publisher")
            .or_else(|| field("institution"))
            .or_else(|| field("organization")),
        container: field("journaltitle")
            .or_else(|| field("journal"))
            .or_else(|| field("booktitle")),
        number: field("number"),
        place: field("location").or_else(|| field("address")),
        date,
        url: field("url"),
        language: field("langid")
            .or_else(|| field("language"))
            .map(|l| language_tag(&l)),
        tags: field("keywords")
            .map(|k| {
                k.split([',', ';'])
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        claims: Vec::new(),
        provenance: Some(format!("Imported from BibTeX entry `{}`", entry.key)),
    })
}

/// Braces dropped and the accents Zotero writes as LaTeX turned back into letters.
fn clean_latex(value: &str) -> String {
    let mut text = value.to_owned();
    for (latex, plain) in [
        ("{\\'e}", "é"),
        ("\\'e", "é"),
        ("{\\`e}", "è"),
        ("\\`e", "è"),
        ("{\\^e}", "ê"),
        ("{\\`a}", "à"),
        ("\\`a", "à"),
        ("{\\c c}", "ç"),
        ("\\c{c}", "ç"),
        ("{\\\"o}", "ö"),
        ("{\\\"u}", "ü"),
        ("{\\\"a}", "ä"),
        ("{\\^o}", "ô"),
        ("{\\^i}", "î"),
        ("\\&", "&"),
        ("\\%", "%"),
        ("\\_", "_"),
        ("\\$", "$"),
        ("---", "—"),
        ("--", "–"),
    ] {
        text = text.replace(latex, plain);
    }
    text.replace(['{', '}'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
    fn bad_input_says_where() {
        let err = csl_json("[{\"id\": \"a\",\n \"title\": }]")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 2, column 11:"), "{err}");
        let err = bibtex("@report{a,\n title = {Open\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not closed"), "{err}");
        let err = bibtex("@report{a, url = {x}}").unwrap_err().to_string();
        assert_eq!(err, "entry `a`: has no title");
        assert_eq!(detect_and_parse("hello"), Err(ImportError::UnknownFormat));
    }
}
