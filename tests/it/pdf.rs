//! The PDF back end, read by qpdf and poppler (pdftotext, pdfinfo,
//! pdffonts, pdftoppm): valid files, text in reading order, each footnote on
//! the page of its reference, metadata, embedded subset fonts, outline,
//! links without borders, long documents with a note that crosses a page.

use std::path::Path;

use resolution_studio::document::{parse::parse, Block, Document, Inline, Metadata, Paper};
use resolution_studio::export::{self, ExportError, Format};

use crate::common::{
    catalog, contains_in_pieces, picture_of_first_page, sample_document, squeeze, tool,
};

fn write_pdf(dir: &Path, name: &str, document: &Document) -> String {
    let file = format!("{name}.pdf");
    std::fs::write(
        dir.join(&file),
        export::write(document, Format::Pdf).unwrap(),
    )
    .unwrap();
    file
}

fn page_texts(dir: &Path, file: &str) -> Vec<String> {
    let info = tool("pdfinfo", &[file], dir);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    (1..=pages)
        .map(|p| {
            tool(
                "pdftotext",
                &[
                    "-enc",
                    "UTF-8",
                    "-f",
                    &p.to_string(),
                    "-l",
                    &p.to_string(),
                    file,
                    "-",
                ],
                dir,
            )
        })
        .collect()
}

