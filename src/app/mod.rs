//! The web app's UI (Leptos): the HTML shell, routes and pages. Rendered on
//! the server, then hydrated in the browser by the `hydrate` bundle.

pub mod pages;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::StaticSegment;
use serde::{Deserialize, Serialize};

/// What the template list shows of a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateSummary {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub language: String,
    pub jurisdiction: Option<String>,
    pub description: Option<String>,
    pub has_sample: bool,
}

#[cfg(feature = "ssr")]
impl TemplateSummary {
    pub fn of(entry: &crate::templates::CatalogEntry) -> TemplateSummary {
        let front = &entry.template.front;
        TemplateSummary {
            id: front.id.clone(),
            title: front.title.clone(),
            kind: front.kind.as_str().to_owned(),
            language: front.language.clone(),
            jurisdiction: front.jurisdiction.clone(),
            description: front.description.clone(),
            has_sample: entry.sample.is_some(),
        }
    }
}

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
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
    view! {
        <Stylesheet id="leptos" href="/pkg/resolution-studio.css"/>
        <Title text="Resolution Studio"/>
        <Router>
            <header class="site-header">
                <a class="brand" href="/">"Resolution Studio"</a>
                <nav aria-label="Main">
                    <a href="/">"Templates"</a>
                </nav>
            </header>
            <main id="main">
                <Routes fallback=|| view! { <p class="not-found">"There is no page at this address."</p> }>
                    <Route path=StaticSegment("") view=pages::templates::TemplatesPage/>
                </Routes>
            </main>
        </Router>
    }
}
