//! DOCX and HTML checked by outside software: LibreOffice converts the DOCX
//! to PDF and poppler's pdftotext reads it; pandoc and python-docx read the
//! DOCX; html5ever parses the HTML.

use std::io::Read;
use std::path::Path;

use resolution_studio::document::{Block, Document, Inline};
use resolution_studio::export::{self, Format};

use crate::common::{
    catalog, contains_in_pieces, sample_document, soffice_convert, squeeze, tool, zip_part,
};

/// Every run of body text between note references and line breaks, as
/// plain text: the outputs put note numbers and line ends at those places.
fn body_texts(document: &Document) -> Vec<String> {
    fn segments(inlines: &[Inline], out: &mut Vec<String>) {
        let mut current = Vec::new();
        for inline in inlines {
            match inline {
                Inline::NoteRef(_) | Inline::LineBreak => {
                    out.push(Inline::plain_text(&current));
                    current.clear();
                }
                other => current.push(other.clone()),
            }
        }
        out.push(Inline::plain_text(&current));
        out.retain(|s| !s.trim().is_empty());
    }
    let mut out = Vec::new();
    for content in document.inline_blocks() {
        segments(content, &mut out);
    }
    out
}

fn note_texts(document: &Document) -> Vec<String> {
    document
        .footnotes
        .iter()
        .map(|n| {
            n.paragraphs
                .iter()
                .map(|p| Inline::plain_text(p))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn write_docx(dir: &Path, name: &str, document: &Document) -> std::path::PathBuf {
    let path = dir.join(format!("{name}.docx"));
    std::fs::write(&path, export::write(document, Format::Docx).unwrap()).unwrap();
    path
}

/// LibreOffice opens every sample DOCX; the PDF it makes has the body, every
/// footnote and "Page X of Y".
#[test]
fn libreoffice_reads_every_sample_docx() {
    let dir = tempfile::tempdir().unwrap();
    for entry in catalog().entries() {
        let id = entry.template.id();
        let document = sample_document(&entry.template, entry.sample.as_ref().unwrap());
        write_docx(dir.path(), id, &document);
        soffice_convert(dir.path(), &format!("{id}.docx"), "pdf");
        let text = tool(
            "pdftotext",
            &["-enc", "UTF-8", &format!("{id}.pdf"), "-"],
            dir.path(),
        );
        let squeezed = squeeze(&text);
        // A paragraph or note may be split by a page break: two runs at most.
        for paragraph in body_texts(&document) {
            assert!(
                contains_in_pieces(&squeezed, &squeeze(&paragraph), 2),
                "{id}: body text missing from the PDF: {paragraph}\n---\n{text}"
            );
        }
        for (i, note) in note_texts(&document).iter().enumerate() {
            assert!(!note.trim().is_empty(), "{id}: note {} is empty", i + 1);
            assert!(
                contains_in_pieces(&squeezed, &squeeze(note), 2),
                "{id}: footnote {} missing from the PDF: {note}\n---\n{text}",
                i + 1
            );
        }
        let pages = tool("pdfinfo", &[&format!("{id}.pdf")], dir.path());
        let count: usize = pages
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo gives a page count");
        let (page, of) = if document.metadata.language.starts_with("fr") {
            ("Page", "sur")
        } else {
            ("Page", "of")
        };
        for n in 1..=count {
            assert!(
                text.contains(&format!("{page} {n} {of} {count}")),
                "{id}: no \"{page} {n} {of} {count}\" footer\n{text}"
            );
        }
    }
}

/// The footnote number shows in the note itself (Word needs `w:footnoteRef`),
/// and notes are numbered 1.. in the order the text cites them.
#[test]
fn footnotes_are_real_and_numbered_in_the_note() {
    let entry = catalog().get("us-14a8-hrdd-proposal").unwrap().clone();
    let document = sample_document(&entry.template, entry.sample.as_ref().unwrap());
    assert!(
        document.footnotes.len() >= 2,
        "the proposal cites its recitals"
    );
    let bytes = export::write(&document, Format::Docx).unwrap();
    let footnotes = zip_part(&bytes, "word/footnotes.xml");
    let real_notes = footnotes.matches("<w:footnote w:id=").count();
    assert_eq!(
        footnotes.matches("<w:footnoteRef/>").count(),
        document.footnotes.len()
    );
    assert!(real_notes >= document.footnotes.len());
    let body = zip_part(&bytes, "word/document.xml");
    for n in 1..=document.footnotes.len() {
        assert!(
            body.contains(&format!("<w:footnoteReference w:id=\"{n}\"")),
            "note {n} is referenced from the text"
        );
    }
    // pandoc reads the notes as notes.
    let dir = tempfile::tempdir().unwrap();
    write_docx(dir.path(), "proposal", &document);
    let plain = tool(
        "pandoc",
        &["-f", "docx", "-t", "plain", "--wrap=none", "proposal.docx"],
        dir.path(),
    );
    for (i, note) in note_texts(&document).iter().enumerate() {
        let marker = format!("[{}] ", i + 1);
        let squeezed_note = squeeze(note);
        assert!(
            plain.lines().any(|l| l.starts_with(&marker)
                && squeeze(l).contains(&squeezed_note[..squeezed_note.len().min(40)])),
            "pandoc shows note {} as a footnote:\n{plain}",
            i + 1
        );
    }
}

/// python-docx sees the named styles, the properties and the text.
#[test]
fn python_docx_reads_styles_and_properties() {
    let dir = tempfile::tempdir().unwrap();
    for entry in catalog().entries() {
        let id = entry.template.id();
        let document = sample_document(&entry.template, entry.sample.as_ref().unwrap());
        let path = write_docx(dir.path(), id, &document);
        let script = "import docx, json, sys\nd = docx.Document(sys.argv[1])\np = d.core_properties\nprint(json.dumps({'title': p.title, 'author': p.author, 'language': p.language, 'styles': [x.style.name for x in d.paragraphs], 'text': [x.text for x in d.paragraphs]}))";
        let out = tool(
            "/usr/bin/python3",
            &["-c", script, path.to_str().unwrap()],
            dir.path(),
        );
        let read: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(read["title"], document.metadata.title, "{id}");
        assert_eq!(read["language"], document.metadata.language, "{id}");
        if let Some(author) = &document.metadata.author {
            assert_eq!(read["author"], author.as_str(), "{id}");
        }
        let styles: Vec<&str> = read["styles"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s.as_str())
            .collect();
        if matches!(document.blocks.first(), Some(Block::Title(_))) {
            assert_eq!(styles[0], "Title", "{id}");
        }
        assert!(styles.contains(&"Body Text"), "{id}: {styles:?}");
        let has_list = document.blocks.iter().any(|b| matches!(b, Block::List(_)));
        assert_eq!(
            styles.contains(&"List Paragraph"),
            has_list,
            "{id}: {styles:?}"
        );
        let text = squeeze(
            &read["text"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|t| t.as_str())
                .collect::<String>(),
        );
        for paragraph in body_texts(&document) {
            assert!(
                text.contains(&squeeze(&paragraph)),
                "{id}: python-docx misses {paragraph}"
            );
        }
    }
}

/// French typography survives both outputs.
#[test]
fn french_typography_survives_docx_and_html() {
    let entry = catalog().get("engagement-letter-fr").unwrap().clone();
    let document = sample_document(&entry.template, entry.sample.as_ref().unwrap());
    let docx = export::write(&document, Format::Docx).unwrap();
    let xml = zip_part(&docx, "word/document.xml") + &zip_part(&docx, "word/footnotes.xml");
    let html = String::from_utf8(export::write(&document, Format::Html).unwrap()).unwrap();
    for (name, c) in [
        ("«", '«'),
        ("»", '»'),
        ("’", '’'),
        ("U+202F", '\u{202F}'),
        ("é", 'é'),
        ("è", 'è'),
    ] {
        assert!(xml.contains(c), "DOCX lost {name}");
        assert!(html.contains(c), "HTML lost {name}");
    }
    // And LibreOffice reads them back out of the DOCX.
    let dir = tempfile::tempdir().unwrap();
    write_docx(dir.path(), "fr", &document);
    soffice_convert(dir.path(), "fr.docx", "txt:Text (encoded):UTF8");
    let text = std::fs::read_to_string(dir.path().join("fr.txt")).unwrap();
    for c in ['«', '»', '’', '\u{202F}', 'é'] {
        assert!(
            text.contains(c),
            "LibreOffice's text of the DOCX lost {c:?}"
        );
    }
}

/// The HTML parses cleanly and links each note reference to its note.
#[test]
fn html_parses_and_notes_link_up() {
    for entry in catalog().entries() {
        let id = entry.template.id();
        let document = sample_document(&entry.template, entry.sample.as_ref().unwrap());
        let html = String::from_utf8(export::write(&document, Format::Html).unwrap()).unwrap();
        let parsed = scraper::Html::parse_document(&html);
        assert!(
            parsed.errors.is_empty(),
            "{id}: HTML parse errors {:?}",
            parsed.errors
        );
        let select = |css: &str| scraper::Selector::parse(css).unwrap();
        let title: String = parsed
            .select(&select("title"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(title, document.metadata.title, "{id}");
        let lang = parsed
            .select(&select("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang");
        assert_eq!(lang, Some(document.metadata.language.as_str()));
        let notes: Vec<_> = parsed.select(&select("section.footnotes li")).collect();
        assert_eq!(notes.len(), document.footnotes.len(), "{id}");
        for (i, note) in notes.iter().enumerate() {
            assert_eq!(
                note.value().attr("id"),
                Some(format!("fn{}", i + 1).as_str())
            );
            let text: String = note.text().collect();
            assert!(
                squeeze(&text).contains(&squeeze(&note_texts(&document)[i])),
                "{id}: note {}",
                i + 1
            );
        }
        for reference in parsed.select(&select("sup.note-ref a")) {
            let target = reference
                .value()
                .attr("href")
                .unwrap()
                .trim_start_matches('#');
            assert!(
                parsed
                    .select(&select(&format!("li#{target}")))
                    .next()
                    .is_some(),
                "{id}: dangling note link {target}"
            );
        }
        let text: String = parsed.root_element().text().collect();
        for paragraph in body_texts(&document) {
            assert!(
                squeeze(&text).contains(&squeeze(&paragraph)),
                "{id}: HTML misses {paragraph}"
            );
        }
    }
}

/// Structure beyond the samples: nested mixed lists, a link in the body and
/// in a note, a quote, a page break; pandoc reads each back from the DOCX.
#[test]
fn pandoc_reads_lists_links_quotes_and_breaks() {
    use resolution_studio::document::{parse::parse, Metadata};
    let markdown = "# Rich document\n\nSee [the guide](https://example.org/guide).[^n]\n\n1. first\n2. second\n   - inner bullet\n   - another\n3. third\n\n> A quoted passage.\n\n\\pagebreak\n\n## After the break\n\nEnd.\n\n[^n]: A note with [a link](https://example.org/note).\n";
    let document = parse(
        markdown,
        Metadata {
            title: "Rich".into(),
            language: "en".into(),
            ..Default::default()
        },
    )
    .document;
    let dir = tempfile::tempdir().unwrap();
    write_docx(dir.path(), "rich", &document);
    let md = tool(
        "pandoc",
        &["-f", "docx", "-t", "markdown", "--wrap=none", "rich.docx"],
        dir.path(),
    );
    assert!(
        md.contains("[the guide](https://example.org/guide)"),
        "{md}"
    );
    assert!(
        md.contains("[a link](https://example.org/note)"),
        "a link inside a note keeps its target: {md}"
    );
    assert!(md.contains("1.  first") && md.contains("3.  third"), "{md}");
    assert!(
        md.contains("-   inner bullet"),
        "the inner list keeps its bullets: {md}"
    );
    assert!(
        md.contains("> A quoted passage") || md.contains("A quoted passage"),
        "{md}"
    );
    assert!(md.contains("After the break"), "{md}");
    let xml = zip_part(
        &export::write(&document, Format::Docx).unwrap(),
        "word/document.xml",
    );
    assert!(xml.contains("<w:br w:type=\"page\""), "a real page break");
}

/// Every XML part of every sample's DOCX is well-formed, and every property
/// list (`w:pPr`, `w:rPr`, `w:sectPr`, `w:style`, …) is in the order the
/// ECMA-376 schema gives: Word drops or refuses properties out of sequence.
#[test]
fn every_sample_docx_is_well_formed_and_in_schema_order() {
    use resolution_studio::export::docx::order::first_out_of_order;
    let mut checked = 0;
    for entry in catalog().entries() {
        let id = entry.template.id();
        let document = sample_document(&entry.template, entry.sample.as_ref().unwrap());
        let bytes = export::write(&document, Format::Docx).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).unwrap();
        let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        for name in names
            .iter()
            .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
        {
            let mut text = String::new();
            archive
                .by_name(name)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            match first_out_of_order(&text) {
                Ok(None) => checked += 1,
                Ok(Some(problem)) => panic!("{id}: {name}: {problem}"),
                Err(error) => panic!("{id}: {name} is not well-formed: {error}"),
            }
        }
    }
    assert!(
        checked >= 5 * catalog().entries().len(),
        "{checked} parts checked"
    );
}

/// Typographic punctuation in all three outputs: an English answer's
/// straight apostrophe, quotes and double hyphen become ’ “ ” –, a web
/// address keeps its characters; a French answer's "mot" becomes « mot »
/// with narrow no-break spaces, and a space before a colon becomes one too.
#[test]
fn answers_get_the_punctuation_their_language_expects_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let render = |template: &str, answers: &serde_json::Value, format: &str| -> Vec<u8> {
        let data = dir.path().join(format!("{template}.json"));
        std::fs::write(&data, answers.to_string()).unwrap();
        let out = dir.path().join(format!("{template}.{format}"));
        let output = crate::common::cli(&[
            "render",
            template,
            "--data",
            data.to_str().unwrap(),
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(
            output.status.success(),
            "{}",
            crate::common::stderr(&output)
        );
        std::fs::read(out).unwrap()
    };
    let mut english = crate::drafts::sample("us-14a8-hrdd-proposal");
    english["supporting_statement"] = serde_json::json!(
        "Israel's \"review\" -- as https://example.org/a--b?x='y' shows -- is not enough."
    );
    let html = String::from_utf8(render("us-14a8-hrdd-proposal", &english, "html")).unwrap();
    assert!(
        html.contains("Israel\u{2019}s \u{201C}review\u{201D} \u{2013} as https://example.org/a--b?x=&#39;y&#39; shows \u{2013} is not enough."),
        "{html}"
    );
    let docx = render("us-14a8-hrdd-proposal", &english, "docx");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip::ZipArchive::new(std::io::Cursor::new(docx))
            .unwrap()
            .by_name("word/document.xml")
            .unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains("Israel\u{2019}s \u{201C}review\u{201D} \u{2013}"),
        "DOCX"
    );
    assert!(
        xml.contains("https://example.org/a--b?x='y'")
            || xml.contains("https://example.org/a--b?x=&apos;y&apos;"),
        "DOCX"
    );
    std::fs::write(
        dir.path().join("english.pdf"),
        render("us-14a8-hrdd-proposal", &english, "pdf"),
    )
    .unwrap();
    let text = crate::common::tool(
        "pdftotext",
        &["-enc", "UTF-8", "english.pdf", "-"],
        dir.path(),
    );
    assert!(
        crate::common::squeeze(&text).contains(&crate::common::squeeze(
            "Israel\u{2019}s \u{201C}review\u{201D} \u{2013} as"
        )),
        "{text}"
    );

    let mut french = crate::drafts::sample("engagement-letter-fr");
    french["investor_description"] =
        serde_json::json!("un groupe dit \"responsable\" : des caisses de retraite");
    let html = String::from_utf8(render("engagement-letter-fr", &french, "html")).unwrap();
    assert!(
        html.contains("un groupe dit \u{AB}\u{202F}responsable\u{202F}\u{BB}\u{202F}: des caisses de retraite"),
        "{html}"
    );
}

/// What the one-document process hands its helper thread while this one
/// formats the notes (`render::render_ahead`): the lines of the body's
/// paragraphs for a PDF, the package but for its notes for a DOCX.
enum Ahead {
    Lines(export::pdf::BrokenAhead),
    Package(export::docx::WrittenAhead),
}

/// The one-document process starts on the file from the body on a helper
/// thread while the notes are formatted; the file must be the one a plain
/// render writes, byte for byte, for every sample, in both formats that do
/// this, and the work done ahead must have been used.
#[test]
fn files_started_on_another_thread_are_the_plain_renders() {
    let library = crate::common::library();
    let style = resolution_studio::evidence::CitationStyle::by_name(
        resolution_studio::evidence::DEFAULT_STYLE,
    )
    .unwrap();
    let date = Some("2026-01-15");
    let catalog = catalog();
    assert!(
        catalog.entries().len() >= 9,
        "every built-in template is here"
    );
    let mut with_note_links = 0;
    for entry in catalog.entries() {
        let id = &entry.template.front.id;
        // Every built-in template ships sample answers: none is skipped.
        let answers = entry
            .sample
            .as_ref()
            .unwrap_or_else(|| panic!("{id} has no sample answers"));
        for format in [Format::Docx, Format::Pdf] {
            let plain = resolution_studio::render::render_dated(
                &entry.template,
                answers,
                &library,
                &style,
                format,
                date,
            )
            .unwrap();
            let (body_to_helper, body) =
                std::sync::mpsc::channel::<resolution_studio::render::Body>();
            let helper = std::thread::spawn(move || {
                let body = body
                    .recv()
                    .expect("the body is handed over before the notes")
                    .finish();
                match format {
                    Format::Pdf => Ahead::Lines(export::pdf::break_ahead(&body)),
                    _ => Ahead::Package(export::docx::write_body(&body).unwrap()),
                }
            });
            let ahead = resolution_studio::render::render_ahead(
                &entry.template,
                answers,
                &library,
                &style,
                date,
                |body| body_to_helper.send(body).unwrap(),
                |document| match helper.join().unwrap() {
                    Ahead::Lines(broken) => {
                        let found = broken.len();
                        assert!(found >= 5, "{id}: only {found} paragraphs broken ahead");
                        export::pdf::write_ahead(document, broken)
                    }
                    Ahead::Package(package) => {
                        assert!(package.fits(document), "{id}: the DOCX body does not fit");
                        export::docx::write_ahead(document, Some(package))
                    }
                },
            )
            .unwrap();
            assert!(
                plain == ahead,
                "{id}: the {format:?} differs when started ahead"
            );
            if format == Format::Docx
                && zip::ZipArchive::new(std::io::Cursor::new(&ahead))
                    .unwrap()
                    .by_name("word/_rels/footnotes.xml.rels")
                    .is_ok()
            {
                with_note_links += 1;
            }
        }
    }
    assert!(
        with_note_links > 0,
        "no sample has a link in a note: the notes' relationships went untested"
    );
}

/// A DOCX package written from another body is not used: the document is
/// written whole, as a plain render writes it.
#[test]
fn a_docx_written_ahead_from_another_body_is_not_used() {
    let catalog = catalog();
    let mut documents = catalog.entries().iter().take(2).map(|entry| {
        let answers = entry.sample.as_ref().expect("a sample");
        sample_document(&entry.template, answers)
    });
    let (first, second) = (documents.next().unwrap(), documents.next().unwrap());
    let mut first_body = first.clone();
    for note in &mut first_body.footnotes {
        note.paragraphs.clear();
    }
    let ahead = export::docx::write_body(&first_body).unwrap();
    assert!(ahead.fits(&first), "a body fits its own document");
    assert!(!ahead.fits(&second), "a body does not fit another document");
    assert_eq!(
        export::docx::write_ahead(&second, Some(ahead)).unwrap(),
        export::docx::write(&second).unwrap(),
        "the other document is written whole"
    );
}

/// A document that refers to no note: its package written ahead is the
/// whole file, the one a plain render writes, with no note in it.
#[test]
fn a_docx_without_notes_is_written_ahead_too() {
    let metadata = resolution_studio::document::Metadata {
        title: "A letter".into(),
        language: "en".into(),
        ..Default::default()
    };
    let document =
        resolution_studio::document::parse::parse("# A letter\n\nNo notes here.", metadata)
            .document;
    assert!(document.footnotes.is_empty());
    let ahead = export::docx::write_body(&document).unwrap();
    assert!(ahead.fits(&document));
    let written = export::docx::write_ahead(&document, Some(ahead)).unwrap();
    assert_eq!(written, export::docx::write(&document).unwrap());
    let notes = zip_part(&written, "word/footnotes.xml");
    assert!(!notes.contains("<w:footnote "), "{notes}");
    assert!(zip_part(&written, "word/document.xml").contains("No notes here."));
}
