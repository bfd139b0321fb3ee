//! Citation styles decided for one kind of entry.
//!
//! A CSL style picks what to print with tests such as `<if type="report">`,
//! and hayagriva decides each type test by building and dropping a tree of
//! selectors: on the proposal's notes with chicago-notes that was 45 % of the
//! processor's time, most of it spent asking again, for every citation and
//! every disambiguation pass, what the entry is. An entry's kind does not
//! change while its notes are formatted, so the style is copied once per kind
//! of entry with every type test decided: a branch that can no longer match
//! is removed and one that must match loses its tests.
//!
//! Which kinds an entry is comes from hayagriva itself — a small probe style
//! prints the number of each type test that matches — so the decisions cannot
//! drift from the processor's own. Tests evaluated for their side effect (a
//! `disambiguate` test marks the citation as one to disambiguate) are left
//! alone, and so is any type the probe does not know.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

use hayagriva::citationberg::taxonomy::Kind;
use hayagriva::citationberg::{
    Choose, ChooseBranch, ChooseMatch, CslMacro, ElseBranch, Group, IndependentStyle,
    LayoutRenderingElement, NamesChild, SortKey, TextTarget,
};
use hayagriva::{BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, Entry};

/// Every CSL item type, in the probe's order.
const KINDS: [Kind; 45] = [
    Kind::Article,
    Kind::ArticleJournal,
    Kind::ArticleMagazine,
    Kind::ArticleNewspaper,
    Kind::Bill,
    Kind::Book,
    Kind::Broadcast,
    Kind::Chapter,
    Kind::Classic,
    Kind::Collection,
    Kind::Dataset,
    Kind::Document,
    Kind::Entry,
    Kind::EntryDictionary,
    Kind::EntryEncyclopedia,
    Kind::Event,
    Kind::Figure,
    Kind::Graphic,
    Kind::Hearing,
    Kind::Interview,
    Kind::LegalCase,
    Kind::Legislation,
    Kind::Manuscript,
    Kind::Map,
    Kind::MotionPicture,
    Kind::MusicalScore,
    Kind::Pamphlet,
    Kind::PaperConference,
    Kind::Patent,
    Kind::Performance,
    Kind::Periodical,
    Kind::PersonalCommunication,
    Kind::Post,
    Kind::PostWeblog,
    Kind::Regulation,
    Kind::Report,
    Kind::Review,
    Kind::ReviewBook,
    Kind::Software,
    Kind::Song,
    Kind::Speech,
    Kind::Standard,
    Kind::Thesis,
    Kind::Treaty,
    Kind::Webpage,
];

/// The CSL item types an entry matches, as a set over [`KINDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kinds(u64);

impl Kinds {
    /// Asks hayagriva which types `entry` matches; `None` if the probe
    /// cannot run, in which case the style is used undecided.
    pub fn of(entry: &Entry) -> Option<Kinds> {
        let probe = PROBE.as_ref()?;
        let mut driver = BibliographyDriver::new();
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(entry)],
            probe,
            &[],
        ));
        let rendered = driver.finish(BibliographyRequest::new(probe, None, &[]));
        let printed = rendered.citations.first()?.citation.to_string();
        let mut bits = 0u64;
        for mark in printed.split(PROBE_MARK).skip(1) {
            let digits: String = mark.chars().take_while(char::is_ascii_digit).collect();
            let index: usize = digits.parse().ok()?;
            if index >= KINDS.len() {
                return None;
            }
            bits |= 1 << index;
        }
        Some(Kinds(bits))
    }

    /// Whether the entry is of `kind`; `None` for a type the probe did not ask about.
    fn contains(self, kind: Kind) -> Option<bool> {
        let index = KINDS.iter().position(|k| *k == kind)?;
        Some(self.0 & (1 << index) != 0)
    }
}

/// Printed before the index of each matching type; not a character a type
/// test's output could otherwise contain.
const PROBE_MARK: char = '#';

/// A note style whose citation prints `#i` for each type `i` the entry matches.
pub static PROBE: LazyLock<Option<IndependentStyle>> = LazyLock::new(|| {
    let mut layout = String::new();
    for (index, kind) in KINDS.iter().enumerate() {
        let name = serde_json::to_value(kind).ok()?;
        let name = name.as_str()?;
        layout.push_str(&format!(
            r#"<choose><if type="{name}"><text value="{PROBE_MARK}{index} "/></if></choose>"#
        ));
    }
    let xml = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Item types</title><id>item-types</id><updated>2026-12-06T00:00:00+00:00</updated></info>
  <citation><layout>{layout}</layout></citation>
</style>"#
    );
    match IndependentStyle::from_xml(&xml) {
        Ok(style) => Some(style),
        Err(error) => {
            tracing::warn!(%error, "the item-type probe style does not parse; styles stay undecided");
            None
        }
    }
});

