//! The tagged PDF (ISO 32000-1, 14.7–14.8; PDF/UA-1): the structure tree
//! that screen readers follow — Document, headings, paragraphs, lists with
//! their labels and bodies, quotations, notes and their references, links —
//! in reading order. The layout builds the tree (`Structure`), drawing marks
//! each line's content with the element's marked-content id, and `finish`
//! writes the tree, the parent tree that maps content back to elements, the
//! links' annotations as structure content, `/MarkInfo`, and XMP metadata
//! that identifies the file as PDF/UA-1. printpdf has none of this, so it is
//! added to its objects here, as the outline is.

use lopdf::{Dictionary, Document as Pdf, Object, ObjectId, Stream};

use super::outline::text_string;
use crate::document::Metadata;

#[derive(Debug, Clone)]
enum Kid {
    Element(usize),
    /// Marked content on a page (its index), by marked-content id.
    Content {
        page: usize,
        mcid: i64,
    },
    /// A page's link annotation (its index among the page's annotations).
    Annotation {
        page: usize,
        index: usize,
        text: String,
    },
}

#[derive(Debug, Clone)]
struct Element {
    role: &'static str,
    parent: usize,
    kids: Vec<Kid>,
    /// Its language when not the document's (a quotation in French).
    language: Option<String>,
}

/// The structure tree as the layout and the drawing build it.
#[derive(Debug, Clone)]
pub struct Structure {
    elements: Vec<Element>,
}

impl Default for Structure {
    fn default() -> Self {
        Structure::new()
    }
}

impl Structure {
    /// The Document element every other descends from.
    pub const ROOT: usize = 0;

    pub fn new() -> Structure {
        Structure {
            elements: vec![Element {
                role: "Document",
                parent: Structure::ROOT,
                kids: Vec::new(),
                language: None,
            }],
        }
    }

    /// A new element, the last child of `parent`.
    pub fn add(&mut self, role: &'static str, parent: usize) -> usize {
        let id = self.detached(role);
        self.attach(parent, id);
        id
    }

    /// A new element placed later with `attach` (footnotes, broken before
    /// the text that cites them).
    pub fn detached(&mut self, role: &'static str) -> usize {
        self.elements.push(Element {
            role,
            parent: Structure::ROOT,
            kids: Vec::new(),
            language: None,
        });
        self.elements.len() - 1
    }

    pub fn attach(&mut self, parent: usize, child: usize) {
        self.elements[child].parent = parent;
        self.elements[parent].kids.push(Kid::Element(child));
    }

    pub fn set_language(&mut self, element: usize, language: &str) {
        self.elements[element].language = Some(language.to_owned());
    }

    pub fn role(&self, element: usize) -> &'static str {
        self.elements[element].role
    }

    pub fn content(&mut self, element: usize, page: usize, mcid: i64) {
        self.elements[element]
            .kids
            .push(Kid::Content { page, mcid });
    }

    pub fn annotation(&mut self, element: usize, page: usize, index: usize, text: &str) {
        self.elements[element].kids.push(Kid::Annotation {
            page,
            index,
            text: text.to_owned(),
        });
    }

    /// Whether the element holds any content, itself or below.
    fn live(&self, element: usize, memo: &mut Vec<Option<bool>>) -> bool {
        if let Some(known) = memo[element] {
            return known;
        }
        let live = self.elements[element].kids.iter().any(|kid| match kid {
            Kid::Element(child) => self.live(*child, memo),
            _ => true,
        });
        memo[element] = Some(live);
        live
    }
}

