//! Typesetting for every script (issue 14): a document mixing English,
//! French, Hebrew, Arabic, Greek, numbers inside Hebrew, a Chinese name and
//! an emoji, read back by poppler (pdftotext, pdffonts, pdfinfo, pdftoppm)
//! and, as DOCX, by LibreOffice; kerning in the content stream; the tagged
//! PDF's structure tree.

use std::path::Path;

use lopdf::{Document as Pdf, Object};
use resolution_studio::document::{parse::parse, Document, Metadata};
use resolution_studio::export::pdf::{write_with, SystemFonts};
use resolution_studio::export::{self, ExportError, Format};
use unicode_bidi::{BidiInfo, Level};

use crate::common::{picture_of_first_page, soffice_convert, tool, zip_part};

const MIXED: &str = "# Typesetting across scripts

Signed by Marie-Œdile « Ünal » שלום עולם, citing «שיחה מקומית» (Local Call).

The unit is named in Hebrew: יחידה 8200 היא יחידת מודיעין.

> הם אמרו שזה ייקח 10 ימים בלבד

The Palestinian organisation مؤسسة الحق works in رام الله.

Greek: Ελληνικά κείμενα. A name in Chinese: 王小明. A globe: 🌍.

- AVATAR To Tokyo, with a note.[^1]
- A link to [the source](https://example.org/report).

[^1]: Une note en français : « sans doute ».
";

fn mixed_document() -> Document {
    let metadata = Metadata {
        title: "Typesetting across scripts".into(),
        language: "en".into(),
        ..Default::default()
    };
    parse(MIXED, metadata).document
}

/// The characters of `line` in the order a reader sees them, left to right
/// (the bidirectional algorithm applied), without spaces or direction marks.
fn displayed(line: &str, rtl: bool) -> String {
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(line, Some(level));
    let Some(paragraph) = info.paragraphs.first() else {
        return String::new();
    };
    info.reorder_line(paragraph, paragraph.range.clone())
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}')
        })
        .collect()
}

/// The characters of a line of pdftotext's output, left to right as on the
/// page: poppler writes a line's runs in the order they stand on the page,
/// a right-to-left run between U+202B and U+202C in logical order (so
/// reversed here), without spaces.
fn poppler_visual(line: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let mut in_rtl = false;
    for c in line.chars() {
        match c {
            '\u{202B}' => in_rtl = true,
            '\u{202C}' => {
                out.extend(run.chars().rev());
                run.clear();
                in_rtl = false;
            }
            c if c.is_whitespace() => {}
            c if in_rtl => run.push(c),
            c => out.push(c),
        }
    }
    out.extend(run.chars().rev());
    out
}

fn text_of(dir: &Path, file: &str) -> String {
    tool("pdftotext", &["-enc", "UTF-8", file, "-"], dir)
}

#[test]
fn every_script_reads_back_in_logical_order_with_its_fonts_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export::write(&mixed_document(), Format::Pdf)
        .expect("the test command installs fonts-droid-fallback and fonts-symbola");
    std::fs::write(dir.path().join("mixed.pdf"), &pdf).unwrap();
    tool("qpdf", &["--check", "mixed.pdf"], dir.path());
    // A picture of the page, for a person to look at.
    let picture = picture_of_first_page(dir.path(), "mixed.pdf", "mixed-scripts-page");
    assert_eq!(&std::fs::read(picture).unwrap()[1..4], b"PNG");

    let text = text_of(dir.path(), "mixed.pdf");
    for phrase in [
        "Marie-Œdile « Ünal »",
        "שלום עולם",
        "שיחה מקומית",
        "היא יחידת מודיעין",
        "הם אמרו שזה ייקח",
        "مؤسسة الحق",
        "رام الله",
        "Ελληνικά κείμενα",
        "王小明",
        "🌍",
        "AVATAR To Tokyo",
    ] {
        assert!(text.contains(phrase), "{phrase:?} not read back:\n{text}");
    }
    // Where numbers sit inside Hebrew, pdftotext writes the line as runs
    // between embedding marks (as it does for LibreOffice's PDF): each
    // run in logical order, and the line, displayed, as the document says.
    for (paragraph, rtl) in [
        (
            "The unit is named in Hebrew: יחידה 8200 היא יחידת מודיעין.",
            false,
        ),
        ("הם אמרו שזה ייקח 10 ימים בלבד", true),
    ] {
        let wanted = displayed(paragraph, rtl);
        let lines: Vec<String> = text.lines().map(poppler_visual).collect();
        assert!(
            lines.contains(&wanted),
            "{paragraph:?} is not displayed as {wanted:?}: {lines:?}\n{text}"
        );
    }

    let fonts = tool("pdffonts", &["mixed.pdf"], dir.path());
    for family in [
        "LiberationSerif",
        "NotoNaskhArabic",
        "DroidSansFallback",
        "Symbola",
    ] {
        let line = fonts
            .lines()
            .find(|l| l.contains(family))
            .unwrap_or_else(|| panic!("{family} not embedded:\n{fonts}"));
        // Columns: name type encoding emb sub uni …
        let columns: Vec<&str> = line.split_whitespace().collect();
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(flags, ["yes", "yes", "yes"], "{family}: {line}");
        assert!(
            columns[0].len() > 7 && columns[0].as_bytes()[6] == b'+',
            "{family} is not named as a subset: {line}"
        );
    }
}

