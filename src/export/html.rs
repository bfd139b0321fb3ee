//! HTML back end: a standalone, printable page, and the fragment the live
//! preview shows. Every piece of text is escaped here; nothing upstream
//! produces HTML.

use std::fmt::Write;

use super::direction;
use crate::document::{Block, Document, Inline};

/// A complete page with its own print styles.
pub fn standalone(document: &Document) -> String {
    let meta = &document.metadata;
    let mut out = String::with_capacity(8 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n",
        lang = escape(&meta.language),
        title = escape(&meta.title)
    );
    if let Some(author) = &meta.author {
        let _ = writeln!(out, "<meta name=\"author\" content=\"{}\">", escape(author));
    }
    if let Some(subject) = &meta.subject {
        let _ = writeln!(
            out,
            "<meta name=\"description\" content=\"{}\">",
            escape(subject)
        );
    }
    let (width, height) = meta.paper.size_mm();
    let _ = write!(out, "<style>@page {{ size: {width}mm {height}mm; margin: 25mm; }}\n{PAGE_CSS}</style>\n</head>\n<body>\n");
    out.push_str(&fragment(document));
    out.push_str("</body>\n</html>\n");
    out
}

/// Counts the words of one block of text, for [`fragment_counted`].
pub type WordCounter<'a> = &'a dyn Fn(&[Inline]) -> usize;

/// The document as an `<article>` element, footnotes at its end.
pub fn fragment(document: &Document) -> String {
    write_fragment(document, None)
}

/// [`fragment`] with each block of text (title, headings, paragraphs, list
/// items, note paragraphs) marked with its word count in `data-words`, so
/// the preview can show which text a filing rule counts and how much.
pub fn fragment_counted(document: &Document, words: WordCounter) -> String {
    write_fragment(document, Some(words))
}

fn write_fragment(document: &Document, words: Option<WordCounter>) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("<article class=\"document\">\n");
    for block in &document.blocks {
        write_block(&mut out, block, words);
    }
    if !document.footnotes.is_empty() {
        out.push_str("<section class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n");
        for note in &document.footnotes {
            let _ = write!(out, "<li id=\"fn{n}\" value=\"{n}\">", n = note.number);
            for (i, paragraph) in note.paragraphs.iter().enumerate() {
                out.push_str(&open_tag("p", "", paragraph, words));
                write_inlines(&mut out, paragraph);
                if i + 1 == note.paragraphs.len() {
                    let _ = write!(out, " <a href=\"#fnref{n}\" role=\"doc-backlink\" aria-label=\"Back to text\">↩</a>", n = note.number);
                }
                out.push_str("</p>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</article>\n");
    out
}

/// `<tag attributes data-words="N">`, the count only when asked for, with
/// the block's direction when it has right-to-left text: `rtl` when most of
/// its letters are (as the PDF and DOCX set it), else `ltr`, so that a
/// paragraph opening with a Hebrew name is not turned around as `dir=auto`
/// would.
fn open_tag(tag: &str, attributes: &str, content: &[Inline], words: Option<WordCounter>) -> String {
    let mut open = format!("<{tag}{attributes}");
    let text = Inline::plain_text(content);
    if direction::has_rtl(&text) {
        let dir = if direction::mainly_rtl(&text) {
            "rtl"
        } else {
            "ltr"
        };
        let _ = write!(open, " dir=\"{dir}\"");
    }
    if let Some(count) = words {
        let _ = write!(open, " data-words=\"{}\"", count(content));
    }
    open.push('>');
    open
}

fn write_block(out: &mut String, block: &Block, words: Option<WordCounter>) {
    match block {
        Block::Title(content) => wrap(
            out,
            &open_tag("h1", " class=\"title\"", content, words),
            content,
            "</h1>\n",
        ),
        Block::Heading { level, content } => {
            // The title is the page's h1; headings start at h2.
            let tag = format!("h{}", (level + 1).min(4));
            wrap(
                out,
                &open_tag(&tag, "", content, words),
                content,
                &format!("</{tag}>\n"),
            );
        }
        Block::Paragraph(content) => {
            wrap(out, &open_tag("p", "", content, words), content, "</p>\n")
        }
        Block::List(list) => {
            match list.start {
                Some(1) => out.push_str("<ol>\n"),
                Some(start) => {
                    let _ = writeln!(out, "<ol start=\"{start}\">");
                }
                None => out.push_str("<ul>\n"),
            }
            for item in &list.items {
                out.push_str("<li>");
                for block in item {
                    write_block(out, block, words);
                }
                out.push_str("</li>\n");
            }
            out.push_str(if list.start.is_some() {
                "</ol>\n"
            } else {
                "</ul>\n"
            });
        }
        Block::Quote { blocks, language } => {
            match language {
                Some(language) => {
                    let _ = writeln!(out, "<blockquote lang=\"{}\">", escape(language));
                }
                None => out.push_str("<blockquote>\n"),
            }
            for block in blocks {
                write_block(out, block, words);
            }
            out.push_str("</blockquote>\n");
        }
        Block::PageBreak => out.push_str("<div class=\"page-break\" role=\"separator\"></div>\n"),
        Block::Rule => out.push_str("<hr>\n"),
    }
}

fn wrap(out: &mut String, open: &str, content: &[Inline], close: &str) {
    out.push_str(open);
    write_inlines(out, content);
    out.push_str(close);
}

fn write_inlines(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Emphasis(c) => wrap(out, "<em>", c, "</em>"),
            Inline::Strong(c) => wrap(out, "<strong>", c, "</strong>"),
            Inline::Code(text) => {
                let _ = write!(out, "<code>{}</code>", escape(text));
            }
            Inline::Link { url, content } => {
                if is_safe_url(url) {
                    let _ = write!(out, "<a href=\"{}\">", escape(url));
                    write_inlines(out, content);
                    out.push_str("</a>");
                } else {
                    write_inlines(out, content);
                }
            }
            Inline::NoteRef(n) => {
                let _ = write!(out, "<sup class=\"note-ref\"><a href=\"#fn{n}\" id=\"fnref{n}\" role=\"doc-noteref\">{n}</a></sup>");
            }
            Inline::LineBreak => out.push_str("<br>\n"),
        }
    }
}

