//! The same document gives the same PDF, byte for byte: printpdf dates
//! the file with the clock and gives it a random identifier. Here the dates
//! are removed unless the document has its own day, and the identifier
//! (the trailer's `/ID`) is derived from the file's content, as PDF 1.7
//! (14.4) allows: a file that differs gets a different one.

use lopdf::{Document as Pdf, Object, StringFormat};
use sha2::{Digest, Sha256};

use crate::export::ExportError;

/// Writes `pdf`, dated only when `dated`, with a content-derived `/ID`.
pub fn finish(pdf: &mut Pdf, dated: bool) -> Result<Vec<u8>, ExportError> {
    if !dated {
        if let Ok(info) = pdf
            .trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .and_then(|id| pdf.get_object_mut(id))
            .and_then(Object::as_dict_mut)
        {
            info.remove(b"CreationDate");
            info.remove(b"ModDate");
        }
    }
    // Written once with a placeholder identifier of the right length, which
    // the digest of those bytes then replaces in place: nothing moves, so the
    // cross-reference offsets stay true.
    let placeholder = Object::String(vec![0; ID_BYTES], StringFormat::Hexadecimal);
    pdf.trailer
        .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));
    let mut bytes = save(pdf)?;
    let digest = Sha256::digest(&bytes);
    let id = &digest[..ID_BYTES];
    let found = placeholders(&bytes);
    if found.len() == 2 {
        let hex: String = id.iter().map(|b| format!("{b:02X}")).collect();
        for at in found {
            bytes[at + 1..at + 1 + hex.len()].copy_from_slice(hex.as_bytes());
        }
        return Ok(bytes);
    }
    // Not written as expected (a change in lopdf): write it again with the
    // identifier in place.
    let id = Object::String(id.to_vec(), StringFormat::Hexadecimal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    save(pdf)
}

/// Where the trailer holds the placeholder identifier, as lopdf writes it
/// (`<000…>`), each position that of its `<`.
fn placeholders(bytes: &[u8]) -> Vec<usize> {
    let written = format!("<{}>", "00".repeat(ID_BYTES));
    let tail = bytes.len().saturating_sub(TRAILER_SEARCH);
    bytes[tail..]
        .windows(written.len())
        .enumerate()
        .filter(|(_, window)| *window == written.as_bytes())
        .map(|(at, _)| tail + at)
        .collect()
}

/// The identifier's length: 16 bytes, as MD5-based ones have.
const ID_BYTES: usize = 16;
/// How far from the end the trailer is looked for: it holds little more
/// than the identifier and a few references.
const TRAILER_SEARCH: usize = 1024;

fn save(pdf: &mut Pdf) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|e| ExportError::Pdf(format!("could not write the PDF: {e}")))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn pdf(title: &str) -> Pdf {
        let mut pdf = Pdf::with_version("1.7");
        let info = pdf.add_object(dictionary! { "Title" => Object::string_literal(title) });
        let pages =
            pdf.add_object(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
        let catalog = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        pdf.trailer.set("Root", catalog);
        pdf.trailer.set("Info", info);
        pdf
    }

    fn identifier(bytes: &[u8]) -> Vec<u8> {
        let read = Pdf::load_mem(bytes).expect("the written PDF reads back");
        let ids = read.trailer.get(b"ID").and_then(Object::as_array).unwrap();
        assert_eq!(ids.len(), 2);
        assert_eq!(ids[0], ids[1]);
        ids[0].as_str().unwrap().to_vec()
    }

    #[test]
    fn the_identifier_is_the_contents_digest_written_once() {
        // The one-write path applies: lopdf writes the placeholder twice in
        // the trailer, where it is looked for.
        let mut document = pdf("A");
        let placeholder = Object::String(vec![0; ID_BYTES], StringFormat::Hexadecimal);
        document
            .trailer
            .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));
        assert_eq!(placeholders(&save(&mut document).unwrap()).len(), 2);

        let first = finish(&mut pdf("A"), false).unwrap();
        let again = finish(&mut pdf("A"), false).unwrap();
        let other = finish(&mut pdf("B"), false).unwrap();
        assert_eq!(first, again, "the same document gives the same bytes");
        let id = identifier(&first);
        assert_eq!(id.len(), ID_BYTES);
        assert_ne!(id, vec![0; ID_BYTES], "the placeholder was replaced");
        assert_ne!(
            id,
            identifier(&other),
            "different content, different identifier"
        );
    }
}
