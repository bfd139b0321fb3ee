//! Citation notes, formatted by a CSL processor (hayagriva).
//!
//! Decoding all 64 bundled CSL locales takes ~130 ms, more than a whole
//! render, so only the locales a document needs (its own and the en-US
//! fallback) are decoded, once per process; styles likewise.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use hayagriva::archive::{ArchivedStyle, LOCALES as LOCALE_ARCHIVE};
use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode, Style};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild, Entry,
    LocatorPayload, SpecificLocator,
};
use serde_json::{json, Map, Value};

use super::library::{Library, Source, SourceType};
use crate::document::Inline;

mod by_type;
pub mod cbor;

/// The style used when none is chosen: full note first, short note after.
pub const DEFAULT_STYLE: &str = "chicago-notes";

static LOCALES: LazyLock<Mutex<HashMap<String, Arc<Vec<Locale>>>>> =
    LazyLock::new(Default::default);
static STYLES: LazyLock<Mutex<HashMap<String, Arc<IndependentStyle>>>> =
    LazyLock::new(Default::default);

/// A citation style known to the CSL processor.
#[derive(Debug, Clone)]
pub struct CitationStyle {
    name: String,
    style: Decoded,
}

/// The decoded style, or the promise of it from another thread.
#[derive(Debug, Clone)]
enum Decoded {
    Ready(Arc<IndependentStyle>),
    Promised(Arc<Promised>),
}

/// A style another thread is decoding: the first note that needs it waits.
#[derive(Debug)]
struct Promised {
    receiver: Mutex<Option<Receiver<Result<CitationStyle, CitationError>>>>,
    delivered: OnceLock<Result<Arc<IndependentStyle>, CitationError>>,
}

/// Decodes the style a [`CitationStyle::promised`] stands for.
pub struct StylePromise {
    name: String,
    sender: Sender<Result<CitationStyle, CitationError>>,
}

impl StylePromise {
    /// Decodes the style (see [`CitationStyle::by_name`]) and hands it over.
    pub fn fulfil(self) {
        // The receiver is gone only if the render ended first; nothing waits.
        let _ = self.sender.send(CitationStyle::by_name(&self.name));
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum CitationError {
    #[error(
        "unknown citation style `{0}`; try `chicago-notes`, `chicago-shortened-notes` or `apa`"
    )]
    UnknownStyle(String),
    #[error("citation style `{0}` depends on another style; choose an independent style such as `chicago-notes`")]
    DependentStyle(String),
    #[error("source `{id}` cannot be formatted as a citation: {message}")]
    Entry { id: String, message: String },
    #[error("the citation style `{0}` was not decoded: the thread decoding it stopped")]
    NotDelivered(String),
}

impl CitationStyle {
    pub fn by_name(name: &str) -> Result<CitationStyle, CitationError> {
        let mut cache = STYLES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(style) = cache.get(name) {
            return Ok(CitationStyle {
                name: name.to_owned(),
                style: Decoded::Ready(style.clone()),
            });
        }
        let style = Arc::new(decode(name)?);
        // The probe that decides type tests is needed by the first render
        // with this style; build it here, where callers decode styles ahead.
        LazyLock::force(&by_type::PROBE);
        cache.insert(name.to_owned(), style.clone());
        Ok(CitationStyle {
            name: name.to_owned(),
            style: Decoded::Ready(style),
        })
    }

    /// The style called `name`, decoded by whoever calls the promise's
    /// [`StylePromise::fulfil`] (a helper thread), while this one gets on
    /// with everything a render does before its first note. An unknown
    /// name is reported there.
    pub fn promised(name: &str) -> (CitationStyle, StylePromise) {
        let (sender, receiver) = std::sync::mpsc::channel();
        let style = CitationStyle {
            name: name.to_owned(),
            style: Decoded::Promised(Arc::new(Promised {
                receiver: Mutex::new(Some(receiver)),
                delivered: OnceLock::new(),
            })),
        };
        let promise = StylePromise {
            name: name.to_owned(),
            sender,
        };
        (style, promise)
    }

