//! Completes the package docx-rs writes, part by part:
//! - `docProps/core.xml`: title, author, subject, language (docx-rs has no API for them);
//! - `word/footnotes.xml`: the `<w:footnoteRef/>` that makes Word show each
//!   note's number inside the note (docx-rs leaves it out);
//! - `word/styles.xml`: the document language, so spelling and hyphenation
//!   follow it;
//! - `word/_rels/footnotes.xml.rels`: the targets of links inside footnotes;
//! - `word/document.xml` and `word/footnotes.xml`: runs of right-to-left
//!   text marked as such (`w:rtl`, `w:lang w:bidi`), which docx-rs cannot write;
//! - every `word/*.xml` part: property lists in schema order (`order.rs`).

use std::io::{Cursor, Read, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::document::Metadata;
use crate::export::direction;
use crate::export::html::escape;
use crate::export::ExportError;

/// The notes part, which [`with_notes`] replaces in a package finished
/// ahead of its notes.
pub const NOTES_PART: &str = "word/footnotes.xml";

pub fn finish(
    package: Vec<u8>,
    metadata: &Metadata,
    note_links: &[(String, String)],
) -> Result<Vec<u8>, ExportError> {
    let mut archive = ZipArchive::new(Cursor::new(package)).map_err(zip_failed)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut wrote_core = false;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(zip_failed)?;
        let name = entry.name().to_owned();
        if entry.is_dir() || !(is_edited(&name) || name == "docProps/core.xml") {
            // Relationships, content types, images and anything else
            // docx-rs wrote are copied exactly as they are.
            out.raw_copy_file(entry).map_err(zip_failed)?;
            continue;
        }
        let mut content = String::new();
        entry
            .read_to_string(&mut content)
            .map_err(|e| ExportError::Docx(format!("{name} is not UTF-8 text: {e}")))?;
        let content = if name == "docProps/core.xml" {
            wrote_core = true;
            core_properties(metadata)
        } else {
            finish_part(&name, &content, metadata)?
        };
        store(&mut out, &name, &content)?;
    }
    add_note_relationships(&mut out, note_links)?;
    if !wrote_core {
        return Err(ExportError::Docx(
            "docx-rs wrote no docProps/core.xml to fill in".into(),
        ));
    }
    Ok(out.finish().map_err(zip_failed)?.into_inner())
}

/// A package [`finish`]ed ahead of its notes, with `notes` (the notes part
/// docx-rs wrote for the finished document) in place of its own. Every
/// other part is copied as it is, so the file is the one [`finish`] writes
/// for the finished document.
pub fn with_notes(
    finished: Vec<u8>,
    notes: &str,
    metadata: &Metadata,
    note_links: &[(String, String)],
) -> Result<Vec<u8>, ExportError> {
    let mut archive = ZipArchive::new(Cursor::new(finished)).map_err(zip_failed)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut replaced = false;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(zip_failed)?;
        if entry.name() == NOTES_PART {
            replaced = true;
            store(
                &mut out,
                NOTES_PART,
                &finish_part(NOTES_PART, notes, metadata)?,
            )?;
        } else {
            out.raw_copy_file(entry).map_err(zip_failed)?;
        }
    }
    if !replaced {
        return Err(ExportError::Docx(format!(
            "the package written ahead has no {NOTES_PART} to replace"
        )));
    }
    add_note_relationships(&mut out, note_links)?;
    Ok(out.finish().map_err(zip_failed)?.into_inner())
}

/// A package that cannot be read or written back (zip or I/O error).
fn zip_failed(e: impl std::fmt::Display) -> ExportError {
    ExportError::Docx(e.to_string())
}

/// The parts this module edits: every XML part under `word/`.
fn is_edited(name: &str) -> bool {
    name.starts_with("word/") && name.ends_with(".xml")
}

/// An edited part as the finished package has it.
fn finish_part(name: &str, content: &str, metadata: &Metadata) -> Result<String, ExportError> {
    let broken = |e: String| ExportError::Docx(format!("{name}: {e}"));
    let content = match name {
        NOTES_PART => {
            let numbered = add_footnote_numbers(content).map_err(broken)?;
            mark_right_to_left(&numbered).map_err(broken)?
        }
        "word/document.xml" => mark_right_to_left(content).map_err(broken)?,
        "word/styles.xml" => {
            let with_language = add_language(content, &metadata.language).map_err(broken)?;
            add_quotation_languages(&with_language).map_err(broken)?
        }
        _ => content.to_owned(),
    };
    let content = if content.contains(PARAGRAPH_ID) {
        drop_paragraph_ids(&content).map_err(broken)?
    } else {
        content
    };
    super::order::reorder(&content)
        .map_err(|e| ExportError::Docx(format!("{name} is not well-formed XML: {e}")))
}