/// The text just before each note reference, keyed by note number.
fn text_before_notes(document: &Document) -> Vec<(usize, String)> {
    fn walk(inlines: &[Inline], before: &mut String, out: &mut Vec<(usize, String)>) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => before.push_str(t),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                    walk(c, before, out)
                }
                Inline::NoteRef(n) => out.push((*n, before.clone())),
                Inline::LineBreak => before.push(' '),
            }
        }
    }
    fn blocks(list: &[Block], out: &mut Vec<(usize, String)>) {
        for block in list {
            match block {
                Block::Title(c) | Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                    walk(c, &mut String::new(), out)
                }
                Block::List(l) => l.items.iter().for_each(|i| blocks(i, out)),
                Block::Quote { blocks: q, .. } => blocks(q, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    blocks(&document.blocks, &mut out);
    out
}

fn note_text(document: &Document, number: usize) -> String {
    document.footnotes[number - 1]
        .paragraphs
        .iter()
        .map(|p| Inline::plain_text(p))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each note starts on the page where its mark is, right after the text it
/// follows. (pdftotext places a note's own number unpredictably, so a note
/// is found by its text; identical notes may be on any of their pages.)
fn assert_notes_on_their_pages(id: &str, document: &Document, pages: &[String]) {
    let squeezed: Vec<String> = pages.iter().map(|p| squeeze(p)).collect();
    for (number, before) in text_before_notes(document) {
        let note = squeeze(&note_text(document, number));
        let start = &note[..note.floor_char_boundary(40.min(note.len()))];
        let candidates: Vec<usize> = (0..pages.len())
            .filter(|p| {
                squeezed[*p].contains(&note) || (note.len() > 200 && squeezed[*p].contains(start))
            })
            .collect();
        assert!(
            !candidates.is_empty(),
            "{id}: footnote {number} not found: {note}"
        );
        let tail = squeeze(&before);
        let tail = &tail[tail.floor_char_boundary(tail.len().saturating_sub(15))..];
        let mark = format!("{tail}{number}");
        assert!(
            candidates.iter().any(|p| squeezed[*p].contains(&mark)),
            "{id}: the mark of note {number} (after “{tail}”) is not on the page of its note (pages {candidates:?})"
        );
    }
}

#[test]
fn every_sample_pdf_is_valid_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    for entry in catalog().entries() {
        let id = entry.template.id();
        let document = sample_document(&entry.template, entry.sample.as_ref().unwrap());
        let file = write_pdf(dir.path(), id, &document);
        let check = tool("qpdf", &["--check", &file], dir.path());
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{id}: {check}"
        );

        let info = tool("pdfinfo", &[&file], dir.path());
        assert!(
            info.contains(&format!("Title:           {}", document.metadata.title)),
            "{id}: {info}"
        );
        if let Some(author) = &document.metadata.author {
            assert!(
                info.contains(&format!("Author:          {author}")),
                "{id}: {info}"
            );
        }
        let size = if document.metadata.paper == Paper::Letter {
            "612 x 792 pts"
        } else {
            "595.276 x 841.89 pts"
        };
        assert!(info.contains(size), "{id}: paper size: {info}");

        let fonts = tool("pdffonts", &[&file], dir.path());
        for line in fonts.lines().skip(2) {
            let columns: Vec<&str> = line.split_whitespace().collect();
            assert!(
                columns[0].contains('+') && columns[0].contains("LiberationSerif"),
                "{id}: {line}"
            );
            assert_eq!(
                &columns[columns.len() - 5..columns.len() - 2],
                ["yes", "yes", "yes"],
                "{id}: embedded subset: {line}"
            );
        }

        let pages = page_texts(dir.path(), &file);
        let whole = squeeze(&pages.concat());
        // Body text in reading order: each paragraph found after the previous one.
        let mut from = 0;
        for block in &document.blocks {
            if let Block::Paragraph(content)
            | Block::Title(content)
            | Block::Heading { content, .. } = block
            {
                let text = Inline::plain_text(content);
                let first_words = squeeze(
                    &text
                        .split_whitespace()
                        .take(4)
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                let at = whole[from..]
                    .find(&first_words)
                    .unwrap_or_else(|| panic!("{id}: “{text}” missing or out of order"));
                from += at;
            }
        }
        assert_notes_on_their_pages(id, &document, &pages);
        let of = if document.metadata.language.starts_with("fr") {
            "sur"
        } else {
            "of"
        };
        for (n, page) in pages.iter().enumerate() {
            assert!(
                page.contains(&format!("Page {} {of} {}", n + 1, pages.len())),
                "{id}: footer of page {}",
                n + 1
            );
        }
    }
}

#[test]
fn proposal_outline_links_language_and_picture() {
    let entry = catalog().get("us-14a8-hrdd-proposal").unwrap().clone();
    let document = sample_document(&entry.template, entry.sample.as_ref().unwrap());
    let bytes = export::write(&document, Format::Pdf).unwrap();
    assert!(
        bytes.len() < 60 * 1024,
        "the proposal's PDF is {} bytes",
        bytes.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let file = write_pdf(dir.path(), "proposal", &document);

    let outline = tool(
        "qpdf",
        &["--json", "--json-key=outlines", &file],
        dir.path(),
    );
    let outline: serde_json::Value = serde_json::from_str(&outline).unwrap();
    let top = &outline["outlines"][0];
    let Some(Block::Title(title)) = document.blocks.first() else {
        panic!("the proposal has a title")
    };
    assert_eq!(top["title"], Inline::plain_text(title));
    let headings: Vec<String> = document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content, .. } => Some(Inline::plain_text(content)),
            _ => None,
        })
        .collect();
    let kids: Vec<&str> = top["kids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        kids, headings,
        "headings nest under the title, in document order"
    );

    let urls = tool("pdfinfo", &["-url", &file], dir.path());
    assert!(
        urls.contains("https://www.theguardian.com/"),
        "links are clickable: {urls}"
    );
    tool(
        "qpdf",
        &["--qdf", "--object-streams=disable", &file, "expanded.pdf"],
        dir.path(),
    );
    let expanded =
        String::from_utf8_lossy(&std::fs::read(dir.path().join("expanded.pdf")).unwrap())
            .into_owned();
    assert!(
        expanded.contains("/Lang (en-US)"),
        "the document language is set"
    );
    assert!(
        expanded
            .split_whitespace()
            .collect::<String>()
            .contains("/Border[000]"),
        "links have no border"
    );

    // A picture of page 1 for a person to look at.
    let picture = picture_of_first_page(dir.path(), &file, "proposal-page");
    let png = std::fs::read(&picture).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    eprintln!("page 1 of the proposal: {}", picture.display());
}