    /// Waits for a promised style and says whether it decoded: a render
    /// with no citation never asks for it, yet a style that does not exist
    /// is still a mistake to report.
    pub fn check(&self) -> Result<(), CitationError> {
        self.decoded().map(|_| ())
    }

    /// The decoded style, waiting for it if it was promised.
    fn decoded(&self) -> Result<&Arc<IndependentStyle>, CitationError> {
        let promised = match &self.style {
            Decoded::Ready(style) => return Ok(style),
            Decoded::Promised(promised) => promised,
        };
        promised
            .delivered
            .get_or_init(|| {
                let receiver = promised
                    .receiver
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .take();
                match receiver.map(|r| r.recv()) {
                    Some(Ok(Ok(style))) => style.decoded().cloned(),
                    Some(Ok(Err(error))) => Err(error),
                    _ => Err(CitationError::NotDelivered(self.name.clone())),
                }
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Decodes the locales a document in `language` needs, ahead of its first render.
    pub fn prepare_locales(language: &str) {
        locales_for(&locale_code(language));
    }

    /// Decodes the default style and common locales now rather than on the first render.
    pub fn warm_up() {
        let _ = CitationStyle::by_name(DEFAULT_STYLE);
        for language in ["en-US", "fr-FR"] {
            locales_for(&LocaleCode(language.to_owned()));
        }
    }
}

/// The default style as this project ships it: hayagriva's archived
/// chicago-notes as notes use it ([`by_type::for_notes`]), encoded once (see
/// `assets/csl/README.md` and the test that keeps it equal to hayagriva's).
const SHIPPED_DEFAULT: &[u8] = include_bytes!("../../../assets/csl/chicago-notes.cbor");

/// The style called `name`, without its bibliography layout and the macros
/// only it reached: notes are all we print, and without it the processor
/// does not format and sort a bibliography on every render (more than half
/// of a render's time).
/// Uncached: [`CitationStyle::by_name`] keeps what it decodes.
pub fn decode(name: &str) -> Result<IndependentStyle, CitationError> {
    if name == DEFAULT_STYLE {
        // The shipped copy decodes in about a quarter of the time (`cbor.rs`);
        // should it ever not decode, hayagriva's own copy still does.
        match cbor::from_slice::<Style>(SHIPPED_DEFAULT) {
            Ok(Style::Independent(style)) => return Ok(style),
            _ => tracing::warn!("the shipped copy of {name} does not decode; using hayagriva's"),
        }
    }
    let archived =
        ArchivedStyle::by_name(name).ok_or_else(|| CitationError::UnknownStyle(name.to_owned()))?;
    let Style::Independent(mut style) = archived.get() else {
        return Err(CitationError::DependentStyle(name.to_owned()));
    };
    by_type::for_notes(&mut style);
    Ok(style)
}

/// One `cite()` call: which source, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub source: String,
    pub pinpoint: Option<String>,
}

/// Formats citations as the content of notes `1..`, in the order given
/// (the order they appear in the document), so the style can tell a first
/// citation from a later one.
pub fn format_notes(
    citations: &[(usize, &Citation)],
    library: &Library,
    style: &CitationStyle,
    language: &str,
) -> Result<Vec<Vec<Inline>>, CitationError> {
    // The CSL processor takes about 0.6 ms a note. A live preview renders the
    // same draft again and again with the same citations, so the notes of a
    // citation list are remembered, keyed by everything that shapes them.
    let key = cache_key(citations, library, style, language);
    let mut cache = NOTES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(notes) = cache.get(&key) {
        return Ok(notes.clone());
    }
    drop(cache);
    let notes = format_notes_uncached(citations, library, style, language)?;
    cache = NOTES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if cache.len() >= NOTES_CACHE_SIZE {
        cache.clear();
    }
    cache.insert(key, notes.clone());
    Ok(notes)
}

/// How many citation lists are remembered; beyond it the cache starts afresh.
const NOTES_CACHE_SIZE: usize = 512;
static NOTES: LazyLock<Mutex<HashMap<String, Vec<Vec<Inline>>>>> = LazyLock::new(Default::default);

/// Style, language, and each citation's note number, pinpoint and full source record.
fn cache_key(
    citations: &[(usize, &Citation)],
    library: &Library,
    style: &CitationStyle,
    language: &str,
) -> String {
    let mut key = format!("{}\u{1}{language}", style.name);
    for (number, citation) in citations {
        let source = library
            .source(&citation.source)
            .and_then(|s| serde_json::to_string(s).ok())
            .unwrap_or_default();
        key.push_str(&format!(
            "\u{1}{number}\u{2}{}\u{2}{source}",
            citation.pinpoint.as_deref().unwrap_or_default()
        ));
    }
    key
}

/// Formats notes without the cache; for measuring the processor itself.
pub fn format_notes_uncached(
    citations: &[(usize, &Citation)],
    library: &Library,
    style: &CitationStyle,
    language: &str,
) -> Result<Vec<Vec<Inline>>, CitationError> {
    format_notes_with(citations, library, style, language, Decide::ByType)
}

/// Whether each entry's citations use the style with its type tests decided
/// (see [`by_type`]); the undecided style is kept for comparing the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decide {
    ByType,
    #[cfg_attr(not(test), allow(dead_code))]
    Never,
}

fn format_notes_with(
    citations: &[(usize, &Citation)],
    library: &Library,
    style: &CitationStyle,
    language: &str,
    decide: Decide,
) -> Result<Vec<Vec<Inline>>, CitationError> {
    // Entries and their kinds first: they do not need the style, which may
    // still be decoding on another thread.
    let mut kinds_of: HashMap<&str, (Entry, Option<by_type::Kinds>)> = HashMap::new();
    for (_, citation) in citations {
        if kinds_of.contains_key(citation.source.as_str()) {
            continue;
        }
        let source = library
            .source(&citation.source)
            .ok_or_else(|| CitationError::Entry {
                id: citation.source.clone(),
                message: "it is not in the evidence library".into(),
            })?;
        let entry = to_entry(source, language)?;
        let kinds = by_type::Kinds::of(&entry);
        kinds_of.insert(&source.id, (entry, kinds));
    }
    let whole = style.decoded()?;
    let entries: HashMap<&str, (Entry, Arc<IndependentStyle>)> = kinds_of
        .into_iter()
        .map(|(id, (entry, kinds))| {
            let entry_style = match (decide, kinds) {
                (Decide::ByType, Some(kinds)) => by_type::decided(&style.name, whole, kinds),
                _ => whole.clone(),
            };
            (id, (entry, entry_style))
        })
        .collect();
    let code = locale_code(language);
    let locales = locales_for(&code);
    let locale = Some(code);
    let mut driver = BibliographyDriver::new();
    for (note_number, citation) in citations {
        let (entry, entry_style) = &entries[citation.source.as_str()];
        let locator = citation.pinpoint.as_deref().map(|p| {
            SpecificLocator(
                hayagriva::citationberg::taxonomy::Locator::Custom,
                LocatorPayload::Str(p),
            )
        });
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_locator(entry, locator)],
            entry_style,
            locale.clone(),
            &locales,
            Some(*note_number),
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(whole, locale, &locales));
    Ok(rendered
        .citations
        .iter()
        .map(|c| to_inlines(&c.citation.0))
        .collect())
}