fn store(
    out: &mut ZipWriter<Cursor<Vec<u8>>>,
    name: &str,
    content: &str,
) -> Result<(), ExportError> {
    out.start_file(name, options_for(content.len()))
        .map_err(zip_failed)?;
    out.write_all(content.as_bytes()).map_err(zip_failed)
}

/// The targets of links inside notes, which docx-rs does not write.
fn add_note_relationships(
    out: &mut ZipWriter<Cursor<Vec<u8>>>,
    note_links: &[(String, String)],
) -> Result<(), ExportError> {
    if note_links.is_empty() {
        return Ok(());
    }
    store(
        out,
        "word/_rels/footnotes.xml.rels",
        &footnote_relationships(note_links),
    )
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

/// Puts a footnote-reference mark at the start of every real footnote:
/// after the first paragraph's properties, or its opening tag when it has
/// none. Separator notes (with a `w:type`) carry no number.
fn add_footnote_numbers(xml: &str) -> Result<String, String> {
    const MARK: &str = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
    #[derive(PartialEq)]
    enum At {
        Outside,
        /// In a real note, before its first paragraph.
        NoteStart,
        /// Just after the note's first `<w:p>`: the mark goes here unless
        /// paragraph properties come first.
        ParagraphStart,
        InProperties,
        Done,
    }
    let mut at = At::Outside;
    rewrite(xml, |event, out| {
        let mark_before = at == At::ParagraphStart
            && !matches!(event, Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"pPr");
        if mark_before {
            out.extend_from_slice(MARK.as_bytes());
            at = At::Done;
        }
        write_event(out, event)?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"footnote" => {
                at = if has_attribute(e, b"w:type") {
                    At::Done
                } else {
                    At::NoteStart
                };
            }
            Event::Start(e) if at == At::NoteStart && e.local_name().as_ref() == b"p" => {
                at = At::ParagraphStart;
            }
            Event::Start(e) if at == At::ParagraphStart && e.local_name().as_ref() == b"pPr" => {
                at = At::InProperties;
            }
            Event::Empty(e) if at == At::ParagraphStart && e.local_name().as_ref() == b"pPr" => {
                out.extend_from_slice(MARK.as_bytes());
                at = At::Done;
            }
            Event::End(e) if at == At::InProperties && e.local_name().as_ref() == b"pPr" => {
                out.extend_from_slice(MARK.as_bytes());
                at = At::Done;
            }
            Event::End(e) if e.local_name().as_ref() == b"footnote" => at = At::Outside,
            _ => {}
        }
        Ok(())
    })
}

/// The attribute docx-rs numbers paragraphs with.
const PARAGRAPH_ID: &str = "w14:paraId";

/// Takes docx-rs's paragraph ids out. They come from a counter each thread
/// keeps, which docx-rs resets when it builds a package, so a paragraph's
/// id depends on what its thread made since the last build: the notes of a
/// document written ahead (`super::write_ahead`) are made on another thread
/// than its body, and after it. The ids are optional, and Word adds its own
/// when it saves; without them, a document's file is the same however and
/// wherever it is written.
fn drop_paragraph_ids(xml: &str) -> Result<String, String> {
    rewrite(xml, |event, out| match event {
        Event::Start(e) | Event::Empty(e)
            if e.local_name().as_ref() == b"p" && has_attribute(e, PARAGRAPH_ID.as_bytes()) =>
        {
            let name = e.name();
            let mut tag = BytesStart::from_content(
                String::from_utf8_lossy(name.as_ref()).into_owned(),
                name.as_ref().len(),
            );
            for attribute in e.attributes() {
                let attribute = attribute.map_err(|error| error.to_string())?;
                if attribute.key.as_ref() != PARAGRAPH_ID.as_bytes() {
                    tag.push_attribute(attribute);
                }
            }
            let edited = match event {
                Event::Start(_) => Event::Start(tag),
                _ => Event::Empty(tag),
            };
            write_event(out, &edited)
        }
        _ => write_event(out, event),
    })
}

/// The document's language in the default run properties (`w:lang` is
/// the last child docx-rs leaves there, so it goes just before their end,
/// where the schema's order wants it).
fn add_language(xml: &str, language: &str) -> Result<String, String> {
    let lang = format!(
        "<w:lang w:val=\"{0}\" w:eastAsia=\"{0}\" w:bidi=\"{0}\"/>",
        escape(language)
    );
    let mut in_defaults = false;
    let mut done = false;
    rewrite(xml, |event, out| {
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"rPrDefault" => in_defaults = true,
            Event::End(e) if e.local_name().as_ref() == b"rPrDefault" => in_defaults = false,
            Event::End(e) if in_defaults && !done && e.local_name().as_ref() == b"rPr" => {
                out.extend_from_slice(lang.as_bytes());
                done = true;
            }
            Event::Empty(e) if in_defaults && !done && e.local_name().as_ref() == b"rPr" => {
                out.extend_from_slice(b"<w:rPr>");
                out.extend_from_slice(lang.as_bytes());
                out.extend_from_slice(b"</w:rPr>");
                done = true;
                return Ok(());
            }
            _ => {}
        }
        write_event(out, event)
    })
}

