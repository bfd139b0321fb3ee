//! The page around the islands: the HTML document, the header and the
//! routes, rendered by the server only.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use super::{account, i18n, routes, scripts};
use crate::i18n::tr;

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = i18n::use_lang();
    scripts::provide_bundle_context(options.clone());
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <link rel="stylesheet" id="leptos" href=format!("/{}/resolution-studio.css", options.site_pkg_dir)/>
                <AutoReload options=options.clone()/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = i18n::provide_lang();
    view! {
        <Title text=tr!(lang, "site-name")/>
        <Router>
            <header class="site-header">
                <a class="brand" href="/">{tr!(lang, "site-name")}</a>
                <nav aria-label=tr!(lang, "nav-label")>
                    <a href="/">{tr!(lang, "nav-templates")}</a>
                    <a href="/drafts">{tr!(lang, "nav-drafts")}</a>
                    <a href="/campaigns">{tr!(lang, "nav-campaigns")}</a>
                    <a href="/evidence">{tr!(lang, "nav-evidence")}</a>
                    <a href="/library">{tr!(lang, "nav-library")}</a>
                    <a href="/account">{tr!(lang, "nav-account")}</a>
                </nav>
                <i18n::LanguageSwitch/>
                <account::AccountMenu/>
            </header>
            // Shown by the page's script (`islands.js`) while a file it needs
            // cannot be fetched; the words are the server's, in the page's language.
            <p id="script-retry" class="script-retry" role="status" hidden=true>
                {tr!(lang, "script-retrying")}
            </p>
            <main id="main">
                <Routes fallback=move || view! { <p class="not-found">{tr!(lang, "page-not-found")}</p> }>
                    <Route path=StaticSegment("") view=routes::Templates/>
                    <Route path=StaticSegment("drafts") view=routes::Drafts/>
                    // Pages of one organisation's thing render whole before answering,
                    // so another organisation's id answers 404, not an empty 200.
                    <Route path=(StaticSegment("drafts"), ParamSegment("id")) view=routes::Wizard ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("drafts"), ParamSegment("id"), StaticSegment("history"))
                        view=routes::History
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("campaigns") view=routes::Campaigns/>
                    <Route path=(StaticSegment("campaigns"), ParamSegment("id")) view=routes::Campaign ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("campaigns"), ParamSegment("id"), StaticSegment("import"), ParamSegment("import"))
                        view=routes::CofilerImport
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("evidence") view=routes::Evidence/>
                    <Route path=StaticSegment("account") view=routes::Account/>
                    <Route path=StaticSegment("library") view=routes::Library/>
                    <Route path=(StaticSegment("library"), StaticSegment("new")) view=routes::Editor/>
                    <Route
                        path=(StaticSegment("library"), ParamSegment("id"), StaticSegment("edit"))
                        view=routes::Editor
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
        </Router>
    }
}