/// CSL locales are region-specific; a bare language picks its usual region.
fn locale_code(language: &str) -> LocaleCode {
    let code = match language {
        "en" => "en-US",
        "fr" => "fr-FR",
        "de" => "de-DE",
        "es" => "es-ES",
        "nl" => "nl-NL",
        other => other,
    };
    LocaleCode(code.to_owned())
}

/// The decoded locales for `code`: its own (by exact tag, else by language)
/// and en-US, which CSL falls back to.
fn locales_for(code: &LocaleCode) -> Arc<Vec<Locale>> {
    let mut cache = LOCALES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(found) = cache.get(&code.0) {
        return found.clone();
    }
    let language = code.0.split('-').next().unwrap_or_default();
    let tags: Vec<(usize, &str)> = LOCALE_ARCHIVE
        .iter()
        .enumerate()
        .filter_map(|(i, b)| archived_tag(b).map(|t| (i, t)))
        .collect();
    let exact = tags.iter().find(|(_, t)| *t == code.0);
    let same_language = tags
        .iter()
        .find(|(_, t)| t.split('-').next() == Some(language));
    let fallback = tags.iter().find(|(_, t)| *t == "en-US");
    let mut wanted: Vec<usize> = exact
        .or(same_language)
        .into_iter()
        .chain(fallback)
        .map(|(i, _)| *i)
        .collect();
    wanted.dedup();
    let decoded: Vec<Locale> = wanted
        .into_iter()
        .filter_map(|i| {
            // ciborium's decoding, ten times slower, only should ours ever fail.
            cbor::from_slice::<Locale>(LOCALE_ARCHIVE[i])
                .ok()
                .or_else(|| ciborium::from_reader::<Locale, _>(LOCALE_ARCHIVE[i]).ok())
        })
        .collect();
    let decoded = Arc::new(decoded);
    cache.insert(code.0.clone(), decoded.clone());
    decoded
}

