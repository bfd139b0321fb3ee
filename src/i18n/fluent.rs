//! The server's wording: `fluent-bundle` over every catalogue file, the
//! check findings, store refusals and template problems included.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::{sources, Args, Lang, Value};

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> Bundle {
    let id = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::Fr => unic_langid::langid!("fr"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No bidi isolation marks around arguments: the pages set direction
    // themselves, and the marks would show up in copied text and titles.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        // A syntax error or a duplicate id fails `catalogue_tests`; here the
        // parts that did parse are still used.
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

pub(super) fn text(lang: Lang, id: &str, args: Option<&Args>) -> String {
    let bundle = &BUNDLES[lang.index()];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let args = args.map(|args| {
        let mut fluent = FluentArgs::new();
        for (name, value) in args.iter() {
            match value {
                Value::Text(text) => fluent.set(name, text.as_ref()),
                Value::Number(n) => fluent.set(name, *n),
            }
        }
        fluent
    });
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args.as_ref(), &mut errors)
        .into_owned()
}