/// How many decided copies are kept; beyond it the cache starts afresh.
const CACHE_SIZE: usize = 64;
/// Decided copies by style name and kinds of entry.
type DecidedStyles = HashMap<(String, Kinds), Arc<IndependentStyle>>;
static DECIDED: LazyLock<Mutex<DecidedStyles>> = LazyLock::new(Default::default);

/// `style` (known as `name`) with every type test decided for an entry of
/// `kinds`, and without the macros such an entry can no longer reach (copying
/// them would cost more than the tests it saves, and the processor looks
/// macros up by a linear search).
pub fn decided(name: &str, style: &IndependentStyle, kinds: Kinds) -> Arc<IndependentStyle> {
    let key = (name.to_owned(), kinds);
    let cache = DECIDED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(found) = cache.get(&key) {
        return found.clone();
    }
    // Copied without the lock: renders of other kinds need not wait.
    drop(cache);
    let reachable = reachable_macros(style, Some(kinds));
    let mut citation = style.citation.clone();
    citation.layout.elements = decided_elements(&style.citation.layout.elements, kinds);
    let bibliography = style.bibliography.as_ref().map(|bibliography| {
        let mut copy = bibliography.clone();
        copy.layout.elements = decided_elements(&bibliography.layout.elements, kinds);
        copy
    });
    let copy = IndependentStyle {
        info: style.info.clone(),
        default_locale: style.default_locale.clone(),
        version: style.version.clone(),
        citation,
        bibliography,
        settings: style.settings.clone(),
        macros: style
            .macros
            .iter()
            .filter(|m| reachable.contains(m.name.as_str()))
            .map(|m| CslMacro {
                name: m.name.clone(),
                children: decided_elements(&m.children, kinds),
            })
            .collect(),
        locale: style.locale.clone(),
    };
    let mut cache = DECIDED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if cache.len() >= CACHE_SIZE {
        cache.clear();
    }
    cache.entry(key).or_insert_with(|| Arc::new(copy)).clone()
}

/// `style` as notes use it: without its bibliography, nor the macros only
/// the bibliography reached. The processor never looks those up, and a
/// one-document process would decode them for nothing.
pub fn for_notes(style: &mut IndependentStyle) {
    style.bibliography = None;
    let reachable: HashSet<String> = reachable_macros(style, None)
        .into_iter()
        .map(str::to_owned)
        .collect();
    style.macros.retain(|m| reachable.contains(&m.name));
}

/// The macros an entry of `kinds` can reach (any entry, when `None`): from
/// the layouts and sort keys, through every branch that may still be taken.
fn reachable_macros(style: &IndependentStyle, kinds: Option<Kinds>) -> HashSet<&str> {
    let mut reachable = HashSet::new();
    let mut pending: Vec<&LayoutRenderingElement> = Vec::new();
    let mut sorts = vec![style.citation.sort.as_ref()];
    pending.extend(&style.citation.layout.elements);
    if let Some(bibliography) = &style.bibliography {
        pending.extend(&bibliography.layout.elements);
        sorts.push(bibliography.sort.as_ref());
    }
    let mut macro_names: Vec<&str> = sorts
        .into_iter()
        .flatten()
        .flat_map(|sort| &sort.keys)
        .filter_map(|key| match key {
            SortKey::MacroName { name, .. } => Some(name.as_str()),
            SortKey::Variable { .. } => None,
        })
        .collect();
    loop {
        for name in macro_names.drain(..) {
            if reachable.insert(name) {
                if let Some(found) = style.macros.iter().find(|m| m.name == name) {
                    pending.extend(&found.children);
                }
            }
        }
        let Some(element) = pending.pop() else {
            break;
        };
        match element {
            LayoutRenderingElement::Text(text) => {
                if let TextTarget::Macro { name } = &text.target {
                    macro_names.push(name);
                }
            }
            LayoutRenderingElement::Group(group) => pending.extend(&group.children),
            LayoutRenderingElement::Names(names) => {
                for child in &names.children {
                    if let NamesChild::Substitute(substitute) = child {
                        pending.extend(&substitute.children);
                    }
                }
            }
            LayoutRenderingElement::Choose(choose) => match kinds {
                Some(kinds) => {
                    let (live, otherwise) = live_branches(choose, kinds);
                    for (branch, _) in live {
                        pending.extend(&branch.children);
                    }
                    if let Some(otherwise) = otherwise {
                        pending.extend(&otherwise.children);
                    }
                }
                None => {
                    for branch in choose.branches() {
                        pending.extend(&branch.children);
                    }
                    if let Some(otherwise) = &choose.otherwise {
                        pending.extend(&otherwise.children);
                    }
                }
            },
            LayoutRenderingElement::Date(_)
            | LayoutRenderingElement::Number(_)
            | LayoutRenderingElement::Label(_) => {}
        }
    }
    reachable
}