/// Marks each run of right-to-left text (the builder gives such text runs
/// of its own, see `direction::rtl_segments`) with `w:rtl` and its
/// language for complex scripts, and an Arabic run with a font that has
/// Arabic, so that Word and LibreOffice order and shape it as such.
fn mark_right_to_left(xml: &str) -> Result<String, String> {
    let mut run: Option<Vec<Event<'static>>> = None;
    rewrite(xml, |event, out| {
        let is_run = |name: &[u8]| name == b"r";
        match event {
            Event::Start(e) if run.is_none() && is_run(e.local_name().as_ref()) => {
                run = Some(vec![event.clone().into_owned()]);
                Ok(())
            }
            Event::End(e) if is_run(e.local_name().as_ref()) => match run.take() {
                Some(mut events) => {
                    events.push(event.clone().into_owned());
                    write_run(out, &events)
                }
                None => write_event(out, event),
            },
            _ => match run.as_mut() {
                Some(events) => {
                    events.push(event.clone().into_owned());
                    Ok(())
                }
                None => write_event(out, event),
            },
        }
    })
}

/// Writes one run's events, with right-to-left properties when its text is
/// right to left.
fn write_run(out: &mut Vec<u8>, events: &[Event<'static>]) -> Result<(), String> {
    let text: String = events
        .iter()
        .filter_map(|event| match event {
            Event::Text(t) => Some(String::from_utf8_lossy(t.as_ref()).into_owned()),
            _ => None,
        })
        .collect();
    if !direction::has_rtl(&text) {
        return events.iter().try_for_each(|event| write_event(out, event));
    }
    let language = direction::rtl_language(&text);
    let has_fonts = events.iter().any(
        |event| matches!(event, Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == b"rFonts"),
    );
    let mut properties = format!("<w:rtl/><w:lang w:bidi=\"{language}\"/>");
    if language.starts_with("ar") && !has_fonts {
        properties.push_str("<w:rFonts w:cs=\"Noto Naskh Arabic\"/>");
    }
    let has_rpr = events.iter().any(
        |event| matches!(event, Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == b"rPr"),
    );
    for (index, event) in events.iter().enumerate() {
        match event {
            Event::Empty(e) if e.local_name().as_ref() == b"rPr" => {
                out.extend_from_slice(format!("<w:rPr>{properties}</w:rPr>").as_bytes());
            }
            Event::Start(e) if e.local_name().as_ref() == b"rPr" => {
                write_event(out, event)?;
                out.extend_from_slice(properties.as_bytes());
            }
            _ => {
                write_event(out, event)?;
                if index == 0 && !has_rpr {
                    out.extend_from_slice(format!("<w:rPr>{properties}</w:rPr>").as_bytes());
                }
            }
        }
    }
    Ok(())
}

/// The language of each quotation style in another language
/// (`styles::quote_in_language`), which its paragraphs' runs take.
fn add_quotation_languages(xml: &str) -> Result<String, String> {
    let mut language: Option<String> = None;
    let mut written = false;
    rewrite(xml, |event, out| {
        let lang =
            |language: &str| format!("<w:lang w:val=\"{0}\" w:bidi=\"{0}\"/>", escape(language));
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"style" => {
                language = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"w:styleId")
                    .and_then(|a| {
                        let id = String::from_utf8_lossy(&a.value).into_owned();
                        id.strip_prefix(super::styles::QUOTE_IN_LANGUAGE)
                            .map(str::to_owned)
                    });
                written = false;
                write_event(out, event)
            }
            Event::Empty(e) if e.local_name().as_ref() == b"rPr" => match &language {
                Some(language) if !written => {
                    written = true;
                    out.extend_from_slice(format!("<w:rPr>{}</w:rPr>", lang(language)).as_bytes());
                    Ok(())
                }
                _ => write_event(out, event),
            },
            Event::Start(e) if e.local_name().as_ref() == b"rPr" => {
                write_event(out, event)?;
                if let Some(language) = &language {
                    if !written {
                        written = true;
                        out.extend_from_slice(lang(language).as_bytes());
                    }
                }
                Ok(())
            }
            Event::End(e) if e.local_name().as_ref() == b"style" => {
                if let (Some(language), false) = (&language, written) {
                    out.extend_from_slice(format!("<w:rPr>{}</w:rPr>", lang(language)).as_bytes());
                }
                language = None;
                write_event(out, event)
            }
            _ => write_event(out, event),
        }
    })
}

