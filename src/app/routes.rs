//! The pages behind the routes, as the server renders them. Each page's
//! interactive part is an island (see `scripts`): the route reads its
//! parameters here, on the server, and hands them to the island, which the
//! browser hydrates from them; and names the page's browser bundle (and,
//! for a lazy island, its piece) among the page's scripts and preloads.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::scripts::{Bundle, PageScripts};
use super::{account, campaigns, drafts, evidence, templates};

/// A route parameter, as the path gives it.
fn param(name: &str) -> Option<String> {
    use_params_map().read_untracked().get(name)
}

/// A numeric route parameter; a path whose part is not a number names
/// nothing, as an unknown id does.
fn number(name: &str) -> Option<i64> {
    param(name).and_then(|value| value.parse().ok())
}

#[component]
pub fn Templates() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::Templates/>
        <templates::TemplatesPage/>
    }
}

#[component]
pub fn Drafts() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::Drafts/>
        <drafts::DraftsPage/>
    }
}

#[component]
pub fn Wizard() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::Wizard/>
        <drafts::WizardPage id=number("id")/>
    }
}

#[component]
pub fn History() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::others("HistoryPage")/>
        <drafts::HistoryPage id=number("id").unwrap_or(0)/>
    }
}

#[component]
pub fn Evidence() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::others("EvidencePage")/>
        <evidence::EvidencePage/>
    }
}

#[component]
pub fn Library() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::others("LibraryPage")/>
        <templates::LibraryPage/>
    }
}

/// The editor, of a new template (`/library/new`) or of one in the library.
#[component]
pub fn Editor() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::others("EditorPage")/>
        <templates::EditorPage id=param("id")/>
    }
}

#[component]
pub fn Account() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::others("AccountPage")/>
        <account::AccountPage/>
    }
}

#[component]
pub fn Campaigns() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::others("CampaignsPage")/>
        <campaigns::CampaignsPage/>
    }
}

#[component]
pub fn Campaign() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::others("CampaignPage")/>
        <campaigns::CampaignPage id=number("id").unwrap_or(0)/>
    }
}

#[component]
pub fn CofilerImport() -> impl IntoView {
    view! {
        <PageScripts bundle=Bundle::others("ImportPage")/>
        <campaigns::ImportPage
            campaign=number("id").unwrap_or(0)
            import=number("import").unwrap_or(0)
        />
    }
}
