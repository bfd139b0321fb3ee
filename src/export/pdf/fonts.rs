//! The fonts a PDF is set in. Liberation Serif first (it has Latin, Greek,
//! Cyrillic and Hebrew with its points); then Noto Naskh Arabic, shipped in
//! `assets/fonts/` and compiled in like Liberation; then, for what none of these has (Chinese, Japanese and
//! Korean, emoji, other scripts), fonts found on the machine with fontdb,
//! since those fonts are too large to ship. Each character takes the first
//! font that has it. Fonts are parsed once per process.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, OnceLock};

use printpdf::ParsedFont;
use unicode_script::{Script, UnicodeScript};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub fn with(self, bold: bool, italic: bool) -> Face {
        let bold = bold || self.is_bold();
        let italic = italic || matches!(self, Face::Italic | Face::BoldItalic);
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    pub fn is_bold(self) -> bool {
        matches!(self, Face::Bold | Face::BoldItalic)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One font file (or one face of a collection) the PDF may be set in.
pub struct Font {
    /// Tells fonts apart within the process (resource names, map keys).
    pub id: usize,
    /// The family name, for messages and the PDF's font list.
    pub family: String,
    data: &'static [u8],
    index: u32,
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
    /// printpdf's parse, needed only when the font is drawn: a document in
    /// English never pays for the Hebrew font.
    parsed: OnceLock<Option<ParsedFont>>,
}

impl std::fmt::Debug for Font {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Font({} #{})", self.family, self.id)
    }
}

impl PartialEq for Font {
    fn eq(&self, other: &Font) -> bool {
        self.id == other.id
    }
}

impl Font {
    fn load(id: usize, family: &str, data: &'static [u8], index: u32) -> Option<Font> {
        let shaper = rustybuzz::Face::from_slice(data, index)?;
        let units_per_em = shaper.units_per_em().max(1) as f32;
        Some(Font {
            id,
            family: family.to_owned(),
            data,
            index,
            shaper,
            units_per_em,
            parsed: OnceLock::new(),
        })
    }

    pub fn has(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some()
    }

    pub fn shaper(&self) -> &rustybuzz::Face<'static> {
        &self.shaper
    }

    /// Points per font unit at `size` points.
    pub fn scale(&self, size: f32) -> f32 {
        size / self.units_per_em
    }

    /// The nominal advance of `c` in points, if the font has it.
    pub fn advance(&self, c: char, size: f32) -> Option<f32> {
        let glyph = self.shaper.glyph_index(c)?;
        let advance = self.shaper.glyph_hor_advance(glyph)?;
        Some(f32::from(advance) * self.scale(size))
    }

    /// The advance of glyph `id` as the PDF's width table gives it, in
    /// thousandths of an em (printpdf truncates to whole numbers).
    pub fn pdf_width(&self, id: u16) -> f32 {
        let advance = self
            .shaper
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
            .unwrap_or(0);
        (f32::from(advance) * 1000.0 / self.units_per_em).trunc()
    }

    pub fn parsed(&self) -> Result<&ParsedFont, String> {
        self.parsed
            .get_or_init(|| {
                // The lazy constructor: the glyph table (`glyf`, most of a
                // face) is read only when a glyph is first decoded, which
                // the writer does for the glyphs it draws (see
                // `decode_common_glyphs`); and a copy of the face for the
                // writer shares the bytes rather than copying its tables.
                let mut warnings = Vec::new();
                let bytes = std::sync::Arc::new(rust_fontconfig::FontBytes::Owned(
                    std::sync::Arc::from(self.data),
                ));
                printpdf::font::AzulParsedFont::from_bytes_shared(
                    bytes,
                    self.index as usize,
                    &mut warnings,
                )
                .map(ParsedFont::from_azul)
            })
            .as_ref()
            .ok_or_else(|| format!("the font {} cannot be read for the PDF", self.family))
    }

    /// Decodes the glyphs of printable ASCII and of typographic punctuation
    /// now. The PDF writer reads each glyph's width from its decoded record,
    /// and a face's first decode loads its whole glyph table: done ahead on
    /// a helper thread, it leaves the writer only the rarer glyphs.
    pub fn decode_common_glyphs(&self) {
        let Ok(parsed) = self.parsed() else {
            return;
        };
        for c in (' '..='~').chain(
            "\u{2018}\u{2019}\u{201C}\u{201D}\u{2013}\u{2014}\u{2026}\u{AB}\u{BB}\u{A7}".chars(),
        ) {
            if let Some(glyph) = parsed.lookup_glyph_index(u32::from(c)) {
                let _ = parsed.get_or_decode_glyph(glyph);
            }
        }
    }
}

const LIBERATION: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];
/// Regular, then bold, of each shipped fallback.
const ARABIC: [&[u8]; 2] = [
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
];

/// The fonts shipped with the program.
pub struct Fonts {
    liberation: Vec<Font>,
    fallbacks: Vec<[Font; 2]>,
}

