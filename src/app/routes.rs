//! The pages behind the routes, as the server renders them. Each page's
//! interactive part is an island (see `scripts`): the route reads its
//! parameters here, on the server, and hands them to the island, which the
//! browser hydrates from them; and names the island's piece of the bundle
//! among the page's preloads.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::scripts::preload_island;
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
    preload_island("TemplatesPage");
    view! { <templates::TemplatesPage/> }
}

#[component]
pub fn Drafts() -> impl IntoView {
    preload_island("DraftsPage");
    view! { <drafts::DraftsPage/> }
}

#[component]
pub fn Wizard() -> impl IntoView {
    preload_island("WizardPage");
    view! { <drafts::WizardPage id=number("id")/> }
}

#[component]
pub fn History() -> impl IntoView {
    preload_island("HistoryPage");
    view! { <drafts::HistoryPage id=number("id").unwrap_or(0)/> }
}

#[component]
pub fn Evidence() -> impl IntoView {
    preload_island("EvidencePage");
    view! { <evidence::EvidencePage/> }
}

#[component]
pub fn Library() -> impl IntoView {
    preload_island("LibraryPage");
    view! { <templates::LibraryPage/> }
}

/// The editor, of a new template (`/library/new`) or of one in the library.
#[component]
pub fn Editor() -> impl IntoView {
    preload_island("EditorPage");
    view! { <templates::EditorPage id=param("id")/> }
}

#[component]
pub fn Account() -> impl IntoView {
    preload_island("AccountPage");
    view! { <account::AccountPage/> }
}

#[component]
pub fn Campaigns() -> impl IntoView {
    preload_island("CampaignsPage");
    view! { <campaigns::CampaignsPage/> }
}

#[component]
pub fn Campaign() -> impl IntoView {
    preload_island("CampaignPage");
    view! { <campaigns::CampaignPage id=number("id").unwrap_or(0)/> }
}

#[component]
pub fn CofilerImport() -> impl IntoView {
    preload_island("ImportPage");
    view! {
        <campaigns::ImportPage
            campaign=number("id").unwrap_or(0)
            import=number("import").unwrap_or(0)
        />
    }
}
