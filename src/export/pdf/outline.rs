//! What printpdf cannot write, added to its PDF objects: the outline
//! (bookmarks) in document order and nested by heading level — printpdf
//! sorts bookmarks by page and name — and the document language.

use lopdf::{Dictionary, Document as Pdf, Object, ObjectId, StringFormat};

use super::layout::Bookmark;

pub fn finish(pdf: &mut Pdf, bookmarks: &[Bookmark], language: &str, page_height: f32) {
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let outline = build_outline(pdf, bookmarks, &pages, page_height);
    if let Ok(catalog) = pdf.catalog_mut() {
        catalog.set("Lang", text_string(language));
        if let Some(outline) = outline {
            catalog.set("Outlines", Object::Reference(outline));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
    }
}

/// A PDF text string: PDFDocEncoding for ASCII, else UTF-16BE with a byte order mark.
pub fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn build_outline(
    pdf: &mut Pdf,
    bookmarks: &[Bookmark],
    pages: &[ObjectId],
    page_height: f32,
) -> Option<ObjectId> {
    let entries: Vec<&Bookmark> = bookmarks.iter().filter(|b| b.page < pages.len()).collect();
    if entries.is_empty() {
        return None;
    }
    let root = pdf.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| pdf.new_object_id()).collect();
    // Each entry's parent is the closest earlier entry of a lower level.
    let parents: Vec<Option<usize>> = (0..entries.len())
        .map(|i| (0..i).rev().find(|j| entries[*j].level < entries[i].level))
        .collect();
    let children = |parent: Option<usize>| -> Vec<usize> {
        (0..entries.len())
            .filter(|i| parents[*i] == parent)
            .collect()
    };

    for (i, entry) in entries.iter().enumerate() {
        let siblings = children(parents[i]);
        let position = siblings.iter().position(|s| *s == i).unwrap_or(0);
        let mut item = Dictionary::new();
        item.set("Title", text_string(&entry.title));
        item.set(
            "Parent",
            Object::Reference(parents[i].map_or(root, |p| ids[p])),
        );
        if position > 0 {
            item.set("Prev", Object::Reference(ids[siblings[position - 1]]));
        }
        if let Some(next) = siblings.get(position + 1) {
            item.set("Next", Object::Reference(ids[*next]));
        }
        let own = children(Some(i));
        if let (Some(first), Some(last)) = (own.first(), own.last()) {
            item.set("First", Object::Reference(ids[*first]));
            item.set("Last", Object::Reference(ids[*last]));
            item.set("Count", Object::Integer(own.len() as i64));
        }
        item.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(pages[entry.page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(page_height - entry.y + 4.0),
                Object::Null,
            ]),
        );
        pdf.objects.insert(ids[i], Object::Dictionary(item));
    }
    let top = children(None);
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (top.first(), top.last()) {
        outlines.set("First", Object::Reference(ids[*first]));
        outlines.set("Last", Object::Reference(ids[*last]));
    }
    outlines.set("Count", Object::Integer(entries.len() as i64));
    pdf.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}
