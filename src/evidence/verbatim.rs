//! Holding the library's quotes to their sources' own words.
//!
//! A quote is printed inside quotation marks as the source's words, so it
//! must be in the source character for character. Where the project ships a
//! source's text (`texts/<source id>.txt` beside the library; public-domain
//! texts only, such as a US regulation), every quote from that source is
//! looked up in it, and a quote that is not there is named with the point
//! where it stops agreeing.

use std::fmt;
use std::path::{Path, PathBuf};

use super::library::Library;
use super::EvidenceError;

/// What holding the quotes to the shipped texts found.
#[derive(Debug, Default)]
pub struct QuoteCheck {
    /// `(source, claim)` of every quote found in its source's text.
    pub confirmed: Vec<(String, String)>,
    /// Quotes that are not in their source's text.
    pub misquotes: Vec<Misquote>,
    /// Text files that no source in the library claims: a renamed source
    /// would otherwise leave its quotes silently unchecked.
    pub unclaimed_texts: Vec<PathBuf>,
}

/// A quote that its source's text does not contain.
#[derive(Debug, Clone, PartialEq)]
pub struct Misquote {
    pub source: String,
    pub claim: String,
    pub quote: String,
    /// The longest start of the quote that the text does contain, so the
    /// reader sees where the two part.
    pub agreeing_start: String,
    pub text_file: PathBuf,
}

impl fmt::Display for Misquote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rest = &self.quote[self.agreeing_start.len()..];
        write!(
            f,
            "source `{}`, claim `{}`: the quote “{}” is not in {}; ",
            self.source,
            self.claim,
            self.quote,
            self.text_file.display()
        )?;
        if self.agreeing_start.is_empty() {
            write!(f, "not even its first character is")
        } else {
            write!(
                f,
                "the text agrees as far as “{}” and parts at “{}”",
                self.agreeing_start,
                rest.chars().take(30).collect::<String>()
            )
        }
    }
}

/// Looks up every quote whose source has a text in `texts_dir`.
pub fn check_quotes(library: &Library, texts_dir: &Path) -> Result<QuoteCheck, EvidenceError> {
    let mut check = QuoteCheck::default();
    for source in &library.sources {
        let text_file = texts_dir.join(format!("{}.txt", source.id));
        let text = match std::fs::read_to_string(&text_file) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(source) => {
                return Err(EvidenceError::Read {
                    path: text_file.display().to_string(),
                    source,
                })
            }
        };
        for claim in &source.claims {
            let Some(quote) = &claim.quote else { continue };
            if text.contains(quote.text.as_str()) {
                check.confirmed.push((source.id.clone(), claim.id.clone()));
            } else {
                check.misquotes.push(Misquote {
                    source: source.id.clone(),
                    claim: claim.id.clone(),
                    quote: quote.text.clone(),
                    agreeing_start: longest_start_within(&quote.text, &text).to_owned(),
                    text_file: text_file.clone(),
                });
            }
        }
    }
    let entries = match std::fs::read_dir(texts_dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(check),
        Err(source) => {
            return Err(EvidenceError::Read {
                path: texts_dir.display().to_string(),
                source,
            })
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "txt") && library.source(stem).is_none() {
            check.unclaimed_texts.push(path);
        }
    }
    check.unclaimed_texts.sort();
    Ok(check)
}

/// The longest start of `quote` that occurs in `text`. Containment of a
/// start only shrinks as the start grows, so a binary search over the
/// quote's character boundaries finds it.
fn longest_start_within<'q>(quote: &'q str, text: &str) -> &'q str {
    let ends: Vec<usize> = quote
        .char_indices()
        .map(|(at, c)| at + c.len_utf8())
        .collect();
    let (mut found, mut beyond) = (0, ends.len());
    while found < beyond {
        let middle = (found + beyond).div_ceil(2);
        if text.contains(&quote[..ends[middle - 1]]) {
            found = middle;
        } else {
            beyond = middle - 1;
        }
    }
    match found {
        0 => "",
        n => &quote[..ends[n - 1]],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> (Library, PathBuf) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/evidence");
        let library = Library::load(&root.join("library.json")).unwrap();
        (library, root.join("texts"))
    }

    #[test]
    fn every_quote_is_in_its_sources_shipped_text() {
        let (library, texts) = shipped();
        let check = check_quotes(&library, &texts).unwrap();
        let named: Vec<String> = check.misquotes.iter().map(|m| m.to_string()).collect();
        assert!(named.is_empty(), "{}", named.join("\n"));
        assert!(
            check.unclaimed_texts.is_empty(),
            "texts no source claims: {:?}",
            check.unclaimed_texts
        );
        // The check must have had something to hold: the rule's four quotes.
        let from_the_rule = check
            .confirmed
            .iter()
            .filter(|(source, _)| source == "cfr-17-240-14a-8")
            .count();
        assert_eq!(from_the_rule, 4, "{:?}", check.confirmed);
    }

    #[test]
    fn a_changed_quote_is_named_with_where_it_parts_from_the_text() {
        let (mut library, texts) = shipped();
        let source = library
            .sources
            .iter_mut()
            .find(|s| s.id == "cfr-17-240-14a-8")
            .unwrap();
        let claim = source
            .claims
            .iter_mut()
            .find(|c| c.id == "word-limit")
            .unwrap();
        let quote = claim.quote.as_mut().unwrap();
        quote.text = quote.text.replace("500 words", "600 words");
        let check = check_quotes(&library, &texts).unwrap();
        assert_eq!(check.misquotes.len(), 1, "{:?}", check.misquotes);
        let misquote = &check.misquotes[0];
        assert_eq!(
            misquote.agreeing_start,
            "The proposal, including any accompanying supporting statement, may not exceed "
        );
        let said = misquote.to_string();
        assert!(said.contains("claim `word-limit`"), "{said}");
        assert!(said.contains("parts at “600 words.”"), "{said}");
    }

    #[test]
    fn a_text_no_source_claims_is_reported() {
        let (library, texts) = shipped();
        let dir = tempfile::tempdir().unwrap();
        for entry in std::fs::read_dir(&texts).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
        std::fs::write(dir.path().join("renamed-source.txt"), "words").unwrap();
        let check = check_quotes(&library, dir.path()).unwrap();
        assert_eq!(
            check.unclaimed_texts,
            vec![dir.path().join("renamed-source.txt")]
        );
        assert_eq!(check.confirmed.len(), 4);
    }

    #[test]
    fn the_agreeing_start_stops_on_a_character_boundary() {
        assert_eq!(
            longest_start_within("« mot » faux", "un « mot » vrai"),
            "« mot » "
        );
        assert_eq!(longest_start_within("zèbre", "abc"), "");
        assert_eq!(longest_start_within("abc", "xabcx"), "abc");
    }
}
