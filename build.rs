//! Build steps:
//! - rebuild when a migration is added (`sqlx::migrate!` embeds the
//!   `migrations/` folder at compile time);
//! - list the interface's catalogue files (`catalogue_files.rs`), and
//!   compile the ones the pages use into plain data for the browser
//!   (`browser_catalogue.rs`), so the browser bundle carries neither Fluent's
//!   parser nor its resolver. Fluent's own parser reads the files here; a
//!   catalogue that uses more of Fluent than the browser's resolver knows
//!   stops the build with the file and message that do.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

const LANGUAGES: [&str; 2] = ["en", "fr"];

/// Catalogue files the pages use: the server and the browser word them.
const PAGE_FILES: &[&str] = &[
    "shell",
    "errors",
    "answers",
    "drafts",
    "wizard",
    "templates",
    "evidence",
    "campaigns",
    "account",
];

/// The check findings, the store's refusals and a template's problems are
/// worded on the server only, so the browser bundle does not carry them.
const SERVER_FILES: &[&str] = &["checks", "store", "lint"];

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
    if let Err(problem) = write_catalogues() {
        eprintln!("{problem}");
        std::process::exit(1);
    }
}

fn write_catalogues() -> Result<(), String> {
    let root =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("no OUT_DIR")?);
    write(&out.join("catalogue_files.rs"), &catalogue_files())?;
    let mut compiled = String::from("// Written by build.rs from locales/*/*.ftl.\n");
    for lang in LANGUAGES {
        let mut messages = BTreeMap::new();
        let mut text = Blob::default();
        for name in PAGE_FILES {
            let path = root.join("locales").join(lang).join(format!("{name}.ftl"));
            let source = std::fs::read_to_string(&path)
                .map_err(|e| format!("reading {}: {e}", path.display()))?;
            compile_file(&path, &source, &mut text, &mut messages)?;
        }
        let upper = lang.to_uppercase();
        let ids: Vec<String> = messages.keys().map(|id| text.span(id)).collect();
        let _ = writeln!(
            compiled,
            "static {upper}_TEXT: [u8; {}] = *b\"{}\";",
            text.bytes.len(),
            text.bytes
                .iter()
                .map(|b| b.escape_ascii().to_string())
                .collect::<String>()
        );
        let _ = writeln!(
            compiled,
            "pub(super) static {upper}: Catalogue = Catalogue {{\n    text: &{upper}_TEXT,\n    ids: &[{}],\n    patterns: &[",
            ids.join(", ")
        );
        for parts in messages.values() {
            let _ = writeln!(compiled, "        &{parts},");
        }
        compiled.push_str("    ],\n};\n");
    }
    write(&out.join("browser_catalogue.rs"), &compiled)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// `sources()`'s table: each language's files, the server's behind `ssr`.
fn catalogue_files() -> String {
    let mut out = String::from("// Written by build.rs.\n");
    for lang in LANGUAGES {
        let _ = writeln!(
            out,
            "const {}_FILES: &[(&str, &str)] = &[",
            lang.to_uppercase()
        );
        let files = PAGE_FILES.iter().map(|f| (f, false));
        for (name, server_only) in files.chain(SERVER_FILES.iter().map(|f| (f, true))) {
            if server_only {
                out.push_str("    #[cfg(feature = \"ssr\")]\n");
            }
            // The path is completed when the crate compiles, not here: a
            // build script's output may be reused for a checkout in
            // another folder that shares the build directory.
            let _ = writeln!(
                out,
                "    (\"{name}.ftl\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/locales/{lang}/{name}.ftl\"))),"
            );
        }
        out.push_str("];\n");
    }
    out
}

/// One language's text, every string once, in one array of bytes: the
/// catalogue names its strings by position. One array rather than string
/// literals, which the linker merges with the program's other strings; a
/// merged string would tie this language's piece of the browser bundle to
/// the code using it, and split it into dozens of small pieces.
#[derive(Default)]
struct Blob {
    bytes: Vec<u8>,
    placed: HashMap<String, (usize, usize)>,
}

impl Blob {
    /// `Span(start, end)` of `text`, placing it if new.
    fn span(&mut self, text: &str) -> String {
        let (start, end) = *self.placed.entry(text.to_owned()).or_insert_with(|| {
            let start = self.bytes.len();
            self.bytes.extend_from_slice(text.as_bytes());
            (start, self.bytes.len())
        });
        format!("Span({start}, {end})")
    }
}

/// Adds each message of one file, as Rust source of its `&[Part]`.
fn compile_file(
    path: &Path,
    source: &str,
    text: &mut Blob,
    messages: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    let resource = fluent_syntax::parser::parse_runtime(source).map_err(|(_, errors)| {
        let Some(first) = errors.first() else {
            return format!("{}: does not parse", path.display());
        };
        let (line, column) = line_and_column(source, first.pos.start);
        format!("{}:{line}:{column}: {:?}", path.display(), first.kind)
    })?;
    for entry in resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let Some(value) = message.value else {
            continue;
        };
        let unsupported = |what: &str| {
            format!(
                "{}: `{id}` uses {what}, which the browser's catalogue does not support \
                 (see build.rs)",
                path.display()
            )
        };
        let parts = pattern(&value, text, &unsupported)?;
        if messages.insert(id.to_owned(), parts).is_some() {
            return Err(format!("{}: `{id}` is defined twice", path.display()));
        }
    }
    Ok(())
}

/// A pattern as `[Part::…, …]`, adjacent text joined.
fn pattern(
    value: &ast::Pattern<&str>,
    blob: &mut Blob,
    unsupported: &dyn Fn(&str) -> String,
) -> Result<String, String> {
    let mut parts: Vec<String> = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, parts: &mut Vec<String>, blob: &mut Blob| {
        if !text.is_empty() {
            parts.push(format!("Part::Text({})", blob.span(text)));
            text.clear();
        }
    };
    for element in &value.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value));
                }
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    flush(&mut text, &mut parts, blob);
                    parts.push(format!("Part::Var({})", blob.span(id.name)));
                }
                ast::Expression::Select { selector, variants } => {
                    let ast::InlineExpression::VariableReference { id } = selector else {
                        return Err(unsupported("a selector other than a variable"));
                    };
                    flush(&mut text, &mut parts, blob);
                    let mut compiled = Vec::new();
                    let mut default = 0;
                    for (index, variant) in variants.iter().enumerate() {
                        let key = match &variant.key {
                            ast::VariantKey::Identifier { name } => {
                                format!("Key::Name({})", blob.span(name))
                            }
                            ast::VariantKey::NumberLiteral { value } => {
                                let number: i64 = value
                                    .parse()
                                    .map_err(|_| unsupported("a key that is not a whole number"))?;
                                format!("Key::Number({number})")
                            }
                        };
                        if variant.default {
                            default = index;
                        }
                        let variant = pattern(&variant.value, blob, unsupported)?;
                        compiled.push(format!("({key}, &{variant})"));
                    }
                    parts.push(format!(
                        "Part::Select {{ on: {}, variants: &[{}], default: {default} }}",
                        blob.span(id.name),
                        compiled.join(", ")
                    ));
                }
                _ => {
                    return Err(unsupported(
                        "a placeable other than a variable, text or a choice",
                    ))
                }
            },
        }
    }
    flush(&mut text, &mut parts, blob);
    Ok(format!("[{}]", parts.join(", ")))
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
    (line, column)
}
