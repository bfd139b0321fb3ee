//! The template file format: a YAML front matter block between `---` lines,
//! then a minijinja body that produces Markdown.

use serde::{Deserialize, Serialize};

use super::diagnostic::Diagnostic;
use super::fields::{Field, FieldType, Step};
use crate::document::Paper;
use crate::i18n::{msg, Message};

/// A parsed, checked template.
#[derive(Debug, Clone)]
pub struct Template {
    pub front: FrontMatter,
    pub body: String,
    /// The file name (or id) shown in messages.
    pub origin: String,
    /// Lines of the file before the body's first line; added to body line numbers.
    pub body_line_offset: usize,
    /// The file up to the body, for locating front matter problems.
    source_header: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub id: String,
    pub title: String,
    pub kind: DocumentKind,
    pub language: String,
    #[serde(default)]
    pub jurisdiction: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub document: DocumentSettings,
    #[serde(default)]
    pub steps: Vec<Step>,
    pub fields: Vec<Field>,
    /// Which fields the filing-rule checks read, by role.
    #[serde(default)]
    pub checks: CheckFields,
}

/// Field ids the rule checks use (`submission_date: letter_date`, …).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CheckFields {
    /// A date field: when the document is sent.
    #[serde(default)]
    pub submission_date: Option<String>,
    /// A money field: market value of the shares held.
    #[serde(default)]
    pub holding_value: Option<String>,
    /// A date field: held continuously since.
    #[serde(default)]
    pub held_since: Option<String>,
    /// A list field: the dates and times offered for engagement.
    #[serde(default)]
    pub engagement_slots: Option<String>,
    /// A date field: when last year's proxy statement was released (the
    /// 14a-8 deadline is computed from it).
    #[serde(default)]
    pub prior_proxy_date: Option<String>,
    /// A date field: this year's meeting, when known.
    #[serde(default)]
    pub meeting_date: Option<String>,
    /// A date field: last year's meeting.
    #[serde(default)]
    pub prior_meeting_date: Option<String>,
    /// A number field: the year of the meeting the document is for. With
    /// the company, it groups a campaign's drafts.
    #[serde(default)]
    pub meeting_year: Option<String>,
    /// A text field: the shareholder filing (one proposal each per meeting).
    #[serde(default)]
    pub proponent: Option<String>,
    /// A date field: when notice of the meeting is given (UK s338(4)(b)).
    #[serde(default)]
    pub notice_date: Option<String>,
    /// A long-text field: the members' statement a UK request under s314
    /// asks the company to circulate (at most 1,000 words). A filing letter
    /// with this role is checked as a s314 request, not a s338 one.
    #[serde(default)]
    pub statement: Option<String>,
    /// A text field: the filer who leads the filing and speaks for the
    /// co-filers. A campaign's lead filer goes here, else into `proponent`.
    #[serde(default)]
    pub lead_filer: Option<String>,
    /// A text field: the proposal's title as the document names it; a
    /// campaign's proposal title goes here.
    #[serde(default)]
    pub proposal_title: Option<String>,
    /// A choice or text field: the IANA time zone of the company's principal
    /// executive offices, in which engagement times are proposed and checked.
    #[serde(default)]
    pub time_zone: Option<String>,
}

impl CheckFields {
    /// Each role with the field it names, for validation and for "is this
    /// field used" questions.
    pub fn roles(&self) -> [(&'static str, &Option<String>); 14] {
        [
            ("submission_date", &self.submission_date),
            ("holding_value", &self.holding_value),
            ("held_since", &self.held_since),
            ("engagement_slots", &self.engagement_slots),
            ("prior_proxy_date", &self.prior_proxy_date),
            ("meeting_date", &self.meeting_date),
            ("prior_meeting_date", &self.prior_meeting_date),
            ("meeting_year", &self.meeting_year),
            ("proponent", &self.proponent),
            ("notice_date", &self.notice_date),
            ("statement", &self.statement),
            ("lead_filer", &self.lead_filer),
            ("proposal_title", &self.proposal_title),
            ("time_zone", &self.time_zone),
        ]
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    Resolution,
    FilingLetter,
    CofilerLetter,
    OwnershipRequest,
    EngagementLetter,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "resolution",
            DocumentKind::FilingLetter => "filing-letter",
            DocumentKind::CofilerLetter => "cofiler-letter",
            DocumentKind::OwnershipRequest => "ownership-request",
            DocumentKind::EngagementLetter => "engagement-letter",
        }
    }
}