/// Writes the structure tree into `pdf` and marks it as tagged PDF/UA-1.
pub fn finish(pdf: &mut Pdf, structure: &Structure, metadata: &Metadata) {
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let mut memo = vec![None; structure.elements.len()];
    let ids: Vec<Option<ObjectId>> = (0..structure.elements.len())
        .map(|e| structure.live(e, &mut memo).then(|| pdf.new_object_id()))
        .collect();
    let Some(root) = ids[Structure::ROOT] else {
        return;
    };
    let tree_root = pdf.new_object_id();
    let annotations = annotation_objects(pdf, &pages);
    // Per page, the element owning each marked-content id.
    let mut owners: Vec<Vec<(i64, ObjectId)>> = vec![Vec::new(); pages.len()];
    let mut annotation_parents: Vec<(ObjectId, ObjectId)> = Vec::new();

    for (index, element) in structure.elements.iter().enumerate() {
        let Some(id) = ids[index] else { continue };
        let first_page = element.kids.iter().find_map(|kid| match kid {
            Kid::Content { page, .. } | Kid::Annotation { page, .. } => Some(*page),
            Kid::Element(_) => None,
        });
        let mut kids = Vec::new();
        for kid in &element.kids {
            match kid {
                Kid::Element(child) => {
                    if let Some(child) = ids[*child] {
                        kids.push(Object::Reference(child));
                    }
                }
                Kid::Content { page, mcid } => {
                    let Some(page_id) = pages.get(*page) else {
                        continue;
                    };
                    owners[*page].push((*mcid, id));
                    if Some(*page) == first_page {
                        kids.push(Object::Integer(*mcid));
                    } else {
                        let mut reference = Dictionary::new();
                        reference.set("Type", Object::Name(b"MCR".to_vec()));
                        reference.set("Pg", Object::Reference(*page_id));
                        reference.set("MCID", Object::Integer(*mcid));
                        kids.push(Object::Dictionary(reference));
                    }
                }
                Kid::Annotation { page, index, text } => {
                    let Some(annotation) = annotations
                        .iter()
                        .find(|(p, i, _)| p == page && i == index)
                        .map(|(_, _, id)| *id)
                    else {
                        continue;
                    };
                    if let Ok(dict) = pdf.get_dictionary_mut(annotation) {
                        dict.set("Contents", text_string(text));
                    }
                    annotation_parents.push((annotation, id));
                    let mut reference = Dictionary::new();
                    reference.set("Type", Object::Name(b"OBJR".to_vec()));
                    reference.set("Pg", Object::Reference(pages[*page]));
                    reference.set("Obj", Object::Reference(annotation));
                    kids.push(Object::Dictionary(reference));
                }
            }
        }
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"StructElem".to_vec()));
        dict.set("S", Object::Name(element.role.as_bytes().to_vec()));
        let parent = if index == Structure::ROOT {
            tree_root
        } else {
            ids[element.parent].unwrap_or(root)
        };
        dict.set("P", Object::Reference(parent));
        if let Some(page) = first_page.and_then(|p| pages.get(p)) {
            dict.set("Pg", Object::Reference(*page));
        }
        if let Some(language) = &element.language {
            dict.set("Lang", text_string(language));
        }
        dict.set("K", Object::Array(kids));
        pdf.objects.insert(id, Object::Dictionary(dict));
    }

    // The parent tree: each page's marked content by id, then each
    // annotation, keyed by the page's /StructParents or the annotation's
    // /StructParent.
    let mut numbers = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let mut page_owners = std::mem::take(&mut owners[index]);
        page_owners.sort_by_key(|(mcid, _)| *mcid);
        let array = page_owners
            .into_iter()
            .map(|(_, id)| Object::Reference(id))
            .collect();
        numbers.push(Object::Integer(index as i64));
        numbers.push(Object::Array(array));
        if let Ok(dict) = pdf.get_dictionary_mut(*page) {
            dict.set("StructParents", Object::Integer(index as i64));
            // Tab order follows the structure (PDF/UA-1, 7.18.3).
            dict.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    let mut key = pages.len() as i64;
    for (annotation, parent) in annotation_parents {
        if let Ok(dict) = pdf.get_dictionary_mut(annotation) {
            dict.set("StructParent", Object::Integer(key));
        }
        numbers.push(Object::Integer(key));
        numbers.push(Object::Reference(parent));
        key += 1;
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(numbers));
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    tree.set("K", Object::Reference(root));
    tree.set("ParentTree", Object::Dictionary(parent_tree));
    tree.set("ParentTreeNextKey", Object::Integer(key));
    pdf.objects.insert(tree_root, Object::Dictionary(tree));

    let xmp = pdf.add_object(Stream::new(
        Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        xmp(metadata).into_bytes(),
    ));
    if let Ok(catalog) = pdf.catalog_mut() {
        let mut mark = Dictionary::new();
        mark.set("Marked", Object::Boolean(true));
        catalog.set("MarkInfo", Object::Dictionary(mark));
        catalog.set("StructTreeRoot", Object::Reference(tree_root));
        let mut viewer = Dictionary::new();
        viewer.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(viewer));
        catalog.set("Metadata", Object::Reference(xmp));
    }
}

