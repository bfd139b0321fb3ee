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
    pdf.trailer.remove(b"ID");
    let unidentified = save(pdf)?;
    let digest = Sha256::digest(&unidentified);
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    save(pdf)
}

fn save(pdf: &mut Pdf) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|e| ExportError::Pdf(format!("could not write the PDF: {e}")))?;
    Ok(bytes)
}
