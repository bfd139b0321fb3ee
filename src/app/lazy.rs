//! Pages loaded when first visited. Each is its own piece of the browser
//! bundle (Leptos's lazy routes; the xtask splits the wasm at them), so the
//! first download holds the shell, the template list and the drafts list,
//! and the wizard, history, evidence, library, editor, account and
//! campaign pages come when first opened. The server renders them as before and tells the
//! browser which piece a page needs, so it is fetched with the main bundle.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use super::{account, campaigns, drafts, evidence, templates};

// Written out one by one rather than by a macro: the split names each piece
// after the place its `#[lazy_route]` stands in this file, so routes made by
// one macro would all get the same name.

pub struct Wizard;

#[lazy_route]
impl LazyRoute for Wizard {
    fn data() -> Self {
        Wizard
    }

    fn view(_this: Self) -> AnyView {
        view! { <drafts::WizardPage/> }.into_any()
    }
}

pub struct History;

#[lazy_route]
impl LazyRoute for History {
    fn data() -> Self {
        History
    }

    fn view(_this: Self) -> AnyView {
        view! { <drafts::HistoryPage/> }.into_any()
    }
}

pub struct Evidence;

#[lazy_route]
impl LazyRoute for Evidence {
    fn data() -> Self {
        Evidence
    }

    fn view(_this: Self) -> AnyView {
        view! { <evidence::EvidencePage/> }.into_any()
    }
}

pub struct Library;

#[lazy_route]
impl LazyRoute for Library {
    fn data() -> Self {
        Library
    }

    fn view(_this: Self) -> AnyView {
        view! { <templates::LibraryPage/> }.into_any()
    }
}

pub struct Editor;

#[lazy_route]
impl LazyRoute for Editor {
    fn data() -> Self {
        Editor
    }

    fn view(_this: Self) -> AnyView {
        view! { <templates::EditorPage/> }.into_any()
    }
}

pub struct Account;

#[lazy_route]
impl LazyRoute for Account {
    fn data() -> Self {
        Account
    }

    fn view(_this: Self) -> AnyView {
        view! { <account::AccountPage/> }.into_any()
    }
}

pub struct Campaigns;

#[lazy_route]
impl LazyRoute for Campaigns {
    fn data() -> Self {
        Campaigns
    }

    fn view(_this: Self) -> AnyView {
        view! { <campaigns::CampaignsPage/> }.into_any()
    }
}

pub struct Campaign;

#[lazy_route]
impl LazyRoute for Campaign {
    fn data() -> Self {
        Campaign
    }

    fn view(_this: Self) -> AnyView {
        view! { <campaigns::CampaignPage/> }.into_any()
    }
}

pub struct CofilerImport;

#[lazy_route]
impl LazyRoute for CofilerImport {
    fn data() -> Self {
        CofilerImport
    }

    fn view(_this: Self) -> AnyView {
        view! { <campaigns::ImportPage/> }.into_any()
    }
}