static FONTS: LazyLock<Result<Fonts, String>> = LazyLock::new(|| {
    let broken = |name: &str| format!("the bundled font {name} cannot be parsed");
    let liberation = LIBERATION
        .iter()
        .enumerate()
        .map(|(i, data)| Font::load(i, "Liberation Serif", data, 0))
        .collect::<Option<Vec<Font>>>()
        .ok_or_else(|| broken("Liberation Serif"))?;
    let mut fallbacks = Vec::new();
    for (n, (family, files)) in [("Noto Naskh Arabic", ARABIC)].into_iter().enumerate() {
        let regular = Font::load(4 + 2 * n, family, files[0], 0).ok_or_else(|| broken(family))?;
        let bold = Font::load(5 + 2 * n, family, files[1], 0).ok_or_else(|| broken(family))?;
        fallbacks.push([regular, bold]);
    }
    Ok(Fonts {
        liberation,
        fallbacks,
    })
});

impl Fonts {
    pub fn get() -> Result<&'static Fonts, String> {
        FONTS.as_ref().map_err(Clone::clone)
    }

    /// Liberation Serif in `face`: the text face, also for page numbers,
    /// list markers and hyphens.
    pub fn primary(&'static self, face: Face) -> &'static Font {
        &self.liberation[face.index()]
    }

    /// Width of `text` at `size` points in Liberation Serif, for the few
    /// strings we write ourselves (page numbers, list markers, hyphens).
    pub fn width(&'static self, face: Face, size: f32, text: &str) -> f32 {
        let font = self.primary(face);
        text.chars()
            .map(|c| font.advance(c, size).unwrap_or(0.0))
            .sum()
    }

    /// The first shipped font in `face` that has `c`.
    fn shipped(&'static self, face: Face, c: char) -> Option<&'static Font> {
        let primary = self.primary(face);
        if primary.has(c) {
            return Some(primary);
        }
        let weight = usize::from(face.is_bold());
        self.fallbacks
            .iter()
            .map(|pair| &pair[weight])
            .find(|font| font.has(c))
    }
}

/// Families looked for first among the machine's fonts, best first: serif
/// faces that sit well beside Liberation Serif, then the common fallbacks.
const PREFERRED_FAMILIES: &[&str] = &[
    "Noto Serif CJK SC",
    "Noto Serif CJK JP",
    "Noto Serif CJK KR",
    "Noto Serif CJK TC",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Droid Sans Fallback",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Symbola",
    "Noto Emoji",
    "DejaVu Serif",
    "DejaVu Sans",
];

/// The machine's fonts, read once when a character first needs them: the
/// characters each face has are indexed then, so that later lookups (a
/// hostile answer full of rare characters included) read no file.
pub struct SystemFonts {
    state: Mutex<SystemState>,
}

struct SystemState {
    database: Option<fontdb::Database>,
    /// Faces with outlines and the characters they have, best first.
    index: Option<Vec<Coverage>>,
    loaded: HashMap<fontdb::ID, &'static Font>,
    chosen: HashMap<(char, bool), Option<&'static Font>>,
}

/// One installed face: where it ranks, whether it is bold, what it has.
struct Coverage {
    id: fontdb::ID,
    preference: usize,
    bold: bool,
    /// Inclusive ranges of code points, sorted.
    ranges: Vec<(u32, u32)>,
}

impl Coverage {
    fn has(&self, c: char) -> bool {
        let c = c as u32;
        let at = self.ranges.partition_point(|(_, end)| *end < c);
        self.ranges.get(at).is_some_and(|(start, _)| *start <= c)
    }
}

static SYSTEM: LazyLock<SystemFonts> = LazyLock::new(|| SystemFonts::new(None));

impl SystemFonts {
    /// The fonts installed on this machine, found when first needed.
    pub fn installed() -> &'static SystemFonts {
        &SYSTEM
    }

    /// Only the fonts in `database` (a test leaves it empty to see what a
    /// machine without them gets).
    pub fn only(database: fontdb::Database) -> SystemFonts {
        SystemFonts::new(Some(database))
    }

    fn new(database: Option<fontdb::Database>) -> SystemFonts {
        SystemFonts {
            state: Mutex::new(SystemState {
                database,
                index: None,
                loaded: HashMap::new(),
                chosen: HashMap::new(),
            }),
        }
    }

    /// The first installed font with an outline for `c`, bold when asked
    /// and available.
    fn font_for(&self, c: char, bold: bool) -> Option<&'static Font> {
        // A poisoned lock only means another render panicked mid-search;
        // the caches it guards are still consistent (entries go in whole).
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = state.chosen.get(&(c, bold)) {
            return *known;
        }
        let found = state.search(c, bold);
        state.chosen.insert((c, bold), found);
        found
    }
}

