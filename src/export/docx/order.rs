//! Puts the children of WordprocessingML property lists in the order the
//! ECMA-376 schema requires. docx-rs writes some of them out of sequence
//! (`w:rPr` before `w:pStyle` inside `w:pPr`, `w:sz` before `w:rFonts`);
//! LibreOffice forgives that, Word may drop the misplaced property or call
//! the file unreadable. The XML is read with quick-xml into element spans
//! and written back from the original text, with only the children of the
//! listed elements moved; everything else is copied byte for byte.

use quick_xml::events::Event;
use quick_xml::Reader;

/// The schema's child sequence of an element (ECMA-376 Part 1, 5th ed.,
/// transitional: CT_PPr, CT_RPr, CT_SectPr, CT_TblPr, CT_Style, CT_TcPr,
/// CT_NumPr, CT_Lvl, CT_DocDefaults), by local name without `w:`.
pub fn sequence(element: &str) -> Option<&'static [&'static str]> {
    Some(match element {
        "pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        "rPr" => &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
        "sectPr" => &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
        "tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
        "tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
        "style" => &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
        "numPr" => &["ilvl", "numId", "numberingChange", "ins"],
        "lvl" => &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
        "docDefaults" => &["rPrDefault", "pPrDefault"],
        _ => return None,
    })
}

/// Where a child falls in its parent's sequence; unknown children keep
/// their place after the known ones.
fn rank(sequence: &[&str], child: &str) -> usize {
    sequence
        .iter()
        .position(|name| *name == child)
        .unwrap_or(sequence.len())
}

/// One element of the part: its span in the text and its element children.
struct Node {
    name: String,
    start: usize,
    end: usize,
    children: Vec<Node>,
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.split_once(':') {
        Some((_, local)) => local.to_owned(),
        None => name.into_owned(),
    }
}

/// The elements of `xml` as a tree of spans (a root spanning the whole text).
fn parse(xml: &str) -> Result<Node, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node {
        name: String::new(),
        start: 0,
        end: xml.len(),
        children: Vec::new(),
    }];
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {before}: {e}"))?;
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(tag) => stack.push(Node {
                name: local(tag.name().as_ref()),
                start: before,
                end: after,
                children: Vec::new(),
            }),
            Event::Empty(tag) => {
                let node = Node {
                    name: local(tag.name().as_ref()),
                    start: before,
                    end: after,
                    children: Vec::new(),
                };
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(node);
                }
            }
            Event::End(_) => {
                let mut node = stack.pop().ok_or("an end tag without a start")?;
                node.end = after;
                stack
                    .last_mut()
                    .ok_or("an end tag without a start")?
                    .children
                    .push(node);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match stack.pop() {
        Some(root) if stack.is_empty() => Ok(root),
        _ => Err("an element is not closed".into()),
    }
}

fn emit(xml: &str, node: &Node, out: &mut String) {
    if node.children.is_empty() {
        out.push_str(&xml[node.start..node.end]);
        return;
    }
    let mut children: Vec<&Node> = node.children.iter().collect();
    let sorted = sequence(&node.name);
    if let Some(sequence) = sorted {
        // Stable: children of one rank (repeated headerReference) keep their order.
        children.sort_by_key(|child| rank(sequence, &child.name));
    }
    let first = node.children[0].start;
    out.push_str(&xml[node.start..first]);
    if sorted.is_some() {
        // Property lists hold only elements; text between them is ignorable.
        for child in &children {
            emit(xml, child, out);
        }
    } else {
        let mut at = first;
        for child in &children {
            out.push_str(&xml[at..child.start]);
            emit(xml, child, out);
            at = child.end;
        }
    }
    let last = node.children[node.children.len() - 1].end;
    out.push_str(&xml[last..node.end]);
}

/// `xml` with every property list in schema order.
pub fn reorder(xml: &str) -> Result<String, String> {
    let root = parse(xml)?;
    let mut out = String::with_capacity(xml.len());
    emit(xml, &root, &mut out);
    Ok(out)
}

/// The first element of `xml` whose children are out of schema order, as
/// `w:pPr: w:rPr before w:pStyle` (for tests and checks).
pub fn first_out_of_order(xml: &str) -> Result<Option<String>, String> {
    fn walk(node: &Node) -> Option<String> {
        if let Some(sequence) = sequence(&node.name) {
            for pair in node.children.windows(2) {
                if rank(sequence, &pair[0].name) > rank(sequence, &pair[1].name) {
                    return Some(format!(
                        "w:{}: w:{} before w:{}",
                        node.name, pair[0].name, pair[1].name
                    ));
                }
            }
        }
        node.children.iter().find_map(walk)
    }
    Ok(walk(&parse(xml)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_lists_are_put_in_schema_order_and_the_rest_is_untouched() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:pPr><w:rPr><w:sz w:val="24"/><w:rFonts w:ascii="X"/></w:rPr><w:pStyle w:val="Title"/><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr><w:r><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            first_out_of_order(xml).unwrap().as_deref(),
            Some("w:pPr: w:rPr before w:pStyle")
        );
        let fixed = reorder(xml).unwrap();
        assert_eq!(first_out_of_order(&fixed).unwrap(), None);
        assert!(fixed.contains(r#"<w:pPr><w:pStyle w:val="Title"/><w:spacing w:after="0"/><w:jc w:val="center"/><w:rPr><w:rFonts w:ascii="X"/><w:sz w:val="24"/></w:rPr></w:pPr>"#), "{fixed}");
        assert!(fixed.contains(r#"<w:t xml:space="preserve"> a &amp; b </w:t>"#));
        assert_eq!(fixed.len(), xml.len());
    }

    #[test]
    fn broken_xml_is_reported() {
        assert!(reorder("<a><b></a>").is_err());
    }
}
