//! The named styles of every DOCX we write. docx-rs writes its own
//! "Normal" style, so body defaults go into the document defaults instead.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, RunFonts, SpecialIndentType, Style, StyleType, VertAlignType,
};

pub const TITLE: &str = "Title";
pub const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
pub const BODY: &str = "BodyText";
pub const LIST: &str = "ListParagraph";
pub const QUOTE: &str = "Quote";
pub const FOOTNOTE_TEXT: &str = "FootnoteText";
pub const FOOTNOTE_REFERENCE: &str = "FootnoteReference";
pub const HYPERLINK: &str = "Hyperlink";
pub const FOOTER: &str = "Footer";
pub const RULE: &str = "Rule";

/// Liberation Serif has the metrics of Times New Roman, so pages break alike everywhere.
pub const FONT: &str = "Liberation Serif";

pub fn add(docx: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let after = |points: u32| LineSpacing::new().after(points * 20);
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .q_format(true)
    };

    let mut footnote_reference =
        Style::new(FOOTNOTE_REFERENCE, StyleType::Character).name("footnote reference");
    footnote_reference.run_property = footnote_reference
        .run_property
        .vert_align(VertAlignType::SuperScript);

    let heading = |id: &str, name: &str, size: usize, level: usize| {
        let mut style = paragraph(id, name)
            .next(BODY)
            .size(size)
            .bold()
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(120));
        style.paragraph_property = style.paragraph_property.keep_next(true);
        style
    };
    let heading1 = heading(HEADINGS[0], "heading 1", 28, 0);
    let heading2 = heading(HEADINGS[1], "heading 2", 26, 1);
    let heading3 = heading(HEADINGS[2], "heading 3", 24, 2).italic();

    docx.default_fonts(fonts)
        .default_size(24)
        .add_style(
            paragraph(TITLE, "Title")
                .next(BODY)
                .size(32)
                .bold()
                .align(AlignmentType::Center)
                .line_spacing(after(18)),
        )
        .add_style(heading1)
        .add_style(heading2)
        .add_style(heading3)
        .add_style(
            paragraph(BODY, "Body Text")
                .align(AlignmentType::Both)
                .line_spacing(after(10)),
        )
        .add_style(
            paragraph(LIST, "List Paragraph")
                .align(AlignmentType::Both)
                .line_spacing(after(6)),
        )
        .add_style(
            paragraph(QUOTE, "Quote")
                .italic()
                .align(AlignmentType::Both)
                .indent(Some(720), None, Some(720), None)
                .line_spacing(after(10)),
        )
        .add_style(
            paragraph(FOOTNOTE_TEXT, "footnote text")
                .size(20)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .line_spacing(after(2)),
        )
        .add_style(footnote_reference)
        .add_style(
            Style::new(HYPERLINK, StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
        .add_style(
            paragraph(FOOTER, "footer")
                .size(20)
                .align(AlignmentType::Center),
        )
        .add_style(paragraph(RULE, "Horizontal Rule").line_spacing(after(10)))
}

/// Quotation styles in another language are named `Quote-` and the
/// language; `package` writes the language into the style, which docx-rs
/// cannot.
pub const QUOTE_IN_LANGUAGE: &str = "Quote-";

pub fn quote_style_id(language: &str) -> String {
    format!("{QUOTE_IN_LANGUAGE}{language}")
}

/// The quotation style for the language in `id` (from `quote_style_id`).
pub fn quote_in_language(id: &str) -> Style {
    let language = id.trim_start_matches(QUOTE_IN_LANGUAGE);
    Style::new(id, StyleType::Paragraph)
        .name(format!("Quote ({language})"))
        .based_on(QUOTE)
        .q_format(true)
}
