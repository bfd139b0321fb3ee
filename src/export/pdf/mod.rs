//! PDF back end: typesets the document model with its own layout
//! (`shaping`, `lines`, `layout`) and writes it with printpdf, embedding a
//! subset of each font used (`fonts`: Liberation Serif, then fallbacks).
//! The outline, the language and the structure tree of the tagged PDF are
//! added to the PDF objects afterwards (`outline`, `tags`), because printpdf
//! orders bookmarks by page and name and writes neither a language nor tags.

mod ahead;
mod fonts;
mod layout;
mod lines;
mod outline;
mod reproducible;
mod shaping;
mod tags;

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Codepoint, Color, DictItem, FontId, Line as PdfLine, LinePoint,
    LinkAnnotation, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect,
    Rgb, TextItem, TextMatrix,
};

pub use ahead::BrokenAhead;
use fonts::{Chooser, Font, Fonts};
pub use fonts::{Face, SystemFonts};
use layout::{lay_out, Geometry, Placed};
use lines::{Piece, PlacedGlyph};
use tags::Structure;

use rayon::prelude::*;

use super::ExportError;
use crate::document::{Block, Document, Inline};

const POINTS_PER_MM: f32 = 72.0 / 25.4;
/// One inch, as in the DOCX.
const MARGIN: f32 = 72.0;
const FOOTER_SIZE: f32 = 10.0;

/// What the layout needs first: the fonts parsed for shaping and the
/// hyphenation dictionaries.
pub fn warm_up_layout() {
    let _ = Fonts::get();
    lines::warm_up();
}

/// Parses the fonts (for shaping, and Liberation Serif's four faces for the
/// PDF writer too), loads the hyphenation dictionaries ([`warm_up_layout`])
/// and decodes the common glyphs now, so that a caller can do it on another
/// thread while other start-up work runs. In the order a render needs them.
pub fn warm_up() {
    warm_up_layout();
    const FACES: [Face; 4] = [Face::Regular, Face::Italic, Face::Bold, Face::BoldItalic];
    let faces: Vec<&Font> = Fonts::get()
        .map(|fonts| FACES.map(|face| fonts.primary(face)).to_vec())
        .unwrap_or_default();
    for font in &faces {
        let _ = font.parsed();
    }
    for font in &faces {
        font.decode_common_glyphs();
    }
}

/// The PDF of `document`, with the machine's fonts for characters the
/// shipped ones lack.
pub fn write(document: &Document) -> Result<Vec<u8>, ExportError> {
    write_with(document, SystemFonts::installed())
}

/// The PDF of `document`, looking only in `system` for characters the
/// shipped fonts lack.
pub fn write_with(document: &Document, system: &SystemFonts) -> Result<Vec<u8>, ExportError> {
    write_laid_out(document, system, BrokenAhead::default())
}

/// Breaks the paragraphs of `body` (a document before its notes are
/// formatted) into lines, for [`write_ahead`] of the finished document to
/// find (see [`ahead`]). Nothing is broken when the body has a character no
/// font has: the write reports it.
pub fn break_ahead(body: &Document) -> BrokenAhead {
    let Ok(fonts) = Fonts::get() else {
        return BrokenAhead::default();
    };
    let mut chooser = Chooser::new(fonts, SystemFonts::installed());
    if check_glyphs(body, &mut chooser).is_err() {
        return BrokenAhead::default();
    }
    let mut ahead = BrokenAhead::recording();
    lay_out(body, chooser, &geometry_of(body), &mut ahead);
    ahead.finished()
}

/// [`write`], taking the paragraphs [`break_ahead`] broke.
pub fn write_ahead(document: &Document, ahead: BrokenAhead) -> Result<Vec<u8>, ExportError> {
    write_laid_out(document, SystemFonts::installed(), ahead)
}

fn geometry_of(document: &Document) -> Geometry {
    let (width_mm, height_mm) = document.metadata.paper.size_mm();
    Geometry {
        width: width_mm as f32 * POINTS_PER_MM,
        height: height_mm as f32 * POINTS_PER_MM,
        margin: MARGIN,
    }
}