/// A copy of `elements` with their type tests decided; branches that can no
/// longer be taken are not copied.
fn decided_elements(
    elements: &[LayoutRenderingElement],
    kinds: Kinds,
) -> Vec<LayoutRenderingElement> {
    elements
        .iter()
        .map(|element| match element {
            LayoutRenderingElement::Group(group) => LayoutRenderingElement::Group(Group {
                children: decided_elements(&group.children, kinds),
                font_style: group.font_style,
                font_variant: group.font_variant,
                font_weight: group.font_weight,
                text_decoration: group.text_decoration,
                vertical_align: group.vertical_align,
                prefix: group.prefix.clone(),
                suffix: group.suffix.clone(),
                delimiter: group.delimiter.clone(),
                display: group.display,
            }),
            LayoutRenderingElement::Choose(choose) => {
                LayoutRenderingElement::Choose(decided_choose(choose, kinds))
            }
            LayoutRenderingElement::Names(names) => {
                let mut copy = names.clone();
                for child in &mut copy.children {
                    if let NamesChild::Substitute(substitute) = child {
                        substitute.children = decided_elements(&substitute.children, kinds);
                    }
                }
                LayoutRenderingElement::Names(copy)
            }
            LayoutRenderingElement::Text(_)
            | LayoutRenderingElement::Date(_)
            | LayoutRenderingElement::Number(_)
            | LayoutRenderingElement::Label(_) => element.clone(),
        })
        .collect()
}

/// What a branch's tests come to once its type test is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Always,
    Never,
    /// Other tests decide; `without_types` when the type test no longer matters.
    Open {
        without_types: bool,
    },
}

/// The branches of `choose` an entry of `kinds` may still take, in order, up
/// to the first that always matches, each with its outcome; and the `else`,
/// unless a branch always matches. The processor takes the first branch that
/// matches, then the `else`, so leaving out the others changes nothing.
fn live_branches(
    choose: &Choose,
    kinds: Kinds,
) -> (Vec<(&ChooseBranch, Outcome)>, Option<&ElseBranch>) {
    let mut live = Vec::new();
    for branch in choose.branches() {
        let outcome = judge(branch, kinds);
        match outcome {
            Outcome::Never => {}
            Outcome::Open { .. } => live.push((branch, outcome)),
            Outcome::Always => {
                live.push((branch, outcome));
                return (live, None);
            }
        }
    }
    (live, choose.otherwise.as_ref())
}

/// A copy of `choose` with only its live branches: a branch that always
/// matches loses its tests, one whose type test no longer matters loses that.
fn decided_choose(choose: &Choose, kinds: Kinds) -> Choose {
    let (live, otherwise) = live_branches(choose, kinds);
    let mut kept: Vec<ChooseBranch> = live
        .into_iter()
        .map(|(branch, outcome)| match outcome {
            Outcome::Open { without_types } => ChooseBranch {
                disambiguate: branch.disambiguate,
                is_numeric: branch.is_numeric.clone(),
                is_uncertain_date: branch.is_uncertain_date.clone(),
                locator: branch.locator.clone(),
                position: branch.position.clone(),
                type_: if without_types {
                    None
                } else {
                    branch.type_.clone()
                },
                variable: branch.variable.clone(),
                match_: branch.match_,
                children: decided_elements(&branch.children, kinds),
            },
            // `live_branches` keeps no branch that never matches.
            Outcome::Always | Outcome::Never => {
                unconditional(decided_elements(&branch.children, kinds))
            }
        })
        .collect();
    let mut otherwise = otherwise.map(|otherwise| ElseBranch {
        children: decided_elements(&otherwise.children, kinds),
    });
    if kept.is_empty() {
        // No branch left: the else branch always prints, or, without one,
        // nothing does, as an empty branch that always matches.
        kept.push(unconditional(
            otherwise.take().map(|o| o.children).unwrap_or_default(),
        ));
    }
    let mut kept = kept.into_iter();
    Choose {
        if_: kept.next().unwrap_or_else(|| unconditional(Vec::new())),
        else_if: kept.collect(),
        otherwise,
    }
}