/// Reads `xml` event by event and lets `edit` write each one (and anything
/// it inserts) to the output. Text, comments and declarations pass through
/// as they were read.
fn rewrite(
    xml: &str,
    mut edit: impl FnMut(&Event<'_>, &mut Vec<u8>) -> Result<(), String>,
) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::with_capacity(xml.len() + 1024);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(event) => edit(&event, &mut out)?,
            Err(error) => {
                return Err(format!(
                    "not well-formed XML at byte {}: {error}",
                    reader.error_position()
                ))
            }
        }
    }
    String::from_utf8(out).map_err(|e| e.to_string())
}

fn write_event(out: &mut Vec<u8>, event: &Event<'_>) -> Result<(), String> {
    Writer::new(out)
        .write_event(event.borrow())
        .map_err(|e| e.to_string())
}

fn has_attribute(element: &BytesStart<'_>, name: &[u8]) -> bool {
    element
        .attributes()
        .flatten()
        .any(|attribute| attribute.key.as_ref() == name)
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
        let xml = r#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r/></w:p></w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:t>Note</w:t></w:r></w:p><w:p><w:r><w:t>Second paragraph</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Bare</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let out = add_footnote_numbers(xml).unwrap();
        assert_eq!(out.matches("<w:footnoteRef/>").count(), 2, "{out}");
        assert!(out.contains(
            "</w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/>"
        ));
        assert!(
            out.contains(r#"<w:footnote w:id="2"><w:p><w:r><w:rPr><w:rStyle"#),
            "{out}"
        );
        assert!(out.starts_with(
            r#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r/></w:p>"#
        ));
    }

    #[test]
    fn paragraph_ids_are_dropped_and_nothing_else() {
        let xml = r#"<w:body><w:p w14:paraId="0000000a" w:rsidR="00AB"><w:r><w:t>w14:paraId="1"</w:t></w:r></w:p><w:p w14:paraId="0000000b" /><w:pPr w14:paraId="c"/></w:body>"#;
        assert_eq!(
            drop_paragraph_ids(xml).unwrap(),
            r#"<w:body><w:p w:rsidR="00AB"><w:r><w:t>w14:paraId="1"</w:t></w:r></w:p><w:p/><w:pPr w14:paraId="c"/></w:body>"#
        );
    }

    #[test]
    fn a_tag_that_only_looks_like_a_footnote_is_left_alone() {
        // Substring search took `<w:footnotePr>` for a note; the reader does not.
        let xml = r#"<w:footnotes><w:footnotePr><w:pos w:val="pageBottom"/></w:footnotePr><w:footnote w:id="1"><w:p><w:r><w:t>&lt;w:footnote &amp;</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let out = add_footnote_numbers(xml).unwrap();
        assert_eq!(out.matches("<w:footnoteRef/>").count(), 1, "{out}");
        assert!(
            out.contains("&lt;w:footnote &amp;"),
            "text is kept escaped: {out}"
        );
    }

    #[test]
    fn the_language_goes_last_in_the_default_run_properties() {
        let xml = r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="X"/></w:rPr></w:rPrDefault></w:docDefaults><w:style><w:rPr><w:b/></w:rPr></w:style></w:styles>"#;
        let out = add_language(xml, "fr-FR").unwrap();
        assert!(out.contains(r#"<w:rFonts w:ascii="X"/><w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="fr-FR"/></w:rPr></w:rPrDefault>"#), "{out}");
        assert_eq!(out.matches("<w:lang").count(), 1);
        let empty = r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults></w:styles>"#;
        assert!(add_language(empty, "en-US")
            .unwrap()
            .contains(r#"<w:rPr><w:lang w:val="en-US""#));
        assert!(add_language("<w:styles><w:b></w:styles>", "en").is_err());
    }

    #[test]
    fn binary_parts_are_copied_byte_for_byte() {
        let image: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        let mut package = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in [
            ("docProps/core.xml", b"<x/>".as_slice()),
            ("word/media/image1.png", image.as_slice()),
        ] {
            package
                .start_file(name, SimpleFileOptions::default())
                .unwrap();
            package.write_all(bytes).unwrap();
        }
        let package = package.finish().unwrap().into_inner();
        let metadata = Metadata::default();
        let out = finish(package, &metadata, &[]).unwrap();
        let mut archive = ZipArchive::new(Cursor::new(out)).unwrap();
        let mut copied = Vec::new();
        archive
            .by_name("word/media/image1.png")
            .unwrap()
            .read_to_end(&mut copied)
            .unwrap();
        assert_eq!(copied, image);
    }
}