fn write_laid_out(
    document: &Document,
    system: &SystemFonts,
    mut ahead: BrokenAhead,
) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::get().map_err(ExportError::Pdf)?;
    let mut chooser = Chooser::new(fonts, system);
    check_glyphs(document, &mut chooser)?;
    let (width_mm, height_mm) = document.metadata.paper.size_mm();
    let geometry = geometry_of(document);
    let mut laid = lay_out(document, chooser, &geometry, &mut ahead);

    let mut pdf = PdfDocument::new(&document.metadata.title);
    let mut resources = FontResources::default();
    let total = laid.pages.len();
    let mut pages = Vec::with_capacity(total);
    for (index, page) in laid.pages.iter().enumerate() {
        let mut canvas = Canvas {
            ops: Vec::new(),
            page: index,
            next_mcid: 0,
            links: 0,
            geometry: &geometry,
        };
        for placed in page.lines.iter().chain(&page.notes) {
            canvas.line(placed, &mut resources, &mut laid.structure);
        }
        for (x1, x2, y) in &page.rules {
            canvas.rule(*x1, *x2, *y);
        }
        canvas.footer(
            fonts,
            &mut resources,
            &document.metadata.language,
            index + 1,
            total,
        );
        pages.push(PdfPage::new(
            Mm(width_mm as f32),
            Mm(height_mm as f32),
            canvas.ops,
        ));
    }
    for (font, id) in resources.used.values() {
        let parsed = font.parsed().map_err(ExportError::Pdf)?;
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(parsed.clone()));
    }
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
    tags::finish(&mut lopdf, &laid.structure, &document.metadata);
    compress_streams(&mut lopdf)?;
    reproducible::finish(&mut lopdf, document.metadata.date.is_some())
}

/// The fonts a document uses, each with its PDF resource name.
#[derive(Default)]
struct FontResources {
    used: BTreeMap<usize, (&'static Font, FontId)>,
}

impl FontResources {
    /// The resource name of `font`: named in order of first use, not by
    /// printpdf's random names (`add_font`), so the same document gives the
    /// same file (see `reproducible`). printpdf also uses the name as the
    /// subset tag, which PDF wants as six capital letters (ISO 32000-1, 9.6.4).
    fn handle(&mut self, font: &'static Font) -> PdfFontHandle {
        let next = self.used.len();
        let (_, id) = self.used.entry(font.id).or_insert_with(|| {
            let letters: String = (0..4)
                .rev()
                .map(|place| char::from(b'A' + ((next / 26usize.pow(place)) % 26) as u8))
                .collect();
            (font, FontId(format!("RS{letters}")))
        });
        PdfFontHandle::External(id.clone())
    }
}

/// One page's drawing operations, with its marked-content ids and links.
struct Canvas<'a> {
    ops: Vec<Op>,
    page: usize,
    next_mcid: i64,
    links: usize,
    geometry: &'a Geometry,
}

/// A marked-content property list: `/Tag <</MCID n>>` or an artifact's.
fn properties(entries: Vec<(&str, DictItem)>) -> DictItem {
    DictItem::Dict {
        map: entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    }
}

fn name(value: &str) -> DictItem {
    DictItem::Name(value.as_bytes().to_vec())
}

/// A PDF text string in UTF-16BE with a byte order mark.
fn utf16(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    DictItem::String {
        data,
        literal: false,
    }
}