fn judge(branch: &ChooseBranch, kinds: Kinds) -> Outcome {
    const UNDECIDED: Outcome = Outcome::Open {
        without_types: false,
    };
    if branch.disambiguate.is_some() {
        return UNDECIDED;
    }
    let Some(types) = &branch.type_ else {
        return UNDECIDED;
    };
    let Some(matches) = types
        .iter()
        .map(|kind| kinds.contains(*kind))
        .collect::<Option<Vec<bool>>>()
    else {
        return UNDECIDED;
    };
    let any = matches.iter().any(|m| *m);
    let all = matches.iter().all(|m| *m);
    // Each listed type is one test, combined with the branch's other tests
    // by its `match` attribute.
    match branch.match_ {
        ChooseMatch::All if !all => return Outcome::Never,
        ChooseMatch::Any if any => return Outcome::Always,
        ChooseMatch::None if any => return Outcome::Never,
        _ => {}
    }
    // The type tests are all true (all), all false (any, none): they no
    // longer change the outcome, and the other tests decide.
    let others_left = branch.is_numeric.is_some()
        || branch.is_uncertain_date.is_some()
        || branch.locator.is_some()
        || branch.position.is_some()
        || branch.variable.is_some();
    if others_left {
        return Outcome::Open {
            without_types: true,
        };
    }
    match branch.match_ {
        // No test left: "all" and "none" of nothing hold, "any" of nothing does not.
        ChooseMatch::All | ChooseMatch::None => Outcome::Always,
        ChooseMatch::Any => Outcome::Never,
    }
}

/// A branch without tests, which the processor always takes.
fn unconditional(children: Vec<LayoutRenderingElement>) -> ChooseBranch {
    ChooseBranch {
        disambiguate: None,
        is_numeric: None,
        is_uncertain_date: None,
        locator: None,
        position: None,
        type_: None,
        variable: None,
        match_: ChooseMatch::All,
        children,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(yaml_type: &str, parent: Option<&str>) -> Entry {
        let mut fields = serde_json::json!({ "type": yaml_type, "title": "T" });
        if let Some(parent) = parent {
            fields["parent"] = serde_json::json!({ "type": parent, "title": "P" });
        }
        let library: hayagriva::Library =
            serde_json::from_value(serde_json::json!({ "e": fields })).unwrap();
        let entry = library.iter().next().unwrap().clone();
        entry
    }

    #[test]
    fn the_probe_reports_what_hayagriva_decides() {
        let report = Kinds::of(&entry("report", None)).expect("the probe runs");
        assert_eq!(report.contains(Kind::Report), Some(true));
        assert_eq!(report.contains(Kind::Book), Some(false));
        let news = Kinds::of(&entry("article", Some("newspaper"))).unwrap();
        assert_eq!(news.contains(Kind::ArticleNewspaper), Some(true));
        assert_eq!(news.contains(Kind::Report), Some(false));
        assert_ne!(report, news);
    }

    fn type_tests(elements: &[LayoutRenderingElement]) -> usize {
        elements
            .iter()
            .map(|element| match element {
                LayoutRenderingElement::Group(group) => type_tests(&group.children),
                LayoutRenderingElement::Choose(choose) => {
                    choose
                        .branches()
                        .map(|b| usize::from(b.type_.is_some()) + type_tests(&b.children))
                        .sum::<usize>()
                        + choose
                            .otherwise
                            .as_ref()
                            .map_or(0, |o| type_tests(&o.children))
                }
                _ => 0,
            })
            .sum()
    }

    fn all_type_tests(style: &IndependentStyle) -> usize {
        type_tests(&style.citation.layout.elements)
            + style
                .macros
                .iter()
                .map(|m| type_tests(&m.children))
                .sum::<usize>()
    }

    #[test]
    fn a_decided_style_keeps_no_type_test_and_only_the_macros_it_reaches() {
        let style =
            crate::evidence::CitationStyle::by_name(crate::evidence::DEFAULT_STYLE).unwrap();
        let style = style.decoded().unwrap();
        let report = Kinds::of(&entry("report", None)).unwrap();
        let decided = decided("chicago-notes", style, report);
        assert!(all_type_tests(style) > 50, "{}", all_type_tests(style));
        assert_eq!(all_type_tests(&decided), 0);
        assert!(
            decided.macros.len() * 4 < style.macros.len() * 3,
            "{} of {} macros kept",
            decided.macros.len(),
            style.macros.len()
        );
    }
}
