//! Liberation Serif, shipped in `assets/fonts/` and compiled into the
//! binary, so a PDF never depends on what fonts the machine has. Parsed once
//! per process; glyph advances come from the font's own metrics.

use std::sync::LazyLock;

use printpdf::ParsedFont;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn with(self, bold: bool, italic: bool) -> Face {
        let bold = bold || matches!(self, Face::Bold | Face::BoldItalic);
        let italic = italic || matches!(self, Face::Italic | Face::BoldItalic);
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

const FILES: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

pub struct Fonts {
    faces: Vec<ParsedFont>,
    units_per_em: [f32; 4],
}

static FONTS: LazyLock<Result<Fonts, String>> = LazyLock::new(|| {
    let mut faces = Vec::with_capacity(4);
    let mut units_per_em = [1000.0; 4];
    for (index, bytes) in FILES.iter().enumerate() {
        let mut warnings = Vec::new();
        let face = ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or_else(|| {
            format!(
                "the bundled font {} cannot be parsed",
                Face::ALL[index].file_name()
            )
        })?;
        units_per_em[index] = f32::from(face.font_metrics.units_per_em.max(1));
        faces.push(face);
    }
    Ok(Fonts {
        faces,
        units_per_em,
    })
});

impl Face {
    fn file_name(self) -> &'static str {
        match self {
            Face::Regular => "LiberationSerif-Regular.ttf",
            Face::Bold => "LiberationSerif-Bold.ttf",
            Face::Italic => "LiberationSerif-Italic.ttf",
            Face::BoldItalic => "LiberationSerif-BoldItalic.ttf",
        }
    }
}

impl Fonts {
    pub fn get() -> Result<&'static Fonts, String> {
        FONTS.as_ref().map_err(Clone::clone)
    }

    pub fn parsed(&self, face: Face) -> &ParsedFont {
        &self.faces[face.index()]
    }

    /// Advance width of `c` in ems, or `None` if the face has no glyph for it.
    pub fn advance(&self, face: Face, c: char) -> Option<f32> {
        let font = &self.faces[face.index()];
        let glyph = font.lookup_glyph_index(c as u32)?;
        Some(f32::from(font.get_horizontal_advance(glyph)) / self.units_per_em[face.index()])
    }

    /// Width of `text` at `size` points; characters without a glyph count as zero
    /// (they are reported before layout, see `super::check_glyphs`).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        text.chars()
            .map(|c| self.advance(face, c).unwrap_or(0.0))
            .sum::<f32>()
            * size
    }

    pub fn has_glyph(&self, face: Face, c: char) -> bool {
        self.faces[face.index()]
            .lookup_glyph_index(c as u32)
            .is_some()
    }
}