#[test]
fn long_document_with_many_notes_and_one_crossing_a_page() {
    let mut markdown = String::from("# A long document\n\n");
    for i in 1..=30 {
        markdown.push_str(&format!(
            "## Section {i}\n\nParagraph {i} makes a claim that needs a source, and says so at some length so that lines wrap and pages fill up as they would in a real letter.[^n{i}] It then goes on for another sentence or two to give the layout something to break.\n\n"
        ));
    }
    for i in 1..=30 {
        if i == 12 {
            let long: Vec<String> = (1..=90).map(|k| format!("clause{k}")).collect();
            markdown.push_str(&format!(
                "[^n{i}]: Note {i} is very long: {}.\n",
                long.join(" and ")
            ));
        } else {
            markdown.push_str(&format!("[^n{i}]: Note {i} gives its source.\n"));
        }
    }
    let metadata = Metadata {
        title: "Long".into(),
        language: "en".into(),
        paper: Paper::A4,
        ..Default::default()
    };
    let document = parse(&markdown, metadata).document;
    let dir = tempfile::tempdir().unwrap();
    let file = write_pdf(dir.path(), "long", &document);
    assert!(tool("qpdf", &["--check", &file], dir.path())
        .contains("No syntax or stream encoding errors"));
    let pages = page_texts(dir.path(), &file);
    assert!(pages.len() >= 5, "{} pages", pages.len());
    assert_notes_on_their_pages("long", &document, &pages);
    // Note 12 starts on its mark's page and ends on a later one.
    let start = pages
        .iter()
        .position(|p| squeeze(p).contains("Note12isverylong"))
        .unwrap();
    let end = pages
        .iter()
        .position(|p| squeeze(p).contains("clause90and") || squeeze(p).contains("clause90."))
        .unwrap();
    assert!(
        end > start,
        "note 12 continues on the next page (starts {start}, ends {end})"
    );
    assert!(
        contains_in_pieces(
            &squeeze(&pages.concat()),
            &squeeze(&note_text(&document, 12)),
            3
        ),
        "note 12 is complete"
    );
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())));
        // No widow: a paragraph's last line never starts a page alone.
        let first_line = page
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        assert!(
            !first_line.starts_with("give the layout"),
            "page {} starts with a widow",
            i + 1
        );
        // No heading at the foot of a page: the last body line is not a heading.
        let body: Vec<&str> = page
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take_while(|l| !l.starts_with("Note ") && !l.starts_with("clause"))
            .collect();
        if let Some(last) = body
            .iter()
            .rev()
            .find(|l| !l.chars().all(|c| c.is_ascii_digit()))
        {
            assert!(
                !last.starts_with("Section "),
                "page {} ends with a heading",
                i + 1
            );
        }
    }
}

#[test]
fn french_characters_survive_and_missing_glyphs_are_reported() {
    let text = "« Œuvre » d’un cœur : 10\u{202F}000\u{00A0}€, déjà ; « fête » à l’été.";
    let metadata = Metadata {
        title: "Essai".into(),
        language: "fr".into(),
        ..Default::default()
    };
    let document = parse(&format!("# Essai\n\n{text}\n"), metadata.clone()).document;
    let dir = tempfile::tempdir().unwrap();
    let file = write_pdf(dir.path(), "fr", &document);
    let extracted = tool("pdftotext", &["-enc", "UTF-8", &file, "-"], dir.path());
    for c in ['«', '»', '’', 'œ', 'Œ', '€', 'é', 'à'] {
        assert!(extracted.contains(c), "{c:?} lost: {extracted}");
    }

    // U+0378 is unassigned: no font on any machine has it.
    let bad = parse("# Essai\n\nUn mot \u{0378} ici.\n", metadata).document;
    let error = export::write(&bad, Format::Pdf).unwrap_err();
    assert!(matches!(
        error,
        ExportError::MissingGlyph {
            character: '\u{0378}',
            ..
        }
    ));
    let message = error.to_string();
    assert!(
        message.contains("U+0378") && message.contains("block 2") && message.contains("Un mot"),
        "{message}"
    );
}
