//! What a BibTeX file's links would make the reader do, checked before it
//! reads them. The `biblatex` crate resolves `@string` abbreviations and
//! `crossref`/`xdata` links by recursion and does not notice a loop:
//! `@string{a = a}`, or two entries that cross-refer, overflow the stack
//! and take the whole server down; strings that each repeat the one before
//! twice grow without bound. This walks the links of the crate's raw reading
//! of the file, without recursion, and refuses such a file, saying where.

use std::collections::{HashMap, HashSet};

use biblatex::{Field, RawBibliography, RawChunk};

use crate::i18n::{msg, Message};

/// The longest text one `@string` or field may expand to, in bytes: far
/// more than any title or author list.
pub const MAX_EXPANDED: usize = 64 * 1024;
/// The most entries that resolving every `crossref` and `xdata` link may
/// visit (each link is followed from every entry that reaches it).
pub const MAX_LINK_VISITS: usize = 10_000;

/// Where (a byte offset into the file) and why the file is refused.
pub type Refusal = (usize, Message);

/// Checks the file's `@string`s and fields, then its `crossref` and `xdata`
/// links.
pub fn check(raw: &RawBibliography<'_>) -> Result<(), Refusal> {
    let sizes = abbreviation_sizes(raw)?;
    for entry in &raw.entries {
        for pair in &entry.v.fields {
            let size = expanded_size(&pair.value.v, &sizes);
            if size > MAX_EXPANDED {
                return Err((
                    pair.value.span.start,
                    msg!(
                        "import-bibtex-too-long",
                        name = pair.key.v,
                        max = MAX_EXPANDED
                    ),
                ));
            }
        }
    }
    links(raw)
}

/// The expanded size of every `@string`; the last definition of a name
/// counts, as it does for the reader.
fn abbreviation_sizes<'s>(
    raw: &'s RawBibliography<'s>,
) -> Result<HashMap<&'s str, usize>, Refusal> {
    let defined: HashMap<&str, &Field> = raw
        .abbreviations
        .iter()
        .map(|pair| (pair.key.v, &pair.value.v))
        .collect();
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    // Names being expanded (name, next chunk, size so far), innermost
    // last: a name met again while open is a loop.
    let mut open: Vec<(&str, usize, usize)> = Vec::new();
    let mut opened: HashSet<&str> = HashSet::new();
    for pair in &raw.abbreviations {
        if sizes.contains_key(pair.key.v) {
            continue;
        }
        open.push((pair.key.v, 0, 0));
        opened.insert(pair.key.v);
        while let Some((name, next, size)) = open.last().copied() {
            let chunk = defined.get(name).and_then(|field| field.get(next));
            let Some(chunk) = chunk else {
                sizes.insert(name, size);
                open.pop();
                opened.remove(name);
                if let Some(parent) = open.last_mut() {
                    parent.2 += size;
                }
                continue;
            };
            if let Some(current) = open.last_mut() {
                current.1 += 1;
            }
            let grown = match chunk.v {
                RawChunk::Normal(text) => text.len(),
                RawChunk::Abbreviation(other) => {
                    if let Some(known) = sizes.get(other) {
                        *known
                    } else if opened.contains(other) {
                        return Err((
                            chunk.span.start,
                            msg!("import-bibtex-string-loop", name = other),
                        ));
                    } else if defined.contains_key(other) {
                        open.push((other, 0, 0));
                        opened.insert(other);
                        continue;
                    } else {
                        // A month name, or an unknown name the reader reports.
                        "September".len()
                    }
                }
            };
            if let Some(current) = open.last_mut() {
                current.2 += grown;
                if current.2 > MAX_EXPANDED {
                    return Err((
                        chunk.span.start,
                        msg!(
                            "import-bibtex-too-long",
                            name = current.0,
                            max = MAX_EXPANDED
                        ),
                    ));
                }
            }
        }
    }
    Ok(sizes)
}

fn expanded_size(field: &Field, sizes: &HashMap<&str, usize>) -> usize {
    field
        .iter()
        .map(|chunk| match chunk.v {
            RawChunk::Normal(text) => text.len(),
            RawChunk::Abbreviation(name) => sizes.get(name).copied().unwrap_or("September".len()),
        })
        .fold(0, usize::saturating_add)
}

/// The keys a link field names, as the reader will look them up: written
/// out (an `@string` there is refused, as it could hide a loop), braces
/// dropped, comma-separated for `xdata` and `ids`.
fn named_keys<'s>(field: &'s biblatex::Pair<'s>) -> Result<Vec<String>, Refusal> {
    let mut text = String::new();
    for chunk in &field.value.v {
        match chunk.v {
            RawChunk::Normal(part) => text.push_str(part),
            RawChunk::Abbreviation(_) => {
                return Err((
                    chunk.span.start,
                    msg!("import-bibtex-link-by-string", field = field.key.v),
                ))
            }
        }
    }
    Ok(text
        .replace(['{', '}'], "")
        .split(',')
        .map(|key| key.trim().to_owned())
        .filter(|key| !key.is_empty())
        .collect())
}

