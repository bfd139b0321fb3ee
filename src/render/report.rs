//! The evidence report: a companion to a document for reviewers and
//! co-filers. Every paragraph that cites, with its notes in full, then for
//! each source it cites the source's reference and the claims the draft
//! relies on: the claim, the verbatim quotation and its language, the
//! translation and whose it is, and when the claim was last checked.

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use crate::compose::{FieldType, Template};
use crate::document::{Block, Document, Inline, List, Metadata};
use crate::evidence::{full_citation, Citation, CitationStyle, Claim, Library, Source};

/// The report for the document `document`, whose note `n` holds the
/// citations `citations[n]`.
pub fn build(
    template: &Template,
    answers: &Map<String, Value>,
    document: &Document,
    citations: &HashMap<usize, Vec<Citation>>,
    library: &Library,
    style: &CitationStyle,
) -> Document {
    let title = document.metadata.title.clone();
    let mut blocks = vec![
        Block::Title(vec![text("Evidence report")]),
        Block::Paragraph(vec![
            Inline::Strong(vec![text("Document: ")]),
            text(&title),
            Inline::LineBreak,
            Inline::Strong(vec![text("Template: ")]),
            text(&format!("{} ({})", template.front.title, template.id())),
        ]),
        Block::Paragraph(vec![text(
            "For reviewers and co-filers: each paragraph of the document that cites a source, \
             its notes as printed, and for each source it cites the full reference and the \
             claims the draft relies on, with the quotation exactly as the source has it, its \
             translation and whose it is, and when the claim was last checked against the source.",
        )]),
    ];
    let used = claims_used(template, answers);
    let mut cited_paragraphs = 0;
    for (index, paragraph) in document.inline_blocks().into_iter().enumerate() {
        let notes = note_refs(paragraph);
        let sources: Vec<&Source> = unique(
            notes
                .iter()
                .filter_map(|n| citations.get(n))
                .flatten()
                .filter_map(|c| library.source(&c.source)),
        );
        if sources.is_empty() {
            continue;
        }
        cited_paragraphs += 1;
        blocks.push(Block::Heading {
            level: 2,
            content: vec![text(&format!("Paragraph {}", index + 1))],
        });
        blocks.push(Block::Quote {
            blocks: vec![Block::Paragraph(with_note_numbers(paragraph))],
            language: None,
        });
        for number in &notes {
            if let Some(note) = document.footnotes.get(number - 1) {
                let mut line = vec![Inline::Strong(vec![text(&format!("Note {number}. "))])];
                for (i, part) in note.paragraphs.iter().enumerate() {
                    if i > 0 {
                        line.push(Inline::LineBreak);
                    }
                    line.extend(part.iter().cloned());
                }
                blocks.push(Block::Paragraph(line));
            }
        }
        for source in sources {
            blocks.extend(source_blocks(
                source,
                &used,
                library,
                style,
                &template.front.language,
            ));
        }
    }
    if cited_paragraphs == 0 {
        blocks.push(Block::Paragraph(vec![text(
            "This document cites no source.",
        )]));
    }
    Document {
        metadata: Metadata {
            title: format!("Evidence report: {title}"),
            author: document.metadata.author.clone(),
            subject: Some("Sources, quotations and translations behind the document".into()),
            language: "en-US".into(),
            date: document.metadata.date.clone(),
            paper: document.metadata.paper,
        },
        blocks,
        footnotes: Vec::new(),
    }
}

/// The source's reference and the claims of it the draft relies on (those
/// its evidence answers name; all of them when none is named).
fn source_blocks(
    source: &Source,
    used: &HashMap<String, BTreeSet<String>>,
    library: &Library,
    style: &CitationStyle,
    language: &str,
) -> Vec<Block> {
    let mut blocks = vec![
        Block::Heading {
            level: 3,
            content: vec![text(&source.title)],
        },
        Block::Paragraph(vec![
            Inline::Strong(vec![text("Reference: ")]),
            text(&full_citation(source, library, style)),
        ]),
    ];
    let chosen: Vec<&Claim> = match used.get(&source.id) {
        Some(ids) if !ids.is_empty() => source
            .claims
            .iter()
            .filter(|c| ids.contains(&c.id))
            .collect(),
        _ => source.claims.iter().collect(),
    };
    if chosen.is_empty() {
        blocks.push(Block::Paragraph(vec![text(
            "No claim of this source is recorded in the evidence library.",
        )]));
        return blocks;
    }
    let items = chosen
        .into_iter()
        .map(|claim| claim_blocks(claim, language))
        .collect();
    blocks.push(Block::List(List { start: None, items }));
    blocks
}

