//! The `fields:` list of a template's front matter, read from and written
//! back into the file's text, so the editor's question form and the text
//! stay in step. Only that block of lines changes; every other line of the
//! file is kept as it was.

use serde::{Deserialize, Serialize};

use super::fields::Field;

#[derive(Deserialize)]
struct OnlyFields {
    #[serde(default)]
    fields: Vec<Field>,
}

/// The questions the front matter declares, or why they cannot be read.
pub fn read(source: &str) -> Result<Vec<Field>, String> {
    let (header, _) = header_lines(source)?;
    let yaml = header.join("\n");
    super::yaml::from_str::<OnlyFields>(&yaml)
        .map(|f| f.fields)
        .map_err(|e| format!("front matter: {e}"))
}

/// `source` with its `fields:` block replaced by `fields`, written one key
/// per line (values in JSON form, which YAML reads as is).
pub fn write(source: &str, fields: &[Field]) -> Result<String, String> {
    let (header, body_start) = header_lines(source)?;
    // Without a `fields:` list, one is added at the end of the front matter.
    let (start, end) = match header.iter().position(|l| l.starts_with("fields:")) {
        Some(start) => {
            // The block ends at the next top-level key.
            let end = header[start + 1..]
                .iter()
                .position(|l| !l.is_empty() && !l.starts_with([' ', '-', '#']))
                .map_or(header.len(), |i| start + 1 + i);
            (start, end)
        }
        None => (header.len(), header.len()),
    };
    let mut out: Vec<String> = Vec::new();
    out.push("---".to_owned());
    out.extend(header[..start].iter().map(|l| (*l).to_owned()));
    out.push("fields:".to_owned());
    for field in fields {
        out.extend(field_lines(field)?);
    }
    out.extend(header[end..].iter().map(|l| (*l).to_owned()));
    out.push("---".to_owned());
    let mut text = out.join("\n");
    text.push('\n');
    text.push_str(&source[body_start..]);
    Ok(text)
}

/// The front matter's lines (between the `---` fences) and the byte offset
/// where the body starts, by the template parser's own rules.
fn header_lines(source: &str) -> Result<(Vec<&str>, usize), String> {
    let (header, body, _, _) = super::template::split_front_matter(source).ok_or_else(|| {
        "a template starts with `---`, the front matter, and another `---`".to_owned()
    })?;
    let lines = header.lines().map(|l| l.trim_end_matches('\r')).collect();
    Ok((lines, source.len() - body.len()))
}

/// A value as JSON text, which YAML reads as the same value.
fn json<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

fn field_lines(field: &Field) -> Result<Vec<String>, String> {
    let mut lines = vec![format!("  - id: {}", field.id)];
    let mut key = |name: &str, value: String| lines.push(format!("    {name}: {value}"));
    key("label", json(&field.label)?);
    if !field.help.is_empty() {
        key("help", json(&field.help)?);
    }
    key(
        "type",
        json(&field.field_type)?.trim_matches('"').to_owned(),
    );
    if field.required {
        key("required", "true".to_owned());
    }
    if let Some(default) = &field.default {
        key("default", json(default)?);
    }
    if let Some(step) = &field.step {
        key("step", step.clone());
    }
    if let Some(condition) = &field.condition {
        key("condition", json(condition)?);
    }
    let limits = serde_json::to_value(&field.limits).map_err(|e| e.to_string())?;
    if limits.as_object().is_some_and(|l| !l.is_empty()) {
        key("limits", limits.to_string());
    }
    if !field.options.is_empty() {
        key("options", json(&field.options)?);
    }
    if let Some(currency) = &field.currency {
        key("currency", currency.clone());
    }
    Ok(lines)
}

/// A text question with an id not yet taken (the editor's form makes its
/// own in the browser; this one serves the tests).
#[cfg(test)]
fn new_field(existing: &[Field]) -> Field {
    let id = (1..)
        .map(|n| format!("question_{n}"))
        .find(|id| !existing.iter().any(|f| &f.id == id))
        .unwrap_or_else(|| "question".to_owned());
    serde_json::from_value(serde_json::json!({ "id": id, "label": "New question", "type": "text" }))
        .unwrap_or_else(|_| unreachable!("a literal field"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::Template;

    const SOURCE: &str = "---\nid: t\ntitle: T\nkind: resolution\nlanguage: en\nfields:\n  - id: company\n    label: Company\n    type: company\n    required: true\n  - id: years\n    label: \"Years: held\"\n    type: number\n    limits: { min: 1, max: 9 }\nchecks:\n  meeting_year: years\n---\n# {{ company.name }} {{ years }}\n";

    #[test]
    fn fields_round_trip_through_the_text() {
        let mut fields = read(SOURCE).unwrap();
        assert_eq!(fields.len(), 2);
        assert_eq!(fields[1].label, "Years: held");
        fields.swap(0, 1);
        fields.push(new_field(&fields));
        fields[2].help = "Line one.\nLine \"two\".".into();
        let written = write(SOURCE, &fields).unwrap();
        // Everything outside the block is kept; the template still parses.
        assert!(
            written.ends_with(
                "checks:\n  meeting_year: years\n---\n# {{ company.name }} {{ years }}\n"
            ),
            "{written}"
        );
        let template = Template::parse(&written, "t.md").unwrap();
        assert_eq!(template.front.fields, fields);
        assert_eq!(template.front.fields[2].id, "question_1");
    }

    #[test]
    fn crlf_files_and_files_without_fields_are_written_too() {
        let windows =
            "---\r\nid: t\r\ntitle: T\r\nkind: resolution\r\nlanguage: en\r\n---\r\nHello\r\n";
        assert_eq!(read(windows).unwrap(), Vec::new());
        let field = new_field(&[]);
        let written = write(windows, std::slice::from_ref(&field)).unwrap();
        let template = Template::parse(&written, "t.md").unwrap();
        assert_eq!(template.front.fields, [field]);
        assert!(written.ends_with("Hello\r\n"), "{written:?}");
    }

    #[test]
    fn a_file_without_front_matter_is_refused() {
        assert!(write("# no front matter", &[]).is_err());
        assert!(read("---\nfields: [\n---\nx")
            .unwrap_err()
            .starts_with("front matter"));
    }
}