/// Reads a locale's tag from the head of its CBOR encoding without decoding
/// the rest: the archive's locales start with the `@xml:lang` key, then the
/// tag as a short text string.
fn archived_tag(bytes: &'static [u8]) -> Option<&'static str> {
    const KEY: &[u8] = b"@xml:lang";
    let head = &bytes[..bytes.len().min(40)];
    let at = head.windows(KEY.len()).position(|w| w == KEY)? + KEY.len();
    let header = *bytes.get(at)?;
    // CBOR major type 3 (text) with the length in the low five bits, up to 23.
    if !(0x60..=0x77).contains(&header) {
        return None;
    }
    let len = usize::from(header - 0x60);
    std::str::from_utf8(bytes.get(at + 1..at + 1 + len)?).ok()
}

/// The title as a note prints it: a title in another language than the
/// document's is followed by its English translation in brackets, as
/// Chicago asks, when the document is in English and the library has one
/// ("Israël/Palestine : … [Israel/Palestine: …]").
fn title_for(source: &Source, document_language: &str) -> String {
    let source_language = source.language.as_deref().unwrap_or(document_language);
    let primary = |tag: &str| {
        tag.split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    match &source.title_en {
        Some(english) if primary(document_language) == "en" && primary(source_language) != "en" => {
            format!("{} [{english}]", source.title)
        }
        _ => source.title.clone(),
    }
}

/// Maps a library source to hayagriva's entry, through its documented YAML/serde schema.
fn to_entry(source: &Source, language: &str) -> Result<Entry, CitationError> {
    let mut fields = Map::new();
    let french = language.starts_with("fr");
    let (entry_type, parent_type, genre) = match source.source_type {
        // hayagriva's "report" drops the day and month, which matter for a press release.
        SourceType::PressRelease => (
            "web",
            None,
            Some(if french {
                "communiqué de presse"
            } else {
                "press release"
            }),
        ),
        SourceType::NewsArticle => ("article", Some("newspaper"), None),
        SourceType::BlogPost => ("web", Some("blog"), None),
        SourceType::Report | SourceType::Guidance => ("report", None, None),
        SourceType::LegalText => ("legislation", None, None),
        SourceType::ProxyFiling => (
            "report",
            None,
            Some(if french {
                "document déposé auprès de la SEC"
            } else {
                "proxy filing"
            }),
        ),
        SourceType::WebPage => ("web", None, None),
    };
    fields.insert("type".into(), json!(entry_type));
    fields.insert("title".into(), json!(title_for(source, language)));
    if !source.authors.is_empty() {
        fields.insert("author".into(), json!(source.authors));
    }
    if let Some(date) = &source.date {
        fields.insert("date".into(), json!(date));
    }
    if let Some(url) = &source.url {
        fields.insert("url".into(), json!(url));
    }
    if let Some(language) = &source.language {
        fields.insert("language".into(), json!(language));
    }
    if let Some(number) = &source.number {
        fields.insert("serial-number".into(), json!(number));
    }
    if let Some(genre) = genre {
        fields.insert("genre".into(), json!(genre));
    }
    match (parent_type, &source.container) {
        (Some(kind), Some(container)) => {
            fields.insert(
                "parent".into(),
                json!({ "type": kind, "title": container, "publisher": source.publisher }),
            );
        }
        _ => {
            if let Some(publisher) = &source.publisher {
                fields.insert("publisher".into(), json!(publisher));
                if source.authors.is_empty() {
                    // An organisation's own publication: it is also the author.
                    fields.insert("organization".into(), json!(publisher));
                }
            }
            if let Some(place) = &source.place {
                fields.insert("location".into(), json!(place));
            }
        }
    }
    let library: hayagriva::Library = serde_json::from_value(Value::Object(Map::from_iter([(
        source.id.clone(),
        Value::Object(fields),
    )])))
    .map_err(|err| CitationError::Entry {
        id: source.id.clone(),
        message: err.to_string(),
    })?;
    let entry = library.iter().next().cloned();
    entry.ok_or_else(|| CitationError::Entry {
        id: source.id.clone(),
        message: "no entry".into(),
    })
}

/// Converts hayagriva's formatted output into the document model's inlines.
fn to_inlines(children: &[ElemChild]) -> Vec<Inline> {
    let mut out = Vec::new();
    for child in children {
        match child {
            ElemChild::Text(formatted) => out.push(styled(formatted)),
            ElemChild::Elem(elem) => out.extend(to_inlines(&elem.children.0)),
            ElemChild::Markup(text) => out.push(Inline::Text(text.clone())),
            ElemChild::Link { text, url } => out.push(Inline::Link {
                url: url.clone(),
                content: vec![styled(text)],
            }),
            // Transparent elements are for locators we never make transparent.
            ElemChild::Transparent { .. } => {}
        }
    }
    merge_text(out)
}

fn styled(formatted: &hayagriva::Formatted) -> Inline {
    use hayagriva::citationberg::{FontStyle, FontWeight};
    let mut inline = Inline::Text(formatted.text.clone());
    if formatted.formatting.font_style == FontStyle::Italic {
        inline = Inline::Emphasis(vec![inline]);
    }
    if formatted.formatting.font_weight == FontWeight::Bold {
        inline = Inline::Strong(vec![inline]);
    }
    inline
}

fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (Some(Inline::Text(previous)), Inline::Text(next)) => previous.push_str(&next),
            (Some(Inline::Emphasis(previous)), Inline::Emphasis(next)) => previous.extend(next),
            (_, inline) => out.push(inline),
        }
    }
    out
}