impl Canvas<'_> {
    /// PDF coordinates start at the bottom of the page.
    fn flip(&self, y: f32) -> f32 {
        self.geometry.height - y
    }

    fn begin_content(&mut self, structure: &mut Structure, element: usize) {
        let mcid = self.next_mcid;
        self.next_mcid += 1;
        structure.content(element, self.page, mcid);
        self.ops.push(Op::BeginMarkedContentWithProperties {
            tag: structure.role(element).to_owned(),
            properties: properties(vec![("MCID", DictItem::Int(mcid))]),
        });
    }

    fn line(&mut self, placed: &Placed, resources: &mut FontResources, structure: &mut Structure) {
        let line = &placed.line;
        self.ops.push(Op::StartTextSection);
        let mut font: Option<(usize, f32)> = None;
        let mut open: Option<usize> = None;
        let mut links = Vec::new();
        for piece in &line.pieces {
            let owner = piece.element.unwrap_or(line.element);
            // A note mark and a link are elements of their own inside
            // their paragraph; plain text continues the paragraph's content.
            let target = if piece.note.is_some() {
                Some(structure.add("Reference", owner))
            } else if piece.link.is_some() {
                Some(structure.add("Link", owner))
            } else {
                None
            };
            let element = target.unwrap_or(owner);
            if open != Some(element) {
                if open.is_some() {
                    self.ops.push(Op::EndMarkedContent);
                }
                self.begin_content(structure, element);
                open = Some(element);
            }
            self.glyphs((placed.x, placed.baseline), piece, resources, &mut font);
            if target.is_some() {
                // The next piece opens its own content.
                self.ops.push(Op::EndMarkedContent);
                open = None;
            }
            if let (Some(url), Some(link)) = (&piece.link, target) {
                links.push((url.clone(), link, piece));
            }
        }
        if open.is_some() {
            self.ops.push(Op::EndMarkedContent);
        }
        self.ops.push(Op::EndTextSection);
        for (url, element, piece) in links {
            let bottom = self.geometry.height - (placed.baseline + piece.size * 0.25);
            self.ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    Rect::from_xywh(
                        Pt(placed.x + piece.x),
                        Pt(bottom),
                        Pt(piece.width),
                        Pt(piece.size * 1.1),
                    ),
                    Actions::Uri(url),
                    // No border: a zero-width border draws nothing.
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                ),
            });
            structure.annotation(element, self.page, self.links, &piece.text);
            self.links += 1;
        }
    }

    /// The piece's glyphs, in segments of one font, size and baseline:
    /// each segment is placed once and its glyphs follow with `TJ`
    /// adjustments for kerning, justification and mark offsets. Glyphs that
    /// stand for more or other text than one character each are wrapped in
    /// an `ActualText` span, so copying gives the text.
    /// `origin` is where the piece's line starts: x and baseline.
    fn glyphs(
        &mut self,
        origin: (f32, f32),
        piece: &Piece,
        resources: &mut FontResources,
        font: &mut Option<(usize, f32)>,
    ) {
        let glyphs = &piece.glyphs;
        let mut start = 0;
        while start < glyphs.len() {
            let first = &glyphs[start];
            let same = |g: &PlacedGlyph| {
                g.font.id == first.font.id && g.size == first.size && g.rise == first.rise
            };
            let mut end = start + 1;
            if first.composite {
                // The cluster's glyphs, on their baseline.
                while end < glyphs.len()
                    && glyphs[end].cluster == first.cluster
                    && same(&glyphs[end])
                {
                    end += 1;
                }
            } else {
                while end < glyphs.len() && !glyphs[end].composite && same(&glyphs[end]) {
                    end += 1;
                }
            }
            if *font != Some((first.font.id, first.size)) {
                self.ops.push(Op::SetFont {
                    font: resources.handle(first.font),
                    size: Pt(first.size),
                });
                *font = Some((first.font.id, first.size));
            }
            let opens_cluster = start == 0 || glyphs[start - 1].cluster != first.cluster;
            let span = first.composite && opens_cluster;
            if span {
                self.ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Span".to_owned(),
                    properties: properties(vec![("ActualText", utf16(&first.text))]),
                });
            }
            self.ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(
                    Pt(origin.0 + first.x),
                    Pt(self.flip(origin.1 - first.rise)),
                ),
            });
            let codepoints = (start..end)
                .map(|k| {
                    let glyph = &glyphs[k];
                    // TJ moves the pen by the width table's advance less the
                    // number after the glyph: make it land on the next glyph.
                    let offset = match glyphs.get(k + 1).filter(|_| k + 1 < end) {
                        Some(next) => {
                            glyph.font.pdf_width(glyph.id)
                                - (next.x - glyph.x) * 1000.0 / glyph.size
                        }
                        None => 0.0,
                    };
                    let first_of_cluster = k == 0 || glyphs[k - 1].cluster != glyph.cluster;
                    if first_of_cluster {
                        Codepoint::with_cid(glyph.id, offset, glyph.text.clone())
                    } else {
                        Codepoint::new(glyph.id, offset)
                    }
                })
                .collect();
            self.ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(codepoints)],
            });
            let closes_cluster = glyphs
                .get(end)
                .is_none_or(|next| next.cluster != first.cluster);
            if first.composite && closes_cluster {
                self.ops.push(Op::EndMarkedContent);
            }
            start = end;
        }
    }

    /// A horizontal rule, page furniture for readers of the structure.
    fn rule(&mut self, x1: f32, x2: f32, y: f32) {
        self.ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Artifact".to_owned(),
            properties: properties(vec![("Type", name("Layout"))]),
        });
        self.ops.push(Op::SetOutlineColor {
            col: Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None)),
        });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
        let y = self.flip(y);
        let point = |x: f32| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        self.ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![point(x1), point(x2)],
                is_closed: false,
            },
        });
        self.ops.push(Op::EndMarkedContent);
    }

    /// "Page 2 of 5", centred below the text, marked as pagination.
    fn footer(
        &mut self,
        fonts: &'static Fonts,
        resources: &mut FontResources,
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
        let piece = Piece::simple(fonts, &text, Face::Regular, FOOTER_SIZE, 0.0);
        let origin = (
            (self.geometry.width - piece.width) / 2.0,
            self.geometry.height - self.geometry.margin / 2.0,
        );
        self.ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Artifact".to_owned(),
            properties: properties(vec![
                ("Type", name("Pagination")),
                ("Subtype", name("Footer")),
            ]),
        });
        self.ops.push(Op::StartTextSection);
        self.glyphs(origin, &piece, resources, &mut None);
        self.ops.push(Op::EndTextSection);
        self.ops.push(Op::EndMarkedContent);
    }
}