#[test]
fn without_a_font_for_chinese_the_message_names_the_package() {
    let nothing = SystemFonts::only(fontdb_empty());
    let error = write_with(&mixed_document(), &nothing).unwrap_err();
    assert!(
        matches!(
            error,
            ExportError::MissingGlyph {
                character: '王',
                ..
            }
        ),
        "{error}"
    );
    let message = error.to_string();
    for part in [
        "U+738B",
        "Han script",
        "block 6",
        "fonts-noto-cjk",
        "A name in Chinese",
    ] {
        assert!(message.contains(part), "{part:?} missing from: {message}");
    }
    // Hebrew and Arabic need nothing from the machine.
    let shipped_only = parse(
        "Marie שלום עולם and مؤسسة الحق.\n",
        Metadata {
            title: "t".into(),
            language: "en".into(),
            ..Default::default()
        },
    )
    .document;
    write_with(&shipped_only, &nothing).unwrap();
}

fn fontdb_empty() -> fontdb::Database {
    fontdb::Database::new()
}

#[test]
fn docx_and_html_mark_right_to_left_text() {
    let docx = export::write(&mixed_document(), Format::Docx).unwrap();
    let xml = zip_part(&docx, "word/document.xml");
    let runs: Vec<&str> = xml.split("<w:r>").skip(1).collect();
    let run_with = |text: &str| {
        runs.iter()
            .find(|r| r.contains(text))
            .unwrap_or_else(|| panic!("no run with {text:?}"))
            .to_string()
    };
    let hebrew = run_with("שלום עולם");
    assert!(
        hebrew.contains("<w:rtl/>") && hebrew.contains("w:bidi=\"he-IL\""),
        "{hebrew}"
    );
    assert!(
        !hebrew.contains("Marie"),
        "Latin text shares the Hebrew run: {hebrew}"
    );
    let arabic = run_with("مؤسسة الحق");
    assert!(
        arabic.contains("w:bidi=\"ar-SA\"") && arabic.contains("w:cs=\"Noto Naskh Arabic\""),
        "{arabic}"
    );
    let latin = run_with("Signed by");
    assert!(!latin.contains("<w:rtl/>"), "{latin}");
    // The quotation, all Hebrew, is a right-to-left paragraph; the others are not.
    let paragraphs: Vec<&str> = xml.split("</w:p>").collect();
    let quote = paragraphs.iter().find(|p| p.contains("ימים בלבד")).unwrap();
    let bidi = |p: &str| p.contains("<w:bidi/>") || p.contains("<w:bidi />");
    assert!(bidi(quote), "{quote}");
    let mixed = paragraphs.iter().find(|p| p.contains("Signed by")).unwrap();
    assert!(!bidi(mixed), "{mixed}");

    let html = String::from_utf8(export::write(&mixed_document(), Format::Html).unwrap()).unwrap();
    assert!(html.contains("<p dir=\"rtl\">הם אמרו"), "{html}");
    assert!(html.contains("<p dir=\"ltr\">Signed by"), "{html}");
    assert!(html.contains("<p>Greek: "), "{html}");
}

#[test]
fn libreoffice_shows_the_docx_hebrew_in_logical_order() {
    let dir = tempfile::tempdir().unwrap();
    let docx = export::write(&mixed_document(), Format::Docx).unwrap();
    std::fs::write(dir.path().join("mixed.docx"), docx).unwrap();
    soffice_convert(dir.path(), "mixed.docx", "pdf");
    let text = text_of(dir.path(), "mixed.pdf");
    for phrase in ["שלום עולם", "שיחה מקומית", "مؤسسة الحق", "رام الله"]
    {
        assert!(text.contains(phrase), "{phrase:?} not read back:\n{text}");
    }
}

/// The page's content stream, decoded.
fn page_content(pdf: &Pdf, page: u32) -> Vec<lopdf::content::Operation> {
    let id = pdf.get_pages()[&page];
    pdf.get_and_decode_page_content(id).unwrap().operations
}

#[test]
fn kerning_moves_glyphs_closer_than_their_advances() {
    let document = parse(
        "AVATAR To Tokyo\n",
        Metadata {
            title: "k".into(),
            language: "en".into(),
            ..Default::default()
        },
    )
    .document;
    let bytes = export::write(&document, Format::Pdf).unwrap();
    let pdf = Pdf::load_mem(&bytes).unwrap();
    let kerns: Vec<f32> = page_content(&pdf, 1)
        .iter()
        .filter(|op| op.operator == "TJ")
        .flat_map(|op| match op.operands.first() {
            Some(Object::Array(items)) => items.clone(),
            _ => Vec::new(),
        })
        .filter_map(|item| item.as_float().ok())
        .collect();
    // A positive number in TJ moves the next glyph left: A–V and T–o are
    // kerned in Liberation Serif.
    assert!(
        kerns.iter().filter(|k| **k > 20.0).count() >= 3,
        "no kerning in the text: {kerns:?}"
    );
}