/// A source's full citation as plain text: the note a first citation of it
/// would get, in English. Shown beside the source when drafters pick evidence.
pub fn full_citation(source: &Source, library: &Library, style: &CitationStyle) -> String {
    let citation = Citation {
        source: source.id.clone(),
        pinpoint: None,
    };
    match format_notes(&[(1, &citation)], library, style, "en-US") {
        Ok(notes) => notes
            .first()
            .map(|note| crate::document::Inline::plain_text(note))
            .unwrap_or_default(),
        Err(error) => format!("(no citation: {error})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library(title: &str) -> Library {
        Library::parse(
            &format!(r#"{{"sources":[{{"id":"s","type":"report","title":"{title}","publisher":"Org","date":"2024-05-01"}}]}}"#),
            "lib.json",
        )
        .unwrap()
    }

    /// Deciding type tests ahead must not change a single note: every
    /// bundled independent style, every kind of source (with and without
    /// authors, container, number, place), first, ibid and later citations
    /// with and without pinpoints, in English and in French.
    #[test]
    fn styles_decided_by_type_print_the_same_notes() {
        let shipped = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/evidence/library.json"),
        )
        .unwrap();
        let mut value: Value = serde_json::from_str(&shipped).unwrap();
        let sources = value["sources"].as_array_mut().unwrap();
        let kinds = [
            "press-release",
            "news-article",
            "blog-post",
            "report",
            "guidance",
            "legal-text",
            "proxy-filing",
            "web-page",
        ];
        for (i, kind) in kinds.iter().enumerate() {
            sources.push(json!({
                "id": format!("bare-{kind}"), "type": kind, "title": format!("A {kind} without details"),
            }));
            sources.push(json!({
                "id": format!("full-{kind}"), "type": kind, "title": format!("A {kind} with every detail"),
                "authors": ["Doe, Jane", "Roe, Richard"], "publisher": "Some Publisher",
                "container": "Some Container", "number": format!("No. {i}"), "place": "Geneva",
                "date": format!("2024-03-0{}", i + 1), "url": "https://example.org/item", "language": "en",
            }));
        }
        let library = Library::parse(&value.to_string(), "library.json").unwrap();
        let ids: Vec<String> = library.sources.iter().map(|s| s.id.clone()).collect();
        let mut citations = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            citations.push(Citation {
                source: id.clone(),
                pinpoint: None,
            });
            citations.push(Citation {
                source: id.clone(),
                pinpoint: Some(format!("p. {i}")),
            });
        }
        for id in ids.iter().step_by(3) {
            citations.push(Citation {
                source: id.clone(),
                pinpoint: Some("12–14".into()),
            });
        }
        let numbered: Vec<(usize, &Citation)> = citations
            .iter()
            .enumerate()
            .map(|(i, c)| (i + 1, c))
            .collect();
        let mut compared = 0;
        for archived in ArchivedStyle::all() {
            let name = archived.names()[0];
            let Ok(style) = CitationStyle::by_name(name) else {
                continue;
            };
            for language in ["en-US", "fr-FR"] {
                let plain = format_notes_with(&numbered, &library, &style, language, Decide::Never)
                    .unwrap();
                let decided =
                    format_notes_with(&numbered, &library, &style, language, Decide::ByType)
                        .unwrap();
                assert_eq!(decided, plain, "style {name}, {language}");
                compared += 1;
            }
        }
        assert!(
            compared > 40,
            "only {compared} style and language pairs compared"
        );
    }

    #[test]
    fn full_note_first_short_after_and_the_cache_sees_edits() {
        let style = CitationStyle::by_name(DEFAULT_STYLE).unwrap();
        let cite = Citation {
            source: "s".into(),
            pinpoint: Some("p. 4".into()),
        };
        let citations = [(1, &cite), (2, &cite)];
        let first = format_notes(
            &citations,
            &library("Due Diligence Report"),
            &style,
            "en-US",
        )
        .unwrap();
        let text: Vec<String> = first.iter().map(|n| Inline::plain_text(n)).collect();
        assert!(
            text[0].contains("Due Diligence Report") && text[0].contains("2024"),
            "{text:?}"
        );
        assert!(
            !text[1].contains("2024"),
            "the second note is short: {text:?}"
        );
        // An edited source is not served from the cache.
        let edited = format_notes(&citations, &library("Revised Report"), &style, "en-US").unwrap();
        assert!(Inline::plain_text(&edited[0]).contains("Revised Report"));
        assert_eq!(
            format_notes(
                &citations,
                &library("Due Diligence Report"),
                &style,
                "en-US"
            )
            .unwrap(),
            first
        );
    }

    #[test]
    fn a_promised_style_gives_the_same_notes_and_reports_what_went_wrong() {
        let cite = Citation {
            source: "s".into(),
            pinpoint: None,
        };
        let library = library("Promised Report");
        let notes = |style: &CitationStyle| {
            format_notes_uncached(&[(1, &cite)], &library, style, "en-US").map(|notes| {
                notes
                    .iter()
                    .map(|n| Inline::plain_text(n))
                    .collect::<Vec<_>>()
            })
        };
        let (promised, promise) = CitationStyle::promised(DEFAULT_STYLE);
        let helper = std::thread::spawn(move || promise.fulfil());
        let expected = notes(&CitationStyle::by_name(DEFAULT_STYLE).unwrap()).unwrap();
        assert_eq!(notes(&promised).unwrap(), expected);
        // Clones share the delivery.
        assert_eq!(notes(&promised.clone()).unwrap(), expected);
        helper.join().unwrap();

        let (unknown, promise) = CitationStyle::promised("no-such-style");
        promise.fulfil();
        let error = unknown.check().unwrap_err().to_string();
        assert!(
            error.contains("unknown citation style `no-such-style`"),
            "{error}"
        );
        assert!(notes(&unknown).is_err());

        let (abandoned, promise) = CitationStyle::promised(DEFAULT_STYLE);
        drop(promise);
        let error = abandoned.check().unwrap_err().to_string();
        assert!(error.contains("was not decoded"), "{error}");
    }

    #[test]
    fn a_title_in_another_language_carries_its_english_translation_in_english_notes() {
        let library = Library::parse(
            r#"{"sources":[{"id":"s","type":"press-release","title":"Israël/Palestine : un titre","title_en":"Israel/Palestine: A Title","publisher":"Org","date":"2025-10-10","language":"fr"}]}"#,
            "lib.json",
        )
        .unwrap();
        let style = CitationStyle::by_name(DEFAULT_STYLE).unwrap();
        let cite = Citation {
            source: "s".into(),
            pinpoint: None,
        };
        let note = |language| {
            let notes = format_notes_uncached(&[(1, &cite)], &library, &style, language).unwrap();
            Inline::plain_text(&notes[0])
        };
        let english = note("en-US");
        assert!(
            english.contains("Israël/Palestine : un titre [Israel/Palestine: A Title]"),
            "{english}"
        );
        let french = note("fr");
        assert!(
            french.contains("Israël/Palestine : un titre") && !french.contains("A Title"),
            "{french}"
        );
    }

    /// The shipped copy of the default style is hayagriva's, bibliography
    /// layout and the macros only it reached removed. After a hayagriva update changes it, write it again
    /// with `RESOLUTION_STUDIO_WRITE_STYLE=1 cargo test --lib shipped_default`.
    #[test]
    fn the_shipped_default_style_is_hayagrivas_without_its_bibliography() {
        let Style::Independent(mut theirs) = ArchivedStyle::by_name(DEFAULT_STYLE).unwrap().get()
        else {
            panic!("{DEFAULT_STYLE} is an independent style");
        };
        by_type::for_notes(&mut theirs);
        assert!(
            theirs.macros.len() < 200,
            "the macros only the bibliography reached are left out: {} kept",
            theirs.macros.len()
        );
        if std::env::var_os("RESOLUTION_STUDIO_WRITE_STYLE").is_some() {
            let mut bytes = Vec::new();
            ciborium::ser::into_writer(&Style::Independent(theirs.clone()), &mut bytes).unwrap();
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets/csl/chicago-notes.cbor");
            std::fs::write(path, bytes).unwrap();
            return;
        }
        let ours = cbor::from_slice::<Style>(SHIPPED_DEFAULT);
        assert!(
            matches!(&ours, Ok(Style::Independent(style)) if *style == theirs),
            "assets/csl/chicago-notes.cbor is not hayagriva's {DEFAULT_STYLE}: write it again (see this test's comment)"
        );
    }
}