/// Deflates every stream that has no filter yet, except the XMP metadata,
/// which stays readable to tools that look for it as plain text. lopdf's
/// own `compress` uses the slowest level, which costs more than the whole
/// layout; the default level gives the same size within 1% (the fastest:
/// +23%). The font files are most of the bytes, so the streams are shared
/// out by size among the cores.
fn compress_streams(pdf: &mut lopdf::Document) -> Result<(), ExportError> {
    let mut streams: Vec<&mut lopdf::Stream> = pdf
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream) => Some(stream),
            _ => None,
        })
        .filter(|stream| {
            let metadata = stream
                .dict
                .get(b"Type")
                .and_then(lopdf::Object::as_name)
                .is_ok_and(|name| name == b"Metadata");
            !metadata && stream.dict.get(b"Filter").is_err()
        })
        .collect();
    // Largest first, each to the least loaded share.
    streams.sort_by_key(|stream| std::cmp::Reverse(stream.content.len()));
    // rayon's one pool, not threads of our own: when fifty people download
    // at once, or a packet renders every document in parallel, the shares
    // queue on as many threads as there are cores instead of adding more.
    let cores = rayon::current_num_threads().clamp(1, 4);
    let mut shares: Vec<(usize, Vec<&mut lopdf::Stream>)> =
        (0..cores).map(|_| (0, Vec::new())).collect();
    for stream in streams {
        if let Some(share) = shares.iter_mut().min_by_key(|(load, _)| *load) {
            share.0 += stream.content.len();
            share.1.push(stream);
        }
    }
    shares
        .into_par_iter()
        .filter(|(load, _)| *load > 0)
        .try_for_each(|(_, share)| deflate_all(share))
}

fn deflate_all(streams: Vec<&mut lopdf::Stream>) -> Result<(), ExportError> {
    // One deflate state for all of them: setting one up allocates its
    // window and tables, which costs more than deflating a small stream.
    let mut deflate = flate2::Compress::new(flate2::Compression::default(), true);
    for stream in streams {
        deflate.reset();
        // Deflate never grows data by more than a few bytes per 16 KB block.
        let mut compressed = Vec::with_capacity(stream.content.len() + 64);
        loop {
            let before = deflate.total_in();
            let status = deflate
                .compress_vec(
                    &stream.content[before as usize..],
                    &mut compressed,
                    flate2::FlushCompress::Finish,
                )
                .map_err(|e| ExportError::Pdf(e.to_string()))?;
            if status == flate2::Status::StreamEnd {
                break;
            }
            compressed.reserve(compressed.capacity().max(64));
        }
        if compressed.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(compressed);
        }
    }
    Ok(())
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

/// Every character must have a glyph in some font: report the first one
/// that has none, where it is, its script, and the Debian package that
/// would add a font for it, rather than drop it silently.
fn check_glyphs(document: &Document, chooser: &mut Chooser) -> Result<(), ExportError> {
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
    for (place, text) in places {
        let missing = text.chars().find(|c| {
            !c.is_control() && !is_invisible(*c) && chooser.font_for(*c, Face::Regular).is_none()
        });
        if let Some(c) = missing {
            let at = text.find(c).unwrap_or(0);
            let context: String = text[text.floor_char_boundary(at.saturating_sub(30))..]
                .chars()
                .take(60)
                .collect();
            return Err(ExportError::MissingGlyph {
                character: c,
                script: fonts::script_name(c),
                package: fonts::package_for(c),
                place,
                context,
            });
        }
    }
    Ok(())
}

/// Joiners and variation selectors: they shape their neighbours and need
/// no glyph of their own.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' | '\u{2060}')
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
        Block::Quote { blocks, .. } => blocks
            .iter()
            .for_each(|b| collect_block_text(b, place, out)),
        Block::PageBreak | Block::Rule => {}
    }
}