/// Document properties; each value is a small minijinja template rendered
/// with the same answers as the body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DocumentSettings {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub paper: Option<Paper>,
    /// Typographic punctuation (curly quotes and apostrophes, dashes,
    /// ellipses; French guillemets and spacing), on unless set to false.
    #[serde(default = "typography_on", skip_serializing_if = "is_on")]
    pub typography: bool,
}

impl DocumentSettings {
    /// The settings written as templates, by name, with their source when
    /// set: what is checked, linted and rendered with the answers.
    pub fn templated(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("title", &self.title),
            ("author", &self.author),
            ("subject", &self.subject),
        ]
        .into_iter()
        .filter_map(|(name, source)| Some((name, source.as_deref()?)))
    }
}

impl Default for DocumentSettings {
    fn default() -> DocumentSettings {
        DocumentSettings {
            title: None,
            author: None,
            subject: None,
            paper: None,
            typography: true,
        }
    }
}

fn typography_on() -> bool {
    true
}

fn is_on(value: &bool) -> bool {
    *value
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{file}:1:1: a template starts with a front matter block: a line `---`, the YAML header, and another line `---`")]
    MissingFrontMatter { file: String },
    #[error("{0}")]
    Invalid(Diagnostic),
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Definitions(Vec<Diagnostic>),
}

impl TemplateError {
    /// Every problem with its place.
    pub fn diagnostics(self) -> Vec<Diagnostic> {
        match self {
            TemplateError::MissingFrontMatter { file } => vec![no_front_matter(file)],
            TemplateError::Invalid(diagnostic) => vec![diagnostic],
            TemplateError::Definitions(diagnostics) => diagnostics,
        }
    }

    /// The problems with their places, one a line, for whoever shows them.
    pub fn message(&self) -> Message {
        let problems: Vec<Message> = match self {
            TemplateError::MissingFrontMatter { file } => {
                vec![no_front_matter(file.clone()).located()]
            }
            TemplateError::Invalid(diagnostic) => vec![diagnostic.located()],
            TemplateError::Definitions(diagnostics) => {
                diagnostics.iter().map(Diagnostic::located).collect()
            }
        };
        msg!("lint-problems", problems = problems)
    }
}

fn no_front_matter(file: String) -> Diagnostic {
    Diagnostic {
        file,
        line: 1,
        column: 1,
        message: msg!("lint-no-front-matter"),
    }
}

/// The largest template file accepted (front matter and body).
pub const MAX_TEMPLATE_BYTES: usize = 256 * 1024;
/// The most questions one template may ask.
pub const MAX_FIELDS: usize = 200;

impl Template {
    /// The answers a new draft starts with: each field's default.
    pub fn default_answers(&self) -> serde_json::Map<String, serde_json::Value> {
        self.front
            .fields
            .iter()
            .filter_map(|f| f.default.clone().map(|d| (f.id.clone(), d)))
            .collect()
    }

    /// Parses and checks a template file. `origin` names it in messages.
    pub fn parse(source: &str, origin: &str) -> Result<Template, TemplateError> {
        let at = |line, column, message| {
            TemplateError::Invalid(Diagnostic {
                file: origin.to_owned(),
                line,
                column,
                message,
            })
        };
        if source.len() > MAX_TEMPLATE_BYTES {
            return Err(at(
                1,
                1,
                msg!(
                    "lint-too-large",
                    kib = source.len().div_ceil(1024),
                    max = MAX_TEMPLATE_BYTES / 1024
                ),
            ));
        }
        if let Some((line, column, c)) = crate::text::first_forbidden(source) {
            return Err(at(line, column, crate::text::describe(c)));
        }
        let (header, body, header_line, body_line_offset) =
            split_front_matter(source).ok_or_else(|| TemplateError::MissingFrontMatter {
                file: origin.to_owned(),
            })?;
        let front: FrontMatter = super::yaml::from_str(header).map_err(|err| {
            let (line, column) = err.location().map_or((header_line, 1), |l| {
                (header_line + l.line() - 1, l.column())
            });
            TemplateError::Invalid(Diagnostic {
                file: origin.to_owned(),
                line,
                column,
                // The YAML reader's own words, in English.
                message: msg!(
                    "lint-front-matter",
                    detail = strip_yaml_location(&err.to_string())
                ),
            })
        })?;
        let template = Template {
            front,
            body: body.to_owned(),
            origin: origin.to_owned(),
            body_line_offset,
            source_header: source
                .lines()
                .take(body_line_offset)
                .collect::<Vec<_>>()
                .join("\n"),
        };
        if template.front.fields.len() > MAX_FIELDS {
            return Err(at(
                header_line,
                1,
                msg!(
                    "lint-too-many-questions",
                    count = template.front.fields.len(),
                    max = MAX_FIELDS
                ),
            ));
        }
        let problems = template.check_definitions(header_line);
        if !problems.is_empty() {
            return Err(TemplateError::Definitions(problems));
        }
        template.check_body_syntax()?;
        Ok(template)
    }

