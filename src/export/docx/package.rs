//! Completes the package docx-rs writes, part by part:
//! - `docProps/core.xml`: title, author, subject, language (docx-rs has no API for them);
//! - `word/footnotes.xml`: the `<w:footnoteRef/>` that makes Word show each
//!   note's number inside the note (docx-rs leaves it out);
//! - `word/styles.xml`: the document language, so spelling and hyphenation
//!   follow it;
//! - `word/_rels/footnotes.xml.rels`: the targets of links inside footnotes;
//! - every `word/*.xml` part: property lists in schema order (`order.rs`).

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::document::Metadata;
use crate::export::html::escape;
use crate::export::ExportError;

pub fn finish(
    package: Vec<u8>,
    metadata: &Metadata,
    note_links: &[(String, String)],
) -> Result<Vec<u8>, ExportError> {
    let fail = |e: &dyn std::fmt::Display| ExportError::Docx(e.to_string());
    let mut archive = ZipArchive::new(Cursor::new(package)).map_err(|e| fail(&e))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut wrote_core = false;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| fail(&e))?;
        let name = entry.name().to_owned();
        if entry.is_dir() {
            continue;
        }
        let mut content = String::new();
        entry.read_to_string(&mut content).map_err(|e| fail(&e))?;
        let content = match name.as_str() {
            "docProps/core.xml" => {
                wrote_core = true;
                core_properties(metadata)
            }
            "word/footnotes.xml" => add_footnote_numbers(&content),
            "word/styles.xml" => add_language(&content, &metadata.language),
            _ => content,
        };
        let content = if name.starts_with("word/") && name.ends_with(".xml") {
            super::order::reorder(&content)
                .map_err(|e| ExportError::Docx(format!("{name} is not well-formed XML: {e}")))?
        } else {
            content
        };
        out.start_file(name, options_for(content.len()))
            .map_err(|e| fail(&e))?;
        out.write_all(content.as_bytes()).map_err(|e| fail(&e))?;
    }
    if !note_links.is_empty() {
        let relationships = footnote_relationships(note_links);
        out.start_file(
            "word/_rels/footnotes.xml.rels",
            options_for(relationships.len()),
        )
        .map_err(|e| fail(&e))?;
        out.write_all(relationships.as_bytes())
            .map_err(|e| fail(&e))?;
    }
    if !wrote_core {
        return Err(ExportError::Docx(
            "docx-rs wrote no docProps/core.xml to fill in".into(),
        ));
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}

/// docx-rs stores every part uncompressed. Deflating the larger parts makes
/// the file a third of the size; the small ones are stored, since setting up
/// a compressor costs more than it saves on a few hundred bytes.
fn options_for(length: usize) -> SimpleFileOptions {
    let method = if length > 1024 {
        CompressionMethod::Deflated
    } else {
        CompressionMethod::Stored
    };
    SimpleFileOptions::default().compression_method(method)
}

fn core_properties(metadata: &Metadata) -> String {
    let optional = |tag: &str, value: &Option<String>| {
        value
            .as_ref()
            .map(|v| format!("<{tag}>{}</{tag}>", escape(v)))
            .unwrap_or_default()
    };
    let dates = metadata
        .date
        .as_ref()
        .map(|d| {
            format!(
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{d}T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{d}T00:00:00Z</dcterms:modified>"
            )
        })
        .unwrap_or_default();
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
            "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
            "<dc:title>{title}</dc:title>{subject}{creator}<dc:language>{language}</dc:language>{dates}",
            "</cp:coreProperties>"
        ),
        title = escape(&metadata.title),
        subject = optional("dc:subject", &metadata.subject),
        creator = optional("dc:creator", &metadata.author),
        language = escape(&metadata.language),
        dates = dates,
    )
}

/// Puts a footnote-reference mark at the start of every real footnote.
fn add_footnote_numbers(xml: &str) -> String {
    const MARK: &str = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(start) = rest.find("<w:footnote ") {
        let (before, from_note) = rest.split_at(start);
        out.push_str(before);
        let tag_end = from_note.find('>').map_or(from_note.len(), |i| i + 1);
        let tag = &from_note[..tag_end];
        out.push_str(tag);
        rest = &from_note[tag_end..];
        // Separator notes (w:type="separator"/"continuationSeparator") carry no number.
        if tag.contains("w:type=") {
            continue;
        }
        if let Some(p) = rest.find("<w:p") {
            let after_p_open = p + rest[p..].find('>').map_or(0, |i| i + 1);
            let insert_at = match rest[after_p_open..].strip_prefix("<w:pPr>") {
                Some(_) => rest[after_p_open..]
                    .find("</w:pPr>")
                    .map_or(after_p_open, |i| after_p_open + i + "</w:pPr>".len()),
                None => after_p_open,
            };
            out.push_str(&rest[..insert_at]);
            out.push_str(MARK);
            rest = &rest[insert_at..];
        }
    }
    out.push_str(rest);
    out
}

/// `w:lang` is the last child docx-rs leaves in the default run properties,
/// so it goes just before their end, where the schema's order wants it.
fn add_language(xml: &str, language: &str) -> String {
    let lang = format!(
        "<w:lang w:val=\"{0}\" w:eastAsia=\"{0}\" w:bidi=\"{0}\"/>",
        escape(language)
    );
    let Some(defaults) = xml.find("<w:rPrDefault>") else {
        return xml.to_owned();
    };
    match xml[defaults..].find("</w:rPr>") {
        Some(i) => {
            let at = defaults + i;
            format!("{}{lang}{}", &xml[..at], &xml[at..])
        }
        None => xml.to_owned(),
    }
}

fn footnote_relationships(links: &[(String, String)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (id, url) in links {
        xml.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            escape(id),
            escape(url)
        ));
    }
    xml.push_str("</Relationships>");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_go_inside_real_footnotes_only() {
        let xml = r#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r/></w:p></w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:t>Note</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let out = add_footnote_numbers(xml);
        assert_eq!(out.matches("<w:footnoteRef/>").count(), 1);
        assert!(out.contains(
            "</w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/>"
        ));
    }
}
