//! PDF back end: typesets the document model with its own layout
//! (`lines`, `layout`) and writes it with printpdf, embedding a subset of
//! Liberation Serif. The outline and the document language are added to the
//! PDF objects afterwards (`outline`), because printpdf orders bookmarks by
//! page and name and has no language setting.

mod fonts;
mod layout;
mod lines;
mod outline;
mod reproducible;

use printpdf::{
    Actions, BorderArray, Color, FontId, Line as PdfLine, LinePoint, LinkAnnotation, Mm, Op,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
    TextMatrix,
};

pub use fonts::Face;
use fonts::Fonts;
use layout::{lay_out, Geometry, Placed};

use super::ExportError;
use crate::document::{Block, Document, Inline};

const POINTS_PER_MM: f32 = 72.0 / 25.4;
/// One inch, as in the DOCX.
const MARGIN: f32 = 72.0;
const FOOTER_SIZE: f32 = 10.0;

/// Parses the fonts and loads the hyphenation dictionaries now, so that a
/// caller can do it while other start-up work runs.
pub fn warm_up() {
    let _ = Fonts::get();
    lines::warm_up();
}

pub fn write(document: &Document) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::get().map_err(ExportError::Pdf)?;
    check_glyphs(document, fonts)?;
    let (width_mm, height_mm) = document.metadata.paper.size_mm();
    let geometry = Geometry {
        width: width_mm as f32 * POINTS_PER_MM,
        height: height_mm as f32 * POINTS_PER_MM,
        margin: MARGIN,
    };
    let laid = lay_out(document, fonts, &geometry);

    let mut pdf = PdfDocument::new(&document.metadata.title);
    // Named by face, not by printpdf's random names (`add_font`), so the
    // same document gives the same file (see `reproducible`). printpdf
    // also uses the name as the subset tag, which PDF wants as six capital
    // letters (ISO 32000-1, 9.6.4).
    let font_ids: Vec<FontId> = Face::ALL
        .iter()
        .zip(['A', 'B', 'C', 'D'])
        .map(|(face, letter)| {
            let id = FontId(format!("RSTUD{letter}"));
            let font = printpdf::PdfFont::new(fonts.parsed(*face).clone());
            pdf.resources.fonts.map.insert(id.clone(), font);
            id
        })
        .collect();
    let total = laid.pages.len();
    let pages = laid
        .pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let mut ops = Vec::new();
            for placed in page.lines.iter().chain(&page.notes) {
                draw_line(&mut ops, placed, &font_ids, &geometry);
            }
            for (x1, x2, y) in &page.rules {
                draw_rule(&mut ops, *x1, *x2, *y, &geometry);
            }
            draw_footer(
                &mut ops,
                fonts,
                &font_ids,
                &geometry,
                &document.metadata.language,
                index + 1,
                total,
            );
            PdfPage::new(Mm(width_mm as f32), Mm(height_mm as f32), ops)
        })
        .collect();
    pdf.with_pages(pages);
    fill_metadata(&mut pdf, document);
    let options = PdfSaveOptions {
        subset_fonts: true,
        optimize: true,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let mut lopdf = pdf.to_lopdf_document(&options, &mut warnings);
    outline::finish(
        &mut lopdf,
        &laid.bookmarks,
        &document.metadata.language,
        geometry.height,
    );
    compress_streams(&mut lopdf)?;
    reproducible::finish(&mut lopdf, document.metadata.date.is_some())
}

/// Deflates every stream that has no filter yet. lopdf's own `compress`
/// uses the slowest level, which costs more than the whole layout; the
/// default level gives the same size within 1% (the fastest: +23%).
fn compress_streams(pdf: &mut lopdf::Document) -> Result<(), ExportError> {
    use std::io::Write;
    for object in pdf.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(&stream.content)
            .map_err(|e| ExportError::Pdf(e.to_string()))?;
        let compressed = encoder
            .finish()
            .map_err(|e| ExportError::Pdf(e.to_string()))?;
        if compressed.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(compressed);
        }
    }
    Ok(())
}

fn face_id(ids: &[FontId], face: Face) -> PdfFontHandle {
    PdfFontHandle::External(ids[Face::ALL.iter().position(|f| *f == face).unwrap_or(0)].clone())
}

/// PDF coordinates start at the bottom of the page.
fn flip(y: f32, geometry: &Geometry) -> Pt {
    Pt(geometry.height - y)
}