    /// The file line of `document.NAME` in the front matter.
    pub fn document_setting_line(&self, name: &str) -> usize {
        let mut lines = self
            .source_header
            .lines()
            .enumerate()
            .skip_while(|(_, l)| !l.starts_with("document:"));
        let key = format!("{name}:");
        lines
            .find(|(_, l)| l.trim_start().starts_with(&key) || l.contains(&format!(" {key}")))
            .map_or(1, |(i, _)| i + 1)
    }

    /// A syntax error in the body or a document setting, found before anyone renders it.
    fn check_body_syntax(&self) -> Result<(), TemplateError> {
        for (name, source) in self.front.document.templated() {
            if let Err(failure) = super::engine::check_syntax(&self.origin, source) {
                return Err(TemplateError::Invalid(Diagnostic {
                    file: self.origin.clone(),
                    line: self.document_setting_line(name),
                    column: 1,
                    message: msg!(
                        "lint-in-setting",
                        setting = name,
                        problem = failure.message()
                    ),
                }));
            }
        }
        match super::engine::check_syntax(&self.origin, &self.body) {
            Ok(()) => Ok(()),
            Err(failure) => {
                let (line, offset) = match &failure {
                    super::engine::RenderFailure::Template { line, offset, .. } => (*line, *offset),
                    _ => (None, None),
                };
                let message = failure.message();
                let (line, column) = match offset {
                    Some(o) => super::diagnostic::line_and_column(&self.body, o),
                    None => (line.unwrap_or(1), 1),
                };
                Err(TemplateError::Invalid(Diagnostic {
                    file: self.origin.clone(),
                    line: line + self.body_line_offset,
                    column,
                    message,
                }))
            }
        }
    }

    /// The file line where field `id` is declared (its `id:` line).
    pub fn field_line(&self, id: &str) -> usize {
        let header: Vec<&str> = self.source_header.lines().collect();
        header_line_of(&header, "id:", Some(id)).unwrap_or(1)
    }

    pub fn id(&self) -> &str {
        &self.front.id
    }

    /// Checks that go beyond the YAML's shape: identifiers, references between
    /// fields and steps, options of choices.
    fn check_definitions(&self, header_line: usize) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let header: Vec<&str> = self.source_header.lines().collect();
        // The file line of a key (`language:`) or of a field's `id: …` line.
        let line_of = |key: &str, value: Option<&str>| {
            header_line_of(&header, key, value).unwrap_or(header_line)
        };
        let mut problem = |line: usize, message: Message| {
            problems.push(Diagnostic {
                file: self.origin.clone(),
                line,
                column: 1,
                message,
            });
        };
        let front = &self.front;
        if !crate::document::is_language_tag(&front.language) {
            problem(
                line_of("language:", None),
                msg!("lint-bad-language", language = front.language.as_str()),
            );
        }
        if !is_identifier(&front.id.replace('-', "_")) {
            problem(
                line_of("id:", None),
                msg!("lint-bad-template-id", id = front.id.as_str()),
            );
        }
        for (role, field) in front.checks.roles() {
            if let Some(field) = field {
                if !front.fields.iter().any(|f| &f.id == field) {
                    problem(
                        line_of(&format!("{role}:"), None),
                        msg!(
                            "lint-role-not-declared",
                            role = role,
                            field = field.as_str()
                        ),
                    );
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (index, field) in front.fields.iter().enumerate() {
            let at = line_of("id:", Some(&field.id));
            if !is_identifier(&field.id) {
                problem(at, msg!("lint-bad-field-id", field = field.id.as_str()));
            }
            if !seen.insert(field.id.as_str()) {
                problem(at, msg!("lint-field-twice", field = field.id.as_str()));
            }
            if let Some(step) = &field.step {
                if !front.steps.iter().any(|s| &s.id == step) {
                    problem(
                        at,
                        msg!(
                            "lint-step-not-declared",
                            field = field.id.as_str(),
                            step = step.as_str()
                        ),
                    );
                }
            } else if !front.steps.is_empty() {
                problem(
                    at,
                    msg!("lint-field-without-step", field = field.id.as_str()),
                );
            }
            if field.field_type == FieldType::Choice && field.options.is_empty() {
                problem(
                    at,
                    msg!("lint-choice-without-options", field = field.id.as_str()),
                );
            }
            if let Some(condition) = &field.condition {
                if !front.fields[..index]
                    .iter()
                    .any(|f| f.id == condition.field)
                {
                    problem(
                        at,
                        msg!(
                            "lint-condition-later",
                            field = field.id.as_str(),
                            condition = condition.field.as_str()
                        ),
                    );
                }
            }
            if let Some(default) = &field.default {
                if let Err(message) = field.normalize(default) {
                    problem(
                        at,
                        msg!(
                            "lint-bad-default",
                            field = field.id.as_str(),
                            problem = message
                        ),
                    );
                }
            }
        }
        problems
    }
}

/// The 1-based file line of `key` in the front matter, or of `key value`
/// when a value is given (`id: company` in a list of fields).
fn header_line_of(header: &[&str], key: &str, value: Option<&str>) -> Option<usize> {
    header
        .iter()
        .position(|line| {
            let line = line.trim_start().trim_start_matches("- ").trim_start();
            match value {
                Some(value) => line
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim().trim_matches(['"', '\'']) == value),
                None => line.starts_with(key),
            }
        })
        .map(|i| i + 1)
}

/// Splits `---\nYAML\n---\nbody`; returns the header, the body, the header's
/// first line number and the number of lines before the body. A byte-order
/// mark, CRLF line ends and spaces after a fence are accepted.
pub(crate) fn split_front_matter(source: &str) -> Option<(&str, &str, usize, usize)> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let rest = source
        .strip_prefix("---\n")
        .or_else(|| source.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let header = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let header_lines = header.matches('\n').count();
            return Some((header, body, 2, header_lines + 2));
        }
        offset += line.len();
    }
    None
}