impl SystemState {
    fn search(&mut self, c: char, bold: bool) -> Option<&'static Font> {
        if self.index.is_none() {
            let database = self.database.get_or_insert_with(|| {
                let mut database = fontdb::Database::new();
                database.load_system_fonts();
                database
            });
            self.index = Some(index_faces(database));
        }
        let index = self.index.as_ref()?;
        // Preferred families first; within one, the weight asked for.
        let id = index
            .iter()
            .filter(|face| face.has(c))
            .min_by_key(|face| (face.preference, face.bold != bold))
            .map(|face| face.id)?;
        if let Some(font) = self.loaded.get(&id) {
            return Some(font);
        }
        let database = self.database.as_ref()?;
        let info = database.face(id)?;
        let family = info
            .families
            .first()
            .map_or_else(|| info.post_script_name.clone(), |(name, _)| name.clone());
        let data = database.with_face_data(id, |data, _| data.to_vec())?;
        // Kept for the life of the process, like the shipped fonts: each
        // installed font is loaded at most once (`loaded`), so this is
        // bounded by the machine's fonts that documents actually use.
        let data: &'static [u8] = Box::leak(data.into_boxed_slice());
        let number = 100 + self.loaded.len();
        let font: &'static Font =
            Box::leak(Box::new(Font::load(number, &family, data, info.index)?));
        self.loaded.insert(id, font);
        Some(font)
    }
}

/// Reads each face's character map once. Colour-bitmap emoji fonts are
/// left out: they have no outline a PDF can embed as a subset.
fn index_faces(database: &fontdb::Database) -> Vec<Coverage> {
    let mut index: Vec<Coverage> = database
        .faces()
        .filter_map(|info| {
            let family = info.families.first().map(|(name, _)| name.as_str());
            let preference = family
                .and_then(|f| PREFERRED_FAMILIES.iter().position(|p| *p == f))
                .unwrap_or(PREFERRED_FAMILIES.len());
            let ranges = database.with_face_data(info.id, coverage).flatten()?;
            Some(Coverage {
                id: info.id,
                preference,
                bold: info.weight.0 >= 600,
                ranges,
            })
        })
        .collect();
    // The same order on every run, whatever order the folders were read in.
    index.sort_by_cached_key(|face| {
        let path = match database.face_source(face.id) {
            Some((fontdb::Source::File(path), i)) => format!("{}#{i}", path.display()),
            _ => String::new(),
        };
        (face.preference, path)
    });
    index
}

/// The code points a face has glyphs for, as sorted inclusive ranges.
fn coverage(data: &[u8], index: u32) -> Option<Vec<(u32, u32)>> {
    let face = rustybuzz::ttf_parser::Face::parse(data, index).ok()?;
    let tables = face.tables();
    if tables.glyf.is_none() && tables.cff.is_none() {
        return None;
    }
    let mut points = Vec::new();
    for subtable in tables.cmap?.subtables {
        if subtable.is_unicode() {
            subtable.codepoints(|c| {
                if subtable.glyph_index(c).is_some_and(|g| g.0 != 0) {
                    points.push(c);
                }
            });
        }
    }
    points.sort_unstable();
    points.dedup();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in points {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == c => *end = c,
            _ => ranges.push((c, c)),
        }
    }
    (!ranges.is_empty()).then_some(ranges)
}

/// Chooses a font for each character during one render, remembering its
/// choices.
pub struct Chooser<'a> {
    fonts: &'static Fonts,
    system: &'a SystemFonts,
    cache: HashMap<(char, Face), Option<&'static Font>>,
}

impl<'a> Chooser<'a> {
    pub fn new(fonts: &'static Fonts, system: &'a SystemFonts) -> Chooser<'a> {
        Chooser {
            fonts,
            system,
            cache: HashMap::new(),
        }
    }

    pub fn fonts(&self) -> &'static Fonts {
        self.fonts
    }

    /// The first font that has `c` in `face` (or, failing that, in any style).
    pub fn font_for(&mut self, c: char, face: Face) -> Option<&'static Font> {
        // Liberation Serif has every printable ASCII character.
        if c.is_ascii_graphic() || c == ' ' {
            return Some(self.fonts.primary(face));
        }
        if let Some(known) = self.cache.get(&(c, face)) {
            return *known;
        }
        let found = self
            .fonts
            .shipped(face, c)
            .or_else(|| self.system.font_for(c, face.is_bold()));
        self.cache.insert((c, face), found);
        found
    }
}

/// The Debian package that would add a font for a character of `script`.
pub fn package_for(c: char) -> &'static str {
    match c.script() {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo => {
            "fonts-noto-cjk"
        }
        Script::Common if is_pictographic(c) => "fonts-symbola",
        _ => "fonts-noto-core",
    }
}

/// The script's name, as Unicode gives it ("Han", "Hebrew", "Common" for
/// symbols and emoji).
pub fn script_name(c: char) -> &'static str {
    c.script().full_name()
}

/// Emoji and pictographs: common to all scripts, yet they need a font of
/// their own.
pub fn is_pictographic(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF)
}