fn draw_line(ops: &mut Vec<Op>, placed: &Placed, font_ids: &[FontId], geometry: &Geometry) {
    ops.push(Op::StartTextSection);
    for piece in &placed.line.pieces {
        ops.push(Op::SetFont {
            font: face_id(font_ids, piece.face),
            size: Pt(piece.size),
        });
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(
                Pt(placed.x + piece.x),
                flip(placed.baseline - piece.rise, geometry),
            ),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(piece.text.clone())],
        });
    }
    ops.push(Op::EndTextSection);
    for piece in &placed.line.pieces {
        if let Some(url) = &piece.link {
            let bottom = geometry.height - (placed.baseline + piece.size * 0.25);
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect::from_xywh(
                        Pt(placed.x + piece.x),
                        Pt(bottom),
                        Pt(piece.width),
                        Pt(piece.size * 1.1),
                    ),
                    Actions::Uri(url.clone()),
                    // No border: a zero-width border draws nothing.
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                ),
            });
        }
    }
}

fn draw_rule(ops: &mut Vec<Op>, x1: f32, x2: f32, y: f32, geometry: &Geometry) {
    ops.push(Op::SetOutlineColor {
        col: Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None)),
    });
    ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
    let point = |x: f32| LinePoint {
        p: Point {
            x: Pt(x),
            y: flip(y, geometry),
        },
        bezier: false,
    };
    ops.push(Op::DrawLine {
        line: PdfLine {
            points: vec![point(x1), point(x2)],
            is_closed: false,
        },
    });
}

fn draw_footer(
    ops: &mut Vec<Op>,
    fonts: &Fonts,
    ids: &[FontId],
    geometry: &Geometry,
    language: &str,
    page: usize,
    total: usize,
) {
    let of = if language.starts_with("fr") {
        "sur"
    } else {
        "of"
    };
    let text = format!("Page {page} {of} {total}");
    let width = fonts.width(Face::Regular, FOOTER_SIZE, &text);
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: face_id(ids, Face::Regular),
        size: Pt(FOOTER_SIZE),
    });
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(
            Pt((geometry.width - width) / 2.0),
            Pt(geometry.margin / 2.0),
        ),
    });
    ops.push(Op::ShowText {
        items: vec![TextItem::Text(text)],
    });
    ops.push(Op::EndTextSection);
}

fn fill_metadata(pdf: &mut PdfDocument, document: &Document) {
    let meta = &document.metadata;
    let info = &mut pdf.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone().unwrap_or_default();
    info.subject = meta.subject.clone().unwrap_or_default();
    info.creator = "Resolution Studio".to_owned();
    info.producer = "Resolution Studio (printpdf)".to_owned();
    // The document's day, never the clock; without one the dates are
    // removed from the written file (see `reproducible`).
    let day = meta.date.as_deref().and_then(crate::text::parse_date);
    let midnight = day.map(|day| day.midnight().assume_utc().unix_timestamp());
    if let Some(Ok(at)) = midnight.map(printpdf::OffsetDateTime::from_unix_timestamp) {
        info.creation_date = at;
        info.modification_date = at;
        info.metadata_date = at;
    }
}

/// Every character must have a glyph in the font: report the first one that
/// does not, and where it is, rather than drop it silently.
fn check_glyphs(document: &Document, fonts: &Fonts) -> Result<(), ExportError> {
    let mut places: Vec<(String, String)> = Vec::new();
    for (index, block) in document.blocks.iter().enumerate() {
        collect_block_text(block, &format!("block {}", index + 1), &mut places);
    }
    for note in &document.footnotes {
        for paragraph in &note.paragraphs {
            places.push((
                format!("footnote {}", note.number),
                Inline::plain_text(paragraph),
            ));
        }
    }
    places.push(("the title".to_owned(), document.metadata.title.clone()));
    for (place, text) in places {
        if let Some(c) = text
            .chars()
            .find(|c| !c.is_control() && !fonts.has_glyph(Face::Regular, *c))
        {
            let at = text.find(c).unwrap_or(0);
            let context: String = text[text.floor_char_boundary(at.saturating_sub(30))..]
                .chars()
                .take(60)
                .collect();
            return Err(ExportError::MissingGlyph {
                character: c,
                place,
                context,
            });
        }
    }
    Ok(())
}

fn collect_block_text(block: &Block, place: &str, out: &mut Vec<(String, String)>) {
    match block {
        Block::Title(c) | Block::Paragraph(c) | Block::Heading { content: c, .. } => {
            out.push((place.to_owned(), Inline::plain_text(c)))
        }
        Block::List(list) => {
            for (i, item) in list.items.iter().enumerate() {
                for inner in item {
                    collect_block_text(inner, &format!("{place}, item {}", i + 1), out);
                }
            }
        }
        Block::Quote(blocks) => blocks
            .iter()
            .for_each(|b| collect_block_text(b, place, out)),
        Block::PageBreak | Block::Rule => {}
    }
}
