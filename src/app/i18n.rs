//! The page's language for the views. The server decides it for each
//! request (`runtime::language`) and writes it in `<html lang>`; the browser
//! reads it back from there, so hydration prints the same words the server
//! did. Views get it with [`use_lang`] and word themselves with `tr!`.

use leptos::prelude::*;

use crate::accounts::Role;
use crate::i18n::compiled::Catalogue;
use crate::i18n::tr;
use crate::i18n::Lang;

/// Puts the request's language in the context of every page (and, on the
/// server, its words among the page's preloads).
pub fn provide_lang() -> Lang {
    let lang = request_lang();
    provide_context(lang);
    #[cfg(feature = "ssr")]
    preload_words(lang);
    lang
}

/// The language of the page being rendered.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(request_lang)
}

#[cfg(feature = "ssr")]
fn request_lang() -> Lang {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Lang>().copied())
        .unwrap_or_default()
}

/// The page's language as the server wrote it in `<html lang>`.
#[cfg(not(feature = "ssr"))]
pub fn request_lang() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_default()
}

// Each language's words are a piece of the browser bundle of their own
// (split at these functions), so a page downloads its own language only.
#[leptos::lazy]
fn english_words() -> &'static Catalogue {
    crate::i18n::compiled::english()
}

#[leptos::lazy]
fn french_words() -> &'static Catalogue {
    crate::i18n::compiled::french()
}

/// Loads the words of `lang` for `tr!` in the browser; the page awaits it
/// before hydrating. On the server, calling it names the piece among the
/// page's preloads, so the browser fetches it beside the main bundle.
pub async fn load_words(lang: Lang) {
    let catalogue = match lang {
        Lang::En => english_words().await,
        Lang::Fr => french_words().await,
    };
    crate::i18n::compiled::install(lang, catalogue);
}

/// Names the piece holding `lang`'s words among the page's preloads. The
/// server's version of a lazy function does only that and is ready at
/// once: one poll runs it.
#[cfg(feature = "ssr")]
pub fn preload_words(lang: Lang) {
    use std::future::Future;
    use std::task::{Context, Waker};
    fn run_once(future: impl Future) {
        let mut future = std::pin::pin!(future);
        let _ = future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()));
    }
    match lang {
        Lang::En => run_once(english_words()),
        Lang::Fr => run_once(french_words()),
    }
}

/// The header's language switch: a plain form (`server::language`) that
/// comes back to the same page. Rendered by the server only (the header is
/// not an island).
#[cfg(feature = "ssr")]
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = leptos_router::hooks::use_location();
    let back = move || format!("{}{}", location.pathname.get(), location.search.get());
    let buttons: Vec<_> = Lang::ALL.into_iter().map(|choice| {
        let current = choice == lang;
        view! {
            <button type="submit" name="lang" value=choice.code() lang=choice.code() disabled=current aria-pressed=current.to_string()>
                {choice.own_name()}
            </button>
        }
    }).collect();
    view! {
        <form method="post" action="/language" class="language-switch" aria-label=tr!(lang, "language-switch")>
            <input type="hidden" name="back" value=back/>
            {buttons}
        </form>
    }
}

/// A role as the interface names it (the stored value stays `admin` etc.).
pub fn role_name(lang: Lang, role: Role) -> String {
    match role {
        Role::Viewer => tr!(lang, "role-viewer"),
        Role::Drafter => tr!(lang, "role-drafter"),
        Role::Editor => tr!(lang, "role-editor"),
        Role::Admin => tr!(lang, "role-admin"),
    }
}

/// The day of a stored RFC 3339 time, as the page's language writes it
/// ("16 February 2026"); a time it cannot read is shown as stored.
pub fn stored_day(lang: Lang, stored: &str) -> String {
    stored
        .get(..10)
        .and_then(crate::text::parse_date)
        .map_or_else(|| stored.to_owned(), |date| crate::i18n::date(lang, date))
}
