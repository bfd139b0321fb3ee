//! In-process rendering of the built-in proposal: each pipeline stage and
//! the whole, to DOCX, HTML and PDF. Run with `cargo bench`.

use std::collections::BTreeMap;

use criterion::{criterion_group, criterion_main, Criterion};
use resolution_studio::compose::compose;
use resolution_studio::drafts::preview;
use resolution_studio::evidence::{
    csl::format_notes_uncached, CitationStyle, Library, DEFAULT_STYLE,
};
use resolution_studio::export::{self, Format};
use resolution_studio::render;
use resolution_studio::templates::Catalog;

fn project() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pipeline(c: &mut Criterion) {
    let catalog = Catalog::load(&project().join("templates")).expect("built-in templates");
    let entry = catalog
        .get("us-14a8-hrdd-proposal")
        .expect("the proposal template");
    let answers = entry.sample.clone().expect("sample answers");
    let library =
        Library::load(&project().join("assets/evidence/library.json")).expect("sample library");
    let style = CitationStyle::by_name(DEFAULT_STYLE).expect("style");
    let language = entry.template.front.language.as_str();
    let document = render::document(&entry.template, &answers, &library, &style).expect("renders");

    c.bench_function("proposal/compose", |b| {
        b.iter(|| compose(&entry.template, &answers, &library).unwrap())
    });
    // The notes of a citation list are cached; this is the CSL processor's cost on a miss.
    let composed = compose(&entry.template, &answers, &library).expect("composes");
    let citations: Vec<_> = composed
        .citations
        .iter()
        .enumerate()
        .map(|(i, c)| (i + 1, c))
        .collect();
    c.bench_function("proposal/notes, cold (CSL processor)", |b| {
        b.iter(|| format_notes_uncached(&citations, &library, &style, language).unwrap())
    });
    c.bench_function(
        "proposal/document model (compose + parse + cached notes)",
        |b| b.iter(|| render::document(&entry.template, &answers, &library, &style).unwrap()),
    );
    c.bench_function("proposal/export docx", |b| {
        b.iter(|| export::write(&document, Format::Docx).unwrap())
    });
    c.bench_function("proposal/export html", |b| {
        b.iter(|| export::write(&document, Format::Html).unwrap())
    });
    c.bench_function("proposal/export pdf", |b| {
        b.iter(|| export::write(&document, Format::Pdf).unwrap())
    });
    c.bench_function("proposal/whole pipeline to docx", |b| {
        b.iter(|| {
            render::render(&entry.template, &answers, &library, &style, Format::Docx).unwrap()
        })
    });
    // What a drafter waits for after editing a cited source: the notes cache
    // misses (each iteration renames a cited source), the decided styles do not.
    let cited = composed.citations[0].source.clone();
    let mut edits = 0u64;
    c.bench_function("proposal/first render with new citations, to docx", |b| {
        b.iter_batched(
            || {
                edits += 1;
                let mut edited = library.clone();
                if let Some(source) = edited.sources.iter_mut().find(|s| s.id == cited) {
                    source.title = format!("{} ({edits})", source.title);
                }
                edited
            },
            |edited| {
                render::render(&entry.template, &answers, &edited, &style, Format::Docx).unwrap()
            },
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("proposal/whole pipeline to pdf", |b| {
        b.iter(|| render::render(&entry.template, &answers, &library, &style, Format::Pdf).unwrap())
    });
}

/// The wizard's live preview as the server computes it for each request:
/// compose with placeholders, the document model, HTML, word count and the
/// filing-rule checks. Once with complete answers, once with a draft just
/// started (most answers missing, so placeholders and failed checks).
fn preview(c: &mut Criterion) {
    let catalog = Catalog::load(&project().join("templates")).expect("built-in templates");
    let entry = catalog
        .get("us-14a8-hrdd-proposal")
        .expect("the proposal template");
    let complete = entry.sample.clone().expect("sample answers");
    let started = serde_json::json!({ "company": { "name": "Example Corp" } });
    let library =
        Library::load(&project().join("assets/evidence/library.json")).expect("sample library");
    let style = CitationStyle::by_name(DEFAULT_STYLE).expect("style");
    let today = time::macros::date!(2026 - 11 - 30);
    let dismissals = BTreeMap::new();
    for (name, answers) in [("complete", &complete), ("just started", &started)] {
        c.bench_function(&format!("preview/{name}"), |b| {
            b.iter(|| {
                let shown = preview::preview(
                    &entry.template,
                    answers,
                    &dismissals,
                    &library,
                    &style,
                    None,
                    preview::Reader {
                        today,
                        lang: resolution_studio::i18n::Lang::En,
                    },
                );
                assert!(shown.error.is_none());
                shown
            })
        });
    }
}

/// A page of English with Hebrew, Arabic and Greek in it (shaping, bidi
/// and the shipped Arabic font), beside the same length of English only.
fn scripts(c: &mut Criterion) {
    use resolution_studio::document::{parse::parse, Metadata};
    let metadata = Metadata {
        title: "Scripts".into(),
        language: "en".into(),
        ..Default::default()
    };
    let mixed = "Signed by Marie-Œdile « Ünal » שלום עולם, citing «שיחה מקומית» (Local Call). \
        The unit is named in Hebrew: יחידה 8200 היא יחידת מודיעין. The organisation \
        مؤسسة الحق works in رام الله. Greek: Ελληνικά κείμενα.\n\n> הם אמרו שזה ייקח 10 ימים בלבד\n\n";
    let latin = "Signed by Marie-Œdile « Ünal » Shalom Olam, citing «Sikha Mekomit» (Local Call). \
        The unit is named in Hebrew: Yehida 8200 hi yehidat modiin. The organisation \
        Muassasat al-Haq works in Ramallah. Greek: Ellinika keimena.\n\n> Hem amru sheze yikah 10 yamim bilvad\n\n";
    for (name, paragraph) in [("mixed scripts", mixed), ("latin only", latin)] {
        let document = parse(&paragraph.repeat(12), metadata.clone()).document;
        c.bench_function(&format!("scripts/{name}/export pdf"), |b| {
            b.iter(|| export::write(&document, Format::Pdf).unwrap())
        });
    }
}

/// What a one-document process pays before its first note: decoding the
/// citation style and a locale from hayagriva's CBOR archive (the process
/// caches both; here each iteration decodes afresh).
fn citation_decoding(c: &mut Criterion) {
    use hayagriva::archive::{ArchivedStyle, LOCALES};
    let style = ArchivedStyle::by_name(DEFAULT_STYLE).expect("the default style is archived");
    c.bench_function("csl/decode the default style", |b| b.iter(|| style.get()));
    c.bench_function("csl/decode the default style, shipped copy", |b| {
        b.iter(|| resolution_studio::evidence::csl::decode(DEFAULT_STYLE).is_ok())
    });
    let locale = LOCALES[0];
    c.bench_function("csl/decode one locale", |b| {
        b.iter(|| ciborium::from_reader::<hayagriva::citationberg::Locale, _>(locale).is_ok())
    });
    c.bench_function("csl/decode one locale, without error messages", |b| {
        b.iter(|| {
            resolution_studio::evidence::csl::cbor::from_slice::<hayagriva::citationberg::Locale>(
                locale,
            )
            .is_ok()
        })
    });
}

criterion_group!(benches, pipeline, preview, scripts, citation_decoding);
criterion_main!(benches);