/// Only web and mail links: a `javascript:` URL from a template must not run in the preview.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "#"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Text as HTML (or XML) character data: markup characters escaped, and
/// characters no file may hold replaced (they are refused on input; this
/// is the second line of defence).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::printable(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const PAGE_CSS: &str = "body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 12pt; line-height: 1.4; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #111; }
h1.title { font-size: 16pt; text-align: center; }
h2 { font-size: 14pt; } h3 { font-size: 12pt; } h4 { font-size: 12pt; font-style: italic; }
p { text-align: justify; hyphens: auto; }
blockquote { margin-left: 2em; margin-right: 2em; }
sup.note-ref a { text-decoration: none; }
.footnotes { font-size: 10pt; margin-top: 2em; }
.footnotes hr { width: 30%; margin-left: 0; }
.page-break { break-after: page; }
@media print { body { margin: 0; max-width: none; } .page-break { height: 0; } }
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Footnote, Metadata};

    #[test]
    fn escapes_text_and_drops_unsafe_links() {
        let doc = Document {
            metadata: Metadata {
                title: "A <b>".into(),
                language: "en".into(),
                ..Default::default()
            },
            blocks: vec![Block::Paragraph(vec![
                Inline::Text("<script>".into()),
                Inline::Link {
                    url: "javascript:alert(1)".into(),
                    content: vec![Inline::Text("x".into())],
                },
                Inline::NoteRef(1),
            ])],
            footnotes: vec![Footnote {
                number: 1,
                paragraphs: vec![vec![Inline::Text("Note & co".into())]],
            }],
        };
        let html = standalone(&doc);
        assert!(html.contains("<title>A &lt;b&gt;</title>"));
        assert!(html.contains("<p>&lt;script&gt;x<sup class=\"note-ref\"><a href=\"#fn1\""));
        assert!(!html.contains("javascript:"));
        assert!(html.contains("<li id=\"fn1\" value=\"1\"><p>Note &amp; co"));
    }
}