/// The roles of the structure tree, depth first.
fn roles(pdf: &Pdf) -> Vec<String> {
    fn walk(pdf: &Pdf, object: &Object, out: &mut Vec<String>) {
        let object = match object {
            Object::Reference(id) => match pdf.get_object(*id) {
                Ok(o) => o,
                Err(_) => return,
            },
            other => other,
        };
        let Ok(dict) = object.as_dict() else { return };
        if let Ok(role) = dict.get(b"S").and_then(Object::as_name) {
            out.push(String::from_utf8_lossy(role).into_owned());
        }
        match dict.get(b"K") {
            Ok(Object::Array(kids)) => kids.iter().for_each(|k| walk(pdf, k, out)),
            Ok(kid @ Object::Reference(_)) => walk(pdf, kid, out),
            _ => {}
        }
    }
    let catalog = pdf.catalog().unwrap();
    let root = catalog.get(b"StructTreeRoot").unwrap();
    let mut out = Vec::new();
    walk(pdf, root, &mut out);
    out
}

#[test]
fn the_pdf_is_tagged_in_reading_order() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = export::write(&mixed_document(), Format::Pdf).unwrap();
    std::fs::write(dir.path().join("tagged.pdf"), &bytes).unwrap();
    let info = tool("pdfinfo", &["tagged.pdf"], dir.path());
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with(" yes")),
        "{info}"
    );

    let pdf = Pdf::load_mem(&bytes).unwrap();
    let roles = roles(&pdf);
    assert_eq!(roles[0], "Document", "{roles:?}");
    let expected = [
        "H1",
        "P",
        "P",
        "BlockQuote",
        "P",
        "P",
        "P",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "P",
        "Reference",
        "LI",
        "Lbl",
        "LBody",
        "P",
        "Link",
        "Note",
    ];
    assert_eq!(&roles[1..], expected, "{roles:?}");

    // Page furniture is marked as such, and the file says it is PDF/UA-1.
    let content = page_content(&pdf, 1);
    let artifacts = content
        .iter()
        .filter(|op| {
            op.operator == "BDC"
                && op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact")
        })
        .count();
    assert!(artifacts >= 2, "footer and note rule: {artifacts}");
    let catalog = pdf.catalog().unwrap();
    let metadata = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .and_then(|id| pdf.get_object(id))
        .and_then(Object::as_stream)
        .unwrap();
    let xmp = String::from_utf8_lossy(&metadata.content);
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "{xmp}");
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(Object::as_dict)
        .and_then(|d| d.get(b"Marked"))
        .and_then(Object::as_bool)
        .unwrap();
    assert!(marked);
}

#[test]
fn a_quotation_in_another_language_carries_its_language() {
    let markdown = "We cite the report.\n\n> <!-- lang: fr -->\n> « Une citation en français. »\n\n> <!-- lang: x --> -->\n> Not a tag, so shown as written.\n";
    let document = parse(
        markdown,
        Metadata {
            title: "Languages".into(),
            language: "en".into(),
            ..Default::default()
        },
    )
    .document;
    let html = String::from_utf8(export::write(&document, Format::Html).unwrap()).unwrap();
    assert!(
        html.contains("<blockquote lang=\"fr\">\n<p>« Une citation en français. »</p>"),
        "{html}"
    );
    assert!(html.contains("&lt;!-- lang: x --&gt;"), "{html}");

    // The DOCX gives the quotation a style in its language.
    let docx = export::write(&document, Format::Docx).unwrap();
    let styles = zip_part(&docx, "word/styles.xml");
    let style = styles
        .split("<w:style ")
        .find(|s| s.contains("w:styleId=\"Quote-fr\""))
        .unwrap_or_else(|| panic!("no Quote-fr style: {styles}"));
    assert!(style.contains("<w:lang w:val=\"fr\""), "{style}");
    let body = zip_part(&docx, "word/document.xml");
    let quote = body
        .split("</w:p>")
        .find(|p| p.contains("Une citation"))
        .unwrap();
    assert!(quote.contains("w:val=\"Quote-fr\""), "{quote}");

    let bytes = export::write(&document, Format::Pdf).unwrap();
    let pdf = Pdf::load_mem(&bytes).unwrap();
    let languages: Vec<(String, String)> = pdf
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter_map(|dict| {
            let role = dict.get(b"S").and_then(Object::as_name).ok()?;
            let lang = dict.get(b"Lang").and_then(Object::as_str).ok()?;
            Some((
                String::from_utf8_lossy(role).into_owned(),
                String::from_utf8_lossy(lang).into_owned(),
            ))
        })
        .collect();
    assert_eq!(languages, vec![("BlockQuote".to_owned(), "fr".to_owned())]);
}