fn claim_blocks(claim: &Claim, language: &str) -> Vec<Block> {
    let mut claim_line = vec![
        Inline::Strong(vec![text("Claim: ")]),
        text(claim.text_in(language)),
    ];
    if let Some(pinpoint) = &claim.pinpoint {
        claim_line.push(text(&format!(" ({pinpoint})")));
    }
    let mut blocks = vec![Block::Paragraph(claim_line)];
    match &claim.quote {
        Some(quote) => {
            blocks.push(Block::Paragraph(vec![Inline::Strong(vec![text(
                &format!("Quotation, verbatim ({}):", quote.language),
            )])]));
            blocks.push(Block::Quote {
                blocks: vec![Block::Paragraph(vec![text(&quote.text)])],
                language: Some(quote.language.clone()),
            });
            if let Some(first) = &quote.rendering_of {
                blocks.push(Block::Paragraph(vec![text(&format!(
                    "The source gives these words in its own translation; they were first said in `{first}`, so documents in that language state the claim instead of quoting them."
                ))]));
            }
            if let Some(translation) = &quote.translation {
                let whose = if translation.by == "drafter" {
                    "the drafter's translation, not the source's".to_owned()
                } else {
                    format!("translation by {}", translation.by)
                };
                blocks.push(Block::Paragraph(vec![
                    Inline::Strong(vec![text(&format!(
                        "Translation ({}), {whose}: ",
                        translation.language
                    ))]),
                    text(&translation.text),
                ]));
            }
        }
        None => blocks.push(Block::Paragraph(vec![text(
            "No verbatim quotation is recorded for this claim.",
        )])),
    }
    if let Some(as_of) = &claim.as_of {
        blocks.push(Block::Paragraph(vec![
            Inline::Strong(vec![text("Held as of: ")]),
            text(&format!(
                "{as_of} (the documents print this day with the claim; it can go stale)"
            )),
        ]));
    }
    blocks.push(Block::Paragraph(vec![
        Inline::Strong(vec![text("Last checked: ")]),
        text(claim.checked.as_deref().unwrap_or("not recorded")),
    ]));
    blocks
}

/// Source id → the claim ids the draft's evidence answers name
/// (`source#claim`; a bare `source` names its first claim).
fn claims_used(
    template: &Template,
    answers: &Map<String, Value>,
) -> HashMap<String, BTreeSet<String>> {
    let mut used: HashMap<String, BTreeSet<String>> = HashMap::new();
    for field in &template.front.fields {
        if field.field_type != FieldType::EvidenceList {
            continue;
        }
        let Some(Value::Array(items)) = answers.get(&field.id) else {
            continue;
        };
        for reference in items.iter().filter_map(Value::as_str) {
            let (source, claim) = match reference.split_once('#') {
                Some((source, claim)) => (source, Some(claim)),
                None => (reference, None),
            };
            let entry = used.entry(source.to_owned()).or_default();
            if let Some(claim) = claim {
                entry.insert(claim.to_owned());
            }
        }
    }
    used
}

/// The note numbers a paragraph refers to, in order, each once.
fn note_refs(inlines: &[Inline]) -> Vec<usize> {
    fn walk(inlines: &[Inline], out: &mut Vec<usize>) {
        for inline in inlines {
            match inline {
                Inline::NoteRef(n) if !out.contains(n) => out.push(*n),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                    walk(c, out)
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(inlines, &mut out);
    out
}

/// The paragraph with each note reference written as `[n]`.
fn with_note_numbers(inlines: &[Inline]) -> Vec<Inline> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::NoteRef(n) => text(&format!(" [{n}]")),
            Inline::Emphasis(c) => Inline::Emphasis(with_note_numbers(c)),
            Inline::Strong(c) => Inline::Strong(with_note_numbers(c)),
            Inline::Link { url, content } => Inline::Link {
                url: url.clone(),
                content: with_note_numbers(content),
            },
            other => other.clone(),
        })
        .collect()
}

fn unique<'a>(sources: impl Iterator<Item = &'a Source>) -> Vec<&'a Source> {
    let mut out: Vec<&Source> = Vec::new();
    for source in sources {
        if !out.iter().any(|s| s.id == source.id) {
            out.push(source);
        }
    }
    out
}

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}