/// Refuses `crossref`/`xdata` links that loop, or that the reader would
/// follow more than [`MAX_LINK_VISITS`] times in all.
fn links(raw: &RawBibliography<'_>) -> Result<(), Refusal> {
    let field = |index: usize, name: &str| {
        raw.entries[index]
            .v
            .fields
            .iter()
            // The last of a repeated field counts, as for the reader.
            .rfind(|pair| pair.key.v.eq_ignore_ascii_case(name))
    };
    // Every key and alias, to the entry it names.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (index, entry) in raw.entries.iter().enumerate() {
        by_key.insert(entry.v.key.v.to_owned(), index);
        if let Some(ids) = field(index, "ids") {
            for alias in named_keys(ids)? {
                by_key.entry(alias).or_insert(index);
            }
        }
    }
    let mut targets: Vec<Vec<usize>> = Vec::with_capacity(raw.entries.len());
    for index in 0..raw.entries.len() {
        let mut linked = Vec::new();
        for name in ["crossref", "xdata"] {
            if let Some(pair) = field(index, name) {
                let keys = named_keys(pair)?;
                // `crossref` names one entry: the whole value is its key.
                let keys = if name == "crossref" {
                    vec![keys.join(",")]
                } else {
                    keys
                };
                linked.extend(keys.iter().filter_map(|key| by_key.get(key).copied()));
            }
        }
        targets.push(linked);
    }
    // How many entries resolving each entry visits, itself included.
    let mut visits: Vec<Option<usize>> = vec![None; raw.entries.len()];
    let mut is_open = vec![false; raw.entries.len()];
    let mut total: usize = 0;
    for start in 0..raw.entries.len() {
        // Entries being resolved, innermost last, with their next link.
        let mut open: Vec<(usize, usize)> = vec![(start, 0)];
        is_open[start] = true;
        while let Some((index, next)) = open.last().copied() {
            if visits[index].is_some() {
                open.pop();
                is_open[index] = false;
                continue;
            }
            match targets[index].get(next) {
                Some(&target) => {
                    if let Some(current) = open.last_mut() {
                        current.1 += 1;
                    }
                    if is_open[target] {
                        let entry = &raw.entries[index].v.key;
                        return Err((
                            entry.span.start,
                            msg!("import-bibtex-link-loop", entry = entry.v),
                        ));
                    }
                    if visits[target].is_none() {
                        open.push((target, 0));
                        is_open[target] = true;
                    }
                }
                None => {
                    let below = targets[index]
                        .iter()
                        .map(|&target| visits[target].unwrap_or(0))
                        .fold(1, usize::saturating_add);
                    visits[index] = Some(below.min(MAX_LINK_VISITS + 1));
                    open.pop();
                    is_open[index] = false;
                }
            }
        }
        total = total.saturating_add(visits[start].unwrap_or(0));
        if total > MAX_LINK_VISITS {
            let entry = &raw.entries[start].v.key;
            return Err((
                entry.span.start,
                msg!("import-bibtex-too-many-links", max = MAX_LINK_VISITS),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(text: &str) -> Option<(usize, String)> {
        let raw = RawBibliography::parse(text).unwrap();
        check(&raw)
            .err()
            .map(|(at, message)| (at, message.to_string()))
    }

    #[test]
    fn strings_that_refer_to_themselves_are_refused_where_they_do() {
        let (at, message) = refusal("@string{a = a}\n@misc{x, title = a}").unwrap();
        assert_eq!(at, "@string{a = ".len());
        assert!(message.contains("`a`"), "{message}");
        let (at, _) =
            refusal("@string{a = b}\n@string{b = \"x\" # a}\n@misc{x, title = a}").unwrap();
        assert_eq!(at, "@string{a = b}\n@string{b = \"x\" # ".len());
    }

    #[test]
    fn strings_that_double_at_each_step_are_refused_with_the_limit() {
        let mut text = String::from("@string{a0 = \"xxxxxxxx\"}\n");
        for i in 1..=40 {
            text.push_str(&format!("@string{{a{i} = a{} # a{}}}\n", i - 1, i - 1));
        }
        text.push_str("@misc{x, title = a40}");
        let (_, message) = refusal(&text).unwrap();
        assert!(message.contains("65536"), "{message}");
    }

    #[test]
    fn entries_that_link_back_to_themselves_are_refused() {
        let (_, message) =
            refusal("@misc{a, title = {A}, crossref = {b}}\n@misc{b, title = {B}, crossref = {a}}")
                .unwrap();
        assert!(message.contains("links back"), "{message}");
        assert!(refusal("@misc{a, title = {A}, xdata = {a}}").is_some());
        assert!(refusal("@misc{a, title = {A}, ids = {z}}\n@misc{b, title = {B}, crossref = {z}}\n@misc{c, crossref = {b}, xdata = {a}}").is_none());
        let (_, message) = refusal("@string{k = \"b\"}\n@misc{a, crossref = k}").unwrap();
        assert!(message.contains("crossref"), "{message}");
    }

    #[test]
    fn links_that_fan_out_are_refused_past_the_limit() {
        // Each level names the next one twice: 2^20 visits from the top.
        let mut text = String::from("@misc{l0, title = {Leaf}}\n");
        for i in 1..=20 {
            text.push_str(&format!(
                "@misc{{l{i}, title = {{T}}, xdata = {{l{0},l{0}}}}}\n",
                i - 1
            ));
        }
        let (_, message) = refusal(&text).unwrap();
        assert!(message.contains("10000"), "{message}");
    }

    #[test]
    fn ordinary_files_pass() {
        let text = "@string{ga = \"The Guardian\"}\n@string{both = ga # \" and others\"}\n\
            @article{a, title = {T}, journaltitle = both, month = aug}\n\
            @book{b, title = {Main}}\n@incollection{c, title = {Part}, crossref = {b}}";
        assert_eq!(refusal(text), None);
    }
}