/// serde_norway (like serde_yaml before it) appends "at line X column Y" to its messages; we print our own.
fn strip_yaml_location(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\nid: t1\ntitle: T\nkind: resolution\nlanguage: en\nfields:\n  - id: company\n    label: Company\n    type: company\n    required: true\n---\n# {{ company.name }}\n";

    #[test]
    fn parses_front_matter_and_body() {
        let t = Template::parse(GOOD, "t1.md").unwrap();
        assert_eq!(t.front.kind, DocumentKind::Resolution);
        assert_eq!(t.front.fields[0].field_type, FieldType::Company);
        assert_eq!(t.body, "# {{ company.name }}\n");
        assert_eq!(t.body_line_offset, 11);
    }

    #[test]
    fn malformed_header_says_where() {
        let bad = GOOD.replace("kind: resolution", "kind: memo");
        let err = Template::parse(&bad, "t1.md").unwrap_err().to_string();
        assert!(
            err.starts_with("t1.md:4:7: front matter: kind: unknown variant `memo`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_key_and_missing_front_matter() {
        let bad = GOOD.replace("title: T", "titel: T");
        let err = Template::parse(&bad, "x.md").unwrap_err().to_string();
        assert!(
            err.contains("x.md:3:1: front matter: unknown field `titel`"),
            "{err}"
        );
        let err = Template::parse("# no header", "y.md")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("y.md:1:1: a template starts with a front matter block"),
            "{err}"
        );
    }

    #[test]
    fn body_syntax_error_has_file_line_and_column() {
        let bad = GOOD.replace(
            "# {{ company.name }}\n",
            "# Title\n\n{% if company %}\n  {{ company.name | titel }}\n",
        );
        let err = Template::parse(&bad, "t.md").unwrap_err().to_string();
        assert!(err.starts_with("t.md:"), "{err}");
        assert!(
            err.contains("syntax error") || err.contains("unknown filter"),
            "{err}"
        );
    }

    #[test]
    fn document_setting_syntax_error_names_its_line() {
        let bad = GOOD.replace(
            "fields:",
            "document:\n  author: \"{{ company.name \"\nfields:",
        );
        let err = Template::parse(&bad, "t.md").unwrap_err().to_string();
        assert!(
            err.starts_with("t.md:7:1: document.author: syntax error"),
            "{err}"
        );
    }

    #[test]
    fn definition_problems_name_the_field_and_line() {
        let bad = GOOD.replace(
            "    required: true\n",
            "    required: true\n    condition: { field: later }\n",
        );
        let err = Template::parse(&bad, "t.md").unwrap_err().to_string();
        assert_eq!(
            err,
            "t.md:7:1: field `company` depends on `later`, which must be declared before it"
        );
    }
}
