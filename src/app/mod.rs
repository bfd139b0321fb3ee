//! The web app's UI (Leptos): the HTML shell, routes and pages. Rendered on
//! the server, then hydrated in the browser by the `hydrate` bundle.

pub mod account;
pub mod api_tokens;
#[cfg(feature = "ssr")]
pub mod calls;
pub mod campaigns;
pub mod drafts;
pub mod error;
pub mod evidence;
pub mod forms;
pub mod i18n;
mod lazy;
pub mod loaded;
pub mod templates;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, ParamSegment, SsrMode, StaticSegment};

use crate::i18n::tr;

pub use crate::templates::summary::TemplateSummary;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <link rel="stylesheet" id="leptos" href=format!("/{}/resolution-studio.css", options.site_pkg_dir)/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
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
            <main id="main">
                <Routes fallback=move || view! { <p class="not-found">{tr!(lang, "page-not-found")}</p> }>
                    <Route path=StaticSegment("") view=templates::TemplatesPage/>
                    <Route path=StaticSegment("drafts") view=drafts::DraftsPage/>
                    // Pages of one organisation's thing render whole before answering,
                    // so another organisation's id answers 404, not an empty 200.
                    <Route path=(StaticSegment("drafts"), ParamSegment("id")) view={Lazy::<lazy::Wizard>::new()} ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("drafts"), ParamSegment("id"), StaticSegment("history"))
                        view={Lazy::<lazy::History>::new()}
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("campaigns") view={Lazy::<lazy::Campaigns>::new()}/>
                    <Route path=(StaticSegment("campaigns"), ParamSegment("id")) view={Lazy::<lazy::Campaign>::new()} ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("campaigns"), ParamSegment("id"), StaticSegment("import"), ParamSegment("import"))
                        view={Lazy::<lazy::CofilerImport>::new()}
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("evidence") view={Lazy::<lazy::Evidence>::new()}/>
                    <Route path=StaticSegment("account") view={Lazy::<lazy::Account>::new()}/>
                    <Route path=StaticSegment("library") view={Lazy::<lazy::Library>::new()}/>
                    <Route path=(StaticSegment("library"), StaticSegment("new")) view={Lazy::<lazy::Editor>::new()}/>
                    <Route
                        path=(StaticSegment("library"), ParamSegment("id"), StaticSegment("edit"))
                        view={Lazy::<lazy::Editor>::new()}
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
        </Router>
    }
}