/// Makes each page's link annotations objects of their own (printpdf
/// writes them inside the page), so the structure can point at them.
/// Returns (page, index on the page, object) for each.
fn annotation_objects(pdf: &mut Pdf, pages: &[ObjectId]) -> Vec<(usize, usize, ObjectId)> {
    let mut found = Vec::new();
    for (page_index, page) in pages.iter().enumerate() {
        let annotations = match pdf
            .get_dictionary(*page)
            .and_then(|d| d.get(b"Annots"))
            .and_then(Object::as_array)
        {
            Ok(list) => list.clone(),
            Err(_) => continue,
        };
        let mut references = Vec::new();
        for (index, annotation) in annotations.into_iter().enumerate() {
            let id = match annotation {
                Object::Reference(id) => id,
                other => pdf.add_object(other),
            };
            found.push((page_index, index, id));
            references.push(Object::Reference(id));
        }
        if let Ok(dict) = pdf.get_dictionary_mut(*page) {
            dict.set("Annots", Object::Array(references));
        }
    }
    found
}

/// XMP metadata: title, author, language, and the PDF/UA-1 identification;
/// dated only when the document has its own day (see `reproducible`).
fn xmp(metadata: &Metadata) -> String {
    // The same escape as HTML's: besides the markup characters, it replaces
    // characters XML forbids, which a heading can carry past the input
    // check as a numeric entity (`&#1;`) that Markdown decodes later.
    let escape = crate::export::html::escape;
    let mut fields = format!(
        "<dc:format>application/pdf</dc:format>\n\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n\
         <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n\
         <pdf:Producer>Resolution Studio (printpdf)</pdf:Producer>\n\
         <xmp:CreatorTool>Resolution Studio</xmp:CreatorTool>\n\
         <pdfuaid:part>1</pdfuaid:part>\n",
        escape(&metadata.title),
        escape(&metadata.language),
    );
    if let Some(author) = &metadata.author {
        fields.push_str(&format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            escape(author)
        ));
    }
    if let Some(day) = metadata.date.as_deref().and_then(crate::text::parse_date) {
        fields.push_str(&format!(
            "<xmp:CreateDate>{day}T00:00:00Z</xmp:CreateDate>\n\
             <xmp:ModifyDate>{day}T00:00:00Z</xmp:ModifyDate>\n"
        ));
    }
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
         xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
         {fields}</rdf:Description>\n\
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_elements_are_left_out_and_content_is_kept_in_order() {
        let mut structure = Structure::new();
        let heading = structure.add("H1", Structure::ROOT);
        let empty = structure.add("P", Structure::ROOT);
        let paragraph = structure.add("P", Structure::ROOT);
        structure.content(heading, 0, 0);
        structure.content(paragraph, 0, 1);
        structure.content(paragraph, 1, 0);
        let mut memo = vec![None; structure.elements.len()];
        assert!(structure.live(Structure::ROOT, &mut memo));
        assert!(!structure.live(empty, &mut memo));
        assert!(structure.live(paragraph, &mut memo));
    }

    #[test]
    fn xmp_identifies_pdf_ua_and_escapes_the_title() {
        let metadata = Metadata {
            title: "Rights & <risks>\u{1}".into(),
            language: "en".into(),
            date: Some("2026-02-16".into()),
            ..Default::default()
        };
        let xmp = xmp(&metadata);
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xmp.contains("Rights &amp; &lt;risks&gt;\u{fffd}"), "{xmp}");
        assert!(xmp.contains("<xmp:CreateDate>2026-02-16T00:00:00Z"));
    }
}
